"""Personal data is redacted before anything is stored; user ids become keyed hashes."""

import pytest

from bot.conversation.privacy import hetu_is_valid, redact, user_key


@pytest.mark.parametrize("hetu", ["131052-308T", "010594Y9021", "020502A902X", "131052-308t", "010199+123Y"])
def test_a_valid_henkilotunnus_is_redacted(hetu):
    assert redact(f"hetuni on {hetu}, auttakaa") == "hetuni on [hetu], auttakaa"


def test_a_mistyped_henkilotunnus_is_still_redacted():
    assert hetu_is_valid("131052", "308", "T")
    assert not hetu_is_valid("131052", "308", "U")
    assert redact("koodi 131052-308U") == "koodi [hetu]"
    assert redact("tilaus 991399-123X") == "tilaus 991399-123X"  # no such date: not an identity code


@pytest.mark.parametrize("phone", [
    "040 123 4567", "0401234567", "040-123 4567", "+358 40 123 4567", "+358401234567", "+358 (0)40 123 4567",
    "09 123 456", "(09) 123 4567", "08 6155 0000", "00358 40 1234567", "+46 70 123 45 67",
])
def test_phone_numbers_are_redacted(phone):
    assert redact(f"soita {phone} kiitos") == "soita [puhelin] kiitos"


@pytest.mark.parametrize("email", ["matti.meikalainen@example.fi", "a+b@sub.example.com", "Liisa_K@Kajaani.FI"])
def test_email_addresses_are_redacted(email):
    assert redact(f"mail: {email}.") == "mail: [email]."


@pytest.mark.parametrize("iban", [
    "FI21 1234 5600 0007 85", "FI2112345600000785", "fi21 1234 5600 0007 85",
    "DE89 3704 0044 0532 0130 00", "GB29NWBK60161331926819", "SE45 5000 0000 0583 9825 7466",
])
def test_ibans_are_redacted(iban):
    assert redact(f"tilini {iban} ok") == "tilini [iban] ok"


@pytest.mark.parametrize("address", [
    "Kalliokatu 4", "Kalliokatu 4 B 12", "kalliokatu 4 b12", "Rantakadulla 5 as. 3", "Puistotie 12a A",
    "Koivukuja 3-5", "Pajupolku 7", "Pohjolankatu 13", "Kirkkoväylä 2", "Kauppiaanraitti 1 C 4",
    "Kuusirinne 9", "Tähtikaari 11", "Riihitanhua 2", "Valtatie 5",
])
def test_street_addresses_are_redacted(address):
    assert redact(f"asun {address}, Kajaani") == "asun [osoite], Kajaani"


@pytest.mark.parametrize("text", [
    "missä on te-toimisto kajaanissa", "olen ollut työttömänä 5 vuotta", "postinumero 87100 Kajaani",
    "auki klo 9-15 ma 1.2.2026", "sain 300 euroa vuonna 2024", "tie 5 kertaa", "FI12 this that",
    "where is the office in Kuhmo", "starttiraha 2026",
])
def test_ordinary_questions_are_left_alone(text):
    assert redact(text) == text


def test_everything_in_one_message():
    message = ("Olen 131052-308T, puh 040 123 4567, matti@example.fi, tili FI21 1234 5600 0007 85, "
               "osoite Kalliokatu 4 B 12")
    assert redact(message) == "Olen [hetu], puh [puhelin], [email], tili [iban], osoite [osoite]"


def test_user_key_is_a_keyed_stable_hash():
    key = user_key(b"secret", 123456789)
    assert key == user_key(b"secret", 123456789)
    assert key != user_key(b"other secret", 123456789)
    assert key != user_key(b"secret", 123456780)
    assert len(key) == 64 and "123456789" not in key


def test_user_key_refuses_an_empty_secret_naming_where_the_key_really_comes_from():
    with pytest.raises(ValueError, match="TYONAVI_HASH_KEY") as error:
        user_key(b"", 1)
    assert "privacy.secret" not in str(error.value)  # no such setting
