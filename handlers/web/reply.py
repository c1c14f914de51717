"""One message the web chat shows: the bot's words, the source line at their end, its buttons and points."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.answer import Answer, Choice


@dataclass(frozen=True, slots=True)
class Reply:
    """`feedback`: the handle 👍/👎 send back for this answer (None: no votes, e.g. a question back or a note)."""

    text: str
    language: str
    source: str = ""
    choices: tuple[Choice, ...] = ()
    service_points: tuple[dict[str, Any], ...] = ()
    feedback: str | None = None

    @classmethod
    def of(cls, answer: Answer, feedback: str | None = None) -> Reply:
        return cls(answer.text, answer.language, answer.source, answer.choices,
                   tuple(answer.to_json()["service_points"]), feedback)
