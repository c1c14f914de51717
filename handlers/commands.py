"""Slash commands: /start (with deep links), /help, /language, /municipality, /reset."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.handoff_text import help_text
from bot.kb.model import LANGUAGES
from handlers.handoff import close_for_person
from handlers.keyboards import (
    language_keyboard,
    location_keyboard,
    menu_keyboard,
    municipality_keyboard,
    start_keyboard,
)
from handlers.replies import send_answer, send_text
from handlers.services import language, services


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet; `/start en` chooses the language, `/start kuhmo` the home municipality."""
    svc, user, chat = services(context), update.effective_user, update.effective_chat
    payload = (context.args[0].lower() if context.args else "")
    if payload in LANGUAGES:
        svc.conversations.set_language(user.id, payload)
    lang = language(update, context)
    await send_text(chat, svc.kb.text("greeting", lang), start_keyboard(svc.kb, lang))
    if payload in svc.kb.area.municipalities:
        await send_answer(chat, svc, svc.conversations.choose_municipality(user.id, payload, lang))
    else:
        await send_text(chat, svc.kb.text("location_prompt", lang), location_keyboard(svc.kb, lang))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc, lang = services(context), language(update, context)
    await send_text(update.effective_chat, help_text(svc.kb, lang, svc.config.handoff), menu_keyboard(svc.kb, lang))


async def language_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/kieli sv` switches at once; `/kieli` alone offers the languages as buttons."""
    svc, chat = services(context), update.effective_chat
    wanted = context.args[0].lower() if context.args else ""
    if wanted in LANGUAGES:
        svc.conversations.set_language(update.effective_user.id, wanted)
        await send_text(chat, svc.kb.text("language_set", wanted), menu_keyboard(svc.kb, wanted))
        return
    lang = language(update, context)
    await send_text(chat, svc.kb.text("choose_language", lang), language_keyboard(svc.kb))


async def municipality_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc, lang, chat = services(context), language(update, context), update.effective_chat
    await send_text(chat, svc.kb.text("choose_municipality", lang), municipality_keyboard(svc.kb, lang))
    await send_text(chat, svc.kb.text("location_prompt", lang), location_keyboard(svc.kb, lang))


async def reset(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Forget everything stored about the person, an open hand-over case too (staff are told)."""
    svc, lang = services(context), language(update, context)
    case = svc.handoff.of_person(update.effective_user.id) if svc.handoff else None
    if case is not None:
        await close_for_person(context.bot, svc, case)
    svc.conversations.forget(update.effective_user.id)
    await send_text(update.effective_chat, svc.kb.text("reset_done", lang), menu_keyboard(svc.kb, lang))
