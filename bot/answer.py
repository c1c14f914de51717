"""The engine's result: plain data every channel (console, JSON, Telegram) renders its own way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.kb.model import EmploymentArea, Organisation, ServicePoint

#: Answer kinds, so channels can react (e.g. offer municipality buttons on "clarify").
ROUTE, CLARIFY, OUT_OF_AREA, FALLBACK, SMALLTALK, EMPTY = (
    "route", "clarify", "out_of_area", "fallback", "smalltalk", "empty")
#: Another organisation's matter (Kela, health care, permits...): named, with no service point of ours.
OTHER_ORGANISATION = "other_organisation"
#: Understood as something nobody in the knowledge base handles (weather, pizza, a made-up benefit).
OUT_OF_SCOPE = "out_of_scope"
#: Kinds that answer nothing: kept for staff as unanswered.
UNANSWERED_KINDS = frozenset({FALLBACK, OUT_OF_SCOPE})
#: Below this an answer is a guess: staff see the question as they see unanswered ones.
LOW_CONFIDENCE = 0.6


@dataclass(frozen=True, slots=True)
class Context:
    """What a channel knows about the person from earlier turns; all optional."""

    language: str | None = None  # chosen by the person: answers are always in it
    municipality: str | None = None
    last_topic: str | None = None
    last_language: str | None = None  # of the last answer: breaks ties for "Kuhmo", "ok", "87100"
    role: str | None = None  # "jobseeker" or "employer": the person's answer to the bot's question


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer to the bot's clarifying question: an id the channel sends back, and its label."""

    id: str  # "role:employer", "mun:sotkamo", "mun:_else"
    label: str


@dataclass(frozen=True, slots=True)
class Answer:
    language: str
    municipality: str | None
    out_of_area: bool
    audience: tuple[str, ...]
    topic: str | None
    service_points: tuple[ServicePoint, ...]
    needs_clarification: bool
    text: str
    kind: str = ROUTE
    outside_place: str | None = None
    confidence: float = 1.0
    notes: tuple[str, ...] = field(default=())
    choices: tuple[Choice, ...] = field(default=())
    #: the municipality is that of someone the person wrote about ("poikani asuu Kuhmossa"), or only of a
    #: service point they named: not to be remembered as the person's own home
    home_stated: bool = True
    #: other organisations whose matter the question (also) is, in the order named
    organisations: tuple[Organisation, ...] = field(default=())
    #: the employment area that serves a person living outside ours, when the knowledge base knows it
    employment_area: EmploymentArea | None = None
    #: the source line, also the last paragraph of `text`: Telegram folds it into an expandable quote
    source: str = ""

    def to_json(self) -> dict[str, Any]:
        """The stable JSON contract of `tyonavi ask --json` (keys may be added, never removed)."""
        return {
            "language": self.language,
            "municipality": self.municipality,
            "out_of_area": self.out_of_area,
            "audience": list(self.audience),
            "topic": self.topic,
            "service_points": [
                {
                    "id": p.id,
                    "name": p.name.get(self.language),
                    "address": str(p.address),
                    "municipality": p.municipality,
                }
                for p in self.service_points
            ],
            "needs_clarification": self.needs_clarification,
            "answer": self.text,
            "kind": self.kind,
            "confidence": round(self.confidence, 2),
            "choices": [{"id": c.id, "label": c.label} for c in self.choices],
            "organisations": [
                {"id": o.id, "name": o.name.get(self.language), "website": o.website} for o in self.organisations
            ],
            "employment_area": {
                "id": self.employment_area.id,
                "name": self.employment_area.name.get(self.language),
                "website": self.employment_area.website,
            } if self.employment_area else None,
            "source": self.source,
        }
