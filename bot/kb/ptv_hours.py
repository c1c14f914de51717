"""PTV service hours in the opening_hours form staff write in service_points.yaml.

PTV's regular hours (DaysOfTheWeek, valid for now) become `weekly`; regular hours for a date range shorter
than a year become a `season` (summer hours; the form's seasons come back every year, so only month and
day are kept); Exceptional days become `exceptions` (closed, or their own spans); hours PTV marks
"isReservation" become `by_appointment` days. What the form cannot hold is listed, never guessed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.kb.ptv import WEEKDAYS, ServiceHours

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: Longer exceptional periods are listed for staff instead of written day by day.
MAX_EXCEPTION_DAYS = 62
REGULAR = ("DaysOfTheWeek", "OverMidnight")

Minutes = tuple[int, int]


@dataclass
class Hours:
    """The opening_hours mapping to write (plain values, in the form's key order) and what was left out."""

    form: dict[str, object] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)


def opening_hours(entries: tuple[ServiceHours, ...], today: date) -> Hours:
    """The opening_hours form of a channel's service hours, as valid on `today` and after."""
    hours = Hours()
    regular = [e for e in entries if e.kind in REGULAR and not _is_season(e)]
    seasons = [e for e in entries if e.kind in REGULAR and _is_season(e)]
    week, appointment, note = _regular(regular, today, hours.left_out)
    if week:
        hours.form["weekly"] = {DAY_KEYS[d]: _text(spans) for d, spans in sorted(week.items())}
    season_forms = _seasons(seasons, today, hours.left_out)
    if season_forms:
        hours.form["seasons"] = season_forms
    exceptions = _exceptions([e for e in entries if e.kind == "Exceptional"], today, hours.left_out)
    if exceptions:
        hours.form["exceptions"] = exceptions
    if appointment:
        hours.form["by_appointment"] = [DAY_KEYS[d] for d in sorted(appointment)]
    if note:
        hours.form["note"] = note
    return hours


def _is_season(entry: ServiceHours) -> bool:
    return bool(entry.valid_from and entry.valid_to and (entry.valid_to - entry.valid_from).days < 365)


def _regular(entries: list[ServiceHours], today: date, left_out: list[str]
             ) -> tuple[dict[int, list[Minutes]], set[int], dict[str, str]]:
    """The weekly hours valid now, the days by appointment and the hours' note."""
    week: dict[int, list[Minutes]] = {}
    appointment: set[int] = set()
    note: dict[str, str] = {}
    for entry in entries:
        if entry.valid_to and entry.valid_to < today:
            continue  # over already
        if entry.valid_from and entry.valid_from > today:
            left_out.append(f"regular hours from {entry.valid_from} on{_about(entry)}: the form has weekly hours "
                            "for now only; add them when they start")
            continue
        days = _week_of(entry)
        if entry.closed:
            left_out.append(f"PTV marks the regular hours{_about(entry)} closed: no weekly hours written")
        if set(days) & set(week):
            left_out.append(f"a second set of regular hours{_about(entry)} for days that already have hours")
            continue
        week.update(days)
        if entry.by_reservation:
            appointment |= set(days)
        if entry.info and not note:
            note = _three_languages(entry.info, "the hours' note", left_out)
    return week, appointment, note


def _week_of(entry: ServiceHours) -> dict[int, list[Minutes]]:
    """Weekday -> spans of one regular entry; a span over midnight is split between its days."""
    if entry.closed:
        return {}
    if entry.always_open:
        return {day: [(0, 1440)] for day in range(7)}
    week: dict[int, list[Minutes]] = defaultdict(list)
    for span in entry.spans:
        first = WEEKDAYS.index(span.day_from)
        last = WEEKDAYS.index(span.day_to) if span.day_to else first
        start, end = _minutes(span.start), _minutes(span.end)
        if entry.kind == "OverMidnight":  # from dayFrom at `from` to dayTo at `to`
            if last == first and end > start:
                week[first].append((start, end))
                continue
            days = _days_between(first, last if last != first else first + 1)
            week[days[0]].append((start, 1440))
            for day in days[1:-1]:
                week[day].append((0, 1440))
            if end:
                week[days[-1]].append((0, end))
            continue
        for day in _days_between(first, last):
            if end == 0 or end > start:
                week[day].append((start, end or 1440))
            else:  # a regular span written over midnight: the rest goes to the next day
                week[day].append((start, 1440))
                week[(day + 1) % 7].append((0, end))
    return {day: _merged(spans) for day, spans in week.items()}


def _days_between(first: int, last: int) -> list[int]:
    return [(first + n) % 7 for n in range((last - first) % 7 + 1)]


def _seasons(entries: list[ServiceHours], today: date, left_out: list[str]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    taken: set[date] = set()
    for entry in sorted(entries, key=lambda e: e.valid_from or today):
        assert entry.valid_from and entry.valid_to
        if entry.valid_to < today:
            continue
        days = {entry.valid_from + timedelta(n) for n in range((entry.valid_to - entry.valid_from).days + 1)}
        if days & taken:
            left_out.append(f"hours {entry.valid_from}–{entry.valid_to}{_about(entry)}: they overlap an earlier "
                            "season")
            continue
        taken |= days
        season: dict[str, object] = {
            "from": entry.valid_from.strftime("%m-%d"),
            "to": entry.valid_to.strftime("%m-%d"),
            "weekly": {DAY_KEYS[d]: _text(s) for d, s in sorted(_week_of(entry).items())},
        }
        if entry.info:
            season["note"] = _three_languages(entry.info, f"the note of {entry.valid_from}–{entry.valid_to}",
                                              left_out)
        if entry.by_reservation:
            left_out.append(f"by appointment in {entry.valid_from}–{entry.valid_to}: a season has no "
                            "by_appointment; its hours are written as open")
        out.append(season)
    return out


def _exceptions(entries: list[ServiceHours], today: date, left_out: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in entries:
        assert entry.valid_from
        last = entry.valid_to or entry.valid_from
        length = (last - entry.valid_from).days + 1
        if length > MAX_EXCEPTION_DAYS:
            left_out.append(f"exceptional hours {entry.valid_from}–{last}{_about(entry)}: longer than "
                            f"{MAX_EXCEPTION_DAYS} days; write them as a season or exceptions by hand")
            continue
        for day in (entry.valid_from + timedelta(n) for n in range(length)):
            if day < today:
                continue
            value, key = _exception_value(entry, day), day.isoformat()
            if value is None:
                left_out.append(f"exceptional hours on {day}{_about(entry)}: neither closed nor with hours")
            elif key in out and out[key] != value:
                left_out.append(f"exceptional hours on {day}{_about(entry)}: the day already has {out[key]}")
            else:
                out[key] = value
    return dict(sorted(out.items()))


def _exception_value(entry: ServiceHours, day: date) -> str | None:
    if entry.closed:
        return "closed"
    if entry.always_open:
        return "00:00-24:00"
    # PTV writes a weekday on exceptional spans too; it only chooses between spans that name different days
    chosen = entry.spans
    if len({s.day_from for s in entry.spans}) > 1:
        chosen = tuple(s for s in entry.spans if s.day_from in ("", WEEKDAYS[day.weekday()]))
    spans = [(_minutes(s.start), _minutes(s.end) or 1440) for s in chosen]
    spans = [(start, end) for start, end in spans if end > start]
    return _text(_merged(spans)) if spans else None


def _three_languages(info: dict[str, str], what: str, left_out: list[str]) -> dict[str, str]:
    """A note in fi, sv and en (the form needs all three); a missing language gets the Finnish, said once."""
    finnish = info.get("fi") or next(iter(info.values()))
    missing = [lang for lang in ("sv", "en") if not info.get(lang)]
    if missing:
        left_out.append(f"{what} has no {' or '.join(missing)} text in PTV: the Finnish is copied there; "
                        "translate it")
    return {lang: info.get(lang) or finnish for lang in ("fi", "sv", "en")}


def _about(entry: ServiceHours) -> str:
    text = entry.info.get("fi") or next(iter(entry.info.values()), "")
    return f" ({text})" if text else ""


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _merged(spans: list[Minutes]) -> list[Minutes]:
    """Spans sorted, with overlapping or touching ones joined (the form refuses overlaps)."""
    out: list[Minutes] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _text(spans: list[Minutes]) -> str:
    """ "09:00-11:30, 12:30-15:00"; closed when there are none."""
    if not spans:
        return "closed"
    return ", ".join("-".join(f"{m // 60:02d}:{m % 60:02d}" for m in span) for span in spans)
