"""Opening hours in a person's words (open now until…, closed and when it opens, the week), from texts.yaml."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.hours import HELSINKI, DayHours, notes_on, status_at, week_hours
from bot.kb.model import KnowledgeBase, OpeningHours, Span

#: Beyond this many days ahead a weekday alone is ambiguous, so the date is said too.
WEEKDAY_ONLY_DAYS = 6


def clock(kb: KnowledgeBase, moment: datetime | int, language: str) -> str:
    """A time of day ("9.00", "12.30"; "9:00" in English) from a moment or minutes after midnight."""
    minute = moment if isinstance(moment, int) else moment.hour * 60 + moment.minute
    return kb.text("hours_time", language, hour=str(minute // 60), minute=f"{minute % 60:02d}")


def _date(kb: KnowledgeBase, day: date, language: str) -> str:
    return kb.text("hours_date", language, day=str(day.day), month=str(day.month))


def _weekday(kb: KnowledgeBase, day: date, language: str) -> str:
    return kb.text("weekdays", language).split()[day.weekday()]


def _when(kb: KnowledgeBase, opens: date, today: date, language: str) -> str:
    """"today", "tomorrow", "on Monday", or beyond a week "on Mon 4/1"."""
    ahead = (opens - today).days
    if ahead == 0:
        return kb.text("hours_today", language)
    if ahead == 1:
        return kb.text("hours_tomorrow", language)
    if ahead <= WEEKDAY_ONLY_DAYS:
        return [w.strip() for w in kb.text("hours_weekdays_on", language).split(",")][opens.weekday()]
    return kb.text("hours_on_date", language, weekday=_weekday(kb, opens, language), day=str(opens.day),
                   month=str(opens.month))


def status_text(kb: KnowledgeBase, hours: OpeningHours, now: datetime, language: str) -> str:
    """"Avoinna nyt, klo 15.00 asti." / "Suljettu nyt, avautuu maanantaina klo 9.00."; empty when hours are unknown."""
    status = status_at(hours, now)
    if status is None:
        return ""
    if status.open:
        if status.until is None:
            return kb.text("open_now", language)
        key = "hours_open_until_appointment" if status.by_appointment else "hours_open_until"
        return kb.text(key, language, time=clock(kb, status.until, language))
    if status.opens is None:
        return kb.text("closed_now", language)
    today = (now.astimezone(HELSINKI) if now.tzinfo else now).date()
    key = "hours_closed_opens_appointment" if status.by_appointment else "hours_closed_opens"
    return kb.text(key, language, when=_when(kb, status.opens.date(), today, language),
                   time=clock(kb, status.opens, language))


def spans_text(kb: KnowledgeBase, spans: tuple[Span, ...], language: str) -> str:
    """"9.00–11.30, 12.30–15.00"."""
    return ", ".join(f"{clock(kb, start, language)}–{clock(kb, end, language)}" for start, end in spans)


def day_line(kb: KnowledgeBase, found: DayHours, language: str) -> str:
    """A day of the week in a line: "ma 7.12. 9.00–11.30, 12.30–15.00", "to 24.12. suljettu (pyhäpäivä)"."""
    if found.spans:
        text = spans_text(kb, found.spans, language)
        if found.by_appointment:
            text += " " + kb.text("hours_by_appointment", language)
    else:
        text = kb.text("hours_holiday" if found.holiday else "hours_closed_day", language)
    return kb.text("hours_week_line", language, weekday=_weekday(kb, found.day, language),
                   date=_date(kb, found.day, language), hours=text)


def week_lines(kb: KnowledgeBase, hours: OpeningHours, day: date, language: str) -> list[str]:
    """One line a day, Monday to Sunday of the week of `day`; empty when hours are unknown."""
    if not hours.known:
        return []
    return [day_line(kb, found, language) for found in week_hours(hours, day)]


def week_text(kb: KnowledgeBase, hours: OpeningHours, day: date, language: str) -> str:
    """The week's hours under a heading with its dates, then the notes (season's, general); empty when unknown."""
    lines = week_lines(kb, hours, day, language)
    if not lines:
        return ""
    monday = day - timedelta(days=day.weekday())
    heading = kb.text("hours_week_heading", language, first=_date(kb, monday, language),
                      last=_date(kb, monday + timedelta(days=6), language))
    notes: list[str] = []
    for offset in range(7):
        for note in notes_on(hours, monday + timedelta(days=offset)):
            if note.get(language) not in notes:
                notes.append(note.get(language))
    return "\n".join([heading, *lines, *notes])
