"""The web chat over the conversation layer every channel uses (bot/conversation/): a message, a choice or a
vote in, the replies out. A session is one user id there, so the web gets Telegram's context, analytics,
redaction, retention and hand-over; only what the page may send back next is kept here."""

from __future__ import annotations

from bot.answer import ROUTE, Choice
from bot.config import Config, config_from_dict
from bot.conversation.erasure import RESET_COMMANDS, RESET_TYPED, erase_person, erased_text
from bot.conversation.handover import HandOver, SendToStaff, command_word, typed_command
from bot.conversation.privacy_notice import PRIVACY_COMMANDS, privacy_notice
from bot.conversation.session import Answered, Conversations
from bot.kb.model import KnowledgeBase
from handlers.web.reply import Reply
from handlers.web.sessions import SessionStore, WebSession, is_web_chat

#: The web's own choices: hand the question to a person, or cancel that.
HANDOFF_ASK = "handoff:ask"
HANDOFF_CANCEL = "handoff:cancel"
#: /apua, /hjälp, /help: what the web chat understands (Telegram's help lists Telegram's commands)
HELP_COMMANDS = ("help", "apua", "hjalp", "hjälp")


class UnknownChoice(Exception):
    """The choice is not one the bot offered in the session's last message (or no question is waiting)."""


class UnknownAnswer(Exception):
    """A vote for an answer this session was not shown (or one voted on already)."""


class WebChat:
    """The web channel's turns. Staff replies for its sessions arrive through `deliver` (the `OtherChats` of
    bot/conversation/handover.py) and wait in the session until the page asks."""

    def __init__(self, conversations: Conversations, sessions: SessionStore | None = None,
                 handover: HandOver | None = None, staff: SendToStaff | None = None, config: Config | None = None):
        self.conversations = conversations
        self.config = config or config_from_dict({})
        self.sessions = sessions or SessionStore()
        self.sessions.on_forget = lambda session: conversations.forget(session.user_id)
        self.handover = handover
        self.staff = staff

    @property
    def kb(self) -> KnowledgeBase:
        return self.conversations.kb

    @property
    def handover_on(self) -> bool:
        """True when a question can go to a person: a staff group is configured and Telegram runs beside us."""
        return self.handover is not None and self.handover.enabled and self.staff is not None

    def language(self, session: WebSession) -> str:
        return self.conversations.language(session.user_id, session.client_language)

    def new_session(self, client_language: str, chosen: str | None = None) -> WebSession:
        """A new conversation in the browser's language, or in the one chosen (which then binds the answers)."""
        session = self.sessions.new(client_language)
        self.conversations.set_language(session.user_id, chosen or client_language, chosen=bool(chosen))
        return session

    def set_language(self, session: WebSession, language: str) -> None:
        self.conversations.set_language(session.user_id, language)

    async def ask(self, session: WebSession, text: str) -> list[Reply]:
        """A message: to staff when the person asked for a person, else to the engine in the session's context."""
        replies = self.waiting(session)
        commanded = await self._command(session, text)
        if commanded is not None:
            return self._offer(session, [*replies, *commanded])
        case = self.handover.waiting(session.user_id) if self.handover_on and self.handover is not None else None
        if case is not None:
            assert self.handover is not None and self.staff is not None
            municipality = self.conversations.storage.get(session.user_id).municipality
            language = self.language(session)
            said = await self.handover.take_question(self.kb, case, text, municipality, session.last_answer,
                                                     language, self.staff)
            return self._offer(session, [*replies, Reply(said, language)])
        return self._offer(session, [*replies, self._answer(session, self.conversations.ask(session.user_id, text))])

    async def _command(self, session: WebSession, text: str) -> list[Reply] | None:
        """The typed commands the web chat shares with Telegram; None when the text is none of them."""
        word, language = command_word(text), self.language(session)
        if word in HELP_COMMANDS:
            person = self.kb.text("web_help_person", language) if self.handover_on else ""
            return [Reply(self.kb.text("web_help", language, person=person), language)]
        if word == "start":  # "start again with /start", as texts on every channel say
            return [Reply(self.kb.text("greeting", language), language)]
        if word in RESET_COMMANDS + RESET_TYPED:
            return [await self._erase(session)]
        if word in PRIVACY_COMMANDS:
            return [Reply(self.privacy(language), language)]
        handover = typed_command(text)
        return await self._handover(session, handover) if handover is not None else None

    async def choose(self, session: WebSession, choice_id: str) -> list[Reply]:
        """One of the choices the last message offered: a municipality, a role, elsewhere, or hand-over."""
        if choice_id not in session.offered:
            raise UnknownChoice(choice_id)
        language = self.language(session)
        if choice_id in (HANDOFF_ASK, HANDOFF_CANCEL):
            return self._offer(session, await self._handover(session, "ask" if choice_id == HANDOFF_ASK else "cancel"))
        answered = self.conversations.choose(session.user_id, choice_id, language)
        if answered is None:  # an old role choice with no question waiting any more
            raise UnknownChoice(choice_id)
        return self._offer(session, [*self.waiting(session), self._answer(session, answered)])

    def vote(self, session: WebSession, handle: str, helpful: bool) -> list[Reply]:
        """👍 or 👎 for an answer the session was shown; after 👎, a person is offered when hand-over is on."""
        answer_id = session.votable.pop(handle, None)
        if answer_id is None:
            raise UnknownAnswer(handle)
        self.conversations.feedback(session.user_id, answer_id, helpful)
        language = self.language(session)
        offered = (Choice(HANDOFF_ASK, self.kb.text("button_ask_person", language)),) \
            if not helpful and self.handover_on else ()
        return self._offer(session, [Reply(self.kb.text("feedback_thanks", language), language, choices=offered)])

    async def _erase(self, session: WebSession) -> Reply:
        """/unohda, /glom, /reset: the session's settings, its analytics rows and votes and an open case go (staff
        are told of a case they had seen), as on Telegram; the conversation starts afresh in the same page."""
        language = self.language(session)
        cases = self.handover.cases if self.handover is not None else None
        case = cases.of_person(session.user_id) if cases is not None else None
        erased = erase_person(session.user_id, self.conversations.storage, self.conversations.analytics, cases)
        if case is not None and self.handover is not None and self.staff is not None:
            await self.handover.close_for_person(self.kb, case, self.staff)
        session.votable.clear()
        session.last_answer = None
        self.conversations.set_language(session.user_id, language, chosen=False)  # the page stays in its language
        return Reply(erased_text(self.kb, erased, language), language)

    def privacy(self, language: str) -> str:
        """The web chat's privacy notice: its own storage, the config's controller, hand-over as it is here."""
        return privacy_notice(self.kb, self.config, language, web_minutes=round(self.sessions.idle_seconds / 60),
                              handoff=self.handover_on)

    async def _handover(self, session: WebSession, command: str) -> list[Reply]:
        """Ask for a person (the next message goes to staff; a button cancels) or cancel that. Without hand-over
        (no staff group, or no Telegram beside the web chat) the person is told where else to turn."""
        language, kb = self.language(session), self.kb
        if not self.handover_on:
            key = "handoff_unavailable" if command == "ask" else "handoff_nothing_open"
            return [Reply(kb.text(key, language, url=kb.area.online_service_url), language)]
        assert self.handover is not None and self.staff is not None
        if command == "ask":
            said = self.handover.request(kb, session.user_id, session.user_id, language)
            cancel = Choice(HANDOFF_CANCEL, kb.text("button_cancel_handoff", language))
            return [Reply(said, language, choices=(cancel,))]
        return [Reply(await self.handover.cancel(kb, session.user_id, language, self.staff), language)]

    def waiting(self, session: WebSession) -> list[Reply]:
        """Staff replies that came since the page last asked; each is shown once."""
        replies, session.waiting = session.waiting, []
        for reply in replies:
            session.offered.update((c.id, c.label) for c in reply.choices)
        return replies

    def has_case(self, session: WebSession) -> bool:
        """True while the session has a hand-over case open (the page without JavaScript offers to look for
        replies)."""
        return self.handover_on and self.handover is not None \
            and self.handover.cases.of_person(session.user_id) is not None

    # OtherChats: staff replies to cases opened in the web chat
    def owns(self, chat_id: int) -> bool:
        return is_web_chat(chat_id)

    def deliver(self, chat_id: int, text: str, language: str, answerable: bool) -> bool:
        """A staff message for a web session, shown with its next response; False when the session is gone."""
        session = self.sessions.of_user(chat_id)
        if session is None:
            return False
        again = (Choice(HANDOFF_ASK, self.kb.text("button_reply_staff", language)),) if answerable else ()
        session.waiting.append(Reply(text, language, choices=again))
        return True

    def _answer(self, session: WebSession, answered: Answered) -> Reply:
        """👍/👎 under a routed answer only, as on Telegram: not under a question back or a "not ours"."""
        answer = answered.answer
        session.last_answer = answer.text
        votable = answer.kind == ROUTE and not answer.choices
        return Reply.of(answer, session.votable_answer(answered.answer_id) if votable else None)

    @staticmethod
    def _offer(session: WebSession, replies: list[Reply]) -> list[Reply]:
        """Only the choices of this response are accepted next (and the staff reply's, until used)."""
        session.offered = {c.id: c.label for reply in replies for c in reply.choices}
        return replies
