"""Traffic for the delivery tests: many people asking in turns, and what each chat received."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import fake_bot_api as api
from bot_runner import running_bot

HOMES = ("Kajaanissa", "Kuhmossa", "Sotkamossa", "Suomussalmella", "Puolangalla", "Paltamossa", "Ristijärvellä",
         "Hyrynsalmella", "Kuusamossa", "Taivalkoskella")
FOLLOW_UPS = ("Mistä haen starttirahaa?", "etsin töitä", "Missä on Ohjaamo?", "I am looking for a job",
              "Haluan ilmoittautua työnhakijaksi", "Olen työnantaja ja haen työntekijää", "kiitos",
              "Mitä palveluita teillä on?", "asun nykyään kuhmossa, mihin menen")


def traffic(people: int, first_person: int) -> list[tuple[int, str]]:
    """Each person first says where they live, then asks nine more things; people take turns."""
    said = {first_person + n: [f"Asun {HOMES[n % len(HOMES)]}, minne menen?",
                               *FOLLOW_UPS[n % 9:], *FOLLOW_UPS[:n % 9]] for n in range(people)}
    return [(person, messages[turn]) for turn in range(10) for person, messages in said.items()]


def conversations(fake: api.FakeBotApi) -> dict[int, list[str]]:
    """What each chat received (messages Telegram delivered), in order."""
    chats: dict[int, list[str]] = {}
    for call in fake.sent():
        chats.setdefault(int(call.params["chat_id"]), []).append(call.plain_text)
    return chats


def missing_and_extra(want: list[str], have: list[str]) -> tuple[int, int]:
    """Messages a chat should have received but did not (lost), and ones it received too often (doubled)."""
    expected, got = Counter(want), Counter(have)
    return sum((expected - got).values()), sum((got - expected).values())


async def run_traffic(fake: api.FakeBotApi, db_path: Path, messages: list[tuple[int, str]],
                      timeout: float = 300) -> dict[int, list[str]]:
    """All messages through the real bot polling `fake` (started and stopped here); what each chat received."""
    fake.start()
    try:
        async with running_bot(fake, db_path, telegram={"max_messages_per_second": 0}) as bot:
            ids = [fake.push(api.text_update(person, text, "fi")) for person, text in messages]
            await fake.wait_for(lambda: bot.processed.issuperset(ids), timeout=timeout, what="every message handled")
    finally:
        fake.stop()
    return conversations(fake)
