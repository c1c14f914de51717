"""Whether a service point (or the staff group) is open at a moment, in Helsinki time, with Finnish public holidays."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from bot.kb.model import OpeningHours

HELSINKI = ZoneInfo("Europe/Helsinki")


@lru_cache(maxsize=16)
def _finnish_holidays(year: int) -> holidays.HolidayBase:
    return holidays.Finland(years=year)


def is_public_holiday(day: date) -> bool:
    """True on Finnish public holidays, including Christmas Eve and Midsummer Eve."""
    return day in _finnish_holidays(day.year)


def hours_on(hours: OpeningHours, day: date) -> tuple[int, int] | None:
    """The (open, close) minutes on `day`, or None when closed; an exception beats a holiday."""
    if day in hours.exceptions:
        return hours.exceptions[day]
    if is_public_holiday(day):
        return None
    return hours.weekly.get(day.weekday())


#: How far ahead next_opening looks: past a year the hours say nothing useful.
SEARCH_DAYS = 370


def _local(now: datetime) -> datetime:
    """A naive `now` is read as Helsinki wall-clock time."""
    return now.astimezone(HELSINKI) if now.tzinfo else now.replace(tzinfo=HELSINKI)


def is_open(hours: OpeningHours, now: datetime) -> bool:
    """Open at `now`? A naive `now` is read as Helsinki wall-clock time."""
    local = _local(now)
    span = hours_on(hours, local.date())
    minute = local.hour * 60 + local.minute
    return span is not None and span[0] <= minute < span[1]


def next_opening(hours: OpeningHours, now: datetime) -> datetime | None:
    """The next moment after `now` when the hours begin (Helsinki time), so a person can be told when staff are back.

    None when nothing opens within a year (e.g. no weekly hours at all).
    """
    local = _local(now)
    minute = local.hour * 60 + local.minute
    for offset in range(SEARCH_DAYS):
        day = local.date() + timedelta(days=offset)
        span = hours_on(hours, day)
        if span is None or (offset == 0 and span[0] <= minute):
            continue
        return datetime.combine(day, time(span[0] // 60, span[0] % 60), tzinfo=HELSINKI)
    return None
