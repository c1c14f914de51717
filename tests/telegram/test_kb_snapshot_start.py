"""A broken knowledge-base file left on disk does not stop the next start: the last good version serves."""

from __future__ import annotations

import logging

import pytest
from kb_edit import line_of, replace_in

from bot.kb.errors import KnowledgeBaseInvalid
from bot.kb.snapshot import serving_snapshot, snapshot_dir

STAFF = 7001
USER = 7002
KUHMO_QUESTION = "Asun Kuhmossa, minne menen?"
KUHMO_ADDRESS = "Kainuuntie 82"
NOT_RELOADED = "Tietopohjaa EI ladattu"


def break_services(kb_dir) -> tuple[str, str]:
    """A mistake staff can make: a service whose id is not written in snake_case. Returns 'file:line' and the
    line as it was."""
    services = kb_dir / "services.yaml"
    first_id = next(line for line in services.read_text(encoding="utf-8").splitlines() if line.startswith("  - id: "))
    replace_in(services, first_id, "  - id: Not A Valid Id")
    return f"services.yaml:{line_of(services, 'Not A Valid Id')}", first_id


async def test_a_broken_file_at_start_is_served_from_the_snapshot_and_staff_are_told(start_bot, fake, kb_copy,
                                                                                       db_path, caplog):
    settings = {"knowledge": {"path": str(kb_copy), "watch": False}, "staff": {"user_ids": [STAFF]}}
    async with start_bot(**settings) as bot:
        (good,) = [c for c in await bot.say(USER, KUHMO_QUESTION) if c.method == "sendMessage"][:1]
    assert snapshot_dir(db_path).is_dir() and serving_snapshot(db_path) is None

    where, as_it_was = break_services(kb_copy)
    caplog.set_level(logging.WARNING)
    async with start_bot(**settings) as bot:
        notices = [c.plain_text for c in fake.sent(STAFF)]
        (answer,) = [c for c in await bot.say(USER, KUHMO_QUESTION) if c.method == "sendMessage"][:1]
        state = serving_snapshot(db_path)

        replace_in(kb_copy / "services.yaml", "  - id: Not A Valid Id", as_it_was)  # staff fix it; /reload
        await bot.say(STAFF, "/reload")
        after_fix = serving_snapshot(db_path)

    assert answer.plain_text == good.plain_text and KUHMO_ADDRESS in answer.plain_text
    (notice,) = notices
    assert notice.startswith(f"⚠️ {NOT_RELOADED}") and where in notice and "Fix:" in notice
    assert state is not None and where in state  # what `tyonavi health` reports
    assert where in caplog.text
    assert after_fix is None


async def test_without_a_snapshot_a_broken_file_still_stops_the_start(start_bot, kb_copy):
    break_services(kb_copy)
    with pytest.raises(KnowledgeBaseInvalid):
        async with start_bot(knowledge={"path": str(kb_copy), "watch": False}):
            pass


async def test_a_broken_file_never_becomes_the_snapshot(start_bot, kb_copy, db_path):
    settings = {"knowledge": {"path": str(kb_copy), "watch": False}, "staff": {"user_ids": [STAFF]}}
    async with start_bot(**settings):
        pass
    kept = (snapshot_dir(db_path) / "services.yaml").read_text(encoding="utf-8")
    break_services(kb_copy)
    async with start_bot(**settings) as bot:
        await bot.say(STAFF, "/reload")  # refused
    assert (snapshot_dir(db_path) / "services.yaml").read_text(encoding="utf-8") == kept
    async with start_bot(**settings):  # and the next start serves the same good version
        pass
    assert serving_snapshot(db_path) is not None
