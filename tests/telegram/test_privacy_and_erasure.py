"""What a person is told about their data, and erasure that is true: /tietosuoja, /integritet, /privacy in their
language, the bot's description per language, and /unohda removing every row linked to them, down to the bytes of
the SQLite file and its write-ahead log."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from zoneinfo import ZoneInfo

import fake_bot_api as api
import pytest

from bot.config import ConfigError, config_from_dict
from bot.conversation.inbox import DONE, Inbox
from bot.conversation.privacy import user_key
from bot.conversation.storage import key_file_for

STAFF_GROUP = -1001234567890
STAFF = 9001
#: A Telegram id that takes six bytes as an SQLite integer: its binary form is searched for too.
PERSON = 7_012_345_678_901
OTHER = 5_552_002
MONDAY_MORNING = datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki"))
#: A question the bot cannot answer: its redacted text is kept for staff, so it is on disk until erased.
UNANSWERED = "Zorblax kvanttiporkkana vesiputous?"
OTHERS_UNANSWERED = "Flimflam sateenvarjokone lumihiutale?"


def handoff_on() -> dict:
    return {"handoff": {"chat_id": STAFF_GROUP}, "staff": {"user_ids": [STAFF]}}


@pytest.mark.parametrize(("command", "language_code", "expected"), [
    ("/tietosuoja", "fi", ["Tietosuoja: mitä sinusta tallennetaan ja miksi", "kun et ole kirjoittanut 30 päivään",
                           "henkilötiedot poistettuina", "Telegramin oma tietosuojakäytäntö", "/unohda"]),
    ("/integritet", "sv", ["Integritet: vad som sparas om dig och varför", "inte har skrivit på 30 dagar",
                           "personuppgifterna borttagna", "Telegrams egen integritetspolicy", "/glom"]),
    ("/privacy", "en", ["Privacy: what is stored about you and why", "not written for 30 days",
                        "with personal data removed", "Telegram's own privacy policy", "/reset"]),
])
async def test_the_privacy_notice_answers_in_the_persons_language(start_bot, command, language_code, expected):
    async with start_bot(privacy={"retention_days": 30}) as bot:
        (notice,) = await bot.say(PERSON, command, language_code)
    for words in expected:
        assert words in notice.plain_text, words


async def test_without_a_configured_controller_the_notice_says_so_and_invents_no_contact(start_bot, kb):
    async with start_bot() as bot:
        (fi,) = await bot.say(PERSON, "/tietosuoja", "fi")
        (sv,) = await bot.say(OTHER, "/integritet", "sv")
    assert "Rekisterinpitäjää ja sen yhteystietoja ei ole vielä asetettu tämän botin asetuksiin" in fi.plain_text
    assert "Den personuppgiftsansvarige och dess kontaktuppgifter har ännu inte angetts" in sv.plain_text
    assert "@" not in fi.plain_text and "Rekisterinpitäjä:" not in fi.plain_text
    # without hand-over: no /ihminen, the online service instead
    assert "/ihminen" not in fi.plain_text
    assert f"Asioi verkossa: {kb.area.online_service_url}" in fi.plain_text


async def test_a_configured_controller_contact_policy_page_and_hand_over_are_named(start_bot):
    settings = handoff_on() | {"privacy": {"controller": "Kajaanin kaupunki, työllisyyspalvelut",
                                           "contact": "tietosuoja@example.fi",
                                           "policy_url": "https://example.fi/tietosuoja"}}
    async with start_bot(clock=lambda: MONDAY_MORNING, **settings) as bot:
        (fi,) = await bot.say(PERSON, "/tietosuoja", "fi")
        (en,) = await bot.say(OTHER, "/privacy", "en")
    assert "Rekisterinpitäjä: Kajaanin kaupunki, työllisyyspalvelut" in fi.plain_text
    assert "Yhteys tietosuoja-asioissa: tietosuoja@example.fi" in fi.plain_text
    assert "Koko tietosuojaseloste: https://example.fi/tietosuoja" in fi.plain_text
    assert "Kysy ihmiseltä: /ihminen" in fi.plain_text and "ei ole vielä asetettu" not in fi.plain_text
    assert "Controller: Kajaanin kaupunki" in en.plain_text and "Ask a person: /human" in en.plain_text


def test_a_policy_url_that_is_no_web_address_stops_start_up():
    with pytest.raises(ConfigError, match="privacy.policy_url must be a web address"):
        config_from_dict({"privacy": {"policy_url": "tietosuoja.pdf"}})


async def test_start_and_help_point_to_the_privacy_notice(start_bot):
    async with start_bot() as bot:
        greeting, _ = await bot.say(PERSON, "/start", "fi")
        (help_fi,) = await bot.say(PERSON, "/apua", "fi")
        (help_en,) = await bot.say(OTHER, "/help", "en")
    assert "Mitä sinusta tallennetaan: /tietosuoja" in greeting.plain_text
    assert "/tietosuoja (/privacy) – mitä sinusta tallennetaan ja miksi" in help_fi.plain_text
    assert "/privacy – what is stored about you and why" in help_en.plain_text


async def test_the_bot_describes_itself_in_finnish_swedish_and_english_at_start_up(start_bot, fake, kb):
    async with start_bot():
        pass
    long = {c.params.get("language_code"): c.params["description"] for c in fake.calls_to("setMyDescription")}
    short = {c.params.get("language_code"): c.params["short_description"]
             for c in fake.calls_to("setMyShortDescription")}
    assert set(long) == set(short) == {None, "fi", "sv", "en"}
    assert long["fi"] == kb.text("bot_description", "fi") and "/tietosuoja" in long["fi"]
    assert long["sv"] == kb.text("bot_description", "sv") and "/integritet" in long["sv"]
    assert long[None] == long["en"] == kb.text("bot_description", "en") and "/privacy" in long["en"]
    assert short["fi"].startswith("Mistä apua työnhakuun") and short[None] == short["en"]
    assert not fake.calls_to("setMyDescription", ok=False) and not fake.calls_to("setMyShortDescription", ok=False)


# -- erasure ------------------------------------------------------------------------------------------------

def file_bytes(db_path) -> bytes:
    """The database file and its write-ahead log, as anyone copying the disk would read them."""
    wal = db_path.with_name(db_path.name + "-wal")
    return db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def traces(data: bytes, hashed: str) -> list[str]:
    """What of PERSON the bytes still hold: their id (as text and as SQLite's 6-byte integer), hash, question."""
    found = []
    checks = {"id as text": str(PERSON).encode(), "id as integer": PERSON.to_bytes(6, "big"),
              "hash": hashed.encode(), "question": UNANSWERED.encode()}
    for what, needle in checks.items():
        if needle in data:
            found.append(what)
    return found


async def test_unohda_removes_everything_linked_to_the_person_and_no_byte_of_it_stays_on_disk(
        start_bot, fake, db_path):
    async with start_bot(clock=lambda: MONDAY_MORNING, **handoff_on()) as bot:
        await bot.say(OTHER, OTHERS_UNANSWERED)
        await bot.say(PERSON, UNANSWERED)
        (routed,) = await bot.say(PERSON, "Asun Kuhmossa, mistä haen starttirahaa?")
        await bot.press(PERSON, next(d for d in routed.callback_data() if d.startswith("fb:1:")))
        await bot.say(PERSON, "/ihminen")
        await bot.say(PERSON, "Hakemukseni hylättiin, mitä teen?")
        hashed = user_key(bytes.fromhex(key_file_for(db_path).read_text().strip()), PERSON)
        before = traces(file_bytes(db_path), hashed)
        replies = await bot.say(PERSON, "/unohda")
        while_running = traces(file_bytes(db_path), hashed)
    after_shutdown = traces(file_bytes(db_path), hashed)
    assert {"hash", "question", "id as integer"} <= set(before)  # the check can see them while they are stored
    assert (while_running, after_shutdown) == ([], []), (while_running, after_shutdown)
    (told,) = [c for c in replies if c.params["chat_id"] == PERSON]
    assert told.plain_text.startswith("Kaikki sinusta tallennettu on poistettu:")
    for line in ("asetuksesi (kieli, kotikunta, aihe): 1", "kysymyksesi tilastoissa: 2", "palautteesi (👍/👎): 1",
                 "avoin asiasi henkilökunnalle: 1", "käsittelyä odottaneet viestisi: 0"):
        assert line in told.plain_text, line
    assert any("Kysyjä sulki asian" in c.plain_text for c in replies if c.params["chat_id"] == STAFF_GROUP)
    with sqlite3.connect(db_path) as db:
        assert db.execute("select count(*) from handoff_cases").fetchone() == (0,)
        assert db.execute("select count(*) from analytics_feedback").fetchone() == (0,)
        kept = [text for (text,) in db.execute("select text from analytics_answers where text is not null")]
    assert kept == [OTHERS_UNANSWERED] or OTHERS_UNANSWERED in kept  # someone else's rows stay


async def test_nothing_stored_is_said_honestly_in_swedish(start_bot):
    async with start_bot() as bot:
        (told,) = await bot.say(PERSON, "/glom", "sv")
        (typed,) = await bot.say(PERSON, "/glöm", "sv")
    assert told.plain_text.startswith("Inget hade sparats om dig, så det fanns inget att radera.")
    assert typed.plain_text == told.plain_text


def test_updates_of_the_person_waiting_in_the_inbox_lose_their_content(tmp_path):
    connection = sqlite3.connect(tmp_path / "inbox.sqlite")
    inbox = Inbox(connection, b"k" * 32)
    for update_id, sender in ((1, PERSON), (2, OTHER), (3, PERSON), (4, PERSON)):
        inbox.add(update_id, {"update_id": update_id, "message": {"from": {"id": sender}, "text": "hei"}})
    assert inbox.forget_sender(PERSON, keep=4) == 2  # 4 is the /unohda being handled: finished as usual
    left = {p.update_id: p.update for p in inbox.unfinished()}
    assert set(left) == {2, 4} and left[2]["message"]["from"]["id"] == OTHER
    rows = dict(connection.execute("select update_id, state from inbox where payload is null"))
    assert rows == {1: DONE, 3: DONE}  # ids remembered, so a redelivery is still recognised
    assert inbox.add(1, api.text_update(PERSON, "hei")) is False
