"""Ten-turn conversations in Finnish and English never dead-end (turns live in conversations.yaml)."""

from __future__ import annotations

from pathlib import Path

import fake_bot_api as api
import pytest
import yaml

CONVERSATIONS = yaml.safe_load((Path(__file__).parent / "conversations.yaml").read_text(encoding="utf-8"))
USER = 3003


def has_way_on(call: api.Call) -> bool:
    return bool(call.markup.get("inline_keyboard") or call.markup.get("keyboard"))


@pytest.mark.parametrize("conversation", CONVERSATIONS["conversations"], ids=lambda c: c["name"])
async def test_conversation_never_dead_ends(conversation, start_bot, fake):
    code = conversation["language_code"]
    assert len(conversation["turns"]) >= 10
    async with start_bot() as bot:
        for number, turn in enumerate(conversation["turns"], start=1):
            if "say" in turn:
                replies = await bot.say(USER, turn["say"], code)
            elif "press" in turn:
                replies = await bot.press(USER, turn["press"], code)
            elif "location" in turn:
                replies = await bot.share_location(USER, *turn["location"], code)
            else:
                replies = await bot.push(api.sticker_update(USER, code))
            where = f"turn {number} {turn}"
            assert replies, f"{where}: no reply"
            assert all(r.plain_text.strip() for r in replies), where
            assert has_way_on(replies[-1]), f"{where}: the last reply offers no way on"
            if "expect" in turn:
                assert turn["expect"] in replies[-1].plain_text, f"{where}: {replies[-1].plain_text!r}"
    assert not fake.rejected
