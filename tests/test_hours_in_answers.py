"""Issue 16: opening hours in the answers themselves. A point with hours says whether it is open now; "milloin
se on auki?" after an answer (or with the home known) gives the week's hours; without hours the answer says
once that they are not known and what the person can do."""

from __future__ import annotations

import shutil
from datetime import datetime

import pytest

from bot import SHIPPED_KNOWLEDGE
from bot.answer import ROUTE, Context
from bot.engine import Engine
from bot.hours import HELSINKI
from bot.kb import load_knowledge_base

LUNCH = "09:00-11:30, 12:30-15:00"
HOURS = f"""opening_hours:
      weekly: {{mon: "{LUNCH}", tue: "{LUNCH}", wed: "{LUNCH}", thu: "{LUNCH}", fri: "09:00-12:00"}}
      exceptions: {{"2026-12-31": closed}}"""
MONDAY_10 = datetime(2026, 12, 7, 10, 0, tzinfo=HELSINKI)
MONDAY_LUNCH = datetime(2026, 12, 7, 12, 0, tzinfo=HELSINKI)


@pytest.fixture(scope="module")
def engine_with_hours(tmp_path_factory) -> Engine:
    directory = tmp_path_factory.mktemp("hours") / "knowledge"
    shutil.copytree(SHIPPED_KNOWLEDGE, directory)
    path = directory / "service_points.yaml"
    text = path.read_text(encoding="utf-8")
    where = text.index("opening_hours: {}", text.index("- id: kuhmo_kaupungintalo"))
    path.write_text(text[:where] + HOURS + text[where + len("opening_hours: {}"):], encoding="utf-8")
    return Engine(load_knowledge_base(directory))


def test_a_routed_answer_says_whether_the_point_is_open_now_right_under_its_address(engine_with_hours):
    lines = engine_with_hours.answer("asun kuhmossa, minne menen", now=MONDAY_10).text.split("\n")
    address = lines.index("Kainuuntie 82, 88900 Kuhmo")
    assert lines[address + 1] == "Avoinna nyt, klo 11.30 asti."
    at_lunch = engine_with_hours.answer("asun kuhmossa, minne menen", now=MONDAY_LUNCH).text
    assert "Suljettu nyt, avautuu tänään klo 12.30." in at_lunch


@pytest.mark.parametrize("question", ["milloin se on auki?", "onko huomenna auki", "aukioloajat?"])
def test_when_is_it_open_after_an_answer_gives_the_weeks_hours(engine_with_hours, question):
    context = Context(municipality="kuhmo", last_topic="personal_services")
    answer = engine_with_hours.answer(question, context, now=MONDAY_10)
    assert answer.kind == ROUTE and answer.service_points[0].id == "kuhmo_kaupungintalo"
    assert "9.00–11.30, 12.30–15.00" in answer.text
    assert "Työmarkkinatorilla" not in answer.text  # it asked the hours, not how to register


def test_when_are_you_open_in_english_and_swedish(engine_with_hours):
    context = Context(municipality="kuhmo", last_topic="personal_services")
    english = engine_with_hours.answer("when are you open?", context, now=MONDAY_10)
    assert english.language == "en" and "9:00–11:30, 12:30–15:00" in english.text
    swedish = engine_with_hours.answer("när är det öppet?", context, now=MONDAY_10)
    assert swedish.language == "sv" and "9.00–11.30, 12.30–15.00" in swedish.text


def test_without_hours_the_answer_says_so_once_and_what_to_do(engine):
    answer = engine.answer("milloin se on auki?", Context(municipality="kuhmo"))
    assert answer.kind == ROUTE and answer.service_points[0].id == "kuhmo_kaupungintalo"
    assert answer.text.count("aukioloaik") == 1
    assert "puhelinpalvelu" not in answer.text  # never sends people to a phone line whose number is unknown


def test_without_a_home_the_hours_question_is_not_guessed(engine):
    assert engine.answer("milloin se on auki?").kind != ROUTE


def test_a_swimming_halls_hours_are_still_not_ours(engine):
    assert engine.answer("kuusamon uimahallin aukioloajat", Context(municipality="kuusamo")).service_points == ()
