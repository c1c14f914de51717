"""A home municipality named in a command (`ask --municipality`, `/kunta`), read as people write it.

"Kajaani", "kajaanissa", "Kajana", "ristijarvi", "Vuokatti" (a village of Sotkamo) all name one of the area's
municipalities: the engine's own place index (bot/engine/places.py) reads them, case forms, Swedish names,
villages and typos included, so a command understands what a question would.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.core import Engine
from bot.engine.message import read_message
from bot.kb.normalise_names import fold


@dataclass(frozen=True, slots=True)
class NamedMunicipality:
    """What a name was read as: an area municipality's id, or a municipality outside the area, or neither."""

    municipality: str | None = None
    #: a municipality outside the area, by name ("Oulu"): not ours, and said so
    outside: str | None = None


def municipality_named(engine: Engine, name: str) -> NamedMunicipality:
    """The one area municipality `name` means; a name of two municipalities' villages, or of nothing known,
    means none."""
    kb = engine.kb
    if fold(name.strip()) in kb.municipalities:
        return NamedMunicipality(fold(name.strip()))
    hits = engine.places.find(read_message(name))
    ours = {hit.target.municipality for hit in hits if hit.target.municipality and not hit.target.ambiguous}
    if len(ours) == 1:
        return NamedMunicipality(ours.pop())
    outside = [hit.target.outside for hit in hits if hit.target.outside and not hit.target.weak]
    if hits and not ours and outside:
        return NamedMunicipality(outside=outside[0])
    return NamedMunicipality()


def area_municipalities(engine: Engine, language: str) -> str:
    """The area's municipalities by name, alphabetically: the list a "not recognised" message gives."""
    names = sorted(m.display_name(language) for m in engine.kb.municipalities.values())
    return ", ".join(names)
