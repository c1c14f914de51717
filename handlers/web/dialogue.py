"""One web turn: a message or a choice in, the answers out, the session's context kept as the console keeps it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from bot.answer import Answer, Choice
from bot.conversation.context import ELSEWHERE, apply_choice, next_context
from bot.engine import Engine
from handlers.web.sessions import WebSession


class UnknownChoice(Exception):
    """The choice is not one the bot offered in the session's last question (or no question is waiting)."""


@dataclass(frozen=True, slots=True)
class Reply:
    """One message the channel shows: its text, the source line at its end, the buttons, the points it names."""

    text: str
    language: str
    source: str = ""
    choices: tuple[Choice, ...] = ()
    service_points: tuple[dict[str, Any], ...] = ()

    @classmethod
    def of(cls, answer: Answer) -> Reply:
        return cls(answer.text, answer.language, answer.source, answer.choices,
                   tuple(answer.to_json()["service_points"]))


def ask(engine: Engine, session: WebSession, text: str) -> list[Reply]:
    """Answer a message in the session's context; a question back is kept with its choices until answered."""
    answer = engine.answer(text, session.context)
    session.context = next_context(session.context, answer)
    session.pending = (text, answer) if answer.choices else None
    return [Reply.of(answer)]


def choose(engine: Engine, session: WebSession, choice_id: str) -> list[Reply]:
    """Answer the waiting question again with the chosen municipality or role, as Telegram's buttons do."""
    if session.pending is None or choice_id not in {c.id for c in session.pending[1].choices}:
        raise UnknownChoice(choice_id)
    kb = engine.kb
    question, asked = session.pending
    session.pending = None
    chosen = apply_choice(session.context, choice_id, frozenset(kb.municipalities))
    if choice_id == ELSEWHERE or chosen is None:
        session.context = replace(session.context, municipality=None)
        text = "\n\n".join([kb.text("home_elsewhere", asked.language),
                            kb.text("register_online", asked.language, url=kb.area.online_service_url)])
        return [Reply(text, asked.language)]
    answer = engine.answer(question, chosen)
    session.context = next_context(replace(chosen, role=None), answer)
    session.pending = (question, answer) if answer.choices else None
    if choice_id.startswith("mun:") and chosen.municipality:
        name = kb.municipalities[chosen.municipality].display_name(answer.language)
        answer = replace(answer, text=f"{kb.text('municipality_set', answer.language, municipality=name)}\n\n"
                                      f"{answer.text}")
    return [Reply.of(answer)]
