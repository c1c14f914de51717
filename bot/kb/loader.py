"""Load a knowledge-base directory: read every file, check it whole, build one model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.kb import sections
from bot.kb.errors import KBError, KnowledgeBaseInvalid
from bot.kb.flatsource import read_flat_yaml
from bot.kb.model import KnowledgeBase
from bot.kb.yamlsource import read_yaml

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


def _load(directory: Path) -> tuple[KnowledgeBase | None, list[KBError]]:
    errors: list[KBError] = []
    if not directory.is_dir():
        return None, [KBError(str(directory), 0, "is not a directory", "give the knowledge/ folder")]
    raw: dict[str, Any] = {}
    shown: dict[str, str] = {}
    for kind, name in FILES.items():
        shown[kind] = str(directory / name)
        data, file_errors = read_yaml(directory / name, shown[kind])
        errors.extend(file_errors)
        raw[kind] = data
    for kind, name in OPTIONAL_FILES.items():
        shown[kind] = str(directory / name)
        raw[kind] = None
        if (directory / name).exists():
            raw[kind], file_errors = read_flat_yaml(directory / name, shown[kind])  # long, one entry a line
            errors.extend(file_errors)
    if errors:  # syntax errors make everything after them noise
        return None, errors

    def build(kind: str, builder: Callable[[Any, str, list[KBError]], Any]) -> Any:
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
    if area is None:
        return None, errors

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
    )
    from bot.kb.references import check_references  # local: keeps import graph one-way

    check_references(kb, raw, shown, dict(municipalities=municipalities, others=others, points=points),
                     errors)
    return (None if errors else kb), errors


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
