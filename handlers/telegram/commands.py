"""Slash commands: /start (with deep links), /help, /language, /municipality, /privacy, /reset."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.conversation.erasure import erase_person, erased_text
from bot.conversation.handoff_text import help_text
from bot.conversation.privacy_notice import privacy_notice
from bot.engine.named_municipality import area_municipalities, municipality_named
from bot.kb.model import LANGUAGES
from handlers.telegram.handoff import close_for_person
from handlers.telegram.keyboards import (
    language_keyboard,
    location_keyboard,
    menu_keyboard,
    municipality_keyboard,
    start_keyboard,
)
from handlers.telegram.replies import send_answer, send_text
from handlers.telegram.services import language, services


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet; `/start en` chooses the language, `/start kuhmo` the home municipality."""
    svc, user, chat = services(context), update.effective_user, update.effective_chat
    payload = (context.args[0].lower() if context.args else "")
    if payload in LANGUAGES:
        svc.conversations.set_language(user.id, payload)
    lang = language(update, context)
    greeting = f"{svc.kb.text('greeting', lang)}\n\n{svc.kb.text('privacy_pointer', lang)}"
    await send_text(chat, greeting, start_keyboard(svc.kb, lang))
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
    """`/kunta Kuhmossa` (or Kajana, ristijarvi) sets the home at once; `/kunta` alone offers the buttons."""
    svc, lang, chat = services(context), language(update, context), update.effective_chat
    name = " ".join(context.args or ())
    if name:
        named = municipality_named(svc.live.engine, name)
        if named.municipality is not None:
            await send_answer(chat, svc, svc.conversations.choose_municipality(update.effective_user.id,
                                                                               named.municipality, lang))
            return
        everyone = area_municipalities(svc.live.engine, lang)
        await send_text(chat, svc.kb.text("municipality_not_recognised", lang, name=name, municipalities=everyone))
    await send_text(chat, svc.kb.text("choose_municipality", lang), municipality_keyboard(svc.kb, lang))
    await send_text(chat, svc.kb.text("location_prompt", lang), location_keyboard(svc.kb, lang))


async def privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/tietosuoja, /integritet, /privacy: what is stored and why, for how long, who answers for it."""
    svc, lang = services(context), language(update, context)
    await send_text(update.effective_chat, privacy_notice(svc.kb, svc.config, lang), menu_keyboard(svc.kb, lang))


async def reset(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/unohda, /glom, /reset: erase everything linked to the person (staff are told of a case they had seen) and
    say what went."""
    svc, lang, user = services(context), language(update, context), update.effective_user
    case = svc.handoff.of_person(user.id) if svc.handoff else None
    erased = erase_person(user.id, svc.storage, svc.analytics, svc.handoff, svc.inbox, update.update_id)
    if case is not None:
        await close_for_person(context.bot, svc, case)
    svc.last_answers.forget(update.effective_chat.id)
    await send_text(update.effective_chat, erased_text(svc.kb, erased, lang), menu_keyboard(svc.kb, lang))
