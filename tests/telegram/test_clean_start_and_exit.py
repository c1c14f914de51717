"""`tyonavi run` as an operator meets it, in its own process with warnings as errors: a wrong token is one line
and exit code 1; without Telegram the log says so at least once per interval (shortened here from 20 s); and no
exit leaves "Unclosed client session" or any other warning behind."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import fake_bot_api as api
import yaml
from bot_runner import TOKEN

from bot import SHIPPED_KNOWLEDGE

#: Shortened from LOG_EVERY_SECONDS (20 s) so the test sees several lines in a few seconds.
INTERVAL = 0.5
RUN = ("import sys, handlers.telegram.reachability as r; r.LOG_EVERY_SECONDS = {interval}; from bot.cli import main; "
       "sys.exit(main())")
UNREACHABLE = "cannot reach Telegram at 127.0.0.1"
#: What an unclean exit prints (ResourceWarning, "Unclosed client session", asyncio's pending-task notice…).
DIRT = re.compile(r"Warning|Unclosed|unclosed|Traceback|Exception ignored|Task was destroyed|never awaited")


def start(tmp_path: Path, base_url: str, log: Path | None = None, **telegram) -> subprocess.Popen:
    """`tyonavi run` in its own process; its stderr (the log) into `log` when given, so a test can watch it."""
    config, knowledge = tmp_path / "config.yaml", tmp_path / "knowledge"
    shutil.copytree(SHIPPED_KNOWLEDGE, knowledge)  # watched, so that its watcher is stopped at exit too
    config.write_text(yaml.safe_dump({"telegram": {"base_url": base_url, **telegram},
                                      "storage": {"path": str(tmp_path / "tyonavi.sqlite")},
                                      "knowledge": {"path": str(knowledge), "watch": True}}))
    env = {k: v for k, v in os.environ.items() if k != "TYONAVI_HASH_KEY"}
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, PTB_TIMEDELTA="1")
    with log.open("w", encoding="utf-8") if log else contextlib.nullcontext(subprocess.PIPE) as stderr:
        return subprocess.Popen([sys.executable, "-W", "error", "-c", RUN.format(interval=INTERVAL), "run",
                                 "--config", str(config)], env=env, stdout=subprocess.PIPE, stderr=stderr,
                                text=True)  # the child keeps its own copy of the log file


def stop(process: subprocess.Popen, log: Path | None = None) -> tuple[int, str]:
    """SIGTERM, as systemd stops the service; the exit code and everything printed."""
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    return process.returncode, out + (err or "") + (log.read_text(encoding="utf-8") if log else "")


def wait_until(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_wrong_token_is_one_line_on_stderr_and_exit_code_1(tmp_path):
    fake = api.FakeBotApi()
    fake.start()
    try:
        fake.fail_next("getMe", 401)  # what Telegram answers a wrong token
        process = start(tmp_path, fake.base_url)
        out, err = process.communicate(timeout=60)
    finally:
        fake.stop()
    assert process.returncode == 1
    assert out == ""
    assert err.splitlines() == [err.strip()] and err.startswith("tyonavi: Telegram refused the token: check "
                                                                "TELEGRAM_BOT_TOKEN")
    assert TOKEN not in err


def test_without_telegram_at_start_the_log_says_so_each_interval_and_the_bot_keeps_trying(tmp_path):
    log = tmp_path / "stderr.log"
    process = start(tmp_path, f"http://127.0.0.1:{closed_port()}/bot", log)
    # timed from the first attempt, not from the process start: a loaded machine takes seconds to import
    wait_until(lambda: UNREACHABLE in log.read_text(encoding="utf-8"), timeout=60)
    time.sleep(8 * INTERVAL + 2)
    code, output = stop(process, log)
    lines = [line for line in output.splitlines() if UNREACHABLE in line]
    assert len(lines) >= 4, output
    assert all("keeps retrying" in line for line in lines)
    assert code == 0
    assert not DIRT.search(output), output


def test_losing_telegram_while_polling_is_said_each_interval_without_tracebacks(tmp_path):
    fake = api.FakeBotApi()
    fake.start()
    process = start(tmp_path, fake.base_url)
    try:
        wait_until(lambda: fake.calls_to("setMyCommands"))
        # polling runs once a message is answered; a disconnect before that is a failed start, another test's case
        fake.push(api.text_update(1001, "Asun Kuhmossa"))
        wait_until(lambda: fake.sent(1001))
        fake.disconnect()  # the network goes away under a running bot
        time.sleep(6)
    finally:
        code, output = stop(process)
    assert len([line for line in output.splitlines() if UNREACHABLE in line]) >= 2, output
    assert code == 0
    assert not DIRT.search(output), output


def test_a_run_that_answers_and_is_stopped_leaves_no_warning(tmp_path):
    fake = api.FakeBotApi()
    fake.start()
    process = start(tmp_path, fake.base_url)
    try:
        wait_until(lambda: fake.calls_to("setMyCommands"))
        fake.push(api.text_update(1001, "Asun Kuhmossa"))
        wait_until(lambda: fake.sent(1001))
    finally:
        code, output = stop(process)
        fake.stop()
    assert code == 0
    assert "Application.stop() complete" in output
    assert not DIRT.search(output), output
