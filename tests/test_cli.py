"""The `tyonavi` command line is a contract other tools use: its options and JSON must hold."""

from __future__ import annotations

import json
import subprocess
import sys

from bot.cli import main

JSON_KEYS = {"language", "municipality", "out_of_area", "audience", "topic", "service_points",
             "needs_clarification", "answer"}


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=60, check=False)


def test_ask_json_has_the_documented_keys(capsys):
    assert main(["ask", "--json", "asun", "kuhmossa"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= JSON_KEYS
    assert data["municipality"] == "kuhmo"
    assert data["service_points"] == [{"id": "kuhmo_kaupungintalo", "name": "Kuhmon kaupungintalo",
                                       "address": "Kainuuntie 82, 88900 Kuhmo", "municipality": "kuhmo"}]


def test_ask_options_fix_language_and_municipality(capsys):
    assert main(["ask", "--json", "--lang", "en", "--municipality", "sotkamo", "starttiraha"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "en" and data["municipality"] == "sotkamo" and data["topic"] == "startup_grant"


def test_ask_rejects_an_unknown_municipality(capsys):
    assert main(["ask", "--municipality", "oulu", "moi"]) == 2
    assert "unknown municipality" in capsys.readouterr().err


def test_ask_stdin_writes_one_json_object_per_line_in_order():
    result = run("ask", "--json", "-", stdin="asun kuhmossa\n\nI live in Oulu\nmistä starttirahaa\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [x["municipality"] for x in lines] == ["kuhmo", None, None, None]
    assert [x["out_of_area"] for x in lines] == [False, False, True, False]
    assert lines[3]["needs_clarification"] is True


def test_chat_answers_on_the_console_and_remembers_the_municipality():
    result = run("chat", stdin="asun puolangalla\nentä starttiraha?\n/quit\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Maaherrankatu 7, 89200 Puolanka") == 2
    assert "Starttirahaa haet" in result.stdout


def test_chat_commands_set_the_municipality_by_name_and_forget_it():
    result = run("chat", stdin="/kunta Ristijärvi\nstarttiraha\n/unohda\nstarttiraha\n/quit\n")
    assert result.returncode == 0, result.stderr
    assert "Aholantie 25, 88400 Ristijärvi" in result.stdout
    assert result.stdout.count("Missä kunnassa asut?") == 1
