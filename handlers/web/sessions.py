"""Web chat sessions in memory only: a random id, the conversation's context, and nothing about the person."""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handlers.web.reply import Reply


#: A session unused this long is forgotten (its context and any waiting question with it).
IDLE_SECONDS = 30 * 60
#: At most this many sessions are kept; beyond it the least recently used goes first.
MAX_SESSIONS = 10_000


#: Web sessions talk to the conversation layer under ids from here up: Telegram's user ids have at most 52
#: significant bits, so a web session and a Telegram user never share settings, analytics or a hand-over case.
WEB_IDS_FROM = 1 << 62
#: How many of a session's answers can still be voted on (👍/👎): the last ones shown.
VOTABLE_ANSWERS = 20


def is_web_chat(chat_id: int) -> bool:
    """True for the id of a web session (a hand-over case opened in the web chat)."""
    return chat_id >= WEB_IDS_FROM


@dataclass(slots=True)
class WebSession:
    """A browser's conversation: a random id, the conversation layer's user id, and what the page may send back.
    No name, no address; the settings (home municipality, language) are kept by the conversation layer."""

    id: str
    user_id: int = field(default_factory=lambda: WEB_IDS_FROM + secrets.randbits(62))
    #: the browser's language, used until the person chooses one or writes in one
    client_language: str = "fi"
    #: the choices the last response offered (id → label): only these are accepted next
    offered: dict[str, str] = field(default_factory=dict)
    #: 👍/👎 handles of the answers shown (handle → analytics row), newest last
    votable: dict[str, int] = field(default_factory=dict)
    #: staff replies that came while the page was not asking (shown with the next response)
    waiting: list[Reply] = field(default_factory=list)
    #: the bot's last answer, in memory only: staff handed a question see what the person was told
    last_answer: str | None = None
    last_used: float = 0.0

    def votable_answer(self, answer_id: int | None) -> str | None:
        """A handle the page sends back with 👍/👎 for this answer; None when it was not recorded."""
        if answer_id is None:
            return None
        handle = f"a{answer_id:x}"
        self.votable[handle] = answer_id
        while len(self.votable) > VOTABLE_ANSWERS:
            del self.votable[next(iter(self.votable))]
        return handle


class SessionStore:
    """Sessions by id, forgotten after IDLE_SECONDS without use; ids from `secrets`, never guessable.
    `on_forget` hears of every session that goes (its settings are forgotten with it)."""

    def __init__(self, idle_seconds: float = IDLE_SECONDS, max_sessions: int = MAX_SESSIONS,
                 clock: Callable[[], float] = time.monotonic,
                 on_forget: Callable[[WebSession], None] = lambda _session: None):
        self._sessions: OrderedDict[str, WebSession] = OrderedDict()
        self._by_user: dict[int, str] = {}
        self.idle_seconds = idle_seconds
        self._max = max_sessions
        self._clock = clock
        self.on_forget = on_forget

    def __len__(self) -> int:
        return len(self._sessions)

    def new(self, client_language: str = "fi") -> WebSession:
        self._expire()
        while len(self._sessions) >= self._max:
            self._drop(next(iter(self._sessions)))
        session = WebSession(secrets.token_urlsafe(18), client_language=client_language, last_used=self._clock())
        self._sessions[session.id] = session
        self._by_user[session.user_id] = session.id
        return session

    def get(self, session_id: str) -> WebSession | None:
        """The live session with this id, marked as used now; None when unknown or expired."""
        self._expire()
        session = self._sessions.get(session_id)
        if session is not None:
            session.last_used = self._clock()
            self._sessions.move_to_end(session_id)
        return session

    def of_user(self, user_id: int) -> WebSession | None:
        """The live session of a conversation-layer user id (a staff reply's addressee), not marked as used."""
        self._expire()
        session_id = self._by_user.get(user_id)
        return self._sessions.get(session_id) if session_id else None

    def _drop(self, session_id: str) -> None:
        session = self._sessions.pop(session_id)
        self._by_user.pop(session.user_id, None)
        self.on_forget(session)

    def _expire(self) -> None:
        limit = self._clock() - self.idle_seconds
        while self._sessions:
            oldest_id, oldest = next(iter(self._sessions.items()))
            if oldest.last_used >= limit:
                return
            self._drop(oldest_id)


class RateLimiter:
    """At most `limit` events per key in a sliding `window` seconds. Keys live in memory only and go when idle:
    client addresses are never stored or logged."""

    def __init__(self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = 50_000):
        self._limit = limit
        self._window = window
        self._clock = clock
        self._max_keys = max_keys
        self._events: OrderedDict[str, list[float]] = OrderedDict()

    def allow(self, key: str) -> bool:
        """Count one event for `key`; False when it is over the limit (the event is then not counted).
        A limit of 0 allows everything (the config's "no limit")."""
        if self._limit <= 0:
            return True
        now = self._clock()
        self._forget_idle(now)
        times = [t for t in self._events.pop(key, []) if t > now - self._window]
        allowed = len(times) < self._limit
        if allowed:
            times.append(now)
        self._events[key] = times
        while len(self._events) > self._max_keys:
            self._events.popitem(last=False)
        return allowed

    def _forget_idle(self, now: float) -> None:
        while self._events:
            key, times = next(iter(self._events.items()))
            if times and times[-1] > now - self._window:
                return
            del self._events[key]
