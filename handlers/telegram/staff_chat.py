"""The staff group's side of a hand-over: a staff member's reply to a case message goes to the person.

Everything posted in the staff group reaches this handler first and only this one, so the bot never answers
group chatter with its engine. Messages from anyone not in staff.user_ids, and messages that are not replies
to the bot, are ignored without a word.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.error import BadRequest, Forbidden
from telegram.ext import ContextTypes

from bot.conversation.handoff import Case
from bot.conversation.handoff_text import staff_text
from handlers.telegram.keyboards import reply_to_staff_keyboard
from handlers.telegram.replies import send_to
from handlers.telegram.services import Services, services

CLOSE_COMMAND = "/sulje"


def _is_close(text: str) -> bool:
    """`/sulje` or `/sulje@botname`, alone or with words after it."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return first.partition("@")[0].lower() == CLOSE_COMMAND


async def staff_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A staff member replied to one of the bot's case messages: relay the reply, or close with /sulje."""
    svc, message = services(context), update.effective_message
    replied = message.reply_to_message
    author = message.from_user
    if (author is None or author.id not in svc.config.staff_user_ids or replied is None
            or replied.from_user is None or replied.from_user.id != context.bot.id):
        return
    case = svc.handoff.by_staff_message(replied.message_id)
    if case is None:
        await _note(context, svc, message, svc.kb.text("staff_no_case", "fi"))
    elif not message.text:
        await _note(context, svc, message, svc.kb.text("staff_text_only", "fi"))
    elif _is_close(message.text):
        await _close(context, svc, message, case)
    else:
        await _relay(context, svc, message, case)


async def _note(context: ContextTypes.DEFAULT_TYPE, svc: Services, message: Message, text: str) -> list[Message]:
    """A short note in the staff group, as a reply to the staff member's message."""
    return await send_to(context.bot, svc.config.handoff_chat_id, text, reply_to=message.message_id)


async def _tell_person(context: ContextTypes.DEFAULT_TYPE, svc: Services, message: Message, case: Case,
                       text: str, **kwargs) -> bool:
    """Send to the person; when they blocked the bot or deleted the chat (or their web chat session ended), close
    the case and tell staff."""
    if svc.web is not None and svc.web.owns(case.chat_id):
        if svc.web.deliver(case.chat_id, text, case.language, answerable="markup" in kwargs):
            return True
        undeliverable = "staff_undeliverable_web"
    else:
        try:
            await send_to(context.bot, case.chat_id, text, **kwargs)
            return True
        except (Forbidden, BadRequest):
            undeliverable = "staff_undeliverable"
    svc.handoff.close(case.number)
    await _note(context, svc, message, staff_text(svc.kb, undeliverable, case))
    return False


async def _relay(context: ContextTypes.DEFAULT_TYPE, svc: Services, message: Message, case: Case) -> None:
    text = svc.kb.text("handoff_reply", case.language, case=case.number, reply=message.text)
    if await _tell_person(context, svc, message, case, text, markup=reply_to_staff_keyboard(svc.kb, case.language)):
        for note in await _note(context, svc, message, staff_text(svc.kb, "staff_delivered", case)):
            if note.message_id:  # replying to the delivery note works too (0: its answer was lost)
                svc.handoff.link(case.number, note.message_id)


async def _close(context: ContextTypes.DEFAULT_TYPE, svc: Services, message: Message, case: Case) -> None:
    if await _tell_person(context, svc, message, case, svc.kb.text("handoff_case_closed", case.language,
                                                                   case=case.number)):
        svc.handoff.close(case.number)
        await _note(context, svc, message, staff_text(svc.kb, "staff_closed", case))
