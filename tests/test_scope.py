"""Issue 15: where the bot's knowledge ends. Another organisation's matter is named as theirs, what nobody here
handles gets an honest answer kept for staff, a place alone is not a need, a language without texts gets the
English answer for foreign-language clients, and a person outside the area is told which area serves them."""

from __future__ import annotations

import json
import re

import pytest

from bot.answer import OTHER_ORGANISATION, OUT_OF_AREA, OUT_OF_SCOPE, ROUTE, Context
from bot.conversation.analytics import keeps_text

INTERNATIONAL_INFO = "kajaani_kaupungintalo"


def _ids(answer) -> list[str]:
    return [o.id for o in answer.organisations]


def _points(answer) -> list[str]:
    return [p.id for p in answer.service_points]


# ---------------------------------------------------------------- the table, row by row


@pytest.mark.parametrize("question, language", [
    ("jäin työttömäksi, saanko myös asumistukea? asun kuhmossa", "fi"),
    ("I lost my job, can I also get housing allowance? I live in Kuhmo", "en"),
    ("Jag blev arbetslös, kan jag också få bostadsbidrag? Jag bor i Kuhmo", "sv"),
])
def test_a_job_seeker_asking_about_housing_allowance_hears_it_is_kelas_and_gets_the_home_point(
        engine, question, language):
    answer = engine.answer(question)
    assert answer.language == language
    assert "kela" in _ids(answer)
    assert "kela.fi" in answer.text
    assert _points(answer)[0] == "kuhmo_kaupungintalo"
    assert engine.kb.text("not_ours", language) in answer.text
    # the place first (issue 16: an answer a person can act on at a glance), then whose the rest is
    assert answer.text.index("Kainuuntie 82") < answer.text.index("kela.fi")


@pytest.mark.parametrize("question, language", [
    ("missä voin uusia passin kuusamossa", "fi"),
    ("where can I renew my passport in Kuusamo", "en"),
    ("var kan jag förnya mitt pass i Kuusamo", "sv"),
])
def test_a_passport_is_the_polices_matter_not_a_service_point(engine, question, language):
    answer = engine.answer(question)
    assert answer.kind == OTHER_ORGANISATION and answer.language == language
    assert _ids(answer) == ["poliisi"]
    assert not answer.service_points
    assert engine.kb.text("not_ours", language) in answer.text


@pytest.mark.parametrize("question, language, county", [
    ("hammasta särkee, mistä saan ajan? asun suomussalmella", "fi", "kainuun_hyvinvointialue"),
    ("I have a toothache, where do I get an appointment? I live in Suomussalmi", "en", "kainuun_hyvinvointialue"),
    ("jag har tandvärk, var får jag en tid? jag bor i Suomussalmi", "sv", "kainuun_hyvinvointialue"),
    ("hammasta särkee, mistä saan ajan? asun kuusamossa", "fi", "pohde"),
])
def test_health_care_is_the_wellbeing_county_serving_the_home_with_112_for_emergencies(
        engine, question, language, county):
    answer = engine.answer(question)
    assert answer.kind == OTHER_ORGANISATION and answer.language == language
    assert _ids(answer) == [county]  # only the county that serves the municipality
    assert not answer.service_points
    assert "112" in answer.text


def test_health_care_with_no_home_known_names_both_counties(engine):
    assert set(_ids(engine.answer("mistä saan lääkäriajan?"))) == {"kainuun_hyvinvointialue", "pohde"}


@pytest.mark.parametrize("question", [
    "onko kuhmossa hyvää pizzeriaa",
    "kuusamon uimahallin aukioloajat",
    "is there a good restaurant in Kuhmo",
    "finns det en simhall i Kuusamo",
])
def test_what_nobody_here_handles_gets_an_honest_answer_and_reaches_staff(engine, question):
    answer = engine.answer(question)
    assert answer.kind == OUT_OF_SCOPE
    assert not answer.service_points and not answer.organisations
    assert keeps_text(answer)
    assert engine.kb.text("out_of_scope", answer.language) in answer.text


@pytest.mark.parametrize("question", [
    "Hola, necesito ayuda para encontrar empleo, vivo en Kuhmo",
    "Ich bin neu in Kuusamo und brauche Hilfe bei der Jobsuche",
    "Bonjour, je cherche du travail, j'habite à Sotkamo",
    "Merhaba, iş arıyorum, Kuhmo'da yaşıyorum",
    "Xin chào, tôi đang tìm việc làm ở Kajaani",
    "Dzień dobry, szukam pracy, mieszkam w Kuhmo",
    "ฉันกำลังหางานทำ อาศัยอยู่ที่ Kuhmo",
    "我在卡亚尼找工作",
])
def test_a_language_without_texts_gets_the_english_answer_with_international_info_first(engine, question):
    answer = engine.answer(question)
    assert answer.kind == ROUTE and answer.language == "en"
    assert _points(answer)[0] == INTERNATIONAL_INFO
    assert "Pohjolankatu 13" in answer.text


@pytest.mark.parametrize("question", [
    "asun sotkamossa enkä osaa suomea",
    "asun sotkamossa enkä puhu suomea",
    "i am new in kuhmo, en puhu suomea hyvin",
    "I live in Sotkamo and I don't speak Finnish well",
    "I'm from Brazil and live in Kuhmo, where can I find work?",
])
def test_not_speaking_finnish_or_a_nationality_sends_to_international_info_first(engine, question):
    assert _points(engine.answer(question))[0] == INTERNATIONAL_INFO


@pytest.mark.parametrize("question", ["hola buenos dias", "asun kuhmossa", "jag bor i Kuhmo och söker jobb",
                                      "i live in kuhmo, where do i register"])
def test_finnish_swedish_and_english_are_never_moved_to_another_language(engine, question):
    answer = engine.answer(question)
    assert answer.language in ("fi", "sv", "en")
    if "kuhmo" in question.lower():
        assert _points(answer)[0] == "kuhmo_kaupungintalo"


def test_a_person_in_joensuu_is_told_where_their_employment_services_are(engine):
    answer = engine.answer("asun joensuussa, mihin menen?")
    assert answer.kind == OUT_OF_AREA
    if answer.employment_area is not None:  # the data file places Joensuu: its area by name
        assert answer.employment_area.name.fi in answer.text
    else:  # it does not: no guess, the way to find it
        assert engine.kb.text("out_of_area_unknown_area", "fi") in answer.text
    assert "tyomarkkinatori.fi" in answer.text


@pytest.mark.parametrize("question", [
    "puhelin 0401234567, saanko kuukausilisää?",
    "saako kuukausilisää jos on työtön, asun kuhmossa",
    "is the flimflam subsidy still paid this year?",
])
def test_a_made_up_benefit_is_not_a_phone_question_and_reaches_staff(engine, question):
    answer = engine.answer(question)
    assert answer.kind == OUT_OF_SCOPE
    assert not answer.service_points and answer.topic != "phone_service"
    assert keeps_text(answer)


# ---------------------------------------------------------------- the classes of the fresh everyday set


def test_a_place_alone_still_gets_the_home_point(engine):
    answer = engine.answer("asun kuhmossa")
    assert _points(answer) == ["kuhmo_kaupungintalo"] and answer.confidence >= 0.6


def test_words_nothing_explains_lower_the_confidence_of_a_place_only_answer(engine):
    plain = engine.answer("asun kuhmossa")
    odd = engine.answer("asun kuhmossa, onko täällä kirpputoria")
    assert odd.kind == OUT_OF_SCOPE or odd.confidence < plain.confidence


@pytest.mark.parametrize("question, municipality", [
    ("olen asunut kuhmossa koko ikäni ja nyt jäin työttömäksi", "kuhmo"),
    ("oon asunu sotkamossa 20 vuotta, etsin töitä", "sotkamo"),
    ("I have lived in Paltamo all my life and just lost my job", "paltamo"),
    ("Jag har bott i Kuusamo hela mitt liv och är nu arbetslös", "kuusamo"),
])
def test_the_perfect_tense_of_living_means_the_person_lives_there_still(engine, question, municipality):
    answer = engine.answer(question)
    assert answer.municipality == municipality and not answer.needs_clarification


def test_living_somewhere_before_is_still_the_past(engine):
    answer = engine.answer("olen asunut ennen kuhmossa, nyt asun kajaanissa ja etsin töitä")
    assert answer.municipality == "kajaani"


@pytest.mark.parametrize("question, ohjaamo", [
    ("vaimoni on 27, minä olen 34, asumme kajaanissa ja etsin töitä", False),
    ("mieheni on 52 ja minä 27, asumme kajaanissa ja minä etsin töitä", True),
    ("Min son är 19 och jag är 50. Jag har blivit arbetslös och vi bor i Kajana.", False),
    ("tyttäreni on 24, asuu kajaanissa ja etsii töitä", True),
])
def test_the_writers_own_age_decides_the_youth_service_before_another_persons(engine, question, ohjaamo):
    assert (_points(engine.answer(question))[0] == "kajaani_ohjaamo") is ohjaamo


@pytest.mark.parametrize("question", ["minua ei kukaan auta, asun kajaanissa ja etsin töitä",
                                      "anna minua auttaa, asun kuhmossa ja haen töitä"])
def test_a_common_word_is_not_read_as_a_village(engine, question):
    answer = engine.answer(question)
    assert not answer.needs_clarification and answer.municipality in ("kajaani", "kuhmo")


@pytest.mark.parametrize("question, area", [
    ("asun stadissa ja etsin töitä", "Helsinki"),
    ("hesassa asun ja etin duunia", "Helsinki"),
    ("mä asun vantskussa ja oon työttömänä", "Vantaa"),
])
def test_slang_names_of_cities_outside_the_area_are_out_of_area(engine, question, area):
    answer = engine.answer(question)
    assert answer.kind == OUT_OF_AREA and answer.outside_place == area


# ---------------------------------------------------------------- contracts


def test_the_json_of_ask_names_the_organisation_and_the_area_and_keeps_every_earlier_key(engine):
    answer = engine.answer("saanko asumistukea, asun kuhmossa")
    data = answer.to_json()
    for key in ("language", "municipality", "out_of_area", "audience", "topic", "service_points",
                "needs_clarification", "answer", "kind", "confidence", "choices"):
        assert key in data
    assert data["organisations"][0]["id"] == "kela"
    assert data["organisations"][0]["website"].startswith("https://")
    assert data["employment_area"] is None
    json.dumps(data)


def test_an_answer_never_shows_a_source_file_name(engine):
    for question in ("saanko asumistukea", "hammas särkee, asun kuhmossa", "missä on poliisi"):
        assert not re.search(r"\.(ya?ml|txt)\b|seeds/|shared/", engine.answer(question).text)


def test_a_chosen_language_is_kept_for_another_organisations_answer(engine):
    answer = engine.answer("saanko asumistukea", Context(language="sv"))
    assert answer.language == "sv" and engine.kb.text("not_ours", "sv") in answer.text


def test_every_municipality_the_areas_file_places_is_told_its_area(engine, kb):
    """For each member of each employment area: "I live in X" names that area (and its website when known)."""
    wrong = []
    for area in kb.employment_areas.values():
        for member in area.members:
            answer = engine.answer(f"I live in {member} and I am looking for work")
            if answer.kind != OUT_OF_AREA or answer.employment_area != area:
                wrong.append(f"{member}: {answer.kind} {answer.employment_area.id if answer.employment_area else None}")
            elif area.name.get("en") not in answer.text:
                wrong.append(f"{member}: the answer does not name {area.name.en}")
    assert not wrong, wrong
    assert sum(len(a.members) for a in kb.employment_areas.values()) >= 100


def test_a_municipality_no_source_placed_gets_no_guess(engine):
    answer = engine.answer("asun joensuussa ja etsin töitä")
    if answer.employment_area is None:
        assert engine.kb.text("out_of_area_unknown_area", "fi") in answer.text


# ---------------------------------------------------------------- classes from the round-5 and round-6 sets


@pytest.mark.parametrize("question", [
    "valmistuin lukiosta ja muutin kajaaniin, oon 19 ja haluun säästää rahaa. mistä saa apua työn etsimiseen?",
    "tarvitsen rahaa vuokraan, oon työtön ja asun kuhmossa",
])
def test_money_in_everyday_words_is_no_unknown_benefit(engine, question):
    answer = engine.answer(question)
    assert answer.kind == ROUTE
    assert "etuutta" not in answer.text


def test_a_made_up_compound_benefit_is_still_answered_honestly_in_swedish(engine):
    answer = engine.answer("Hur ansöker jag om FPA:s månadstillägg för vuxna?")
    assert answer.kind == OUT_OF_SCOPE


@pytest.mark.parametrize("question, point", [
    ("liityin kassaan 2 kk sitten ja nyt jäin työttömäks. hyrynsalmella asun", "hyrynsalmi_kunnantalo"),
    ("pitäis ilmottautua työnhakijaks, asun puolangalla", "puolanka_kunnantalo"),
])
def test_the_spoken_translative_reads_like_the_written_one(engine, question, point):
    assert _points(engine.answer(question))[0] == point


@pytest.mark.parametrize("question", [
    "mistä saan verokortin kesätöitä varten? asun sotkamossa",
    "I need a tax card for my new job, I live in Kajaani. Where do I get it?",
    "Var får jag skattekort för mitt nya jobb? Jag bor i Kajana.",
])
def test_a_job_one_already_has_is_no_employment_question(engine, question):
    answer = engine.answer(question)
    assert answer.kind == OTHER_ORGANISATION
    assert "verohallinto" in _ids(answer)
    assert not answer.service_points


def test_a_tax_card_and_looking_for_work_still_gets_both(engine):
    answer = engine.answer("jäin työttömäksi ja etsin uutta työtä, mistä verokortti? asun kuhmossa")
    assert "verohallinto" in _ids(answer)
    assert _points(answer)[0] == "kuhmo_kaupungintalo"


def test_a_social_workers_help_is_not_hiring(engine):
    answer = engine.answer("olen työtön kuusamolainen ja tarttisin sosiaalityöntekijän apua, mistä työllisyyspalvelut?")
    assert "employer" not in answer.audience
    assert _points(answer)[0] == "kuusamo_kaupungintalo"


@pytest.mark.parametrize("question", [
    "toiminimiyrittäjä kuusamosta, tarvitsisin kaksi hiihdonopettajaa rukalle joulun sesonkiin",
    "mulla on toiminimi kuhmossa ja tarttisin kesäksi apumiehen",
])
def test_a_sole_trader_looking_for_help_is_an_employer(engine, question):
    assert "employer" in engine.answer(question).audience


@pytest.mark.parametrize("question, point", [
    ("kysyn 20-vuotiaan veljeni puolesta, hän asuu kajaanissa ja on työtön. itse asun oulussa", "kajaani_ohjaamo"),
    ("Kirjoitan ystäväni puolesta. Hän on 58-vuotias ja asuu Puolangalla. Minä asun Kajaanissa. Minne hänen "
     "kannattaa mennä kysymään töistä?", "puolanka_kunnantalo"),
    ("I'm asking for my brother, he lives in Kuhmo and lost his job. I live in Oulu. Where should he go?",
     "kuhmo_kaupungintalo"),
])
def test_a_question_asked_for_someone_else_goes_by_where_they_live(engine, question, point):
    assert _points(engine.answer(question))[0] == point


@pytest.mark.parametrize("question, organisation", [
    ("my employer hasn't paid my last salary and I lost my job, what can I do?", "tyosuojelu"),
    ("voiko kelan kuntoutusta hakea itse vai tarviiko lääkärin lausunnon?", "kela"),
])
def test_another_organisations_matter_is_answered_even_when_our_part_needs_the_municipality(
        engine, question, organisation):
    answer = engine.answer(question)
    assert organisation in _ids(answer)
    assert answer.needs_clarification and answer.choices  # ours: which municipality, with buttons
    assert not answer.service_points
    assert answer.text.index("🏛") < answer.text.index(answer.choices[0].label)
    again = engine.answer(question, Context(municipality="kuhmo"))
    assert organisation in _ids(again)


@pytest.mark.parametrize("question", ["syntynyt 2003, asun kajaanissa, työtön",
                                      "olen parikymppinen ja asun kajaanissa, töitä etsin"])
def test_a_year_of_birth_or_twenty_something_is_a_young_persons_age(engine, question):
    assert _points(engine.answer(question))[0] == "kajaani_ohjaamo"


@pytest.mark.parametrize("question, point", [
    ("Kirjoitan tätä puhelimella. Olen 45, asun Kajaanissa ja etsin töitä. Mihin kannattaa mennä?",
     "kajaani_virastotalo"),
    ("hey, im from paltamo, my phone keyboard is english so no ä ö. i lost my job, which office do i go to?",
     "paltamo_kunnantalo"),
])
def test_how_a_person_writes_is_not_what_they_ask(engine, question, point):
    answer = engine.answer(question)
    assert answer.topic != "phone_service"
    assert _points(answer)[0] == point


@pytest.mark.parametrize("question", [
    "i work full time in taivalkoski and want to join an unemployment fund just in case, which fund should i pick",
    "Jag har fast jobb i Kuhmo men funderar på att gå med i en a-kassa. Vilken ska jag välja?",
])
def test_someone_who_has_a_job_and_asks_about_a_fund_is_not_sent_to_a_service_point(engine, question):
    answer = engine.answer(question)
    assert "unemployment_fund" in _ids(answer)
    assert not answer.service_points


def test_looking_for_a_new_job_is_not_having_one(engine):
    answer = engine.answer("I lost my job in Suomussalmi and my work permit is tied to that employer. What happens to "
                           "my residence permit and can I look for a new job?")
    assert "migri" in _ids(answer)
    assert _points(answer)[0] == INTERNATIONAL_INFO


@pytest.mark.parametrize("question", ["how many people live in puolanka?",
                                      "onko paltamon golfkenttä vielä auki syksyllä",
                                      "can you recommend a good sushi place in Kajaani?"])
def test_local_trivia_with_a_place_is_not_ours(engine, question):
    assert engine.answer(question).kind == OUT_OF_SCOPE


@pytest.mark.parametrize("question, municipality", [
    ("Magandang araw po, nakatira ako sa Kuhmo at naghahanap ng trabaho. Saan po ako pwedeng magtanong?", "kuhmo"),
    ("Hallo, ik woon sinds kort in Vuokatti en zoek werk. Waar kan ik terecht?", "sotkamo"),
])
def test_a_language_without_texts_is_not_read_as_a_newcomer_language_and_a_village_names_the_municipality(
        engine, question, municipality):
    answer = engine.answer(question)
    assert answer.language == "en"
    assert answer.municipality == municipality
    assert _points(answer)[0] == INTERNATIONAL_INFO


def test_talking_with_a_social_worker_is_not_hiring_one(engine):
    answer = engine.answer("oon ollu pitkään työttömänä ja nyt tarttis jutella sosiaalityöntekijän kanssa, "
                           "asun paltamossa")
    assert "employer" not in answer.audience
    assert _points(answer)[0] == "paltamo_kunnantalo"


# ---------------------------------------------------------------- classes from the round-8 set


def test_a_phrase_never_spans_a_clause(engine):
    answer = engine.answer("min son behöver tandläkare, vi bor i Taivalkoski. vem ska jag ringa?")
    assert "employer" not in answer.audience
    assert not answer.service_points and "pohde" in _ids(answer)


def test_a_dot_inside_a_web_address_is_no_clause_break(engine):
    answer = engine.answer("te-palvelut.fi ei toimi enää, mistä nyt ilmottaudun työttömäks")
    assert answer.topic == "tyomarkkinatori"


@pytest.mark.parametrize("question", ["APUA kaveri kaatu tikkailta eikä herää, päästä tulee verta!!! ollaan sotkamossa",
                                      "naapurin talo palaa ja sisällä voi olla vielä ihmisiä mitä mä teen"])
def test_an_emergency_now_is_112(engine, question):
    answer = engine.answer(question)
    assert "emergency" in _ids(answer) and "112" in answer.text


def test_leaving_on_holiday_is_not_lahti(engine):
    answer = engine.answer("passi vanhenee ja lähdetään lomalle helmikuussa, voiko passin hakea netissä?")
    assert not answer.out_of_area and "poliisi" in _ids(answer)


def test_someone_still_working_asks_a_pension_question_of_the_pension_provider(engine):
    answer = engine.answer("I'm 58 and still working in Kajaani. how can I check how much earnings-related "
                           "pension I have earned so far?")
    assert "pensions" in _ids(answer) and not answer.service_points


@pytest.mark.parametrize("question", ["miten haen kainuun tyottomien saunaseteleita? naapuri sano etta niita saa",
                                      "milloin kajaanin joulutori on", "mikä on paltamon kunnanjohtajan nimi"])
def test_made_up_vouchers_and_local_trivia_are_not_ours(engine, question):
    assert engine.answer(question).kind == OUT_OF_SCOPE


def test_becoming_an_entrepreneur_is_no_unemployment_fund_matter(engine):
    answer = engine.answer("olen työtön kuhmossa ja haluan ryhtyä yrittäjäksi, miten haen starttirahaa?")
    assert answer.topic == "startup_grant" and not answer.organisations


def test_a_year_model_of_birth_gives_the_age(engine):
    assert _points(engine.answer("oon vuosimallia 2003, kajaanissa asun eikä oo töitä"))[0] == "kajaani_ohjaamo"
