"""The fake Bot API with a fault plan: the n-th call of a method fails in a planned way.

Two kinds of faults, as Telegram has them:
- refused: Telegram did not carry the call out (429 with retry_after, 5xx, a 5xx with an HTML body);
  recorded as a failed call. The bot must send it again, or the answer is lost.
- carried out, then trouble: the message was delivered (recorded as sent), but the bot hears nothing
  useful: a slow answer, a connection closed before the answer, a 200 whose body is not JSON. The bot
  must not send it again, or the answer arrives twice.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from fake_bot_api import DROPPED, Call, FakeBotApi

GARBAGE = b"<html><body>502 Bad Gateway</body></html>"


@dataclass(frozen=True)
class Fault:
    kind: str  # "refuse", "slow", "drop" or "garbage"
    status: int = 200
    retry_after: int | None = None
    seconds: float = 0.0
    garbage_body: bool = False  # a refusal answered with an HTML page instead of Telegram's JSON

    @property
    def label(self) -> str:
        if self.kind == "refuse":
            return f"{self.status}" + (" (HTML body)" if self.garbage_body else "")
        return {"slow": "slow answer", "drop": "connection dropped after delivery",
                "garbage": "200 with a body that is not JSON"}[self.kind]


class StormBotApi(FakeBotApi):
    """`plan[method][n]` is the fault of the n-th call (0-based) of `method`; `injected` counts what happened."""

    def __init__(self, plan: dict[str, dict[int, Fault]]) -> None:
        super().__init__()
        self.plan = plan
        self.injected: Counter[str] = Counter()
        self._counts: Counter[str] = Counter()
        self._lock = threading.Lock()

    def handle(self, method: str, params: dict[str, Any]) -> tuple[int, dict | bytes]:
        with self._lock:
            fault = self.plan.get(method, {}).get(self._counts[method])
            self._counts[method] += 1
            if fault is not None:
                self.injected[f"{method}: {fault.label}"] += 1
        if fault is None:
            return super().handle(method, params)
        if fault.kind == "refuse":
            body: dict[str, Any] = {"ok": False, "error_code": fault.status, "description": f"storm {fault.status}"}
            if fault.retry_after is not None:
                body["parameters"] = {"retry_after": fault.retry_after}
            if method != "getUpdates":
                with self._cond:
                    self.calls.append(Call(method, params, fault.status))
            return fault.status, GARBAGE if fault.garbage_body else body
        status, body = super().handle(method, params)  # carried out (and recorded) first
        if fault.kind == "slow":
            time.sleep(fault.seconds)
            return status, body
        if fault.kind == "drop":
            return DROPPED, {}
        return status, GARBAGE


def storm_plan(seed: int, sends: int) -> dict[str, dict[int, Fault]]:
    """A run of 80 refusals in a row (429s among 5xx), then faults of every kind scattered over `sends` calls,
    and a few on getUpdates."""
    rng = random.Random(seed)
    send: dict[int, Fault] = {}
    run_start = sends // 5
    for n in range(80):
        if n % 10 == 0:
            send[run_start + n] = Fault("refuse", 429, retry_after=1)
        else:
            send[run_start + n] = Fault("refuse", (502, 503, 500, 504)[n % 4])
    free = [n for n in range(sends) if n not in send and n not in range(run_start + 80, run_start + 84)]
    kinds = ([Fault("refuse", rng.choice((500, 502, 503, 504))) for _ in range(20)]
             + [Fault("refuse", 429, retry_after=1) for _ in range(4)]
             + [Fault("refuse", 502, garbage_body=True) for _ in range(10)]
             + [Fault("slow", seconds=rng.uniform(0.1, 0.6)) for _ in range(20)]
             + [Fault("drop") for _ in range(20)]
             + [Fault("garbage") for _ in range(20)])
    for position, fault in zip(rng.sample(free, len(kinds)), kinds, strict=True):
        send[position] = fault
    updates = {2: Fault("refuse", 502), 4: Fault("garbage"), 6: Fault("drop"), 9: Fault("refuse", 503),
               11: Fault("refuse", 429, retry_after=1)}
    return {"sendMessage": send, "getUpdates": updates}
