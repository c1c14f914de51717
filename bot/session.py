"""A person's conversation across turns, for any chat channel: engine + remembered settings.

Channels call these functions with a user id and get plain `Answer`s back to render.
"""

from __future__ import annotations

from dataclasses import replace

from bot.answer import CLARIFY, OUT_OF_AREA, Answer, Context
from bot.conversation import next_context
from bot.engine import Engine
from bot.engine.compose import out_of_area_text
from bot.geo import Located, locate
from bot.kb.model import KnowledgeBase, ServicePoint
from bot.privacy import redact
from bot.storage import Storage, UserSettings


class Conversations:
    """Answers questions with each person's stored context and keeps that context up to date."""

    def __init__(self, engine: Engine, storage: Storage):
        self.engine = engine
        self.storage = storage

    @property
    def kb(self) -> KnowledgeBase:
        return self.engine.kb

    def settings(self, user_id: int) -> UserSettings:
        return self.storage.get(user_id)

    def language(self, user_id: int, client_language: str) -> str:
        """The language to talk in: chosen, else the last one answered in, else the client's."""
        s = self.storage.get(user_id)
        return s.language or s.seen_language or client_language

    def ask(self, user_id: int, text: str) -> Answer:
        """Answer a message; a question that needs a municipality is kept until one is chosen."""
        s = self.storage.get(user_id)
        answer = self.engine.answer(text, s.context)
        # kept only until the municipality is chosen, and without identity codes, phones, e-mails…
        pending = redact(text) if answer.kind == CLARIFY else None
        self._remember(user_id, s, answer, pending)
        return answer

    def choose_municipality(self, user_id: int, municipality: str, language: str) -> Answer:
        """Save the home municipality; answer the waiting question, or say where to go there."""
        s = self.storage.get(user_id)
        context = Context(language=s.language, municipality=municipality, last_topic=s.last_topic)
        name = self.kb.municipalities[municipality].display_name(language)
        if s.pending_question:
            answer = self.engine.answer(s.pending_question, context)
        else:
            answer = self.engine.answer(name, replace(context, language=s.language or language))
        if answer.municipality is None:
            answer = replace(answer, municipality=municipality)
        confirmation = self.kb.text("municipality_set", answer.language, municipality=name)
        answer = replace(answer, text=f"{confirmation}\n\n{answer.text}")
        self._remember(user_id, replace(s, municipality=municipality), answer, None)
        return answer

    def somewhere_else(self, user_id: int, language: str) -> Answer:
        """The person lives outside the area: forget the home municipality and send them onwards."""
        s = self.storage.get(user_id)
        self.storage.save(user_id, replace(s, municipality=None, pending_question=None))
        text = "\n\n".join([self.kb.text("home_elsewhere", language),
                            self.kb.text("register_online", language, url=self.kb.area.online_service_url)])
        return self._outside(language, text)

    def locate(self, lat: float, lon: float) -> Located:
        return locate(self.kb, lat, lon)

    def outside_location(self, language: str) -> Answer:
        """The out-of-area answer for a shared location far from every municipality of the area."""
        return self._outside(language, out_of_area_text(self.kb, language, self.kb.text("your_location", language)))

    def set_language(self, user_id: int, language: str) -> None:
        s = self.storage.get(user_id)
        self.storage.save(user_id, replace(s, language=language, seen_language=language))

    def forget(self, user_id: int) -> None:
        self.storage.forget(user_id)

    def points_in(self, municipality: str) -> tuple[ServicePoint, ...]:
        """Every service point located in the municipality."""
        return tuple(p for p in self.kb.service_points.values() if p.municipality == municipality)

    def _outside(self, language: str, text: str) -> Answer:
        return Answer(language, None, True, (), None, (), False, text, kind=OUT_OF_AREA, confidence=1.0)

    def _remember(self, user_id: int, s: UserSettings, answer: Answer, pending: str | None) -> None:
        context = next_context(s.context, answer)
        self.storage.save(user_id, replace(s.with_context(context), seen_language=answer.language,
                                           pending_question=pending))
