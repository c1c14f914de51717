"""The real bot (python-telegram-bot's Application from handlers.telegram.app) polling a fake Bot API server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import fake_bot_api as api
from telegram import Update
from telegram.ext import Application, TypeHandler

from bot.config import config_from_dict
from handlers.telegram.app import CLOCK, build_application

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


@asynccontextmanager
async def running_bot(fake: api.FakeBotApi, db_path, clock: Callable[[], datetime] | None = None,
                      **settings: Any) -> AsyncIterator[RunningBot]:
    """The real Application polling `fake`, with its database at `db_path` (and `clock` for office hours)."""
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
