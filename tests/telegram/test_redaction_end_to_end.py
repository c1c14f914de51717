"""The redaction corpora through the real Telegram stack (PTB against the fake Bot API): every message with
personal data is sent as a person would send it, questions the bot asks back are answered with a button,
and then the database file as it lies on disk (and its -wal, -shm and -journal files, when there are any)
is searched for every personal-data string. Messages without personal data must reach staff intact.

The bot keeps a question's text only when it could not answer well (`bot.conversation.analytics.keeps_text`); here it
keeps every question, the worst case for privacy, so that all the corpus goes through redaction into the
file and not only the part the engine happens to be unsure about today. Telegram's 30 messages/s limit
(PTB's rate limiter) is off, as it is not what is tested.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import fake_bot_api as api
import pytest
from sqlite_utils import Database

from bot.conversation import analytics
from bot.conversation.analytics import ANSWERS
from bot.conversation.privacy import redact
from handlers.telegram import delivery

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "privacy"))
import corpus  # noqa: E402  (tests/privacy/corpus.py: the corpora and how a leak is looked for)

FIRST_USER = 700_000


@pytest.fixture(autouse=True)
def keep_every_question_and_send_without_delay(monkeypatch, fake):
    monkeypatch.setattr(analytics, "keeps_text", lambda answer: True)
    limiter = delivery.RetryingRateLimiter
    original = limiter.__init__

    def unlimited(self, *args, **kwargs):
        original(self, *args, **{**kwargs, "overall_max_rate": 0, "group_max_rate": 0})

    monkeypatch.setattr(limiter, "__init__", unlimited)


def database_files(db_path: Path) -> dict[str, bytes]:
    """The database file and every file SQLite keeps beside it (-wal, -shm, -journal), as stored on disk."""
    paths = [db_path, *(db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]
    return {p.name: p.read_bytes() for p in paths if p.exists()}


async def send_all(running, fake: api.FakeBotApi, texts: list[str], first_user: int) -> None:
    """Each message from its own person (so that each is a first question), all queued at once; then every
    question the bot asked back ("Missä kunnassa asut?") is answered with the first municipality button,
    so that the question kept meanwhile is answered and recorded too."""
    before = len(fake.calls)
    ids = [fake.push(api.text_update(first_user + n, text, "fi")) for n, text in enumerate(texts)]
    await fake.wait_for(lambda: all(i in running.processed for i in ids), timeout=60, what="every message handled")
    asked_back: dict[int, str] = {}
    for call in fake.calls[before:]:
        buttons = [d for d in call.callback_data() if d.startswith(("mun:", "role:")) and d != "mun:_else"]
        if call.ok and buttons:
            asked_back[int(call.params["chat_id"])] = buttons[0]
    presses = [fake.push(api.callback_update(user, data, "fi")) for user, data in asked_back.items()]
    await fake.wait_for(lambda: all(i in running.processed for i in presses), timeout=60, what="every button handled")


def _words_of(personal: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(personal.lower())}(?!\w)")


async def test_no_personal_data_from_the_corpus_reaches_the_database_files(start_bot, fake, db_path):
    items = corpus.with_personal_data()
    async with start_bot() as running:
        await send_all(running, fake, [item.text for item in items], FIRST_USER)
    # the application is closed: what is on disk now is what stays there
    files = database_files(db_path)
    raw = b"".join(files.values())
    text = raw.decode("utf-8", errors="replace")
    lowered, squeezed = text.lower(), corpus.squeeze(text)

    leaks = []
    for item in items:
        for personal in item.strings:
            squeezed_personal = corpus.squeeze(personal)
            if squeezed_personal.isdigit():
                # digits alone ("290299", a birth date) as a number of their own: inside a run of letters and
                # digits they are a hash's hex or a blob's bytes, which contain any six digits now and then
                number = re.compile(rf"(?<![0-9A-Za-z]){re.escape(squeezed_personal)}(?![0-9A-Za-z])")
                found = ["as a number of its own"] if number.search(text) else []
            elif len(squeezed_personal) >= 6 or any(c.isdigit() for c in squeezed_personal):
                found = [how for how, leaked in (
                    ("as written", personal.encode() in raw),
                    ("lower case", personal.lower() in lowered),
                    ("spaces removed, lower case", squeezed_personal in squeezed)) if leaked]
            else:  # a short name ("Ali", "Mark") as a word: "municipality" and "Työmarkkinatori" are no leaks
                found = ["as a word, lower case"] if _words_of(personal).search(lowered) else []
            if found:
                leaks.append((item.text, personal, found))
    assert not leaks, f"{len(leaks)} leaks in {sorted(files)}: {leaks[:5]}"
    stored = {row["text"] for row in Database(db_path)[ANSWERS].rows if row["text"]}
    assert stored == {redact(item.text).strip() for item in items}  # every question went in, redacted


async def test_messages_without_personal_data_reach_staff_with_every_place_and_service(start_bot, fake, db_path):
    items = corpus.without_personal_data()
    async with start_bot() as running:
        await send_all(running, fake, [item.text for item in items], FIRST_USER + 10_000)
    stored = {row["text"] for row in Database(db_path)[ANSWERS].rows if row["text"]}
    assert len(stored) == len({item.text.strip() for item in items})  # every question went in
    damaged = []
    for item in items:
        (text,) = [s for s in stored if s == redact(item.text).strip()]
        if corpus.lost(item.strings, text):
            damaged.append((item.text, text))
    assert not damaged
