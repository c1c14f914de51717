"""The web chat as `tyonavi run` builds it (analytics in a database, hand-over on), with a recording staff group
in place of Telegram's: what staff would see is kept in `StaffGroup.messages`."""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from aiohttp import web
from sqlite_utils import Database

from bot.config import config_from_dict
from bot.conversation.analytics import AnalyticsStore
from bot.conversation.handoff import HandoffCases
from bot.conversation.handover import HandOver
from bot.conversation.session import Conversations
from bot.conversation.storage import IN_MEMORY, Storage
from bot.engine import Engine
from handlers.web.app import CHAT, make_app
from handlers.web.dialogue import WebChat

MONDAY_MORNING = datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki"))


@dataclass
class StaffGroup:
    """Stands in for the Telegram staff group: records what is sent there and numbers the messages."""

    messages: list[str] = field(default_factory=list)

    async def send(self, text: str) -> list[int]:
        self.messages.append(text)
        return [len(self.messages)]


@dataclass
class HandoverSetup:
    app: web.Application
    chat: WebChat
    staff: StaffGroup
    cases: HandoffCases
    analytics: AnalyticsStore


def handover_app(engine: Engine, database: Path, handoff: bool = True) -> HandoverSetup:
    """The web chat with analytics and hand-over cases in `database` (the bot's file), as beside Telegram."""
    # The bot's database; the browser tests serve the app from a thread of its own, hence check_same_thread.
    db = Database(sqlite3.connect(database, check_same_thread=False))
    secret = secrets.token_bytes(32)  # the bot's hash key: it hashes the web's users in analytics and cases
    analytics = AnalyticsStore(db, secret)
    cases = HandoffCases(db, secret, now=lambda: MONDAY_MORNING)
    staff = StaffGroup()
    hours = config_from_dict({}).handoff_hours
    app = make_app(Conversations(lambda: engine, Storage(IN_MEMORY), analytics),
                   handover=HandOver(cases, handoff, hours, lambda: MONDAY_MORNING), staff=staff.send)
    return HandoverSetup(app, app[CHAT], staff, cases, analytics)
