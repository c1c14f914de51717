"""Fixtures: a fake Bot API server on 127.0.0.1 and the real bot (PTB stack) polling it."""

from __future__ import annotations

import os

os.environ.setdefault("PTB_TIMEDELTA", "1")  # reading RetryAfter.retry_after must not warn

from collections.abc import AsyncIterator, Callable  # noqa: E402
from contextlib import asynccontextmanager  # noqa: E402
from datetime import datetime  # noqa: E402
from typing import Any  # noqa: E402

import fake_bot_api as api  # noqa: E402
import pytest  # noqa: E402
from telegram import Update  # noqa: E402
from telegram.ext import Application, TypeHandler  # noqa: E402

from bot.config import config_from_dict  # noqa: E402
from handlers.app import CLOCK, build_application  # noqa: E402

TOKEN = "123456:FAKE-token-for-tests"


class RunningBot:
    """The bot as a person sees it: say something, press a button, and read the replies."""

    def __init__(self, app: Application, fake: api.FakeBotApi, processed: set[int]):
        self.app = app
        self.fake = fake
        self.processed = processed

    async def push(self, update: dict) -> list[api.Call]:
        """Send an update and return what the bot sent while handling it."""
        before = len(self.fake.calls)
        update_id = self.fake.push(update)
        await self.fake.wait_for(lambda: update_id in self.processed, what=f"update {update_id} handled")
        return [c for c in self.fake.calls[before:] if c.ok and c.method in ("sendMessage", "sendVenue")]

    async def say(self, user_id: int, text: str, language_code: str | None = "fi") -> list[api.Call]:
        return await self.push(api.text_update(user_id, text, language_code))

    async def press(self, user_id: int, data: str, language_code: str | None = "fi") -> list[api.Call]:
        return await self.push(api.callback_update(user_id, data, language_code))

    async def reply_in_group(self, chat_id: int, user_id: int, bot_message_id: int, text: str) -> list[api.Call]:
        """A group member answers one of the bot's messages with Telegram's Reply."""
        return await self.push(api.group_text_update(chat_id, user_id, text, self.fake.message(bot_message_id)))

    async def share_location(self, user_id: int, lat: float, lon: float, language_code: str | None = "fi"):
        return await self.push(api.location_update(user_id, lat, lon, language_code))


@pytest.fixture
def fake() -> api.FakeBotApi:
    server = api.FakeBotApi()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "tyonavi.sqlite"


@pytest.fixture
def start_bot(fake, db_path):
    """`async with start_bot(**settings) as bot:` runs the real Application against the fake server."""

    @asynccontextmanager
    async def running(clock: Callable[[], datetime] | None = None, **settings: Any) -> AsyncIterator[RunningBot]:
        config = config_from_dict({"telegram": {"base_url": fake.base_url, **settings.pop("telegram", {})},
                                   "storage": {"path": str(db_path)}, **settings})
        app = build_application(config, TOKEN)
        if clock is not None:
            app.bot_data[CLOCK] = clock
        processed: set[int] = set()

        async def mark(update: Update, _context) -> None:
            processed.add(update.update_id)

        app.add_handler(TypeHandler(Update, mark), group=99)
        async with app:
            await app.post_init(app)
            await app.updater.start_polling(timeout=1, poll_interval=0)
            await app.start()
            try:
                yield RunningBot(app, fake, processed)
            finally:
                fake.release_polls()
                await app.updater.stop()
                await app.stop()
                await app.post_shutdown(app)

    return running
