"""Inline-button presses: each action is one call into the core and one reply; 👍/👎 on their own."""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.conversation.handoff_text import help_text
from bot.kb.model import LANGUAGES
from handlers.telegram import keyboards as kbd
from handlers.telegram.handoff import ask_person_button
from handlers.telegram.replies import send_answer, send_points, send_text
from handlers.telegram.services import language, services


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Acknowledge the press, then act on the callback data; stale or unknown data is ignored."""
    query = update.callback_query
    await query.answer()
    action, value = kbd.parse_callback(query.data)
    handler = _ACTIONS.get(action)
    if handler:
        await handler(update, context, value)


async def feedback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """👍 or 👎 under an answer: store it, thank the person, and take the two buttons away (after a 👎, "Ask a
    person" takes their place when hand-over is on)."""
    query = update.callback_query
    vote = kbd.parse_feedback(query.data)
    if vote is None:
        await query.answer()
        return
    svc, lang = services(context), language(update, context)
    svc.conversations.feedback(update.effective_user.id, vote[1], helpful=vote[0])
    await query.answer(svc.kb.text("feedback_thanks", lang))
    with contextlib.suppress(BadRequest):  # pressed twice: "message is not modified"
        extra = kbd.ask_person_row(svc.kb, lang) if not vote[0] and svc.config.handoff else None
        await query.edit_message_reply_markup(kbd.without_feedback(getattr(query.message, "reply_markup", None),
                                                                   extra))


async def _language(update: Update, context: ContextTypes.DEFAULT_TYPE, value: str) -> None:
    svc = services(context)
    if value in LANGUAGES:
        svc.conversations.set_language(update.effective_user.id, value)
        await send_text(update.effective_chat, svc.kb.text("language_set", value), kbd.menu_keyboard(svc.kb, value))


async def _municipality(update: Update, context: ContextTypes.DEFAULT_TYPE, value: str) -> None:
    """The home municipality chosen (or confirmed from a location): answer the waiting question."""
    svc, lang, chat = services(context), language(update, context), update.effective_chat
    if value == kbd.ELSEWHERE:
        await send_answer(chat, svc, svc.conversations.somewhere_else(update.effective_user.id, lang))
    elif value in svc.kb.area.municipalities:
        await send_answer(chat, svc, svc.conversations.choose_municipality(update.effective_user.id, value, lang))


async def _role(update: Update, context: ContextTypes.DEFAULT_TYPE, value: str) -> None:
    """Job seeker or employer, chosen by button: the waiting question is answered as that person's."""
    svc, lang, chat = services(context), language(update, context), update.effective_chat
    answered = svc.conversations.choose_role(update.effective_user.id, value, lang)
    if answered is not None:
        await send_answer(chat, svc, answered)


async def _choose(update: Update, context: ContextTypes.DEFAULT_TYPE, value: str) -> None:
    svc, lang = services(context), language(update, context)
    await send_text(update.effective_chat, svc.kb.text("choose_municipality", lang),
                    kbd.municipality_keyboard(svc.kb, lang))


async def _menu(update: Update, context: ContextTypes.DEFAULT_TYPE, value: str) -> None:
    if value == kbd.MENU_MUNICIPALITY:
        await _choose(update, context, value)
    elif value == kbd.MENU_HELP:
        svc, lang = services(context), language(update, context)
        await send_text(update.effective_chat, help_text(svc.kb, lang, svc.config.handoff),
                        kbd.menu_keyboard(svc.kb, lang))


async def _points(update: Update, context: ContextTypes.DEFAULT_TYPE, value: str) -> None:
    svc, lang = services(context), language(update, context)
    if value in svc.kb.area.municipalities:
        name = svc.kb.municipalities[value].display_name(lang)
        await send_points(update.effective_chat, svc, svc.kb.text("points_in_municipality", lang, municipality=name),
                          svc.conversations.points_in(value), lang)


async def _contact(update: Update, context: ContextTypes.DEFAULT_TYPE, value: str) -> None:
    svc, lang = services(context), language(update, context)
    point = svc.kb.service_points.get(value)
    if point:
        await send_points(update.effective_chat, svc, point.name.get(lang), (point,), lang)


_ACTIONS = {
    kbd.LANGUAGE: _language,
    kbd.MUNICIPALITY: _municipality,
    kbd.LOCATION_YES: _municipality,
    kbd.LOCATION_NO: _choose,
    kbd.MENU: _menu,
    kbd.POINTS: _points,
    kbd.CONTACT: _contact,
    kbd.ROLE: _role,
    kbd.HANDOFF: ask_person_button,
}
