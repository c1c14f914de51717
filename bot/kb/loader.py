"""Load a knowledge-base directory: read every file, check it whole, build one model."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.kb import sections
from bot.kb.errors import KBError, KnowledgeBaseInvalid
from bot.kb.fields import Fields
from bot.kb.flatsource import read_flat_yaml
from bot.kb.model import KnowledgeBase
from bot.kb.yamlsource import LineDict, read_yaml

FILES = {
    "area": "area.yaml",
    "municipalities": "municipalities.yaml",
    "other_municipalities": "other_municipalities.yaml",
    "service_points": "service_points.yaml",
    "services": "services.yaml",
    "routing": "routing.yaml",
    "phrasings": "phrasings.yaml",
    "language": "language.yaml",
    "texts": "texts.yaml",
}
#: Files the knowledge base may do without: a missing one counts as empty.
OPTIONAL_FILES = {
    "other_places": "other_places.yaml",
    "organisations": "other_organisations.yaml",
    "employment_areas": "employment_areas.yaml",
    "sources": "sources.yaml",
}


def load_knowledge_base(directory: Path | str) -> KnowledgeBase:
    """Load and validate; raise KnowledgeBaseInvalid listing every error found."""
    kb, errors = _load(Path(directory))
    if errors or kb is None:
        raise KnowledgeBaseInvalid(errors)
    return kb


def validate_directory(directory: Path | str) -> list[KBError]:
    """Every error in the knowledge base at `directory`; empty when it can be served."""
    return _load(Path(directory))[1]


#: The top-level keys of files whose builders read only their main key (the others check their own).
TOP_LEVEL_KEYS = {
    kind: {kind, "source", "checked"}
    for kind in ("area", "municipalities", "other_municipalities", "service_points", "services", "texts",
                 "organisations")
}
TOP_LEVEL_KEYS["employment_areas"] = {"employment_areas", "unplaced", "source", "checked"}
TOP_LEVEL_KEYS["sources"] = {"sources", "words"}


@dataclass
class _Progress:
    """The file being read or built, for an error nobody foresaw."""

    file: str
    line: int = 1


def _load(directory: Path) -> tuple[KnowledgeBase | None, list[KBError]]:
    """The one place where anything a knowledge base provokes becomes a KBError instead of a traceback."""
    at = _Progress(str(directory))
    try:
        return _load_checked(directory, at)
    except Exception as exc:  # noqa: BLE001 - a broken file must never break the caller (kb validate, reload)
        return None, [_unexpected(exc, at)]


def _unexpected(exc: Exception, at: _Progress) -> KBError:
    """The failure as a KBError, at the innermost entry being read when it happened (or the file's line 1)."""
    file, line = at.file, at.line
    try:
        frame = exc.__traceback__
        while frame is not None:  # innermost last: keep the last entry being read
            for value in frame.tb_frame.f_locals.values():
                if isinstance(value, Fields):
                    file, line = value.file, value.line()
            frame = frame.tb_next
    except Exception:  # noqa: BLE001, S110 - only a better line was at stake
        pass
    problem = "it is nested too deeply" if isinstance(exc, RecursionError) else f"{type(exc).__name__}: {exc}"
    return KBError(file, line, f"the bot could not read this ({problem[:200]})",
                   "undo the last edit to this file and validate again; if that does not help, tell a developer")


def _load_checked(directory: Path, at: _Progress) -> tuple[KnowledgeBase | None, list[KBError]]:
    errors: list[KBError] = []
    if not directory.is_dir():
        return None, [KBError(str(directory), 0, "is not a directory", "give the knowledge/ folder")]
    raw: dict[str, Any] = {}
    shown: dict[str, str] = {}
    for kind, name in FILES.items():
        at.file = shown[kind] = str(directory / name)
        data, file_errors = read_yaml(directory / name, shown[kind], directory)
        raw[kind] = data
        errors.extend(file_errors or _top_level(kind, data, shown[kind], required=True))
    for kind, name in OPTIONAL_FILES.items():
        at.file = shown[kind] = str(directory / name)
        raw[kind] = None
        if os.path.lexists(directory / name):  # a broken link is not an absent file
            raw[kind], file_errors = read_flat_yaml(directory / name, shown[kind], directory)  # long, one a line
            errors.extend(file_errors or _top_level(kind, raw[kind], shown[kind], required=False))
    if errors:  # syntax errors make everything after them noise
        return None, errors

    def build(kind: str, builder: Callable[[Any, str, list[KBError]], Any]) -> Any:
        at.file = shown[kind]
        return builder(raw[kind], shown[kind], errors)

    area = build("area", sections.build_area)
    municipalities = build("municipalities", sections.build_municipalities)
    others = build("other_municipalities", sections.build_other_municipalities)
    points = build("service_points", sections.build_service_points)
    services = build("services", sections.build_services)
    routing = build("routing", sections.build_routing)
    phrasings = build("phrasings", sections.build_phrasings)
    cues = build("language", sections.build_language_cues)
    texts = build("texts", sections.build_texts)
    other_places = build("other_places", sections.build_other_places)
    organisations = build("organisations", sections.build_organisations)
    areas, unplaced = build("employment_areas", sections.build_employment_areas)
    source_names = build("sources", sections.build_source_names)
    if area is None:
        return None, errors

    at.file = str(directory)
    kb = KnowledgeBase(
        area=area,
        municipalities=_unique(municipalities, shown["municipalities"], "municipality", errors),
        other_municipalities=tuple(m for m, _ in others),
        service_points=_unique(points, shown["service_points"], "service point", errors),
        services=_unique(services, shown["services"], "service", errors),
        routing=routing,
        phrasings=phrasings,
        language_cues=cues,
        texts=texts,
        other_places=other_places,
        organisations=_unique(organisations, shown["organisations"], "organisation", errors),
        employment_areas=_unique(areas, shown["employment_areas"], "employment area", errors),
        source_names=source_names,
    )
    from bot.kb.references import check_references  # local: keeps import graph one-way

    check_references(kb, raw, shown, dict(municipalities=municipalities, others=others, points=points,
                                          organisations=organisations, areas=areas, unplaced=unplaced), errors)
    return (None if errors else kb), errors


def _top_level(kind: str, data: Any, file: str, required: bool) -> list[KBError]:
    """A file must hold a mapping at the top, with only the keys its builder reads."""
    if data is None:
        if not required:
            return []
        return [KBError(file, 1, "the file is empty (or holds only comments)",
                        "put its content back, e.g. from the last good version (git checkout or a backup)")]
    main = FILES.get(kind) or OPTIONAL_FILES[kind]
    if not isinstance(data, dict):
        got = "a list" if isinstance(data, list) else f"the single value {str(data)[:40]!r}"
        return [KBError(file, getattr(data, "line", 1) or 1,
                        f"the file must be a block of 'name: value' lines at the top, got {got}",
                        f"start the file as the shipped {main} does, without '- ' before the first name")]
    allowed = TOP_LEVEL_KEYS.get(kind)
    if allowed is None:
        return []
    return [KBError(file, data.line_of(key) if isinstance(data, LineDict) else 1,
                    f"unknown top-level key {str(key)[:40]!r}",
                    f"use {kind!r} (check the spelling, and the indentation: the entries' fields belong under it)")
            for key in data if key not in allowed]


def _unique(entries: list[tuple[Any, int]], file: str, what: str, errors: list[KBError]) -> dict[str, Any]:
    seen: dict[str, int] = {}
    out = {}
    for entry, line in entries:
        if not entry.id:
            continue
        if entry.id in seen:
            errors.append(KBError(file, line, f"duplicate {what} id {entry.id!r} (first at line {seen[entry.id]})",
                                  "give each entry its own id, or remove the copy"))
            continue
        seen[entry.id] = line
        out[entry.id] = entry
    return out
