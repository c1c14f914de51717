"""Web chat sessions in memory only: a random id, the conversation's context, and nothing about the person."""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.answer import Answer, Context

#: A session unused this long is forgotten (its context and any waiting question with it).
IDLE_SECONDS = 30 * 60
#: At most this many sessions are kept; beyond it the least recently used goes first.
MAX_SESSIONS = 10_000


@dataclass(slots=True)
class WebSession:
    """What the conversation remembers between turns, as the console keeps it: no name, no address."""

    id: str
    context: Context = field(default_factory=Context)
    #: the question the bot asked back about, and that answer (its choices are the ones accepted next)
    pending: tuple[str, Answer] | None = None
    last_used: float = 0.0


class SessionStore:
    """Sessions by id, forgotten after IDLE_SECONDS without use; ids from `secrets`, never guessable."""

    def __init__(self, idle_seconds: float = IDLE_SECONDS, max_sessions: int = MAX_SESSIONS,
                 clock: Callable[[], float] = time.monotonic):
        self._sessions: OrderedDict[str, WebSession] = OrderedDict()
        self._idle = idle_seconds
        self._max = max_sessions
        self._clock = clock

    def __len__(self) -> int:
        return len(self._sessions)

    def new(self) -> WebSession:
        self._expire()
        while len(self._sessions) >= self._max:
            self._sessions.popitem(last=False)
        session = WebSession(secrets.token_urlsafe(18), last_used=self._clock())
        self._sessions[session.id] = session
        return session

    def get(self, session_id: str) -> WebSession | None:
        """The live session with this id, marked as used now; None when unknown or expired."""
        self._expire()
        session = self._sessions.get(session_id)
        if session is not None:
            session.last_used = self._clock()
            self._sessions.move_to_end(session_id)
        return session

    def _expire(self) -> None:
        limit = self._clock() - self._idle
        while self._sessions:
            oldest = next(iter(self._sessions.values()))
            if oldest.last_used >= limit:
                return
            self._sessions.popitem(last=False)


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
