"""A per-person message limit: one polite notice when it is exceeded, then silence until the window passes."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

ALLOW, NOTIFY, DROP = "allow", "notify", "drop"


class FloodGate:
    """Sliding one-minute window per user id, kept in memory only; people silent for a window are forgotten."""

    def __init__(self, limit_per_minute: int, window_seconds: float = 60.0,
                 clock: Callable[[], float] = time.monotonic):
        self.limit = limit_per_minute
        self.window = window_seconds
        self.clock = clock
        self._seen: dict[int, deque[float]] = {}
        self._notified: set[int] = set()
        self._pruned_at = float("-inf")

    @property
    def tracked(self) -> int:
        """How many people the gate remembers now."""
        return len(self._seen)

    def check(self, user_id: int) -> str:
        """ALLOW the message, NOTIFY once when over the limit, or DROP it quietly."""
        if self.limit <= 0:
            return ALLOW
        now = self.clock()
        self._prune(now)
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

    def _prune(self, now: float) -> None:
        """Forget everyone whose window is empty; at most once per window, so a check stays cheap."""
        if now - self._pruned_at < self.window:
            return
        self._pruned_at = now
        cutoff = now - self.window
        for user_id in [u for u, seen in self._seen.items() if not seen or seen[-1] <= cutoff]:
            del self._seen[user_id]
            self._notified.discard(user_id)
