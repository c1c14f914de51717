"""The classes of mistakes the blind rounds 9–11 found (issue 15), each as the behaviour a person now gets. The
questions are new wordings of each class, not the eval items themselves."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answer import OTHER_ORGANISATION, OUT_OF_AREA, OUT_OF_SCOPE, ROUTE


def _points(answer) -> list[str]:
    return [p.id for p in answer.service_points]


def _orgs(answer) -> list[str]:
    return [o.id for o in answer.organisations]


def _nobodys(answer) -> bool:
    """Answered honestly as nobody's matter here: out of scope, no service point offered."""
    return answer.kind == OUT_OF_SCOPE and not answer.service_points


@pytest.mark.parametrize("question, point", [
    ("asun yli vuokissa ja etsin töitä", "suomussalmi_kunnantalo"),    # two-word village in a case
    ("muutimme ylä-vieksiin, minne ilmoittaudun", "kuhmo_kaupungintalo"),
    ("asun edelleen paltamossa mutta muutan keväällä kuhmoon, olen työtön", "paltamo_kunnantalo"),  # a plan
    ("kotikuntani on puolanka vaikka olen nyt töissä oulussa, lomautettiin", "puolanka_kunnantalo"),  # registered
    ("olin kaupassa töissä 20v, ikää 52, asun kajaanissa ja haen töitä", "kajaani_virastotalo"),  # years at work
    ("vuosimallia 01, kajaanissa asun ja oon työtön", "kajaani_ohjaamo"),  # a two-digit birth year
    ("oon 31 ja asun kajaanissa, voinko mennä ohjaamoon", "kajaani_virastotalo"),  # past Ohjaamo's ages
    ("haluan työkokeiluun, asun sotkamossa", "sotkamo_virastotalo"),
])
def test_where_the_person_lives_and_who_they_are(engine, question, point):
    answer = engine.answer(question)
    assert answer.kind == ROUTE and _points(answer)[:1] == [point], (answer.kind, _points(answer))


@pytest.mark.parametrize("question", [
    "mistä kajaanista saa hyvän työmatkapyörän halvalla",  # begins like work, is a bike
    "onko kuhmossa työkalupakkeja alennuksessa",
    "paras pilkkipaikka puolangalla?",                     # a place and two words nothing explains
    "sataako sotkamossa huomenna",
    "moi! mitä mieltä oot uudesta iphonesta",              # a greeting around an off-topic question
    "voittiko kajaanin hokki eilen?",
])
def test_what_is_nobodys_here_is_said_honestly(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("Kelan palvelupiste kajaanissa, milloin se on auki?", "kela"),         # the word after their name is theirs
    ("poikani 17v hakee ammattikouluun, missä haku tehdään? asumme kuhmossa", "opintopolku"),  # no Ohjaamo there
    ("sain kesätyöpaikan hotellista, mistä verokortti?", "verohallinto"),  # a job just got asks nothing of us
    ("mistä haen liikkuvuusavustusta?", "kela"),
])
def test_their_matter_alone_gets_their_answer(engine, question, organisation):
    answer = engine.answer(question)
    assert answer.kind == OTHER_ORGANISATION and _orgs(answer)[:1] == [organisation]
    assert not answer.service_points


def test_a_place_outside_the_area_in_a_language_without_texts_is_out_of_area(engine):
    answer = engine.answer("Ich wohne in Lahti und suche Arbeit, wohin soll ich gehen?")
    assert answer.kind == OUT_OF_AREA and answer.language == "en" and "Lahti" in answer.text


def test_own_residence_permit_and_unemployment_is_international_info_and_migri(engine):
    answer = engine.answer("oleskelulupani loppuu ja jäin työttömäksi, asun sotkamossa")
    assert _points(answer)[:1] == ["kajaani_kaupungintalo"] and _orgs(answer) == ["migri"]


@pytest.mark.parametrize("question", [
    "valmistuin kamkista keväällä enkä löydä töitä, asun kajaanissa",      # studies done: no Opintopolku
    "lukio käyty mutta en tiedä mitä haluan, olen 24 ja asun kajaanissa",
])
def test_studies_done_are_the_persons_past_not_an_application(engine, question):
    answer = engine.answer(question)
    assert answer.kind == ROUTE and not answer.organisations and _points(answer)


def test_a_young_person_with_a_job_asking_about_a_tax_card_gets_the_tax_administration_only(engine):
    answer = engine.answer("sain kesätöitä kajaanista, mistä saan verokortin? oon 16")
    assert answer.kind == OTHER_ORGANISATION and _orgs(answer) == ["verohallinto"]


def test_a_hotel_for_a_work_trip_elsewhere_is_not_a_move_out_of_the_area(engine):
    assert engine.answer("työmatka tampereelle, mikä hotelli on halpa?").kind == OUT_OF_SCOPE


def test_a_childs_age_in_brackets_after_any_case_counts(engine):
    answer = engine.answer("naapurin pojalla (19) ei ole töitä, he asuvat kajaanissa, minne hänen pitäisi mennä?")
    assert _points(answer)[:1] == ["kajaani_ohjaamo"]


def test_a_word_ending_like_a_worker_after_a_consonant_is_no_worker_to_hire(engine):
    # agent nouns are a verb stem (ending in a vowel) + -ja: "myy|jän", but "hylsysar|jan" is a socket set
    assert "employer" not in engine.answer("tarvisin hylsysarjan, onko kuhmossa rautakauppaa").audience
    assert "employer" in engine.answer("tarvitsisin myyjän kauppaani kuhmossa").audience


def test_no_study_place_or_dropped_school_is_the_persons_situation_not_an_application(engine):
    answer = engine.answer("oon 17, lopetin lukion kesken ja asun kajaanissa, mistä apua?")
    assert _points(answer)[:1] == ["kajaani_ohjaamo"] and not answer.organisations


def test_a_move_out_of_the_area_said_plainly_is_out_of_area_whatever_else_the_message_says(engine):
    answer = engine.answer("muutin kuhmosta joensuuhun syyskuussa, jatkuuko mun asiakkuus kuhmossa vai mitä?")
    assert answer.kind == OUT_OF_AREA and "Joensuu" in answer.text


def test_a_benefit_nobody_knows_is_said_so_before_asking_the_municipality(engine):
    answer = engine.answer("miten haen kainuun kahviseteliä työttömille?")
    assert answer.kind == OUT_OF_SCOPE and not answer.choices


def test_an_english_move_from_a_place_leaves_that_place(engine):
    answer = engine.answer("Moved to Lahti in May from Kuhmo. Where do I sign up as unemployed?")
    assert answer.kind == OUT_OF_AREA and "Lahti" in answer.text


def test_a_common_swedish_word_is_no_village(engine):
    answer = engine.answer("Jag blir trakasserad på jobbet och ingen gör ingenting. Vem kan jag kontakta?")
    assert answer.kind == OTHER_ORGANISATION and not answer.municipality


def test_swedish_written_without_its_letters_still_gives_the_age(engine):
    answer = engine.answer("jag bor i Kajana, ar 22 ar och arbetslos, vart gar jag?")
    assert _points(answer)[:1] == ["kajaani_ohjaamo"]


@pytest.mark.parametrize("question, point", [
    ("muutan keväällä kuhmosta sotkamoon mut nyt jäin työttömäks, kumpaan menen?", "kuhmo_kaupungintalo"),
    ("jag flyttar från Kuhmo till Kajana i vår, nu är jag arbetslös", "kuhmo_kaupungintalo"),  # från, folded
    ("asun rajalla, osoite 93590 Vanhala, jäin työttömäksi, kuusamo vai taivalkoski?", "taivalkoski_kunnantalo"),
])
def test_a_planned_move_keeps_the_home_and_a_postcode_is_an_address(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point]


def test_needing_a_profession_another_organisation_provides_is_no_hiring(engine):
    answer = engine.answer("kuhmo. tarviin sosiaalityöntekijän, vuokrat rästissä ja työt loppu")
    assert answer.kind == ROUTE and "employer" not in answer.audience and not answer.choices


@pytest.mark.parametrize("question, organisation", [
    ("Mi permesso di soggiorno scade ad aprile, vivo a Kuhmo. Dove devo andare?", "migri"),
    ("Mein Aufenthaltstitel läuft bald ab und ich wohne in Sotkamo. Was muss ich tun?", "migri"),
    ("Где получить налоговую карточку? Живу в Каяани", "verohallinto"),
    ("Necesito ayuda de Kela, no tengo dinero. Vivo en Paltamo.", "kela"),
    ("我的居留许可快到期了，我住在Kajaani", "migri"),
])
def test_a_language_without_texts_still_names_whose_matter_it_is(engine, question, organisation):
    # International Info first, and the organisation's own line beside it, in English where needed
    answer = engine.answer(question)
    assert answer.kind == ROUTE and _points(answer)[:1] == ["kajaani_kaupungintalo"], (answer.kind, _points(answer))
    assert organisation in _orgs(answer)
    assert answer.organisations[0].website in answer.text


def test_a_word_inside_another_is_no_organisation_in_a_foreign_message(engine):
    answer = engine.answer("Hola, busco trabajo en Kajaani, hablo inglés. ¿Dónde puedo ir? Excelente servicio")
    assert answer.kind == ROUTE and not answer.organisations


@pytest.mark.parametrize("question, organisation", [
    ("olen Vietnamista ja puhun vähän suomea. miten oleskelulupaa jatketaan?", "migri"),
    ("my husband is Brazilian and his residence permit ends in May, how does he renew it? we live in Sotkamo",
     "migri"),
])
def test_a_newcomer_asking_only_a_permit_gets_the_permit_office(engine, question, organisation):
    answer = engine.answer(question)
    assert answer.kind == OTHER_ORGANISATION and _orgs(answer)[:1] == [organisation]
    assert not answer.service_points


def test_a_newcomer_looking_for_work_beside_a_permit_also_gets_international_info(engine):
    answer = engine.answer("I'm from Kenya, living in Kuhmo. Can I renew my residence permit while I look for work?")
    assert _points(answer)[:1] == ["kajaani_kaupungintalo"] and "migri" in _orgs(answer)


@pytest.mark.parametrize("question, word", [
    ("missä on kuhmon työttömien ruokalipputoimisto?", "ruokalipputoimisto"),
    ("mistä saan työnhakijan kuntosalikortin sotkamossa", "kuntosalikortin"),
    ("Kajaanin Hyvänmielenvirasto, onko se auki lauantaina?", "Hyvänmielenvirasto"),
])
def test_an_office_or_card_nobody_knows_is_said_honestly(engine, question, word):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))
    assert word.lower() in answer.text.lower()


@pytest.mark.parametrize("question, point", [
    ("missä on te-toimisto kuhmossa", "kuhmo_kaupungintalo"),              # an office we know
    ("tarviin trukkikortin, oon työtön ja asun paltamossa", "paltamo_kunnantalo"),  # a qualification: training
    ("rekkakortti löytyy ja etin töitä, asun sotkamossa", "sotkamo_virastotalo"),    # a qualification one has
])
def test_offices_and_qualification_cards_we_know_are_ours(engine, question, point):
    answer = engine.answer(question)
    assert answer.kind == ROUTE and _points(answer)[:1] == [point], (answer.kind, _points(answer))


@pytest.mark.parametrize("question", [
    "Quel temps fera-t-il demain à Sotkamo ?",
    "Jaka będzie pogoda w Kajaani w weekend?",
    "Hoe laat is het nu in Finland?",
])
def test_off_topic_in_a_language_without_texts_is_said_honestly_in_english(engine, question):
    answer = engine.answer(question)
    assert answer.kind == OUT_OF_SCOPE and answer.language == "en" and not answer.service_points


def test_a_work_word_keeps_a_foreign_message_ours_whatever_else_it_says(engine):
    answer = engine.answer("Das Wetter ist kalt, aber ich suche Arbeit in Kuhmo. Wohin soll ich gehen?")
    assert answer.kind == ROUTE and _points(answer)[:1] == ["kajaani_kaupungintalo"]


@pytest.mark.parametrize("question, point", [
    ("Sotkamon virastotalolle vai toimintakeskukseen, kumpi on oikea paikka työttömälle?", "sotkamo_virastotalo"),
    ("voiko Hyrynsalmen kunnantalolla ilmoittautua työttömäksi vai pitääkö lähteä Kajaaniin?", "hyrynsalmi_kunnantalo"),
    ("Kajaanin virastotalo vai kaupungintalo, kumpaan menen? olen irakilainen enkä puhu suomea",
     "kajaani_kaupungintalo"),
    ("sotkamon toimintakeskus, onko siellä työllisyyspalveluita", "sotkamo_toimintakeskus"),  # one point, asked
])
def test_points_weighed_against_each_other_get_the_one_the_person_belongs_to(engine, question, point):
    answer = engine.answer(question)
    assert answer.kind == ROUTE and _points(answer)[:1] == [point], (answer.kind, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("esimies ei anna pitää taukoja koko päivänä, kenelle valitan?", "tyosuojelu"),
    ("mun autosta varastettiin työkalut yöllä, miten teen rikosilmoituksen", "poliisi"),
    ("kaveri kaatui tikkailta ja löi päänsä, mitä teen", "emergency"),
    ("tarvitsen suomi.fi-valtuudet yrityksen asioihin, mistä ne saa?", "dvv"),
])
def test_working_conditions_crime_accidents_and_authorisations_are_theirs(engine, question, organisation):
    answer = engine.answer(question)
    assert _orgs(answer)[:1] == [organisation], _orgs(answer)
    assert not answer.service_points


@pytest.mark.parametrize("question, point", [
    ("haluaisin neuvoja uran suhteen, asun kuhmossa", "kuhmo_kaupungintalo"),
    ("tarvis tietää mihin sitä työttömänä mennään, asun sotkamossa", "sotkamo_virastotalo"),  # the essive: oneself
])
def test_career_advice_and_oneself_as_unemployed_are_a_job_seekers_questions(engine, question, point):
    answer = engine.answer(question)
    assert answer.kind == ROUTE and _points(answer)[:1] == [point] and "employer" not in answer.audience


def test_a_relative_who_speaks_no_finnish_and_wants_work_gets_international_info_and_the_permit(engine):
    answer = engine.answer("Mieheni on Intiasta eikä puhu suomea. Miten hän saa oleskeluluvan ja pääseekö hän töihin? "
                           "Asumme Kuhmossa")
    assert _points(answer)[:1] == ["kajaani_kaupungintalo"] and "migri" in _orgs(answer)


def test_a_doubled_consonant_of_spoken_finnish_still_names_the_organisation(engine):
    answer = engine.answer("pitääkö mun soittaa kellaan vai riittääkö ilmottautua työttömäks? asun puolangalla")
    assert "kela" in _orgs(answer)
    answer = engine.answer("Miggrissä kestää lupien käsittely, voinko tehdä töitä odotellessa?")
    assert "migri" in _orgs(answer)


def test_an_everyday_word_is_no_spoken_form_of_an_organisation(engine):
    answer = engine.answer("onko kellään vinkkiä hyvästä pilkkipaikasta kuhmossa?")
    assert not answer.organisations and not answer.service_points


@pytest.mark.parametrize("question, point", [
    ("mietin alanvaihtoa, asun paltamossa ja oon työtön", "paltamo_kunnantalo"),  # a career change is guidance
])
def test_a_career_change_is_vocational_guidance_not_applying_to_school(engine, question, point):
    answer = engine.answer(question)
    assert answer.kind == ROUTE and _points(answer)[:1] == [point] and not answer.organisations


def test_a_pet_is_nobodys_here(engine):
    answer = engine.answer("koira ei syö ja oksentaa, mitä teen?")
    assert answer.kind == OUT_OF_SCOPE and not answer.service_points


def test_an_answer_to_two_matters_never_claims_the_top_band(engine):
    # theirs and ours in one message: right often, but not 97 % of the time on unseen sets
    answer = engine.answer("jäin työttömäksi, saanko asumistukea? asun kuhmossa")
    assert answer.kind == ROUTE and answer.organisations and 0.6 <= answer.confidence < 0.9


@pytest.mark.parametrize("question, point", [
    ("mihin ilmottaudun ku määräaikanen loppu, asun hyrynsalmella", "hyrynsalmi_kunnantalo"),
    ("tarviin uuen työpaikan, asun ristijärvellä", "ristijarvi_kunnantalo"),
])
def test_spoken_finnish_is_read_as_the_standard_words(engine, question, point):
    answer = engine.answer(question)
    assert answer.kind == ROUTE and _points(answer)[:1] == [point], (answer.kind, _points(answer))


def test_registering_online_needs_no_municipality_in_spoken_finnish_either(engine):
    answer = engine.answer("miten ilmottaudun työnhakijaksi netissä")
    assert answer.kind == ROUTE and not answer.needs_clarification and "tyomarkkinatori.fi" in answer.text


@pytest.mark.parametrize("question", [
    "mulla on työ ja tarviin uuden verokortin kun palkka nousi",   # palkka is no Paljakka
    "isä kuoli keväällä ja perintöveroa pitäis maksaa, kuka neuvoo",  # kuoli is no Kuolio
])
def test_everyday_words_are_no_villages(engine, question):
    answer = engine.answer(question)
    assert answer.municipality is None, answer.municipality


@pytest.mark.parametrize("question, point", [
    ("Hei olen Maria Hoikka ja etsin töitä, asun kuhmossa", "kuhmo_kaupungintalo"),   # a surname, not Hoikka
    ("Jag har inget arbete och bor i Kajana", "kajaani_virastotalo"),                # 'inget' is nothing
])
def test_a_village_that_is_also_an_everyday_word_needs_its_case_form(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], _points(answer)


def test_a_village_that_is_also_an_everyday_word_is_found_in_its_case_form(engine):
    answer = engine.answer("asun hoikassa ja etsin töitä")
    assert answer.municipality == "hyrynsalmi"


def test_a_student_asking_kela_alone_gets_kela_not_ohjaamo(engine):
    answer = engine.answer("Can a university student in Kajaani get general housing allowance from Kela?")
    assert answer.kind == OTHER_ORGANISATION and not answer.service_points


@pytest.mark.parametrize("question, organisation", [
    ("Pomo haukkuu mua joka päivä muiden kuullen, kenelle voi ilmoittaa?", "tyosuojelu"),
    ("Jag har ont i bröstet och det känns tungt, vad ska jag göra?", "emergency"),
])
def test_more_ways_of_saying_their_matters(engine, question, organisation):
    answer = engine.answer(question)
    assert organisation in _orgs(answer)


def test_a_relative_asked_about_in_spoken_finnish_is_routed_by_their_home(engine):
    answer = engine.answer("mun serkku on 20 ja asuu Kajaanissa, mä asun Sotkamossa. Mihin se vois mennä töihin?")
    assert _points(answer)[:1] == ["kajaani_ohjaamo"], _points(answer)


def test_a_person_still_working_asking_about_pay_gets_working_conditions_only(engine):
    answer = engine.answer("Min arbetsgivare har inte betalat semesterpenningen. Jag bor i Kuusamo.")
    assert "tyosuojelu" in _orgs(answer) and not answer.service_points


@pytest.mark.parametrize("question, organisation", [
    ("Sain töitä sahalta viime viikolla, olin vuoden työttömänä. Tarvitsenko uuden verokortin? Asun Kuhmossa",
     "verohallinto"),
    ("I got a job in Kuusamo after a year unemployed, do I need a new tax card?", "verohallinto"),
])
def test_a_job_just_found_leaves_the_unemployment_behind(engine, question, organisation):
    answer = engine.answer(question)
    assert answer.kind == OTHER_ORGANISATION and _orgs(answer)[:1] == [organisation]


def test_a_phrase_is_found_where_its_words_come_in_order_even_when_one_came_earlier(engine):
    answer = engine.answer("Behöver jag ett nytt skattekort när jag börjar på ett nytt jobb i Kajana?")
    assert answer.kind == OTHER_ORGANISATION and not answer.service_points


def test_two_points_of_one_municipality_weighed_get_the_persons_own(engine):
    answer = engine.answer("Kajaanin kaupungintalo vai virastotalo, kumpi on oikea? Olen 45 ja asun Kajaanissa.")
    assert answer.kind == ROUTE and _points(answer)[:1] == ["kajaani_virastotalo"], (answer.kind, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("täytin eilen 30, asun kajaanissa ja etsin töitä", "kajaani_virastotalo"),             # a birthday: 30 now
    ("oon 50 mut kysyn 20-vuotiaan poikani puolesta, hän asuu Kajaanissa ja etsii töitä", "kajaani_ohjaamo"),
    ("Haen töitä Sotkamosta mutta kotini on Paltamossa, minne menen?", "paltamo_kunnantalo"),  # home, not work
    ("Jag bor i Kuhmo och är arbetslös. Kan en arbetsgivare få lönesubvention om den anställer mig?",
     "kuhmo_kaupungintalo"),                                                                 # the one hired
])
def test_whose_age_whose_home_and_who_is_hired(engine, question, point):
    answer = engine.answer(question)
    assert answer.kind == ROUTE and _points(answer)[:1] == [point], (answer.kind, _points(answer))


def test_what_the_person_does_not_want_is_not_their_topic(engine):
    answer = engine.answer("asun kuhmossa ja oon työtön, en halua soittaa vaan käydä paikan päällä")
    assert answer.topic != "phone_service" and _points(answer)[:1] == ["kuhmo_kaupungintalo"]


def test_a_made_up_benefit_named_after_a_thing_is_said_honestly(engine):
    answer = engine.answer("where do unemployed people in Kuhmo claim the free pizza voucher?")
    assert answer.kind == OUT_OF_SCOPE and not answer.service_points


def test_finnish_words_of_a_foreign_language_client_count_in_an_english_message(engine):
    answer = engine.answer("hi, i moved to paltamo, en puhu suomea. i need work, where to go")
    assert _points(answer)[:1] == ["kajaani_kaupungintalo"] and "foreign_language" in answer.audience


@pytest.mark.parametrize("question, point", [
    ("oon kakskytkolme ja asun kajaanissa, etsin töitä", "kajaani_ohjaamo"),
    ("olen neljäkymmentäviisi, asun kajaanissa ja olen työtön", "kajaani_virastotalo"),
])
def test_an_age_written_in_finnish_words_is_an_age(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], _points(answer)


def test_a_phrase_written_as_spoken_matches_the_standard_word_too(engine):
    # phrasings list "uus osote"; the message says it in standard Finnish
    answer = engine.answer("pitääkö uusi osoite ilmoittaa jonnekin? muutin juuri")
    assert "dvv" in _orgs(answer)


def test_after_moving_to_a_place_is_living_there(engine):
    answer = engine.answer("After moving to Kuhmo from Lahti last month I need work. Where do I go?")
    assert answer.kind == ROUTE and _points(answer)[:1] == ["kuhmo_kaupungintalo"], (answer.kind, _points(answer))


def test_a_start_up_grant_named_apart_from_the_business_words_stays_a_start_up_question(engine):
    answer = engine.answer("I'm from Kenya and live in Sotkamo. I want to start my own business, can I get a "
                           "start-up grant?")
    assert answer.topic == "startup_grant" and _points(answer)[:1] == ["kajaani_kaupungintalo"]


def test_an_existing_business_hiring_stays_an_employer(engine):
    answer = engine.answer("jag har ett eget företag i Kuhmo och vill anställa en person")
    assert "employer" in answer.audience and not answer.service_points


@pytest.mark.parametrize("question", [
    "Kirjoita mulle runo työnhausta, jotain hauskaa",
    "What's the capital of Canada? Asking for a work quiz",
    "mikä on maailman korkein vuori, kysyn kun työkaverit väittelee",
])
def test_poems_and_trivia_are_nobodys_whatever_work_words_they_hold(engine, question):
    answer = engine.answer(question)
    assert answer.kind == OUT_OF_SCOPE and not answer.service_points


@pytest.mark.parametrize("question, organisation", [
    ("äidin suupieli roikkuu ja puhe sammaltaa, mitä teen", "emergency"),
    ("How do I change my surname after the wedding?", "dvv"),
    ("onko sotkamossa a-klinikkaa? juominen on lähtenyt käsistä", "kainuun_hyvinvointialue"),
])
def test_stroke_signs_name_changes_and_addiction_care_are_theirs(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question))


def test_a_young_person_outside_kajaani_asking_about_ohjaamo_gets_the_home_point(engine):
    answer = engine.answer("oon 19 ja asun Paltamossa, voinko mennä Ohjaamoon?")
    assert _points(answer)[:1] == ["paltamo_kunnantalo"], _points(answer)


@pytest.mark.parametrize("question", [
    "mihin aikaan lähtee eka bussi Paltamosta Kajaaniin, pitää ehtiä töihin seitsemäksi",
    "recommend a cheap hotel in Kuusamo for a work trip?",
])
def test_going_to_work_is_no_job_seekers_question(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_work_words_of_looking_for_work_keep_the_message_ours(engine):
    answer = engine.answer("asun kajaanissa ja etsin töitä, onko bussiyhteys virastotalolle hyvä?")
    assert answer.kind == ROUTE and answer.service_points


def test_vietnamese_written_with_its_letters_is_a_language_without_texts(engine):
    answer = engine.answer("Xin chào, tôi sống ở Sotkamo và tôi đang tìm việc làm. Tôi không nói được tiếng Phần Lan.")
    assert _points(answer)[:1] == ["kajaani_kaupungintalo"] and answer.language == "en"


def test_a_corrected_age_is_the_last_one_said(engine):
    answer = engine.answer("olen 28... ei kun oon jo 31. asun kajaanissa ja etsin töitä")
    assert _points(answer)[:1] == ["kajaani_virastotalo"], _points(answer)


@pytest.mark.parametrize("question, organisation", [
    ("naapurin mökistä tulee savua eikä kukaan vastaa, mitä teen", "emergency"),
    ("työmaalla ei ole suojaimia vaikka puretaan asbestia, kenelle ilmoitan?", "tyosuojelu"),
    ("isä tarvitsisi kotihoitoa, asuu yksin puolangalla", "kainuun_hyvinvointialue"),
    ("mistä haetaan aseenkantolupa?", "poliisi"),
])
def test_fire_smoke_asbestos_home_care_and_gun_permits_are_theirs(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question))


@pytest.mark.parametrize("question", [
    "mikä päivä tänään on ja montako päivää jouluun",
    "työpaikan pikkujoulut lauantaina, mitä puen päälle?",
])
def test_calendar_questions_and_party_outfits_are_nobodys(engine, question):
    answer = engine.answer(question)
    assert answer.kind == OUT_OF_SCOPE and not answer.service_points


def test_a_word_start_of_going_to_work_covers_its_forms(engine):
    answer = engine.answer("työmatkalla Kajaaniin tarviin halvan hotellin, mikä on hyvä?")
    assert _nobodys(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("which website do I use to apply to KAMK? I live in Kajaani", "opintopolku"),
    ("pomo kiusaa joka päivä, mitä voin tehdä? työpaikka on sotkamossa", "tyosuojelu"),
])
def test_a_way_of_doing_their_matter_or_ones_workplace_asks_us_nothing(engine, question, organisation):
    answer = engine.answer(question)
    assert _orgs(answer)[:1] == [organisation] and not answer.service_points


@pytest.mark.parametrize("question", [
    "where do unemployed people apply for the Kainuu free swimming card?",
    "is there a free gym card for jobseekers in Kuhmo?",
])
def test_a_made_up_card_or_pass_is_said_honestly(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_a_card_beside_another_organisations_matter_is_theirs(engine):
    answer = engine.answer("I'm unemployed with credit card debt, where is free debt counselling?")
    assert "debt_advice" in _orgs(answer)


@pytest.mark.parametrize("question, point", [
    ("Siskoni on 22 ja asuu Paltamossa, voiko hän mennä Kajaanin Ohjaamoon?", "paltamo_kunnantalo"),
    ("21v sotkamolainen, kuulin Ohjaamosta, pääsenkö sinne vai minne", "sotkamo_virastotalo"),
    ("Kysyn siskon puolesta joka on 33 ja asuu Kajaanissa, itse oon 20. Minne hänen kannattaa mennä?",
     "kajaani_virastotalo"),
    ("Asuin ennen Kuhmossa, mutta elokuusta lähtien Sotkamossa. Minne työnhakijana?", "sotkamo_virastotalo"),
])
def test_ohjaamo_ages_and_homes_of_the_person_asked_about(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], _points(answer)


def test_relatives_somewhere_else_are_not_the_writers_home(engine):
    answer = engine.answer("Asun Lahdessa, sukulaiset asuu Kajaanissa. Voinko hakea töitä teidän kautta?")
    assert answer.kind == OUT_OF_AREA and not answer.service_points


@pytest.mark.parametrize("question, point", [
    ("siis Puolangalla, ei Paltamossa. oon työtön, mihin meen", "puolanka_kunnantalo"),
    ("tarkoitin hyrynsalmella en suomussalmella, miten ilmoittaudun työnhakijaksi", "hyrynsalmi_kunnantalo"),
    ("sorry, I mean Kuhmo, not Sotkamo. I lost my job, where do I register?", "kuhmo_kaupungintalo"),
    ("jag menar Paltamo, inte i Kajana. jag söker jobb", "paltamo_kunnantalo"),
    ("ei, kuhmossa asun. mihin ilmoittaudun työttömäksi", "kuhmo_kaupungintalo"),  # "no", then the place
])
def test_a_place_said_right_after_a_denial_is_not_home(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], _points(answer)


@pytest.mark.parametrize("question, unwanted", [
    ("en kysy kelan rahoista vaan siitä miten ilmoittaudun työttömäksi, asun kuhmossa", "kela"),
    ("This is not about tax, I just lost my job and live in Sotkamo. Where do I register?", "verohallinto"),
])
def test_what_the_person_says_they_do_not_ask_is_not_answered(engine, question, unwanted):
    answer = engine.answer(question)
    assert unwanted not in _orgs(answer) and answer.service_points, answer.organisations


def test_a_topic_the_person_does_not_ask_about_is_left_out(engine):
    answer = engine.answer("en kysyny työpaikoista, vaan miten haen asumistukea. asun kajaanissa")
    assert _orgs(answer)[:1] == ["kela"] and not answer.service_points


@pytest.mark.parametrize("question", [
    "I was unemployed last year but now I work at a shop in Kuhmo. How do I change my tax card?",
    "jag var arbetslös i våras men jobbar nu i Kajana, hur ändrar jag mitt skattekort?",
])
def test_unemployment_that_is_over_asks_us_nothing_beside_a_tax_card(engine, question):
    answer = engine.answer(question)
    assert _orgs(answer)[:1] == ["verohallinto"] and not answer.service_points


@pytest.mark.parametrize("question", [
    "jäin työttömäks enkä oo missään kassassa, mistä rahaa? asun kuhmossa",
    "I lost my job and I'm not in any fund, what money can I get? I live in Kuhmo",
    "jag blev arbetslös i Kuhmo och är inte med i någon kassa, vad får jag?",
])
def test_someone_in_no_fund_is_sent_to_kela(engine, question):
    answer = engine.answer(question)
    assert _orgs(answer)[:1] == ["kela"] and _points(answer)[:1] == ["kuhmo_kaupungintalo"]


def test_help_finding_work_is_ours_whatever_else_the_story_holds(engine):
    answer = engine.answer("oon kuhmosta, 58v, haastatteluissa aina joku muu valitaan. saisko apua töiden etsimiseen?")
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"], (answer.kind, _points(answer))


def test_a_made_up_card_close_to_a_known_ones_name_is_said_honestly(engine):
    # "kultakortti" is as close to "kelakortti" as a typo, but it begins otherwise: nobody's card
    answer = engine.answer("mistä saa työttömien kultakortin sotkamossa? alennusta kuulemma kaupoista")
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_an_emergency_is_answered_alone_even_from_a_job_seeker(engine):
    answer = engine.answer("oon työtön ja asun kuhmossa, naapurin talosta tulee savua! mihin soitan")
    assert _orgs(answer) == ["emergency"] and not answer.service_points


@pytest.mark.parametrize("question, point", [
    ("olin kolarissa viime keväänä, nyt kuntoutus ohi ja haluan takaisin töihin. asun kuhmossa", "kuhmo_kaupungintalo"),
    ("kuhmo, kainuuntie 1, puh 040 112 3456. olen työtön, mihin otan yhteyttä", "kuhmo_kaupungintalo"),
])
def test_an_emergency_told_afterwards_or_112_in_a_phone_number_is_no_emergency(engine, question, point):
    answer = engine.answer(question)
    assert "emergency" not in _orgs(answer) and _points(answer)[:1] == [point]


@pytest.mark.parametrize("question, employer", [
    ("Taksiyrittäjä Sotkamosta, saako palkkatukea uudelle kuljettajalle?", True),
    ("oon kevytyrittäjä mutta keikat loppu, haen palkkatöitä, asun sotkamossa", False),
])
def test_a_business_compound_of_yrittaja_is_an_employer_and_light_entrepreneur_is_not(engine, question, employer):
    answer = engine.answer(question)
    assert ("employer" in answer.audience) is employer, answer.audience


@pytest.mark.parametrize("question, organisation", [
    ("en oo liittyny kassaan, voiko vielä liittyä ku irtisanomisaika loppuu? asun kuhmossa ja ilmoittaudun työttömäksi",
     "unemployment_fund"),
    ("käyn töissä Kuhmosta Sotkamoon, saako matkakuluvähennystä?", "verohallinto"),
    ("Meillä on Paltamossa pieni konepaja ja palkattais kaksi virolaista hitsaajaa, miten heidän lupa-asiat hoituu?",
     "migri"),
    ("ryyppäämisen kanssa on ongelmia ja työt loppu, asun paltamossa", "kainuun_hyvinvointialue"),
    ("työmaalla ei oo suojavarusteita eikä ketään kiinnosta, mihin ilmoitan? asun kajaanissa", "tyosuojelu"),
])
def test_another_organisations_matter_in_everyday_words(engine, question, organisation):
    answer = engine.answer(question)
    assert organisation in _orgs(answer), _orgs(answer)


def test_startbidrag_is_the_start_up_grant(engine):
    answer = engine.answer("jag bor i Kuhmo och vill starta eget, kan jag få startbidrag?")
    assert answer.topic == "startup_grant" and _points(answer)[:1] == ["kuhmo_kaupungintalo"]


@pytest.mark.parametrize("question", [
    "asun stadis, mutsi asuu kuhmossa. voinko ilmoittautua työnhakijaks teillä?",
    "asun helsingissä ja vanhemmat asuu sotkamossa, oon työtön, voinko asioida teillä",
])
def test_a_home_in_helsinki_beside_parents_in_the_area(engine, question):
    answer = engine.answer(question)
    assert answer.kind == OUT_OF_AREA and not answer.service_points, (answer.kind, _points(answer))


def test_two_part_time_jobs_and_a_tax_card_ask_us_nothing(engine):
    answer = engine.answer("mulla on kaksi osa-aikatyötä Kuhmossa, kumpaan verokortti annetaan?")
    assert _orgs(answer)[:1] == ["verohallinto"] and not answer.service_points


def test_the_year_after_synnyin_is_the_birth_year_not_a_place_of_birth(engine):
    year = date.today().year - 24
    answer = engine.answer(f"synnyin {year} ja asun kajaanissa, haen töitä mutta en tiedä mistä aloittaa")
    assert _points(answer)[:1] == ["kajaani_ohjaamo"], _points(answer)


def test_a_hotel_for_a_job_interview_is_nobodys_here(engine):
    answer = engine.answer("any cheap hotel in Sotkamo? I have a job interview there on Monday")
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_a_matter_said_after_a_negation_is_not_asked(engine):
    answer = engine.answer("ei oo kela-asia, se on hoidettu. mihin ilmoittaudun työttömäksi? asun kuhmossa")
    assert "kela" not in _orgs(answer) and _points(answer)[:1] == ["kuhmo_kaupungintalo"]


def test_a_young_person_in_a_summer_job_asking_about_breaks_gets_work_safety_alone(engine):
    answer = engine.answer("oon 17 ja kesätöissä kajaanissa, esimies huutaa mulle koko ajan, kenelle valitan?")
    assert _orgs(answer)[:1] == ["tyosuojelu"] and not answer.service_points, (
        _orgs(answer), _points(answer))


@pytest.mark.parametrize("question", [
    "kuulin että työttömät saa ilmaisen kuntosalijäsenyyden paltamosta, mistä haen?",
    "do unemployed people in Kuhmo get a free snowmobile licence from the municipality?",
])
def test_a_thing_said_to_be_free_for_the_unemployed_that_nobody_knows_is_said_honestly(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("onko työttömille ilmaista koulutusta? asun kajaanissa, 45v", "kajaani_virastotalo"),
    ("is there free training for the unemployed? I live in Kuhmo", "kuhmo_kaupungintalo"),
])
def test_free_services_of_ours_are_still_ours(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point]


def test_work_words_about_a_job_the_person_has_ask_us_nothing_beside_a_tax_card(engine):
    answer = engine.answer("mulla on kaksi työpaikkaa Kuhmossa, kumpaan työpaikkaan verokortti annetaan?")
    assert _orgs(answer)[:1] == ["verohallinto"] and not answer.service_points


@pytest.mark.parametrize("question, point", [
    ("en asu kuhmossa vaan sotkamossa, mihin ilmoittaudun työttömäksi? kuhmo on kyllä lähempänä",
     "sotkamo_virastotalo"),
    ("en asu suomussalmella vaan hyrynsalmella, oon työtön, onko suomussalmen toimisto lähin?",
     "hyrynsalmi_kunnantalo"),
])
def test_the_place_after_en_asu_x_vaan_is_home(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point]


@pytest.mark.parametrize("question, municipality", [
    ("مرحبا، أسكن في كوهمو وأبحث عن عمل. ماذا أفعل؟", "kuhmo"),
    ("سلام، در سوتکامو زندگی می‌کنم و کار می‌خواهم", "sotkamo"),
    ("我在库萨莫住了一年，想找工作", "kuusamo"),
    ("नमस्ते, मैं पलतामो में रहती हूँ, काम चाहिए", "paltamo"),
    ("Silav, ez li Kuhmoyê dijîm û li kar digerim", "kuhmo"),   # Kurdish: accents and an ending
])
def test_a_municipality_written_in_another_script_is_read(engine, question, municipality):
    answer = engine.answer(question)
    assert answer.municipality == municipality and _points(answer)[:1] == ["kajaani_kaupungintalo"], (
        answer.municipality, _points(answer))


@pytest.mark.parametrize("question", [
    "kaveri kaatui pihalla eikä vastaa puhutteluun, mitä teen",
    "kellarissa haisee kaasu tosi vahvasti, pitääkö lähteä ulos?",
    "my coworker is unconscious on the floor, what do I do",
])
def test_emergencies_in_everyday_words(engine, question):
    assert _orgs(engine.answer(question))[:1] == ["emergency"]


@pytest.mark.parametrize("question, organisation", [
    ("esimies nimittelee meitä joka päivä, mistä apua? asun kuhmossa", "tyosuojelu"),
    ("tarviin virkatodistuksen uutta työpaikkaa varten, mistä sen saa", "dvv"),
    ("osotteenmuutos pitäis tehä, muutin juuri", "dvv"),   # spoken "osott-" is "osoitt-"
    ("jäin työttömäks kuhmossa eikä oo kassaa, mistä rahaa", "kela"),
])
def test_more_matters_of_other_organisations(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question))


@pytest.mark.parametrize("question, point", [
    ("muutosturvan koulutusraha kiinnostaa, irtisanottiin, asun kuhmossa", "kuhmo_kaupungintalo"),
    ("51v sotkamolainen, voiko mulle myöntää palkkatuen jos löydän itse työnantajan?", "sotkamo_virastotalo"),
    ("en oo sotkamosta vaan kuhmosta, vaikka kävin koulut sotkamossa. työt loppu, minne meen", "kuhmo_kaupungintalo"),
    ("palkkatuki kiinnostaa, puolangalla asun ja työtön, tuttu yrittäjä vois palkata", "puolanka_kunnantalo"),
])
def test_job_seekers_whose_words_look_otherwise(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], (answer.kind, _points(answer), answer.audience)


@pytest.mark.parametrize("question", [
    "paltamolainen yritys, voisimme ottaa harjoittelijan keväällä, kenen kautta?",
])
def test_a_company_taking_a_trainee_is_an_employer(engine, question):
    assert "employer" in engine.answer(question).audience


@pytest.mark.parametrize("question, youth", [
    ("finnish girl here, i'm 22 and prefer writing in english. i live in kajaani and need help finding a job", True),
    ("I moved to Kuhmo because my wife got a job here. I don't speak Finnish yet, where can I get help finding work?",
     False),
])
def test_english_from_a_finn_and_from_a_newcomer(engine, question, youth):
    answer = engine.answer(question)
    if youth:
        assert _points(answer)[:1] == ["kajaani_ohjaamo"], _points(answer)
    else:
        assert _points(answer)[:1] == ["kajaani_kaupungintalo"] and "foreign_language" in answer.audience


@pytest.mark.parametrize("question", [
    "oon 19 ja asun kajaanissa, lukio meni ihan ok mut en tiiä mitä haluun tehä, kuka auttaa",
])
def test_an_upper_secondary_school_done_is_the_past(engine, question):
    answer = engine.answer(question)
    assert "opintopolku" not in _orgs(answer) and _points(answer)[:1] == ["kajaani_ohjaamo"]


def test_a_work_team_looking_for_a_restaurant_is_nobodys_here(engine):
    answer = engine.answer("tullaan työporukalla kuhmoon, missä on hyvä ravintola 12 hengelle?")
    assert _nobodys(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question", [
    "mikä sää on huomenna sotkamossa? pitäis lähteä metsätöihin aikasin",
    "onko huomenna räntää kajaanissa, mulla on työhaastattelu ja kesärenkaat vielä alla",
    "milloin sotkamon joulumarkkinat on",
])
def test_weather_and_markets_around_going_to_work_are_nobodys_here(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("25 vee kajaanista, tarviin apua töiden hakuun", "kajaani_ohjaamo"),
    ("oon 24, siis 34, näppäilyvirhe. kajaani, tarviin apua työnhakuun", "kajaani_virastotalo"),
    ("otanmäkiläinen, työt loppu, minne otan yhteyttä", "kajaani_virastotalo"),
    ("20v kajaanilainen, en oo töissä enkä koulussa, saanko asumistukea ja apua työnhakuun?", "kajaani_ohjaamo"),
])
def test_ages_villagers_and_a_job_the_person_does_not_have(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], (answer.kind, _points(answer), answer.audience)


def test_lahes_is_almost_not_lahti(engine):
    answer = engine.answer("pomo huutaa meille lähes joka päivä, kenelle ilmoitan? asun kuhmossa")
    assert answer.kind != OUT_OF_AREA and "tyosuojelu" in _orgs(answer)


@pytest.mark.parametrize("question", [
    "kerro joku hauska tarina, jännittää eka työpäivä kuhmossa",
    "suositteletko hyvää sarjaa? ei oo töitä nii aikaa on, asun sotkamossa",
    "laske mulle paljonko on 24 % alv 120 eurosta",
    "mikä on kajaanin linnan historia? vien työkaverin sinne",
    "Is there a museum in Kuusamo? I'm there on a work project next week",
    "missä puolangalla voi vuokrata kelkan? tuun töiden jälkeen",
    "Je cherche une recette de soupe de Kuhmo",
])
def test_requests_to_the_bot_and_sights_around_work_words_are_nobodys_here(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("kaveri kaatui ja vuotaa päästä, mihin soitan", "emergency"),
    ("sain työpaikan kuhmosta ja kotikunta pitäis vaihtaa, mistä?", "dvv"),
    ("ajokortti hyllytettiin kuukaudeks, milloin saan takas", "poliisi"),
    ("lopetan toiminimen, mitä yel-vakuutukselle tehdään? asun kuhmossa ja jään työttömäksi", "pensions"),
    ("poika 16v haluis amikseen, miten haetaan? asutaan kuhmossa", "opintopolku"),
    ("kela hylkäs tuen ja tarttisin rahaa lääkkeisiin, asun paltamossa", "kainuun_hyvinvointialue"),
])
def test_yet_more_matters_of_other_organisations(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question))


@pytest.mark.parametrize("question, point", [
    ("en ole ulkomaalainen vaikka nimeni on Ali, puhun suomea äidinkielenäni. asun kuhmossa ja haen töitä",
     "kuhmo_kaupungintalo"),
    ("asun sotkamossa... eiku siis kuhmossa, sotkamossa oli vanha kämppä. mihin ilmoittaudun", "kuhmo_kaupungintalo"),
    ("Hossasta oon, työtön, mihin otan yhteyttä, kuusamoon vai?", "suomussalmi_kunnantalo"),
    ("muutin viime kuussa kajaanista kuhmoon, mihin ilmoittaudun, kajaaniin vai tänne?", "kuhmo_kaupungintalo"),
    ("Jag är från Vasa men har bott i Kuhmo sedan i våras. Nu är jag arbetslös, var anmäler jag mig?",
     "kuhmo_kaupungintalo"),
    ("Mun tytär on 25 ja asuu Kuhmossa. Se on ollu työttömänä kauan, mihin sen kannattais mennä? Itse asun Oulussa.",
     "kuhmo_kaupungintalo"),
    ("en kuulu kassaan. määräaikainen loppuu kuun lopussa, mistä rahaa ja mitä pitää tehdä? asun kuhmossa",
     "kuhmo_kaupungintalo"),
])
def test_homes_options_and_job_seekers_in_harder_wordings(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], (answer.kind, _points(answer), answer.municipality)


def test_a_job_seeker_word_denied_beside_ones_own_business_is_an_employer(engine):
    answer = engine.answer("en oo työnhakija vaan pyöritän pientä parturiliikettä kuhmossa, haluan palkata työntekijän")
    assert "employer" in answer.audience


def test_a_friend_who_recommended_the_bot_is_no_request_for_a_recommendation(engine):
    answer = engine.answer("Asun Lahdessa ja jäin työttömäksi. Kaveri suositteli tätä bottia, voinko asioida teillä?")
    assert answer.kind == OUT_OF_AREA, answer.kind


def test_a_flea_market_in_swedish_is_nobodys_here(engine):
    answer = engine.answer("När är det loppis i Kuhmo?")
    assert answer.kind == OUT_OF_SCOPE and not answer.service_points


def test_a_verb_ending_in_tya_is_no_work_word(engine):
    # "käynnistyä" holds the dialect "tyä" (työ) inside it; a work word only starts a word
    answer = engine.answer("paljonko pakkasta huomenna kuhmossa? lähen töihin eikä auto meinaa käynnistyä")
    assert _nobodys(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("ex-poikaystävä uhkailee tulla tänne ja on jo matkalla, mitä teen", "emergency"),
    ("tarviin vartijakortin uuteen työhön, kuka sen myöntää", "poliisi"),
    ("isä on 82 ja tarvis eläkkeensaajan hoitotukea, asuu kuhmossa", "kela"),
    ("pitää nostella raskaita laatikoita ilman apuvälineitä, kenelle ilmoitan? oon töissä kajaanissa", "tyosuojelu"),
    ("muuttoilmotus pitäis tehä, mistä?", "dvv"),
])
def test_matters_of_other_organisations_from_round_33(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question))


def test_a_boss_threatening_dismissal_is_no_emergency(engine):
    answer = engine.answer("pomo uhkailee potkuilla jos valitan palkasta, kenelle ilmoitan? asun kuhmossa")
    assert "emergency" not in _orgs(answer)


@pytest.mark.parametrize("question", [
    "miten sanotaan työnhakija ruotsiksi? teen läksyjä",
    "what AI model are you and who built you?",
    "mitä kuhmon vaakunassa on?",
])
def test_questions_about_words_the_bot_and_heraldry_are_nobodys_here(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("93600 Kuusamo, tarvitsen työnhakijan palveluita, minne otan yhteyttä?", "kuusamo_kaupungintalo"),
    ("sain irtisanomisilmoituksen, mitä muutosturva tarkoittaa mulle? asun kuhmossa", "kuhmo_kaupungintalo"),
    ("Asun Paltamossa, en siis Kuhmossa kuten kirjoitin. Tarvitsen apua työnhakuun.", "paltamo_kunnantalo"),
    ("oon 27, eiku sori 33 täytin just. kajaanissa asun ja haen töitä", "kajaani_virastotalo"),
])
def test_job_seekers_from_round_33_and_34(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], (answer.kind, _points(answer), answer.audience)


@pytest.mark.parametrize("question, area", [
    ("asun sukevalla ja jäin työttömäksi, onko sotkamo lähin?", "Ylä-Savon työllisyysalue"),
    ("muutin just kuhmosta ouluun, kuulunko vielä kuhmoon työnhaussa", "Oulun työllisyysalue"),
])
def test_a_locality_or_a_move_out_gets_its_employment_area(engine, question, area):
    answer = engine.answer(question)
    assert answer.kind == OUT_OF_AREA and answer.employment_area and answer.employment_area.name.fi == area


def test_a_matter_denied_a_few_words_back(engine):
    answer = engine.answer("ei oo mitään kela-asiaa, mihin meen työnhakuun kun asun kuhmossa")
    assert "kela" not in _orgs(answer) and _points(answer)[:1] == ["kuhmo_kaupungintalo"]


@pytest.mark.parametrize("question, point", [
    ("Asun Kuhmontiellä Sotkamossa ja jäin työttömäksi, minne menen?", "sotkamo_virastotalo"),
    ("asun kajaanintiellä paltamossa, työt loppu", "paltamo_kunnantalo"),
])
def test_a_street_named_after_another_municipality_is_a_street(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point]


@pytest.mark.parametrize("question, point", [
    ("olin pitkään sairauseläkkeellä ja nyt haluan takaisin työelämään. asun kuhmossa", "kuhmo_kaupungintalo"),
    ("sain eläkepäätöksen, voisiko joku auttaa löytämään osa-aikatyötä? asun paltamossa", "paltamo_kunnantalo"),
    ("osoitteeni on kuhmossa, 88900. haluaisin kysyä työkokeilusta jonkun kanssa", "kuhmo_kaupungintalo"),
])
def test_returning_to_work_beside_a_pension(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], (answer.kind, _points(answer), answer.audience)


def test_a_spouses_country_is_not_the_writers_language(engine):
    answer = engine.answer("Vaimoni on Virosta. Itse jäin lomautetuksi ja pitäisi ilmoittautua työnhakijaksi, "
                           "asun kuhmossa.")
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"] and "foreign_language" not in answer.audience


# Rounds 35-38 (issue 15), new wordings of each class

@pytest.mark.parametrize("question", [
    "naapurin autotallista tulee liekkejä, kenelle soitan",
    "kaveri leikkas käteen kirveellä ja vuotaa hirveästi, mitä teen",
    "työkaveri putosi tikkailta eikä pysty liikkumaan",
    "mun sisko sanoo ettei halua enää elää, mitä mä teen",
])
def test_an_emergency_in_everyday_words_gets_112(engine, question):
    answer = engine.answer(question)
    assert _orgs(answer)[:1] == ["emergency"] and not answer.service_points, (answer.kind, _orgs(answer))


@pytest.mark.parametrize("question", [
    "pomo huusi ja nöyryytti mua koko porukan edessä, mihin tästä voi ilmoittaa",
    "palkka on taas myöhässä kolme viikkoa, mihin valitan?",
    "toimistolla on homeongelma ja kaikki sairastelee, kenelle ilmoitan",
])
def test_trouble_at_work_goes_to_occupational_safety(engine, question):
    assert _orgs(engine.answer(question))[:1] == ["tyosuojelu"]


@pytest.mark.parametrize("question, organisation, point", [
    ("pitäiskö ensin hakea kassasta vai ilmoittautua? asun kuhmossa, työt loppu", "unemployment_fund",
     "kuhmo_kaupungintalo"),
    ("rahat ei riitä ruokaan, oon työtön ja asun puolangalla", "kela", "puolanka_kunnantalo"),
])
def test_a_matter_in_spoken_words_beside_the_job_search(engine, question, organisation, point):
    answer = engine.answer(question)
    assert organisation in _orgs(answer) and _points(answer)[:1] == [point], (_orgs(answer), _points(answer))


def test_a_job_found_asks_nothing_of_us(engine):
    answer = engine.answer("löysin työpaikan oulusta, pitääkö tehdä muuttoilmoitus? asun kuusamossa")
    assert _orgs(answer)[:1] == ["dvv"] and not answer.service_points


@pytest.mark.parametrize("question", [
    "onko kuhmossa hyvää kampaamoa, huomenna on työhaastattelu",
    "mihin aikaan Sotkamon Lidl menee kiinni?",
    "pilkkikisat työporukan kanssa sotkamossa, kestääkö jää jo?",
    "How many kilometres is it from Kajaani to Oulu by car? I have a job interview there.",
])
def test_leisure_beside_a_work_word_is_nobodys_here(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_an_employer_denied_is_no_employer(engine):
    answer = engine.answer("en ole työnantaja vaan työtön, asun kuhmossa. miten palkkatuki toimii?")
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"] and "employer" not in answer.audience


@pytest.mark.parametrize("question", [
    "mitä mieltä olet uudesta työllisyyspalvelulaista, onko se reilu?",
    "voitko kääntää ruotsiksi: olen täsmällinen ja ahkera työntekijä",
    "tee mun puolesta essee työttömyydestä Kuhmossa, palautus huomenna",
    "What's your opinion on the pay subsidy cuts?",
])
def test_an_opinion_or_a_text_asked_of_the_bot_is_nobodys_here(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question", [
    "miten haen ekotukea työttömänä?",            # a benefit's name with a short head
    "saako työtön talvilisästä jotain tietoa?",   # asked about: the elative
])
def test_a_made_up_benefit_in_other_shapes_is_said_honestly(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("pääsin just intistä, oon 21 ja asun kajaanissa, mistä apua työnhakuun", "kajaani_ohjaamo"),  # army, not India
    ("kotoisin kajaanista mutta asunut puolangalla jo kolme vuotta, jäin työttömäksi", "puolanka_kunnantalo"),
    ("ei kahden hengen talous pärjää yhdellä palkalla, etsin lisätöitä, asun kuhmossa", "kuhmo_kaupungintalo"),
])
def test_words_that_only_look_like_a_cue(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point] and "emergency" not in _orgs(answer), (_points(answer), _orgs(answer))
    assert "foreign_language" not in answer.audience


def test_a_hiring_word_before_another_question_hires_nobody(engine):
    answer = engine.answer("mistä haetaan lapsilisää ja minne miehen pitää mennä ilmoittautumaan? asutaan kuhmossa")
    assert "employer" not in answer.audience and _points(answer)[:1] == ["kuhmo_kaupungintalo"]


@pytest.mark.parametrize("question, point", [
    ("kävin koulut Oulussa mutta kotikunta on aina ollut Paltamo, nyt etsin töitä", "paltamo_kunnantalo"),
])
def test_the_home_after_a_but_and_a_cv_asked_about(engine, question, point):
    answer = engine.answer(question)
    assert answer.kind == ROUTE and _points(answer)[:1] == [point], (answer.kind, _points(answer))


def test_a_cv_asked_about_with_no_place_asks_the_place(engine):
    answer = engine.answer("tarttisin apua ansioluettelon tekemiseen")
    assert answer.needs_clarification, answer.kind


def test_asking_whether_one_belongs_here_from_next_door(engine):
    answer = engine.answer("Pudasjärveltä oon, ihan Taivalkosken vieressä. "
                           "Kuulunko teille kun kauppareissut teen sinne?")
    assert answer.kind == OUT_OF_AREA and answer.employment_area and answer.employment_area.name.fi == \
        "Oulun työllisyysalue"


@pytest.mark.parametrize("question, point", [
    ("olin viisi vuotta omaishoitajana, nyt haluan takaisin töihin, asun sotkamossa", "sotkamo_virastotalo"),
    ("työskentelin sosiaalityöntekijänä 20 vuotta, nyt irtisanottiin, asun paltamossa", "paltamo_kunnantalo"),
])
def test_an_organisations_word_that_says_what_the_person_was(engine, question, point):
    answer = engine.answer(question)
    assert not _orgs(answer) and _points(answer)[:1] == [point], (_orgs(answer), _points(answer))


def test_being_retired_asks_nothing_of_the_pension_providers(engine):
    answer = engine.answer("olen eläkkeellä ja kaipaan juttuseuraa, puhutaanko vaikka hiihtämisestä?")
    assert answer.kind == OUT_OF_SCOPE and not _orgs(answer)


@pytest.mark.parametrize("question, point", [
    ("poikaystävä on 27 ja asuu paltamossa, mä asun kajaanissa. mihin sen kannattaa mennä kun työt loppu?",
     "paltamo_kunnantalo"),
    ("My girlfriend lives in Kuhmo and I live in Kajaani. She lost her job, where should she go?", None),
])
def test_a_partners_home_when_asked_for_the_partner(engine, question, point):
    answer = engine.answer(question)
    assert answer.municipality == ("paltamo" if point else "kuhmo"), answer.municipality
    if point:
        assert _points(answer)[:1] == [point]


def test_not_daring_to_call_asks_no_phone_service(engine):
    answer = engine.answer("poika 17v asuu kajaanissa, mistä hän saisi apua kesätyön hakuun kun ei uskalla soittaa")
    assert _points(answer)[:1] == ["kajaani_ohjaamo"] and answer.topic != "phone_service", answer.topic


@pytest.mark.parametrize("question, point", [
    ("poika 20v ei päässyt opiskelemaan ja asuu kotona kuhmossa, mistä hän saisi apua työnhakuun?",
     "kuhmo_kaupungintalo"),
    ("my husband got a job at the university and we moved to Kajaani. I'm looking for work, I don't speak Finnish",
     "kajaani_kaupungintalo"),
])
def test_a_school_not_got_into_or_someones_workplace_is_no_study_question(engine, question, point):
    answer = engine.answer(question)
    assert "opintopolku" not in _orgs(answer) and _points(answer)[:1] == [point], (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question", [
    "onko kuhmon uimahallissa työttömille alennusta?",
    "nyt kun työttömänä on aikaa, missä sotkamossa pääsee hiihtämään?",
])
def test_being_unemployed_beside_leisure_asks_no_job_seekers_question(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_being_unemployed_beside_a_benefit_keeps_the_benefit(engine):
    answer = engine.answer("oon ollu työttömänä puoli vuotta, vuokra nousee, miten asumistuki tarkistetaan? "
                           "asun kuhmossa")
    assert "kela" in _orgs(answer)


@pytest.mark.parametrize("question, point", [
    ("Taivalkoskelta käsin haen töitä, voiko asiat hoitaa puhelimessa?", "taivalkoski_kunnantalo"),
])
def test_a_season_ended_and_a_word_that_only_looks_like_the_fund(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point] and "unemployment_fund" not in _orgs(answer), (_points(answer),
                                                                                        _orgs(answer))


def test_a_season_ended_is_a_job_seekers_story(engine):
    answer = engine.answer("kausi loppui hotellilla, mistä uusi työ?")
    assert answer.needs_clarification, answer.kind


def test_a_change_of_address_in_the_accusative_is_dvvs(engine):
    assert _orgs(engine.answer("mihin ilmoitan osoitteenmuutoksen kun muutan toiseen asuntoon?"))[:1] == ["dvv"]


def test_vantaa_in_slang_is_out_of_the_area(engine):
    answer = engine.answer("oon vantskus nykyään ja duunit loppu, kuka auttaa?")
    assert answer.kind == OUT_OF_AREA and answer.employment_area and answer.employment_area.name.fi == \
        "Vantaan kaupunki"


def test_a_sole_trader_in_official_words_is_an_employer(engine):
    answer = engine.answer("olen elinkeinonharjoittaja kuhmosta ja mietin palkkaavani apulaisen, miten palkkatuki?")
    assert "employer" in answer.audience


def test_in_person_or_online_is_a_job_seekers_question_with_a_place(engine):
    answer = engine.answer("voiko kaiken hoitaa netissä vai pitääkö käydä paikan päällä? asun ristijärvellä, "
                           "matkat on pitkiä eikä oo autoa")
    assert _points(answer)[:1] == ["ristijarvi_kunnantalo"], (answer.kind, _points(answer))


def test_in_person_or_online_beside_another_matter_is_theirs(engine):
    answer = engine.answer("voiko henkilökortin hoitaa netissä vai pitääkö käydä paikan päällä? asun kuhmossa")
    assert _orgs(answer)[:1] == ["poliisi"] and not answer.service_points


# Rounds 41-42 (issue 15), new wordings of each class

def test_an_age_between_commas_is_the_persons(engine):
    answer = engine.answer("Tyttäreni, 19, asuu Kajaanissa ja etsii töitä. Mihin hänen kannattaa mennä?")
    assert _points(answer)[:1] == ["kajaani_ohjaamo"], _points(answer)


@pytest.mark.parametrize("question, organisation", [
    ("kassan päätös on mielestäni väärä, miten valitan? asun kuhmossa", "unemployment_fund"),
    ("metsäpalo ihan mökin vieressä, mitä teen", "emergency"),
    ("my visa expires next month, can I extend it? I work in Kajaani", "migri"),
    ("our employer gives us no safety gear on the site, who do I report this to?", "tyosuojelu"),
])
def test_their_matters_in_more_words(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question))


@pytest.mark.parametrize("question", [
    "voitko tilata mulle ruokaa kotiin, oon työnhaussa ihan väsyny",
    "saako työtön ilmasen kuntosalikortin kunnalta? asun kuhmossa",
    "työttömänä on aikaa, onko kuhmossa kuoroa johon pääsee mukaan?",
    "Is there a Lidl in Kuhmo? I'm moving there for my new job.",
])
def test_more_of_what_is_nobodys_here(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_finnish_as_first_language_writing_english_gets_the_home_point(engine):
    answer = engine.answer("My first language is Finnish but I write in English. I live in Kuhmo, "
                           "where do I register?")
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"] and "foreign_language" not in answer.audience


def test_a_helsinki_demonym_in_slang_is_out_of_the_area(engine):
    answer = engine.answer("oon stadilainen ja etsin duunia, minne mun pitää mennä?")
    assert answer.kind == OUT_OF_AREA and answer.employment_area and answer.employment_area.name.fi == \
        "Helsingin kaupunki"


def test_a_business_that_needs_workers_is_an_employer(engine):
    answer = engine.answer("kuusamolainen matkailufirma tarvitsee kausityöntekijöitä talveksi, "
                           "miten saamme ilmoituksen näkyviin?")
    assert "employer" in answer.audience


@pytest.mark.parametrize("question, organisation", [
    ("alkoholia menee liikaa ja työt loppu, asun kuhmossa", "kainuun_hyvinvointialue"),
    ("naapuri uhkaa puukolla pihalla!!", "emergency"),
    ("kassan jäsenmaksu, pitääkö sitä maksaa kun oon työtön?", "unemployment_fund"),
])
def test_their_matters_in_everyday_words_rounds_25_to_32(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question))


def test_a_job_kept_through_a_move_asks_only_dvv(engine):
    answer = engine.answer("vaihdoin työpaikkaa ja muutin kajaaniin, mihin muuttoilmoitus tehdään?")
    assert _orgs(answer)[:1] == ["dvv"] and not answer.service_points


def test_asking_whether_the_chat_keeps_messages_is_nobodys_question(engine):
    answer = engine.answer("tallentaako tämä chat mun viestit jonnekin?")
    assert answer.kind == OUT_OF_SCOPE


def test_an_apprenticeship_for_a_job_seeker_is_ours(engine):
    answer = engine.answer("oon 20 ja asun sotkamossa, haluisin oppisopimukseen sähköasentajaksi")
    assert _points(answer)[:1] == ["sotkamo_virastotalo"] and "opintopolku" not in _orgs(answer)


@pytest.mark.parametrize("question", [
    "onko hyvää kahvilaa kuhmon kaupungintalon lähellä? menen sinne huomenna",
    "any good lunch places near the city hall in Kajaani?",
])
def test_a_point_named_as_a_landmark_is_not_what_is_asked(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_a_partners_workplace_is_not_a_health_question(engine):
    answer = engine.answer("We moved to Kuhmo because my wife got a job at the hospital. I don't speak Finnish. "
                           "How do I find work?")
    assert not _orgs(answer) and _points(answer)[:1] == ["kajaani_kaupungintalo"], (_orgs(answer), _points(answer))


def test_a_demonym_in_kainuu_speech(engine):
    answer = engine.answer("sotkamolaenen oon ja jäin työttömäks, mihin mennä?")
    # read as the demonym, not guessed as a typo (which would leave the answer less sure)
    assert _points(answer)[:1] == ["sotkamo_virastotalo"] and answer.confidence >= 0.9, (_points(answer),
                                                                                         answer.confidence)


def test_a_group_said_as_a_status_names_no_pension_matter(engine):
    answer = engine.answer("eläkeläisten kuoro harjoittelee kuhmossa, oliko se maanantaisin?")
    assert not _orgs(answer) and answer.kind == OUT_OF_SCOPE, (_orgs(answer), answer.kind)


@pytest.mark.parametrize("question, organisation", [
    ("Muutin Kajaaniin uuden työn perässä, pitääkö muutosta ilmoittaa jonnekin?", "dvv"),
    ("I moved to Kuhmo and already started my job at the sawmill. How do I change my address officially?", "dvv"),
])
def test_a_move_for_a_job_asks_only_dvv(engine, question, organisation):
    answer = engine.answer(question)
    assert _orgs(answer)[:1] == [organisation] and not answer.service_points, (_orgs(answer), _points(answer))


def test_asking_who_keeps_the_bot_is_nobodys_question(engine):
    answer = engine.answer("oletko sinä chatgpt? kuka sinua ylläpitää ja pääseekö työkkärin virkailija lukemaan tätä?")
    assert answer.kind == OUT_OF_SCOPE


# Rounds 43-44 and older training sets, new wordings

@pytest.mark.parametrize("question", [
    "minä päivänä on laskiainen ensi vuonna?",             # "päivänä" is no greeting
    "turha botti, veronmaksajien rahaa hukkaan",           # an insult, not a tax question
    "ootko oikee ihminen vai kone?",
])
def test_asked_of_the_bot_whatever_words_it_shares(engine, question):
    answer = engine.answer(question)
    assert answer.kind == OUT_OF_SCOPE and not _orgs(answer), (answer.kind, _orgs(answer))


@pytest.mark.parametrize("question, organisation", [
    ("mun työnantaja pyytää todistuksen asuinpaikasta, mistä saan? asun kuhmossa", "dvv"),
    ("mökin sauna syttyi palamaan!", "emergency"),
    ("my employer gave me no safety training before the job, who do I complain to?", "tyosuojelu"),
    ("kassa ei vastaa ja päivärahat ei oo tullu, asun kajaanissa", "unemployment_fund"),
    ("mistä haen matkakorvauksen sairaalakäynnistä?", "kela"),
    ("mieli on ollut maassa, mistä keskusteluapua? asun kuhmossa", "kainuun_hyvinvointialue"),
])
def test_their_matters_in_words_from_rounds_43_and_44(engine, question, organisation):
    answer = engine.answer(question)
    assert organisation in _orgs(answer) and "employer" not in answer.audience, (_orgs(answer), answer.audience)


@pytest.mark.parametrize("question, point", [
    ("rekrykoulutukset kiinnostaa, asun sotkamossa", "sotkamo_virastotalo"),
    ("en asu kajaanissa vaikka käyn siellä lääkärissä, vaan paltamossa. mihin menen työttömänä?",
     "paltamo_kunnantalo"),
    ("Mieslahdelta kysyn, mistä apua työnhakuun kun Kajaaniin on pitkä matka", "paltamo_kunnantalo"),
])
def test_where_a_job_seeker_is_served_rounds_43_and_44(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point] and not _orgs(answer), (_points(answer), _orgs(answer))


@pytest.mark.parametrize("question, point", [
    ("asun Paltamossa ja käyn töissä Kajaanissa ja nyt tuli potkut, kumpaan otan yhteyttä?", "paltamo_kunnantalo"),
    ("olen syntynyt Kuhmossa ja asunut nyt viisi vuotta Sotkamossa, jäin työttömäksi, minne?", "sotkamo_virastotalo"),
    ("mökki on Hyrynsalmella mutta kirjat on Puolangalla. työttömänä mihin meen?", "puolanka_kunnantalo"),
])
def test_each_clause_keeps_its_own_place(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], (answer.kind, _points(answer))


# Rounds 45-46 (issue 15), new wordings

@pytest.mark.parametrize("question", [
    "mies ei meinaa hengittää!!",
    "joku murtautuu nyt naapurin autotalliin, mitä teen",
    "veli puhuu että tappaa ittensä, en tiedä mitä tehdä",
])
def test_more_emergencies_in_everyday_words(engine, question):
    assert _orgs(engine.answer(question))[:1] == ["emergency"]


@pytest.mark.parametrize("question, organisation", [
    ("ei kypäriä eikä valjaita työmaalla kuhmossa, voiko ilmoittaa ettei potkuja tule?", "tyosuojelu"),
    ("tarviin hoitajan ajan diabeteksen takia, asun kuhmossa", "kainuun_hyvinvointialue"),
    ("tarvitsen velkaneuvojaa, asun sotkamossa", "debt_advice"),
])
def test_their_matters_with_no_job_seekers_part_rounds_45_46(engine, question, organisation):
    answer = engine.answer(question)
    assert _orgs(answer)[:1] == [organisation] and not answer.service_points and "employer" not in answer.audience, (
        _orgs(answer), _points(answer), answer.audience)


@pytest.mark.parametrize("question", [
    "kannattaako ruveta tubettajaksi vai hakea töitä?",
    "mikä on työttömyysaste ruotsissa nykyään?",
])
def test_more_questions_nobody_here_answers(engine, question):
    answer = engine.answer(question)
    assert answer.kind == OUT_OF_SCOPE, (answer.kind, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("täytän kohta 19 ja asun kajaanissa, etsin töitä", "kajaani_ohjaamo"),
    ("veljeni (22) asuu kajaanissa ja etsii töitä, minne hän menee?", "kajaani_ohjaamo"),
    ("muutin takaisin suomeen ja asun nyt kuhmossa, etsin töitä", "kuhmo_kaupungintalo"),
])
def test_who_and_where_rounds_45_46(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], (answer.kind, _points(answer), answer.audience)


def test_stadi_with_a_case_ending_in_slang_is_helsinki(engine):
    answer = engine.answer("oon stadist ja pesti loppu, mis ilmottaudun?")
    assert answer.kind == OUT_OF_AREA and answer.employment_area and answer.employment_area.name.fi == \
        "Helsingin kaupunki"


def test_the_unemployed_person_hired_is_not_the_writer(engine):
    answer = engine.answer("pieni verstas sotkamossa, voisimmeko palkata työttömän asentajan, joka on ollut pitkään "
                           "ilman töitä? miten palkkatuki haetaan")
    assert "employer" in answer.audience, (answer.audience, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("teen kahta työtä, vakituista sairaalassa. mistä toinen verokortti? asun kuhmossa", "verohallinto"),
    ("Just moved back to Sotkamo and started a job at the school, how do I get a tax card?", "verohallinto"),
])
def test_two_jobs_or_a_job_started_ask_only_tax(engine, question, organisation):
    answer = engine.answer(question)
    assert _orgs(answer) == [organisation] and not answer.service_points, (_orgs(answer), _points(answer))


def test_the_nearest_point_asked_between_two_places(engine):
    answer = engine.answer("asun kuhmontiellä sotkamossa, onko lähin piste kuhmossa vai sotkamossa?")
    assert _points(answer)[:1] == ["sotkamo_virastotalo"], (answer.kind, _points(answer))


def test_a_short_word_of_a_phrase_is_read_as_written(engine):
    # "olin töissä" (a job that was) is a job seeker's phrase; "ollaan töissä" (we work) is no job seeker's story
    answer = engine.answer("pomo kiusaa joka päivä ja kuhmossa ollaan töissä molemmat, kuka auttaa?")
    assert _orgs(answer)[:1] == ["tyosuojelu"] and not answer.service_points, (_orgs(answer), _points(answer))


def test_a_matter_denied_in_one_word_with_its_matter(engine):
    answer = engine.answer("ei oo kassa-asia, ne on hoidettu. mihin menen ilmoittautumaan, asun kuhmossa")
    assert not _orgs(answer) and _points(answer)[:1] == ["kuhmo_kaupungintalo"], (_orgs(answer), _points(answer))


def test_here_beside_which_is_not_the_other_place(engine):
    answer = engine.answer("muutan keväällä kuopioon, mutta nyt asun vielä sotkamossa ja jäin työttömäksi. "
                           "ilmoittaudunko täällä vai kuopiossa?")
    assert _points(answer)[:1] == ["sotkamo_virastotalo"], (answer.kind, _points(answer))


@pytest.mark.parametrize("question", [
    "kuulin että työttömät saa ilmaiset uintiliput kunnantalolta, pitääkö näyttää henkkarit? asun kuhmossa",
    "naapuri väitti että työttömille on oma ruokakaupan alennuskortti, mistä sen saa?",
    "I heard job seekers get a discount card at the Sotkamo office, is it true?",
])
def test_a_perk_for_the_unemployed_heard_of_is_not_ours(engine, question):
    answer = engine.answer(question)
    assert answer.kind == OUT_OF_SCOPE and not answer.service_points and not _orgs(answer), (
        answer.kind, _points(answer), _orgs(answer))


@pytest.mark.parametrize("question", [
    "kaveri sano että työttömänä pitää ilmoittautua kahden viikon sisällä, asun kuhmossa, pitääkö paikkansa?",
    "kuulin että työttömät saa ilmaista koulutusta, asun kuhmossa, miten haen?",
])
def test_a_rumour_about_our_own_services_is_still_ours(engine, question):
    assert _points(engine.answer(question))[:1] == ["kuhmo_kaupungintalo"]


# Rounds 49-50 (issue 15), new wordings

@pytest.mark.parametrize("question, point, organisation", [
    ("sain töitä, miten ilmoitan että lopetan työnhaun? ja verokortti? asun kuhmossa", "kuhmo_kaupungintalo",
     "verohallinto"),
    ("jäin työttömäksi enkä ole missään liitossa, mistä rahaa? asun sotkamossa", "sotkamo_virastotalo", "kela"),
])
def test_our_part_beside_their_matter_rounds_49_50(engine, question, point, organisation):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point] and organisation in _orgs(answer), (_points(answer), _orgs(answer))


def test_fear_of_dismissal_while_reporting_asks_nothing_of_us(engine):
    answer = engine.answer("esimies käskee ajaa viallisella trukilla ilman valjaita, kenelle ilmoitan ettei tule "
                           "potkuja? kuhmossa ollaan töissä")
    assert _orgs(answer)[:1] == ["tyosuojelu"] and not answer.service_points, (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question", ["paljonko on 12 kertaa 15?", "montako työtöntä on koko maailmassa?"])
def test_sums_and_world_figures_are_nobodys_here(engine, question):
    assert engine.answer(question).kind == OUT_OF_SCOPE


@pytest.mark.parametrize("question, point", [
    ("asun kuhmossa ja haluaisin päästä yhteishankintakoulutukseen", "kuhmo_kaupungintalo"),
    ("oon kuhmolainen mutta kirjotan nyt Oulusta kun oon kaverilla kylässä, minne ilmoittaudun työttömäksi?",
     "kuhmo_kaupungintalo"),
    ("en tarvitse kelaa, kerro vaan missä kuhmon työllisyyspalvelut on", "kuhmo_kaupungintalo"),
])
def test_who_and_where_rounds_49_50(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point] and not _orgs(answer), (answer.kind, _points(answer), _orgs(answer))


@pytest.mark.parametrize("question, point", [
    ("muutin Oulusta äitin luo Kuhmoon viime kuussa, työt loppu. ilmoittaudunko täällä vai Oulussa?",
     "kuhmo_kaupungintalo"),
    ("olen kirjoilla Puolangalla mutta asun kesät mökillä Kajaanin puolella. kumpaan kuntaan otan yhteyttä "
     "työttömänä?", "puolanka_kunnantalo"),
])
def test_at_someones_place_and_a_choice_asked_as_unemployed(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], (answer.kind, _points(answer))


# Rounds 51-52 (issue 15), new wordings

@pytest.mark.parametrize("question, organisation", [
    ("mulla on työpaikka mutta mieli on maassa, mistä keskusteluapua? asun sotkamossa", "kainuun_hyvinvointialue"),
    ("työsopimus on voimassa, saako kelan sairauspäivärahalla tehdä vähän töitä? asun kuhmossa", "kela"),
    ("vakituisessa työssä oleva kysyy: kannattaako liittyä työttömyyskassaan? asun kajaanissa", "unemployment_fund"),
])
def test_a_job_one_has_in_more_words_asks_only_theirs(engine, question, organisation):
    answer = engine.answer(question)
    assert _orgs(answer)[:1] == [organisation] and not answer.service_points, (_orgs(answer), _points(answer))


def test_a_matter_told_done_is_not_asked(engine):
    answer = engine.answer("muutin takaisin kuhmoon, muuttoilmoitus on tehty ja kaikki. nyt etsin töitä, minne menen?")
    assert not _orgs(answer) and _points(answer)[:1] == ["kuhmo_kaupungintalo"], (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question", [
    "en puhu suomea hyvin, asun kuhmossa ja etsin töitä",      # a native's words denied
    "I speak no Finnish, I live in Kuhmo and need a job",
])
def test_no_finnish_in_more_words_is_a_foreign_language_client(engine, question):
    assert _points(engine.answer(question))[:1] == ["kajaani_kaupungintalo"]


def test_a_finnish_speaker_born_abroad_is_served_at_home(engine):
    answer = engine.answer("olen syntynyt Virossa mutta asunut Paltamossa 15 vuotta ja puhun suomea hyvin, "
                           "tarvitsen apua työnhakuun")
    assert _points(answer)[:1] == ["paltamo_kunnantalo"], (_points(answer), answer.audience)


@pytest.mark.parametrize("question", [
    "kumpi on parempi joukkue, kärpät vai jokerit?",
    "mistä saa hyvän täytekakun kuhmosta läksiäisiin?",
    "kannattaako sijoittaa rahastoihin vai osakkeisiin?",
])
def test_more_leisure_and_money_talk_nobody_here_answers(engine, question):
    assert engine.answer(question).kind == OUT_OF_SCOPE


# Rounds 53-54 (issue 15), new wordings

@pytest.mark.parametrize("question, organisation", [
    ("lomautettiin, en ole liiton jäsen, kuka maksaa? asun kuhmossa", "kela"),
    ("tehtaan halli palaa, paljon savua!!", "emergency"),
    ("työnantaja ei oo tehny mulle työsopimusta ollenkaan, onko laillista?", "tyosuojelu"),
])
def test_their_matters_rounds_53_54(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question))


@pytest.mark.parametrize("question", [
    "kirjoita tarina karhusta joka etsii töitä, lapsille iltasaduksi",
    "hei botti, rakastatko sä mua?",
    "mistä kajaanista saa halvimmat työkengät?",
])
def test_more_asked_of_the_bot_or_shopping(engine, question):
    assert engine.answer(question).kind in (OUT_OF_SCOPE,), engine.answer(question).kind


@pytest.mark.parametrize("question, point", [
    ("alotan työkokeilun ens viikolla, saanko kulukorvausta? asun hyrynsalmella", "hyrynsalmi_kunnantalo"),
    ("olen töissä keskussairaalan keittiössä mutta asun paltamossa, työ loppuu, minne menen?", "paltamo_kunnantalo"),
])
def test_who_and_where_rounds_53_54(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point] and not _orgs(answer), (answer.kind, _points(answer), _orgs(answer))


# Rounds 59-62 (issue 15), new wordings

@pytest.mark.parametrize("question", [
    "miten leivon pullaa ilman hiivaa? nyt kun oon työtön niin on aikaa kokeilla, mummun ohje kadonnut",
    "suosittele hyvää kirjaa talvi-iltoihin, koska ei oo töitä niin ehtii lukea paljon dekkareita",
    "millainen keli on viikonloppuna kuhmossa? ajattelin hiihtää ku ei oo töitä",
])
def test_out_of_work_only_as_the_reason_for_another_thing_is_nobodys(engine, question):
    assert _nobodys(engine.answer(question)), engine.answer(question).kind


@pytest.mark.parametrize("question, point", [
    ("mihkä sitä pittää männä ku ei oo töitä, kuhmossa asun", "kuhmo_kaupungintalo"),  # where asked: ours
    ("kun jäin työttömäksi niin mihin menen? asun paltamossa", "paltamo_kunnantalo"),
])
def test_out_of_work_as_a_reason_beside_a_where_question_stays_ours(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point]


@pytest.mark.parametrize("question, organisation", [
    ("asun kuhmossa ja mulla on töitä kaupan kassalla. passi meni vanhaks, mistä uusi?", "poliisi"),
    ("mun nykyistä duunia on vaikee tehdä ku polvi on kipee ja lääkäriin ei saa aikaa, asun sotkamossa",
     "kainuun_hyvinvointialue"),
])
def test_a_job_one_has_in_everyday_words_asks_us_nothing_beside_their_matter(engine, question, organisation):
    answer = engine.answer(question)
    assert organisation in _orgs(answer) and not _points(answer), (answer.kind, _orgs(answer), _points(answer))


@pytest.mark.parametrize("question", [
    "tell me a joke about job hunting",
    "osaatko suositella hyvää äänikirjaa? ajan töihin sotkamosta joka aamu",
    "olet surkea botti eikä susta oo mitään apua työttömille",
    "are you a robot or a real person answering about jobs?",
    "onko teillä verkkokauppaa josta saa työllisyyspalvelujen heijastimia?",
])
def test_more_asked_of_the_bot_rounds_59_62(engine, question):
    assert _nobodys(engine.answer(question)), engine.answer(question).kind


def test_where_a_job_seeker_goes_asked_of_the_bot_is_ours(engine):
    answer = engine.answer("voiko tää botti kertoa mihin ilmoittaudun työttömäksi, asun kuhmossa")
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"], (answer.kind, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("minulle jäi verovelkaa vanhasta toiminimestä, kuka neuvoo? asun kuhmossa", "verohallinto"),
    ("mistä saan EU-kortin ennen lomamatkaa espanjaan?", "kela"),
    ("pitäis vaihtaa osoite ku muutan kuhmon sisällä, mihin se ilmotetaan", "dvv"),
    ("tarviin lääkäriajan, asun suomussalmella", "kainuun_hyvinvointialue"),
    ("varastolla huono ilma työpaikalla ja pää kipeenä joka ilta, kuka tän tarkistaa?", "tyosuojelu"),
    ("naapurin poika putos jäihin!!", "emergency"),
    ("haluaisin aikuiskoulutukseen, oon töissä kaupalla kajaanissa", "opintopolku"),
    ("ajokielto loppuu ensi kuussa, miten saan ajokortin takaisin?", "poliisi"),
])
def test_their_matters_in_more_words_rounds_59_62(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_a_spouses_permit_is_theirs_and_the_writers_job_search_is_at_home(engine):
    answer = engine.answer("Puolisoni on Intiasta ja hänen työlupansa pitää uusia. Itse jäin työttömäksi, asun "
                           "Sotkamossa, minne menen?")
    assert "migri" in _orgs(answer) and _points(answer)[:1] == ["sotkamo_virastotalo"], (_orgs(answer), _points(answer))


def test_a_relative_asked_for_who_speaks_no_finnish_still_goes_to_international_info(engine):
    answer = engine.answer("Veljeni tuli juuri Syyriasta eikä puhu suomea, missä hän voi hakea töitä? Asumme Kuhmossa")
    assert _points(answer)[:1] == ["kajaani_kaupungintalo"], _points(answer)


def test_beside_the_writers_asun_someone_elses_asuu_is_theirs(engine):
    answer = engine.answer("Asun Lahdessa ja haen töitä. Kummisetä asuu Kuhmossa ja kehui teitä, mihin otan yhteyttä?")
    assert answer.kind == OUT_OF_AREA, (answer.kind, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("asun itse Sotkamossa mutta kysyn veljelleni joka asuu Hyrynsalmella ja on työtön", "hyrynsalmi_kunnantalo"),
    ("asun oulussa, poikani on 33, asuu kuhmossa ja etsii töitä", "kuhmo_kaupungintalo"),
])
def test_the_person_asked_for_lives_where_they_live(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question, point", [
    ("oon 27, siis ei vaan 33, asun kajaanissa ja etsin töitä", "kajaani_virastotalo"),  # the age corrected
    # "lähde" is no Lahti
    ("kuhmossa asun, oon ollu kotona enkä lähde mihinkään, mistä apua työnhakuun", "kuhmo_kaupungintalo"),
])
def test_corrections_and_umlauts_typed_rounds_59_62(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point] and not answer.out_of_area, (answer.kind, _points(answer))


def test_a_job_seeker_asking_for_eures_is_met_at_the_home_point(engine):
    answer = engine.answer("jäin työttömäksi ja haluaisin töihin ruotsiin, auttaako eures? asun hyrynsalmella")
    assert _points(answer)[:1] == ["hyrynsalmi_kunnantalo"], _points(answer)


def test_an_employer_asking_for_eures_is_never_asked_for_a_home(engine):
    answer = engine.answer("we run a sawmill in Kuhmo and want to recruit welders from Poland through EURES")
    assert not _points(answer) and "Tell me your home municipality" not in answer.text, answer.text


@pytest.mark.parametrize("question, point", [
    ("olin yrittäjä kahdeksan vuotta mutta myin firman syksyllä, nyt etsin töitä. asun puolangalla",
     "puolanka_kunnantalo"),
    ("oon ollu yrittäjä pitkään mutta firma ei enää kannata, mihin meen? asun paltamossa", "paltamo_kunnantalo"),
    ("yks työnantaja vihjas et vois palkata mut palkkatuella, mistä sitä haetaan? asun sotkamossa",
     "sotkamo_virastotalo"),
    ("paljonko ansiosidonnaista saan kun mutkin irtisanotaan maaliskuussa? asun kuhmossa", "kuhmo_kaupungintalo"),
])
def test_a_former_business_or_someone_elses_employer_leaves_a_job_seeker(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point] and "employer" not in answer.audience, (_points(answer), answer.audience)


def test_a_limited_company_hiring_is_an_employer(engine):
    answer = engine.answer("meillä on osakeyhtiö kuhmossa ja palkattais yks työtön varastoon, saako palkkatukea?")
    assert "employer" in answer.audience, answer.audience


@pytest.mark.parametrize("question", [
    "any good restaurant in Kuhmo? my sister just got a job there and I'm visiting",
    "tarvitsen työnhakijan alennuskortin uimahalliin, mistä sellaisen saa kuusamossa?",
    "saako lammella pilkkiä ilman mitään lupia? kuhmossa ollaan mökillä",
])
def test_someones_job_a_job_seekers_perk_and_fishing_permits_are_nobodys(engine, question):
    answer = engine.answer(question)
    assert not _points(answer) and "employer" not in answer.audience and not _orgs(answer), (
        answer.kind, _points(answer), _orgs(answer))


@pytest.mark.parametrize("question", [
    "onko kuhmon kansalaisopistossa maalauskurssia? jäin eläkkeelle syksyllä ja nyt on aikaa",
    "mun työkkärin virkailija jäi kuulemma eläkkeelle, kuka mua nyt auttaa? asun sotkamossa",
])
def test_a_retirement_told_asks_nothing_of_pensions(engine, question):
    assert "pensions" not in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_a_retirement_asked_about_is_still_the_pension_providers(engine):
    assert "pensions" in _orgs(engine.answer("milloin pääsen eläkkeelle ja mistä haen työeläkettä?"))


def test_at_ones_workplace_their_matter_asks_us_nothing(engine):
    answer = engine.answer("työpaikallani pomo uhkailee ja haukkuu, kuka tähän puuttuu? asun kuhmossa")
    assert "tyosuojelu" in _orgs(answer) and not _points(answer), (_orgs(answer), _points(answer))


def test_a_last_workplace_and_a_new_job_wanted_stays_ours(engine):
    answer = engine.answer("viime työpaikalla ei maksettu ylitöitä, kenelle ilmotan? ja pitäis löytää uus työ, "
                           "asun hyrynsalmella")
    assert _points(answer)[:1] == ["hyrynsalmi_kunnantalo"], _points(answer)


@pytest.mark.parametrize("question, point", [
    ("oon 45 ja kajaanissa asun. mihin?", "kajaani_virastotalo"),                      # a bare where-word
    ("Vuokatissa asun ja tarttisin apua ku rinnetyöt loppu", "sotkamo_virastotalo"),  # help asked, a reason given
    ("Minä muutin Somaliasta viime vuonna, asun nyt Sotkamossa. Tarvitsen työ, mihin menen?",
     "kajaani_kaupungintalo"),                                                         # "minä … vuonna" asks no year
    ("tarttisin uuden vastuuvirkailijan, asun kuhmossa", "kuhmo_kaupungintalo"),      # our clerk is nobody hired
])
def test_where_asked_help_asked_and_clerks_rounds_63_66(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point] and "employer" not in answer.audience, (answer.kind, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("työkaveri makaa lattialla eikä reagoi mihinkään!!", "emergency"),
    ("naapuri putos katolta lunta tiputtaessa, mitä teen", "emergency"),
    ("smells of gas in our workshop and my head spins, who do I call", "emergency"),
    ("toimistolla on huono sisäilma ja kaikki yskii, kuka valvoo? oon töissä sotkamossa", "tyosuojelu"),
    ("kassan maksatus on myöhässä, kehen otan yhteyttä? asun kuhmossa", "unemployment_fund"),
    ("mistä se liiton raha haetaan kun lomautettiin? puolangalla asun", "unemployment_fund"),
    ("kotikunta näkyy väärin papereissa, kuka korjaa? asun paltamossa", "dvv"),
    ("kuka päättää omaishoidon tuesta? asun kuhmossa", "kainuun_hyvinvointialue"),
])
def test_their_matters_in_more_words_rounds_63_66(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_a_country_gone_to_is_not_the_writers_language(engine):
    answer = engine.answer("lähden vaihtoon Ruotsiin syksyllä, pitääkö muutosta ilmoittaa jonnekin? "
                           "asun kuhmossa, oon 35")
    assert "dvv" in _orgs(answer) and "foreign_language" not in answer.audience, (_orgs(answer), answer.audience)


@pytest.mark.parametrize("question, point, organisation", [
    ("tarvisin apua töitten hakuun, asun kuusamossa", "kuusamo_kaupungintalo", None),
    ("lopetin amiksen kesken ja nyt oon ollu kotona, oon 19 ja asun kajaanissa", "kajaani_ohjaamo", None),
    ("mulla on vakituinen työ ja tarviin toisen verokortin sivutuloille, asun kajaanissa", None, "verohallinto"),
])
def test_job_search_dropped_studies_and_a_steady_job_rounds_63_66(engine, question, point, organisation):
    answer = engine.answer(question)
    assert _points(answer)[:1] == ([point] if point else []), _points(answer)
    assert _orgs(answer)[:1] == ([organisation] if organisation else []), _orgs(answer)


@pytest.mark.parametrize("question", [
    "onko kuhmon tokmannilla eläkeläisalennusta?",
    "Vilket år byggdes Kajana slott?",
    "tää on vaan testiviesti",
    "Mitä pitkäaikaistyötön on englanniksi? teen esitettä",
])
def test_more_nobodys_rounds_63_66(engine, question):
    assert _nobodys(engine.answer(question)), (engine.answer(question).kind, _orgs(engine.answer(question)))


@pytest.mark.parametrize("question", [
    "onko kajaanin k-supermarket auki jouluaattona?",
    "milloin on kuhmon kamarimusiikki tänä kesänä?",
    "ootko vaan joku kone vai saatko palkkaa tästä?",
    "teidän botti on ihan tyhmä, hävetkää",
    "Jag har börjat på ett nytt jobb i Kuhmo, finns det något gym där?",
])
def test_more_nobodys_rounds_39_48(engine, question):
    assert _nobodys(engine.answer(question)), (engine.answer(question).kind, _points(engine.answer(question)))


@pytest.mark.parametrize("question, point", [
    ("sorry, my finnish keyboard is broken. i live in kuhmo, where do i register as unemployed?",
     "kuhmo_kaupungintalo"),
    ("mökki on Kuhmossa mutta vakituinen koti Paltamossa, haen töitä, minne menen?", "paltamo_kunnantalo"),
    ("työttömyys uhkaa, firma aloitti yt:t. asun sotkamossa, mitä teen?", "sotkamo_virastotalo"),
])
def test_homes_and_finnish_writers_rounds_39_48(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question, organisation", [
    ("joku on rikkonut auton peilit pihalla, mihin teen rikosilmoituksen? asun kuhmossa", "poliisi"),
    ("muutin just sotkamoon kun aloitin uudessa duunissa, missä muuttoilmotus tehdään?", "dvv"),
])
def test_their_matter_alone_rounds_39_48(engine, question, organisation):
    answer = engine.answer(question)
    assert organisation in _orgs(answer) and not _points(answer), (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question", [
    "mitä sotkamon virastotalon kahviossa on tänään lounaaksi?",
    "saako puolangan kunnantalon parkkipaikalle jättää asuntoauton?",
])
def test_a_thing_right_after_a_points_name_is_asked_not_the_point(engine, question):
    assert _nobodys(engine.answer(question)), (engine.answer(question).kind, _points(engine.answer(question)))


def test_the_way_to_a_point_is_about_the_point(engine):
    assert _points(engine.answer("pääseekö kuhmon kaupungintalolle bussilla?"))[:1] == ["kuhmo_kaupungintalo"]


@pytest.mark.parametrize("question", [
    "Missä on Kuhmon työttömyysviraston sivukonttori? pitäis viedä lomake",
    "onko työnhakijoille joku lomamökki jonka saa vuokrata edullisesti? joku puhui että sellainen on Sotkamossa",
])
def test_made_up_offices_and_perks_heard_of_rounds_63_66(engine, question):
    answer = engine.answer(question)
    assert answer.kind == OUT_OF_SCOPE and not _points(answer), (answer.kind, _points(answer))


def test_a_summer_job_one_is_in_asks_us_nothing_beside_their_matter(engine):
    answer = engine.answer("kesätöissä mua pidetään 11 tunnin vuoroissa ilman taukoja, onko laillista? asun paltamossa")
    assert "tyosuojelu" in _orgs(answer) and not _points(answer), (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question, point", [
    ("ammatinvaihto mietityttää, oon 45 ja asun kuhmossa, kuka auttaa?", "kuhmo_kaupungintalo"),
    ("haen kelalta kuntoutustukea mutta haluaisin silti tehdä osa-aikatöitä, asun sotkamossa, mistä apua?",
     "sotkamo_virastotalo"),
])
def test_a_career_change_or_part_time_work_wanted_is_ours_rounds_59_66(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


def test_an_in_laws_home_is_theirs(engine):
    answer = engine.answer("Lahdesta hei. Oon ollu työtön vuoden, kuulunko teidän alueeseen ku appi asuu Kuhmossa?")
    assert answer.kind == OUT_OF_AREA, (answer.kind, _points(answer))


def test_after_a_matter_it_is_the_past(engine):
    answer = engine.answer("pitkän sairausloman jälkeen haluaisin työkokeiluun, asun puolangalla, kenelle soitan?")
    assert _points(answer)[:1] == ["puolanka_kunnantalo"] and not _orgs(answer), (_points(answer), _orgs(answer))


def test_after_it_their_matter_still_asked_is_theirs(engine):
    assert "kela" in _orgs(engine.answer("sairausloma loppuu, mistä haen sairauspäivärahaa sen jälkeen?"))


@pytest.mark.parametrize("question", [
    "kerro botti mikä on sun lempiväri",
    "monelta alkaa työttömien yhdistyksen bingo kuhmossa?",
    "kirjoita mulle python-koodi joka laskee palkan",
])
def test_more_nobodys_rounds_69_72(engine, question):
    assert _nobodys(engine.answer(question)), (engine.answer(question).kind, _orgs(engine.answer(question)))


@pytest.mark.parametrize("question, organisation", [
    ("miten haetaan joustavaa hoitorahaa kun palaan töihin osa-aikaisesti?", "kela"),
    ("onko osa-aikaeläke vielä olemassa? oon 63", "pensions"),
    ("tarvitsen sairauslomatodistuksen, asun kajaanissa ja oon töissä", "kainuun_hyvinvointialue"),
    ("jäin ilman asuntoa ja tarvitsen hätämajoitusta tänä yönä, asun kajaanissa", "kainuun_hyvinvointialue"),
    ("täytin kassan hakemuksen väärin, miten korjaan? asun sotkamossa", "unemployment_fund"),
])
def test_their_matters_in_more_words_rounds_69_72(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_a_relatives_fluent_finnish_keeps_them_at_the_home_point(engine):
    answer = engine.answer("Mieheni on venäläinen mutta puhuu sujuvaa suomea ja asuu Kuhmossa. Hän jäi työttömäksi, "
                           "minne hänen pitäisi mennä?")
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"], _points(answer)


def test_just_turned_thirty_is_past_ohjaamo(engine):
    answer = engine.answer("olen just täyttänyt 30, kävin aikoinaan ohjaamossa, mihin nyt? asun kajaanissa")
    assert _points(answer)[:1] == ["kajaani_virastotalo"], _points(answer)


@pytest.mark.parametrize("question, point", [
    ("asun kuhmossa, tarkotin siis puolangalla! missä työnhakijoiden palvelupiste?", "puolanka_kunnantalo"),
    ("tarvis löytää töitä, oon paltamolainen, kuka siellä ottaa vastaan työttömiä?", "paltamo_kunnantalo"),
    ("irtisanouduin itse, saako kassasta mitään? ja mistä apua uuen duunin hakuun, asun sotkamossa",
     "sotkamo_virastotalo"),
])
def test_corrections_receiving_and_job_search_rounds_69_72(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


def test_siis_mid_sentence_corrects_nothing(engine):
    answer = engine.answer("Asun Vaalassa ja käyn Kajaanissa kaupassa. Kuulunko siis Kajaanin työllisyyspalveluihin?")
    assert answer.kind == OUT_OF_AREA, (answer.kind, _points(answer))


def test_someone_who_hires_nobody_asks_the_employer_services_nothing_beside_their_matter(engine):
    answer = engine.answer("mulla on työpaikka pienessä firmassa ja tarvitsen lääkärintodistuksen, asun kuhmossa")
    assert "kainuun_hyvinvointialue" in _orgs(answer) and not _points(answer), (_orgs(answer), _points(answer))


def test_a_story_naming_the_capital_is_no_trivia(engine):
    answer = engine.answer("asuin Helsingissä mutta nyt asun Kuhmossa, työ jäi pääkaupunkiin. mistä aloitan työnhaun?")
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"], (answer.kind, _points(answer))


@pytest.mark.parametrize("question", [
    "vinkkaa joku hyvä leffa netflixiin, oon lomautettuna ja aikaa on",
    "kiitos ei mistään, idiootti",
    "Vem vann melodifestivalen i fjol?",
    "mitä lomautus on savon murteella?",
])
def test_more_asked_of_the_bot_rounds_73_76(engine, question):
    assert _nobodys(engine.answer(question)), (engine.answer(question).kind, _points(engine.answer(question)))


@pytest.mark.parametrize("question, point", [
    ("täytän 30 ensi kuussa, nyt siis 29, asun kajaanissa ja tarviin apua työnhakuun", "kajaani_ohjaamo"),
    ("oon 28... ei hetkinen, täytin just 30. kajaanissa asun, mihin meen?", "kajaani_virastotalo"),
    ("synnyin 1985 ja asun kuhmossa. onko mulle jotain koulutusta tarjolla?", "kuhmo_kaupungintalo"),
    ("tarviin työnhakusuunnitelman päivityksen, vanha ei vastaa yhtään tilannetta, asun paltamossa",
     "paltamo_kunnantalo"),
])
def test_ages_training_and_no_false_emergency_rounds_73_76(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point] and "emergency" not in _orgs(answer), (_points(answer), _orgs(answer))


def test_a_theft_at_work_is_the_polices(engine):
    answer = engine.answer("joku vei mun työkalut työmaalta yöllä, kuka tätä tutkii? asun sotkamossa")
    assert "poliisi" in _orgs(answer), _orgs(answer)


@pytest.mark.parametrize("question, organisation", [
    ("mulle ehdotettiin kuntouttavaa työtoimintaa, kuka sitä järjestää? asun kuhmossa", "kainuun_hyvinvointialue"),
    ("mistä saan rahaa vuokraan kun ei oo töitä? asun sotkamossa", "kela"),
    ("työkokeilussa jalka murtu, kuka maksaa sairausajalta? asun kuhmossa", "kela"),
])
def test_their_matters_in_more_words_rounds_73_76(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


@pytest.mark.parametrize("question", [
    "isä liukastui rappusissa eikä pääse ylös, mitä teen",
    "naapuri uhkailee veitsellä pihalla",
    "rintaa puristaa ja hiki tulee, oon kotona yksin",
    "poikaystävä lyö mua ja nyt se on taas humalassa kotona",
    "en jaksa mitään, aion tappaa itteni",
    "he hit me again and I am scared to go home",
])
def test_emergencies_in_more_words_rounds_77_84(engine, question):
    assert _orgs(engine.answer(question))[:1] == ["emergency"], _orgs(engine.answer(question))


def test_no_emergency_said_is_none(engine):
    answer = engine.answer("veli asuu tampereella ja haki töitä, minne hän menee? mulla ei oo hätää, oon töissä")
    assert "emergency" not in _orgs(answer), _orgs(answer)


@pytest.mark.parametrize("question, organisation", [
    ("olin keväällä lomautettuna mutta nyt oon taas töissä, verottaja vaatii lisää veroa. asun kuhmossa",
     "verohallinto"),
    ("My wife and I work full time in Kuhmo, how do we get the child benefit from Kela?", "kela"),
    ("paljonko eläkettä kertyy jos teen vielä töitä pari vuotta? oon 60, asun paltamossa", "pensions"),
])
def test_someone_working_asking_their_matter_gets_no_point_rounds_77_84(engine, question, organisation):
    answer = engine.answer(question)
    assert _orgs(answer)[:1] == [organisation] and not _points(answer), (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question, point", [
    ("verottaja ei kiinnosta nyt yhtään, kerro vaan missä kuhmon työllisyyspalvelut on", "kuhmo_kaupungintalo"),
    ("ei mulla oo mitään kelan asioita, pelkkä työnhaku. paltamossa asun", "paltamo_kunnantalo"),
])
def test_an_organisation_said_to_be_of_no_interest_is_not_answered_rounds_77_84(engine, question, point):
    answer = engine.answer(question)
    assert not _orgs(answer) and _points(answer)[:1] == [point], (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question", [
    "onko kuhmossa jotain kivaa lounaspaikkaa jossa vois syödä halvalla ennen kuin lähtee työpaikalle iltavuoroon",
    "mistä sotkamosta saa hyvät talvirenkaat edullisesti, työmatkaa kertyy päivässä 60 kilsaa ja vanhat on kuluneet",
    "Is the Kajaani ice hall open for public skating on Sunday? my kids keep asking and my work shift ends at four",
])
def test_a_general_work_word_beside_many_other_words_is_not_answered_confidently_rounds_77_84(engine, question):
    answer = engine.answer(question)
    assert answer.kind != ROUTE or answer.confidence < 0.6, (answer.kind, answer.confidence, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("kuhmolainen tässä hei, oon hakenu kymmeniä paikkoja syksyn mittaan eikä mitään kuulu, kuka vois auttaa",
     "kuhmo_kaupungintalo"),
    ("Jormuasta kirjoittelen, rakennusala hiljenny ja hommat loppu, mihin pitäis mennä juttelemaan",
     "kajaani_virastotalo"),
])
def test_a_writer_who_says_where_they_are_from_is_answered_with_confidence_rounds_77_84(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point] and answer.confidence >= 0.6, (_points(answer), answer.confidence)


@pytest.mark.parametrize("question", [
    "Mistä saa sen TE-kortin jolla työtön pääsee ilmaiseks kylpylään? Kuhmossa asun",
    "onko paltamossa se työnhakijapassi jolla saa kuntosalin puoleen hintaan",
    "onko hyrynsalmella se lomamökki jota työnhakijat voi vuokrata halvalla viikonlopuksi",
])
def test_a_perk_for_the_unemployed_nobody_here_knows_is_said_honestly_rounds_77_84(engine, question):
    answer = engine.answer(question)
    assert answer.kind != ROUTE or answer.confidence < 0.6, (answer.kind, answer.confidence, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("saako työtön ilmaiseksi työvoimakoulutukseen? asun kuhmossa", "kuhmo_kaupungintalo"),
    ("oon työtön, mistä saa ilmaista apua cv:n tekoon? asun sotkamossa", "sotkamo_virastotalo"),
])
def test_free_help_of_ours_is_still_ours_rounds_77_84(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question", [
    "hallilla ei anneta suojalaseja vaikka hitsataan, onko tää ok? sotkamossa oon töissä",
    "entisellä työpaikalla oli tosi vaarallisia koneita eikä kukaan välittäny, minne siitä voi kertoa? asun kuhmossa",
    "pomo sanoo että mun pitää olla kevytyrittäjä eikä työntekijä vaikka teen normaalit vuorot, kenelle tästä kerron",
    "työkaveri kaatui telineiltä viime kuussa ja mitään ei oo korjattu, kuka valvoo? oon töissä kajaanissa",
])
def test_unsafe_work_in_more_words_is_occupational_safetys_rounds_77_84(engine, question):
    assert _orgs(engine.answer(question))[:1] == ["tyosuojelu"], _orgs(engine.answer(question))


@pytest.mark.parametrize("question, point", [
    ("asun puolangalla mut joku sano et kajaani nykyään hoitaa kaikkien työnhakijoiden asiat, minne mä meen?",
     "puolanka_kunnantalo"),
    ("Kuhmossa asuvana kysyn, hoitaako Sotkamo nykyisin meidänkin työnhaun vai onko täällä oma piste?",
     "kuhmo_kaupungintalo"),
])
def test_the_writers_own_home_beats_a_place_said_to_handle_things_now_rounds_77_84(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question, point", [
    ("Asumme Kuhmossa. Vaimoni jäi työttömäksi ja hän katselee töitä Kajaanin sairaalasta, minne hänen pitää "
     "ilmoittautua?", "kuhmo_kaupungintalo"),
    ("me asutaan paltamossa, poika on alun perin kuusamosta ja jäi nyt työttömäks. mihin sen pitää mennä?",
     "paltamo_kunnantalo"),
])
def test_where_we_live_is_where_the_one_asked_about_lives_rounds_77_84(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question, point", [
    ("synnyin Puolassa mutta puhun sujuvasti suomea, en tarvii tulkkia. asun kuhmossa ja jäin työttömäksi, "
     "minne menen?", "kuhmo_kaupungintalo"),
    ("olen uusi suomessa, asun sotkamo, haluan työ", "kajaani_kaupungintalo"),
])
def test_who_needs_international_info_in_more_words_rounds_77_84(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


def test_a_job_offer_from_abroad_is_no_foreign_language_client(engine):
    answer = engine.answer("Sain työtarjouksen Norjasta ja muutan maaliskuussa, miten teen muuttoilmoituksen? "
                           "asun kuhmossa")
    assert _orgs(answer)[:1] == ["dvv"] and not _points(answer), (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question, point", [
    ("sotkamo... ei vaan kuhmo, sinne muutettiin keväällä. mihin meen työnhakijana", "kuhmo_kaupungintalo"),
    ("anteeks väärin kirjotettu: ei siis Kuusamo vaan Kuusamon naapurista Taivalkoskelta oon. missä mun työkkäri on?",
     "taivalkoski_kunnantalo"),
    ("Asun Kuhmossa, sori, Suomussalmella tarkoitin! Missä on työnhakijoiden palvelupiste?", "suomussalmi_kunnantalo"),
    ("Työpaikka on Kajaanissa, mutta en asu siellä vaan Paltamossa. Mistä apua uuden työn etsimiseen?",
     "paltamo_kunnantalo"),
])
def test_a_place_corrected_in_more_ways_rounds_77_84(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question, point", [
    ("oon 27, tai siis oikeasti jo 33, asun kajaanissa ja etsin töitä", "kajaani_virastotalo"),
    ("en oo mikään nuori enää, 34 täytin keväällä. kajaanissa asun ja haen töitä", "kajaani_virastotalo"),
    ("täytän ensi vuonna 30, nyt vielä 28. kajaanissa asun ja oon työtön", "kajaani_ohjaamo"),
    ("kävin joskus ohjaamossa, nyt 33 ja taas työtön kajaanissa, minne meen", "kajaani_virastotalo"),
])
def test_ages_said_in_more_ways_rounds_77_84(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question", [
    "Onko Kuhmon torilla vielä se nakkikioski?",
    "Milloin Paltamon kirpputori on auki lauantaisin?",
])
def test_a_place_and_a_word_nothing_explains_is_not_answered_confidently_rounds_77_84(engine, question):
    answer = engine.answer(question)
    assert answer.kind != ROUTE or answer.confidence < 0.6, (answer.kind, answer.confidence, _points(answer))


def test_a_home_said_as_kotipaikka_is_answered_with_confidence(engine):
    answer = engine.answer("pätkä loppuu ennen joulua, kotipaikka kuhmo")
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"] and answer.confidence >= 0.6, (
        _points(answer), answer.confidence)


@pytest.mark.parametrize("question, point", [
    ("asun sotkamossa.. ei ku muutettiin just kuhmoon, mihin ilmottaudun työttömäks", "kuhmo_kaupungintalo"),
    ("Asun Kuhmossa mutta isä asuu Kajaanissa ja käyn siellä usein, kun hän tarvitsee apua. Jäin työttömäksi, "
     "kenen puoleen käännyn?", "kuhmo_kaupungintalo"),
    ("Muutin vaimoni perässä Sotkamoon kun hän sai töitä sieltä, ennen asuin Oulussa. Mistä apua työnhakuun?",
     "sotkamo_virastotalo"),
])
def test_whose_home_in_more_stories_rounds_85_88(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


def test_reporting_bad_treatment_and_finding_new_work_gets_both(engine):
    answer = engine.answer("Irtisanouduin kun pomo haukkui joka päivä. Haluan ilmoittaa siitä jonnekin ja löytää uuden "
                           "työpaikan. Asun Kuhmossa.")
    assert _orgs(answer)[:1] == ["tyosuojelu"] and _points(answer)[:1] == ["kuhmo_kaupungintalo"], (
        _orgs(answer), _points(answer))


@pytest.mark.parametrize("question", [
    "missä kuhmossa kokoontuu työttömien bändikerho?",
    "missä sotkamossa on työttömien sählyvuoro?",
])
def test_a_thing_for_the_unemployed_nobody_here_knows_is_said_honestly_rounds_85_88(engine, question):
    answer = engine.answer(question)
    assert answer.kind != ROUTE or answer.confidence < 0.6, (answer.kind, answer.confidence, _points(answer))


def test_training_for_the_unemployed_in_a_compound_is_still_ours(engine):
    answer = engine.answer("onko työttömille trukkikorttikoulutusta? asun sotkamossa")
    assert _points(answer)[:1] == ["sotkamo_virastotalo"], _points(answer)


@pytest.mark.parametrize("question, organisation", [
    ("firma ei anna suojahanskoja vaikka käsitellään happoja, kenelle ilmoitan?", "tyosuojelu"),
    ("vuorolistat on sekaisin, 12 päivää putkeen ilman vapaata. saako näin tehdä? oon töissä kuhmossa", "tyosuojelu"),
    ("tarviin osoitetodistuksen vuokranantajalle, mistä sen saa? asun sotkamossa", "dvv"),
    ("alkoholi ja päihteet vei duunin, haluan hoitoon. asun paltamossa", "kainuun_hyvinvointialue"),
    ("lomautus alkaa maanantaina, mistä rahat kun oon PAMin kassassa? asun kuhmossa", "unemployment_fund"),
])
def test_their_matters_in_more_words_rounds_85_88(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


@pytest.mark.parametrize("question", [
    "kerro mulle satu peikosta joka asuu Vuokatissa ja hakee töitä, lapset odottaa",
    "can you help me write a cover letter joke for my friend in Kuhmo lol",
])
def test_more_asked_of_the_bot_rounds_85_88(engine, question):
    assert _nobodys(engine.answer(question)), (engine.answer(question).kind, _points(engine.answer(question)))


@pytest.mark.parametrize("question, organisation", [
    ("Olin viime keväänä työttömänä, nyt oon ollu töissä elokuusta. Kela vaatii rahoja takaisin, voiko "
     "maksuaikaa saada? Asun Kuhmossa", "kela"),
    ("Toiminimellä teen siivoushommia Kuhmossa, miten arvonlisäveroilmoitus tehdään?", "verohallinto"),
    ("Do I need to keep paying the unemployment fund? Just signed a contract in Sotkamo.", "unemployment_fund"),
])
def test_someone_working_or_in_business_asking_their_matter_gets_no_point_rounds_85_88(engine, question, organisation):
    answer = engine.answer(question)
    assert _orgs(answer)[:1] == [organisation] and not _points(answer), (_orgs(answer), _points(answer))


def test_a_thing_got_is_the_verbs_first_object(engine):
    answer = engine.answer("Sain potkut ja työpaikalla kiusattiin koko ajan. Haluan ilmoittaa siitä ja etsiä uutta "
                           "työtä. Asun Kuhmossa.")
    assert _orgs(answer)[:1] == ["tyosuojelu"] and _points(answer)[:1] == ["kuhmo_kaupungintalo"], (
        _orgs(answer), _points(answer))


@pytest.mark.parametrize("question, point", [
    ("moi, muutin oulust sotkamoon duunin perässä mut duuni loppu. mis täällä on työkkäri?", "sotkamo_virastotalo"),
])
def test_a_clipped_from_case_is_where_the_move_began(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


def test_a_quiz_question_is_nobodys(engine):
    assert _nobodys(engine.answer("Kuinka monta saarta Suomessa on? Tarviin tätä tietovisaan"))


def test_a_bonus_nobody_knows_in_any_case_is_said_honestly(engine):
    answer = engine.answer("mistä haen sen uuden 300 euron työttömyysbonuksen joka maksetaan kesällä?")
    assert answer.kind != ROUTE and answer.kind != "clarify", answer.kind


def test_offering_to_translate_is_no_request_to_the_bot(engine):
    answer = engine.answer("My husband is from Syria and speaks no Finnish yet. We live in Kuhmo. Where can he get "
                           "help finding work? I can come with him to translate.")
    assert _points(answer)[:1] == ["kajaani_kaupungintalo"], (answer.kind, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("en oo kuhmosta vaikka moni niin luulee, vaan sotkamosta. missä meillä on se työllisyyspalvelu?",
     "sotkamo_virastotalo"),
    ("kävin ovella eikä siellä ollu ketään, ovessa vaan joku lappu. missä kuhmon työllisyyspalvelut nyt on? asun "
     "kuhmossa", "kuhmo_kaupungintalo"),
])
def test_not_here_but_there_said_far_apart_rounds_91_94(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question, point", [
    ("mie oon sotkamolaanen ja etin töetä, mihinkä pittää männä", "sotkamo_virastotalo"),
    ("otanmäkeläinen tässä, missä lähin työkkäri?", "kajaani_virastotalo"),
])
def test_demonyms_in_dialect_and_of_villages_rounds_91_94(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question, out_of_area", [
    ("I'm from Kuhmo originally but I've lived in Tampere for ten years now. I lost my job, where do I register?",
     True),
    ("olen alun perin Sotkamosta mutta asun nyt Oulussa, jäin työttömäksi. minne ilmoittaudun?", True),
])
def test_where_one_is_from_originally_is_not_home_rounds_91_94(engine, question, out_of_area):
    assert engine.answer(question).out_of_area is out_of_area, engine.answer(question).kind


@pytest.mark.parametrize("question, organisation", [
    ("apua meidän sauna palaa kuhmossa, mihin soitan", "emergency"),
    ("joku on ottanu pikavippejä mun nimellä lainoja, mitä teen?", "poliisi"),
    ("esimies lähettää asiattomia viestejä öisin, kenelle ilmoitan?", "tyosuojelu"),
    ("kassa ei oo maksanu mitään kahteen kuukauteen, mitä teen? asun sotkamossa", "unemployment_fund"),
    ("menetänkö kassan jäsenyyden jos alotan yrittäjänä?", "unemployment_fund"),
])
def test_their_matters_in_more_words_rounds_91_94(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


@pytest.mark.parametrize("question, organisation", [
    ("pesti loppu, mitä teen kassan kanssa ja mihin ilmottaudun? asun kuhmossa", "unemployment_fund"),
    ("veroehdotuksessa on isot mätkyt, kenelle soitan? asun paltamossa", "verohallinto"),
    ("isän puhe on sekavaa ja käsi ei nouse, mitä teen", "emergency"),
    ("mieliala ollu pitkään matalalla, haluisin jutella ammattilaisen kanssa. asun kajaanissa",
     "kainuun_hyvinvointialue"),
    ("haluisin päästä katkolle ja sitten takasin töihin, asun sotkamossa", "kainuun_hyvinvointialue"),
    ("Our warehouse has no proper gloves for the freezer. Who enforces safety rules?", "tyosuojelu"),
])
def test_their_matters_in_more_words_rounds_95_98(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


@pytest.mark.parametrize("question, point", [
    ("moi, mina asun sotkamo. en puhu hyvin suomi. haluan työ", "kajaani_kaupungintalo"),
])
def test_little_finnish_said_plainly_is_international_infos_rounds_95_98(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


def test_my_age_is_then_corrected(engine):
    answer = engine.answer("mun ikä on 27.. tai siis 34, näppäilin väärin. asun kajaanissa, mihin meen työnhaun kanssa")
    assert _points(answer)[:1] == ["kajaani_virastotalo"], _points(answer)


def test_studies_that_ended_are_the_persons_past_rounds_95_98(engine):
    answer = engine.answer("opiskelut kamkissa loppu keväällä ja nyt haen töitä, asun kuhmossa. mihin meen?")
    assert not _orgs(answer) and _points(answer)[:1] == ["kuhmo_kaupungintalo"], (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question, point", [
    ("Kuhmossa asuva 50-vuotias kirvesmies, työt loppu. Mihin toimistoon pitää mennä?", "kuhmo_kaupungintalo"),
    ("En ole mikään nuori, 48 vuotta, asun Kajaanissa. Minne työttömänä?", "kajaani_virastotalo"),
    ("synt. 2003 ja asun kajaanissa, tarviin apua työnhakuun", "kajaani_ohjaamo"),
])
def test_who_the_writer_is_in_more_words_rounds_99_102(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question", [
    "Can I charge my electric car anywhere in Puolanka? I'm driving there for work next week",
    "Onko Sotkamossa karhuja liikkeellä? Kävelen aamuisin töihin metsätietä",
    "Any good running trails in Kuhmo? I jog after work most days",
    "mikä on nopein reitti suomussalmelta hossaan talvella, työkeikka alkaa maanantaina",
])
def test_going_to_work_or_with_workmates_beside_a_place_asks_no_job_seekers_question(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("haluun takasin töihin, asun kuhmossa", "kuhmo_kaupungintalo"),
    ("55-vuotias, oon ollu koko ikäni metsätöissä. hyrynsalmi", "hyrynsalmi_kunnantalo"),
])
def test_work_words_of_a_person_who_says_who_they_are_stay_ours(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question", [
    "työkkärin parkkipaikalla oli eilen ihan hirvee liukasta, melkein kaaduin 😠",
    "te botit ja työkkärin tädit ootte kaikki yhtä turhia, ei mitään hyötyä kenellekään",
])
def test_our_office_named_beside_another_thing_is_said_honestly_not_asked_a_place(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_getting_into_a_service_of_ours_still_asks_the_municipality(engine):
    assert engine.answer("miten pääsen työkokeiluun?").kind == "clarify"


@pytest.mark.parametrize("question, organisation", [
    ("rahat ei riitä vuokraan tässä kuussa, oon työtön, kuhmo", "kela"),
    ("muutin kajaaniin, pitää päivittää osoite kaikkialle, miten?", "dvv"),
    ("tarviin neuvoja talouden kanssa, laskuja on rästissä", "debt_advice"),
    ("Chefen tvingar mig att jobba utan paus hela dagen. Vem kan hjälpa? Jag bor i Kajaani.", "tyosuojelu"),
    ("miten haen kouluun kun oon työtön? asun puolangalla", "opintopolku"),
])
def test_their_matters_in_more_words_rounds_107_108(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_retraining_said_as_one_word_is_ours(engine):
    answer = engine.answer("uudelleenkouluttautuminen kiinnostaa, asun paltamossa")
    assert _points(answer)[:1] == ["paltamo_kunnantalo"], (answer.kind, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("no ei, en oo ulkomaalainen vaikka sukunimi on outo. asun kuhmossa, minne työnhakuun", "kuhmo_kaupungintalo"),
    ("puhun vain suomea, asun sotkamossa, mihin meen työttömänä", "sotkamo_virastotalo"),
    ("kuuluuko International Info minulle? oon suomalainen, 50v, asun kajaanissa ja oon työtön", "kajaani_virastotalo"),
    ("vaimo puhuu vain vähän suomea, asumme kajaanissa, minne hän menee työnhakuun", "kajaani_kaupungintalo"),
])
def test_a_finn_is_no_foreign_language_client_whatever_is_named_rounds_107_108(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], _points(answer)
    assert ("kajaani_kaupungintalo" in _points(answer)) == (point == "kajaani_kaupungintalo"), _points(answer)


@pytest.mark.parametrize("question", [
    "Kaveri sano että Kela antaa työttömille ilmaisen bussikortin, mistä sen saa?",
    "Mikä on se kuntien työllisyyskortti jolla pääsee ilmaiseksi kylpylään? tarviiko siihen henkilökortin",
])
def test_a_free_perk_is_nobodys_whoever_else_is_named_farther_off(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer) and not _orgs(answer), (answer.kind, _orgs(answer))


@pytest.mark.parametrize("question, organisation", [
    ("pomo teettää ilmaisia ylitöitä joka viikko, kenelle valitan?", "tyosuojelu"),
    ("onks täällä ilmasta apua kun pikavipit kasvaa", "debt_advice"),
])
def test_free_help_or_unpaid_work_beside_their_matter_stays_theirs(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


@pytest.mark.parametrize("question, organisation", [
    ("tarviin palkkatodistuksen kassaa varten, mistä?", "unemployment_fund"),
    ("miten ulkomaisen työntekijän työnteko-oikeus tarkistetaan", "migri"),
    ("läheltä piti -tilanne työmaalla tänään, kenelle ilmoitan", "tyosuojelu"),
])
def test_their_matters_in_more_words_rounds_109_110(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


@pytest.mark.parametrize("question, point", [
    ("olen 27, siis anteeksi 37, asun kajaanissa ja haen töitä", "kajaani_virastotalo"),
    ("Asun Puolangalla, eiku anteeks, muutettiin jo syyskuussa Paltamoon ja kaikki on kesken. Mihin ilmoittaudun?",
     "paltamo_kunnantalo"),
    ("olen ollut yhdellä työnantajalla koko ikäni enkä tiedä miten ilmoittaudutaan työttömäksi, asun taivalkoskella",
     "taivalkoski_kunnantalo"),
])
def test_corrections_and_a_long_time_at_one_employer_rounds_109_110(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question", [
    "Työnantaja vaatii mua tekemään ylitöitä ilman korvausta, kuka tähän voi puuttua? asun kuhmossa",
    "teen töitä kaupassa ja työnantaja ei anna lounastaukoa, kenelle ilmoitan? paltamo",
])
def test_the_writers_employer_is_the_other_party_not_the_writer(engine, question):
    answer = engine.answer(question)
    assert answer.kind == OTHER_ORGANISATION and _orgs(answer) == ["tyosuojelu"], (answer.kind, _orgs(answer))
    assert "employer" not in answer.audience, answer.audience


def test_an_employer_saying_so_is_still_an_employer(engine):
    assert "employer" in engine.answer("olen työnantaja kajaanissa ja haen työntekijää").audience


@pytest.mark.parametrize("question, point", [
    ("oon työtön ja mietin yrittäjäks ryhtymistä, kuka neuvoo aloittavaa yrittäjää, saako starttirahaa? sotkamo",
     "sotkamo_virastotalo"),
    ("Mistä näkee avoimia työpaikkoja Kuhmossa ja kuka auttaa hakemisessa? asun kuhmossa", "kuhmo_kaupungintalo"),
    ("Kela sanoo että ne tarvii työvoimaviranomaisen lausunnon, mistä sellaisen saa? asun hyrynsalmella",
     "hyrynsalmi_kunnantalo"),
])
def test_a_job_seekers_start_up_grant_vacancies_and_statement_are_no_employers_questions(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], (_points(answer), answer.audience)
    assert "yrittäj" in question or "employer" not in answer.audience, answer.audience


def test_an_employer_with_a_vacancy_is_still_an_employer(engine):
    assert "employer" in engine.answer("meillä ois avoin työpaikka kokille, mihin ilmoitan? kajaani").audience


@pytest.mark.parametrize("question, point", [
    ("Jag bor här sedan tre år, i Sotkamo, och är arbetslös. Vart ska jag?", "sotkamo_virastotalo"),  # "tre" is three
    ("Olen yrittäjä ja asun Kuhmossa mutta toiminimi ei elätä, mietin lopettavani. Mistä aloitan työnhaun?",
     "kuhmo_kaupungintalo"),
    ("Jäin pois hommista ja aion ryhtyä itse yrittäjäksi. Saanko starttirahaa? Asun Kuusamossa",
     "kuusamo_kaupungintalo"),
])
def test_three_years_a_business_closing_and_a_start_up_grant_rounds_111_114(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


def test_a_slang_name_written_with_its_ending_is_still_the_city(engine):
    answer = engine.answer("tre:ssä asun ja oon työtön, minne ilmoittaudun")
    assert answer.kind == OUT_OF_AREA, answer.kind


@pytest.mark.parametrize("question", [
    "onko Sotkamon virastotalon aulassa kahviautomaattia?",
    "Kuhmon kaupungintalon parkkipaikalla saako pitää autoa yön yli",
])
def test_a_thing_of_the_building_is_not_the_service_in_it(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_a_discount_for_the_unemployed_past_the_place_names_is_a_perk_nobody_knows(engine):
    answer = engine.answer("Saako työtön alennusta Sotkamon Vuokatin kylpylälipuista?")
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_a_free_health_check_is_the_wellbeing_countys(engine):
    answer = engine.answer("onko työttömille maksutonta terveystarkastusta kuhmossa?")
    assert "kainuun_hyvinvointialue" in _orgs(answer), _orgs(answer)


def test_an_emergency_already_called_leaves_whose_the_accident_is(engine):
    answer = engine.answer("Kaveri loukkasi kätensä koneessa, 112:een soitettiin jo. Kenelle muuten ilmoitetaan?")
    assert _orgs(answer) == ["tyosuojelu"], _orgs(answer)


@pytest.mark.parametrize("question, organisation", [
    ("en päässyt kouluun, missä on lisähaku? asun sotkamossa, 18v", "opintopolku"),
    ("Mulla on kassa, mutta lomautus alkaa, mistä haen rahaa? asun kuusamossa", "unemployment_fund"),
])
def test_their_matters_in_more_words_rounds_111_114(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_a_hotel_for_a_swedish_job_interview_is_nobodys(engine):
    answer = engine.answer("Finns det något bra hotell i Kuhmo? Jag har jobbintervju där på måndag")
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_a_made_up_point_of_ours_is_said_honestly_and_a_real_one_is_found(engine):
    made_up = engine.answer("missä on kuhmon työllisyyspalveluiden ostoskeskuspiste?")
    assert _nobodys(made_up), (made_up.kind, _points(made_up))
    assert _points(engine.answer("Vuolijoella asun, missä lähin työllisyyspiste?"))[:1] == ["kajaani_virastotalo"]


@pytest.mark.parametrize("question", [
    "kerro joku vitsi, viikko töissä on ollu tosi raskas",   # "raskas" (heavy) is no "raskaus" (pregnancy)
    "osaatko laulaa jotain kivaa",
    "mitä 'työhakemus' on japaniksi?",
])
def test_requests_of_the_bot_are_nobodys_rounds_111_114(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer) and not _orgs(answer), (answer.kind, _orgs(answer))


def test_a_pregnancy_at_work_is_occupational_safetys(engine):
    answer = engine.answer("olen raskaana ja työnantaja haluaa purkaa sopimuksen, kenelle valitan")
    assert "tyosuojelu" in _orgs(answer), _orgs(answer)


def test_their_matter_goes_with_a_person_outside_the_area(engine):
    answer = engine.answer("Asun Iisalmessa ja jäin työttömäksi, mistä haen asumistukea ja mihin ilmoittaudun?")
    assert answer.kind == OUT_OF_AREA and _orgs(answer) == ["kela"], (answer.kind, _orgs(answer))
    assert "kela.fi" in answer.text and "Iisalmi" in answer.text


@pytest.mark.parametrize("question", [
    "mistä saa työllisyyspalveluiden fanituotteita? haluisin pipon",
    "Voinko tilata TE-toimiston logolla varustetun kahvimukin?",
])
def test_merchandise_with_our_name_on_it_is_nobodys(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_a_machine_on_its_side_with_the_driver_stuck_is_an_emergency(engine):
    assert _orgs(engine.answer("traktori kaatui kyljelleen ja kuski on jumissa, apua")) == ["emergency"]


def test_exactly_thirty_is_past_the_youth_point(engine):
    answer = engine.answer("oon tasan 30 ja asun kajaanissa, pääsenkö vielä ohjaamoon?")
    assert _points(answer)[:1] == ["kajaani_virastotalo"], _points(answer)


@pytest.mark.parametrize("question, organisation", [
    ("kassan päiväraha loppuu kohta, mistä sen jälkeen saa rahaa? asun sotkamossa", "kela"),
    ("kuulun liittoon, mistä saan päivärahaa lomautuksen ajalta? kuhmo", "unemployment_fund"),
    ("joku on ottanut nimissäni lainaa, kenelle ilmoitan?", "poliisi"),
    ("uni ei tuu kun työt loppu, kenelle voisin puhua? asun paltamossa", "kainuun_hyvinvointialue"),
])
def test_their_matters_in_more_words_rounds_115_118(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_full_time_work_is_a_job_held(engine):
    answer = engine.answer("teen täyttä työtä, saanko silti asumistukea? kajaani")
    assert answer.kind == OTHER_ORGANISATION and _orgs(answer) == ["kela"], (answer.kind, _orgs(answer))


def test_a_share_of_a_sum_is_arithmetic_whatever_tax_it_names(engine):
    answer = engine.answer("paljonko on 14 % alv 560 eurosta?")
    assert _nobodys(answer) and not _orgs(answer), (answer.kind, _orgs(answer))


@pytest.mark.parametrize("question, organisation", [
    ("en saa töitä. kela-asiat on ihan sekaisin, asun kuhmossa", "kela"),   # a negation in the sentence before
    ("mistä haetaan lähestymiskieltoa? asun sotkamossa", "poliisi"),
])
def test_their_matters_in_more_words_rounds_99_118(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_a_trade_fair_one_is_sent_to_is_no_recruitment_fair(engine):
    answer = engine.answer("työnantaja lähettää mut messuille ruotsiin, passi on vanha, mistä uusi? asun kuhmossa")
    assert answer.kind == OTHER_ORGANISATION and _orgs(answer) == ["poliisi"], (answer.kind, _orgs(answer))


def test_labour_market_training_without_a_municipality_asks_it(engine):
    answer = engine.answer("Miten pääsen työvoimakoulutukseen? Kiinnostaisi hitsaus.")
    assert answer.kind == "clarify" and answer.needs_clarification, answer.kind


@pytest.mark.parametrize("question", [
    "mikä ois kiva lahjaidea työkaverille joka jää eläkkeelle?",
    "mitä on 'työnhakija' saksaksi?",
])
def test_a_gift_or_a_translation_asked_of_the_bot_is_nobodys_whatever_it_names(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer) and not _orgs(answer), (answer.kind, _orgs(answer))


def test_the_day_kela_pays_is_kelas(engine):
    assert "kela" in _orgs(engine.answer("minä päivänä kela maksaa työmarkkinatuen? asun kuhmossa"))


@pytest.mark.parametrize("question, organisation", [
    ("voinko saada kassasta jotain jos mut lomautetaan? asun kuhmossa", "unemployment_fund"),
    ("Mistä saa lastenvalvojan ajan? asun paltamossa", "kainuun_hyvinvointialue"),
])
def test_their_matters_in_more_words_rounds_119_122(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_a_restaurant_asked_in_german_is_nobodys(engine):
    answer = engine.answer("Wann öffnet das Restaurant in Sotkamo?")
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_bleeding_at_work_in_english_is_an_emergency(engine):
    answer = engine.answer("coworker cut his hand on the saw, lots of blood, what number do we call? we are near Kuhmo")
    assert _orgs(answer) == ["emergency"] and not _points(answer), (_orgs(answer), _points(answer))


def test_a_small_business_owner_is_an_employer(engine):
    assert "employer" in engine.answer("Pienyrittäjä Kajaanista, miten saisin jonkun työkokeiluun pajalle?").audience


@pytest.mark.parametrize("question, point", [
    ("En oo kuhmolainen vaikka moni niin luulee, oon sotkamolainen ja etin töitä. Mihin otan yhteyttä?",
     "sotkamo_virastotalo"),                                          # "en oo X-lainen" denies the place
    ("Yhteishankintakoulutus, mitä se on? Voiko semmoseen päästä Kuhmosta?", "kuhmo_kaupungintalo"),
    ("Mä ja veli etitään töitä. Mä asun Paltamossa ja se asuu Kajaanissa. Mihin mun pitää mennä?",
     "paltamo_kunnantalo"),                                           # "se asuu" is the brother's home
])
def test_a_denied_demonym_joint_purchase_training_and_a_siblings_home_round_123(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question, organisation", [
    ("joku huijari soitti ja kysyi tietoja, kenelle ilmoitan? asun kajaanissa", "poliisi"),
    ("montako omavastuupäivää kassa pitää?", "unemployment_fund"),
    ("työkaveri sai sairaskohtauksen, mikä numero?", "emergency"),
    ("Min arbetsgivare betalar inte lönen, vart vänder jag mig? Jag bor i Kuhmo", "tyosuojelu"),
])
def test_their_matters_in_more_words_rounds_123_126(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


def test_coming_to_our_office_is_ours(engine):
    answer = engine.answer("asun kuhmossa, voiko teidän toimistolle tulla ilman aikaa? jonot puhelimessa on pitkiä")
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"], (answer.kind, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("Mistä tarkistan mikä mun virallinen kotikunta on?", "dvv"),
    ("kassa sanoo et tulee karenssi, kauanko se on?", "unemployment_fund"),
    ("Jag jobbar på bygget utan säkerhetssele, vem kan jag kontakta?", "tyosuojelu"),
])
def test_their_matters_in_more_words_round_123(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


def test_a_market_day_is_nobodys_and_a_pay_subsidy_voucher_ours(engine):
    assert _nobodys(engine.answer("milloin on kuhmon markkinat?"))
    assert _points(engine.answer("miten saan palkkatukisetelin? asun sotkamossa"))[:1] == ["sotkamo_virastotalo"]


@pytest.mark.parametrize("question", [
    "mikä on paras kebabpaikka sotkamossa? duunikaverit ei osaa sanoa",
    "Onko Kuusamossa hyvää hierojaa joka ottaa iltaisin? Teen vuorotöitä ja selkä on jumissa",
    "Any nice canoe routes near Kuhmo? We have a week off work in July",
    "Montako kuppia kahvia juodaan työpaikan kahvihuoneessa Sotkamossa päivässä keskimäärin, arvaatko?",
])
def test_workmates_shifts_and_time_off_beside_a_place_ask_nothing_of_ours(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("Vem ska jag kontakta efter en arbetsolycka på bygget?", "tyosuojelu"),
    ("Miten haen ajokorttiluvan? asun kuhmossa", "poliisi"),
    ("Tarviin sairaanhoitokortin ennen matkaa, mistä tilaan?", "kela"),
    ("Voiko saada hätärahaa ku palkka ei tullu? Kajaani", "kela"),
])
def test_their_matters_in_more_words_rounds_103_134(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


@pytest.mark.parametrize("question, point", [
    ("Mulla on oma firma Kuusamossa mutta töitä ei tuu, pitääkö mun ilmoittautua työnhakijaksi?",
     "kuusamo_kaupungintalo"),
    ("Olen sivutoiminen yrittäjä Kuhmossa, saanko silti olla työnhakijana?", "kuhmo_kaupungintalo"),
    ("Yrittäjä Hyrynsalmelta, voinko olla yrittäjä ja työnhakijana samaan aikaan?", "hyrynsalmi_kunnantalo"),
])
def test_an_owner_asking_to_be_a_job_seeker_asks_as_one(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], (answer.kind, answer.audience, _points(answer))


def test_an_owner_hiring_someone_long_unemployed_is_still_an_employer(engine):
    answer = engine.answer("Pyöritän toiminimellä kahvilaa Paltamossa ja haluaisin palkata pitkään työttömänä olleen "
                           "kokin palkkatuella, miten?")
    assert "employer" in answer.audience, answer.audience


@pytest.mark.parametrize("question, organisation", [
    ("Onko tää sallittua: pomo teettää sunnuntaityötä ilman sunnuntaikorotusta. Kuusamo", "tyosuojelu"),
    ("kuulun ertoon, miten haen päivärahaa kun lomautus alkaa?", "unemployment_fund"),
    ("hoitaako kela elatustuen jos isä ei maksa?", "kela"),
])
def test_their_matters_in_more_words_rounds_139_142(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


def test_snow_asked_in_swedish_is_nobodys(engine):
    answer = engine.answer("Hur mycket snö är det i Sotkamo nu?")
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_a_contract_just_ended_beside_kelas_matter_also_gets_the_home_point(engine):
    answer = engine.answer("Työsopimus loppui perjantaina, saako kelasta toimeentulotukea? Asun Sotkamossa")
    assert _orgs(answer)[:1] == ["kela"] and _points(answer)[:1] == ["sotkamo_virastotalo"], (_orgs(answer),
                                                                                             _points(answer))


@pytest.mark.parametrize("question", [
    "pääsin kesätöihin kauppaan, mistä saan verokortin? asun kajaanissa, oon 16",
    "Mulle tarjottiin töitä Ruotsista ja muutan sinne, miten muuttoilmoitus tehdään? asun sotkamossa",
])
def test_a_job_just_got_beside_their_matter_needs_no_point_of_ours(engine, question):
    answer = engine.answer(question)
    assert _orgs(answer) and not _points(answer), (_orgs(answer), _points(answer))


def test_a_fund_asked_about_by_someone_with_a_steady_job_is_the_funds_matter(engine):
    answer = engine.answer("Paljonko kassan jäsenmaksu on kun on vakituinen duuni? asun paltamossa")
    assert _orgs(answer)[:1] == ["unemployment_fund"] and not _points(answer), (_orgs(answer), _points(answer))


def test_studies_agreed_with_us_name_the_school_applications_only_when_applying_is_asked(engine):
    ours = engine.answer("Voinko opiskella omaehtoisesti datanomiksi ja pitää tuen? Asun Paltamossa ja ammattitutkinto "
                         "kiinnostaa")
    applying = engine.answer("Mistä haetaan ammattikouluun ja voinko opiskella omaehtoisesti tuella? asun paltamossa")
    assert _points(ours)[:1] == ["paltamo_kunnantalo"] and not _orgs(ours), _orgs(ours)
    assert _orgs(applying)[:1] == ["opintopolku"] and _points(applying)[:1] == ["paltamo_kunnantalo"]


@pytest.mark.parametrize("question, organisation", [
    ("pelkään että teen itselleni jotain, työt meni ja kaikki", "emergency"),
    ("olen Erkon kassassa ja lomautus alkaa, mitä teen? asun kuhmossa", "unemployment_fund"),
    ("kassa hylkäsi koska työssäoloehto ei täyty, mistä nyt rahaa? Kajaani", "kela"),
])
def test_their_matters_in_more_words_rounds_143_145(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


def test_a_wish_to_chat_beside_registering_is_no_small_talk_request(engine):
    answer = engine.answer("haluan vaan ilmoittautua työnhakijaksi ja jutella jonkun kanssa, asun kuhmossa")
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"], (answer.kind, _points(answer))


def test_someone_from_outside_asking_which_area_serves_them_gets_their_area(engine):
    answer = engine.answer("Pudasjärveltä olen, lähellä Taivalkosken rajaa. Kumpi minua palvelee, Taivalkoski vai joku "
                           "muu?")
    assert answer.out_of_area and answer.outside_place == "Pudasjärvi", (answer.kind, answer.outside_place)


def test_shop_hours_on_a_holiday_are_nobodys(engine):
    answer = engine.answer("Onko juhannuksena kaupat auki Kuhmossa?")
    assert _nobodys(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("rahat ei riitä lainanlyhennyksiin ku työt loppu, mistä apua raha-asioihin? kajaani", "debt_advice"),
    ("ensiapulaukkua ei oo työmaalla, minne voi ilmoittaa?", "tyosuojelu"),
])
def test_their_matters_in_more_words_round_146(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


def test_a_notice_period_ending_is_a_job_seekers_story(engine):
    answer = engine.answer("Oon töissä Kajaanissa mutta asun Paltamossa, irtisanomisaika loppuu. Kumpaan kuntaan otan "
                           "yhteyttä?")
    assert _points(answer)[:1] == ["paltamo_kunnantalo"], (answer.kind, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("alvit menee sekaisin, kuka neuvoo? yrittäjä Paltamosta", "verohallinto"),
    ("asun Kajaanissa ja asunnottomuus uhkaa, mistä apua?", "kainuun_hyvinvointialue"),
])
def test_their_matters_in_more_words_rounds_147_150(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


def test_a_steady_job_just_got_makes_the_fund_question_the_funds_alone(engine):
    answer = engine.answer("Sain vakityön Sotkamosta, kannattaako työttömyyskassaan liittyä? asun siellä")
    assert _orgs(answer)[:1] == ["unemployment_fund"] and not _points(answer), (_orgs(answer), _points(answer))


def test_school_group_work_is_no_work_word(engine):
    answer = engine.answer("Tehdään koulun ryhmätyötä, montako asukasta Kuhmossa on nykyään?")
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_a_demonym_after_not_but_is_the_home_not_a_place_visited_later(engine):
    answer = engine.answer("En oo sotkamolainen vaan kuhmolainen, vaikka käyn Sotkamossa usein. Minne menen "
                           "työnhakuasioissa?")
    assert answer.municipality == "kuhmo", answer.municipality


@pytest.mark.parametrize("question, point", [
    ("oon 21v paltamosta, pääsenkö ohjaamoon vai onko se vaan kajaanilaisille?", "paltamo_kunnantalo"),
    ("oon 18 hyrynsalmelta, kuulunko ohjaamoon vai omaan kuntaan?", "hyrynsalmi_kunnantalo"),
])
def test_a_home_introduced_with_an_age_between_is_no_option_weighed(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], _points(answer)


def test_at_the_workplace_is_being_at_work_beside_their_matter(engine):
    answer = engine.answer("Työpaikalla huudetaan ja esimies ei välitä, kuka tätä valvoo? Asun Sotkamossa")
    assert _orgs(answer)[:1] == ["tyosuojelu"] and not _points(answer), (_orgs(answer), _points(answer))


def test_an_employer_offering_the_writer_work_is_not_the_writer(engine):
    answer = engine.answer("Työnantaja tarjoaa keikkaa, pienentääkö se soviteltua päivärahaa kassasta? Pitääkö "
                           "ilmoittaa myös työllisyyspalveluihin? Olen kuhmolainen")
    assert "employer" not in answer.audience and _points(answer)[:1] == ["kuhmo_kaupungintalo"], (
        answer.audience, _points(answer))


def test_a_hiring_word_and_a_worker_in_different_sentences_hire_nobody(engine):
    answer = engine.answer("Etsitään töitä. Mies on hitsaaja ja minä kokki, asumme Kuhmossa. Mistä aloitetaan?")
    assert "employer" not in answer.audience and _points(answer)[:1] == ["kuhmo_kaupungintalo"], (
        answer.audience, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("tulee paniikkikohtauksia ku työt loppu, mistä apua? asun sotkamossa", "kainuun_hyvinvointialue"),
    ("Mistä haetaan raskausrahaa? asun kajaanissa", "kela"),
])
def test_their_matters_in_more_words_rounds_151_154(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


def test_weather_for_a_ski_trip_with_work_is_nobodys_in_swedish(engine):
    answer = engine.answer("Vad blir vädret i Kuhmo, vi åker skidor med jobbet")
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_the_affairs_of_the_unemployed_are_ours_not_a_perk_heard_of(engine):
    answer = engine.answer("kuka hoitaa nykyään työttömien asioita kuhmossa kun te-toimisto lopetettiin?")
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"], (answer.kind, _points(answer))


def test_a_relative_who_only_said_something_is_not_the_one_asked_for(engine):
    answer = engine.answer("Isä asuu Oulussa ja hän sanoi että ilmoittaudu sinne, mutta mä asun Paltamossa. Kumpi "
                           "auttaa mua?")
    assert answer.municipality == "paltamo", (answer.kind, answer.municipality)


@pytest.mark.parametrize("question, organisation", [
    ("naapurissa palaa, mitä teen", "emergency"),
    ("Työmaalla tikkaat on rikki ja pomo ei välitä, kenelle ilmoitan?", "tyosuojelu"),
])
def test_their_matters_in_more_words_rounds_157_158(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


def test_koti_before_a_place_says_where_the_writer_lives(engine):
    answer = engine.answer("Työpaikka on Kuusamossa, koti Taivalkoskella. Minne otan yhteyttä, Kuusamon "
                           "kaupungintalolle vai omaan kuntaan?")
    assert _points(answer)[:1] == ["taivalkoski_kunnantalo"], _points(answer)


@pytest.mark.parametrize("question, organisation", [
    ("auto ajoi ojaan ja kuski jumissa hytissä, apua", "emergency"),
    ("muutin kajaaniin, miten kotikunta siirretään virallisesti?", "dvv"),
])
def test_their_matters_in_more_words_rounds_155_156(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


def test_hesalainen_is_out_of_the_area_too(engine):
    answer = engine.answer("hesalainen oon, minne mun pitää mennä työnhakuasioissa?")
    assert answer.out_of_area and answer.outside_place == "Helsinki", (answer.kind, answer.outside_place)


def test_a_notice_period_told_in_a_job_seekers_phrase_names_no_work_safety_matter(engine):
    answer = engine.answer("En oo vielä työtön, irtisanomisaika loppuu ensi kuussa. Voinko jo ilmoittautua? Asun "
                           "Kuhmossa")
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"] and not _orgs(answer), (_points(answer), _orgs(answer))


@pytest.mark.parametrize("question, organisation", [
    ("lompakko vietiin bussissa, mitä teen? asun kajaanissa", "poliisi"),
    ("olen Pron jäsen ja lomautus alkaa, mitä teen ensin? Kuhmo", "unemployment_fund"),
])
def test_their_matters_in_more_words_rounds_159_162(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


def test_lahti_in_dialect_is_out_of_the_area(engine):
    answer = engine.answer("Lahessa asun, kuulunko teille?")
    assert answer.out_of_area and answer.outside_place == "Lahti", (answer.kind, answer.outside_place)


def test_kela_asking_money_back_is_no_village(engine):
    answer = engine.answer("nyt kela karhuaa liikaa maksettua rahaa takasin, oon työtön kuusamossa")
    assert answer.municipality == "kuusamo" and _orgs(answer)[:1] == ["kela"], (answer.municipality, _orgs(answer))


@pytest.mark.parametrize("question, organisation", [
    ("ammoniakkivuoto hallissa, mitä teen?", "emergency"),
    ("haluun järjestyksenvalvojaksi, mistä kortti haetaan? asun kuhmossa", "poliisi"),
])
def test_their_matters_in_more_words_rounds_163_166(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


@pytest.mark.parametrize("question", [
    "mulla on tradenomin amk-tutkinto mutta töitä ei löydy, asun kuhmossa. voinko saada palkkatukea?",
    "lähden ensi vuonna yliopistoon opiskelemaan, siihen asti oon työtön. mihin ilmoittaudun? asun paltamossa",
])
def test_studies_said_of_a_job_seekers_past_or_plans_ask_no_school_application(engine, question):
    answer = engine.answer(question)
    assert answer.kind == ROUTE and "opintopolku" not in _orgs(answer), (answer.kind, _orgs(answer))


@pytest.mark.parametrize("question", [
    "oon työtön, milloin on syksyn yhteishaku? asun kuhmossa",
    "mun tyttö on 16 ja haluis amikseen, milloin yhteishaku on? asutaan paltamossa",
    "olen työtön ja mietin lisähakua ammattikouluun, asun sotkamossa",
    "Jag är arbetslös i Kuhmo. Hur söker jag till yrkesskolan?",
])
def test_a_job_seeker_asking_about_applying_to_school_gets_the_application_service(engine, question):
    assert "opintopolku" in _orgs(engine.answer(question)), _orgs(engine.answer(question))


@pytest.mark.parametrize("question", [
    "osaan vähän suomea, asun kuhmossa. kuka auttaa löytämään työtä?",
    "tulin suomeen viime vuonna ja asun nyt paltamossa, tarvitsen töitä",
])
def test_a_little_finnish_or_just_arrived_is_a_foreign_language_client(engine, question):
    answer = engine.answer(question)
    assert "foreign_language" in answer.audience and "kajaani_kaupungintalo" in _points(answer), \
        (answer.audience, _points(answer))


def test_moving_back_to_finland_in_spoken_finnish_is_no_foreign_language_client(engine):
    answer = engine.answer("olin monta vuotta töissä ruotsissa ja muutin takas suomeen, nyt asun kuhmossa. "
                           "mihin otan yhteyttä kun en oo löytäny töitä?")
    assert "foreign_language" not in answer.audience and _points(answer)[:1] == ["kuhmo_kaupungintalo"], \
        (answer.audience, _points(answer))


def test_speaking_only_finnish_in_spoken_words_is_no_foreign_language_client(engine):
    answer = engine.answer("nimi on vieras mutta osaan vaan suomea ja vähän ruotsia, asun sotkamossa ja oon työtön")
    assert _points(answer)[:1] == ["sotkamo_virastotalo"], _points(answer)


@pytest.mark.parametrize("question, organisation", [
    ("kaveri sanoo että aikoo satuttaa itseään, se on ollut pitkään työtön. mitä teen?", "emergency"),
    ("My boss makes us work at heights without harnesses in Kajaani. Who can I tell?", "tyosuojelu"),
])
def test_their_matters_in_more_words_rounds_175_178(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


@pytest.mark.parametrize("question", [
    "Vad är klockan nu i Kuhmo?",
    "Var kan man fiska i Suomussalmi?",
    "ketä kansanedustajaa kannattaa äänestää kun on työtön kajaanissa?",
])
def test_what_nobody_here_handles_rounds_175_178(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, _points(answer))


def test_a_job_just_got_is_no_vacancy_to_announce(engine):
    answer = engine.answer("sain työpaikan 😊 täytyykö ilmoittaa jonnekin? kuhmossa asun")
    assert "employer" not in answer.audience and _points(answer)[:1] == ["kuhmo_kaupungintalo"], \
        (answer.audience, _points(answer))


def test_an_entrepreneur_whose_business_went_under_is_a_job_seeker(engine):
    answer = engine.answer("Oon ollu yrittäjä Hyrynsalmella mutta firma kaatui, nyt oon työtön. Minne?")
    assert "employer" not in answer.audience and _points(answer)[:1] == ["hyrynsalmi_kunnantalo"], \
        (answer.audience, _points(answer))


def test_going_back_to_the_warehouse_is_no_fire(engine):
    answer = engine.answer("sairausloma loppuu enkä voi palata entiseen työhön varastolle, pitäisikö ilmoittautua "
                           "työnhakijaksi? asun kuhmossa")
    assert "emergency" not in _orgs(answer) and "kuhmo_kaupungintalo" in _points(answer), \
        (_orgs(answer), _points(answer))


def test_smoke_with_words_between_is_still_an_emergency(engine):
    assert _orgs(engine.answer("naapurin saunasta tulee tosi paksua savua, mitä teen?"))[:1] == ["emergency"]


def test_parents_home_is_not_the_writers_beside_their_own(engine):
    answer = engine.answer("I live in Tampere and lost my job. My parents live in Sotkamo, where do I register as a "
                           "job seeker?")
    assert answer.out_of_area and answer.outside_place == "Tampere", (answer.kind, answer.outside_place)


def test_living_with_parents_is_the_writers_home(engine):
    answer = engine.answer("I studied in Oulu and now I live with my parents in Kuhmo again. Where do I register "
                           "as a job seeker?")
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"], (answer.kind, _points(answer))


@pytest.mark.parametrize("question", [
    "Mihin aikaan lähtee juna Kajaanista Kuopioon? Uus duuni alkaa siellä maanantaina",
    "Is there a good pub in Kuhmo to celebrate the end of the work week?",
    "Blir det snö i Kajana i helgen? Vi ska skida med arbetskamraterna",
])
def test_going_to_work_or_being_there_asks_no_job_seekers_question_rounds_179_182(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, answer.confidence, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("hallissa ei oo suojakaiteita ja pomo ei välitä, kenelle ilmoitan? asun kuhmossa", "tyosuojelu"),
    ("Our machines have no guards and the manager ignores it. Who can check this? I work in Kajaani", "tyosuojelu"),
    ("Han skar sig på jobbet och blöder, vad gör jag?", "emergency"),
    ("lomautuksen ajaksi haen rahaa liiton kassasta, miten? asun sotkamossa", "unemployment_fund"),
])
def test_their_matters_in_more_words_rounds_179_182(engine, question, organisation):
    assert _orgs(engine.answer(question))[:1] == [organisation], _orgs(engine.answer(question))


def test_a_sole_trader_asking_about_prepayment_tax_has_work(engine):
    answer = engine.answer("oon toiminimellä tehny siivoushommia kuhmossa, miten ennakkoveroa muutetaan?")
    assert answer.kind == "other_organisation" and _orgs(answer)[:1] == ["verohallinto"], (answer.kind, _orgs(answer))


def test_these_written_with_umlauts_is_no_woman_hired(engine):
    answer = engine.answer("tarvitsisin neuvoja näistä asioista, jäin työttömäksi. asun kuhmossa")
    assert "employer" not in answer.audience and _points(answer)[:1] == ["kuhmo_kaupungintalo"], \
        (answer.kind, answer.audience, _points(answer))


def test_a_young_persons_benefit_question_alone_is_their_organisations(engine):
    answer = engine.answer("oon 18 ja kajaanista, aloitan amiksessa syksyllä. miten opintotuki haetaan?")
    assert answer.kind == "other_organisation" and "kela" in _orgs(answer), (answer.kind, _points(answer))


def test_a_young_person_asking_for_guidance_beside_a_benefit_gets_ohjaamo_too(engine):
    answer = engine.answer("oon 18 ja kajaanista, en tiiä mitä haluun opiskella ja opintotuesta pitäis tietää")
    assert "kajaani_ohjaamo" in _points(answer), (answer.kind, _points(answer))


def test_rents_are_no_vuokatti(engine):
    answer = engine.answer("vuokrat on rästissä ja oon työtön, mihin meen?")
    assert answer.municipality is None and answer.needs_clarification, (answer.kind, answer.municipality)


@pytest.mark.parametrize("question, point", [
    ("Vuolijoelta moi! onko mun työllisyyspalvelut Sotkamossa vai missä?", "kajaani_virastotalo"),
    ("Kontiomäeltä kyselen, jäin työttömäksi ja Oulun firma lopetti. Minne menen?", "paltamo_kunnantalo"),
])
def test_a_message_opening_from_a_place_and_a_greeting_names_the_writers_home(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question", [
    "Onko Kuhmon kirjastossa lukupiiriä? Oon työtön niin aikaa on",
    "ku ei oo töitä niin ehtis hiihtää, onko Paltamossa hyviä latuja?",
    "Is there a gym in Kajaani with cheap day passes? I'm unemployed so I have time",
])
def test_out_of_work_as_the_reason_for_free_time_asks_no_job_seekers_question(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer), (answer.kind, answer.confidence, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("oon työtön ja aikaa ois, mutta mistä löydän töitä? asun kuhmossa", "kuhmo_kaupungintalo"),
    ("Mulla on aikaa nyt kun jäin työttömäksi, mihin ilmoittaudun? Sotkamo", "sotkamo_virastotalo"),
])
def test_having_time_beside_a_job_seekers_own_question_is_still_ours(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


def test_someone_waving_a_knife_is_an_emergency(engine):
    assert _orgs(engine.answer("asiakas heiluttelee puukkoa kaupassa, mitä teen?"))[:1] == ["emergency"]


def test_a_tax_card_with_two_jobs_is_no_workplace(engine):
    answer = engine.answer("päivät oon kaupassa töissä, miten kahden verokortin kanssa toimitaan?")
    assert _orgs(answer)[:1] == ["verohallinto"], (answer.kind, _orgs(answer))


def test_reporting_a_move_in_english_is_dvvs(engine):
    assert "dvv" in _orgs(engine.answer("I just moved to Kuhmo from Tampere, where do I report my move?"))


def test_a_house_bought_names_the_home(engine):
    answer = engine.answer("synnyin Kuhmossa ja tein Oulussa töitä, sitten ostettiin talo Puolangalta ja nyt firma "
                           "lopetti. Minne?")
    assert _points(answer)[:1] == ["puolanka_kunnantalo"], (answer.kind, _points(answer))


def test_commuting_from_the_place_a_message_opens_with_names_the_home(engine):
    answer = engine.answer("Vuolijoelta käyn Sotkamossa töissä, nyt tuli lomautus. Minne ilmoittaudun?")
    assert _points(answer)[:1] == ["kajaani_virastotalo"], (answer.kind, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("Olen vielä töissä Kuhmossa, mutta selkä on huono. Miten haen ammatillista kuntoutusta eläkeyhtiöltä?",
     "pensions"),
    ("Olen vakituisessa työssä Paltamossa ja firmassa alkaa muutosneuvottelut. Mihin kassaan kannattaa liittyä?",
     "unemployment_fund"),
])
def test_someone_working_asking_their_matter_beside_ours_gets_only_theirs(engine, question, organisation):
    answer = engine.answer(question)
    assert answer.kind == "other_organisation" and _orgs(answer)[:1] == [organisation], (answer.kind, _orgs(answer))


def test_someone_working_part_time_and_looking_for_full_time_is_a_job_seeker(engine):
    answer = engine.answer("Jag jobbar deltid och söker ett heltidsjobb. Får jag jämkad dagpenning från FPA? Jag bor i "
                           "Sotkamo.")
    assert "sotkamo_virastotalo" in _points(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question, organisation, point", [
    ("määräaikanen loppuu kuun lopussa enkä kuulu kassaan, mistä rahaa? asun sotkamossa", "kela",
     "sotkamo_virastotalo"),
    ("kausihommat loppu Rukalla, kuulun PAMin kassaan. mistä päiväraha? kuusamossa asun", "unemployment_fund",
     "kuusamo_kaupungintalo"),
])
def test_a_job_ending_beside_a_benefit_is_a_job_seekers_too(engine, question, organisation, point):
    answer = engine.answer(question)
    assert organisation in _orgs(answer) and point in _points(answer), (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question", [
    "Kirjoita mulle Excel-kaava, joka laskee lomarahat, kun syötän kuukausipalkan ja veroprosentin, kiitos",
    "Kirjoita mulle runo työkaverille, joka jää eläkkeelle, ja tee siitä hauska",
])
def test_a_request_to_the_bot_reaches_over_its_commas(engine, question):
    answer = engine.answer(question)
    assert _nobodys(answer) and not _orgs(answer), (answer.kind, _orgs(answer))


def test_a_professional_is_no_order_to_the_bot(engine):
    answer = engine.answer("asun sotkamossa, haluaisin käydä työhakemukset läpi jonkun ammattilaisen kanssa")
    assert _points(answer)[:1] == ["sotkamo_virastotalo"], (answer.kind, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("kuulun ammattiliittoon ja lomautus alkaa, mistä päiväraha? asun kuhmossa", "unemployment_fund"),
    ("Jag är permitterad och bor i Kuhmo. Hur får jag dagpenning från kassan?", "unemployment_fund"),
    ("montako lomapäivää kertyy kuukaudessa kun teen osa-aikaa?", "tyosuojelu"),
    ("työtapaturma sattui eilen hallissa, pitääkö siitä ilmoittaa jonnekin?", "tyosuojelu"),
    ("työnantaja ei maksa sunnuntailisiä oikein, kenelle valitan?", "tyosuojelu"),
    ("keittiössä palovaroitin piippaa ja haisee savu, mitä teen?", "emergency"),
    ("oon työtön eikä rahat riitä lääkekuluihin, mistä apua? asun sotkamossa", "kela"),
])
def test_their_matters_in_more_words_rounds_187_190(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_registering_as_a_job_seeker_in_swedish_is_no_population_register_matter(engine):
    answer = engine.answer("Var registrerar jag mig som arbetssökande? Jag bor i Paltamo.")
    assert "dvv" not in _orgs(answer) and _points(answer)[:1] == ["paltamo_kunnantalo"], \
        (_orgs(answer), _points(answer))


def test_where_a_mother_should_go_is_asked_for_her(engine):
    answer = engine.answer("Äiti asuu Suomussalmella ja jäi työttömäksi, itse asun Oulussa. Minne äidin pitäisi mennä?")
    assert _points(answer)[:1] == ["suomussalmi_kunnantalo"], (answer.kind, _points(answer))


def test_a_move_told_before_a_which_question_names_the_new_home(engine):
    answer = engine.answer("Muutin kuukausi sitten Kuopiosta Sotkamoon. Kumpaan paikkaan nyt kuulun, kun Kuopiossa oli "
                           "jo tapaaminen sovittuna?")
    assert _points(answer)[:1] == ["sotkamo_virastotalo"], (answer.kind, _points(answer))


@pytest.mark.parametrize("question", [
    "oon 17 ja asun kajaanissa, en päässy kouluun. mistä näkee lisähaun paikat?",
    "Olen töissä mutta mietin alanvaihtoa. Mistä näkee ammattikoulujen aikuishaut?",
    "oon 16 ja asun kajaanissa enkä tiiä mitä tekisin. miten pääsee ammattikouluun?",
])
def test_studies_asked_about_beside_a_topic_of_ours_name_the_application_service(engine, question):
    assert "opintopolku" in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_a_young_person_not_knowing_what_to_do_beside_school_applications_gets_ohjaamo_too(engine):
    answer = engine.answer("oon 16 ja asun kajaanissa enkä tiiä mitä tekisin. miten pääsee ammattikouluun?")
    assert "kajaani_ohjaamo" in _points(answer) and "opintopolku" in _orgs(answer), (_points(answer), _orgs(answer))


@pytest.mark.parametrize("question, organisation", [
    ("esimies syrjii mua koska oon yli viiskymppinen, kenelle voi valittaa? asun kuhmossa", "tyosuojelu"),
    ("joudumme tekemään kattotöitä ilman turvavaljaita, mihin ilmoitan? asun suomussalmella", "tyosuojelu"),
    ("varastolla työolot on vaaralliset ja kukaan ei välitä, kuka tätä valvoo?", "tyosuojelu"),
    ("the boss gives us no safety shoes at the sawmill, who checks this?", "tyosuojelu"),
    ("teen osa-aikaa ja uusia palkataan, eikö lisätyötä pitäisi tarjota ensin minulle?", "tyosuojelu"),
    ("kesätyöpaikka ei maksanut lomakorvausta, pitääkö työnantajan maksaa se?", "tyosuojelu"),
    ("kortti meni rattijuopumuksesta, milloin saan ajo-oikeuden takaisin? asun sotkamossa", "poliisi"),
    ("mistä saan väestötodistuksen? asun paltamossa", "dvv"),
    ("naapurissa palovaroitin huutaa eikä kukaan avaa, mitä teen?", "emergency"),
    ("olen työtön ja haluaisin kouluttautua, mistä koulutukset haetaan? asun kuhmossa", "opintopolku"),
    ("jäin työttömäksi, miten kassa toimii ja mistä haen? asun kajaanissa", "unemployment_fund"),
])
def test_their_matters_in_more_words_rounds_171_194(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


@pytest.mark.parametrize("question", [
    "milloin maksetaan työttömien lomaraha, kaveri sai sen jo",
    "mihin kannattaa sijoittaa lomarahat, osakkeisiin vai rahastoihin?",
])
def test_a_holiday_bonus_for_the_unemployed_is_nobodys_not_occupational_safety(engine, question):
    assert "tyosuojelu" not in _orgs(engine.answer(question)), _orgs(engine.answer(question))


@pytest.mark.parametrize("question", [
    "Hola, trabajo en un hotel en Kuusamo pero el contrato se acaba pronto y no hablo finlandés. Me dijeron que en "
    "la oficina de empleo me pueden ayudar, pero no sé a dónde ir ni si necesito una cita antes de ir allí.",
    "Tere! Elan nüüd Sotkamos koos perega ja otsin tööd, olen varem töötanud koristajana. Soome keelt ma veel hästi "
    "ei räägi. Kuhu ma peaksin pöörduma, et tööd leida?",
])
def test_a_long_message_in_a_language_without_texts_is_a_foreign_language_clients(engine, question):
    answer = engine.answer(question)
    assert answer.audience == ("foreign_language",) and _points(answer)[:1] == ["kajaani_kaupungintalo"], \
        (answer.language, answer.audience, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("saako kelakyydin fysioterapiaan kun on työtön? kuhmo", "kela"),
    ("muutan töiden perässä Norjaan, pitääkö maastamuutosta ilmoittaa? asun kuusamossa", "dvv"),
    ("lääkäri lopetti työterveyden mukana, mistä saan reseptit uusittua? asun paltamossa", "kainuun_hyvinvointialue"),
    ("hirsi putosi ja kaverin käsi on puristuksissa, mitä teen", "emergency"),
    ("hurt my back lifting boxes and my boss says don't report it. what now?", "tyosuojelu"),
])
def test_their_matters_in_more_words_rounds_199_202(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


@pytest.mark.parametrize("question, organisation", [
    ("työpaikka kyllä odottaa mutta sairausloma jatkuu, miten haen sairauspäivärahaa? asun sotkamossa", "kela"),
    ("vaihdan työpaikkaa ensi kuussa, pitääkö työttömyyskassa vaihtaa? asun kajaanissa", "unemployment_fund"),
    ("tytär 16v sai kesätyöpaikan kahvilasta, mistä hän saa verokortin? asutaan kuhmossa", "verohallinto"),
    ("alkaa palkkatukityö ensi viikolla, miten verokortti tilataan? asun puolangalla", "verohallinto"),
    ("töitä minulla on, mutta voinko saada perhe-eläkettä? asun hyrynsalmella", "pensions"),
])
def test_a_job_the_person_has_or_starts_asks_nothing_of_ours_beside_their_matter(engine, question, organisation):
    answer = engine.answer(question)
    assert _orgs(answer) and _orgs(answer)[0] == organisation and not _points(answer), (_orgs(answer), _points(answer))


def test_someone_fired_from_a_summer_job_has_no_job_beside_their_matter(engine):
    answer = engine.answer("Poika 19v sai potkut kesätöistä ja on vain kotona eikä syö. Mistä apua mielenterveyteen ja "
                           "työnhakuun? asumme kajaanissa")
    assert "kajaani_ohjaamo" in _points(answer), (_orgs(answer), _points(answer))


def test_an_employer_reporting_an_accident_at_work_is_answered_as_an_employer(engine):
    answer = engine.answer("Meillä on pieni perheyritys Sotkamossa ja työntekijä satutti kätensä. Pitääkö tästä "
                           "ilmoittaa työsuojeluun?")
    assert "tyosuojelu" in _orgs(answer) and "employer" in answer.audience, (_orgs(answer), answer.audience)


@pytest.mark.parametrize("question", [
    "mun elämä kaatuu päälle kun työt loppu ja velat kasvaa, tarviin velkaneuvontaa ja uuden työn. asun kuhmossa",
])
def test_everything_falling_on_someone_is_no_emergency(engine, question):
    assert "emergency" not in _orgs(engine.answer(question)), _orgs(engine.answer(question))


@pytest.mark.parametrize("question", [
    "Sotkamolainen kuljetusyritys tässä, voisko EURESin kautta löytää kuljettajia ulkomailta?",
    "Puolankalainen metsäyhtiö kysyy: paljonko palkkatukea voi saada pitkäaikaistyöttömän palkkaamiseen?",
])
def test_a_message_opening_with_a_business_of_a_place_is_its_employers(engine, question):
    assert "employer" in engine.answer(question).audience, engine.answer(question).audience


def test_a_business_of_a_place_that_did_something_to_the_writer_is_not_the_writers(engine):
    answer = engine.answer("Kuhmolainen kauppa lupasi minulle töitä mutta peruikin, mitä nyt teen?")
    assert "employer" not in answer.audience and _points(answer)[:1] == ["kuhmo_kaupungintalo"], \
        (answer.audience, _points(answer))


@pytest.mark.parametrize("question", [
    "moikka botti, mikä on sun lempiväri?",
    "hei, ootko sä oikea ihminen vai robotti?",
])
def test_a_greeting_that_goes_on_about_something_nobody_serves_is_out_of_scope(engine, question):
    assert engine.answer(question).kind == "out_of_scope", engine.answer(question).kind


@pytest.mark.parametrize("question", ["moi", "kiitos paljon avusta", "hej hej, tack"])
def test_a_greeting_or_thanks_alone_is_still_small_talk(engine, question):
    assert engine.answer(question).kind == "smalltalk", engine.answer(question).kind


@pytest.mark.parametrize("question, organisation", [
    ("kassa käsittelee vieläkin mun hakemusta, miten saan sitä kiirehdittyä? asun kuhmossa", "unemployment_fund"),
    ("mistä näkee mitä koulutuksia on haussa nyt keväällä? asun sotkamossa", "opintopolku"),
    ("missä näkee jatkuvan haun koulupaikat? oon 17 ja asun kajaanissa", "opintopolku"),
    ("muutin paltamoon, miten virallinen osoite vaihdetaan?", "dvv"),
    ("kaveri viestitti ettei jaksa enää elää, mitä teen", "emergency"),
    ("tarviin lausunnon työkyvystä, asun suomussalmella", "kainuun_hyvinvointialue"),
    ("lomautus alkoi eikä mulla oo liittoa eikä kassaa, mistä rahaa? asun kuhmossa", "kela"),
])
def test_their_matters_in_more_words_rounds_203_206(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_saying_it_is_not_about_kela_or_the_fund_names_neither(engine):
    answer = engine.answer("ei oo kyse kelasta eikä kassasta, missä sotkamossa voi tavata työllisyyspalvelujen ihmisen")
    assert not _orgs(answer) and _points(answer)[:1] == ["sotkamo_virastotalo"], (_orgs(answer), _points(answer))


def test_a_job_changed_in_spoken_finnish_asks_nothing_of_ours_beside_the_tax_card(engine):
    answer = engine.answer("vaihoin työpaikkaa ja uus duuni alko, pitääkö verokortti muuttaa? asun kuhmossa")
    assert _orgs(answer) == ["verohallinto"] and not _points(answer), (_orgs(answer), _points(answer))


def test_a_misspelt_clerk_is_nobody_hired(engine):
    answer = engine.answer("asun sotkamossa ja tarttisin vastuuvirkalijan tapaamisen")
    assert "employer" not in answer.audience and _points(answer)[:1] == ["sotkamo_virastotalo"], \
        (answer.audience, _points(answer))


def test_a_young_kajaani_job_seeker_asking_about_self_motivated_studies_gets_ohjaamo(engine):
    answer = engine.answer("oon 24v työtön kajaanilainen ja haluaisin aloittaa omaehtoiset opinnot, saanko kelalta "
                           "opintotukea?")
    assert _points(answer)[:1] == ["kajaani_ohjaamo"], (answer.audience, _points(answer))


@pytest.mark.parametrize("question", [
    "olen työtön ja haluaisin opiskella merkonomiksi työttömyysetuudella. mistä kouluun haetaan? asun kuhmossa",
    "työttömänä haluaisin hakea lähihoitajakoulutukseen ja opiskella työttömyysetuudella, asun paltamossa",
])
def test_applying_to_a_school_beside_studies_with_the_benefit_names_the_application_service(engine, question):
    answer = engine.answer(question)
    assert "opintopolku" in _orgs(answer) and _points(answer), (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question", [
    "omaehtoinen opiskelu työttömyysetuudella, miten sitä haetaan? asun kuhmossa",
    "miten haetaan työvoimakoulutukseen kun on työtön? asun sotkamossa",
    "haluaisin hakea koulutukseen, onko tarjolla työvoimakoulutusta tai omaehtoista opiskelua? asun kuusamossa",
])
def test_applying_for_our_training_or_studies_with_the_benefit_is_ours_alone(engine, question):
    answer = engine.answer(question)
    assert "opintopolku" not in _orgs(answer) and _points(answer), (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question", [
    "oon ollu kauan työttömänä ja mieli menee matalalle, en jaksa aamulla nousta. asun puolangalla",
    "työttömyys on ajanut mut syvälle ja olo on niin musta, mistä apua? asun kuhmossa",
])
def test_low_mood_in_more_words_is_the_wellbeing_countys(engine, question):
    assert "kainuun_hyvinvointialue" in _orgs(engine.answer(question)), _orgs(engine.answer(question))


@pytest.mark.parametrize("question", [
    "työkokeilu kiinnostais, kenelle puhun? asun sotkamossa",
    "mitä kokkaisin illaksi, oon niin poikki etten jaksa tehdä mitään monimutkaista",
])
def test_whom_to_talk_to_or_being_tired_is_no_health_matter(engine, question):
    assert not _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_a_young_kajaani_person_asking_about_the_startup_grant_gets_ohjaamo(engine):
    answer = engine.answer("oon 25 ja asun kajaanissa, voisinko saada starttirahaa omalle leipomolle?")
    assert _points(answer)[:1] == ["kajaani_ohjaamo"], _points(answer)


def test_saying_it_is_not_about_kela_names_no_kela(engine):
    answer = engine.answer("Ei oo kyse mistään Kelan asioista, haluun vaan palkkatukityöhön. Asun Sotkamossa.")
    assert "kela" not in _orgs(answer) and _points(answer)[:1] == ["sotkamo_virastotalo"], \
        (_orgs(answer), _points(answer))


def test_a_moving_notice_already_made_names_no_population_register(engine):
    answer = engine.answer("muutin kuhmoon ja muuttoilmoitus on jo tehty, mihin nyt ilmoittaudun työttömäksi?")
    assert "dvv" not in _orgs(answer) and _points(answer)[:1] == ["kuhmo_kaupungintalo"], \
        (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question", [
    "Vi är ett litet företag i Kuhmo. Kan ni berätta om lönesubvention?",
    "Kainuun Kone Oy:n toimitusjohtaja täällä Kajaanista, kertoisitteko yhteishankintakoulutuksesta?",
])
def test_an_owner_in_three_words_or_a_ceo_is_an_employer(engine, question):
    assert "employer" in engine.answer(question).audience, engine.answer(question).audience


def test_a_business_being_run_down_in_the_passive_is_closing(engine):
    answer = engine.answer("Olen yrittäjä Paltamossa mutta firma ajetaan alas, nyt tarvitsen töitä. Minne menen?")
    assert "employer" not in answer.audience and _points(answer)[:1] == ["paltamo_kunnantalo"], \
        (answer.audience, _points(answer))


@pytest.mark.parametrize("question", [
    "Kajaani, ikää 24 vuotta, työtön. Minne menen?",
    "kajjaanissa asun, ikkee 25 vuotta ja tarviin apuva töihin",
    "28 ja puol vuotta, asun kajaanissa ja etin töitä",
    "i'm from kajaani, 24, and lost my job. where do i go?",
    "olen 34-vuotias kajaanilainen... anteeksi, 24! näppäinvirhe. Tarvitsen apua työnhakuun.",
])
def test_an_age_in_more_forms_makes_a_kajaani_job_seeker_young(engine, question):
    assert _points(engine.answer(question))[:1] == ["kajaani_ohjaamo"], _points(engine.answer(question))


def test_years_of_work_between_commas_are_no_age(engine):
    answer = engine.answer("tein töitä kaupassa 20 vuotta ja nyt loppui, asun kajaanissa, minne menen?")
    assert _points(answer)[:1] == ["kajaani_virastotalo"], _points(answer)


@pytest.mark.parametrize("question", [
    "Hello, I'm from Kuhmo, a Finn, I just prefer typing in English. Where can I get help with my job search?",
    "I'm Finnish but my phone only has an English keyboard so I write in English. Where do I register as unemployed "
    "in Kuhmo?",
])
def test_a_finn_writing_in_english_gets_the_home_point(engine, question):
    answer = engine.answer(question)
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"], (answer.audience, _points(answer))


def test_a_place_written_from_names_the_home(engine):
    answer = engine.answer("työt loppu ja kassaa ei oo, mistä nyt rahaa ja kuka auttaa töiden kanssa? Sotkamosta "
                           "kirjottelen, tänne Paljakan suunnalle en oo menossa")
    assert answer.municipality == "sotkamo", (answer.municipality, _points(answer))


def test_a_place_corrected_to_after_a_neighbour_word_is_the_writers(engine):
    answer = engine.answer("Ei Kajaani vaan Kajaanin naapuri Sotkamo, siellä asun. missä työkkäri")
    assert _points(answer)[:1] == ["sotkamo_virastotalo"], _points(answer)


@pytest.mark.parametrize("question", [
    "mulla on velkaa kahdelle pikavippifirmalle ja työt loppu, tarviin apua. asun kuhmossa",
    "meidän tehtaalta irtisanotaan porukkaa, mukana minä. asun sotkamossa, minne menen?",
])
def test_a_business_owed_to_or_worked_in_is_not_the_writers(engine, question):
    answer = engine.answer(question)
    assert "employer" not in answer.audience and _points(answer), (answer.audience, _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("isä kaatui pihalla eikä saa henkeä, mitä teen", "emergency"),
    ("laskut on rästissä vaikka käyn töissä, kuka auttaa? asun kuhmossa", "debt_advice"),
    ("uudessa työpaikassa ei oo perehdytetty koneisiin ollenkaan, kenelle ilmoitan?", "tyosuojelu"),
])
def test_their_matters_in_more_words_rounds_207_210(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


@pytest.mark.parametrize("question", [
    "keksitkö lahjaidean työkaverille joka jää eläkkeelle ensi kuussa? budjetti 40 euroa",
    "kirjoittaisitko kortin naapurille jonka isä jää eläkkeelle",
])
def test_someone_else_retiring_is_no_pension_matter(engine, question):
    assert "pensions" not in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_who_pays_a_pension_still_asks_the_pension_providers(engine):
    assert "pensions" in _orgs(engine.answer("who pays disability pension? my wife can't work anymore"))


@pytest.mark.parametrize("question", [
    "mitä tietoja minusta tallennat? kuka näitä keskusteluja lukee?",
])
def test_asking_the_bot_what_it_stores_is_out_of_scope(engine, question):
    answer = engine.answer(question)
    assert answer.kind == "out_of_scope" and not _orgs(answer), (answer.kind, _orgs(answer))


def test_paying_tax_on_the_allowance_is_still_the_tax_administrations(engine):
    answer = engine.answer("pitääkö päivärahasta maksaa veroa? asun kuhmossa")
    assert "verohallinto" in _orgs(answer), _orgs(answer)


@pytest.mark.parametrize("question", [
    "Paljonko työttömyyskortilla saa alennusta Sotkamon kylpylästä?",
    "mistä saan sen työttömyyskortin jolla pääsee halvemmalla bussiin? asun kuhmossa",
])
def test_an_unemployment_card_is_nobodys_not_the_funds(engine, question):
    answer = engine.answer(question)
    assert "unemployment_fund" not in _orgs(answer) and not _points(answer), (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question, organisation", [
    ("kannattaako liittyä työttömyyskassaan kun mulla on vakityö? asun kuhmossa", "unemployment_fund"),
    ("metsuri tässä, töitä riittää mutta selkä on kipeä. mistä saa terveyskeskusajan? asun suomussalmella",
     "kainuun_hyvinvointialue"),
    ("I still have my job in Sotkamo, but how long must I be in an unemployment fund before I get the allowance?",
     "unemployment_fund"),
])
def test_a_job_the_person_has_in_more_words_asks_nothing_of_ours(engine, question, organisation):
    answer = engine.answer(question)
    assert organisation in _orgs(answer) and not _points(answer), (_orgs(answer), _points(answer))


def test_seeking_a_permanent_job_is_no_job_had(engine):
    answer = engine.answer("velkoja on kertynyt ja haluisin velkaneuvontaan ja samalla hakea vakituista työtä. "
                           "asun kuhmossa")
    assert _points(answer)[:1] == ["kuhmo_kaupungintalo"], (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question", [
    "Wat voor weer wordt het overmorgen in Kajaani?",
    "Wie kalt wird es im Februar in Sotkamo? Wir machen dort Urlaub.",
])
def test_the_weather_asked_in_a_language_without_texts_is_out_of_scope(engine, question):
    assert engine.answer(question).kind == "out_of_scope", engine.answer(question).kind


@pytest.mark.parametrize("question", [
    "Onko Kuhmon kirjastossa lautapelejä lainattavana? Oon työtön ja illat on pitkiä",
    "Kuka voittaa tänä vuonna jääkiekon mestaruuden? Oon lomautettuna niin katon kaikki pelit",
    "Paljonko maksaa mökkivuokra Hossassa viikonlopuks? Ollaan lähössä työporukalla rentoutumaan",
    "Where can I rent cross-country skis in Sotkamo? I'm unemployed at the moment and have lots of free time",
])
def test_a_question_about_another_thing_beside_being_out_of_work_is_not_ours(engine, question):
    answer = engine.answer(question)
    assert answer.kind == "out_of_scope" and not _points(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("Oon ollu työttömänä Kuhmossa puol vuotta. Pääsiskö jollekin kurssille tai valmennukseen?",
     "kuhmo_kaupungintalo"),
    ("Asun Sotkamossa ja oon työtön. Onko mitään palvelua joka auttais eteenpäin?", "sotkamo_virastotalo"),
    ("Hyrynsalmelta kysyn, kun haluisin työkokeiluun. Kenen puheille pitäis mennä?", "hyrynsalmi_kunnantalo"),
])
def test_a_question_in_our_own_words_stays_ours(engine, question, point):
    answer = engine.answer(question)
    assert _points(answer)[:1] == [point], (answer.kind, _points(answer))


@pytest.mark.parametrize("question", [
    "En etsi töitä, kysyn vaan milloin Kuhmon uimahalli aukeaa sunnuntaina",
    "Jag söker inte jobb, jag undrar bara när simhallen i Kuusamo öppnar på söndag",
    "I'm not looking for a job, I only want to know when the swimming hall in Sotkamo opens on Sunday",
])
def test_a_job_search_denied_asks_nothing_of_ours(engine, question):
    answer = engine.answer(question)
    assert answer.kind == "out_of_scope" and not _points(answer), (answer.kind, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("en jaksa enää etsiä töitä yksin, asun kuhmossa", "kuhmo_kaupungintalo"),
    ("en oo koskaan hakenu töitä netistä, asun sotkamossa. kuka auttaa?", "sotkamo_virastotalo"),
])
def test_a_tired_or_new_job_seeker_is_still_one(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point]


@pytest.mark.parametrize("question", [
    "isä kaatui tikkailta pihalla ja jalka taitaa olla poikki, mihin soitan",
    "metsässä puu kaatu päälle työkaverille eikä se liiku, apua",
])
def test_an_accident_in_everyday_words_is_an_emergency(engine, question):
    assert _orgs(engine.answer(question))[:1] == ["emergency"], _orgs(engine.answer(question))


def test_the_funds_contacts_are_the_funds(engine):
    answer = engine.answer("mistä löydän kassan yhteystiedot? asun kuhmossa")
    assert "unemployment_fund" in _orgs(answer), _orgs(answer)


def test_a_thing_asked_of_our_office_is_not_ours(engine):
    answer = engine.answer("Voiko Kuhmon työllisyyspalveluista vuokrata saunan lauantaiksi? Meillä on talkoot")
    assert not _points(answer), (answer.kind, _points(answer))


def test_a_relatives_place_in_the_next_sentence_is_not_the_writers(engine):
    answer = engine.answer("Kotkassa asun. Isä asuu Kuusamossa ja käski kysyä sieltä. Mihin ilmoittaudun työttömäksi?")
    assert answer.out_of_area and not _points(answer), (answer.kind, _points(answer))


def test_a_spouses_language_is_not_the_writers_who_says_they_are_finnish(engine):
    answer = engine.answer("Vaimoni on brasilialainen ja puhuu vain portugalia, mutta minä olen suomalainen. Asun "
                           "Sotkamossa ja jäin työttömäksi, mihin menen?")
    assert _points(answer)[:1] == ["sotkamo_virastotalo"] and "foreign_language" not in answer.audience, (
        _points(answer), answer.audience)


@pytest.mark.parametrize("question, organisation, point", [
    ("Paltamosta käsin tarttisin jotain apua työnhakuun", None, "paltamo_kunnantalo"),
    ("kassa pyytää lausuntoa, mistä sen saa? asun kuhmossa", "unemployment_fund", None),
])
def test_the_fund_is_read_from_its_own_words_not_from_kasin(engine, question, organisation, point):
    answer = engine.answer(question)
    if organisation:
        assert organisation in _orgs(answer), _orgs(answer)
    else:
        assert not _orgs(answer) and _points(answer)[:1] == [point], (_orgs(answer), _points(answer))


def test_a_trip_to_a_country_is_no_foreign_language(engine):
    answer = engine.answer("lähen joulun jälkeen kuukaudeks Thaimaahan, pitääkö ilmoittaa jonnekin kun "
                           "oon työtön? asun kuhmossa")
    assert "foreign_language" not in answer.audience and _points(answer)[:1] == ["kuhmo_kaupungintalo"], (
        answer.audience, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("Haluun takas työelämään pitkän tauon jälkeen, asun Sotkamossa", "sotkamo_virastotalo"),
    ("lääkäri sano et kevyempää hommaa pitäis löytää, kuka auttaa? asun suomussalmella", "suomussalmi_kunnantalo"),
    ("en oo ollu töissä vuoteen, asun paltamossa ja kelan kanssa on ollu säätöä", "paltamo_kunnantalo"),
])
def test_a_return_to_work_in_spoken_words_is_a_job_seekers(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


def test_an_everyday_word_is_no_compound_of_a_need(engine):
    answer = engine.answer("Miten karjalanpaisti tehdään perinteisesti? Vieraita tulee sunnuntaina")
    assert not _orgs(answer) and not _points(answer), (answer.kind, _orgs(answer))


def test_feeling_bad_is_the_wellbeing_countys(engine):
    answer = engine.answer("mulla on niin paha olla, kenelle voisin puhua? asun sotkamossa")
    assert "kainuun_hyvinvointialue" in _orgs(answer), _orgs(answer)


@pytest.mark.parametrize("question, organisation, point", [
    ("esimies kiusaa jatkuvasti, kenelle siitä ilmoitetaan ja mistä löytäisin uuden työpaikan? asun paltamossa",
     "tyosuojelu", "paltamo_kunnantalo"),
    ("luottokortti on tapissa, tarviin velkaneuvontaa ja paremmin palkattua työtä, asun kuusamossa",
     "debt_advice", "kuusamo_kaupungintalo"),
])
def test_a_new_or_better_job_wished_beside_their_matter_is_ours_too(engine, question, organisation, point):
    answer = engine.answer(question)
    assert organisation in _orgs(answer) and _points(answer)[:1] == [point], (_orgs(answer), _points(answer))


def test_a_job_coach_is_ours(engine):
    answer = engine.answer("mistä saisin työvalmentajan avuksi hakemuksiin?")
    assert answer.needs_clarification or _points(answer), answer.kind


def test_a_business_that_went_under_leaves_a_job_seeker(engine):
    answer = engine.answer("Pidin parturiliikettä Sotkamossa kymmenen vuotta, mutta vuokrat veivät firman nurin. "
                           "Nyt etsin töitä, mistä apua?")
    assert _points(answer)[:1] == ["sotkamo_virastotalo"] and "employer" not in answer.audience, (
        _points(answer), answer.audience)


def test_a_home_municipality_already_changed_asks_nothing_of_dvv(engine):
    answer = engine.answer("muutin Paltamoon elokuussa ja kotikunta on jo muuttunut, mihin nyt ilmoittaudun?")
    assert "dvv" not in _orgs(answer) and _points(answer)[:1] == ["paltamo_kunnantalo"], (
        _orgs(answer), _points(answer))


@pytest.mark.parametrize("question", [
    "Quick bet with my colleague, settle it: which is the longest river in Finland?",
    "Warum ist der Himmel im Winter so grau?",
])
def test_settling_a_bet_or_a_why_in_german_is_not_ours(engine, question):
    answer = engine.answer(question)
    assert answer.kind == "out_of_scope" and not _points(answer), (answer.kind, _points(answer))


def test_work_wished_as_a_worker_is_a_job_seekers_not_a_hire(engine):
    answer = engine.answer("I don't speak Finnish yet. How can I find work as a cleaner in Sotkamo?")
    assert "employer" not in answer.audience and _points(answer)[:1] == ["kajaani_kaupungintalo"], (
        answer.audience, _points(answer))


@pytest.mark.parametrize("question, point", [
    ("asun kuhmossa, onko täällä omaa palvelupistettä vai pitääkö mennä kajaaniin?", "kuhmo_kaupungintalo"),
    ("haluisin töihin Rukalle talveksi, asun Taivalkoskella, mistä apua?", "taivalkoski_kunnantalo"),
])
def test_a_point_of_ones_own_or_work_wished_in_spoken_words_is_ours(engine, question, point):
    assert _points(engine.answer(question))[:1] == [point], _points(engine.answer(question))


@pytest.mark.parametrize("question, organisation", [
    ("kaveri kaatui telineiltä työmaalla, mihin soitan", "emergency"),
    ("ex-poikaystävä uhkailee mua viesteillä, asun sotkamossa", "poliisi"),
    ("miten vastaanotan opiskelupaikan ammattikorkeakouluun?", "opintopolku"),
    ("menetänkö jäsenyysajat jos vaihdan kassaa?", "unemployment_fund"),
    ("työnantaja vihjailee irtisanomisesta kun olin sairauslomalla, saako niin tehdä?", "tyosuojelu"),
])
def test_their_matters_in_more_everyday_words(engine, question, organisation):
    assert organisation in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_not_wanting_to_lose_ones_job_is_having_one(engine):
    answer = engine.answer("esimies kiusaa, kenelle voin valittaa? en halua menettää työpaikkaa. asun kuhmossa")
    assert "tyosuojelu" in _orgs(answer) and not _points(answer), (_orgs(answer), _points(answer))


@pytest.mark.parametrize("question", [
    "testaan vaan toimiiko tää botti",
    "naapurin koira haukkuu joka yö eikä saa nukuttua, mitä teen",
])
def test_testing_or_a_barking_dog_is_no_work_safety_matter(engine, question):
    assert "tyosuojelu" not in _orgs(engine.answer(question)), _orgs(engine.answer(question))


def test_a_boss_who_scolds_is_still_work_safetys(engine):
    assert "tyosuojelu" in _orgs(engine.answer("esimies haukkuu mua joka päivä muiden edessä, kenelle valitan?"))
