"""Issue 8: answers people can act on: labels that claim nothing untrue, honest sources and dates,
Åland and merged municipalities, and an honest word when contact details are missing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from kb_edit import set_first_checked

from bot.answer import OUT_OF_AREA, ROUTE, Context
from bot.kb import load_knowledge_base, validate_directory
from bot.kb.lint import STALE, UNCHECKED, lint
from bot.staff.evaluation import DEFAULT_QUESTIONS, load_questions


@pytest.mark.parametrize("question", ["Missä on International Info?", "Missä on Ohjaamo?"])
def test_a_service_point_in_kajaani_is_not_called_the_home_of_someone_from_kuusamo(engine, question):
    answer = engine.answer(question, Context(municipality="kuusamo"))
    assert answer.kind == ROUTE
    assert "Kotikuntasi (Kajaani)" not in answer.text


def test_asking_about_a_place_does_not_make_it_the_persons_home(engine):
    answer = engine.answer("Milloin Kuhmon kaupungintalo on auki?")
    assert "Kotikuntasi" not in answer.text
    assert "Kysymäsi palvelupiste:" in answer.text
    assert not answer.home_stated


def test_the_home_point_is_labelled_as_home_only_when_the_person_gave_it(engine):
    assert "Palvelupisteesi (Kuhmo):" in engine.answer("asun kuhmossa, minne menen").text
    assert "Palvelupisteesi (Kuhmo):" in engine.answer("minne menen", Context(municipality="kuhmo")).text
    theirs = engine.answer("poikani on 45 ja asuu kuhmossa, minne hän menee").text
    assert "Palvelupisteesi" not in theirs and "Kuhmo" in theirs


@pytest.mark.parametrize("question", ["asun Maarianhaminassa ja etsin töitä", "I live in Åland, where do I register?",
                                      "asun ahvenanmaalla, olen työtön"])
def test_aland_is_served_by_ams_not_by_an_employment_area(engine, question):
    answer = engine.answer(question)
    assert answer.kind == OUT_OF_AREA
    assert "AMS" in answer.text
    assert "tyomarkkinatori" not in answer.text.lower() and "työllisyysalue:" not in answer.text


def test_a_merged_municipality_is_answered_with_the_current_one(engine):
    answer = engine.answer("asun Valtimossa ja etsin töitä")
    assert answer.kind == OUT_OF_AREA
    assert "Nurmes" in answer.text and "2020" in answer.text


@pytest.mark.parametrize("question", ["Milloin Sotkamon virastotalo on auki?",
                                      "mikä on kuhmon kaupungintalon puhelinnumero",
                                      "what is the e-mail of Kajaani city hall"])
def test_missing_contact_details_get_an_honest_answer_not_a_bare_address(engine, question):
    text = engine.answer(question).text
    assert "ei ole lähteissäni" in text or "not in my sources" in text


def test_no_answer_shows_an_internal_source_name(engine):
    questions = load_questions(DEFAULT_QUESTIONS) + load_questions(DEFAULT_QUESTIONS.parent / "holdout.yaml")
    for item in questions:
        text = engine.answer(str(item["q"]), Context(**(item.get("context") or {}))).text
        assert "Seed" not in text and ".txt" not in text and "seed" not in text.lower(), item["q"]


def test_answers_name_the_source_document_and_show_checked_only_when_a_person_checked(engine, kb):
    answer = engine.answer("asun kuhmossa, minne menen")
    point = answer.service_points[0]
    # the document by its short name (knowledge/sources.yaml), its chapters only in the knowledge base
    assert "Lähde: alueen suunnitelma (2023)" in answer.text
    assert point.source.startswith("Kainuun–Koillismaan työllisyysalueen suunnitelma")
    if point.checked is None:
        assert "tarkistettu" not in answer.text.lower()
    else:
        assert f"Tiedot tarkistettu {point.checked.isoformat()}" in answer.text



def test_kb_lint_lists_unchecked_and_stale_facts(kb_copy: Path):
    set_first_checked(kb_copy / "service_points.yaml", "2024-01-15")
    findings = lint(kb_copy, today=date(2026, 11, 30))
    stale = [f for f in findings if f.kind == STALE]
    assert len(stale) == 1 and "2024-01-15" in stale[0].message and stale[0].file.endswith("service_points.yaml")
    kb = load_knowledge_base(kb_copy)
    unchecked = [f for f in findings if f.kind == UNCHECKED]
    never = [p for p in kb.service_points.values() if p.checked is None]
    assert len([f for f in unchecked if "service point" in f.message]) == len(never)


def test_a_checked_date_in_the_future_is_refused(kb_copy: Path):
    set_first_checked(kb_copy / "service_points.yaml", "2099-01-01")
    errors = [str(e) for e in validate_directory(kb_copy)]
    assert any("is in the future" in e and "service_points.yaml:" in e for e in errors)
