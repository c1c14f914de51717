"""Issue 9 end to end: a Swedish speaker is served in Swedish, a newcomer gets a first answer in their own
language, and the command menu is published per language (real PTB stack against the fake Bot API)."""

from __future__ import annotations

import pytest
from test_bot_end_to_end import inline_rows

from bot import SHIPPED_KNOWLEDGE
from bot.kb import load_knowledge_base

SV_USER, AR_USER, UK_USER = 3003, 4004, 5005


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(SHIPPED_KNOWLEDGE)


async def test_a_swedish_conversation_start_question_clarify_button_answer(start_bot, fake, kb):
    async with start_bot() as bot:
        greeting, _ = await bot.say(SV_USER, "/start", "sv")
        (asked,) = await bot.say(SV_USER, "Var söker jag startpeng?", "sv")
        (answer,) = await bot.press(SV_USER, "mun:kuhmo", "sv")
    assert greeting.plain_text == f"{kb.text('greeting', 'sv')}\n\n{kb.text('privacy_pointer', 'sv')}"
    assert "lang:sv" in greeting.callback_data()
    assert kb.text("ask_municipality", "sv", municipalities="").split("?")[0] in asked.plain_text
    assert "mun:kuhmo" in asked.callback_data()
    assert "Kainuuntie 82, 88900 Kuhmo" in answer.plain_text
    assert kb.services["startup_grant"].description.get("sv") in answer.plain_text
    assert not fake.rejected


async def test_kieli_sv_switches_to_swedish(start_bot, fake, kb):
    async with start_bot() as bot:
        (confirmed,) = await bot.say(SV_USER, "/kieli sv", "fi")
        (answer,) = await bot.say(SV_USER, "asun kuhmossa", "fi")
    assert confirmed.plain_text == kb.text("language_set", "sv")
    assert kb.text("your_point", "sv", municipality="Kuhmo") in answer.plain_text


async def test_an_arabic_first_message_is_answered_in_arabic_with_international_info(start_bot, fake, kb):
    async with start_bot() as bot:
        (answer,) = await bot.say(AR_USER, "مرحبا، وصلت إلى فنلندا قبل شهر وأبحث عن عمل. أين أذهب؟", "ar")
    text = answer.plain_text
    assert "Pohjolankatu 13, 87100 Kajaani" in text.splitlines()  # the address on a line of its own
    assert kb.text("newcomer_answer", "ar", point="", address="", url="").split("\n")[0] in text
    assert "tyomarkkinatori.fi" in text
    assert any(b.get("callback_data") in ("lang:en", "lang:fi") for row in inline_rows(answer) for b in row)
    assert not fake.rejected


async def test_a_ukrainian_message_naming_a_place_in_cyrillic_mentions_it(start_bot, fake, kb):
    async with start_bot() as bot:
        (answer,) = await bot.say(UK_USER, "Доброго дня! Я живу в Соткамо і шукаю роботу", "uk")
    assert "Sotkamo" in answer.plain_text and "Pohjolankatu 13" in answer.plain_text
    assert kb.text("newcomer_place", "uk", place="Sotkamo") in answer.plain_text


async def test_the_command_menu_is_set_in_finnish_swedish_and_english(start_bot, fake, kb):
    async with start_bot():
        pass
    menus = {c.params.get("language_code"): c.params["commands"] for c in fake.calls_to("setMyCommands")
             if "scope" not in c.params}
    assert set(menus) == {None, "fi", "sv"}
    descriptions = {code: {c["command"]: c["description"] for c in commands} for code, commands in menus.items()}
    assert descriptions["sv"]["hjalp"] == kb.text("command_help", "sv")  # each menu names it in its language
    assert descriptions["fi"]["apua"] == kb.text("command_help", "fi")
    assert descriptions[None]["help"] == kb.text("command_help", "en")
