"""Fixtures: a fake Bot API server on 127.0.0.1 and the real bot (PTB stack) polling it."""

from __future__ import annotations

import os

os.environ.setdefault("PTB_TIMEDELTA", "1")  # reading RetryAfter.retry_after must not warn

from functools import partial  # noqa: E402

import fake_bot_api as api  # noqa: E402
import pytest  # noqa: E402
from bot_runner import running_bot  # noqa: E402


@pytest.fixture
def fake() -> api.FakeBotApi:
    server = api.FakeBotApi()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "tyonavi.sqlite"


@pytest.fixture
def start_bot(fake, db_path):
    """`async with start_bot(**settings) as bot:` runs the real Application against the fake server."""
    return partial(running_bot, fake, db_path)
