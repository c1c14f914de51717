"""`kb lint`: what the knowledge base still lacks, each finding with its file and line."""

from pathlib import Path

from bot import SHIPPED_KNOWLEDGE
from bot.conversation.analytics import Usage
from bot.kb.lint import MISSING, NOTE, UNUSED, lint


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_shipped_points_without_phone_email_hours_or_coordinates_are_listed(kb):
    findings = lint(SHIPPED_KNOWLEDGE)
    missing = [f for f in findings if f.kind == MISSING and "service point" in f.message]
    assert len(missing) == 4 * len(kb.service_points)
    assert sum("no coordinates" in f.message and "import-ptv" in f.fix for f in missing) == len(kb.service_points)
    first = missing[0]
    assert first.file.endswith("service_points.yaml")
    lines = (SHIPPED_KNOWLEDGE / "service_points.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[first.line - 1].strip().startswith("phone:")
    assert "Fix: fill in 'phone'" in str(first)


def test_a_point_with_contacts_and_hours_is_not_listed(kb_copy):
    edit(kb_copy / "service_points.yaml",
         'phone: ""\n    email: ""\n    opening_hours: {}',
         'phone: "08 123 4567"\n    email: "tyollisyys@hyrynsalmi.fi"\n'
         '    opening_hours: {weekly: {mon: "09:00-15:00"}}\n    location: {lat: 64.7766, lon: 28.5153}')
    messages = [f.message for f in lint(kb_copy) if f.kind == MISSING]
    assert not any("'hyrynsalmi_kunnantalo'" in m for m in messages)
    assert any("'kajaani_virastotalo' has no phone number" in m for m in messages)


def test_phrasings_missing_a_language_are_listed(kb_copy):
    edit(kb_copy / "phrasings.yaml", '    en: [ohjaamo]\n', '')
    findings = [f for f in lint(kb_copy) if "no 'en' phrasings" in f.message]
    assert [f.message for f in findings] == ["topics 'ohjaamo' has no 'en' phrasings"]
    assert findings[0].file.endswith("phrasings.yaml")


def test_without_a_database_the_unused_check_is_skipped_and_says_so():
    findings = lint(SHIPPED_KNOWLEDGE)
    notes = [f for f in findings if f.kind == NOTE]
    assert len(notes) == 1 and "skipped" in notes[0].message and "--db" in notes[0].fix
    assert not [f for f in findings if f.kind == UNUSED]


def test_an_empty_database_skips_the_unused_check_too():
    notes = [f for f in lint(SHIPPED_KNOWLEDGE, Usage(0, frozenset())) if f.kind == NOTE]
    assert "no recorded questions" in notes[0].fix


def test_phrasings_no_recorded_question_reached_are_listed(kb):
    seen = {("topic", key, lang) for key in kb.phrasings.topics for lang in ("fi", "sv", "en")}
    seen |= {("audience", key, lang) for key in kb.phrasings.audiences for lang in ("fi", "sv", "en")}
    seen -= {("topic", "eures", "en"), ("audience", "youth", "fi")}
    unused = [f for f in lint(SHIPPED_KNOWLEDGE, Usage(40, frozenset(seen))) if f.kind == UNUSED]
    eures, youth = len(kb.phrasings.topics["eures"]["en"]), len(kb.phrasings.audiences["youth"]["fi"])
    assert [f.message for f in unused] == [
        f"none of the {eures} 'en' phrasings of topic 'eures' matched any of the 40 recorded questions",
        f"none of the {youth} 'fi' phrasings of audience 'youth' matched any of the 40 recorded questions",
    ]
    lines = (SHIPPED_KNOWLEDGE / "phrasings.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[unused[0].line - 1].strip().startswith("en:")
