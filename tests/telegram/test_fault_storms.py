"""Fault storms, counted: 500 messages from 50 people while the Bot API refuses, stalls, drops connections
and answers with bodies that are not JSON. Every message must be answered exactly once, in order.

How it is judged: the same messages go through a calm fake Bot API first; what each chat received there
is the expected conversation. In the storm, each chat must receive exactly that, in that order: a missing
message is an answer lost, an extra one an answer doubled.
"""

from __future__ import annotations

import fake_bot_api as api
import pytest
from storm_api import StormBotApi, storm_plan
from traffic import missing_and_extra, run_traffic, traffic

from handlers.telegram import delivery

PEOPLE = 50
FIRST_PERSON = 910_001


def lost_and_doubled(expected: dict[int, list[str]], got: dict[int, list[str]]) -> tuple[int, int]:
    counts = [missing_and_extra(expected.get(chat, []), got.get(chat, [])) for chat in expected.keys() | got.keys()]
    return sum(lost for lost, _ in counts), sum(doubled for _, doubled in counts)


@pytest.fixture
def short_pauses(monkeypatch):
    """Retries of 5xx wait 10-50 ms instead of 0.25-5 s: how long the pauses are is not what is tested here
    (429s still wait the second Telegram asks for)."""
    original = delivery.RetryingRateLimiter.__init__

    def quick(self, *args, **kwargs):
        original(self, *args, **{**kwargs, "delay": 0.01, "max_delay": 0.05})

    monkeypatch.setattr(delivery.RetryingRateLimiter, "__init__", quick)


async def test_a_fault_storm_loses_no_answer_doubles_none_and_keeps_each_chats_order(tmp_path, short_pauses,
                                                                                     caplog):
    messages = traffic(PEOPLE, FIRST_PERSON)
    assert len(messages) == 500
    expected = await run_traffic(api.FakeBotApi(), tmp_path / "calm.sqlite", messages)
    calm_sends = sum(len(texts) for texts in expected.values())
    assert len(expected) == PEOPLE and calm_sends >= 500

    storm = StormBotApi(storm_plan(seed=11, sends=calm_sends))
    got = await run_traffic(storm, tmp_path / "storm.sqlite", messages)

    injected = sum(storm.injected.values())
    lost, doubled = lost_and_doubled(expected, got)
    print(f"\n{len(messages)} messages from {PEOPLE} people, {calm_sends} answers expected; {injected} faults "
          f"injected: {dict(sorted(storm.injected.items()))}; lost {lost}, doubled {doubled}")
    assert injected == 179  # the plan: 80 in a row and 94 scattered on sendMessage, 5 on getUpdates
    assert (lost, doubled) == (0, 0)
    assert got == expected  # and in each chat, in the order the person asked
    assert not [r for r in caplog.records if r.name == "tyonavi.telegram" and "failed" in r.getMessage()]
