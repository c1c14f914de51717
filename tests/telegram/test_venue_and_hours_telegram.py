"""Issue 16 on Telegram, end to end: a point with coordinates comes as a venue card before its answer, the
source sits in an expandable quote, and "milloin se on auki?" after an answer is answered for that point."""

from __future__ import annotations

import shutil

import pytest

from bot import SHIPPED_KNOWLEDGE

FI_USER = 3003
KUHMO_ADDRESS = "Kainuuntie 82, 88900 Kuhmo"
# a fixture position for the test only: the shipped knowledge base has no coordinates (no source gives them)
KUHMO_AT = (64.1253, 29.5156)


@pytest.fixture
def kb_with_coordinates(tmp_path):
    directory = tmp_path / "knowledge"
    shutil.copytree(SHIPPED_KNOWLEDGE, directory)
    path = directory / "service_points.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: kuhmo_kaupungintalo")
    where = text.index("    serves:", start)
    path.write_text(text[:where] + f"    location: {{lat: {KUHMO_AT[0]}, lon: {KUHMO_AT[1]}}}\n" + text[where:],
                    encoding="utf-8")
    return directory


async def test_a_point_with_coordinates_comes_as_a_venue_card_then_the_answer(start_bot, fake, kb_with_coordinates):
    async with start_bot(knowledge={"path": str(kb_with_coordinates)}) as bot:
        venue, answer = await bot.say(FI_USER, "asun kuhmossa, minne menen?", "fi")
    assert venue.method == "sendVenue"
    assert (venue.params["latitude"], venue.params["longitude"]) == KUHMO_AT
    assert venue.params["title"] == "Kuhmon kaupungintalo" and venue.params["address"] == KUHMO_ADDRESS
    assert answer.method == "sendMessage" and KUHMO_ADDRESS in answer.plain_text
    assert any("mlat=64.125300" in url for url in answer.urls())
    assert not fake.rejected


async def test_without_coordinates_no_venue_card_and_the_map_link_searches_the_address(start_bot):
    async with start_bot() as bot:
        (answer,) = await bot.say(FI_USER, "asun kuhmossa, minne menen?", "fi")
    assert answer.method == "sendMessage"
    assert any("search?query=" in url for url in answer.urls())


async def test_when_is_it_open_after_an_answer_is_answered_for_that_point(start_bot):
    async with start_bot() as bot:
        await bot.say(FI_USER, "asun kuhmossa, minne menen?", "fi")
        (hours,) = await bot.say(FI_USER, "milloin se on auki?", "fi")
    text = hours.plain_text
    assert KUHMO_ADDRESS in text
    assert "aukioloaikoja ei ole lähteissäni" in text
    assert "<blockquote expandable>" in hours.params["text"]


async def test_a_missing_contact_fact_offers_the_municipalitys_site_and_a_person(start_bot):
    settings = {"handoff": {"chat_id": -100777}, "staff": {"user_ids": [4242]}}
    async with start_bot(**settings) as bot:
        (answer,) = await bot.say(FI_USER, "asun kajaanissa, mikä on puhelinnumero?", "fi")
    assert "Kunnan verkkosivut: https://www.kajaani.fi" in answer.plain_text
    labels = [b["text"] for row in answer.markup.get("inline_keyboard", []) for b in row]
    assert any("ihmiseltä" in label for label in labels)


async def test_an_answer_with_every_fact_asked_for_has_no_ask_a_person_button(start_bot):
    settings = {"handoff": {"chat_id": -100777}, "staff": {"user_ids": [4242]}}
    async with start_bot(**settings) as bot:
        (answer,) = await bot.say(FI_USER, "asun kajaanissa, minne menen?", "fi")
    labels = [b["text"] for row in answer.markup.get("inline_keyboard", []) for b in row]
    assert not any("ihmiseltä" in label for label in labels)
