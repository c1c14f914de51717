"""The engine's routing, as a job seeker would notice it."""

from __future__ import annotations

import pytest

from bot.answer import Context


def first_point(engine, text, **context):
    answer = engine.answer(text, Context(**context))
    return answer.service_points[0].id if answer.service_points else None


@pytest.mark.parametrize("text, municipality", [
    ("asun puolangalla", "puolanka"),
    ("ristijarven te toimisto", "ristijarvi"),
    ("olen kajaanilainen, minne menen", "kajaani"),
    ("Hyrynsalmelle muuttanut työtön", "hyrynsalmi"),
    ("suomussalmela asun", "suomussalmi"),
    ("taivalkoskelta kysyn", "taivalkoski"),
    ("I live in Kajana", "kajaani"),
    ("asun vuolijoella", "kajaani"),
    ("postinumero 93600", "kuusamo"),
])
def test_home_municipality_is_understood_in_many_forms(engine, text, municipality):
    assert engine.answer(text).municipality == municipality


def test_foreign_language_client_in_kajaani_goes_to_pohjolankatu_13(engine):
    answer = engine.answer("I don't speak Finnish and I live in Kajaani")
    assert answer.service_points[0].id == "kajaani_kaupungintalo"
    assert "Pohjolankatu 13" in answer.text
    assert "Kalliokatu 4" not in answer.text


def test_finnish_speaker_in_kajaani_goes_to_kalliokatu_4(engine):
    answer = engine.answer("asun kajaanissa, mihin ilmoittaudun työttömäksi")
    assert answer.service_points[0].id == "kajaani_virastotalo"
    assert "Kalliokatu 4, 87100 Kajaani" in answer.text


def test_international_info_serves_foreign_language_clients_without_asking_where_they_live(engine):
    answer = engine.answer("I am an immigrant, where can I get advice?")
    assert not answer.needs_clarification
    assert answer.service_points[0].id == "kajaani_kaupungintalo"


def test_young_person_in_kajaani_gets_ohjaamo(engine):
    answer = engine.answer("oon 19 ja asun kajaanissa, tarviin apua töiden hakuun")
    assert "youth" in answer.audience
    assert answer.service_points[0].id == "kajaani_ohjaamo"
    assert "Pohjolankatu 16" in answer.text


def test_startup_grant_goes_to_the_municipalitys_own_office(engine):
    answer = engine.answer("haluan hakea starttirahaa, asun sotkamossa")
    assert answer.topic == "startup_grant"
    assert answer.service_points[0].id == "sotkamo_virastotalo"


def test_pay_subsidy_in_inflected_form(engine):
    assert engine.answer("kuhmossa palkkatuesta kysyisin").topic == "pay_subsidy"


def test_employer_gets_area_wide_services_without_being_asked_where(engine):
    answer = engine.answer("olemme työnantaja ja tarvitsemme työntekijöitä")
    assert "employer" in answer.audience
    assert answer.topic == "employer_services"
    assert not answer.needs_clarification
    assert "EURES" in answer.text


def test_question_without_municipality_gets_a_clarifying_question_naming_them(engine, kb):
    answer = engine.answer("mistä haen starttirahaa?")
    assert answer.needs_clarification and not answer.service_points
    for municipality in kb.municipalities.values():
        assert municipality.name["fi"] in answer.text


def test_clarified_municipality_answers_the_original_topic(engine):
    answer = engine.answer("kuhmo", Context(last_topic="startup_grant"))
    assert answer.topic == "startup_grant"
    assert answer.service_points[0].id == "kuhmo_kaupungintalo"


@pytest.mark.parametrize("text", ["asun oulussa", "Vaalassa asun, mistä apua", "I live in Helsinki",
                                  "asun Uleåborgissa", "espoolainen työnhakija"])
def test_someone_living_outside_the_area_is_sent_onwards(engine, text):
    answer = engine.answer(text)
    assert answer.out_of_area and not answer.needs_clarification and not answer.service_points
    assert "tyomarkkinatori.fi" in answer.text


def test_old_kuusamo_address_gets_the_current_one(engine):
    answer = engine.answer("onko te-toimisto vielä Kitkantie 28:ssa?")
    assert answer.service_points[0].id == "kuusamo_kaupungintalo"
    assert "Keskuskuja 6" in answer.text and "Kitkantie 28" in answer.text


def test_follow_up_keeps_the_topic_for_a_new_municipality(engine):
    answer = engine.answer("entä Kuhmossa?", Context(municipality="kajaani", last_topic="startup_grant"))
    assert (answer.municipality, answer.topic) == ("kuhmo", "startup_grant")


@pytest.mark.parametrize("text", ["", "   ", "🙂🙂🙂", "asdfghjkl", "<script>alert(1)</script>", "x" * 100_000,
                                  "\x00\x01\x02", "what is the weather like"])
def test_bad_input_gets_a_helpful_answer_never_a_crash(engine, text):
    answer = engine.answer(text)
    assert answer.text.strip()
    assert not answer.service_points


def test_language_is_detected_and_context_can_fix_it(engine):
    assert engine.answer("where do I register as unemployed in Kuhmo").language == "en"
    assert engine.answer("missä kuhmon työllisyyspalvelut on").language == "fi"
    assert engine.answer("Kuhmo", Context(language="en")).language == "en"


def test_answers_show_where_the_fact_comes_from_and_no_check_nobody_made(engine):
    answer = engine.answer("asun paltamossa")
    assert "Lähde:" in answer.text and "(2023)" in answer.text
    assert "tarkistettu" not in answer.text.lower()  # nobody has compared these with a current source yet


def test_conversation_remembers_the_municipality_and_forgets_it_when_they_live_elsewhere(engine):
    from bot.conversation.context import next_context

    context = Context()
    for text in ("asun kuhmossa", "mistä haen starttirahaa"):
        answer = engine.answer(text, context)
        context = next_context(context, answer)
    assert answer.service_points[0].id == "kuhmo_kaupungintalo"
    context = next_context(context, engine.answer("nyt asun oulussa", context))
    assert engine.answer("mistä haen palkkatukea", context).needs_clarification


def test_a_remembered_municipality_that_an_edit_removed_is_forgotten_not_a_crash(engine):
    answer = engine.answer("mistä haen palkkatukea", Context(municipality="vaala", last_topic="gone"))
    assert answer.needs_clarification


@pytest.mark.parametrize("text, municipality, outside", [
    ("asun kajaanissa ja oulussa", "kajaani", False),
    ("asun sotkamossa, työpaikka oulussa", "sotkamo", False),
    ("I live in Kajaani, my wife lives in Oulu", "kajaani", False),
    ("asun oulun... ei kun kajaanissa", "kajaani", False),
    ("asun oulussa mutta töitä haen kajaanista", None, True),
])
def test_the_place_they_live_in_wins_over_other_places_named(engine, text, municipality, outside):
    answer = engine.answer(text)
    assert (answer.municipality, answer.out_of_area) == (municipality, outside)


@pytest.mark.parametrize("text, language", [("я живу в Каяани", "ru"), ("أنا أعيش في كاياني", "ar")])
def test_a_message_in_another_alphabet_gets_international_info_in_that_language(engine, text, language):
    answer = engine.answer(text)
    assert answer.language == language and "International Info" in answer.text and "Pohjolankatu 13" in answer.text


def test_a_script_without_a_newcomer_text_points_to_international_info_in_english(engine):
    answer = engine.answer("我住在卡亚尼")
    assert answer.language == "en" and "Pohjolankatu 13" in answer.text


def test_full_width_letters_are_read(engine):
    assert engine.answer("ＫＵＨＭＯ").municipality == "kuhmo"


def test_an_ambiguous_reply_keeps_the_language_of_the_conversation(engine):
    assert engine.answer("Kuhmo", Context(last_language="en", last_topic="startup_grant")).language == "en"
