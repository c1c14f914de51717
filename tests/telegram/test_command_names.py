"""Finnish and Swedish command names in the fi and sv command menus, and the bot answering each of them; a home
municipality named after /kunta as people write it (issue 17 item 9)."""

from __future__ import annotations

import re

import pytest

PERSON = 6101


async def test_each_menu_lists_the_commands_by_their_names_in_its_language(start_bot, fake):
    async with start_bot():
        pass
    menus = {c.params.get("language_code"): [m["command"] for m in c.params["commands"]]
             for c in fake.calls_to("setMyCommands") if "scope" not in c.params}
    assert menus["fi"] == ["start", "apua", "kieli", "kunta", "tietosuoja", "unohda"]
    assert menus["sv"] == ["start", "hjalp", "sprak", "kommun", "integritet", "glom"]
    assert menus[None] == ["start", "help", "language", "municipality", "privacy", "reset"]
    assert all(re.fullmatch(r"[a-z0-9_]{1,32}", name) for menu in menus.values() for name in menu)


@pytest.mark.parametrize(("names", "expected"), [
    (("help", "apua", "hjalp"), "/apua (/help) – tämä ohje"),
    (("municipality", "kunta", "kommun"), "Valitse kotikuntasi:"),
    (("privacy", "tietosuoja", "integritet"), "Tietosuoja: mitä sinusta tallennetaan ja miksi"),
    (("reset", "unohda", "glom"), "Sinusta ei ollut tallennettu mitään"),
], ids=lambda value: value[0] if isinstance(value, tuple) else "")
async def test_every_name_of_a_command_gets_the_same_answer(start_bot, names, expected):
    async with start_bot() as bot:
        replies = [[c.plain_text for c in await bot.say(PERSON, f"/{name}")] for name in names]
    assert all(reply == replies[0] for reply in replies), names
    assert expected in replies[0][0]


async def test_swedish_names_typed_with_their_letters_work(start_bot):
    async with start_bot() as bot:
        (help_typed,) = await bot.say(PERSON, "/hjälp", "sv")
        (help_menu,) = await bot.say(PERSON, "/hjalp", "sv")
        (language_typed,) = await bot.say(PERSON, "/språk", "sv")
    assert help_typed.plain_text == help_menu.plain_text and "/glom (/reset)" in help_typed.plain_text
    assert language_typed.plain_text == "Välj språk:"


async def test_kunta_with_a_name_as_people_write_it_sets_the_home(start_bot):
    async with start_bot() as bot:
        answer = await bot.say(PERSON, "/kunta Kuhmossa")
        not_known = await bot.say(PERSON, "/kunta Blorfinki")
        (later,) = await bot.say(PERSON, "Mistä haen starttirahaa?")
    assert answer[0].plain_text.startswith("Selvä, kotikuntasi on nyt Kuhmo.")
    assert not_known[0].plain_text.startswith("En tunnista kuntaa ”Blorfinki”. Alueen kunnat: Hyrynsalmi, Kajaani")
    assert any("mun:kuhmo" in c.callback_data() for c in not_known)  # and the buttons to choose from
    assert "Kainuuntie 82, 88900 Kuhmo" in later.plain_text
