"""Issue 7: what job seekers actually write is weighed, asked about when unsure, and explained.

Each row of the issue's table was answered wrongly before the engine weighed its evidence.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.answer import CLARIFY, OUT_OF_AREA, ROUTE, Context
from bot.cli import main
from bot.staff.evaluation import DEFAULT_QUESTIONS, evaluate, format_report

EVAL = DEFAULT_QUESTIONS.parent


def first_point(answer):
    return answer.service_points[0].id if answer.service_points else None


@pytest.mark.parametrize("text, point, street", [
    ("etsin töitä sotkamosta", "sotkamo_virastotalo", "Markkinatie 1"),
    ("olen 40 ja asun kajaanissa, etsin töitä", "kajaani_virastotalo", "Kalliokatu 4"),
    ("Olen kotoisin Puolangalta ja etsin töitä, minne otan yhteyttä?", "puolanka_kunnantalo", "Maaherrankatu 7"),
    ("puhelin 044 7654321, asun suomussalmella ja etsin töitä", "suomussalmi_kunnantalo", "Kauppakatu 20"),
    ("en asu enää paltamossa, asun nykyään kuhmossa", "kuhmo_kaupungintalo", "Kainuuntie 82"),
    ("muutin sotkamosta kuusamoon viime kuussa", "kuusamo_kaupungintalo", "Keskuskuja 6"),
    ("tyttäreni on 19 ja asuu kajaanissa", "kajaani_ohjaamo", "Pohjolankatu 16"),
    ("my wife got a job in Sotkamo and we moved here from Brazil", "kajaani_kaupungintalo", "Pohjolankatu 13"),
])
def test_the_issue_table_rows_are_routed_to_the_right_point(engine, text, point, street):
    answer = engine.answer(text)
    assert answer.kind == ROUTE
    assert first_point(answer) == point
    assert street in answer.text
    assert answer.audience.count("employer") == 0


def test_a_job_seekers_words_never_count_for_employers(engine):
    for text in ("etsin töitä sotkamosta", "haen töitä kuhmosta", "lomautettu, asun paltamossa",
                 "firma irtisanoi mut, asun paltamossa", "työnantaja lomautti minut, asun hyrynsalmella"):
        answer = engine.answer(text)
        assert answer.topic != "employer_services" and "employer" not in answer.audience, text


def test_etsin_toita_without_a_place_asks_where_they_live(engine):
    answer = engine.answer("etsin töitä")
    assert answer.kind == CLARIFY and answer.needs_clarification
    assert "Missä kunnassa asut?" in answer.text
    assert {c.id for c in answer.choices} >= {"mun:kuhmo", "mun:kajaani", "mun:_else"}


@pytest.mark.parametrize("text, place", [
    ("muutin kuhmosta tampereelle, mihin nyt ilmoittaudun", "Tampere"),
    ("Olen kemijärveläinen työtön", "Kemijärvi"),
    ("Asun Metsäkylässä Haminassa", "Hamina"),
])
def test_out_of_area_by_move_demonym_and_named_municipality(engine, text, place):
    answer = engine.answer(text)
    assert answer.kind == OUT_OF_AREA and answer.outside_place == place
    assert not answer.service_points


@pytest.mark.parametrize("text", ["miten ilmoittaudun työttömäksi työnhakijaksi",
                                  "How do I sign up as unemployed?"])
def test_registering_is_answered_without_asking_the_municipality(engine, text):
    answer = engine.answer(text)
    assert answer.kind == ROUTE and not answer.needs_clarification
    assert answer.topic == "tyomarkkinatori"
    assert "tyomarkkinatori.fi" in answer.text


def test_employers_in_their_own_words_get_employer_services(engine):
    for text in ("pidän kahvilaa sotkamossa ja tarvitsen kesätyöntekijöitä",
                 "meidän sahalle tarvitaan kaks miestä, taivalkoskella ollaan",
                 "kuljetusliikkeeni etsii kuljettajia"):
        answer = engine.answer(text)
        assert "employer" in answer.audience and not answer.service_points, text


def test_close_readings_ask_who_is_asking_and_the_choice_answers_the_question(engine):
    question = "etsin töitä yritykselleni kuhmossa"
    asked = engine.answer(question)
    assert asked.kind == CLARIFY and asked.text == "Etsitkö töitä vai haluatko palkata työntekijän yritykseesi?"
    assert [c.id for c in asked.choices] == ["role:jobseeker", "role:employer"]
    assert asked.confidence < 0.6  # kept for staff like an unanswered question
    as_seeker = engine.answer(question, Context(role="jobseeker"))
    as_employer = engine.answer(question, Context(role="employer"))
    assert first_point(as_seeker) == "kuhmo_kaupungintalo"
    assert as_employer.topic == "employer_services" and not as_employer.service_points


def test_shared_village_name_is_asked_about_unless_a_municipality_settles_it(engine):
    asked = engine.answer("asun maanselässä ja etsin töitä")
    assert asked.kind == CLARIFY
    assert [c.id for c in asked.choices] == ["mun:kuusamo", "mun:sotkamo", "mun:_else"] or \
        [c.id for c in asked.choices] == ["mun:sotkamo", "mun:kuusamo", "mun:_else"]
    assert first_point(engine.answer("asun maanselässä ja etsin töitä", Context(municipality="kuusamo"))) == \
        "kuusamo_kaupungintalo"
    assert first_point(engine.answer("asun maanselässä sotkamossa, etsin töitä")) == "sotkamo_virastotalo"


def test_someone_elses_municipality_is_not_remembered_as_the_persons_home(engine):
    from bot.conversation.context import next_context

    answer = engine.answer("tyttäreni on 19 ja asuu kajaanissa")
    assert next_context(Context(municipality="kuhmo"), answer).municipality == "kuhmo"


def test_confidence_is_low_when_two_homes_compete(engine):
    sure = engine.answer("asun kuhmossa ja etsin töitä")
    torn = engine.answer("etsin töitä kuhmosta ja sotkamosta")
    assert sure.confidence >= 0.9
    assert torn.confidence < sure.confidence


def test_ask_explain_shows_evidence_readings_and_decision(capsys):
    assert main(["ask", "--explain", "etsin töitä sotkamosta"]) == 0
    out = capsys.readouterr().out
    assert "Evidence" in out and "role: jobseeker" in out and "place: sotkamo" in out
    assert "Readings" in out and "★" in out
    assert "Decision: topic personal_services, municipality sotkamo" in out
    assert "Markkinatie 1" in out


def test_ask_explain_tells_why_the_bot_asked(capsys):
    assert main(["ask", "--explain", "etsin töitä yritykselleni kuhmossa"]) == 0
    out = capsys.readouterr().out
    assert "too close to call" in out and "Decision: ask (role)" in out


def test_ask_json_lists_the_choices_of_a_question_back(capsys):
    import json

    assert main(["ask", "--json", "asun maanselässä"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["needs_clarification"] is True and data["kind"] == "clarify"
    assert {c["id"] for c in data["choices"]} == {"mun:sotkamo", "mun:kuusamo", "mun:_else"}


def test_eval_prints_confusion_tables_and_counts_confidently_wrong_apart(tmp_path, engine):
    questions = tmp_path / "q.yaml"
    questions.write_text(
        '- q: "asun kuhmossa"\n  category: a\n  expect: {municipality: sotkamo, service_point: sotkamo_virastotalo}\n'
        '- q: "etsin töitä"\n  category: a\n'
        '  expect: {service_point: kuhmo_kaupungintalo, needs_clarification: false}\n'
        '- q: "asun kuhmossa"\n  category: b\n  expect: {municipality: kuhmo, service_point: kuhmo_kaupungintalo}\n',
        encoding="utf-8")
    report = evaluate(engine, questions)
    text = format_report(report)
    assert "confidently wrong: 1 (33.3%)" in text
    assert "asked instead:     1 (33.3%)" in text
    assert "confusion: municipality (1/2 as expected)" in text
    assert "expected sotkamo" in text and "got kuhmo" in text


def test_eval_command_prints_the_confusion_table(capsys):
    main(["eval"])
    out = capsys.readouterr().out
    assert "confusion: topic" in out and "confidently wrong:" in out


def test_everyday_held_out_set_meets_the_bar(engine):
    """tests/eval/holdout_everyday.yaml was written blind before the engine weighed evidence (77.8% then)."""
    report = evaluate(engine, EVAL / "holdout_everyday.yaml")
    assert report.total >= 400
    assert report.overall >= 0.95, format_report(report, show_failures=True)
    assert all(report.accuracy(c) >= 0.90 for c in report.totals), format_report(report, show_failures=True)
    assert report.rate("confidently_wrong") <= 0.01, format_report(report, show_failures=True)


def test_console_chat_offers_numbered_choices_and_the_number_answers_the_question():
    result = subprocess.run([sys.executable, "-m", "bot.cli", "chat"],
                            input="etsin töitä yritykselleni kuhmossa\n2\n/unohda\nasun maanselässä\n1\n/quit\n",
                            capture_output=True, text=True, timeout=60, check=True)
    out = result.stdout
    assert "  1. Etsin töitä\n  2. Haluan palkata" in out
    assert "Työnantaja- ja yrityspalvelut" in out  # "2": the employer's answer to the original question
    assert "Maanselkä" in out and "Useassa kunnassa" in out
    assert "Keskuskuja 6" in out or "Markkinatie 1" in out


@pytest.mark.parametrize("text, place", [
    ("asun Sukevalla ja jäin työttömäksi", "Sukeva (Sonkajärvi)"),
    ("postinumero 88340, työtön, minne?", "Vaala"),
    ("asun oulusa, työtön", "Oulu"),
    ("asun Kajaanin naapurissa Vaalassa, työtön", "Vaala"),
    ("asun kuhmoisissa ja etsin töitä", "Kuhmoinen"),
])
def test_places_outside_the_area_in_the_forms_people_use(engine, text, place):
    answer = engine.answer(text)
    assert answer.kind == OUT_OF_AREA and answer.outside_place == place


def test_a_locality_name_outside_the_area_is_no_home_unless_they_live_there(engine):
    # "löytää" (to find) is not the village Löytänä, and a locality named in passing is not a home
    assert first_point(engine.answer("muutto tuli kuusamosta sotkamoon, nyt pitäis työt löytää")) == \
        "sotkamo_virastotalo"


@pytest.mark.parametrize("text, point", [
    ("asuin ennen oulussa, nyt kajaanissa, etsin töitä", "kajaani_virastotalo"),
    ("used to live in Kuhmo, now in Sotkamo, looking for work", "sotkamo_virastotalo"),
    ("Hi, I'm 22 and I live in Sotkamo. My friends say I should move to Oulu. Where can I get help?",
     "sotkamo_virastotalo"),
    ("asun itse oulussa mutta poikani on 23 ja asuu kajaanissa, mihin hän menee töitä etsimään", "kajaani_ohjaamo"),
    ("I live in Kajaani, my wife lives in Oulu, where do I register", "kajaani_virastotalo"),
])
def test_time_person_and_negation_decide_whose_home_counts(engine, text, point):
    assert first_point(engine.answer(text)) == point
