"""Hand-over to staff, without Telegram: office hours, the config keys, the cases table and the staff texts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.config import ConfigError, config_from_dict
from bot.conversation.handoff import ALPHABET, HandoffCases
from bot.conversation.handoff_text import back_text, staff_case_text
from bot.hours import next_opening
from bot.kb.model import OpeningHours

HELSINKI = ZoneInfo("Europe/Helsinki")
WEEKDAYS_9_TO_15 = OpeningHours(week={day: (9 * 60, 15 * 60) for day in range(5)})
STAFF = {"staff": {"user_ids": [7]}}


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=HELSINKI)


# --- office hours ---------------------------------------------------------------------------------------
def test_on_friday_evening_staff_are_next_in_on_monday_morning():
    assert next_opening(WEEKDAYS_9_TO_15, at(2026, 11, 27, 16, 0)) == at(2026, 11, 30, 9, 0)


def test_before_opening_staff_are_in_the_same_morning():
    assert next_opening(WEEKDAYS_9_TO_15, at(2026, 11, 30, 7, 45)) == at(2026, 11, 30, 9, 0)


def test_finnish_independence_day_and_christmas_are_skipped():
    # Friday 4 Dec 2026 evening: Sat 5, Sun 6 (Independence Day) -> Mon 7 Dec
    assert next_opening(WEEKDAYS_9_TO_15, at(2026, 12, 4, 18, 0)) == at(2026, 12, 7, 9, 0)
    # Wed 23 Dec evening: 24, 25 holidays, weekend, Mon 28
    assert next_opening(WEEKDAYS_9_TO_15, at(2026, 12, 23, 18, 0)) == at(2026, 12, 28, 9, 0)


def test_an_exception_day_counts():
    hours = OpeningHours(week=WEEKDAYS_9_TO_15.week, dates={date(2026, 11, 30): None})
    assert next_opening(hours, at(2026, 11, 27, 16, 0)) == at(2026, 12, 1, 9, 0)


def test_the_person_is_told_in_their_language_when_staff_are_back(kb):
    friday_evening = at(2026, 11, 27, 16, 0)
    assert back_text(kb, WEEKDAYS_9_TO_15, friday_evening, "fi") == \
        "Henkilökunta on paikalla seuraavan kerran ma 30.11. klo 9.00."
    assert "mån 30.11 kl. 9.00" in back_text(kb, WEEKDAYS_9_TO_15, friday_evening, "sv")
    assert "Mon 30.11. at 9:00" in back_text(kb, WEEKDAYS_9_TO_15, friday_evening, "en")
    assert back_text(kb, WEEKDAYS_9_TO_15, at(2026, 11, 30, 10, 0), "fi") == ""


# --- config ---------------------------------------------------------------------------------------------
def test_without_a_handoff_section_handoff_is_off():
    assert not config_from_dict({}).handoff


def test_handoff_hours_are_read_like_opening_hours():
    config = config_from_dict({"handoff": {"chat_id": -1001234567890, "hours": {
        "weekly": {"mon": "08:00-16:00", "fri": "09:00-12:00"}, "exceptions": {"2026-12-31": "closed"}}}, **STAFF})
    assert config.handoff and config.handoff_chat_id == -1001234567890
    assert config.handoff_hours.week == {0: ((480, 960),), 4: ((540, 720),)}
    assert config.handoff_hours.dates == {date(2026, 12, 31): ()}


def test_handoff_hours_default_to_weekdays_9_to_15():
    config = config_from_dict({"handoff": {"chat_id": -100}, **STAFF})
    assert config.handoff_hours.week == WEEKDAYS_9_TO_15.week


@pytest.mark.parametrize("handoff, message", [
    ({"chat_id": -1, "hours": {"weekly": {"mon": "9-15"}}}, "handoff.hours: opening hours '9-15' not understood"),
    ({"chat_id": -1, "hours": {"weekly": {"mun": "09:00-15:00"}}}, "handoff.hours.weekly: unknown field 'mun'"),
    ({"chat_id": -1, "hours": {"weekly": {}}}, "handoff.hours needs at least one weekday"),
    ({"chat_id": -1, "hours": "weekdays 9-15"}, "handoff.hours must be a dict"),
    ({"chat_id": 12345}, "handoff.chat_id must be the id of a group"),
    ({"chat_id": "-100"}, "handoff.chat_id must be a int"),
])
def test_bad_handoff_settings_stop_start_up_naming_the_key(handoff, message):
    with pytest.raises(ConfigError, match=message):
        config_from_dict({"handoff": handoff, **STAFF})


def test_a_staff_group_without_staff_ids_stops_start_up():
    with pytest.raises(ConfigError, match="staff.user_ids is empty"):
        config_from_dict({"handoff": {"chat_id": -100}})


# --- the cases table ------------------------------------------------------------------------------------
class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 30, 8, 0, tzinfo=UTC))


@pytest.fixture
def cases(clock) -> HandoffCases:
    return HandoffCases(Database(memory=True), b"k" * 32, now=clock)


def test_a_person_has_one_open_case_and_asking_again_reuses_it(cases):
    first = cases.request(101, 101, "fi")
    cases.sent_to_staff(first.number, [5001])
    again = cases.request(101, 101, "sv")
    assert again.number == first.number and again.awaiting and again.language == "sv" and again.delivered
    assert len(first.number) == 5 and set(first.number) <= set(ALPHABET)


def test_a_staff_message_leads_back_to_its_person_and_closing_forgets_them(cases):
    case = cases.request(101, 101, "fi")
    other = cases.request(202, 202, "en")
    cases.sent_to_staff(case.number, [5001])
    cases.sent_to_staff(other.number, [5002])
    assert cases.by_staff_message(5001).chat_id == 101 and cases.by_staff_message(5002).chat_id == 202
    cases.close(case.number)
    assert cases.by_staff_message(5001) is None and cases.of_person(101) is None
    assert cases.db.execute("select count(*) from handoff_messages").fetchone()[0] == 1


def test_the_table_holds_no_raw_user_id_and_no_question(cases):
    cases.request(987654321, 987654321, "fi")
    columns = [c.name for c in cases.db["handoff_cases"].columns]
    assert "question" not in columns and "text" not in columns
    assert str(987654321) not in str(cases.db.execute("select user_key from handoff_cases").fetchall())


def test_open_cases_older_than_the_retention_period_are_purged(cases, clock):
    old = cases.request(101, 101, "fi")
    cases.sent_to_staff(old.number, [5001])
    clock.now += timedelta(days=80)
    cases.request(202, 202, "fi")
    clock.now += timedelta(days=11)
    assert cases.purge(90) == 1
    assert cases.of_person(101) is None and cases.by_staff_message(5001) is None and cases.of_person(202)


# --- what staff see -------------------------------------------------------------------------------------
def test_staff_see_case_language_municipality_and_last_answer(kb, cases):
    case = cases.request(555000111, 555000111, "sv")
    text = staff_case_text(kb, case, "Mitt ansökan avslogs, vad gör jag?", "kuhmo", "Jag förstod tyvärr inte.")
    assert case.number in text and "Kieli: sv" in text and "Kuhmo" in text and "Jag förstod tyvärr inte." in text
    assert "Mitt ansökan avslogs" in text and "555000111" not in text
    assert "ei tiedossa" in staff_case_text(kb, case, "Hei", None, None)
