"""Reading opening hours from one YAML mapping (a point's opening_hours, the config's handoff.hours), with file:line."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise
from typing import Any

import opening_hours

from bot.kb.fields import Fields, _kind
from bot.kb.model import OpeningHours, Season, Span, Text

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HOURS_FIELDS = {"weekly", "seasons", "exceptions", "by_appointment", "note", "osm"}
SEASON_FIELDS = {"from", "to", "weekly", "note"}
_TIME = r"(\d{1,2})[:.](\d{2})"
_SPAN = re.compile(rf"^{_TIME}\s*[-–]\s*{_TIME}$")
_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")
#: Where the OSM parser's message says the problem is: "--> 1:7" (line 1, character 7).
_OSM_POSITION = re.compile(r"-->\s*\d+:(\d+)")
SPANS_FIX = 'write hours as "09:00-15:00", several spans with commas: "09:00-11:30, 12:30-15:00", or closed'
WEEKDAYS_FIX = "write the weekday as mon, tue, wed, thu, fri, sat or sun"
OSM_EXAMPLE = '"Mo-Fr 09:00-11:30,12:30-15:00; PH off"'


def opening_hours_of(f: Fields, what: str) -> OpeningHours:
    """Opening hours from one mapping; every problem goes to f's errors with its line and a fix.

    Shared by service points and the config's handoff.hours, so staff write hours one way everywhere.
    """
    for key in f.data:
        if key not in HOURS_FIELDS:
            f.error(f.line(key), f"{f.what}: unknown field {key!r}",
                    f"use one of: {', '.join(sorted(HOURS_FIELDS))} (check the spelling)")
    week = _week(f, what)
    seasons = _seasons(f, what)
    osm = _osm(f, what)
    if osm:
        for key in ("weekly", "seasons", "by_appointment"):
            if f.present(key, False):
                f.error(f.line(key), f"{what}: osm and {key} are both given",
                        "keep one: weekly (with seasons and by_appointment) for ordinary hours, or osm alone; "
                        'in osm, by appointment is a comment, e.g. Fr 09:00-12:00 "by appointment"')
    open_days = set(week).union(*(season.week for season in seasons))
    return OpeningHours(week, _exceptions(f, what), seasons, _appointment_days(f, what, open_days),
                        _note(f, what), osm)


def _day_spans(value: Any, line: int, f: Fields, what: str) -> tuple[Span, ...] | None:
    """One day's spans ("09:00-11:30, 12:30-15:00"), none for closed; None once a problem is reported."""
    if value is False or (isinstance(value, str) and value.strip().lower() == "closed"):
        return ()  # YAML reads an unquoted off or no as false: closed too
    if not isinstance(value, str):
        f.error(line, f"{what}: opening hours {value!r} not understood", SPANS_FIX)
        return None
    spans: list[Span] = []
    for part in (p.strip() for p in value.split(",")):
        match = _SPAN.match(part)
        if not match:
            f.error(line, f"{what}: opening hours {value!r} not understood", SPANS_FIX)
            return None
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if max(h1, h2) > 24 or max(m1, m2) > 59 or (h1 == 24 and m1) or (h2 == 24 and m2):
            f.error(line, f"{what}: {part!r} is not a time of day",
                    "write hours 0-24 and minutes 00-59, e.g. 09:00-15:00")
            return None
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if end <= start:
            f.error(line, f"{what}: {part!r} ends before it starts",
                    "write the opening time first, e.g. 09:00-15:00 (hours past midnight can be written with osm)")
            return None
        spans.append((start, end))
    spans.sort()
    for before, after in pairwise(spans):
        if after[0] < before[1]:
            f.error(line, f"{what}: the spans {_clock(before)} and {_clock(after)} of {value!r} overlap",
                    "write each time once, e.g. 09:00-11:30, 12:30-15:00")
            return None
    return tuple(spans)


def _clock(span: Span) -> str:
    return "-".join(f"{minute // 60:02d}:{minute % 60:02d}" for minute in span)


def _week(f: Fields, what: str) -> dict[int, tuple[Span, ...]]:
    """weekly: {mon: "09:00-15:00", …}; days left out and closed days have no spans."""
    if not f.present("weekly", False):
        return {}
    week = f.sub("weekly", f"{f.what}.weekly")
    out: dict[int, tuple[Span, ...]] = {}
    for day, value in week.data.items():
        if day not in WEEKDAYS:
            week.error(week.line(day), f"{week.what}: unknown field {day!r}", WEEKDAYS_FIX)
        elif spans := _day_spans(value, week.line(day), week, what):
            out[WEEKDAYS.index(day)] = spans
    return out


def _seasons(f: Fields, what: str) -> tuple[Season, ...]:
    """Date ranges of every year with their own weekly hours; two that share a day are an error."""
    seasons: list[tuple[Season, int]] = []
    for raw, line in f.items("seasons", f"{what}: seasons", required=False):
        s = Fields(raw, f.file, f.errors, f"{what}: season", line)
        s.check_keys(SEASON_FIELDS)
        first, last = _month_day(s, "from", what), _month_day(s, "to", what)
        s.present("weekly", True)  # weekly: {} closes the point for the season
        week = _week(s, what)
        note = _note(s, what)
        if first and last:
            seasons.append((Season(first, last, week, note), line))
    for index, (season, line) in enumerate(seasons):
        for earlier, _ in seasons[:index]:
            if _days(season) & _days(earlier):
                f.error(line, f"{what}: the season {_range(season)} overlaps the season {_range(earlier)}",
                        "make the date ranges follow each other, e.g. to: \"08-09\" and the next from: \"08-10\"")
    return tuple(season for season, _ in seasons)


def _month_day(s: Fields, key: str, what: str) -> tuple[int, int] | None:
    """A season's "MM-DD"; a full date or an impossible day is reported."""
    if not s.present(key, True):
        return None
    value = s.data[key]
    match = _MONTH_DAY.match(str(value).strip()) if isinstance(value, str) else None
    if match:
        month, day = int(match.group(1)), int(match.group(2))
        try:
            date(2000, month, day)  # a leap year: 02-29 is a day
            return month, day
        except ValueError:
            pass
    fix = 'write the month and day in quotes, e.g. from: "06-15"'
    if isinstance(value, date) or (isinstance(value, str) and re.match(r"^\d{4}-", value.strip())):
        fix += "; a season comes back every year, so no year (one year's days go under exceptions)"
    s.error(s.line(key), f"{what}: season {key} {value!r} is not a month and day", fix)
    return None


def _days(season: Season) -> set[tuple[int, int]]:
    return {(d.month, d.day) for d in (date.fromordinal(date(2000, 1, 1).toordinal() + n) for n in range(366))
            if season.covers(d)}


def _range(season: Season) -> str:
    return f"{season.first[0]:02d}-{season.first[1]:02d}..{season.last[0]:02d}-{season.last[1]:02d}"


def _exceptions(f: Fields, what: str) -> dict[date, tuple[Span, ...]]:
    """Single days: closed, or their own spans."""
    out: dict[date, tuple[Span, ...]] = {}
    if not f.present("exceptions", False):
        return out
    exc = f.sub("exceptions", f"{f.what}.exceptions")
    for key, value in exc.data.items():
        try:
            day = key if isinstance(key, date) else date.fromisoformat(str(key))
        except ValueError:
            exc.error(exc.line(key), f"{what}: exception date {key!r} not understood",
                      'write the date as "2026-12-24"')
            continue
        spans = _day_spans(value, exc.line(key), exc, what)
        if spans is not None:
            out[day] = spans
    return out


def _appointment_days(f: Fields, what: str, open_days: set[int]) -> frozenset[int]:
    """Weekdays (or all) open by appointment only; each must have hours to be open at all."""
    days: set[int] = set()
    for value in f.strings("by_appointment"):
        name = value.lower()
        if name == "all":
            days |= open_days
        elif name not in WEEKDAYS:
            f.error(f.line("by_appointment"), f"{what}: by_appointment: unknown weekday {value!r}",
                    f"{WEEKDAYS_FIX}, or all")
        elif WEEKDAYS.index(name) not in open_days:
            f.error(f.line("by_appointment"), f"{what}: by_appointment names {name}, which has no hours",
                    f"give {name} its hours under weekly: by appointment means open, but only by appointment")
        else:
            days.add(WEEKDAYS.index(name))
    return frozenset(days)


def _note(f: Fields, what: str) -> Text | None:
    """A note in fi, sv and en (how to book, where to ring); a plain text is missing two languages."""
    value = f.data.get("note")
    if value is None:
        return None
    if not isinstance(value, dict):
        f.error(f.line("note"), f"{what}: note must be in fi, sv and en, got {_kind(value)}",
                "write note: {fi: ..., sv: ..., en: ...}")
        return None
    return f.text("note")  # a language left out is reported by Fields.text


def _osm(f: Fields, what: str) -> str:
    """An OpenStreetMap opening_hours expression, checked by the opening-hours parser now, not at answer time."""
    if not f.present("osm", False):
        return ""
    expression = f.string("osm")
    try:
        opening_hours.OpeningHours(expression)
    except (opening_hours.ParserError, SyntaxError, ValueError) as error:
        position = _OSM_POSITION.search(str(error))
        where = f" (at character {position.group(1)})" if position else ""
        f.error(f.line("osm"), f"{what}: osm {expression!r} is not OpenStreetMap opening_hours{where}",
                f"write it as on https://wiki.openstreetmap.org/wiki/Key:opening_hours, e.g. {OSM_EXAMPLE}, "
                "or use weekly instead")
        return ""
    return expression
