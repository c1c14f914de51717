"""Staff commands (/reload, /stats, /unanswered, /feedback) and reload notices to staff chats.

Only reached by users in `staff.user_ids`: the filter is set where handlers are registered
(handlers/telegram/app.py); for everyone else these commands are unknown commands.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from telegram import Bot, Update
from telegram.ext import ContextTypes

from bot.staff import messages as staff
from bot.staff.live import ReloadResult
from handlers.telegram.replies import send_text, send_to
from handlers.telegram.services import Services, language, services

logger = logging.getLogger("tyonavi.staff")


async def reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Validate the knowledge base now; swap it in when clean, and say what happened."""
    svc, lang = services(context), language(update, context)
    result = await asyncio.to_thread(svc.live.reload)
    if svc.metrics is not None:
        svc.metrics.reloaded(result.ok)
    await send_text(update.effective_chat, staff.reload_text(svc.kb, result, lang))


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc, lang = services(context), language(update, context)
    today = datetime.now(UTC).date()
    text = await asyncio.to_thread(staff.stats_text, svc.kb, svc.config.storage_path, lang, today)
    await send_text(update.effective_chat, text)


async def unanswered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc, lang = services(context), language(update, context)
    text = await asyncio.to_thread(staff.unanswered_text, svc.kb, svc.config.storage_path, lang)
    await send_text(update.effective_chat, text)


async def feedback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc, lang = services(context), language(update, context)
    today = datetime.now(UTC).date()
    text = await asyncio.to_thread(staff.feedback_text, svc.kb, svc.config.storage_path, lang, today)
    await send_text(update.effective_chat, text)


async def notify_reload(bot: Bot, svc: Services, result: ReloadResult) -> None:
    """Tell every staff member, in their private chat, how an automatic reload went."""
    for staff_id in svc.config.staff_user_ids:
        try:  # one per staff member: one who never started a chat with the bot must not silence the rest
            text = staff.reload_text(svc.kb, result, svc.conversations.language(staff_id, "fi"))
            await send_to(bot, staff_id, text)
        except Exception as exc:
            logger.warning("could not tell a staff member about the reload: %s", type(exc).__name__)
