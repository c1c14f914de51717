"""Traffic for the delivery tests: many people asking in turns, and what each chat received."""

from __future__ import annotations

import fake_bot_api as api

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
