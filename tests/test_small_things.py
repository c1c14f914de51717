"""Small things a new operator meets (issue 17 item 9): municipality names as people write them in
`tyonavi ask --municipality` and the console's /kunta, and `tyonavi report` naming topics in the staff's language."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.answer import FALLBACK, ROUTE, Answer
from bot.cli import main
from bot.console import chat
from bot.conversation.analytics import AnalyticsStore

AREA = "Hyrynsalmi, Kajaani, Kuhmo, Kuusamo, Paltamo, Puolanka, Ristijärvi, Sotkamo, Suomussalmi, Taivalkoski"


@pytest.mark.parametrize(("written", "municipality"), [
    ("Kajaani", "kajaani"), ("kajaanissa", "kajaani"), ("Kajana", "kajaani"), ("Ristijärvi", "ristijarvi"),
    ("Kuhmo", "kuhmo"), ("Puolangalla", "puolanka"), ("Vuokatti", "sotkamo"),
])
def test_ask_takes_the_home_municipality_as_people_write_it(capsys, written, municipality):
    assert main(["ask", "--json", "--municipality", written, "starttiraha"]) == 0
    assert json.loads(capsys.readouterr().out)["municipality"] == municipality


def test_ask_says_a_municipality_outside_the_area_is_not_ours_and_lists_the_area(capsys):
    assert main(["ask", "--municipality", "Oulu", "moi"]) == 2
    err = capsys.readouterr().err
    assert "Oulu is outside the employment area" in err and AREA in err


def test_ask_says_an_unknown_name_is_not_recognised_and_lists_the_area(capsys):
    assert main(["ask", "--municipality", "Blorfinki", "moi"]) == 2
    err = capsys.readouterr().err
    assert "'Blorfinki': not recognised" in err and AREA in err


def console(engine, *lines: str, language: str | None = None) -> list[str]:
    """What the console writes for these lines, one entry per write."""
    said: list[str] = []
    pending = list(lines)

    def read(_prompt: str) -> str:
        if not pending:
            raise EOFError
        return pending.pop(0)

    chat(engine, language, read=read, write=said.append)
    return said


def test_console_kunta_takes_a_case_form_and_answers_from_there(engine):
    said = console(engine, "/kunta kuhmossa", "starttiraha")
    assert "Selvä, kotikuntasi on nyt Kuhmo." in said
    assert any("Kainuuntie 82, 88900 Kuhmo" in line for line in said)


def test_console_kunta_says_what_it_did_not_recognise_instead_of_the_banner(engine):
    said = console(engine, "/kunta blorf", "/kunta Oulu", "/kunta")
    assert f"En tunnista kuntaa ”blorf”. Alueen kunnat: {AREA}." in said
    assert any(line.startswith("Oulu ei kuulu Kainuun–Koillismaan työllisyysalueeseen") for line in said)
    assert f"Kirjoita kotikuntasi komennon perään, esimerkiksi /kunta Kuhmo. Alueen kunnat: {AREA}." in said
    assert sum("Komennot:" in line for line in said) == 1  # the banner only once, at the start


def test_console_takes_the_swedish_command_names(engine):
    said = console(engine, "/kommun Kajana", "/glöm", language="sv")
    assert "Okej, din hemkommun är nu Kajana." in said
    assert "Okej, jag har glömt din hemkommun och ämnet." in said


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "tyonavi.sqlite"
    now = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    with AnalyticsStore(path, b"secret") as store:
        for _ in range(2):
            store.record("te-toimisto kuhmo", Answer("fi", "kuhmo", False, (), "personal_services", (), False, "t",
                                                     kind=ROUTE, confidence=1.0), now=now)
        store.record("starttiraha", Answer("fi", "sotkamo", False, (), "startup_grant", (), False, "t", kind=ROUTE,
                                           confidence=1.0), now=now)
        store.record("blorf", Answer("fi", None, False, (), None, (), False, "t", kind=FALLBACK, confidence=0.0),
                     now=now)
    return path


def test_report_names_topics_in_finnish_by_default(db_path, capsys, kb):
    assert main(["report", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    topics = out.split("Answers per topic:\n")[1].split("\n\n")[0]
    assert kb.services["personal_services"].name.get("fi") in topics
    assert kb.services["startup_grant"].name.get("fi") in topics and "(ei tiedossa)" in topics
    assert "personal_services" not in out and "startup_grant" not in out


@pytest.mark.parametrize("language", ["sv", "en"])
def test_report_names_topics_in_the_language_asked(db_path, capsys, kb, language):
    assert main(["report", "--db", str(db_path), "--lang", language]) == 0
    out = capsys.readouterr().out
    assert kb.services["startup_grant"].name.get(language) in out and "startup_grant" not in out


def test_the_html_report_names_topics_too(db_path, tmp_path, kb):
    page = tmp_path / "report.html"
    assert main(["report", "--db", str(db_path), "--html", str(page), "--lang", "en"]) == 0
    text = page.read_text(encoding="utf-8")
    assert f"<td>{kb.services['personal_services'].name.get('en')}</td>" in text and "personal_services" not in text
