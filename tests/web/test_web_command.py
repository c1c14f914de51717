"""`tyonavi web` in its own process on 127.0.0.1: no token, no network, the shipped knowledge base answers."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError("tyonavi web did not start listening")


@pytest.fixture
def served(tmp_path: Path):
    config = tmp_path / "config.yaml"
    config.write_text(f"storage:\n  path: {tmp_path / 'web.sqlite'}\n", encoding="utf-8")
    port = free_port()
    process = subprocess.Popen([sys.executable, "-W", "error", "-m", "bot.cli", "web", "--config", str(config),
                                "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(port, process)
        yield f"http://127.0.0.1:{port}", process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=20)


def test_tyonavi_web_answers_asun_kuhmossa_through_the_api_and_the_page(served):
    base, process = served
    request = urllib.request.Request(f"{base}/api/chat", method="POST",
                                     data=json.dumps({"session": None, "text": "asun kuhmossa"}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        answer = json.load(response)
    assert "Kainuuntie 82" in answer["messages"][0]["text"]
    form = urllib.parse.urlencode({"session": "", "text": "asun kuhmossa"}).encode()
    with urllib.request.urlopen(f"{base}/", data=form, timeout=10) as response:
        assert "Kainuuntie 82" in response.read().decode()
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "serving the chat" in out and err == ""  # no access log: no client address anywhere


def test_tyonavi_web_with_a_broken_config_says_why(tmp_path: Path):
    config = tmp_path / "config.yaml"
    config.write_text("nonsense: 1\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "bot.cli", "web", "--config", str(config)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "unknown setting 'nonsense'" in result.stderr
