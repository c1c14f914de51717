"""What a person reads after the editorial language review of issue 16 (item 7): buttons that say who is
asking, a start-up grant answer that says where to apply, no advice to call a phone service whose number the bot
does not have, the Kuusamo description in correct Finnish, and building names a Swedish reader can place."""

from __future__ import annotations

import pytest

from bot.answer import CLARIFY, Context

ROLE_QUESTION = "etsin töitä yritykselleni kuhmossa"  # too close to call: the bot asks who is asking


@pytest.mark.parametrize(("language", "seeker", "employer", "self_employed"), [
    ("fi", "Etsin töitä", "Haluan palkata", "itse"),
    ("sv", "Jag söker jobb", "Jag vill anställa", "åt mig själv"),
    ("en", "I'm looking for a job", "I want to hire", "for myself"),
])
def test_the_role_buttons_read_as_looking_for_a_job_or_hiring_not_as_working_for_oneself(
        engine, language, seeker, employer, self_employed):
    asked = engine.answer(ROLE_QUESTION, Context(language=language))
    assert asked.kind == CLARIFY
    labels = {choice.id: choice.label for choice in asked.choices}
    assert labels == {"role:jobseeker": seeker, "role:employer": employer}
    assert self_employed not in asked.text and self_employed not in labels["role:jobseeker"]


@pytest.mark.parametrize(("question", "where", "point"), [
    ("mistä haen starttirahaa, asun puolangalla",
     "Starttirahaa haet oman kotikuntasi työllisyyspalveluista", "puolanka_kunnantalo"),
    ("var ansöker jag om startpeng, jag bor i Kuusamo",
     "Startpeng söker du hos sysselsättningstjänsterna i din hemkommun", "kuusamo_kaupungintalo"),
    ("where do I apply for a startup grant? I live in Sotkamo",
     "You apply for a startup grant to your own municipality's employment services", "sotkamo_virastotalo"),
])
def test_the_startup_grant_answer_says_where_to_apply_beside_the_home_point(engine, question, where, point):
    answer = engine.answer(question)
    assert answer.topic == "startup_grant"
    assert where in answer.text
    assert answer.service_points[0].id == point
    for officialese in ("henkilöasiakaspalvelu", "personkundstjänst", "personal customer service",
                        "valmistelevat", "bereds", "prepared and decided", "työryhmä", "arbetsgrupp", "working group"):
        assert officialese not in answer.text


def test_the_startup_grant_answer_says_where_to_apply_before_asking_the_municipality(engine):
    answer = engine.answer("mistä haen starttirahaa")
    assert answer.needs_clarification
    assert answer.text.startswith("Starttirahaa haet oman kotikuntasi työllisyyspalveluista")


@pytest.mark.parametrize(("question", "website"), [
    ("milloin kuhmon palvelupiste on auki?", "kunnan verkkosivuilta"),
    ("vad är telefonnumret till servicestället i Kuhmo", "kommunens webbplats"),
    ("what is the phone number of the Kuhmo service point", "municipality's website"),
])
def test_a_missing_contact_sends_people_to_the_municipality_website_only(engine, kb, question, website):
    answer = engine.answer(question)
    missing = kb.text("contact_unknown", answer.language)
    assert missing in answer.text and website in missing
    # the joint phone service's number is in no source: telling people to call it would be a dead end
    for phone_service in ("puhelinpalvelu", "telefontjänst", "telephone service"):
        assert phone_service not in missing


def test_kuusamo_is_described_with_the_partitive_object_of_palvella(engine):
    text = engine.answer("asun kuusamossa, minne menen").text
    assert "Kuusamossa kaikkia asiakkaita palvellaan tässä palvelupisteessä" in text
    assert "kaikki asiakkaat palvellaan" not in text


def test_no_building_is_called_kunnan_kunnantalo(kb):
    for point in kb.service_points.values():
        for language in ("fi", "sv", "en"):
            assert "kunnan kunnantalo" not in point.name.get(language), point.id


def test_a_swedish_reader_gets_the_building_in_swedish_with_the_finnish_sign_beside_it(engine):
    text = engine.answer("jag bor i Puolanka, vart ska jag gå?").text
    assert "📍 Kommungården i Puolanka (Puolangan kunnantalo)" in text


def test_an_employer_is_not_told_about_a_home_municipality(engine):
    text = engine.answer("vi behöver anställa en kock till vår restaurang i Sotkamo").text
    assert "hemkommun" not in text and "du eller företaget" in text


@pytest.mark.parametrize(("language", "plain", "calque"), [
    ("fi", "eivät puhu suomea", "vieraskielisiä asiakkaita"),
    ("sv", "inte talar finska", "främmandespråkiga kunder"),
    ("en", "speak Finnish", "foreign-language client"),
])
def test_newcomers_are_told_in_plain_words_who_international_info_advises(kb, language, plain, calque):
    point = kb.service_points["kajaani_kaupungintalo"].description.get(language)
    assert plain in point and calque not in point
    for key in ("newcomer_answer", "other_script"):
        assert calque not in kb.text(key, language, point="", address="", url="")
