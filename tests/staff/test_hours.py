"""Opening hours: weekly hours, Finnish public holidays and staff-written exceptions."""

import dataclasses
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.answer import Context
from bot.engine import Engine
from bot.hours import day_hours, is_open, is_public_holiday
from bot.kb.model import OpeningHours

HELSINKI = ZoneInfo("Europe/Helsinki")
WEEKDAYS_9_TO_15 = {day: (9 * 60, 15 * 60) for day in range(5)}


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=HELSINKI)


@pytest.fixture
def hours() -> OpeningHours:
    return OpeningHours(week=WEEKDAYS_9_TO_15, dates={
        date(2026, 12, 23): (10 * 60, 12 * 60),
        date(2026, 12, 24): (9 * 60, 11 * 60),  # staff decided to open on Christmas Eve morning
        date(2026, 11, 18): None,  # training day
    })


def test_open_on_a_weekday_within_hours(hours):
    assert is_open(hours, at(2026, 11, 17, 10, 30))  # Tuesday


def test_closed_before_opening_and_at_closing_time(hours):
    assert not is_open(hours, at(2026, 11, 17, 8, 59))
    assert not is_open(hours, at(2026, 11, 17, 15, 0))
    assert is_open(hours, at(2026, 11, 17, 14, 59))


def test_closed_at_the_weekend(hours):
    assert not is_open(hours, at(2026, 11, 21, 11, 0))  # Saturday
    assert not is_open(hours, at(2026, 11, 22, 11, 0))  # Sunday


def test_closed_on_independence_day_even_on_a_weekday():
    hours = OpeningHours(week=WEEKDAYS_9_TO_15)
    assert date(2025, 12, 6).weekday() == 5 and date(2027, 12, 6).weekday() == 0
    assert not is_open(hours, at(2027, 12, 6, 10, 0))  # itsenäisyyspäivä on a Monday
    assert is_open(hours, at(2027, 12, 7, 10, 0))


def test_closed_on_christmas_eve_and_midsummer_eve_without_an_exception():
    hours = OpeningHours(week=WEEKDAYS_9_TO_15)
    assert is_public_holiday(date(2026, 12, 24))
    assert not is_open(hours, at(2026, 12, 24, 10, 0))  # Thursday
    assert not is_open(hours, at(2026, 6, 19, 10, 0))  # juhannusaatto, Friday


def test_an_exception_overrides_the_holiday(hours):
    assert is_open(hours, at(2026, 12, 24, 10, 0))
    assert not is_open(hours, at(2026, 12, 24, 11, 30))


def test_an_exception_changes_or_closes_a_normal_day(hours):
    assert not is_open(hours, at(2026, 12, 23, 9, 30))
    assert is_open(hours, at(2026, 12, 23, 11, 0))
    assert not is_open(hours, at(2026, 11, 18, 10, 0))
    assert day_hours(hours, date(2026, 11, 18)).spans == ()


def test_utc_time_is_read_in_helsinki_time(hours):
    # 07:30 UTC in November is 09:30 in Helsinki (UTC+2): open; 06:30 UTC is 08:30: closed.
    assert is_open(hours, datetime(2026, 11, 17, 7, 30, tzinfo=UTC))
    assert not is_open(hours, datetime(2026, 11, 17, 6, 30, tzinfo=UTC))
    # summer time (UTC+3): 12:30 UTC is 15:30 in Helsinki: closed.
    assert not is_open(hours, datetime(2026, 6, 16, 12, 30, tzinfo=UTC))


def test_naive_time_is_helsinki_wall_clock(hours):
    assert is_open(hours, datetime(2026, 11, 17, 9, 0))


def test_unknown_hours_are_never_open():
    assert not is_open(OpeningHours(), at(2026, 11, 17, 10, 0))


def test_an_answer_says_whether_the_point_is_open_now(kb):
    point = kb.service_points["kuhmo_kaupungintalo"]
    with_hours = dataclasses.replace(point, opening_hours=OpeningHours(week=WEEKDAYS_9_TO_15))
    engine = Engine(dataclasses.replace(kb, service_points={**kb.service_points, point.id: with_hours}))
    context = Context(language="en", municipality="kuhmo")
    assert "Open now" in engine.answer("te office", context, now=at(2026, 11, 17, 10, 0)).text
    assert "Closed now" in engine.answer("te office", context, now=at(2026, 12, 24, 10, 0)).text
