"""Issue 16: an answer a person can act on at a glance. Measured on the project's own eval questions: routed
answers are short on a phone screen (34 characters a line), the place comes first, and no source document is
named twice; Swedish answers name places in Swedish."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
import yaml

from bot.answer import ROUTE
from bot.conversation.message_length import screen_lines

EVAL = Path(__file__).resolve().parent / "eval"
MEDIAN_LINES, P90_LINES, ADDRESS_WITHIN, ADDRESS_SHARE = 14, 20, 4, 0.90


@pytest.fixture(scope="module")
def routed(engine) -> dict[str, list]:
    """Every routed answer with a service point to the eval questions, by answer language (fi, sv, en)."""
    out: dict[str, list] = {"fi": [], "sv": [], "en": []}
    for path in sorted(EVAL.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            answer = engine.answer(item["q"])
            if answer.kind == ROUTE and answer.service_points and answer.language in out:
                out[answer.language].append(answer)
    return out


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_routed_answers_fit_a_phone_screen(routed, language):
    lengths = sorted(len(screen_lines(a.text)) for a in routed[language])
    assert len(lengths) >= 50
    assert statistics.median(lengths) <= MEDIAN_LINES
    assert lengths[int(0.9 * len(lengths)) - 1] <= P90_LINES


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_first_address_comes_within_the_first_lines(routed, language):
    answers = routed[language]
    early = [a for a in answers if str(a.service_points[0].address) in "\n".join(screen_lines(a.text)[:ADDRESS_WITHIN])
             or _address_starts_within(a)]
    assert len(early) >= ADDRESS_SHARE * len(answers)


def _address_starts_within(answer) -> bool:
    street = str(answer.service_points[0].address).split(",")[0]
    return any(line.startswith(street[:20]) for line in screen_lines(answer.text)[:ADDRESS_WITHIN])


def test_no_answer_names_the_same_source_document_twice(routed):
    for answers in routed.values():
        for answer in (a for a in answers if a.source):  # a newcomer's first answer has no source line
            documents = [d.strip() for d in answer.source.split(":", 1)[1].rstrip(".").split(";")]
            assert len(documents) == len(set(documents)), answer.source
            assert answer.source.count("suunnitelma") <= 1 and " luku" not in answer.source


@pytest.mark.parametrize("question, language, label", [
    ("asun kuhmossa, minne menen?", "fi", "Lähde: alueen suunnitelma (2023)"),
    ("jag bor i Kajana och söker jobb", "sv", "Källa: områdets plan (2023)"),
    ("I live in Sotkamo, where do I go?", "en", "Source: the area's plan (2023)"),
])
def test_the_source_is_named_in_the_answers_language(engine, question, language, label):
    answer = engine.answer(question)
    assert answer.language == language and answer.source.startswith(label)
    assert answer.text.endswith(answer.source)


@pytest.mark.parametrize("question, place", [("jag bor i Uleåborg", "Uleåborg"),
                                             ("jag bor i Helsingfors och söker jobb", "Helsingfors")])
def test_a_swedish_answer_names_a_place_outside_the_area_in_swedish(engine, question, place):
    answer = engine.answer(question)
    assert answer.language == "sv" and answer.out_of_area
    assert answer.text.startswith(place)


def test_the_json_of_ask_carries_the_source_line(engine):
    data = engine.answer("asun kuhmossa, minne menen?").to_json()
    assert data["source"].startswith("Lähde:") and data["answer"].endswith(data["source"])


@pytest.mark.parametrize("question, language", [("olen yrittäjä kuhmossa ja tarvitsen työntekijän", "fi"),
                                                ("vi behöver anställa en kock i Sotkamo", "sv"),
                                                ("we need to hire two welders in Kajaani", "en")])
def test_an_employer_is_told_who_runs_the_employer_services_and_where_to_look(engine, question, language):
    answer = engine.answer(question)
    assert answer.language == language and "employer" in answer.audience
    assert "https://www.kajaani.fi" in answer.text
    assert "contact_unknown" in answer.notes  # the channels offer "ask a person" too


def test_a_point_with_a_web_page_shows_it(kb_copy):
    from bot.engine import Engine
    from bot.kb import load_knowledge_base

    path = kb_copy / "service_points.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: kuhmo_kaupungintalo")
    where = text.index("    serves:", start)
    path.write_text(text[:where] + "    website: https://www.kuhmo.fi/tyollisyys\n" + text[where:], encoding="utf-8")
    answer = Engine(load_knowledge_base(kb_copy)).answer("asun kuhmossa, minne menen?")
    lines = answer.text.split("\n")
    assert lines[lines.index("Kainuuntie 82, 88900 Kuhmo") + 1] == "https://www.kuhmo.fi/tyollisyys"
