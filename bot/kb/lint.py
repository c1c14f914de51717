"""What the knowledge base still lacks: a to-do list for staff, not errors (the bot runs without these).

Missing contact details and opening hours, facts no person has compared with a current source (or
not within STALE_AFTER: service points, services, the area, other organisations and employment areas),
texts without one of the languages, other organisations nobody's words can ask for, municipalities whose
employment area no source gives, and phrasings no recorded question ever reached (when an analytics
database is given).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bot.conversation.analytics import Usage
from bot.kb.loader import FILES, OPTIONAL_FILES, load_knowledge_base
from bot.kb.model import LANGUAGES, NEWCOMER_LANGUAGES, KnowledgeBase, Text
from bot.kb.sections import NEWCOMER_TEXTS
from bot.kb.yamlsource import read_yaml

MISSING, UNUSED, NOTE, UNCHECKED, STALE = "missing", "unused", "note", "unchecked", "stale"
#: A fact last compared with a current source longer ago than this is listed for checking again.
STALE_AFTER = timedelta(days=365)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to add or check, with the file and line to do it at."""

    file: str
    line: int
    kind: str  # missing | unused | note
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {self.message}"
        return f"{text}. Fix: {self.fix}" if self.fix else text


class _Source:
    """One YAML file's raw data, only for finding the line a finding is about."""

    def __init__(self, directory: Path, kind: str):
        name = FILES.get(kind) or OPTIONAL_FILES[kind]
        self.file = str(directory / name)
        self.data, _ = read_yaml(directory / name, self.file)

    def line(self, *path: Any) -> int:
        """The line of the deepest key of `path` that exists (list items by their `id`)."""
        node, line = self.data, 1
        for key in path:
            if isinstance(node, list):
                match = next((i for i, item in enumerate(node) if isinstance(item, dict) and item.get("id") == key),
                             None)
                if match is None:
                    break
                line, node = node.line_of(match), node[match]
            elif isinstance(node, dict) and key in node:
                line, node = node.line_of(key), node[key]
            else:
                break
        return line


class _Sources:
    """Each file of a knowledge-base directory read once, when a check first needs its lines."""

    def __init__(self, directory: Path):
        self.directory = directory
        self._read: dict[str, _Source] = {}

    def __call__(self, kind: str) -> _Source:
        if kind not in self._read:
            self._read[kind] = _Source(self.directory, kind)
        return self._read[kind]


def lint(directory: Path | str, usage: Usage | None = None, today: date | None = None) -> list[Finding]:
    """Everything the knowledge base at `directory` still lacks; `usage` enables the unused-phrasings check."""
    directory = Path(directory)
    kb = load_knowledge_base(directory)
    source = _Sources(directory)
    findings: list[Finding] = []
    findings += _service_points(kb, source("service_points"))
    findings += _checked(kb, source, today or date.today())
    findings += _area(kb, source("area"))
    findings += _languages(kb, source)
    if kb.organisations:
        findings += _organisations(kb, source("organisations"))
    if kb.employment_areas:
        findings += _employment_areas(kb, source("employment_areas"))
    findings += _unused(kb, source("phrasings"), usage)
    return findings


def _service_points(kb: KnowledgeBase, src: _Source) -> list[Finding]:
    out = []
    for point in kb.service_points.values():
        lacks = [(field, what) for field, what, present in (
            ("phone", "phone number", point.phone),
            ("email", "e-mail address", point.email),
            ("opening_hours", "opening hours", point.opening_hours.known),
        ) if not present]
        for field, what in lacks:
            out.append(Finding(src.file, src.line("service_points", point.id, field), MISSING,
                               f"service point {point.id!r} has no {what}",
                               f"fill in '{field}' from an official source (never guess)"))
        if point.location is None:  # without coordinates Telegram shows no map card, only an address search
            out.append(Finding(src.file, src.line("service_points", point.id), MISSING,
                               f"service point {point.id!r} has no coordinates (no map card on Telegram)",
                               "import them from PTV (tyonavi kb import-ptv) or add location: {lat: …, lon: …} "
                               "from an official source"))
    return out


def _checked(kb: KnowledgeBase, source: _Sources, today: date) -> list[Finding]:
    """Facts never compared with a current source, or compared too long ago: the answers show only their
    source document and its date, which may be out of date."""
    out = []
    points, services, area = (source(kind) for kind in ("service_points", "services", "area"))
    ours = "the municipality's current web page or staff"
    facts = [(points, f"service point {p.id!r}", p.checked, ("service_points", p.id, "checked"),
              ("service_points", p.id), ours) for p in kb.service_points.values()]
    facts += [(services, f"service {s.id!r}", s.checked, ("services", s.id, "checked"), ("services", s.id), ours)
              for s in kb.services.values()]
    facts.append((area, "the area", kb.area.checked, ("area", "checked"), ("area",), ours))
    if kb.organisations:
        organisations = source("organisations")
        facts += [(organisations, f"organisation {o.id!r}", o.checked, ("organisations", o.id, "checked"),
                   ("organisations", o.id), "the organisation's current web page") for o in kb.organisations.values()]
    if kb.employment_areas:
        areas = source("employment_areas")
        facts += [(areas, f"employment area {a.id!r}", a.checked, ("employment_areas", a.id, "checked"),
                   ("employment_areas", a.id), "a current page of the area or its municipalities")
                  for a in kb.employment_areas.values()]
    for src, what, checked, path, fallback, where in facts:
        line = src.line(*path) if checked else src.line(*fallback)
        if checked is None:
            out.append(Finding(src.file, line, UNCHECKED, f"{what} has never been compared with a current source",
                               f"compare it with {where}, then write that day as 'checked: YYYY-MM-DD'"))
        elif today - checked > STALE_AFTER:
            out.append(Finding(src.file, line, STALE, f"{what} was last checked on {checked.isoformat()}, "
                               f"over {STALE_AFTER.days} days ago", "compare it again and update 'checked'"))
    return out


def _area(kb: KnowledgeBase, src: _Source) -> list[Finding]:
    if kb.area.phone_number:
        return []
    return [Finding(src.file, src.line("area", "phone_service", "number"), MISSING,
                    "the area's phone service has no number", "fill in 'number' when an official source gives it")]


def _languages(kb: KnowledgeBase, source: _Sources) -> list[Finding]:
    out: list[Finding] = []

    def check(src: _Source, text: Text, what: str, *path: Any) -> None:
        for language in LANGUAGES:
            if not text.get(language).strip():
                out.append(Finding(src.file, src.line(*path, language), MISSING, f"{what} has no '{language}' text",
                                   f"write the {language} text"))

    texts = source("texts")
    for key, text in kb.texts.items():
        check(texts, text, f"text {key!r}", "texts", key)
    newcomer = sorted({*NEWCOMER_LANGUAGES, *(lang for key in NEWCOMER_TEXTS if key in kb.texts
                                             for lang, _ in kb.texts[key].more)})
    for key in NEWCOMER_TEXTS:
        given = dict(kb.texts[key].more) if key in kb.texts else {}
        for language in newcomer:
            if not given.get(language):
                out.append(Finding(texts.file, texts.line("texts", key), MISSING,
                                   f"text {key!r} has no {language!r} translation (newcomers see English)",
                                   f"add '{language}:' with the translation, checked against the Finnish"))
    services = source("services")
    for service in kb.services.values():
        check(services, service.name, f"service {service.id!r} name", "services", service.id, "name")
        check(services, service.description, f"service {service.id!r} description", "services", service.id,
              "description")
    points = source("service_points")
    for point in kb.service_points.values():
        check(points, point.name, f"service point {point.id!r} name", "service_points", point.id, "name")
        check(points, point.description, f"service point {point.id!r} description", "service_points", point.id,
              "description")
    area = source("area")
    check(area, kb.area.name, "the area's name", "area", "name")
    check(area, kb.area.online_service_name, "the online service's name", "area", "online_service", "name")
    phrasings = source("phrasings")
    groups = (("topics", kb.phrasings.topics), ("audiences", kb.phrasings.audiences),
              ("smalltalk", kb.phrasings.smalltalk))
    for group, entries in groups:
        for key, by_language in entries.items():
            for language in LANGUAGES:
                if not by_language.get(language):
                    out.append(Finding(phrasings.file, phrasings.line(group, key, language), MISSING,
                                       f"{group} {key!r} has no '{language}' phrasings",
                                       f"add how people ask about it in {language}"))
    return out


def _organisations(kb: KnowledgeBase, src: _Source) -> list[Finding]:
    """Organisations nobody can ask for in a language: no phrasings of their own nor in their group."""
    out = []
    for organisation in kb.organisations.values():
        group = [o for o in kb.organisations.values() if organisation.group and o.group == organisation.group]
        for language in LANGUAGES:
            if any(o.phrasings.get(language) for o in group or [organisation]):
                continue
            out.append(Finding(src.file, src.line("organisations", organisation.id, "phrasings", language), MISSING,
                               f"organisation {organisation.id!r} has no phrasings in '{language}', so nobody "
                               f"asking in '{language}' is sent there", f"add how people ask about its matters "
                               f"in {language}"))
    return out


def _employment_areas(kb: KnowledgeBase, src: _Source) -> list[Finding]:
    """Municipalities whose employment area no source gives: listed under `unplaced`, or not at all."""
    placed = {m for area in kb.employment_areas.values() for m in area.members}
    unplaced = src.data.get("unplaced") if isinstance(src.data, dict) else None
    listed = {str(name).strip() for name in unplaced or () if isinstance(name, str)}
    out = []
    if listed:
        out.append(Finding(src.file, src.line("unplaced"), MISSING,
                           f"{len(listed)} municipalities have no known employment area (unplaced): the bot points "
                           "their residents to Työmarkkinatori", "when a current source names a municipality's area, "
                           "move it from unplaced into that area's members"))
    for other in kb.other_municipalities:
        if other.current and not other.aland and other.name not in placed and other.name not in listed:
            out.append(Finding(src.file, src.line("unplaced"), MISSING,
                               f"{other.name!r} is in no employment area and not under unplaced",
                               "add it to the members of the area a current source names, or under unplaced"))
    return out


def _unused(kb: KnowledgeBase, src: _Source, usage: Usage | None) -> list[Finding]:
    if usage is None:
        return [Finding(src.file, 1, NOTE, "skipped the check for phrasings no question matched",
                        "give --db FILE (the bot's database) to run it")]
    if usage.questions == 0:
        return [Finding(src.file, 1, NOTE, "skipped the check for phrasings no question matched",
                        "the database has no recorded questions yet")]
    out = []
    for group, kind, entries in (("topics", "topic", kb.phrasings.topics),
                                 ("audiences", "audience", kb.phrasings.audiences)):
        for key, by_language in entries.items():
            for language, phrases in by_language.items():
                if phrases and (kind, key, language) not in usage.seen:
                    out.append(Finding(src.file, src.line(group, key, language), UNUSED,
                                       f"none of the {len(phrases)} '{language}' phrasings of {kind} {key!r} "
                                       f"matched any of the {usage.questions} recorded questions",
                                       "check them against the report's unanswered questions"))
    return out
