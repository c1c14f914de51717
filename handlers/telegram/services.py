"""What handlers reach through the application: built once in `post_init`, never module globals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from telegram import Update
from telegram.ext import ContextTypes

from bot.config import Config
from bot.conversation.analytics import AnalyticsStore
from bot.conversation.flood import FloodGate
from bot.conversation.handoff import HandoffCases
from bot.conversation.handover import HandOver, OtherChats
from bot.conversation.inbox import Inbox
from bot.conversation.last_answers import LastAnswers
from bot.conversation.session import Conversations
from bot.conversation.storage import Storage
from bot.kb.model import KnowledgeBase
from bot.operations.metrics import Metrics
from bot.staff.live import LiveKnowledge

SERVICES = "services"


def now_utc() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Services:
    config: Config
    live: LiveKnowledge
    storage: Storage
    analytics: AnalyticsStore
    conversations: Conversations
    flood: FloodGate
    #: Open hand-over cases (the table exists even when hand-over is off, so old cases can still be closed).
    handoff: HandoffCases | None = None
    #: The time now; tests set another clock (office hours).
    clock: Callable[[], datetime] = now_utc
    last_answers: LastAnswers = field(default_factory=LastAnswers)
    #: The durable inbox (bot/conversation/inbox.py): an erasure clears the person's waiting updates there too.
    inbox: Inbox | None = None
    #: The running bot's counters (bot/operations/metrics.py); None where nothing counts (tests of single parts).
    metrics: Metrics | None = None
    #: The web chat served beside the bot (web.port set): staff replies to its sessions' cases go there.
    web: OtherChats | None = None

    @property
    def handover(self) -> HandOver:
        """The person's side of hand-over (bot/conversation/handover.py), shared with the web chat."""
        assert self.handoff is not None
        return HandOver(self.handoff, self.config.handoff, self.config.handoff_hours, self.clock)

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
    return language_of(services(context), update)


def language_of(svc: Services, update: Update) -> str:
    """The same, where no handler context exists (updates taken up at start-up)."""
    user = update.effective_user
    if user is None:
        return client_language(update)
    return svc.conversations.language(user.id, client_language(update))
