"""`tyonavi health`: exit 0 on a sound installation, else 1 and one line naming what an operator must fix."""

from __future__ import annotations

import os
import socket
import time

import pytest
from bot_runner import TOKEN
from kb_edit import line_of, replace_in

from bot.cli import main
from bot.conversation.inbox import Inbox
from bot.conversation.storage import Storage
from bot.operations.heartbeat import Heartbeat


@pytest.fixture(autouse=True)
def no_key_or_token_from_the_environment(monkeypatch):
    monkeypatch.delenv("TYONAVI_HASH_KEY", raising=False)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)


def config_file(tmp_path, db_path, extra: str = "", base_url: str = "http://127.0.0.1:9/bot") -> str:
    path = tmp_path / "config.yaml"
    path.write_text(f"telegram:\n  base_url: {base_url}\nstorage:\n  path: {db_path}\n{extra}", encoding="utf-8")
    return str(path)


def a_database(db_path) -> Storage:
    """The database as the bot leaves it: settings, inbox and heartbeat tables."""
    storage = Storage(db_path)
    Inbox(storage.db.conn, storage.secret)
    Heartbeat(storage.db.conn)
    return storage


def health(capsys, *args: str) -> tuple[int, list[str]]:
    code = main(["health", *args])
    out, err = capsys.readouterr()
    return code, (out + err).splitlines()


def test_a_sound_installation_is_healthy(tmp_path, db_path, capsys):
    a_database(db_path).close()
    code, lines = health(capsys, "--config", config_file(tmp_path, db_path))
    assert code == 0
    assert lines == ["OK: config, knowledge base, database; inbox 0 waiting; no update handled yet"]


def test_an_unknown_setting_is_named(tmp_path, db_path, capsys):
    a_database(db_path).close()
    code, lines = health(capsys, "--config", config_file(tmp_path, db_path, "metrics:\n  prot: 9100\n"))
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith("tyonavi health: config invalid: ")
    assert "unknown setting 'metrics.prot'" in lines[0]


def test_a_broken_knowledge_file_is_named_with_its_line(tmp_path, db_path, kb_copy, capsys):
    a_database(db_path).close()
    points = kb_copy / "service_points.yaml"
    replace_in(points, "postal_code: \"88900\"", "postal_code: \"8890\"")
    line = line_of(points, "postal_code: \"8890\"")
    code, lines = health(capsys, "--config", config_file(tmp_path, db_path, f"knowledge:\n  path: {kb_copy}\n"))
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith(f"tyonavi health: knowledge base invalid: {points}:{line}: ")
    assert "'8890' is not five digits" in lines[0] and "Fix:" in lines[0]


def test_a_database_that_cannot_be_written_is_named(tmp_path, capsys):
    not_a_file = tmp_path / "tyonavi.sqlite"
    not_a_file.mkdir()  # root can write to any file, but nobody can open a folder as a database
    code, lines = health(capsys, "--config", config_file(tmp_path, not_a_file))
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith(f"tyonavi health: database not writable: {not_a_file}: ")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files")
def test_a_read_only_database_file_is_not_writable(tmp_path, db_path, capsys):
    a_database(db_path).close()
    db_path.chmod(0o444)
    code, lines = health(capsys, "--config", config_file(tmp_path, db_path))
    assert code == 1 and lines[0].startswith(f"tyonavi health: database not writable: {db_path}: ")


def test_a_missing_database_is_named(tmp_path, db_path, capsys):
    code, lines = health(capsys, "--config", config_file(tmp_path, db_path))
    assert code == 1 and lines == [f"tyonavi health: database: no database at {db_path} (storage.path); start the "
                                   "bot once to create it, or correct the path"]


def test_an_inbox_backlog_over_the_limit_is_named(tmp_path, db_path, capsys):
    storage = a_database(db_path)
    inbox = Inbox(storage.db.conn, storage.secret)
    for update_id in (1, 2, 3):
        inbox.add(update_id, {"update_id": update_id})
    inbox.finish(1)
    storage.close()
    config = config_file(tmp_path, db_path, "health:\n  max_inbox_backlog: 1\n")
    code, lines = health(capsys, "--config", config)
    assert code == 1
    assert lines == ["tyonavi health: inbox backlog: 2 updates wait unhandled (more than health.max_inbox_backlog 1); "
                     "is the bot running and keeping up?"]
    code, _ = health(capsys, "--config", config_file(tmp_path, db_path, "health:\n  max_inbox_backlog: 2\n"))
    assert code == 0


def test_a_last_update_too_long_ago_is_named(tmp_path, db_path, capsys):
    storage = a_database(db_path)
    Heartbeat(storage.db.conn, clock=lambda: time.time() - 3 * 3600).update_handled()
    storage.db.conn.commit()
    storage.close()
    code, lines = health(capsys, "--config", config_file(tmp_path, db_path, "health:\n  max_update_age_minutes: 60\n"))
    assert code == 1
    assert lines == ["tyonavi health: last update: handled 180 minutes ago (more than "
                     "health.max_update_age_minutes 60); is the bot running and polling?"]
    code, _ = health(capsys, "--config", config_file(tmp_path, db_path, "health:\n  max_update_age_minutes: 240\n"))
    assert code == 0


async def test_the_running_bot_records_each_handled_update_for_health(start_bot, tmp_path, db_path, capsys):
    async with start_bot() as bot:
        await bot.say(1001, "Asun Kuhmossa, minne menen?")
    code, lines = health(capsys, "--config", config_file(tmp_path, db_path, "health:\n  max_update_age_minutes: 1\n"))
    assert code == 0 and lines == ["OK: config, knowledge base, database; inbox 0 waiting; last update 0 min ago"]


def test_online_asks_telegram_with_the_token(tmp_path, db_path, fake, monkeypatch, capsys):
    a_database(db_path).close()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    code, lines = health(capsys, "--config", config_file(tmp_path, db_path, base_url=fake.base_url), "--online")
    assert code == 0 and lines[0].startswith("OK: config, knowledge base, database, Telegram getMe;")
    assert [c.method for c in fake.calls] == ["getMe"]


def test_online_names_a_token_telegram_refuses_without_showing_it(tmp_path, db_path, fake, monkeypatch, capsys):
    a_database(db_path).close()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    fake.fail_next("getMe", 401)
    code, lines = health(capsys, "--config", config_file(tmp_path, db_path, base_url=fake.base_url), "--online")
    assert code == 1
    assert lines == ["tyonavi health: telegram: getMe refused: fake failure 401 (HTTP 401); check TELEGRAM_BOT_TOKEN"]


def test_online_names_an_unreachable_telegram(tmp_path, db_path, monkeypatch, capsys):
    a_database(db_path).close()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    code, lines = health(capsys, "--config", config_file(tmp_path, db_path, base_url=f"http://127.0.0.1:{port}/bot"),
                         "--online")
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith("tyonavi health: telegram: cannot reach 127.0.0.1 (") and TOKEN not in lines[0]


def test_online_without_a_token_says_so(tmp_path, db_path, capsys):
    a_database(db_path).close()
    code, lines = health(capsys, "--config", config_file(tmp_path, db_path), "--online")
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith("tyonavi health: telegram: TELEGRAM_BOT_TOKEN is not set")

