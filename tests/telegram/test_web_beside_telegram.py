"""`tyonavi run` with web.port set: the web chat in the bot's own process, on the same engine, analytics and
hand-over. A web visitor votes 👎, asks a person, the question reaches the Telegram staff group, and the staff
member's reply and closing appear in the web chat."""

from __future__ import annotations

import socket
import sqlite3
from datetime import datetime
from zoneinfo import ZoneInfo

import aiohttp
import fake_bot_api as api

HELSINKI = ZoneInfo("Europe/Helsinki")
STAFF_GROUP = -1001234567890
STAFF = 9001
MONDAY_MORNING = datetime(2026, 11, 30, 10, 0, tzinfo=HELSINKI)
QUESTION = "Hakemukseni hylättiin eilen, enkä ymmärrä miksi. Mitä voin tehdä?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def settings(port: int) -> dict:
    return {"handoff": {"chat_id": STAFF_GROUP}, "staff": {"user_ids": [STAFF]},
            "web": {"port": port}}


class WebVisitor:
    """A browser's JavaScript as the API sees it: one session, its messages in order."""

    def __init__(self, http: aiohttp.ClientSession, origin: str):
        self.http, self.origin, self.session = http, origin, None

    async def post(self, **body) -> list[dict]:
        async with self.http.post(f"{self.origin}/api/chat", json={"session": self.session, **body}) as response:
            assert response.status == 200, await response.text()
            data = await response.json()
        self.session = data["session"]
        return data["messages"]

    async def waiting(self) -> list[dict]:
        async with self.http.get(f"{self.origin}/api/messages", params={"session": self.session}) as response:
            assert response.status == 200, await response.text()
            return (await response.json())["messages"]


def to_group(calls: list[api.Call]) -> list[api.Call]:
    return [c for c in calls if c.method == "sendMessage" and c.params.get("chat_id") == STAFF_GROUP]


def message_id(fake: api.FakeBotApi, call: api.Call) -> int:
    return next(m["message_id"] for m in fake.messages.values()
                if m["chat"]["id"] == call.params["chat_id"] and m.get("text") == call.plain_text)


async def test_a_web_visitor_reaches_telegram_staff_and_sees_their_reply(start_bot, fake, db_path):
    port = free_port()
    async with start_bot(clock=lambda: MONDAY_MORNING, **settings(port)) as bot, aiohttp.ClientSession() as http:
        visitor = WebVisitor(http, f"http://127.0.0.1:{port}")
        [answer] = await visitor.post(text="asun kuhmossa")
        assert "Kainuuntie 82" in answer["text"] and answer["feedback"]
        [thanks] = await visitor.post(feedback=answer["feedback"], helpful=False)
        assert thanks["text"] == "Kiitos palautteesta!"
        assert thanks["choices"] == [{"id": "handoff:ask", "label": "🙋 Kysy ihmiseltä"}]
        [intro] = await visitor.post(choice="handoff:ask")
        assert "Seuraava viestisi välitetään työllisyyspalveluiden henkilökunnalle" in intro["text"]
        assert [c["id"] for c in intro["choices"]] == ["handoff:cancel"]
        before = len(fake.calls)
        [confirmation] = await visitor.post(text=QUESTION)
        number = confirmation["text"].split("asia ")[1][:5]
        assert f"Viestisi on välitetty henkilökunnalle (asia {number})" in confirmation["text"]
        (in_group,) = to_group(fake.calls[before:])
        assert QUESTION in in_group.plain_text and "Kotikunta: Kuhmo" in in_group.plain_text
        assert visitor.session not in in_group.plain_text
        assert await visitor.waiting() == []

        reply = await bot.reply_in_group(STAFF_GROUP, STAFF, message_id(fake, in_group), "Soitan sinulle huomenna.")
        assert [c.plain_text for c in to_group(reply)][0].startswith(f"✅ Vastaus välitetty kysyjälle (asia {number})")
        [relayed] = await visitor.waiting()
        assert relayed["text"].startswith(f"💬 Työllisyyspalveluiden henkilökunta vastaa (asia {number})")
        assert "Soitan sinulle huomenna." in relayed["text"]
        assert relayed["choices"] == [{"id": "handoff:ask", "label": "✍️ Vastaa henkilökunnalle"}]
        assert await visitor.waiting() == []  # shown once

        await bot.reply_in_group(STAFF_GROUP, STAFF, message_id(fake, in_group), "/sulje")
        [closed] = await visitor.waiting()
        assert number in closed["text"] and closed["choices"] == []

    with sqlite3.connect(db_path) as db:  # the web's answers are in the bot's analytics, no question text kept
        rows = db.execute("select kind, text from analytics_answers").fetchall()
        votes = db.execute("select helpful from analytics_feedback").fetchall()
    assert rows and all(text is None for _, text in rows)
    assert votes == [(0,)]


async def test_a_staff_reply_to_a_web_session_that_has_ended_tells_staff(start_bot, fake, db_path):
    port = free_port()
    async with start_bot(clock=lambda: MONDAY_MORNING, **settings(port)) as bot, aiohttp.ClientSession() as http:
        visitor = WebVisitor(http, f"http://127.0.0.1:{port}")
        [answer] = await visitor.post(text="asun kuhmossa")
        await visitor.post(feedback=answer["feedback"], helpful=False)
        await visitor.post(choice="handoff:ask")
        before = len(fake.calls)
        await visitor.post(text=QUESTION)
        (in_group,) = to_group(fake.calls[before:])
        web_chat = bot.app.bot_data["services"].web
        web_chat.sessions._drop(visitor.session)  # the visitor closed the page long ago: the session expired
        reply = await bot.reply_in_group(STAFF_GROUP, STAFF, message_id(fake, in_group), "Soitan sinulle.")
    (note,) = to_group(reply)
    assert "verkkochat on päättynyt" in note.plain_text and "Asia suljettiin" in note.plain_text
