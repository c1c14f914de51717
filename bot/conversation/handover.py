"""The person's side of a hand-over to staff, for every channel: ask for a person, send the question, cancel.

What happens is decided here; the channel shows the words and carries messages to the staff group (today a
Telegram group) through the `SendToStaff` it passes in. Telegram and the web chat both use this, so a case
opened on either reaches the same staff the same way.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.conversation.handoff import Case, HandoffCases
from bot.conversation.handoff_text import intro_text, sent_text, staff_case_text, staff_text
from bot.hours import OpeningHours
from bot.kb.model import KnowledgeBase

#: Commands that ask for a person, and that cancel it, in every channel (fi, en, sv; Telegram's menu lists these).
ASK_PERSON_COMMANDS = ("human", "ihminen", "manniska")
CANCEL_COMMANDS = ("cancel", "peru", "avbryt")
#: Typed too, though no Telegram command can be named so.
ASK_PERSON_TYPED = ("människa",)


def command_word(text: str) -> str | None:
    """The command a message starts with, lower case and without "/" or "@botname" ("/Ihminen@x ok" → "ihminen")."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    word = first.partition("@")[0].lower()
    return word[1:] if word[:1] == "/" and len(word) > 1 else None


def typed_command(text: str) -> str | None:
    """"ask" or "cancel" when the message is one of those commands (/ihminen, /peru@botname, "/human please")."""
    word = command_word(text)
    if word in ASK_PERSON_COMMANDS + ASK_PERSON_TYPED:
        return "ask"
    return "cancel" if word in CANCEL_COMMANDS else None


#: Sends a text to the staff group; returns the ids of the messages it became there (0: an id that got lost).
SendToStaff = Callable[[str], Awaitable[list[int]]]


class OtherChats(Protocol):
    """Chats of another channel that staff replies reach (the web chat's sessions); Telegram chats are the rest."""

    def owns(self, chat_id: int) -> bool: ...

    def deliver(self, chat_id: int, text: str, language: str, answerable: bool) -> bool:
        """Show a staff message in the chat (`answerable`: with a way to reply); False when the chat is gone
        (the case is then closed)."""
        ...


@dataclass(frozen=True, slots=True)
class HandOver:
    """Hand-over as the person experiences it, over the open cases table. `enabled`: a staff group is configured."""

    cases: HandoffCases
    enabled: bool
    hours: OpeningHours
    clock: Callable[[], datetime]

    def request(self, kb: KnowledgeBase, user_id: int, chat_id: int, language: str) -> str:
        """The person asked for a person: their next text goes to staff. Returns what to tell them."""
        if not self.enabled:
            return kb.text("handoff_unavailable", language, url=kb.area.online_service_url)
        case = self.cases.request(user_id, chat_id, language)
        return intro_text(kb, case, self.hours, self.clock(), language)

    def waiting(self, user_id: int) -> Case | None:
        """The person's case when the bot waits for their message to staff; None otherwise (or hand-over off)."""
        if not self.enabled:
            return None
        case = self.cases.of_person(user_id)
        return case if case is not None and case.awaiting else None

    async def take_question(self, kb: KnowledgeBase, case: Case, text: str, municipality: str | None,
                            last_answer: str | None, language: str, send: SendToStaff) -> str:
        """Send the person's text to staff for their waiting case (`waiting` found it); returns what to tell them.
        The question is shown to staff (they need it) but stored nowhere."""
        sent = await send(staff_case_text(kb, case, text, municipality, last_answer))
        # id 0: a send whose answer was lost; replies to it cannot be matched to the case
        self.cases.sent_to_staff(case.number, [message_id for message_id in sent if message_id])
        return sent_text(kb, case, self.hours, self.clock(), language)

    async def cancel(self, kb: KnowledgeBase, user_id: int, language: str, send: SendToStaff) -> str:
        """Stop waiting for a message to staff; without one waiting, close the open case. Returns what to say."""
        case = self.cases.of_person(user_id)
        if case is None:
            return kb.text("handoff_nothing_open", language)
        if case.awaiting:
            if case.delivered:
                self.cases.stop_waiting(case.number)
            else:
                self.cases.close(case.number)
            return kb.text("handoff_cancelled", language)
        await self.close_for_person(kb, case, send)
        return kb.text("handoff_closed_by_you", language, case=case.number)

    async def close_for_person(self, kb: KnowledgeBase, case: Case, send: SendToStaff) -> None:
        """The person ends their case: the row goes, and staff are told if they had seen it."""
        self.cases.close(case.number)
        if case.delivered and self.enabled:  # with hand-over switched off since, there is no group to tell
            await send(staff_text(kb, "staff_cancelled", case))
