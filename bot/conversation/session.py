"""A person's conversation across turns, for any chat channel: engine + remembered settings + analytics.

Channels call these functions with a user id and get plain `Answered` values back to render. The
engine is looked up on every call, so a knowledge base reloaded under a running bot is used at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.answer import CLARIFY, OUT_OF_AREA, Answer
from bot.conversation.analytics import AnalyticsStore
from bot.conversation.context import ELSEWHERE, apply_choice, next_context
from bot.conversation.privacy import redact
from bot.conversation.storage import Storage, UserSettings
from bot.engine import Engine
from bot.engine.compose import out_of_area_text
from bot.engine.geo import Located, locate
from bot.kb.model import KnowledgeBase, ServicePoint


@dataclass(frozen=True, slots=True)
class Answered:
    """An answer, and the id of its analytics row that feedback buttons refer to (None: not recorded)."""

    answer: Answer
    answer_id: int | None = None


class Conversations:
    """Answers questions with each person's stored context and keeps that context up to date."""

    def __init__(self, engine: Callable[[], Engine], storage: Storage, analytics: AnalyticsStore | None = None):
        self._engine = engine
        self.storage = storage
        self.analytics = analytics

    @property
    def engine(self) -> Engine:
        """The engine in service now (it changes when the knowledge base is reloaded)."""
        return self._engine()

    @property
    def kb(self) -> KnowledgeBase:
        return self.engine.kb

    def language(self, user_id: int, client_language: str) -> str:
        """The language to talk in: chosen, else the last one answered in, else the client's."""
        s = self.storage.get(user_id)
        return s.language or s.seen_language or client_language

    def ask(self, user_id: int, text: str) -> Answered:
        """Answer a message; a question that needs a municipality is kept until one is chosen."""
        s = self.storage.get(user_id)
        answer = self.engine.answer(text, s.context)
        # kept only until the municipality is chosen, and without identity codes, phones, e-mails…
        pending = redact(text) if answer.kind == CLARIFY else None
        return self._remember_and_record(user_id, s, answer, pending, text)

    def choose_municipality(self, user_id: int, municipality: str, language: str) -> Answered:
        """Save the home municipality; answer the waiting question, or say where to go there."""
        engine = self.engine
        kb = engine.kb
        s = self.storage.get(user_id)
        context = replace(s.context, municipality=municipality)
        name = kb.municipalities[municipality].display_name(language)
        question = s.pending_question or name
        if s.pending_question:
            answer = engine.answer(s.pending_question, context)
        else:
            answer = engine.answer(name, replace(context, language=s.language or language))
        if answer.municipality is None:
            answer = replace(answer, municipality=municipality)
        confirmation = kb.text("municipality_set", answer.language, municipality=name)
        answer = replace(answer, text=f"{confirmation}\n\n{answer.text}")
        return self._remember_and_record(user_id, replace(s, municipality=municipality), answer, None, question)

    def choose_role(self, user_id: int, role: str, language: str) -> Answered | None:
        """The person said who is asking (job seeker or employer): answer the waiting question so.
        None when no question is waiting (an old button pressed again)."""
        s = self.storage.get(user_id)
        context = apply_choice(s.context, f"role:{role}", frozenset(self.kb.municipalities))
        if context is None or not s.pending_question:
            return None
        answer = self.engine.answer(s.pending_question, replace(context, language=s.language or context.language))
        pending = s.pending_question if answer.kind == CLARIFY else None
        return self._remember_and_record(user_id, s, answer, pending, s.pending_question)

    def choose(self, user_id: int, choice_id: str, language: str) -> Answered | None:
        """A choice an answer offered (`Answer.choices`: "mun:kuusamo", "mun:_else", "role:employer"), for channels
        that send the choice's id back as it is (the web). None: not a choice this layer knows."""
        kind, _, value = choice_id.partition(":")
        if choice_id == ELSEWHERE:
            return self.somewhere_else(user_id, language)
        if kind == "mun" and value in self.kb.area.municipalities:
            return self.choose_municipality(user_id, value, language)
        if kind == "role":
            return self.choose_role(user_id, value, language)
        return None

    def somewhere_else(self, user_id: int, language: str) -> Answered:
        """The person lives outside the area: forget the home municipality and send them onwards."""
        kb = self.kb
        s = self.storage.get(user_id)
        self.storage.save(user_id, replace(s, municipality=None, pending_question=None))
        text = "\n\n".join([kb.text("home_elsewhere", language),
                            kb.text("register_online", language, url=kb.area.online_service_url)])
        return self._record(user_id, "", self._outside(language, text))

    def locate(self, lat: float, lon: float) -> Located:
        return locate(self.kb, lat, lon)

    def outside_location(self, user_id: int, language: str) -> Answered:
        """The out-of-area answer for a shared location far from every municipality of the area."""
        kb = self.kb
        answer = self._outside(language, out_of_area_text(kb, language, kb.text("your_location", language)))
        return self._record(user_id, "", answer)

    def feedback(self, user_id: int, answer_id: int, helpful: bool) -> None:
        """Store the person's 👍 or 👎 for an answer they were given."""
        if self.analytics is not None:
            self.analytics.feedback(answer_id, helpful, user_id)

    def set_language(self, user_id: int, language: str, chosen: bool = True) -> None:
        """The person chose a language (answers stay in it); `chosen=False`: only the language their client
        shows (a browser's), used until they write in another."""
        s = self.storage.get(user_id)
        self.storage.save(user_id, replace(s, language=language if chosen else s.language, seen_language=language))

    def forget(self, user_id: int) -> None:
        self.storage.forget(user_id)

    def points_in(self, municipality: str) -> tuple[ServicePoint, ...]:
        """Every service point located in the municipality."""
        return tuple(p for p in self.kb.service_points.values() if p.municipality == municipality)

    def _outside(self, language: str, text: str) -> Answer:
        return Answer(language, None, True, (), None, (), False, text, kind=OUT_OF_AREA, confidence=1.0)

    def _record(self, user_id: int, question: str, answer: Answer) -> Answered:
        """Analytics redacts the question and hashes the user id before anything is stored."""
        if self.analytics is None:
            return Answered(answer)
        return Answered(answer, self.analytics.record(question, answer, user_id))

    def _remember_and_record(self, user_id: int, s: UserSettings, answer: Answer, pending: str | None,
                             question: str) -> Answered:
        """Save the person's new context and record the answer.

        When analytics writes to the same SQLite connection (as in the bot), both rows go in one transaction:
        one commit, so one journal fsync per message instead of two. Should the analytics insert fail, the
        settings write of that message is rolled back with it and the person keeps the context they had.
        """
        shared = self.analytics is not None and self.analytics.db.conn is self.storage.db.conn
        context = next_context(s.context, answer)
        self.storage.save(user_id, replace(s.with_context(context), seen_language=answer.language,
                                           pending_question=pending), commit=not shared)
        if not shared:
            return self._record(user_id, question, answer)
        connection = self.storage.db.conn
        try:
            return self._record(user_id, question, answer)  # its commit writes the settings too
        except BaseException:
            connection.rollback()
            raise
        finally:
            if connection.in_transaction:  # record() committed already; this only guards against a missed one
                connection.commit()
