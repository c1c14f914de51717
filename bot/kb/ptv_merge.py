"""Merge a PTV export into service_points.yaml, as a diff staff can review before anything is written.

PTV is the register municipalities keep, so its facts come in: the visiting address, phone, e-mail, web
page, opening hours, coordinates and the channel's id (`ptv_id`, so a later import finds the same point).
Staff's own words and routing stay: a point's name, description, aliases, whom it serves, its audiences
and languages are never overwritten; where PTV says otherwise the diff shows it. `source` keeps what
staff wrote and names the PTV channel after it; `checked` is left alone, since only a person can check.
A channel is matched to a point by `ptv_id`, else by municipality and street address; a channel that
matches none becomes a new point with an id made of its municipality and name.
"""

from __future__ import annotations

import difflib
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bot.kb import yamledit
from bot.kb.fields import MAX_ID_LENGTH
from bot.kb.loader import FILES, load_knowledge_base, validate_directory
from bot.kb.model import KnowledgeBase
from bot.kb.ptv import Channel, Export, read_export
from bot.kb.ptv_hours import opening_hours

SOURCE_PREFIX = "Suomi.fi-palvelutietovaranto, palvelupaikka"
POINTS_FILE = FILES["service_points"]
#: The facts PTV keeps for a point, in the order they are reported.
FACTS = ("ptv_id", "address", "location", "phone", "email", "website", "opening_hours")
#: Where a fact the point does not have yet goes: after the first of these keys it has.
PLACE_AFTER = {
    "ptv_id": ("id",),
    "location": ("address",),
    "phone": ("former_addresses", "aliases", "description"),
    "email": ("phone",),
    "website": ("email", "phone"),
    "opening_hours": ("website", "email", "phone"),
}
GOOD_URL = re.compile(r"https?://\S+")


class ImportRefused(Exception):
    """The knowledge base cannot take the import as it is; carries every reason, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Change:
    field: str
    old: Any
    new: Any


@dataclass
class PointReport:
    """What the import does to one point, and why."""

    point_id: str
    channel: Channel
    how: str  # "ptv_id", "address" or "new"
    changes: list[Change] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # where PTV differs from what staff wrote, kept
    left_out: list[str] = field(default_factory=list)  # what PTV has that the knowledge base cannot hold


@dataclass
class Merge:
    """The result: the file's text before and after, and the report staff read."""

    file: Path
    fetched: date
    points: list[PointReport]
    skipped: list[str]
    not_in_file: list[str]
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def report(self) -> str:
        """Point by point: what changes (~ changed, + added), what was kept and why, what PTV has beyond."""
        lines = [f"PTV import into {self.file} (export fetched {finnish_date(self.fetched)})", ""]
        for point in self.points:
            if point.how == "new":
                lines.append(f"NEW {point.point_id} ← {_channel(point.channel)}: no point has its ptv_id or "
                             f"street address; added with the id {point.point_id} (made of its municipality and "
                             "name: change it before anything refers to it, if you like)")
            elif point.changes:
                lines.append(f"{point.point_id} ← {_channel(point.channel)}, matched by "
                             f"{'ptv_id' if point.how == 'ptv_id' else 'municipality and street address'}")
            else:
                lines.append(f"{point.point_id} ← {_channel(point.channel)}: already up to date")
            for change in point.changes:
                lines.extend(_change_lines(change, point.how == "new"))
            lines.extend(f"  kept: {note}" for note in point.kept)
            lines.extend(f"  not imported: {note}" for note in point.left_out)
            lines.append("")
        if self.skipped:
            lines.append("Not imported:")
            lines.extend(f"  {reason}" for reason in self.skipped)
            lines.append("")
        if self.not_in_file:
            lines.append(f"In the knowledge base but not in the file (left as they are): {', '.join(self.not_in_file)}")
            lines.append("")
        new = sum(p.how == "new" for p in self.points)
        updated = sum(p.how != "new" and bool(p.changes) for p in self.points)
        lines.append(f"{len(self.points)} service location(s) imported: {updated} updated, {new} new, "
                     f"{len(self.points) - updated - new} already up to date.")
        return "\n".join(lines)

    def yaml_diff(self) -> str:
        """The change to the file as a unified diff ("" when there is none)."""
        return "".join(difflib.unified_diff(self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
                                            f"{self.file} (now)", f"{self.file} (after the import)"))


def import_ptv(export_file: Path, kb_dir: Path, fetched: date, write: bool) -> Merge:
    """Read the export, merge it, and (with `write`) save the file once the result validates."""
    export = read_export(export_file)
    result = merge(export, kb_dir, fetched)
    if write and result.changed:
        _check_valid(result, kb_dir)
        result.file.write_text(result.after, encoding="utf-8")
    return result


def merge(export: Export, kb_dir: Path, fetched: date) -> Merge:
    """The merge of an export into the knowledge base at kb_dir, without writing anything."""
    kb = load_knowledge_base(kb_dir)
    municipality_of_code = _codes(kb, kb_dir)
    path = kb_dir / POINTS_FILE
    before = path.read_text(encoding="utf-8")
    data = yamledit.round_trip().load(before)
    points = data["service_points"]
    claimed: set[str] = set()
    reports: list[PointReport] = []
    skipped = list(export.skipped)
    for channel in export.channels:
        municipality = municipality_of_code.get(channel.address.municipality_code)
        if municipality is None:
            town = channel.address.post_office.get("fi", "").title()
            skipped.append(f"{_channel(channel)}: in municipality {channel.address.municipality_code}"
                           f"{f' ({town})' if town else ''}, outside the area")
            continue
        point, how, problem = _find_point(points, channel, municipality, claimed)
        if problem:
            skipped.append(f"{_channel(channel)}: {problem}")
            continue
        if point is None:
            report = _add_point(points, channel, municipality, kb, fetched)
        else:
            report = PointReport(str(point["id"]), channel, how)
            _update_point(point, channel, kb, fetched, report)
        claimed.add(report.point_id)
        reports.append(report)
    not_in_file = [str(p["id"]) for p in points if str(p["id"]) not in claimed]
    return Merge(path, fetched, reports, skipped, not_in_file, before, yamledit.dump(data))


def _find_point(points: Any, channel: Channel, municipality: str, claimed: set[str]) -> tuple[Any, str, str]:
    """The point of the channel (by ptv_id, else by municipality and street), how it was found, or a problem."""
    for point in points:
        if str(point.get("ptv_id") or "").lower() == channel.id.lower():
            if str(point["id"]) in claimed:
                return None, "", f"{point['id']} was already matched to another channel of the file"
            return point, "ptv_id", ""
    street = _street_key(channel.address.street_line())
    matches = [p for p in points if not p.get("ptv_id") and str(p["id"]) not in claimed
               and p.get("municipality") == municipality and _street_key(str(p["address"]["street"])) == street]
    if len(matches) > 1:
        return None, "", (f"its street address fits {', '.join(str(p['id']) for p in matches)}; write "
                          f"ptv_id: {channel.id} under the right one and import again")
    return (matches[0], "address", "") if matches else (None, "new", "")


# -- one point -------------------------------------------------------------------------------------------

def _facts(channel: Channel, kb: KnowledgeBase, municipality: str, fetched: date, report: PointReport
           ) -> dict[str, Any]:
    """What PTV says of the point, as the knowledge base writes it; a fact PTV lacks is left out."""
    address = channel.address
    town = address.post_office.get("fi", "").title() or kb.municipalities[municipality].name["fi"]
    facts: dict[str, Any] = {
        "ptv_id": channel.id,
        "address": {"street": address.street_line(), "postal_code": address.postal_code, "town": town},
    }
    if address.location:
        facts["location"] = {"lat": address.location[0], "lon": address.location[1]}
    else:
        state = address.coordinate_state or "none given"
        report.left_out.append(f"coordinates: PTV has none it trusts (coordinateState {state})")
    phones = [p.number for p in channel.phones if p.kind == "Phone"]
    facts["phone"] = _one(phones, "phone numbers", report)
    facts["email"] = _one([value for _, value in _preferred(channel.emails)], "e-mail addresses", report)
    urls = [url for _, url in _preferred(channel.web_pages)]
    for url in urls:
        if not GOOD_URL.fullmatch(url):
            report.left_out.append(f"web page {url!r}: not a web address (http:// or https://)")
    facts["website"] = _one([u for u in urls if GOOD_URL.fullmatch(u)], "web pages", report)
    hours = opening_hours(channel.hours, fetched)
    facts["opening_hours"] = hours.form
    report.left_out.extend(hours.left_out)
    return {key: value for key, value in facts.items() if value}


def _update_point(point: Any, channel: Channel, kb: KnowledgeBase, fetched: date, report: PointReport) -> None:
    municipality = str(point["municipality"])
    facts = _facts(channel, kb, municipality, fetched, report)
    for key in FACTS:
        old = yamledit.plain(point.get(key))
        if key not in facts:
            if old and key in ("phone", "email", "website", "opening_hours"):
                report.kept.append(f"{key}: PTV gives none; yours stays")
            continue
        if old != facts[key]:
            report.changes.append(Change(key, old, facts[key]))
            _put(point, key, _node(key, facts[key]))
    _note_staff_words(point, channel, kb, report)
    source = _source(str(point.get("source") or ""), channel, fetched, bool(report.changes))
    if source != str(point.get("source") or ""):
        report.changes.append(Change("source", str(point.get("source") or ""), source))
        point["source"] = yamledit.quoted(source)
    if report.changes and point.get("checked"):
        report.kept.append(f"checked: {point['checked']} is a person's: compare the new facts with PTV, then "
                           "write the day you did")


def _note_staff_words(point: Any, channel: Channel, kb: KnowledgeBase, report: PointReport) -> None:
    """Where PTV's name, description or served municipalities differ from staff's, say so and keep staff's."""
    name = yamledit.plain(point.get("name")) or {}
    differing = [f"{value!r} ({language})" for language, value in channel.names.items()
                 if language in name and name[language] != value]
    if differing:
        report.kept.append(f"name: staff's words; PTV calls it {', '.join(differing)}")
    description = yamledit.plain(point.get("description")) or {}
    ptv_text = channel.summaries or channel.descriptions
    if ptv_text.get("fi") and ptv_text["fi"] != description.get("fi"):
        report.kept.append(f"description: staff's words; PTV's says {_short(ptv_text['fi'])!r}")
    serves = _serves(channel, kb, str(point["municipality"]))
    if set(serves) != set(yamledit.plain(point.get("serves")) or []):
        report.kept.append(f"serves: routing is staff's; PTV's service area is {', '.join(serves)}")


def _add_point(points: Any, channel: Channel, municipality: str, kb: KnowledgeBase, fetched: date) -> PointReport:
    taken = {str(p["id"]) for p in points}
    point_id = new_point_id(municipality, channel.name, kb, taken)
    report = PointReport(point_id, channel, "new")
    facts = _facts(channel, kb, municipality, fetched, report)
    languages = [lang for lang in ("fi", "sv", "en") if lang in channel.languages] or ["fi"]
    entry: dict[str, Any] = {
        "id": point_id,
        "ptv_id": facts.pop("ptv_id"),
        "municipality": municipality,
        "name": _three(channel.names, "name", report),
        "address": facts.pop("address"),
    }
    if "location" in facts:
        entry["location"] = facts.pop("location")
    entry.update({
        "serves": _serves(channel, kb, municipality),
        "audiences": ["job_seekers"],
        "languages": languages,
        "description": _three(_description(channel), "description", report),
        "phone": facts.get("phone", ""),
        "email": facts.get("email", ""),
    })
    if "website" in facts:
        entry["website"] = facts["website"]
    entry["opening_hours"] = facts.get("opening_hours", {})
    entry["source"] = _source("", channel, fetched, True)
    entry["checked"] = ""
    report.kept.append("audiences: set to job_seekers and languages to the channel's; check who the point is for "
                       "and add aliases people use")
    for key, value in entry.items():
        report.changes.append(Change(key, None, value))
    node = yamledit.block({key: _node(key, value) for key, value in entry.items()})
    node["description"] = yamledit.block({k: yamledit.text(v) for k, v in entry["description"].items()})
    points.append(node)
    points.yaml_set_comment_before_after_key(len(points) - 1, before="\n")
    return report


def new_point_id(municipality: str, name: str, kb: KnowledgeBase, taken: set[str]) -> str:
    """municipality_words_of_the_name, without the municipality's own name, at most MAX_ID_LENGTH long."""
    own = {_fold(form) for form in (kb.municipalities[municipality].name["fi"],
                                    kb.municipalities[municipality].genitive)}
    words = [w for w in re.findall(r"[a-z0-9]+", _fold(name)) if w not in own]
    base = municipality
    for word in words:
        if len(base) + 1 + len(word) > MAX_ID_LENGTH - 3:
            break
        base = f"{base}_{word}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    return candidate


# -- values ----------------------------------------------------------------------------------------------

def _serves(channel: Channel, kb: KnowledgeBase, municipality: str) -> list[str]:
    """Our municipalities in the channel's service area (all for nationwide), in the file's order."""
    if channel.area_type in ("Nationwide", "NationwideExceptAlandIslands"):
        return list(kb.municipalities)
    codes = set(channel.area_codes)
    ours = [mid for mid, m in kb.municipalities.items() if m.code in codes]
    return ours or [municipality]


def _description(channel: Channel) -> dict[str, str]:
    """PTV's summary (short, as our descriptions are) where it has one, else its description."""
    return {lang: channel.summaries.get(lang) or channel.descriptions.get(lang, "")
            for lang in ("fi", "sv", "en") if channel.summaries.get(lang) or channel.descriptions.get(lang)}


def _three(texts: dict[str, str], what: str, report: PointReport) -> dict[str, str]:
    """fi, sv and en; a language PTV lacks gets the Finnish (the point must have all three), said in the report."""
    finnish = texts.get("fi") or next(iter(texts.values()), "")
    missing = [lang for lang in ("sv", "en") if not texts.get(lang)]
    if missing:
        report.left_out.append(f"{what}: PTV has no {' or '.join(missing)} text: the Finnish is copied there; "
                               "translate it")
    if not finnish:
        report.left_out.append(f"{what}: PTV has none; write one")
    return {lang: texts.get(lang) or finnish for lang in ("fi", "sv", "en")}


def _source(current: str, channel: Channel, fetched: date, facts_changed: bool) -> str:
    """Staff's source, with the PTV channel named after it; renewed only when facts changed or it is missing."""
    ptv = f"{SOURCE_PREFIX} {channel.name} ({channel.id}), haettu {finnish_date(fetched)}"
    parts = [part for part in current.split("; ") if part]
    if not facts_changed and any(part.startswith(SOURCE_PREFIX) and f"({channel.id})" in part for part in parts):
        return current
    return "; ".join([part for part in parts if not part.startswith(SOURCE_PREFIX)] + [ptv])


def _one(values: list[str], what: str, report: PointReport) -> str:
    """The first value; the others are listed (the knowledge base holds one)."""
    distinct = list(dict.fromkeys(values))
    if len(distinct) > 1:
        report.left_out.append(f"more {what}: {', '.join(distinct[1:])} (the knowledge base holds one)")
    return distinct[0] if distinct else ""


def _preferred(values: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """Finnish first, then Swedish, then English, each in the file's order."""
    order = {"fi": 0, "sv": 1, "en": 2}
    return sorted(values, key=lambda item: order.get(item[0], 3))


def _node(key: str, value: Any) -> Any:
    """A value styled as the file writes it: one-line mappings, quoted codes, hours and numbers."""
    if key == "opening_hours":
        if not value:
            return yamledit.flow({})
        hours = yamledit.block({})
        for name, part in value.items():
            if name == "seasons":
                hours[name] = yamledit.block_list([_hours_flow(season) for season in part])
            else:
                hours[name] = _hours_flow(part)
        return hours
    if key in ("phone", "email", "source", "checked"):
        return yamledit.quoted(value)
    if key == "address":
        return yamledit.flow({**value, "postal_code": yamledit.quoted(value["postal_code"])})
    if isinstance(value, dict | list):
        return yamledit.flow(value)
    return yamledit.text(value) if isinstance(value, str) else value


def _hours_flow(value: Any) -> Any:
    """Hours, dates and month-days always quoted ("09:00-15:00", "2026-12-24", "06-15"), closed plain."""
    if isinstance(value, dict):
        return yamledit.flow({_hours_flow(k) if _looks_like_time(k) else k: _hours_flow(v) for k, v in value.items()})
    if isinstance(value, list):
        return yamledit.flow([_hours_flow(v) for v in value])
    if isinstance(value, str) and _looks_like_time(value):
        return yamledit.quoted(value)
    return value


def _looks_like_time(value: Any) -> bool:
    return isinstance(value, str) and value[:1].isdigit()


def _put(point: Any, key: str, value: Any) -> None:
    """Set the key in place, or insert it after the key it belongs after (before source when none is there)."""
    if key in point:
        point[key] = value
        return
    keys = list(point.keys())
    for after in PLACE_AFTER.get(key, ()):
        if after in point:
            point.insert(keys.index(after) + 1, key, value)
            return
    point.insert(keys.index("source") if "source" in point else len(keys), key, value)


# -- checks ----------------------------------------------------------------------------------------------

def _codes(kb: KnowledgeBase, kb_dir: Path) -> dict[str, str]:
    """Municipality code -> our municipality id; every municipality of ours needs its code."""
    missing = [mid for mid, m in kb.municipalities.items() if not m.code]
    if missing:
        raise ImportRefused([f"{kb_dir / FILES['municipalities']}: {mid}: no code. Fix: add its municipality code "
                             'of Statistics Finland in quotes, e.g. code: "205" for Kajaani' for mid in missing])
    return {m.code: mid for mid, m in kb.municipalities.items()}


def _check_valid(result: Merge, kb_dir: Path) -> None:
    """The knowledge base with the new file must validate; otherwise nothing is written."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "knowledge"
        shutil.copytree(kb_dir, copy)
        (copy / POINTS_FILE).write_text(result.after, encoding="utf-8")
        errors = validate_directory(copy)
    if errors:
        raise ImportRefused([str(error).replace(str(copy), str(kb_dir)) for error in errors]
                            + ["Nothing was written: the knowledge base would not validate with the import."])


# -- words -----------------------------------------------------------------------------------------------

def finnish_date(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _channel(channel: Channel) -> str:
    return f"PTV service location {channel.name!r} ({channel.id})"


def _street_key(street: str) -> str:
    return re.sub(r"\s+", "", street.casefold())


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode("ascii")


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _show(value: Any) -> str:
    """A value on one line, as YAML would write it in flow style."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _change_lines(change: Change, new_point: bool) -> list[str]:
    if new_point:
        return [f"  + {change.field}: {_show(change.new)}"]
    if change.old in (None, "", {}, []):
        head = f"  + {change.field}:"
    else:
        head = f"  ~ {change.field}: was {_show(change.old)}, now"
    if isinstance(change.new, dict) and change.field == "opening_hours" and len(change.new) > 1:
        return [head] + [f"      {key}: {_show(value)}" for key, value in change.new.items()]
    return [f"{head} {_show(change.new)}"]
