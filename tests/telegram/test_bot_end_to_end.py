"""The Telegram bot end to end: real PTB networking against the fake Bot API server."""

from __future__ import annotations

import logging

import aiohttp
import fake_bot_api as api
import httpx
import pytest
from bot_runner import TOKEN
from telegram.error import NetworkError

from bot.conversation.storage import Storage
from handlers.telegram import messages
from handlers.telegram.app import COMMANDS, quiet_chatty_loggers, register_handlers
from handlers.telegram.delivery import RetryingRateLimiter

FI_USER, EN_USER = 1001, 2002
KUHMO_ADDRESS = "Kainuuntie 82, 88900 Kuhmo"


def inline_rows(call: api.Call) -> list[list[dict]]:
    return call.markup.get("inline_keyboard", [])


async def test_start_greets_in_finnish_with_language_and_municipality_buttons(start_bot, fake):
    async with start_bot() as bot:
        greeting, location_prompt = await bot.say(FI_USER, "/start", "fi")
    assert greeting.plain_text.startswith("Hei! Olen TyöNavi")
    data = greeting.callback_data()
    assert {"lang:fi", "lang:en", "mun:kuhmo", "mun:kajaani", "mun:_else"} <= set(data)
    assert len([d for d in data if d.startswith("mun:")]) == 11
    button = location_prompt.markup["keyboard"][0][0]
    assert button["request_location"] is True and button["text"] == "📍 Lähetä sijaintini"
    assert not fake.rejected


async def test_start_greets_in_english_when_telegram_language_is_not_finnish(start_bot, fake):
    async with start_bot() as bot:
        greeting, _ = await bot.say(EN_USER, "/start", "de")
    assert greeting.plain_text.startswith("Hi! I'm TyöNavi")
    assert fake.calls_to("setMyCommands")


async def test_deep_link_start_kuhmo_saves_the_home_municipality_and_answers(start_bot, db_path):
    async with start_bot() as bot:
        greeting, answer = await bot.say(FI_USER, "/start kuhmo")
        later = await bot.say(FI_USER, "Mistä haen starttirahaa?")
    assert KUHMO_ADDRESS in answer.plain_text
    assert KUHMO_ADDRESS in later[0].plain_text
    assert Storage(db_path).get(FI_USER).municipality == "kuhmo"


async def test_a_routed_answer_starts_with_the_place_and_folds_its_source_into_an_expandable_quote(start_bot):
    async with start_bot() as bot:
        (answer,) = await bot.say(FI_USER, "Asun Kuhmossa, minne menen?", "fi")
    html_text = answer.params["text"]
    lines = answer.plain_text.split("\n")
    assert KUHMO_ADDRESS in lines[:4]
    assert html_text.rstrip().endswith("</blockquote>")
    quoted = html_text[html_text.index("<blockquote expandable>"):]
    assert "Lähde: alueen suunnitelma (2023)" in quoted
    assert "Lähde:" not in html_text[:html_text.index("<blockquote expandable>")]


async def test_deep_link_start_en_switches_to_english(start_bot):
    async with start_bot() as bot:
        greeting, _ = await bot.say(FI_USER, "/start en", "fi")
        (answer,) = await bot.say(FI_USER, "Asun Kuhmossa, minne menen?", "fi")
    assert greeting.plain_text.startswith("Hi!")
    assert "Kuhmo city hall" in answer.plain_text


async def test_question_in_finnish_is_answered_with_map_button(start_bot, fake):
    async with start_bot() as bot:
        (answer,) = await bot.say(FI_USER, "Asun Kuhmossa, minne menen?")
    assert "Kuhmon kaupungintalo" in answer.plain_text and KUHMO_ADDRESS in answer.plain_text
    assert answer.params["parse_mode"] == "HTML"
    assert answer.urls() == ["https://www.openstreetmap.org/search?query=Kainuuntie%2082%2C%2088900%20Kuhmo"]
    assert not fake.rejected


async def test_question_in_english_is_answered_in_english(start_bot, fake):
    async with start_bot() as bot:
        (answer,) = await bot.say(EN_USER, "I live in Kajaani and need a startup grant", "en")
    assert "Kalliokatu 4" in answer.plain_text and "startup grant" in answer.plain_text.lower()
    assert any("other service points in kajaani" in b["text"].lower() for row in inline_rows(answer) for b in row)
    (others,) = await _press_after(start_bot, EN_USER, "pts:kajaani")
    assert "Pohjolankatu 13" in others.plain_text


async def _press_after(start_bot, user_id, data):
    async with start_bot() as bot:
        return await bot.press(user_id, data, "en")


async def test_clarify_by_button_saves_home_and_answers_the_original_question(start_bot, fake, db_path):
    async with start_bot() as bot:
        (clarify,) = await bot.say(FI_USER, "Mistä haen starttirahaa?")
        assert "Missä kunnassa asut?" in clarify.plain_text
        assert "mun:kuhmo" in clarify.callback_data()
        assert Storage(db_path).get(FI_USER).pending_question == "Mistä haen starttirahaa?"
        (answer,) = await bot.press(FI_USER, "mun:kuhmo")
    assert "Kuhmo" in answer.plain_text and "Starttirahaa haet" in answer.plain_text
    assert KUHMO_ADDRESS in answer.plain_text
    assert len(fake.calls_to("answerCallbackQuery")) == 1
    stored = Storage(db_path).get(FI_USER)
    assert stored.municipality == "kuhmo" and stored.pending_question is None


async def test_follow_up_enta_kuhmossa_answers_the_same_topic_for_kuhmo(start_bot):
    async with start_bot() as bot:
        (first,) = await bot.say(FI_USER, "Asun Sotkamossa ja haen starttirahaa")
        (follow_up,) = await bot.say(FI_USER, "entä Kuhmossa?")
        (english,) = await bot.say(EN_USER, "I live in Kajaani and need a startup grant", "en")
        (and_in,) = await bot.say(EN_USER, "and in Kuhmo?", "en")
    assert "Sotkamo" in first.plain_text
    assert "Starttirahaa haet" in follow_up.plain_text and KUHMO_ADDRESS in follow_up.plain_text
    assert "startup grant" in and_in.plain_text.lower() and KUHMO_ADDRESS in and_in.plain_text


async def test_location_near_kuhmo_is_confirmed_then_answered(start_bot, db_path, fake):
    async with start_bot() as bot:
        (proposal,) = await bot.share_location(FI_USER, 64.13, 29.52)
        assert "Kuhmo" in proposal.plain_text
        assert proposal.callback_data() == ["locyes:kuhmo", "locno:"]
        (answer,) = await bot.press(FI_USER, "locyes:kuhmo")
    assert KUHMO_ADDRESS in answer.plain_text
    assert Storage(db_path).get(FI_USER).municipality == "kuhmo"
    assert not fake.rejected


async def test_location_in_helsinki_gets_the_out_of_area_answer(start_bot):
    async with start_bot() as bot:
        (answer,) = await bot.share_location(EN_USER, 60.1699, 24.9384, "en")
    assert "not part of the Kainuu–Koillismaa employment area" in answer.plain_text
    assert answer.callback_data()  # a way on


async def test_sticker_and_photo_get_a_short_helpful_reply_and_edits_are_ignored(start_bot, fake):
    async with start_bot() as bot:
        (sticker,) = await bot.push(api.sticker_update(FI_USER))
        (photo,) = await bot.push(api.photo_update(EN_USER, "en"))
        edited = await bot.push(api.edited_text_update(FI_USER, "Asun Kuhmossa"))
    assert sticker.plain_text.startswith("Ymmärrän vain kirjoitettuja viestejä")
    assert photo.plain_text.startswith("I only understand written messages")
    assert edited == []
    assert not fake.calls_to("sendMessage", ok=False)


async def test_hostile_html_is_answered_with_valid_html(start_bot, fake):
    async with start_bot() as bot:
        replies = await bot.say(FI_USER, "<b>asun</b> <script>kuhmossa</script> & co")
        replies += await bot.press(FI_USER, "mun:kuhmo")
    assert replies and all(r.ok for r in replies)
    assert not fake.rejected
    assert "<script>" not in " ".join(r.params["text"] for r in replies)


async def test_429_and_502_while_sending_still_deliver_the_answer_exactly_once(start_bot, fake):
    fake.fail_next("sendMessage", 429, retry_after=1)
    fake.fail_next("sendMessage", 502)
    async with start_bot() as bot:
        await bot.say(FI_USER, "Asun Kuhmossa, minne menen?")
    failed = fake.calls_to("sendMessage", ok=False)
    assert [c.status for c in failed] == [429, 502]
    delivered = fake.calls_to("sendMessage")
    assert len(delivered) == 1 and KUHMO_ADDRESS in delivered[0].plain_text


def _network_error(cause: Exception | None) -> NetworkError:
    """A NetworkError as the transports raise it: chained to the HTTP library's error for a transport failure."""
    try:
        raise NetworkError("send failed") from cause
    except NetworkError as exc:
        return exc


@pytest.mark.parametrize("cause, attempts, counts_as_sent", [
    (None, 3, False),  # a 5xx answer (Bad Gateway…): not carried out, retried
    (httpx.ConnectError("refused"), 3, False),  # the request never left
    (httpx.PoolTimeout("pool full"), 3, False),
    (httpx.WriteError("broken pipe"), 3, False),  # an incomplete request cannot be carried out
    (aiohttp.ClientConnectorError(None, OSError(111, "refused")), 3, False),  # the bot's transport: aiohttp
    (aiohttp.ConnectionTimeoutError(), 3, False),
    (aiohttp.ServerDisconnectedError(), 1, True),
    (aiohttp.ClientPayloadError("cut short"), 1, True),
    (httpx.ReadError("reset"), 1, True),  # sent, then the connection broke: may have been delivered
    (httpx.RemoteProtocolError("server disconnected"), 1, True),
    (RuntimeError("unknown failure in the HTTP library"), 1, True),
])
async def test_sends_are_retried_only_when_telegram_cannot_have_carried_them_out(cause, attempts, counts_as_sent):
    limiter = RetryingRateLimiter(retries=2, delay=0)
    calls = []

    async def send(*_args, **_kwargs):
        calls.append(1)
        raise _network_error(cause)

    await limiter.initialize()
    if counts_as_sent:  # sending it again could make it arrive twice: the handler goes on as if it was sent
        result = await limiter.process_request(send, (), {}, "sendMessage", {"chat_id": 1}, None)
        assert result["chat"]["id"] == 1
    else:
        with pytest.raises(NetworkError):
            await limiter.process_request(send, (), {}, "sendMessage", {"chat_id": 1}, None)
    await limiter.shutdown()
    assert len(calls) == attempts


async def test_a_call_that_sends_nothing_is_not_taken_as_done_when_its_connection_breaks():
    limiter = RetryingRateLimiter(retries=2, delay=0)

    async def answer_callback(*_args, **_kwargs):
        raise _network_error(httpx.ReadError("reset"))

    await limiter.initialize()
    with pytest.raises(NetworkError):
        await limiter.process_request(answer_callback, (), {}, "answerCallbackQuery", {}, None)
    await limiter.shutdown()


async def test_restart_on_the_same_database_keeps_settings(start_bot, fake):
    async with start_bot() as bot:
        await bot.press(FI_USER, "lang:en")
        await bot.press(FI_USER, "mun:kuhmo")
    async with start_bot() as bot:
        (answer,) = await bot.say(FI_USER, "Mistä haen starttirahaa?")
    assert "Kuhmo city hall" in answer.plain_text  # home municipality and chosen language remembered


async def test_reset_forgets_everything_stored(start_bot, db_path):
    async with start_bot() as bot:
        await bot.press(FI_USER, "mun:kuhmo")
        (done,) = await bot.say(FI_USER, "/reset")
        (clarify,) = await bot.say(FI_USER, "Mistä haen starttirahaa?")
        await bot.say(FI_USER, "/unohda")
    assert "poistettu" in done.plain_text
    assert "Missä kunnassa asut?" in clarify.plain_text
    storage = Storage(db_path)
    assert storage.get(FI_USER) == type(storage.get(FI_USER))()
    assert storage.db["users"].count == 0


async def test_users_are_stored_under_a_keyed_hash_not_their_telegram_id(start_bot, db_path):
    async with start_bot() as bot:
        await bot.say(FI_USER, "Asun Kuhmossa, minne menen?")
    rows = list(Storage(db_path).db["users"].rows)
    assert len(rows) == 1 and str(FI_USER) not in str(rows[0])
    assert rows[0]["pending_question"] is None


async def test_flood_limit_sends_one_notice_then_ignores(start_bot, fake):
    async with start_bot(telegram={"flood_limit_per_minute": 3}) as bot:
        replies = []
        for _ in range(3):
            replies += await bot.say(FI_USER, "kiitos")
        for _ in range(3):  # over the limit: stopped before the handlers, so wait for what is sent
            fake.push(api.text_update(FI_USER, "kiitos"))
        await bot.say(EN_USER, "thanks", "en")  # updates are handled in order: the three are done by now
    assert len(replies) == 3
    sent = fake.sent(FI_USER)
    assert len(sent) == 4 and "Odota hetki" in sent[-1].plain_text
    assert len(fake.sent(EN_USER)) == 1


async def test_error_handler_tells_the_user_and_logs_neither_text_nor_token(start_bot, fake, caplog):
    async with start_bot() as bot:
        def broken(user_id: int, text: str):
            raise RuntimeError("engine exploded")

        bot.app.bot_data["services"].conversations.ask = broken
        quiet_chatty_loggers()  # as `tyonavi run` does
        with caplog.at_level(logging.DEBUG, logger="tyonavi"):
            (reply,) = await bot.say(FI_USER, "Asun Kuhmossa, salainen-tieto")
    assert reply.plain_text == "Jokin meni pieleen. Yritä hetken päästä uudelleen."
    logged = caplog.text
    assert "RuntimeError" in logged and "salainen-tieto" not in logged and TOKEN not in logged


def test_catch_all_text_handler_is_registered_last(fake):
    from telegram.ext import ApplicationBuilder

    app = ApplicationBuilder().token(TOKEN).base_url(fake.base_url).build()
    register_handlers(app)
    assert app.handlers[0][-1].callback is messages.question


def test_help_lists_every_command_in_both_languages():
    from bot import SHIPPED_KNOWLEDGE
    from bot.kb import load_knowledge_base

    kb = load_knowledge_base(SHIPPED_KNOWLEDGE)
    for language in ("fi", "en"):
        for names, _, _ in COMMANDS:
            assert f"/{names[0]}" in kb.text("help", language)


async def test_english_user_asked_for_the_municipality_who_types_kuhmo_is_answered_in_english(start_bot, db_path):
    async with start_bot() as bot:
        (clarify,) = await bot.say(EN_USER, "Where can I apply for a startup grant?", "en")
        (answer,) = await bot.say(EN_USER, "Kuhmo", "en")
    assert "Which municipality" in clarify.plain_text
    assert "startup grant" in answer.plain_text.lower() and KUHMO_ADDRESS in answer.plain_text
    assert "Starttirahaa" not in answer.plain_text
    assert Storage(db_path).get(EN_USER).seen_language == "en"


async def test_english_user_who_types_a_postal_code_after_a_question_is_answered_in_english(start_bot):
    async with start_bot() as bot:
        await bot.say(EN_USER, "Where can I apply for a startup grant?", "en")
        (answer,) = await bot.say(EN_USER, "88900", "en")
    assert "startup grant" in answer.plain_text.lower() and KUHMO_ADDRESS in answer.plain_text


async def test_hossa_is_proposed_as_suomussalmi_and_vaala_is_outside_the_area(start_bot):
    async with start_bot() as bot:
        (hossa,) = await bot.share_location(EN_USER, 65.446, 29.558, "en")
        (vaala,) = await bot.share_location(EN_USER, 64.56, 26.84, "en")
    assert hossa.callback_data() == ["locyes:suomussalmi", "locno:"]
    assert "not part of the Kainuu–Koillismaa employment area" in vaala.plain_text


async def test_connection_broken_after_the_request_was_sent_is_not_retried_so_nothing_arrives_twice(start_bot, fake):
    fake.drop_next("sendMessage")  # Telegram may have delivered it: a retry could send the answer twice
    async with start_bot() as bot:
        await bot.say(FI_USER, "Asun Kuhmossa, minne menen?")
    answers = [c for c in fake.calls_to("sendMessage", ok=None) if KUHMO_ADDRESS in c.plain_text]
    assert [c.status for c in answers] == [api.DROPPED]
    assert len(fake.calls_to("sendMessage", ok=None)) == 1  # nor an error notice: the answer may well have arrived


async def test_one_staff_member_who_cannot_be_reached_does_not_keep_the_alert_from_the_others(start_bot, fake,
                                                                                                  caplog):
    staff = [9001, 9002, 9003]
    async with start_bot(staff={"user_ids": staff}) as bot:
        def broken(user_id: int, text: str):
            raise RuntimeError("engine exploded")

        bot.app.bot_data["services"].conversations.ask = broken
        fake.fail_next("sendMessage", 403)  # the person has blocked the bot
        fake.fail_next("sendMessage", 403)  # so has the first staff member
        with caplog.at_level(logging.WARNING, logger="tyonavi"):
            await bot.say(FI_USER, "Asun Kuhmossa, salainen-tieto")
            await fake.wait_for(lambda: fake.sent(staff[2]), what="the last staff member's alert")
    assert [c.status for c in fake.calls_to("sendMessage", ok=None)] == [403, 403, 200, 200]
    assert fake.sent(staff[1]) and "RuntimeError" in fake.sent(staff[1])[0].plain_text
    assert "Forbidden" in caplog.text and "salainen-tieto" not in caplog.text and "fake failure" not in caplog.text


async def test_deep_link_start_takes_every_language_of_the_knowledge_base(start_bot, db_path):
    from bot.kb.model import LANGUAGES

    async with start_bot() as bot:
        for number, code in enumerate(LANGUAGES):
            await bot.say(FI_USER + number, f"/start {code}", "de")
    assert [Storage(db_path).get(FI_USER + n).language for n in range(len(LANGUAGES))] == list(LANGUAGES)


async def test_who_is_asking_is_asked_by_buttons_and_the_choice_answers_the_original_question(start_bot, fake,
                                                                                              db_path):
    async with start_bot() as bot:
        (asked,) = await bot.say(FI_USER, "etsin töitä yritykselleni kuhmossa")
        assert asked.plain_text == "Etsitkö töitä vai haluatko palkata työntekijän yritykseesi?"
        assert asked.callback_data() == ["role:jobseeker", "role:employer"]
        assert [b["text"] for row in inline_rows(asked) for b in row] == ["Etsin töitä", "Haluan palkata"]
        (answer,) = await bot.press(FI_USER, "role:jobseeker")
        assert KUHMO_ADDRESS in answer.plain_text and "Kuhmon kaupungintalo" in answer.plain_text
        (again,) = await bot.say(FI_USER, "etsin töitä yritykselleni kuhmossa")
        (employer,) = await bot.press(FI_USER, "role:employer")
    assert "Työnantaja- ja yrityspalvelut" in employer.plain_text and KUHMO_ADDRESS not in employer.plain_text
    stored = Storage(db_path).get(FI_USER)
    assert stored.pending_question is None and stored.municipality == "kuhmo"
    assert not fake.rejected


async def test_shared_village_name_is_asked_about_by_buttons(start_bot, fake):
    async with start_bot() as bot:
        (asked,) = await bot.say(FI_USER, "asun maanselässä ja etsin töitä")
        assert sorted(asked.callback_data()) == ["mun:_else", "mun:kuusamo", "mun:sotkamo"]
        (answer,) = await bot.press(FI_USER, "mun:kuusamo")
        stale = await bot.press(FI_USER, "role:employer")  # an old or forged button: nothing to answer
    assert "Keskuskuja 6, 93600 Kuusamo" in answer.plain_text
    assert stale == []
    assert not fake.rejected
