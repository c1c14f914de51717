"""What a channel remembers between turns, and how an answer updates it (shared by all channels)."""

from __future__ import annotations

from dataclasses import replace

from bot.answer import CLARIFY, OUT_OF_AREA, ROUTE, Answer, Context


def next_context(context: Context, answer: Answer) -> Context:
    """Remember the home municipality and topic an answer settled, for follow-ups like 'entä Kuhmossa?'."""
    context = replace(context, last_language=answer.language)
    if answer.kind == ROUTE:
        return replace(context, municipality=answer.municipality or context.municipality,
                       last_topic=answer.topic)
    if answer.kind == CLARIFY:
        return replace(context, last_topic=answer.topic)
    if answer.kind == OUT_OF_AREA:  # they live elsewhere: an earlier home municipality no longer holds
        return replace(context, municipality=None, last_topic=answer.topic)
    return context
