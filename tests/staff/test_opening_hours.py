"""Opening hours as offices have them (issue 16 item 2): a lunch break, summer hours, holidays, by appointment.

A fixture point gets its hours in a private copy of the knowledge base, written the friendly way and as an
OpenStreetMap string; both must validate and say "open/closed now" right at the same ten moments.
"""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from kb_edit import line_of

from bot import SHIPPED_KNOWLEDGE
from bot.engine.hours_text import status_text, week_text
from bot.hours import (
    HELSINKI,
    day_hours,
    is_open,
    next_opening,
    schema_org_hours,
    status_at,
    week_hours,
)
from bot.kb import KnowledgeBase, load_knowledge_base, validate_directory
from bot.kb.model import OpeningHours, Season

POINT = "kuhmo_kaupungintalo"
LUNCH = "09:00-11:30, 12:30-15:00"
FRIENDLY = f"""opening_hours:
      weekly: {{mon: "{LUNCH}", tue: "{LUNCH}", wed: "{LUNCH}", thu: "{LUNCH}", fri: "09:00-12:00", sat: closed}}
      seasons:
        - from: "06-15"
          to: "08-09"
          weekly: {{mon: "09:00-12:00", tue: "09:00-12:00", wed: "09:00-12:00", thu: "09:00-12:00"}}
          note: {{fi: Kesällä lyhyemmät ajat., sv: Kortare tider på sommaren., en: Shorter hours in summer.}}
      exceptions: {{"2026-12-23": "09:00-12:00", "2026-12-31": closed}}
      by_appointment: [fri]
      note: {{fi: Varaa aika puhelimitse., sv: Boka tid per telefon., en: Book by phone.}}"""
OSM = ("Mo-Th 09:00-11:30,12:30-15:00; Fr 09:00-12:00 \"by appointment\"; "
       "Jun 15-Aug 09 Mo-Th 09:00-12:00; Jun 15-Aug 09 Fr off; Dec 23 09:00-12:00; Dec 31 off; PH off")
OSM_FORM = f"""opening_hours:
      osm: '{OSM}'
      note: {{fi: Varaa aika puhelimitse., sv: Boka tid per telefon., en: Book by phone.}}"""


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=HELSINKI)


def with_hours(directory: Path, block: str) -> Path:
    """Give the fixture point `block` as its opening hours (the shipped ones have none); the file's path."""
    path = directory / "service_points.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {POINT}")
    where = text.index("opening_hours: {}", start)
    path.write_text(text[:where] + block + text[where + len("opening_hours: {}"):], encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=["friendly", "osm"])
def fixture_kb(request, tmp_path_factory) -> KnowledgeBase:
    directory = tmp_path_factory.mktemp(request.param) / "knowledge"
    shutil.copytree(SHIPPED_KNOWLEDGE, directory)
    with_hours(directory, FRIENDLY if request.param == "friendly" else OSM_FORM)
    assert validate_directory(directory) == []
    return load_knowledge_base(directory)


@pytest.fixture(scope="module")
def hours(fixture_kb: KnowledgeBase) -> OpeningHours:
    return fixture_kb.service_points[POINT].opening_hours


# -- the ten moments: (moment, open?, until or next opening, by appointment?, Finnish words) -----------------
MOMENTS = [
    pytest.param(at(2026, 12, 7, 8, 30), False, at(2026, 12, 7, 9, 0), False,
                 "Suljettu nyt, avautuu tänään klo 9.00.", id="before opening"),
    pytest.param(at(2026, 12, 7, 10, 0), True, at(2026, 12, 7, 11, 30), False,
                 "Avoinna nyt, klo 11.30 asti.", id="morning span"),
    pytest.param(at(2026, 12, 7, 12, 0), False, at(2026, 12, 7, 12, 30), False,
                 "Suljettu nyt, avautuu tänään klo 12.30.", id="lunch"),
    pytest.param(at(2026, 12, 7, 13, 0), True, at(2026, 12, 7, 15, 0), False,
                 "Avoinna nyt, klo 15.00 asti.", id="after lunch"),
    pytest.param(at(2026, 12, 7, 16, 0), False, at(2026, 12, 8, 9, 0), False,
                 "Suljettu nyt, avautuu huomenna klo 9.00.", id="after closing"),
    pytest.param(at(2026, 12, 11, 10, 0), True, at(2026, 12, 11, 12, 0), True,
                 "Avoinna nyt ajanvarauksella, klo 12.00 asti.", id="appointment-only day"),
    pytest.param(at(2026, 12, 24, 10, 0), False, at(2026, 12, 28, 9, 0), False,
                 "Suljettu nyt, avautuu maanantaina klo 9.00.", id="public holiday (Christmas Eve)"),
    pytest.param(at(2026, 7, 7, 13, 0), False, at(2026, 7, 8, 9, 0), False,
                 "Suljettu nyt, avautuu huomenna klo 9.00.", id="summer range afternoon"),
    pytest.param(at(2026, 12, 7, 15, 0), False, at(2026, 12, 8, 9, 0), False,
                 "Suljettu nyt, avautuu huomenna klo 9.00.", id="exact closing minute"),
    pytest.param(at(2026, 12, 13, 12, 0), False, at(2026, 12, 14, 9, 0), False,
                 "Suljettu nyt, avautuu huomenna klo 9.00.", id="Sunday"),
]


@pytest.mark.parametrize("moment, is_open_now, change, appointment, finnish", MOMENTS)
def test_open_or_closed_now_at_ten_moments(fixture_kb, hours, moment, is_open_now, change, appointment, finnish):
    status = status_at(hours, moment)
    assert status is not None and status.open is is_open_now and is_open(hours, moment) is is_open_now
    assert (status.until if is_open_now else status.opens) == change
    assert status.by_appointment is appointment
    assert status_text(fixture_kb, hours, moment, "fi") == finnish


def test_summer_hours_replace_the_normal_week(hours):
    assert status_at(hours, at(2026, 7, 7, 11, 0)).until == at(2026, 7, 7, 12, 0)
    assert not is_open(hours, at(2026, 7, 10, 10, 0))  # Friday has no summer hours
    assert is_open(hours, at(2026, 8, 10, 14, 0))  # the day after the season: the normal week again


def test_exceptions_shorten_or_close_a_day(hours):
    assert is_open(hours, at(2026, 12, 23, 11, 0)) and not is_open(hours, at(2026, 12, 23, 13, 0))
    assert not is_open(hours, at(2026, 12, 31, 10, 0))
    assert next_opening(hours, at(2026, 12, 30, 16, 0)) == at(2027, 1, 4, 9, 0)  # 1.1. a holiday, then the weekend


def test_utc_moments_are_read_in_helsinki_time(hours):
    assert is_open(hours, datetime(2026, 12, 7, 8, 0, tzinfo=UTC))  # 10.00 in Helsinki
    assert not is_open(hours, datetime(2026, 12, 7, 10, 0, tzinfo=UTC))  # 12.00: lunch


def test_status_in_swedish_and_english(fixture_kb, hours):
    assert status_text(fixture_kb, hours, at(2026, 12, 7, 12, 0), "sv") == "Stängt nu, öppnar i dag kl. 12.30."
    assert status_text(fixture_kb, hours, at(2026, 12, 7, 13, 0), "en") == "Open now, until 15:00."
    assert status_text(fixture_kb, hours, at(2026, 12, 12, 10, 0), "en") == \
        "Closed now, opens on Monday at 9:00."
    assert status_text(fixture_kb, hours, at(2026, 12, 10, 16, 0), "en") == \
        "Closed now, opens tomorrow at 9:00 (by appointment)."


def test_the_weeks_hours_with_holidays_and_appointments(fixture_kb, hours):
    week = week_hours(hours, date(2026, 12, 23))
    assert [d.day for d in week] == [date(2026, 12, 21 + n) for n in range(7)]
    assert week[0] == ((0, ((540, 690), (750, 900)), False, date(2026, 12, 21), False))
    assert week[2].spans == ((540, 720),)  # the exception
    assert week[3].spans == () and week[3].holiday  # Christmas Eve
    assert week[5].spans == ()  # Saturday (Boxing Day): closed either way
    assert week[5].holiday is bool(hours.osm)  # the OSM form cannot tell whether the holiday closed it
    assert week_hours(hours, date(2026, 12, 10))[4].by_appointment
    text = week_text(fixture_kb, hours, date(2026, 12, 9), "fi")
    assert text.splitlines()[:2] == ["Aukioloajat 7.12.–13.12.:", "ma 7.12. 9.00–11.30, 12.30–15.00"]
    assert "pe 11.12. 9.00–12.00 (ajanvarauksella)" in text and "la 12.12. suljettu" in text
    assert text.endswith("Varaa aika puhelimitse.")
    christmas = week_text(fixture_kb, hours, date(2026, 12, 24), "en")
    assert "Thu 24/12 closed (public holiday)" in christmas
    if not hours.osm:  # a season's note
        assert "Shorter hours in summer." in week_text(fixture_kb, hours, date(2026, 7, 1), "en")


def test_schema_org_hours_say_closed_days_the_schema_org_way(hours):
    found = schema_org_hours(hours, date(2026, 12, 21), 14, appointment="by appointment")
    special = {(s["validFrom"], s.get("opens")): s for s in found["specialOpeningHoursSpecification"]}
    if hours.osm:  # the expression's own dates are days of the window like any other
        special |= {(s["validFrom"], s.get("opens")): s for s in found["openingHoursSpecification"]}
    christmas_eve = special[("2026-12-24", None)]
    assert "opens" not in christmas_eve and "closes" not in christmas_eve  # no 00:00-00:00
    assert christmas_eve["validThrough"] == "2026-12-24"
    assert ("2026-12-23", "09:00") in special and ("2026-12-31", None) in special
    assert ("2027-01-01", None) in special  # New Year's Day, a Friday
    assert all(s["@type"] == "OpeningHoursSpecification" for s in found["specialOpeningHoursSpecification"])


def test_schema_org_weekly_hours_and_seasons():
    hours = OpeningHours(week={0: ((540, 690), (750, 900)), 4: ((540, 720),)}, by_appointment=frozenset({4}))
    summer = OpeningHours(week=hours.week, seasons=(Season((6, 15), (8, 9), {0: ((540, 720),)}),))
    regular = schema_org_hours(hours, date(2026, 12, 1), 31, appointment="by appointment")["openingHoursSpecification"]
    assert regular == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Monday", "opens": "09:00",
         "closes": "11:30"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Monday", "opens": "12:30",
         "closes": "15:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Friday", "opens": "09:00",
         "closes": "12:00", "description": "by appointment"},
    ]
    seasonal = [s for s in schema_org_hours(summer, date(2026, 6, 1), 30)["openingHoursSpecification"]
                if "validFrom" in s]
    assert len(seasonal) == 7 and all(s["validFrom"] == "2026-06-15" and s["validThrough"] == "2026-08-09"
                                      for s in seasonal)
    assert seasonal[0]["opens"] == "09:00" and seasonal[0]["closes"] == "12:00"
    assert all("opens" not in s for s in seasonal[1:])  # closed weekdays of the season, said as closed


def test_osm_points_export_dated_days():
    found = schema_org_hours(OpeningHours(osm=OSM), date(2026, 12, 21), 7)
    days = {s["validFrom"] for s in found["openingHoursSpecification"]}
    assert "2026-12-21" in days and "2026-12-24" not in days
    assert any(s["validFrom"] == "2026-12-24" and "opens" not in s for s in found["specialOpeningHoursSpecification"])


def test_a_span_over_midnight_runs_to_its_end():
    hours = OpeningHours(osm="Fr 22:00-02:00")
    status = status_at(hours, at(2026, 12, 11, 23, 0))
    assert status.open and status.until == at(2026, 12, 12, 2, 0)


def test_unknown_hours_say_nothing(fixture_kb):
    empty = OpeningHours()
    assert status_at(empty, at(2026, 12, 7, 10, 0)) is None
    assert status_text(fixture_kb, empty, at(2026, 12, 7, 10, 0), "fi") == ""
    assert week_text(fixture_kb, empty, date(2026, 12, 7), "fi") == ""
    assert day_hours(empty, date(2026, 12, 7)).spans == ()


def test_old_form_one_span_a_day_still_reads(kb_copy):
    with_hours(kb_copy, 'opening_hours:\n      weekly: {mon: "09:00-15:00"}\n      exceptions: {"2026-12-21": closed}')
    hours = load_knowledge_base(kb_copy).service_points[POINT].opening_hours
    assert hours.week == {0: ((540, 900),)} and hours.dates == {date(2026, 12, 21): ()}


# -- what staff can get wrong: file:line and a fix ------------------------------------------------------------
BROKEN = [
    ('weekly: {mon: "9-15"}', "opening hours '9-15' not understood"),
    ('weekly: {mon: "09:00-25:00"}', "'09:00-25:00' is not a time of day"),
    ('weekly: {mon: "09:75-15:00"}', "'09:75-15:00' is not a time of day"),
    ('weekly: {mon: "15:00-09:00"}', "'15:00-09:00' ends before it starts"),
    ('weekly: {mon: "09:00-12:00, 11:00-15:00"}', "overlap"),
    ('weekly: {maanantai: "09:00-15:00"}', "unknown field 'maanantai'"),
    ('exceptions: {"2026-13-01": closed}', "exception date '2026-13-01' not understood"),
    ('exceptions: {"2026-12-24": "auki"}', "opening hours 'auki' not understood"),
    ('seasons: [{from: "06-31", to: "08-09", weekly: {}}]', "season from '06-31' is not a month and day"),
    ('seasons: [{from: "2026-06-15", to: "08-09", weekly: {}}]', "is not a month and day"),
    ('seasons: [{from: "06-15", weekly: {}}]', "the field 'to' is missing"),
    ('seasons: [{from: "06-15", to: "08-09", weekly: {}, colour: red}]', "unknown field 'colour'"),
    ('weekly: {mon: "09:00-15:00"}\n      seasons: [{from: "06-01", to: "06-30", weekly: {}}, '
     '{from: "06-15", to: "07-15", weekly: {}}]', "overlaps the season"),
    ('weekly: {mon: "09:00-15:00"}\n      hours: {tue: "09:00-15:00"}', "unknown field 'hours'"),
    ('weekly: {mon: "09:00-15:00"}\n      note: {fi: Soita ensin., en: Call first.}', "the field 'sv' is missing"),
    ('weekly: {mon: "09:00-15:00"}\n      note: Soita ensin.', "note must be in fi, sv and en"),
    ('weekly: {mon: "09:00-15:00"}\n      by_appointment: [perjantai]', "unknown weekday 'perjantai'"),
    ('weekly: {mon: "09:00-15:00"}\n      by_appointment: [fri]', "by_appointment names fri, which has no hours"),
    ('weekly: {mon: "09:00-15:00"}\n      osm: "Mo-Fr 09:00-15:00"', "osm and weekly are both given"),
    ('osm: "Mo-Fr 9-15"', "is not OpenStreetMap opening_hours (at character 7)"),
]


@pytest.mark.parametrize("block, words", BROKEN, ids=[words for _, words in BROKEN])
def test_broken_hours_name_file_line_and_a_fix(kb_copy, block, words):
    path = with_hours(kb_copy, "opening_hours:\n      " + block)
    errors = validate_directory(kb_copy)
    assert errors, "the broken hours were accepted"
    first = str(errors[0])
    assert words in first and ". Fix: " in first, first
    start = line_of(path, f"- id: {POINT}")
    assert first.startswith(f"{path}:") and start < int(first.split(":")[1]) < start + 30, first
