"""Config: every key has a default, unknown keys and wrong types stop start-up, the token stays secret."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot import SHIPPED_KNOWLEDGE
from bot.config import SETTINGS, ConfigError, load_config
from handlers.telegram.app import _RedactToken, run

EXAMPLE = Path(__file__).resolve().parents[2] / "config.example.yaml"


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_config_with_only_base_url_works(tmp_path):
    config = load_config(write(tmp_path, "telegram:\n  base_url: http://127.0.0.1:8081/bot\n"))
    assert config.base_url == "http://127.0.0.1:8081/bot"
    assert config.mode == "polling" and config.storage_path == "tyonavi.sqlite"
    assert config.knowledge_path == str(SHIPPED_KNOWLEDGE) and config.staff_user_ids == ()
    assert config.knowledge_watch is True


def test_knowledge_watch_takes_a_yes_or_no_and_nothing_else(tmp_path):
    assert load_config(write(tmp_path, "knowledge:\n  watch: false\n")).knowledge_watch is False
    with pytest.raises(ConfigError, match="knowledge.watch must be a bool"):
        load_config(write(tmp_path, "knowledge:\n  watch: sometimes\n"))


def test_unknown_key_stops_start_up_naming_it(tmp_path):
    with pytest.raises(ConfigError, match="unknown setting 'telegram.base_ur'"):
        load_config(write(tmp_path, "telegram:\n  base_ur: x\n"))


@pytest.mark.parametrize("text, message", [
    ("telegram:\n  flood_limit_per_minute: lots\n", "must be a int"),
    ("staff:\n  user_ids: [12, abc]\n", "integer Telegram user ids"),
    ("telegram:\n  mode: carrier-pigeon\n", "polling, webhook"),
    ("telegram:\n  mode: webhook\n", "webhook.url is needed"),
])
def test_wrong_values_stop_start_up_with_a_hint(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        load_config(write(tmp_path, text))


def test_example_config_documents_every_key_and_loads():
    text = EXAMPLE.read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert setting.key.rsplit(".", 1)[-1] + ":" in text, setting.key
    load_config(EXAMPLE)


def test_run_without_token_is_a_clear_one_line_error(monkeypatch, capsys):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert run(None) == 2
    err = capsys.readouterr().err.strip()
    assert "TELEGRAM_BOT_TOKEN is not set" in err and "\n" not in err


def test_config_error_never_contains_the_token(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "999:SECRET")
    assert run(str(write(tmp_path, "telegram:\n  port: 1\n"))) == 2
    assert "SECRET" not in capsys.readouterr().err


def test_log_lines_and_tracebacks_have_the_token_redacted():
    try:
        raise RuntimeError("The token `999:SECRET` was rejected by the server.")
    except RuntimeError as exc:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "calling %s", ("/bot999:SECRET/getMe",),
                                   (type(exc), exc, exc.__traceback__))
    _RedactToken("999:SECRET").filter(record)
    assert "SECRET" not in logging.Formatter().format(record)


def test_webhook_mode_without_a_secret_token_refuses_to_start(tmp_path, monkeypatch, capsys):
    text = "telegram:\n  mode: webhook\n  webhook:\n    url: https://bot.example.fi/tyonavi\n"
    with pytest.raises(ConfigError, match="telegram.webhook.secret_token is needed .* forged"):
        load_config(write(tmp_path, text))
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "999:SECRET")
    assert run(str(write(tmp_path, text))) == 2
    err = capsys.readouterr().err.strip()
    assert "secret_token" in err and "\n" not in err


def test_webhook_secret_token_must_be_one_telegram_accepts(tmp_path):
    text = "telegram:\n  mode: webhook\n  webhook:\n    url: https://bot.example.fi/t\n    secret_token: {}\n"
    assert load_config(write(tmp_path, text.format("Abc_123-xyz"))).webhook_secret_token == "Abc_123-xyz"
    with pytest.raises(ConfigError, match="A-Z, a-z, 0-9, _ and -"):
        load_config(write(tmp_path, text.format("'has spaces'")))


def test_a_malformed_hash_key_in_the_environment_stops_start_up_in_one_line(monkeypatch, capsys):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "999:SECRET")
    monkeypatch.setenv("TYONAVI_HASH_KEY", "abcd")
    assert run(None) == 2
    err = capsys.readouterr().err.strip()
    assert "TYONAVI_HASH_KEY must hold at least 32 bytes" in err and "\n" not in err and "abcd" not in err
