"""Hand-over to a person, end to end against the fake Bot API with the real PTB stack: a person asks, the staff
group sees the question (never who on Telegram asked), a staff member's reply reaches the person, /sulje closes."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from zoneinfo import ZoneInfo

import fake_bot_api as api
import pytest

from bot.conversation.handoff_text import help_text
from handlers.telegram.app import HANDOFF_COMMANDS

HELSINKI = ZoneInfo("Europe/Helsinki")
STAFF_GROUP = -1001234567890
STAFF_A, STAFF_B, OUTSIDER = 9001, 9002, 9100
PERSON, OTHER_PERSON = 5551001, 5552002
MONDAY_MORNING = datetime(2026, 11, 30, 10, 0, tzinfo=HELSINKI)  # staff are in
FRIDAY_EVENING = datetime(2026, 11, 27, 16, 30, tzinfo=HELSINKI)  # back on Monday 30 Nov at 9.00
QUESTION = "Hakemukseni hylättiin eilen, enkä ymmärrä miksi. Mitä voin tehdä?"


def handoff_settings() -> dict:
    return {"handoff": {"chat_id": STAFF_GROUP}, "staff": {"user_ids": [STAFF_A, STAFF_B]}}


def at(moment: datetime):
    return lambda: moment


def to_group(calls: list[api.Call]) -> list[api.Call]:
    return [c for c in calls if c.params.get("chat_id") == STAFF_GROUP]


def to_chat(calls: list[api.Call], chat_id: int) -> list[api.Call]:
    return [c for c in calls if c.params.get("chat_id") == chat_id]


def message_id(fake: api.FakeBotApi, call: api.Call) -> int:
    """The id Telegram gave a message the bot sent (the fake keeps them in order)."""
    return next(m["message_id"] for m in fake.messages.values()
                if m["chat"]["id"] == call.params["chat_id"] and m.get("text") == call.plain_text)


async def hand_over(bot, person: int, question: str, language_code: str = "fi", command: str = "/ihminen"):
    """The person asks for a person and sends their question; returns (intro, confirmation, staff message)."""
    (intro,) = await bot.say(person, command, language_code)
    sent = await bot.say(person, question, language_code)
    (confirmation,) = to_chat(sent, person)
    (in_group,) = to_group(sent)
    return intro, confirmation, in_group


async def test_question_reaches_staff_without_telegram_identity_and_the_reply_and_closing_reach_the_person(
        start_bot, fake, db_path):
    async with start_bot(clock=at(MONDAY_MORNING), **handoff_settings()) as bot:
        await bot.say(PERSON, "Asun Kuhmossa")
        intro, confirmation, in_group = await hand_over(bot, PERSON, QUESTION)
        number = confirmation.plain_text.split("asia ")[1][:5]
        reply = await bot.reply_in_group(STAFF_GROUP, STAFF_A, message_id(fake, in_group),
                                         "Hei! Soitan sinulle huomenna, ja katsotaan hakemus yhdessä.")
        closing = await bot.reply_in_group(STAFF_GROUP, STAFF_A, message_id(fake, in_group), "/sulje")
        after = await bot.reply_in_group(STAFF_GROUP, STAFF_A, message_id(fake, in_group), "Vielä yksi asia")
    assert "Seuraava viestisi välitetään työllisyyspalveluiden henkilökunnalle" in intro.plain_text
    assert "henkilötunnusta" in intro.plain_text and "/peru" in intro.plain_text
    assert "ei ole nyt paikalla" not in intro.plain_text
    assert f"Viestisi on välitetty henkilökunnalle (asia {number})" in confirmation.plain_text
    staff_sees = in_group.plain_text
    assert f"asia {number}" in staff_sees and QUESTION in staff_sees
    assert "Kieli: fi" in staff_sees and "Kotikunta: Kuhmo" in staff_sees
    assert "Botin viimeisin vastaus: " in staff_sees and "Kuhmo" in staff_sees.split("viimeisin vastaus: ")[1]
    assert str(PERSON) not in staff_sees and "Testi" not in staff_sees  # no id, no name
    (relayed,) = to_chat(reply, PERSON)
    assert relayed.plain_text.startswith(f"💬 Työllisyyspalveluiden henkilökunta vastaa (asia {number})")
    assert "Soitan sinulle huomenna" in relayed.plain_text
    assert relayed.callback_data() == ["ho:ask"]  # the person can answer back
    (delivered,) = to_group(reply)
    assert f"Vastaus välitetty kysyjälle (asia {number})" in delivered.plain_text
    assert delivered.params["reply_parameters"]["message_id"] > 0
    (told,) = to_chat(closing, PERSON)
    assert f"Henkilökunta on sulkenut asiasi {number}" in told.plain_text
    assert f"Asia {number} suljettu" in to_group(closing)[0].plain_text
    assert to_chat(after, PERSON) == [] and "jo suljettu" in to_group(after)[0].plain_text
    assert not fake.rejected
    with sqlite3.connect(db_path) as db:
        assert db.execute("select count(*) from handoff_cases").fetchone() == (0,)
        analysed = [row[0] or "" for row in db.execute("select text from analytics_answers")]
    assert not any("hylättiin" in text for text in analysed)
    assert "hylättiin".encode() not in db_path.read_bytes()  # the question is stored nowhere


async def test_replies_from_non_staff_and_group_chatter_are_ignored(start_bot, fake):
    async with start_bot(clock=at(MONDAY_MORNING), **handoff_settings()) as bot:
        _, _, in_group = await hand_over(bot, PERSON, QUESTION)
        outsider = await bot.reply_in_group(STAFF_GROUP, OUTSIDER, message_id(fake, in_group), "Minä vastaan!")
        chatter = await bot.push(api.group_text_update(STAFF_GROUP, STAFF_A, "Kuka ottaa tämän?"))
        question_in_group = await bot.push(api.group_text_update(STAFF_GROUP, OUTSIDER, "Asun Kuhmossa, minne menen?"))
        command_in_group = await bot.push(api.group_text_update(STAFF_GROUP, OUTSIDER, "/help"))
    assert outsider == [] and chatter == [] and question_in_group == [] and command_in_group == []
    assert not [c for c in fake.sent(PERSON) if "Minä vastaan" in c.plain_text]


async def test_outside_office_hours_the_person_is_told_when_staff_are_back_and_the_question_still_goes(
        start_bot, fake):
    async with start_bot(clock=at(FRIDAY_EVENING), **handoff_settings()) as bot:
        intro, confirmation, in_group = await hand_over(bot, PERSON, QUESTION)
    assert "Henkilökunta ei ole nyt paikalla, mutta voit silti jättää kysymyksesi" in intro.plain_text
    assert "Henkilökunta on paikalla seuraavan kerran ma 30.11. klo 9.00." in intro.plain_text
    assert "seuraavan kerran ma 30.11. klo 9.00" in confirmation.plain_text
    assert QUESTION in in_group.plain_text


async def test_two_people_and_two_staff_at_once_get_no_crossed_wires(start_bot, fake):
    async with start_bot(clock=at(MONDAY_MORNING), **handoff_settings()) as bot:
        await bot.say(PERSON, "/ihminen")
        await bot.say(OTHER_PERSON, "/human", "en")
        other = to_group(await bot.say(OTHER_PERSON, "My residence permit question, who can help?", "en"))[0]
        first = to_group(await bot.say(PERSON, QUESTION))[0]
        to_first = await bot.reply_in_group(STAFF_GROUP, STAFF_B, message_id(fake, first), "Vastaus sinulle, Kuhmo.")
        to_other = await bot.reply_in_group(STAFF_GROUP, STAFF_A, message_id(fake, other), "Answer for you.")
        closes_other = await bot.reply_in_group(STAFF_GROUP, STAFF_A, message_id(fake, other), "/sulje")
        still_open = await bot.reply_in_group(STAFF_GROUP, STAFF_B, message_id(fake, first), "Toinen vastaus.")
    assert first.plain_text.split("asia ")[1][:5] != other.plain_text.split("asia ")[1][:5]
    assert "Kieli: en" in other.plain_text and "Kieli: fi" in first.plain_text
    assert [c.plain_text.split("\n\n")[1] for c in to_chat(to_first, PERSON)] == ["Vastaus sinulle, Kuhmo."]
    assert to_chat(to_first, OTHER_PERSON) == []
    (english,) = to_chat(to_other, OTHER_PERSON)
    assert english.plain_text.startswith("💬 Reply from the employment services' staff") and "Answer for you." \
        in english.plain_text
    assert to_chat(to_other, PERSON) == []
    assert to_chat(closes_other, PERSON) == []
    assert "closed your case" in to_chat(closes_other, OTHER_PERSON)[0].plain_text
    assert [c.plain_text.split("\n\n")[1] for c in to_chat(still_open, PERSON)] == ["Toinen vastaus."]


async def test_an_open_case_and_a_waiting_request_survive_a_restart(start_bot, fake):
    async with start_bot(clock=at(MONDAY_MORNING), **handoff_settings()) as bot:
        _, _, in_group = await hand_over(bot, PERSON, QUESTION)
        await bot.say(OTHER_PERSON, "/human", "en")
    async with start_bot(clock=at(MONDAY_MORNING), **handoff_settings()) as bot:
        reply = await bot.reply_in_group(STAFF_GROUP, STAFF_A, message_id(fake, in_group), "Uusi vastaus.")
        later = await bot.say(OTHER_PERSON, "Can someone call me about my benefits?", "en")
    assert "Uusi vastaus." in to_chat(reply, PERSON)[0].plain_text
    assert "Can someone call me about my benefits?" in to_group(later)[0].plain_text
    assert "case " in to_chat(later, OTHER_PERSON)[0].plain_text


async def test_one_open_case_per_person_and_a_second_message_is_added_to_it(start_bot, fake):
    async with start_bot(clock=at(MONDAY_MORNING), **handoff_settings()) as bot:
        _, confirmation, _ = await hand_over(bot, PERSON, QUESTION)
        (again,) = await bot.say(PERSON, "/ihminen")
        more = await bot.say(PERSON, "Lisäksi: hakemus oli starttirahasta.")
    number = confirmation.plain_text.split("asia ")[1][:5]
    assert f"Sinulla on jo avoin asia {number}" in again.plain_text
    (added,) = to_group(more)
    assert added.plain_text.startswith(f"➕ Lisäviesti – asia {number}") and "starttirahasta" in added.plain_text


async def test_cancel_before_the_question_sends_nothing_to_staff_and_the_bot_answers_again(start_bot, fake):
    async with start_bot(clock=at(MONDAY_MORNING), **handoff_settings()) as bot:
        await bot.say(PERSON, "/ihminen")
        (cancelled,) = await bot.say(PERSON, "/peru")
        (answer,) = await bot.say(PERSON, "Asun Kuhmossa, mistä haen starttirahaa?")
    assert "viestiäsi ei lähetetä henkilökunnalle" in cancelled.plain_text
    assert "Kainuuntie 82" in answer.plain_text
    assert fake.sent(STAFF_GROUP) == []


async def test_the_person_can_close_their_case_and_staff_are_told(start_bot, fake):
    async with start_bot(clock=at(MONDAY_MORNING), **handoff_settings()) as bot:
        _, confirmation, in_group = await hand_over(bot, PERSON, QUESTION)
        closed = await bot.say(PERSON, "/peru")
        late = await bot.reply_in_group(STAFF_GROUP, STAFF_A, message_id(fake, in_group), "Vastaus")
    number = confirmation.plain_text.split("asia ")[1][:5]
    assert f"Asiasi {number} on suljettu" in to_chat(closed, PERSON)[0].plain_text
    assert f"Kysyjä sulki asian {number}" in to_group(closed)[0].plain_text
    assert to_chat(late, PERSON) == []


async def test_a_reply_to_someone_who_blocked_the_bot_tells_staff_and_closes_the_case(start_bot, fake):
    async with start_bot(clock=at(MONDAY_MORNING), **handoff_settings()) as bot:
        _, _, in_group = await hand_over(bot, PERSON, QUESTION)
        fake.blocked.add(PERSON)
        reply = await bot.reply_in_group(STAFF_GROUP, STAFF_A, message_id(fake, in_group), "Hei!")
        again = await bot.reply_in_group(STAFF_GROUP, STAFF_A, message_id(fake, in_group), "Hei?")
    assert "Vastausta ei voitu toimittaa" in to_group(reply)[0].plain_text
    assert "jo suljettu" in to_group(again)[0].plain_text


@pytest.mark.parametrize("typed, language_code, expected", [
    ("/människa", "sv", "Ditt nästa meddelande skickas vidare till sysselsättningstjänsternas personal"),
    ("/manniska", "sv", "Ditt nästa meddelande skickas vidare"),
    ("/human", "en", "Your next message will be passed on to the employment services' staff"),
])
async def test_asking_for_a_person_in_swedish_and_english(start_bot, typed, language_code, expected):
    async with start_bot(clock=at(MONDAY_MORNING), **handoff_settings()) as bot:
        (intro,) = await bot.say(PERSON, typed, language_code)
    assert expected in intro.plain_text


async def test_ask_a_person_button_under_a_fallback_and_after_a_thumbs_down(start_bot, fake):
    async with start_bot(clock=at(MONDAY_MORNING), **handoff_settings()) as bot:
        (fallback,) = await bot.say(PERSON, "blorf zzz qwerty")
        assert "ho:ask" in fallback.callback_data()
        (intro,) = await bot.press(PERSON, "ho:ask")
        await bot.say(PERSON, "/peru")
        (answer,) = await bot.say(PERSON, "Asun Kuhmossa, mistä haen starttirahaa?")
        assert "ho:ask" not in answer.callback_data()
        thumbs_down = next(d for d in answer.callback_data() if d.startswith("fb:0:"))
        press = api.callback_update(PERSON, thumbs_down)
        press["callback_query"]["message"]["reply_markup"] = answer.markup
        await bot.push(press)
    assert "Seuraava viestisi välitetään" in intro.plain_text
    (edited,) = fake.calls_to("editMessageReplyMarkup")
    datas = [b.get("callback_data") for row in edited.params["reply_markup"]["inline_keyboard"] for b in row]
    assert "ho:ask" in datas and not any((d or "").startswith("fb:") for d in datas)


async def test_without_a_handoff_section_nothing_changes(start_bot, fake):
    async with start_bot() as bot:
        (fallback,) = await bot.say(PERSON, "blorf zzz qwerty")
        (unavailable,) = await bot.say(PERSON, "/ihminen")
        (help_reply,) = await bot.say(PERSON, "/help")
        (next_answer,) = await bot.say(PERSON, "Asun Kuhmossa, mistä haen starttirahaa?")
    assert "ho:ask" not in fallback.callback_data()
    assert "en voi välittää kysymyksiä henkilökunnalle" in unavailable.plain_text
    assert "/human" not in help_reply.plain_text
    assert "Kainuuntie 82" in next_answer.plain_text
    menus = [c.params["commands"] for c in fake.calls_to("setMyCommands") if "scope" not in c.params]
    assert all("human" not in {c["command"] for c in menu} for menu in menus)


async def test_with_handoff_the_menu_and_help_list_the_commands_in_each_language(start_bot, fake, kb):
    async with start_bot(clock=at(MONDAY_MORNING), **handoff_settings()):
        pass
    menus = {c.params.get("language_code"): {m["command"] for m in c.params["commands"]}
             for c in fake.calls_to("setMyCommands") if "scope" not in c.params}
    assert {"human", "cancel"} <= menus[None] and {"ihminen", "peru"} <= menus["fi"]
    assert {"manniska", "avbryt"} <= menus["sv"]
    for language in ("fi", "sv", "en"):
        assert "/human" in help_text(kb, language, True) and "/cancel" in help_text(kb, language, True)
        for names, _, _ in HANDOFF_COMMANDS:
            assert f"/{names[0]}" in help_text(kb, language, True)


async def test_reset_closes_an_open_case_and_staff_are_told(start_bot, fake, db_path):
    async with start_bot(clock=at(MONDAY_MORNING), **handoff_settings()) as bot:
        _, confirmation, in_group = await hand_over(bot, PERSON, QUESTION)
        reset = await bot.say(PERSON, "/reset")
        late = await bot.reply_in_group(STAFF_GROUP, STAFF_A, message_id(fake, in_group), "Vastaus")
    number = confirmation.plain_text.split("asia ")[1][:5]
    assert f"Kysyjä sulki asian {number}" in to_group(reset)[0].plain_text
    assert to_chat(late, PERSON) == []
    with sqlite3.connect(db_path) as db:
        assert db.execute("select count(*) from handoff_cases").fetchone() == (0,)


async def test_busy_staff_get_no_flood_notice_in_the_group_and_every_reply_is_relayed(start_bot, fake):
    settings = handoff_settings() | {"telegram": {"flood_limit_per_minute": 2}}
    async with start_bot(clock=at(MONDAY_MORNING), **settings) as bot:
        _, _, in_group = await hand_over(bot, PERSON, QUESTION)
        for n in range(3):
            await bot.reply_in_group(STAFF_GROUP, STAFF_A, message_id(fake, in_group), f"Vastaus {n}")
    relayed = [c.plain_text.split("\n\n")[1] for c in fake.sent(PERSON) if c.plain_text.startswith("💬")]
    assert relayed == ["Vastaus 0", "Vastaus 1", "Vastaus 2"]
    assert not [c for c in fake.sent(STAFF_GROUP) if "tiuhaan" in c.plain_text]
