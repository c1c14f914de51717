"""What handlers reach through the application: built once in `post_init`, never module globals."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Update
from telegram.ext import ContextTypes

from bot.analytics import AnalyticsStore
from bot.config import Config
from bot.flood import FloodGate
from bot.kb.model import KnowledgeBase
from bot.live import LiveKnowledge
from bot.session import Conversations
from bot.storage import Storage

SERVICES = "services"


@dataclass(frozen=True, slots=True)
class Services:
    config: Config
    live: LiveKnowledge
    storage: Storage
    analytics: AnalyticsStore
    conversations: Conversations
    flood: FloodGate

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base in service now; never keep it across messages (a reload replaces it)."""
        return self.live.engine.kb


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.bot_data[SERVICES]


def client_language(update: Update) -> str:
    """Telegram's language_code: Finnish for fi, Swedish for sv, English for everything else."""
    user = update.effective_user
    code = (user.language_code or "").lower()[:2] if user else ""
    return code if code in ("fi", "sv") else "en"


def language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str:
    """The language to talk to this person in."""
    user = update.effective_user
    if user is None:
        return client_language(update)
    return services(context).conversations.language(user.id, client_language(update))
