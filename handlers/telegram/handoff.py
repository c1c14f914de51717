"""The person's side of a hand-over on Telegram: the commands and buttons over bot/conversation/handover.py."""

from __future__ import annotations

from telegram import Bot, Update
from telegram.ext import ContextTypes

from bot.conversation.handoff import Case
from bot.conversation.handover import SendToStaff
from handlers.telegram.keyboards import menu_keyboard
from handlers.telegram.replies import send_text, send_to
from handlers.telegram.services import Services, language, services


def staff_sender(bot: Bot, staff_chat_id: int) -> SendToStaff:
    """Sends to the staff group; the message ids (0 where a send's answer was lost) link replies to the case."""
    async def send(text: str) -> list[int]:
        return [message.message_id for message in await send_to(bot, staff_chat_id, text)]
    return send


async def ask_person(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ihminen, /human, /manniska, "/människa" or the button: say what happens; the next text goes to staff."""
    svc, lang, chat = services(context), language(update, context), update.effective_chat
    said = svc.handover.request(svc.kb, update.effective_user.id, chat.id, lang)
    await send_text(chat, said, None if svc.config.handoff else menu_keyboard(svc.kb, lang))


async def ask_person_button(update: Update, context: ContextTypes.DEFAULT_TYPE, _value: str) -> None:
    await ask_person(update, context)


async def take_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Send the person's text to the staff group when they asked for a person; True when it went there."""
    svc = services(context)
    user = update.effective_user
    case = svc.handover.waiting(user.id) if user is not None else None
    if case is None:
        return False
    chat = update.effective_chat
    send = staff_sender(context.bot, svc.config.handoff_chat_id)
    said = await svc.handover.take_question(svc.kb, case, update.effective_message.text,
                                            svc.storage.get(user.id).municipality, svc.last_answers.get(chat.id),
                                            language(update, context), send)
    await send_text(chat, said)
    return True


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """A photo or sticker while the bot waits for the message to staff: only text goes; True when told so."""
    svc = services(context)
    if update.effective_user is None or svc.handover.waiting(update.effective_user.id) is None:
        return False
    await send_text(update.effective_chat, svc.kb.text("handoff_not_text", language(update, context)))
    return True


async def close_for_person(bot: Bot, svc: Services, case: Case) -> None:
    """The person ends their case: the row goes, and staff are told if they had seen it."""
    await svc.handover.close_for_person(svc.kb, case, staff_sender(bot, svc.config.handoff_chat_id))


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/peru, /cancel, /avbryt: stop the waiting for a message to staff; without one, close the open case."""
    svc, lang, chat = services(context), language(update, context), update.effective_chat
    send = staff_sender(context.bot, svc.config.handoff_chat_id)
    said = await svc.handover.cancel(svc.kb, update.effective_user.id, lang, send)
    await send_text(chat, said, menu_keyboard(svc.kb, lang))
