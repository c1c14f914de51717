"""Issue 8: what a person reads is true, current and in plain words.

Every test asks the engine what a user would ask and checks the answer they would see. The facts come from
the area's plan (Kainuun–Koillismaan työllisyysalueen suunnitelma työvoimapalveluiden järjestämiseksi,
autumn 2023), the notice on the municipal employment pilot (March 2022) and, for what has changed since,
public records (Työkanava Oy dissolved; TE offices closed at the start of 2025).
"""

from __future__ import annotations

import re

import pytest

from bot.answer import Context

PLAN = "Kainuun–Koillismaan työllisyysalueen suunnitelma työvoimapalveluiden järjestämiseksi (syksy 2023)"
OTHER_THAN_KAJAANI = ["hyrynsalmi", "kuhmo", "kuusamo", "paltamo", "puolanka", "ristijarvi", "sotkamo",
                      "suomussalmi", "taivalkoski"]


def ids(answer) -> list[str]:
    return [p.id for p in answer.service_points]


# ---- 1. Työkanava Oy no longer operates ------------------------------------------------------------------

@pytest.mark.parametrize("question", ["työkanava oy sotkamo, miten sinne pääsee töihin",
                                      "asun sotkamossa, voiko työkanava palkata minut"])
def test_tyokanava_is_said_to_be_dissolved_and_the_home_point_is_named(engine, question):
    answer = engine.answer(question)
    assert answer.topic == "tyokanava"
    assert "Työkanava Oy ei enää toimi" in answer.text
    assert "2024" in answer.text and "2025" in answer.text
    assert "osatyökykyinen" in answer.text and "palkkatuesta" in answer.text and "(TYP)" in answer.text
    assert ids(answer)[:1] == ["sotkamo_virastotalo"]
    assert "palkkaa" not in answer.text and "työntekijöikseen" not in answer.text


def test_tyokanava_in_english_never_says_it_employs_anyone(engine):
    answer = engine.answer("how can I get a job through Työkanava? I live in Kuhmo")
    assert answer.topic == "tyokanava"
    assert "no longer operates" in answer.text and "partial work ability" in answer.text
    assert ids(answer)[:1] == ["kuhmo_kaupungintalo"]
    assert "employs" not in answer.text and "hires" not in answer.text


def test_tyokanava_without_a_municipality_still_says_it_is_gone_before_asking(engine):
    answer = engine.answer("miten pääsen työkanavalle töihin")
    assert answer.needs_clarification
    assert answer.text.startswith("Työkanava Oy ei enää toimi")


# ---- 2. Ohjaamo is Kajaani's youth point -----------------------------------------------------------------

@pytest.mark.parametrize("municipality", OTHER_THAN_KAJAANI)
def test_young_people_outside_kajaani_get_their_own_point_only(engine, kb, municipality):
    answer = engine.answer("olen 19 ja etsin töitä", Context(municipality=municipality))
    assert "youth" in answer.audience
    assert ids(answer) == [kb.routing.home_points[municipality]]
    assert "Ohjaamo" not in answer.text


def test_young_people_outside_kajaani_in_their_own_words(engine):
    answer = engine.answer("olen 19 ja asun kuhmossa, etsin töitä")
    assert ids(answer) == ["kuhmo_kaupungintalo"]
    assert "Pohjolankatu 16" not in answer.text


def test_young_people_in_kajaani_keep_ohjaamo_first_and_the_office_building_second(engine):
    answer = engine.answer("olen 19 ja asun kajaanissa, etsin töitä")
    assert ids(answer) == ["kajaani_ohjaamo", "kajaani_virastotalo"]


def test_ohjaamo_is_described_as_kajaanis_point(engine):
    answer = engine.answer("mikä on ohjaamo", Context(municipality="kuusamo"))
    assert ids(answer) == ["kajaani_ohjaamo"]
    assert "Ohjaamo on Kajaanin nuorten neuvontapiste" in answer.text
    assert "oman kotikuntasi palvelupisteestä" in answer.text


# ---- 3. Puolisotyöpaikka was piloted in Kajaani only -----------------------------------------------------

@pytest.mark.parametrize("context", [{}, {"municipality": "kuhmo"}, {"municipality": "kajaani"}])
def test_spouse_job_is_a_kajaani_pilot_with_no_point_in_every_municipality(engine, context):
    answer = engine.answer("puolisotyöpaikka, mikä se on", Context(**context))
    assert answer.topic == "spouse_job"
    assert answer.service_points == ()
    assert "kokeiltu Kajaanissa" in answer.text and "En tiedä, mistä palvelua nyt saa" in answer.text
    # neither "the whole area shares it" nor "tell me your municipality and I'll name the point"
    assert "koko Kainuun–Koillismaan työllisyysalueelle" not in answer.text
    assert "Kerro kotikuntasi" not in answer.text
    assert not answer.needs_clarification


def test_spouse_job_for_a_foreign_language_client_still_starts_at_international_info(engine):
    answer = engine.answer("I don't speak Finnish. I live in Kuhmo, can puolisotyöpaikka help my wife?")
    assert answer.topic == "spouse_job"
    assert ids(answer)[:1] == ["kajaani_kaupungintalo"]
    assert "piloted in Kajaani" in answer.text


@pytest.mark.parametrize("question", ["vaimoni etsii töitä, asumme kuusamossa",
                                      "My husband lost his job, we live in Kuusamo. Where should he go?"])
def test_a_spouse_looking_for_work_at_home_is_not_sent_to_the_kajaani_pilot(engine, question):
    answer = engine.answer(question)
    assert answer.topic != "spouse_job"
    assert ids(answer)[:1] == ["kuusamo_kaupungintalo"]


# ---- 4. Wording that says no more than the plan ----------------------------------------------------------

def test_suomussalmi_counsellor_takes_part_in_integration(engine):
    text = engine.answer("kotoutumispalvelut, asun suomussalmella").text
    assert "osallistuu kotouttamiseen" in text
    assert "vastaa vieraskielisten ohjauksesta ja kotouttamisesta" not in text
    english = engine.answer("integration services, I live in Suomussalmi").text
    assert "takes part in integration" in english and "handles foreign-language clients and integration" not in english


@pytest.mark.parametrize(("question", "planned", "claimed"), [
    ("mikä on kotoutumisohjelma", "suunnitteilla", "Alueella on yhteinen"),
    ("what is the integration programme", "is planned", "The area has a joint"),
])
def test_the_integration_programme_is_planned_not_existing(engine, question, planned, claimed):
    answer = engine.answer(question)
    assert answer.topic == "integration"
    assert planned in answer.text and claimed not in answer.text


def test_startup_grant_is_applied_for_and_decided_in_the_employment_services_not_by_a_working_group(engine):
    text = engine.answer("mistä haen starttirahaa, asun ristijärvellä").text
    assert "Starttirahaa haet oman kotikuntasi työllisyyspalveluista, ja ne myös päättävät siitä" in text
    assert "työryhmä" not in text and "henkilöasiakaspalvelut" not in text


def test_kuusamo_former_premises_are_not_used_for_the_services(engine):
    text = engine.answer("onko te-toimisto vielä Kitkantie 28:ssa?").text
    assert "Keskuskuja 6" in text and "Entisissä TE-palveluiden tiloissa osoitteessa Kitkantie 28" in text


# ---- 5. Sources a person understands -----------------------------------------------------------------------

QUESTIONS = ["asun puolangalla, minne menen?", "mistä haen palkkatukea, asun kuhmossa", "I live in Kajaani",
             "I don't speak Finnish, I live in Sotkamo", "miten ilmoittaudun työnhakijaksi", "puolisotyöpaikka",
             "eures", "mikä on TE-live", "kuka maksaa työttömyysetuuden", "ammatinvalinnanohjaus, asun kuusamossa"]


@pytest.mark.parametrize("question", QUESTIONS)
def test_no_answer_shows_an_internal_name(engine, question):
    text = engine.answer(question).text
    assert "Seed" not in text and "seed" not in text and "domain.md" not in text
    without_checked = re.sub(r"(tarkistettu|[Cc]hecked(?: on)?) \d{4}-\d\d-\d\d", "", text)
    assert re.search(r"(Lähde|Source): .*(19|20)\d\d", without_checked), "the source names the document's date"


def test_every_source_names_a_document_and_its_date(kb):
    sources = [s.source for s in kb.services.values()] + [p.source for p in kb.service_points.values()]
    sources.append(kb.area.source)
    for source in sources:
        assert "seed" not in source.lower() and ".md" not in source and ".txt" not in source
        assert re.search(r"(19|20)\d\d", source), source
    plan_based = [s for s in sources if "suunnitelma" in s]
    assert plan_based and all(s.startswith(PLAN) for s in plan_based)


def test_the_plan_is_named_under_an_answer_by_its_short_name_once_and_without_chapters(engine):
    text = engine.answer("asun puolangalla, minne menen?").text
    assert "Lähde: alueen suunnitelma (2023)" in text
    assert text.count("suunnitelma") == 1 and "luku" not in text


def test_tyomarkkinatori_source_is_the_pilot_notice_by_its_short_name_and_year(engine, kb):
    answer = engine.answer("miten ilmoittaudun työnhakijaksi")
    assert "tiedote kuntakokeilun tuloksista (2022)" in answer.source
    assert "Kainuun työllisyyden kuntakokeilun tulokset lupaavia" in kb.services["tyomarkkinatori"].source


# ---- 6. Gaps a job seeker asks about -----------------------------------------------------------------------

@pytest.mark.parametrize(("question", "point"), [
    ("työvoimakoulutus kuhmossa", "kuhmo_kaupungintalo"),
    ("pääsenkö työvoimakoulutukseen, asun sotkamossa", "sotkamo_virastotalo"),
    ("labour market training in Kajaani", "kajaani_virastotalo"),
    ("haluan kouluttautua uudelleen", None),
    ("is there job coaching for unemployed people", None),
])
def test_labour_market_training_and_coaching(engine, question, point):
    answer = engine.answer(question)
    assert answer.topic == "training"
    assert ids(answer)[:1] == ([point] if point else [])
    assert ("Työvoimakoulutusta" in answer.text) or ("Labour market training" in answer.text)
    assert ("oman kuntasi työllisyyspalveluista" in answer.text
            or "own municipality's employment services" in answer.text)


@pytest.mark.parametrize("question", ["mikä on TE-live", "what is TE-live", "TE-live videot työnhakijoille"])
def test_te_live_is_the_areas_joint_service(engine, question):
    answer = engine.answer(question)
    assert answer.topic == "te_live"
    assert answer.service_points == ()
    assert "työnhakijoita" in answer.text or "job seekers" in answer.text


def test_te_office_and_i_live_are_not_te_live(engine):
    answer = engine.answer("where is the te office, i live in kuhmo")
    assert answer.topic != "te_live"
    assert ids(answer)[:1] == ["kuhmo_kaupungintalo"]


@pytest.mark.parametrize("question", ["milloin on rekrymessut", "onko kajaanissa työpaikkamessuja",
                                      "is there a job fair in Kainuu"])
def test_joint_recruitment_fairs(engine, question):
    answer = engine.answer(question)
    assert answer.topic == "recruitment_fairs"
    assert answer.service_points == ()
    assert ("rekrymessuja" in answer.text and "minulla ei ole" in answer.text) or \
        ("recruitment fairs" in answer.text and "I do not have the dates" in answer.text)


@pytest.mark.parametrize("question", ["kuka maksaa työttömyysetuuden", "ansiosidonnainen päiväraha kassasta",
                                      "milloin kela maksaa työmarkkinatuen"])
def test_unemployment_benefit_is_paid_by_kela_or_a_fund_not_by_the_employment_services(engine, question):
    answer = engine.answer(question)
    assert answer.topic == "unemployment_benefit"
    assert "Kela" in answer.text or "Työttömyyskassa" in answer.text
    assert "Työllisyyspalvelut eivät maksa etuutta" in answer.text or "Työllisyyspalvelut eivät päätä" in answer.text


def test_unemployment_benefit_in_english_with_the_home_point(engine):
    answer = engine.answer("who pays unemployment benefit? I live in Sotkamo")
    assert answer.topic == "unemployment_benefit"
    assert "paid by Kela, or by an unemployment fund" in answer.text and "do not pay it" in answer.text
    assert ids(answer)[:1] == ["sotkamo_virastotalo"]


def test_studying_on_unemployment_benefit_stays_self_motivated_studies(engine):
    answer = engine.answer("voinko opiskella omaehtoisesti ja saada työttömyysetuutta")
    assert answer.topic == "self_motivated_studies"


@pytest.mark.parametrize("question", ["missä on te-toimisto, asun kuhmossa",
                                      "mihin työkkäri on siirtynyt, asun kuhmossa"])
def test_te_offices_closed_at_the_start_of_2025_when_the_question_is_about_them(engine, question):
    text = engine.answer(question).text
    assert "TE-toimistot lakkautettiin vuoden 2025 alussa" in text and "siirtyivät kunnille" in text


def test_the_reform_is_not_told_to_someone_who_did_not_ask(engine):
    assert "TE-toimistot" not in engine.answer("asun kuhmossa, minne menen").text


@pytest.mark.parametrize("municipality", ["hyrynsalmi", "paltamo", "ristijarvi"])
def test_small_kainuu_municipalities_send_people_who_do_not_speak_finnish_to_international_info(engine,
                                                                                                municipality):
    answer = engine.answer("minne menen", Context(municipality=municipality))
    assert "Jos et puhu suomea, International Info Kajaanin kaupungintalolla (Pohjolankatu 13)" in answer.text


def test_suomussalmi_also_serves_people_who_do_not_speak_finnish(engine):
    fi = engine.answer("asun suomussalmella, minne menen").text
    assert "myös niille, jotka eivät puhu suomea" in fi
    en = engine.answer("I live in Suomussalmi, where do I go?").text
    assert "also if you don't speak Finnish" in en


# ---- 7. Language: one voice, plain words -------------------------------------------------------------------

def test_job_seekers_are_served_by_services_in_the_plural(kb):
    text = kb.services["personal_services"].description.fi
    assert "palvelee oman kotikunnan työllisyyspalvelut" not in text


@pytest.mark.parametrize("question", ["ammatinvalinnanohjaus, miten pääsen", "career guidance please"])
def test_the_bot_never_promises_the_nearest_point(engine, question):
    text = engine.answer(question).text
    assert "lähimmän" not in text and "nearest" not in text
    assert "Kerro kotikuntasi" in text or "Tell me your home municipality" in text


def test_greetings_speak_as_i_and_to_you(engine):
    fi = engine.answer("moi").text
    en = engine.answer("hi").text
    assert fi.startswith("Hei! Olen TyöNavi.") and "Kerron, mihin" not in fi
    assert en.startswith("Hi! I'm TyöNavi. I help you") and "I tell you" not in en


def test_what_people_see_on_telegram_reads_naturally(kb):
    assert "tekstiä ja sijainnin" not in kb.text("unsupported_message", "fi")
    assert kb.text("unsupported_message", "fi").startswith(
        "Ymmärrän vain kirjoitettuja viestejä ja jaettuja sijainteja")
    assert "stored about me" not in kb.text("help", "en") and "minusta" not in kb.text("help", "fi")
    assert "stored about me" not in kb.text("command_reset", "en") and "tietoni" not in kb.text("command_reset", "fi")


def test_the_staff_line_does_not_call_answers_unanswered(kb):
    fi = kb.text("stats_answers", "fi", answers="3", unanswered="2")
    en = kb.text("stats_answers", "en", answers="3", unanswered="2")
    assert fi == "kysymyksiä 3, joista en ymmärtänyt 2"
    assert en == "3 asked, 2 of them not understood"
    assert "1 virhettä" not in kb.text("reload_failed", "fi", count="1", version="2")
