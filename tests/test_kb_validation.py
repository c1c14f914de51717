"""Staff must never be able to break the bot with a typo: every error names file:line and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from kb_edit import line_of, replace_in

from bot.cli import main
from bot.kb import KnowledgeBaseInvalid, load_knowledge_base, validate_directory


def only_error(directory: Path) -> str:
    errors = validate_directory(directory)
    assert errors, "the broken copy was accepted"
    return str(errors[0])


def test_shipped_knowledge_base_is_valid(capsys):
    assert main(["kb", "validate", "knowledge"]) == 0
    assert "OK" in capsys.readouterr().out


def test_shipped_knowledge_base_holds_the_whole_area(kb):
    assert sorted(kb.municipalities) == sorted(
        ["kajaani", "sotkamo", "kuhmo", "paltamo", "hyrynsalmi", "ristijarvi", "puolanka", "suomussalmi", "kuusamo",
         "taivalkoski"])
    assert len(kb.service_points) == 13
    assert len(kb.other_municipalities) >= 290
    assert kb.municipalities["kajaani"].name["sv"] == "Kajana"
    for point in kb.service_points.values():
        assert point.source  # checked stays empty until a person compares the fact with a current source
        assert point.name.fi and point.name.en and point.description.fi and point.description.en


def test_contact_details_no_source_gives_stay_empty(kb):
    for point in kb.service_points.values():
        assert point.phone == "" and point.email == "" and not point.opening_hours.known
    assert kb.area.phone_number == ""


def test_syntax_error_names_file_and_line(kb_copy: Path):
    path = kb_copy / "service_points.yaml"
    replace_in(path, "    municipality: kuhmo\n", "    municipality: [kuhmo\n")
    broken = line_of(path, "municipality: [kuhmo")
    error = only_error(kb_copy)
    # the parser notices on the broken line or the next one; the hint says to look at both
    assert error.startswith((f"{path}:{broken}:", f"{path}:{broken + 1}:"))
    assert "YAML error" in error and "the one above" in error


def test_duplicate_id_names_the_second_entry(kb_copy: Path):
    path = kb_copy / "service_points.yaml"
    replace_in(path, "  - id: kuhmo_kaupungintalo", "  - id: kajaani_ohjaamo")
    error = only_error(kb_copy)
    second = [n for n, line in enumerate(path.read_text().splitlines(), 1) if "- id: kajaani_ohjaamo" in line][1]
    assert f"{path}:{second}:" in error and "duplicate service point id 'kajaani_ohjaamo'" in error


def test_dangling_reference_names_the_routing_line(kb_copy: Path):
    path = kb_copy / "routing.yaml"
    replace_in(path, "  kuhmo: kuhmo_kaupungintalo", "  kuhmo: kuhmo_kaupungintal")
    error = only_error(kb_copy)
    assert f"{path}:{line_of(path, 'kuhmo: kuhmo_kaupungintal')}:" in error
    assert "unknown service point 'kuhmo_kaupungintal'" in error


def test_bad_postal_code_names_its_line(kb_copy: Path):
    path = kb_copy / "service_points.yaml"
    replace_in(path, 'postal_code: "88900"', 'postal_code: "8890"')
    error = only_error(kb_copy)
    line = line_of(path, '"8890"')
    assert f"{path}:{line}:" in error
    assert "five digits" in error


def test_duplicate_key_is_rejected_with_both_lines(kb_copy: Path):
    path = kb_copy / "service_points.yaml"
    replace_in(path, "    phone: \"\"\n", "    phone: \"\"\n    phone: \"040 123\"\n")
    error = only_error(kb_copy)
    second = line_of(path, '"040 123"')
    assert f"{path}:{second}:" in error and "duplicate key 'phone'" in error


def test_missing_english_text_is_reported(kb_copy: Path):
    path = kb_copy / "services.yaml"
    replace_in(path, "    name: {fi: Starttiraha, sv: Startpeng, en: Startup grant (starttiraha)}",
               "    name: {fi: Starttiraha, sv: Startpeng}")
    assert any("'en' is missing" in str(e) and f"{path}:" in str(e) for e in validate_directory(kb_copy))


def test_code_in_yaml_is_refused(kb_copy: Path):
    path = kb_copy / "area.yaml"
    replace_in(path, "  id: kainuu_koillismaa", "  id: !!python/object/apply:os.system ['true']")
    error = only_error(kb_copy)
    assert f"{path}:" in error and "YAML error" in error


def test_unknown_placeholder_in_a_text_is_reported(kb_copy: Path):
    path = kb_copy / "texts.yaml"
    replace_in(path, "{place} ei kuulu", "{paikka} ei kuulu")
    assert any("unknown placeholder {paikka}" in str(e) for e in validate_directory(kb_copy))


def test_cli_validate_prints_errors_and_fails(kb_copy: Path, capsys):
    replace_in(kb_copy / "routing.yaml", "  kuhmo: kuhmo_kaupungintalo", "  kuhmo: nowhere")
    assert main(["kb", "validate", str(kb_copy)]) == 1
    out = capsys.readouterr().out
    assert "routing.yaml:" in out and "nowhere" in out


def test_loading_a_broken_base_raises_with_every_error(kb_copy: Path):
    replace_in(kb_copy / "routing.yaml", "  kuhmo: kuhmo_kaupungintalo", "  kuhmo: nowhere")
    replace_in(kb_copy / "service_points.yaml", 'postal_code: "88900"', 'postal_code: "889"')
    with pytest.raises(KnowledgeBaseInvalid) as caught:
        load_knowledge_base(kb_copy)
    assert len(caught.value.errors) >= 2


def test_tab_indentation_gets_a_plain_hint(kb_copy: Path):
    path = kb_copy / "area.yaml"
    replace_in(path, "  id: kainuu_koillismaa", "\tid: kainuu_koillismaa")
    error = only_error(kb_copy)
    assert f"{path}:" in error and "spaces, not tabs" in error


def test_a_placeholder_with_a_format_sign_is_refused(kb_copy: Path):
    replace_in(kb_copy / "texts.yaml", "{place} ei kuulu", "{place:d} ei kuulu")
    assert any("extra signs" in str(e) for e in validate_directory(kb_copy))


def test_a_name_without_readable_letters_is_refused(kb_copy: Path):
    path = kb_copy / "municipalities.yaml"
    replace_in(path, "demonym: kuhmolainen", 'demonym: "–"')
    error = only_error(kb_copy)
    assert f"{path}:" in error and "no letters or digits" in error


def test_an_id_too_long_for_telegram_buttons_is_refused(kb_copy: Path):
    long_id = "kuhmo_kaupungintalo_" + "x" * 30
    replace_in(kb_copy / "service_points.yaml", "  - id: kuhmo_kaupungintalo", f"  - id: {long_id}")
    assert any("longer than 40" in str(e) for e in validate_directory(kb_copy))


def test_small_talk_without_a_reply_text_is_refused(kb_copy: Path):
    added = "  compliments:\n    fi: [hyvä botti]\n    en: [good bot]\n  thanks:\n"
    replace_in(kb_copy / "phrasings.yaml", "  thanks:\n", added)
    assert any("'compliments' has no reply text" in str(e) for e in validate_directory(kb_copy))


def test_a_lead_municipality_outside_the_area_is_reported_with_its_line(kb_copy):
    from kb_edit import line_of, replace_in

    from bot.kb import validate_directory

    replace_in(kb_copy / "area.yaml", "lead_municipality: kajaani", "lead_municipality: kajani")
    errors = validate_directory(kb_copy)
    assert [e.line for e in errors] == [line_of(kb_copy / "area.yaml", "lead_municipality: kajani")]
    assert "kajani" in errors[0].message and "kajaani" in errors[0].fix
