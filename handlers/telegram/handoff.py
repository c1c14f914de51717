"""The person's side of a hand-over: ask for a person, send the question to the staff group, cancel."""

from __future__ import annotations

from telegram import Bot, Update
from telegram.ext import ContextTypes

from bot.conversation.handoff import Case
from bot.conversation.handoff_text import intro_text, sent_text, staff_case_text, staff_text
from handlers.telegram.keyboards import menu_keyboard
from handlers.telegram.replies import send_text, send_to
from handlers.telegram.services import Services, language, services


async def ask_person(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ihminen, /human, /manniska, "/människa" or the button: say what happens; the next text goes to staff."""
    svc, lang, chat = services(context), language(update, context), update.effective_chat
    if not svc.config.handoff:
        await send_text(chat, svc.kb.text("handoff_unavailable", lang, url=svc.kb.area.online_service_url),
                        menu_keyboard(svc.kb, lang))
        return
    case = svc.handoff.request(update.effective_user.id, chat.id, lang)
    await send_text(chat, intro_text(svc.kb, case, svc.config.handoff_hours, svc.clock(), lang))


async def ask_person_button(update: Update, context: ContextTypes.DEFAULT_TYPE, _value: str) -> None:
    await ask_person(update, context)


def waiting_case(svc: Services, update: Update) -> Case | None:
    """The person's case when the bot waits for their message to staff; None otherwise (or hand-over off)."""
    if not svc.config.handoff or update.effective_user is None:
        return None
    case = svc.handoff.of_person(update.effective_user.id)
    return case if case is not None and case.awaiting else None


async def take_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Send the person's text to the staff group when they asked for a person; True when it went there.

    The question is shown to staff (they need it) but stored nowhere: not in the cases table, not in analytics.
    """
    svc = services(context)
    case = waiting_case(svc, update)
    if case is None:
        return False
    chat, lang = update.effective_chat, language(update, context)
    municipality = svc.storage.get(update.effective_user.id).municipality
    text = staff_case_text(svc.kb, case, update.effective_message.text, municipality, svc.last_answers.get(chat.id))
    sent = await send_to(context.bot, svc.config.handoff_chat_id, text)
    # id 0: a send whose answer was lost (see handlers.telegram.delivery); replies to it cannot be matched to the case
    svc.handoff.sent_to_staff(case.number, [m.message_id for m in sent if m.message_id])
    await send_text(chat, sent_text(svc.kb, case, svc.config.handoff_hours, svc.clock(), lang))
    return True


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """A photo or sticker while the bot waits for the message to staff: only text goes; True when told so."""
    svc = services(context)
    if waiting_case(svc, update) is None:
        return False
    await send_text(update.effective_chat, svc.kb.text("handoff_not_text", language(update, context)))
    return True


async def close_for_person(bot: Bot, svc: Services, case: Case) -> None:
    """The person ends their case: the row goes, and staff are told if they had seen it."""
    svc.handoff.close(case.number)
    if case.delivered and svc.config.handoff:  # with hand-over switched off since, there is no group to tell
        await send_to(bot, svc.config.handoff_chat_id, staff_text(svc.kb, "staff_cancelled", case))


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/peru, /cancel, /avbryt: stop the waiting for a message to staff; without one, close the open case."""
    svc, lang, chat = services(context), language(update, context), update.effective_chat
    case = svc.handoff.of_person(update.effective_user.id)
    if case is None:
        await send_text(chat, svc.kb.text("handoff_nothing_open", lang), menu_keyboard(svc.kb, lang))
    elif case.awaiting:
        if case.delivered:
            svc.handoff.stop_waiting(case.number)
        else:
            svc.handoff.close(case.number)
        await send_text(chat, svc.kb.text("handoff_cancelled", lang), menu_keyboard(svc.kb, lang))
    else:
        await close_for_person(context.bot, svc, case)
        await send_text(chat, svc.kb.text("handoff_closed_by_you", lang, case=case.number), menu_keyboard(svc.kb, lang))
