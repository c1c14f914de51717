"""The staff commands: `tyonavi report`, `tyonavi kb lint` and `tyonavi kb export`."""

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from bot.answer import FALLBACK, ROUTE, Answer
from bot.cli import main
from bot.conversation.analytics import AnalyticsStore

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def answer(kind=ROUTE, confidence=1.0, topic="personal_services", language="fi"):
    return Answer(language, "kuhmo", False, (), topic, (), False, "text", kind=kind, confidence=confidence)


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "tyonavi.sqlite"
    with AnalyticsStore(path, b"secret") as store:
        store.record("missä on lähin kirjasto", answer(FALLBACK, 0.0, topic=None), now=NOW)
        store.record("te-toimisto kuhmo", answer(), now=NOW)
        store.record("te office kuhmo", answer(language="en"), now=NOW)
    return path


def test_report_prints_a_text_report(db_path, capsys):
    assert main(["report", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "3 answers, 1 unanswered" in out and "missä on lähin kirjasto" in out


def test_report_writes_an_html_page_with_a_chart(db_path, tmp_path, capsys):
    target = tmp_path / "report.html"
    assert main(["report", "--db", str(db_path), "--since", "2026-11-01", "--html", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert "<svg" in page and "missä on lähin kirjasto" in page
    assert "Wrote" in capsys.readouterr().out


def test_report_without_a_database_says_where_it_looked(tmp_path, capsys):
    assert main(["report", "--db", str(tmp_path / "missing.sqlite")]) == 1
    assert "no database at" in capsys.readouterr().err
    assert not (tmp_path / "missing.sqlite").exists()


def test_report_refuses_a_bad_date(db_path, capsys):
    with pytest.raises(SystemExit):
        main(["report", "--db", str(db_path), "--since", "31.1.2026"])
    assert "write it as 2026-01-31" in capsys.readouterr().err


def test_kb_lint_on_the_shipped_knowledge_base(capsys):
    assert main(["kb", "lint"]) == 0
    captured = capsys.readouterr()
    assert "service_points.yaml:" in captured.out and "has no phone number" in captured.out
    assert "skipped the check for phrasings no question matched" in captured.out
    assert "None of them stops the bot" in captured.err


def test_kb_lint_with_a_database_lists_unused_phrasings(db_path, capsys):
    assert main(["kb", "lint", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "phrasings of topic 'ohjaamo' matched any of the 3 recorded questions" in out
    assert "'fi' phrasings of topic 'personal_services'" not in out  # asked in Finnish: the Finnish ones were used


@pytest.mark.parametrize("fmt", ["jsonld", "csv", "html"])
def test_kb_export_of_the_shipped_knowledge_base(fmt, kb, tmp_path, capsys):
    target = tmp_path / f"out.{fmt}"
    assert main(["kb", "export", "--format", fmt, "--output", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    if fmt == "jsonld":
        kinds = [node["@type"] for node in json.loads(text)["@graph"]]
        assert kinds.count("GovernmentOffice") == len(kb.service_points)
        assert kinds.count("GovernmentService") == len(kb.services)
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(text)))) == len(kb.service_points) + len(kb.organisations)
    else:
        assert text.count("<article") == len(kb.service_points)


def test_kb_export_to_standard_output(capsys):
    assert main(["kb", "export", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("id,municipality,name_fi")


def test_kb_export_of_a_broken_knowledge_base_names_the_file(kb_copy, capsys):
    (kb_copy / "services.yaml").write_text("services: [\n", encoding="utf-8")
    assert main(["kb", "export", "--format", "csv", str(kb_copy)]) == 1
    assert "services.yaml:" in capsys.readouterr().err
