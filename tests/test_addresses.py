"""Every address in the area's plan is the answer to some question, in Finnish and in English."""

from __future__ import annotations

import pytest

QUESTIONS = [
    ("Laskutie 1, 89400 Hyrynsalmi", "asun hyrynsalmella, minne menen", "I live in Hyrynsalmi, where do I go?"),
    ("Kalliokatu 4, 87100 Kajaani", "asun kajaanissa ja olen työtön", "where is the virastotalo in Kajaani"),
    ("Pohjolankatu 13, 87100 Kajaani", "en puhu suomea, asun kajaanissa", "I don't speak Finnish, I live in Kajaani"),
    ("Pohjolankatu 16, 87100 Kajaani", "missä on ohjaamo", "where is Ohjaamo"),
    ("Kainuuntie 82, 88900 Kuhmo", "kuhmon te-palvelut", "employment office in Kuhmo"),
    ("Keskuskuja 6, 93600 Kuusamo", "asun kuusamossa", "I live in Kuusamo"),
    ("Salmelankuja 1, 88300 Paltamo", "paltamolainen työnhakija", "job seeker in Paltamo"),
    ("Maaherrankatu 7, 89200 Puolanka", "asun puolangalla", "I live in Puolanka"),
    ("Aholantie 25, 88400 Ristijärvi", "ristijärveläinen työtön", "unemployed in Ristijärvi"),
    ("Markkinatie 1, 88600 Sotkamo", "asun sotkamossa", "I live in Sotkamo"),
    ("Ratatie 8A, 88600 Sotkamo", "missä on sotkamon toimintakeskus", "where is the toimintakeskus in Sotkamo"),
    ("Kauppakatu 20, 89600 Suomussalmi", "asun suomussalmella", "I live in Suomussalmi"),
    ("Kirkkotie 6, 93400 Taivalkoski", "asun taivalkoskella", "I live in Taivalkoski"),
]


@pytest.mark.parametrize("address, finnish, english", QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_every_address_is_an_answer_in_both_languages(engine, address, finnish, english):
    for question, language in ((finnish, "fi"), (english, "en")):
        answer = engine.answer(question)
        assert answer.language == language, question
        assert str(answer.service_points[0].address) == address, question
        assert address in answer.text, question
