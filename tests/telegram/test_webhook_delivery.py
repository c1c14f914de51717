"""Webhook mode: an update is on disk before Telegram gets its 200, and a forged post is refused.

Telegram forgets an update once the webhook answered 200, so the inbox row must be committed by then. The
bot's handling is held back here until the row has been read from another connection.
"""

from __future__ import annotations

import asyncio
import json
import socket
import sqlite3

import aiohttp
import fake_bot_api as api
from bot_runner import TOKEN
from telegram import Update
from telegram.ext import TypeHandler

from bot.config import config_from_dict
from handlers.telegram.app import build_application

SECRET = "s3cret-token_for-tests"
PERSON = 3003


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_a_webhook_update_is_stored_before_the_200_and_a_forged_one_is_refused(fake, db_path):
    config = config_from_dict({"telegram": {"base_url": fake.base_url}, "storage": {"path": str(db_path)},
                               "knowledge": {"watch": False}})
    app = build_application(config, TOKEN)
    release = asyncio.Event()

    async def hold(_update: Update, _context) -> None:
        await release.wait()

    app.add_handler(TypeHandler(Update, hold), group=-5)
    port = free_port()
    update = {"update_id": 777, **api.text_update(PERSON, "Asun Kuhmossa, minne menen?")}
    forged = {"update_id": 778, **api.text_update(PERSON, "Asun Sotkamossa")}
    url = f"http://127.0.0.1:{port}/hook"
    async with app:
        await app.post_init(app)
        await app.updater.start_webhook(listen="127.0.0.1", port=port, url_path="hook", secret_token=SECRET,
                                        webhook_url="https://bot.example.fi/hook")
        await app.start()
        try:
            async with aiohttp.ClientSession() as client:
                async with client.post(url, data=json.dumps(forged), headers={
                        "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "wrong"}) as response:
                    forged_status = response.status
                async with client.post(url, data=json.dumps(update), headers={
                        "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET}) as response:
                    status = response.status
            with sqlite3.connect(db_path) as other:  # what a crash right after the 200 would leave
                stored = other.execute("select update_id, payload is not null from inbox").fetchall()
            release.set()
            await fake.wait_for(lambda: fake.sent(PERSON), what="the answer")
        finally:
            release.set()
            await app.updater.stop()
            await app.stop()
            await app.post_shutdown(app)
    assert (forged_status, status) == (403, 200)
    assert stored == [(777, 1)]  # on disk, content and all, before Telegram was told; the forged one never
    (answer,) = fake.sent(PERSON)
    assert "Kuhmo" in answer.plain_text
