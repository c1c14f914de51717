"""The bot process is killed (SIGKILL, no chance to clean up) in the middle of traffic and started again.

`tyonavi run` runs in its own process against the fake Bot API of this test. It fetches updates 100 at a
time and confirms each batch to Telegram with its next getUpdates, long before it has answered them, so
at the kill most confirmed updates are still unanswered: only the inbox on disk still has them.

What must hold: the database passes `PRAGMA integrity_check`; settings are kept; each chat then receives
exactly what a calm run gave, in order, except that the one update whose answer was being sent at the kill
(the answer may or may not have left) is not answered again: its person gets one notice instead.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import fake_bot_api as api
import yaml
from bot_runner import TOKEN
from traffic import conversations, missing_and_extra, run_traffic, traffic

from bot.conversation.inbox import MAX_ATTEMPTS, Inbox
from bot.conversation.storage import Storage

PEOPLE = 30
FIRST_PERSON = 920_001
NOTICE_START = "Palvelu käynnistyi uudelleen, juuri kun vastasin viestiisi"
#: The notice in the person's last language: someone who last wrote English gets it in English.
NOTICE_STARTS = (NOTICE_START, "Tjänsten startade om just när jag svarade",
                 "The service restarted just as I was answering")


def start_process(config: Path, log: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "TYONAVI_HASH_KEY"}
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, PTB_TIMEDELTA="1")
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())",
                                 "run", "--config", str(config)], env=env, stdout=out, stderr=subprocess.STDOUT)


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def wait_until_quiet(fake: api.FakeBotApi, at_least: int, quiet: float = 2.0, timeout: float = 120) -> None:
    """Until at least `at_least` messages were delivered and then nothing was sent for `quiet` seconds."""
    deadline = time.monotonic() + timeout
    seen, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        count = len(fake.sent())
        if count != seen:
            seen, since = count, time.monotonic()
        elif count >= at_least and time.monotonic() - since >= quiet:
            return
        time.sleep(0.05)
    raise AssertionError(f"the bot did not finish: {seen} of {at_least} messages delivered")


def in_order(have: list[str], want: list[str]) -> bool:
    """`have` is `want` with some items left out, the rest in the same order (two questions may share an answer's
    text, so this walks the lists instead of looking texts up)."""
    remaining = iter(want)
    return all(text in remaining for text in have)


async def test_a_killed_bot_loses_no_update_and_answers_none_twice_after_restart(tmp_path):
    messages = traffic(PEOPLE, FIRST_PERSON)
    expected = await run_traffic(api.FakeBotApi(), tmp_path / "calm.sqlite", messages, timeout=120)
    total = sum(len(texts) for texts in expected.values())

    fake = api.FakeBotApi()
    fake.start()
    db_path, log = tmp_path / "tyonavi.sqlite", tmp_path / "bot.log"
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({
        "telegram": {"base_url": fake.base_url, "max_messages_per_second": 0},
        "storage": {"path": str(db_path)}, "knowledge": {"watch": False}, "logging": {"level": "WARNING"}}))
    try:
        first = start_process(config, log)
        try:
            for person, text in messages:
                fake.push(api.text_update(person, text, "fi"))
            wait_until(lambda: len(fake.sent()) >= total // 4, timeout=60, what="a quarter of the answers")
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
        before_kill = len(fake.sent())

        with sqlite3.connect(db_path) as db:
            assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
            people_stored = db.execute("select count(*) from users").fetchone()[0]
        assert people_stored >= len({int(c.params["chat_id"]) for c in fake.sent()})  # settings were committed

        second = start_process(config, log)
        try:
            wait_until_quiet(fake, at_least=total - 1)
        finally:
            second.send_signal(signal.SIGTERM)
            second.wait(timeout=30)
    finally:
        fake.stop()

    got = conversations(fake)
    notices = {chat: sum(t.startswith(NOTICE_STARTS) for t in texts) for chat, texts in got.items()}
    answers = {chat: [t for t in texts if not t.startswith(NOTICE_STARTS)] for chat, texts in got.items()}
    lost = doubled = 0
    for chat, want in expected.items():
        have = answers.get(chat, [])
        missing, extra = missing_and_extra(want, have)
        assert missing <= notices.get(chat, 0), f"chat {chat}: an answer is missing and nobody was told"
        lost += missing
        doubled += extra
        assert in_order(have, want), f"chat {chat}: answers out of order:\n" + "\n".join(
            f"  {'=' if h == w else '≠'} got {h[:70]!r} | calm {w[:70]!r}" for h, w in zip(have, want, strict=False))
    output = log.read_text(errors="replace")
    print(f"\n{len(messages)} messages from {PEOPLE} people; killed after {before_kill} of {total} answers; "
          f"after the restart: {sum(notices.values())} notice(s), lost {lost}, doubled {doubled}")
    assert "left unfinished by the last run" in output  # the inbox was needed: Telegram had forgotten them
    assert doubled == 0
    assert sum(notices.values()) <= 1  # one update is handled at a time: at most one answer was in flight
    assert TOKEN not in output


async def test_what_a_crash_left_is_taken_up_at_start_in_one_of_three_ways(start_bot, fake, db_path):
    """Left unhandled: answered now. Answer in flight: one notice, no second answer. Being handled at each of
    the last three crashes (a message that kills the bot): given up, with the error text."""
    async with start_bot() as bot:
        await bot.say(1001, "Asun Kuhmossa")
    storage = Storage(db_path)
    inbox = Inbox(storage.db.conn, storage.secret)
    inbox.add(900, {"update_id": 900, **api.text_update(1001, "Mistä haen starttirahaa?")})
    inbox.add(901, {"update_id": 901, **api.text_update(1002, "Asun Sotkamossa")})
    inbox.answering(901)
    inbox.add(902, {"update_id": 902, **api.text_update(1003, "Asun Kuhmossa", "en")})
    for _ in range(MAX_ATTEMPTS):
        inbox.attempt(902)
    storage.close()
    before = len(fake.sent())

    async with start_bot() as bot:
        await fake.wait_for(lambda: 900 in bot.processed, what="the update left unhandled")
        after = {chat: [c.plain_text for c in fake.sent(chat)] for chat in (1001, 1002, 1003)}
        unfinished = bot.app.bot_data["delivery"].inbox.unfinished()
    assert len(fake.sent()) == before + 3
    (answer,) = after[1001][1:]
    assert "Kuhmo" in answer  # the home municipality stored before the crash is still known
    assert after[1002] == [NOTICE_START + ". Jos vastaus jäi tulematta tai katkesi, kirjoita kysymyksesi uudelleen."]
    assert after[1003] == ["Something went wrong. Please try again in a moment."]
    assert unfinished == []
