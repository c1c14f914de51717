"""Properties of Engine.answer for any text at all: it never raises, and what it returns is well-formed
(a text, a known language, a confidence in 0..1, service points of the knowledge base) and the same every
time for the same input."""

from __future__ import annotations

import re

from fuzz_strategies import ENGINE, KB, NOW, contexts, messages
from hypothesis import given

from bot.answer import (
    CLARIFY,
    EMPTY,
    FALLBACK,
    OTHER_ORGANISATION,
    OUT_OF_AREA,
    OUT_OF_SCOPE,
    ROUTE,
    SMALLTALK,
    Answer,
    Context,
)
from bot.kb.model import LANGUAGES

KINDS = {ROUTE, CLARIFY, OUT_OF_AREA, FALLBACK, SMALLTALK, EMPTY, OTHER_ORGANISATION, OUT_OF_SCOPE}
_CHOICE = re.compile(r"^(mun:(_else|[a-z][a-z0-9_]*)|role:(jobseeker|employer))$")


def check_answer(answer: Answer) -> None:
    assert isinstance(answer, Answer)
    assert isinstance(answer.text, str) and answer.text.strip()
    assert answer.language in LANGUAGES or answer.language in ENGINE.newcomer_languages
    assert 0.0 <= answer.confidence <= 1.0
    assert answer.kind in KINDS
    for point in answer.service_points:
        assert KB.service_points.get(point.id) == point
    for organisation in answer.organisations:
        assert KB.organisations.get(organisation.id) == organisation
    assert answer.employment_area is None or KB.employment_areas.get(answer.employment_area.id) == \
        answer.employment_area
    assert answer.kind != OTHER_ORGANISATION or (answer.organisations and not answer.service_points)
    assert answer.kind != OUT_OF_SCOPE or not (answer.organisations or answer.service_points)
    assert answer.municipality is None or answer.municipality in KB.municipalities
    assert answer.topic is None or answer.topic in KB.routing.topics or answer.topic in KB.services
    for choice in answer.choices:
        assert _CHOICE.match(choice.id) and choice.label.strip()
        kind, _, value = choice.id.partition(":")
        assert kind != "mun" or value == "_else" or value in KB.municipalities
    assert not answer.choices or answer.kind == CLARIFY


@given(messages)
def test_any_text_gets_a_well_formed_answer_and_the_same_one_every_time(text: str) -> None:
    answer = ENGINE.answer(text, None, NOW)
    check_answer(answer)
    assert ENGINE.answer(text, None, NOW) == answer
    assert ENGINE.explain(text, None, NOW)[0] == answer


@given(messages, contexts)
def test_any_text_in_any_context_gets_a_well_formed_answer_and_the_same_one_every_time(text: str,
                                                                                    context: Context) -> None:
    answer = ENGINE.answer(text, context, NOW)
    check_answer(answer)
    if context.language is not None and answer.language not in ENGINE.newcomer_languages:
        assert answer.language == context.language  # a chosen language is always kept
    assert ENGINE.answer(text, context, NOW) == answer
