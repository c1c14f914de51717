"""`tyonavi backup` while the real bot answers traffic, then the copy restored as a new bot's database."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3

import fake_bot_api as api
import pytest
import yaml
from bot_runner import running_bot
from traffic import traffic

from bot.cli import main
from bot.conversation.storage import Storage, key_file_for

PEOPLE = 10
FIRST_PERSON = 930_001
KUHMO_PERSON = FIRST_PERSON + 1  # traffic(): the second person lives in Kuhmo ("Asun Kuhmossa, …")


def write_config(tmp_path, db_path) -> str:
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"storage": {"path": str(db_path)}}))
    return str(config)


async def test_a_backup_taken_under_traffic_restores_as_a_working_database(start_bot, fake, db_path, tmp_path, capsys,
                                                                          caplog):
    messages = traffic(PEOPLE, FIRST_PERSON)
    config = write_config(tmp_path, db_path)
    backups = tmp_path / "backups"
    backups.mkdir()
    async with start_bot(telegram={"max_messages_per_second": 0}) as bot:
        ids = [fake.push(api.text_update(person, text, "fi")) for person, text in messages]
        first_turn = set(ids[:PEOPLE])
        await fake.wait_for(lambda: bot.processed >= first_turn, timeout=60, what="everyone's first message")
        handled_before = set(bot.processed)
        code = await asyncio.to_thread(main, ["backup", "--config", config, "--to", str(backups)])
        await fake.wait_for(lambda: bot.processed.issuperset(ids), timeout=120, what="every message handled")
    assert code == 0
    assert len(handled_before) < len(ids), "the backup was taken after the traffic had ended"
    (copy,) = backups.iterdir()
    assert "checked with PRAGMA integrity_check" in capsys.readouterr().out
    assert not (backups / f"{copy.name}-wal").exists()  # one self-contained file

    restored = tmp_path / "restored" / "tyonavi.sqlite"
    restored.parent.mkdir()
    shutil.copy(copy, restored)
    if key_file_for(db_path).exists():  # the key travels apart from the backup, as the README says
        shutil.copy(key_file_for(db_path), key_file_for(restored))
    with sqlite3.connect(restored) as db:
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        # what waited in the inbox was the live bot's to answer: the restored bot must not answer it again
        assert db.execute("select count(*) from inbox where state != 'done' or payload is not null").fetchone()[0] == 0
    storage = Storage(restored)
    try:
        homes = {person: storage.get(person).municipality for person in range(FIRST_PERSON, FIRST_PERSON + PEOPLE)}
    finally:
        storage.close()
    assert all(homes.values()), f"settings missing from the backup: {homes}"
    assert homes[KUHMO_PERSON] == "kuhmo"

    sent_before = len(fake.sent())
    async with running_bot(fake, restored) as new_bot:
        replies = await new_bot.say(KUHMO_PERSON, "Mistä haen starttirahaa?")
    assert len(fake.sent()) == sent_before + len(replies)  # nothing from before the backup answered again
    assert "left unfinished" not in caplog.text
    answer = replies[0]
    assert "Kuhmo" in answer.plain_text  # the new bot knows where the person lives


def test_backup_refuses_to_overwrite_the_live_database(tmp_path, capsys):
    db_path = tmp_path / "tyonavi.sqlite"
    Storage(db_path).close()
    before = db_path.read_bytes()
    for target in (db_path, tmp_path / "tyonavi.sqlite-wal", key_file_for(db_path)):
        assert main(["backup", "--config", write_config(tmp_path, db_path), "--to", str(target)]) == 1
        assert "live database" in capsys.readouterr().err
    assert db_path.read_bytes() == before


def test_backup_never_overwrites_an_existing_file(tmp_path, capsys):
    db_path = tmp_path / "tyonavi.sqlite"
    Storage(db_path).close()
    earlier = tmp_path / "earlier.sqlite"
    earlier.write_text("an earlier backup")
    assert main(["backup", "--config", write_config(tmp_path, db_path), "--to", str(earlier)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert earlier.read_text() == "an earlier backup"


@pytest.mark.parametrize("missing", ["database", "directory"])
def test_backup_says_what_is_missing(tmp_path, capsys, missing):
    db_path = tmp_path / "tyonavi.sqlite"
    if missing == "directory":
        Storage(db_path).close()
    target = tmp_path / "no" / "such" / "dir" / "copy.sqlite"
    assert main(["backup", "--config", write_config(tmp_path, db_path), "--to", str(target)]) == 1
    err = capsys.readouterr().err
    assert ("no database at" in err) if missing == "database" else ("is not a directory" in err)
