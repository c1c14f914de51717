"""`logging.format: json`: one JSON object a line for log collectors, as free of secrets as the text lines."""

from __future__ import annotations

import io
import json
import logging
import sys
from datetime import datetime

import pytest
from bot_runner import TOKEN

from bot.config import ConfigError, config_from_dict
from bot.operations.logformat import JsonFormatter
from handlers.telegram.app import configure_logging

PERSONAL = "Nimeni on Maija Meikäläinen, hetu 131052-308T, puhelin 040 1234567, asun Kuhmossa"


@pytest.fixture
def json_logging(monkeypatch) -> io.StringIO:
    """configure_logging as `tyonavi run` calls it, writing to the returned stream as it would to stderr, on a
    root logger without pytest's handlers (all restored after)."""
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.setattr(root, "level", root.level)
    configure_logging("DEBUG", TOKEN, "json")
    return stderr


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


async def test_the_running_bot_logs_json_lines_without_message_texts_or_the_token(json_logging, start_bot, fake):
    fake.fail_next("sendMessage", 500)  # a retry, logged
    async with start_bot() as bot:
        await bot.say(1001, PERSONAL)
        await bot.say(1002, "/start")
    logging.getLogger("tyonavi.test").warning("calling %s", f"{fake.base_url}{TOKEN}/getMe")
    try:
        raise RuntimeError(f"token {TOKEN} in an exception")
    except RuntimeError:
        logging.getLogger("tyonavi.test").exception("it failed")
    err = json_logging.getvalue()
    lines = json_lines(err)
    assert len(lines) >= 4
    for line in lines:
        assert {"time", "level", "logger", "message"} <= set(line)
        datetime.fromisoformat(line["time"])
    assert any(line["logger"] == "tyonavi.telegram" and "retrying" in line["message"] for line in lines)
    assert lines[-2] == {**lines[-2], "level": "WARNING", "logger": "tyonavi.test",
                         "message": f"calling {fake.base_url}<token>/getMe"}
    assert lines[-1]["level"] == "ERROR" and "RuntimeError: token <token> in an exception" in lines[-1]["exception"]
    assert TOKEN not in err
    for fragment in ("Maija", "Meikäläinen", "131052-308T", "040 1234567", "asun Kuhmossa"):
        assert fragment not in err


def test_a_json_line_is_one_line_even_with_line_breaks_in_the_message():
    record = logging.LogRecord("tyonavi.x", logging.INFO, __file__, 1, "two\nlines %s", ("ä",), None)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert json.loads(line)["message"] == "two\nlines ä"


def test_logging_format_is_text_or_json():
    assert config_from_dict({}).logging_format == "text"
    assert config_from_dict({"logging": {"format": "json"}}).logging_format == "json"
    with pytest.raises(ConfigError, match="logging.format must be one of text, json"):
        config_from_dict({"logging": {"format": "xml"}})
