"""Whether a service point is open at a moment, in Helsinki time, with Finnish public holidays."""

from __future__ import annotations

from datetime import date, datetime
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


def is_open(hours: OpeningHours, now: datetime) -> bool:
    """Open at `now`? A naive `now` is read as Helsinki wall-clock time."""
    local = now.astimezone(HELSINKI) if now.tzinfo else now.replace(tzinfo=HELSINKI)
    span = hours_on(hours, local.date())
    minute = local.hour * 60 + local.minute
    return span is not None and span[0] <= minute < span[1]
