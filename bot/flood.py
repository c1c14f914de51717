"""A per-person message limit: one polite notice when it is exceeded, then silence until the window passes."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

ALLOW, NOTIFY, DROP = "allow", "notify", "drop"


class FloodGate:
    """Sliding one-minute window per user id, kept in memory only."""

    def __init__(self, limit_per_minute: int, window_seconds: float = 60.0,
                 clock: Callable[[], float] = time.monotonic):
        self.limit = limit_per_minute
        self.window = window_seconds
        self.clock = clock
        self._seen: dict[int, deque[float]] = {}
        self._notified: set[int] = set()

    def check(self, user_id: int) -> str:
        """ALLOW the message, NOTIFY once when over the limit, or DROP it quietly."""
        if self.limit <= 0:
            return ALLOW
        now = self.clock()
        seen = self._seen.setdefault(user_id, deque())
        while seen and seen[0] <= now - self.window:
            seen.popleft()
        if len(seen) < self.limit:
            seen.append(now)
            self._notified.discard(user_id)
            return ALLOW
        if user_id in self._notified:
            return DROP
        self._notified.add(user_id)
        return NOTIFY
