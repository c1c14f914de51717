"""When a service point (or the staff group) is open: at a moment, over a week, and for schema.org; Helsinki time.

Pure functions of the hours and a moment the caller passes in (no clock is read here). Finnish public holidays
are closed unless an exception names the day; an `osm` expression is evaluated by the opening-hours library.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import holidays
import opening_hours

from bot.kb.model import OpeningHours, Season, Span, Text

HELSINKI = ZoneInfo("Europe/Helsinki")
#: How far ahead the next opening is looked for: past a year the hours say nothing useful.
SEARCH_DAYS = 370
DAY_MINUTES = 24 * 60
#: Words of an OSM comment that make a span "by appointment" ("Fr 09:00-12:00 \"by appointment\"").
APPOINTMENT_WORDS = ("appointment", "ajanvar", "tidsbok")
SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class DayHours(NamedTuple):
    """One day's hours: its spans (none: closed), whether only by appointment, and a holiday's closing."""

    weekday: int  # 0 = Monday
    spans: tuple[Span, ...]
    by_appointment: bool
    day: date
    holiday: bool = False  # closed because it is a Finnish public holiday


@dataclass(frozen=True, slots=True)
class Status:
    """What a person needs to know now: open until when, or closed and when it opens next."""

    open: bool
    by_appointment: bool  # the current span (when open) or the next one (when closed) is by appointment only
    until: datetime | None = None  # open: when the current span ends (None: not within a year)
    opens: datetime | None = None  # closed: the next opening (None: not within a year)


@dataclass(frozen=True, slots=True)
class _Interval:
    start: datetime
    end: datetime
    by_appointment: bool


@lru_cache(maxsize=16)
def _finnish_holidays(year: int) -> holidays.HolidayBase:
    return holidays.Finland(years=year)


def is_public_holiday(day: date) -> bool:
    """True on Finnish public holidays, including Christmas Eve and Midsummer Eve."""
    return day in _finnish_holidays(day.year)


@lru_cache(maxsize=256)
def _osm(expression: str) -> opening_hours.OpeningHours:
    """The parsed expression, in Finnish time with Finland's public holidays (PH)."""
    return opening_hours.OpeningHours(expression, timezone=HELSINKI, country="FI")


def _local(now: datetime) -> datetime:
    """A naive `now` is read as Helsinki wall-clock time."""
    return now.astimezone(HELSINKI) if now.tzinfo else now.replace(tzinfo=HELSINKI)


def _at(day: date, minute: int) -> datetime:
    """The Helsinki moment `minute` minutes into `day` (1440 is the next midnight)."""
    day, minute = (day + timedelta(days=1), 0) if minute >= DAY_MINUTES else (day, minute)
    return datetime.combine(day, time(minute // 60, minute % 60), tzinfo=HELSINKI)


# -- one day ---------------------------------------------------------------------------------------------

def season_on(hours: OpeningHours, day: date) -> Season | None:
    """The season whose weekly hours apply on `day`, if any."""
    return next((season for season in hours.seasons if season.covers(day)), None)


def _osm_day(expression: str, day: date) -> list[tuple[Span, bool]]:
    """The open spans of `day` by the OSM expression, each with whether it is by appointment."""
    start, end = _at(day, 0), _at(day, DAY_MINUTES)
    out = []
    for begin, finish, state, comment in _osm(expression).intervals(start, end):
        appointment = any(word in comment.lower() for word in APPOINTMENT_WORDS)
        if state == opening_hours.State.OPEN or (state == opening_hours.State.UNKNOWN and appointment):
            first = _minute_of(max(begin, start), day)
            last = _minute_of(min(finish, end), day)
            if last > first:
                out.append(((first, last), appointment))
    return out


def _minute_of(moment: datetime, day: date) -> int:
    local = moment.astimezone(HELSINKI)
    return DAY_MINUTES if local.date() > day else local.hour * 60 + local.minute


def _planned(hours: OpeningHours, day: date) -> tuple[Span, ...]:
    """The weekly (or the season's) spans of `day`, before exceptions and holidays."""
    season = season_on(hours, day)
    return (season.week if season else hours.week).get(day.weekday(), ())


def day_hours(hours: OpeningHours, day: date) -> DayHours:
    """The hours of one day: an exception beats a holiday, a holiday beats the week (or the season's week)."""
    weekday = day.weekday()
    appointment = weekday in hours.by_appointment
    if day in hours.dates:
        spans = hours.dates[day]
        return DayHours(weekday, spans, appointment and bool(spans), day)
    if hours.osm:
        found = _osm_day(hours.osm, day)
        spans = tuple(span for span, _ in found)
        return DayHours(weekday, spans, any(a for _, a in found), day, not spans and is_public_holiday(day))
    if is_public_holiday(day):
        return DayHours(weekday, (), False, day, bool(_planned(hours, day)))
    spans = _planned(hours, day)
    return DayHours(weekday, spans, appointment and bool(spans), day)


def _day_intervals(hours: OpeningHours, day: date) -> list[_Interval]:
    if hours.osm and day not in hours.dates:  # the library tells the appointment of each span apart
        return [_Interval(_at(day, s), _at(day, e), a) for (s, e), a in _osm_day(hours.osm, day)]
    found = day_hours(hours, day)
    return [_Interval(_at(day, s), _at(day, e), found.by_appointment) for s, e in found.spans]


def _intervals(hours: OpeningHours, first_day: date) -> Iterator[_Interval]:
    """The open intervals from `first_day` on, for SEARCH_DAYS days; a span running on past midnight is one."""
    pending: _Interval | None = None
    for offset in range(SEARCH_DAYS):
        for interval in _day_intervals(hours, first_day + timedelta(days=offset)):
            if pending and pending.end == interval.start and pending.by_appointment == interval.by_appointment:
                pending = _Interval(pending.start, interval.end, pending.by_appointment)
                continue
            if pending:
                yield pending
            pending = interval
    if pending:
        yield pending


# -- a moment ---------------------------------------------------------------------------------------------

def status_at(hours: OpeningHours, now: datetime) -> Status | None:
    """Open now (until the end of the current span) or closed (and the next opening); None when hours are unknown.

    A naive `now` is read as Helsinki wall-clock time.
    """
    if not hours.known:
        return None
    local = _local(now)
    first_day = local.date() - timedelta(days=1)  # a span from yesterday may run on past midnight
    horizon = _at(first_day + timedelta(days=SEARCH_DAYS), 0)
    for interval in _intervals(hours, first_day):
        if interval.end <= local:
            continue
        if interval.start <= local:
            return Status(True, interval.by_appointment, until=interval.end if interval.end < horizon else None)
        return Status(False, interval.by_appointment, opens=interval.start)
    return Status(False, False)


def is_open(hours: OpeningHours, now: datetime) -> bool:
    """Open at `now` (by appointment counts as open)? A naive `now` is read as Helsinki wall-clock time."""
    status = status_at(hours, now)
    return status is not None and status.open


def next_opening(hours: OpeningHours, now: datetime) -> datetime | None:
    """The next moment after `now` when the hours begin (Helsinki time), so a person can be told when staff are back.

    None when nothing opens within a year (e.g. no weekly hours at all).
    """
    local = _local(now)
    return next((i.start for i in _intervals(hours, local.date()) if i.start > local), None)


# -- a week -------------------------------------------------------------------------------------------------

def week_hours(hours: OpeningHours, day: date) -> list[DayHours]:
    """Monday to Sunday of the week of `day`, with seasons, exceptions and holidays applied."""
    monday = day - timedelta(days=day.weekday())
    return [day_hours(hours, monday + timedelta(days=n)) for n in range(7)]


def notes_on(hours: OpeningHours, day: date) -> tuple[Text, ...]:
    """The notes that go with the hours of `day`: the season's (summer hours…), then the general one."""
    season = None if hours.osm else season_on(hours, day)
    return tuple(note for note in (season.note if season else None, hours.note) if note is not None)


# -- schema.org ---------------------------------------------------------------------------------------------

def _schema_time(minute: int) -> str:
    """HH:MM; midnight at the end of a day is 23:59, since closes 00:00 would read as the start of it."""
    minute = min(minute, DAY_MINUTES - 1)
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _spec(spans: tuple[Span, ...], appointment: Any, by_appointment: bool, **fields: str) -> list[dict[str, Any]]:
    """One OpeningHoursSpecification per span; with no spans, one without opens/closes: closed (schema.org)."""
    base: dict[str, Any] = {"@type": "OpeningHoursSpecification", **fields}
    if by_appointment and appointment is not None:
        base["description"] = appointment
    if not spans:
        return [base]
    return [{**base, "opens": _schema_time(start), "closes": _schema_time(end)} for start, end in spans]


def _season_dates(season: Season, year: int) -> tuple[date, date]:
    """The first and last day of the season that starts in `year` (29 Feb falls back to 1 Mar / 28 Feb)."""
    def on(month_day: tuple[int, int], in_year: int, fallback: tuple[int, int]) -> date:
        try:
            return date(in_year, *month_day)
        except ValueError:
            return date(in_year, *fallback)
    first = on(season.first, year, (3, 1))
    last = on(season.last, year if season.first <= season.last else year + 1, (2, 28))
    return first, last


def schema_org_hours(hours: OpeningHours, start: date, days: int,
                     appointment: Any = None) -> dict[str, list[dict[str, Any]]]:
    """schema.org opening hours for an export covering `days` days from `start`, as plain dicts.

    `openingHoursSpecification`: the weekly hours (dayOfWeek, opens, closes), and each season meeting the
    window as its own weekly hours with validFrom/validThrough (its closed weekdays as entries without
    opens/closes, which schema.org reads as closed). For an `osm` expression, which has no weekly shape in
    general, each day of the window dated. `specialOpeningHoursSpecification`: exceptions and the public
    holidays that close an open day, dated. `appointment` (e.g. language-tagged texts) becomes the
    description of by-appointment entries.
    """
    regular: list[dict[str, Any]] = []
    special: list[dict[str, Any]] = []
    window = [start + timedelta(days=n) for n in range(days)]
    if hours.osm:
        for day in window:
            found = day_hours(hours, day)
            target = special if day in hours.dates or found.holiday else regular
            target += _spec(found.spans, appointment, found.by_appointment,
                            validFrom=day.isoformat(), validThrough=day.isoformat())
        return {"openingHoursSpecification": regular, "specialOpeningHoursSpecification": special}
    for weekday, spans in sorted(hours.week.items()):
        regular += _spec(spans, appointment, weekday in hours.by_appointment,
                         dayOfWeek=f"https://schema.org/{SCHEMA_DAYS[weekday]}")
    if window:
        for season in hours.seasons:
            for year in range(window[0].year - 1, window[-1].year + 1):
                first, last = _season_dates(season, year)
                if first > window[-1] or last < window[0]:
                    continue
                for weekday in range(7):
                    regular += _spec(season.week.get(weekday, ()), appointment, weekday in hours.by_appointment,
                                     dayOfWeek=f"https://schema.org/{SCHEMA_DAYS[weekday]}",
                                     validFrom=first.isoformat(), validThrough=last.isoformat())
    for day in window:
        found = day_hours(hours, day)
        if day in hours.dates or found.holiday:
            special += _spec(found.spans, appointment, found.by_appointment,
                             validFrom=day.isoformat(), validThrough=day.isoformat())
    return {"openingHoursSpecification": regular, "specialOpeningHoursSpecification": special}
