"""What a channel remembers between turns, and how an answer updates it (shared by all channels)."""

from __future__ import annotations

from dataclasses import replace

from bot.answer import CLARIFY, OUT_OF_AREA, ROUTE, Answer, Context


def next_context(context: Context, answer: Answer) -> Context:
    """Remember the home municipality and topic an answer settled, for follow-ups like 'entä Kuhmossa?'."""
    context = replace(context, last_language=answer.language)
    if answer.kind == ROUTE:
        # a son's municipality, or that of a service point asked about, is not the person's own home
        home = answer.municipality if answer.home_stated else None
        return replace(context, municipality=home or context.municipality, last_topic=answer.topic)
    if answer.kind == CLARIFY:
        return replace(context, last_topic=answer.topic)
    if answer.kind == OUT_OF_AREA:  # they live elsewhere: an earlier home municipality no longer holds
        return replace(context, municipality=None, last_topic=answer.topic)
    return context


#: A choice that says the person lives outside the area.
ELSEWHERE = "mun:_else"


def apply_choice(context: Context, choice_id: str, municipalities: set[str] | frozenset[str]) -> Context | None:
    """The context in which the waiting question is answered again after a choice: "mun:kuusamo" sets
    the home municipality, "role:employer" says who is asking. None: not a choice we know (or elsewhere)."""
    kind, _, value = choice_id.partition(":")
    if kind == "mun" and value in municipalities:
        return replace(context, municipality=value)
    if kind == "role" and value in ("jobseeker", "employer"):
        return replace(context, role=value)
    return None
