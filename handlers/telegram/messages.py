"""Messages that are not commands: questions, shared locations, and everything else."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.conversation.handoff_text import help_text
from handlers.telegram import handoff
from handlers.telegram.keyboards import confirm_location_keyboard, menu_keyboard
from handlers.telegram.replies import send_answer, send_text
from handlers.telegram.services import language, services


async def question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Free text goes to the engine with the person's stored context, or to staff when the person asked for a person."""
    if await handoff.take_question(update, context):
        return
    svc = services(context)
    answer = svc.conversations.ask(update.effective_user.id, update.effective_message.text)
    await send_answer(update.effective_chat, svc, answer)


async def location(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Propose the nearest municipality for confirmation, or answer that the point is outside the area."""
    svc, lang, chat = services(context), language(update, context), update.effective_chat
    where = update.effective_message.location
    found = svc.conversations.locate(where.latitude, where.longitude)
    if not found.inside:
        await send_answer(chat, svc, svc.conversations.outside_location(update.effective_user.id, lang))
        return
    name = svc.kb.municipalities[found.municipality].display_name(lang)
    await send_text(chat, svc.kb.text("location_confirm", lang, municipality=name),
                    confirm_location_keyboard(svc.kb, found.municipality, lang))


async def unsupported(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice, documents…: say what the bot understands."""
    if await handoff.not_text(update, context):
        return
    svc, lang = services(context), language(update, context)
    await send_text(update.effective_chat, svc.kb.text("unsupported_message", lang), menu_keyboard(svc.kb, lang))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc, lang = services(context), language(update, context)
    await send_text(update.effective_chat, help_text(svc.kb, lang, svc.config.handoff), menu_keyboard(svc.kb, lang))
