"""Web sessions and rate limits live in memory, expire, and never grow without bound."""

from __future__ import annotations

from handlers.web.sessions import RateLimiter, SessionStore


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_session_unused_for_the_idle_time_is_forgotten():
    clock = Clock()
    store = SessionStore(idle_seconds=60, clock=clock)
    kept, dropped = store.new(), store.new()
    clock.now = 50
    assert store.get(kept.id) is kept
    clock.now = 100
    assert store.get(dropped.id) is None and store.get(kept.id) is kept


def test_session_ids_are_random_and_long():
    store = SessionStore()
    ids = {store.new().id for _ in range(100)}
    assert len(ids) == 100 and all(len(i) >= 24 for i in ids)


def test_the_oldest_session_goes_when_the_store_is_full():
    store = SessionStore(max_sessions=2)
    first, second, third = store.new(), store.new(), store.new()
    assert store.get(first.id) is None and store.get(second.id) and store.get(third.id) and len(store) == 2


def test_the_rate_limit_opens_again_after_its_window_and_forgets_idle_keys():
    clock = Clock()
    limiter = RateLimiter(2, window=60, clock=clock)
    assert limiter.allow("a") and limiter.allow("a") and not limiter.allow("a") and limiter.allow("b")
    clock.now = 61
    assert limiter.allow("a")
    assert "b" not in limiter._events
