"""The words of a hand-over to staff, for the person and for the staff group, from texts.yaml; Telegram-free."""

from __future__ import annotations

from datetime import datetime

from bot.conversation.handoff import Case
from bot.hours import is_open, next_opening
from bot.kb.model import KnowledgeBase, OpeningHours

#: The staff group reads Finnish.
STAFF_LANGUAGE = "fi"
#: How much of the bot's last answer staff see: enough to know what the person was told.
MAX_LAST_ANSWER = 300


def help_text(kb: KnowledgeBase, language: str, handoff: bool) -> str:
    """The help, with the hand-over commands only when hand-over is on."""
    text = kb.text("help", language)
    return f"{text}\n\n{kb.text('help_handoff', language)}" if handoff else text


def back_text(kb: KnowledgeBase, hours: OpeningHours, now: datetime, language: str) -> str:
    """When staff are next in ("ma 1.12. klo 9.00"); empty while they are in, or when the hours name no day."""
    if is_open(hours, now):
        return ""
    opening = next_opening(hours, now)
    if opening is None:
        return ""
    weekday = kb.text("weekdays", language).split()[opening.weekday()]
    return kb.text("handoff_back", language, weekday=weekday, day=str(opening.day), month=str(opening.month),
                   hour=str(opening.hour), minute=f"{opening.minute:02d}")


def intro_text(kb: KnowledgeBase, case: Case, hours: OpeningHours, now: datetime, language: str) -> str:
    """What happens next, what not to send and how to cancel; outside hours also when staff are back."""
    parts = []
    if case.delivered:
        parts.append(kb.text("handoff_open_already", language, case=case.number))
    parts.append(kb.text("handoff_intro", language))
    back = back_text(kb, hours, now, language)
    if back:
        parts.append(f"{kb.text('handoff_closed_now', language)} {back}")
    return "\n\n".join(parts)


def sent_text(kb: KnowledgeBase, case: Case, hours: OpeningHours, now: datetime, language: str) -> str:
    """The person's message went to staff; outside hours, when they will see it."""
    back = back_text(kb, hours, now, language)
    sent = kb.text("handoff_sent", language, case=case.number)
    return f"{sent} {back}" if back else sent


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def staff_case_text(kb: KnowledgeBase, case: Case, question: str, municipality: str | None,
                    last_answer: str | None) -> str:
    """The question as staff see it: case number, language, home municipality, the bot's last answer.

    Nothing that identifies the person on Telegram (id, username, phone) is known here, so none can slip in.
    """
    if case.delivered:
        return kb.text("staff_case_more", STAFF_LANGUAGE, case=case.number, question=question)
    unknown = kb.text("staff_unknown", STAFF_LANGUAGE)
    home = kb.municipalities[municipality].display_name(STAFF_LANGUAGE) \
        if municipality in kb.municipalities else unknown
    last = _shorten(last_answer, MAX_LAST_ANSWER) if last_answer else unknown
    return kb.text("staff_case", STAFF_LANGUAGE, case=case.number, person_language=case.language, municipality=home,
                   last_answer=last, question=question)


def staff_text(kb: KnowledgeBase, key: str, case: Case) -> str:
    """A one-line notice about a case for the staff group (delivered, closed…)."""
    return kb.text(key, STAFF_LANGUAGE, case=case.number)
