"""Places outside the area that people name instead of their municipality (knowledge/other_places.yaml).

The file was generated from Posti's postal code file of 2026-05-26 by tools/build_place_data.py; these
tests check the shipped result and its validation only, and never read Posti's file.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path

import pytest
from kb_edit import line_of, replace_in

from bot import SHIPPED_KNOWLEDGE
from bot.kb import KnowledgeBase, load_knowledge_base, validate_directory
from bot.kb.flatsource import read_flat_yaml
from bot.kb.model import OtherPlaces
from bot.kb.yamlsource import read_yaml

ROOT = Path(__file__).resolve().parents[1]




def errors_at(directory: Path, path: Path, line: int) -> list[str]:
    errors = [str(e) for e in validate_directory(directory)]
    assert errors, "the broken copy was accepted"
    here = [e for e in errors if e.startswith(f"{path}:{line}: ")]
    assert here, errors
    assert all("Fix: " in e for e in here), here
    return here


# -- the shipped file -------------------------------------------------------------------------------
def test_postal_codes_and_localities_outside_the_area(kb):
    places = kb.other_places
    assert places.postal_codes["88340"] == "Vaala"  # Manamansalo
    assert places.localities["Sukeva"] == ("Sonkajärvi",)
    assert places.localities["Kallunki"] == ("Salla",)
    assert places.localities["Tikkala"] == ("Jyväskylä", "Tohmajärvi")  # one name, two municipalities
    assert len(places.postal_codes) >= 2900 and len(places.localities) >= 1500


def test_no_area_postal_code_municipality_or_village_is_listed(kb):
    places = kb.other_places
    area_codes = {code for m in kb.municipalities.values() for code in m.postal_codes}
    assert area_codes and not area_codes & set(places.postal_codes)
    current = {o.name for o in kb.other_municipalities if o.current}
    assert set(places.postal_codes.values()) <= current
    assert {name for names in places.localities.values() for name in names} <= current
    listed = {name.lower() for name in places.localities}
    for municipality in kb.municipalities.values():
        assert municipality.name["fi"].lower() not in listed
        assert not {v.name.lower() for v in municipality.villages} & listed
    assert not {o.name.lower() for o in kb.other_municipalities} & listed  # Valtimo, Oulu: names already known
    for word in ("Metsä", "Lappi", "Koski", "Saari", "Alakylä", "Kotikylä"):  # the generator's stop list
        assert word not in places.localities


def test_the_file_says_what_it_is_and_where_it_comes_from():
    header = (SHIPPED_KNOWLEDGE / "other_places.yaml").read_text(encoding="utf-8").split("\npostal_codes:")[0]
    assert "tools/build_place_data.py" in header and "2026-05-26" in header
    assert "asun Sukevalla" in header and "tyonavi kb validate" in header


def test_the_file_is_optional(kb_copy: Path):
    (kb_copy / "other_places.yaml").unlink()
    assert load_knowledge_base(kb_copy).other_places == OtherPlaces({}, {})


def test_a_knowledge_base_built_without_other_places_has_none(kb):
    fields = {f.name: getattr(kb, f.name) for f in dataclasses.fields(KnowledgeBase) if f.name != "other_places"}
    assert KnowledgeBase(**fields).other_places == OtherPlaces({}, {})


# -- validation -------------------------------------------------------------------------------------
def test_a_bad_postal_code_is_refused_with_its_line(kb_copy: Path):
    path = kb_copy / "other_places.yaml"
    replace_in(path, '  "88340": Vaala\n', '  "8834": Vaala\n')
    [error] = errors_at(kb_copy, path, line_of(path, '"8834": Vaala'))
    assert "postal code '8834' is not five digits" in error and 'in quotes, e.g. "88340"' in error


def test_a_postal_code_without_quotes_is_refused(kb_copy: Path):
    path = kb_copy / "other_places.yaml"
    replace_in(path, '  "88340": Vaala\n', "  88340: Vaala\n")
    [error] = errors_at(kb_copy, path, line_of(path, "88340: Vaala"))
    assert "not in quotes" in error


def test_an_area_postal_code_is_refused(kb_copy: Path):
    path = kb_copy / "other_places.yaml"
    replace_in(path, '  "88340": Vaala\n', '  "88900": Vaala\n')
    [error] = errors_at(kb_copy, path, line_of(path, '"88900": Vaala'))
    assert "postal code 88900 is a postal code of the area ('kuhmo')" in error
    assert "municipalities.yaml" in error


def test_an_unknown_municipality_is_refused_with_its_line(kb_copy: Path):
    path = kb_copy / "other_places.yaml"
    replace_in(path, "  Sukeva: [Sonkajärvi]\n", "  Sukeva: [Sonkajarvi]\n")
    replace_in(path, '  "88340": Vaala\n', '  "88340": Vaalа\n')  # a Cyrillic а
    [error] = errors_at(kb_copy, path, line_of(path, "Sukeva: [Sonkajarvi]"))
    assert "'Sonkajarvi' is not a municipality listed in other_municipalities.yaml" in error
    assert "did you mean Sonkajärvi?" in error
    [error] = errors_at(kb_copy, path, line_of(path, '"88340":'))
    assert "is not a municipality listed" in error


def test_a_former_or_area_municipality_is_refused(kb_copy: Path):
    path = kb_copy / "other_places.yaml"
    replace_in(path, "  Sukeva: [Sonkajärvi]\n", "  Sukeva: [Valtimo]\n")
    replace_in(path, "  Kallunki: [Salla]\n", "  Kallunki: [Kuusamo]\n")
    [error] = errors_at(kb_copy, path, line_of(path, "Sukeva: [Valtimo]"))
    assert "'Valtimo' is now part of 'Nurmes'" in error and "write Nurmes instead" in error
    [error] = errors_at(kb_copy, path, line_of(path, "Kallunki: [Kuusamo]"))
    assert "'Kuusamo' is an area municipality" in error and "village" in error


def test_a_locality_the_bot_already_knows_or_cannot_read_is_refused(kb_copy: Path):
    path = kb_copy / "other_places.yaml"
    replace_in(path, "  Sukeva: [Sonkajärvi]\n", "  Sukeva: [Sonkajärvi]\n  Vuolijoki: [Vaala]\n  Sukeva 2: [Vaala]\n"
               "  sukeva: [Vaala]\n")
    [error] = errors_at(kb_copy, path, line_of(path, "Vuolijoki: [Vaala]"))
    assert "already a village of 'kajaani'" in error
    [error] = errors_at(kb_copy, path, line_of(path, "Sukeva 2: [Vaala]"))
    assert "'Sukeva 2' is not a name the bot can read" in error
    [error] = errors_at(kb_copy, path, line_of(path, "sukeva: [Vaala]"))
    assert "listed twice: 'Sukeva' at line" in error


def test_a_yaml_error_is_reported_with_its_line(kb_copy: Path):
    path = kb_copy / "other_places.yaml"
    replace_in(path, '  "88340": Vaala\n', '  "88340": Vaala\n  "88340": Vaala\n')
    errors_at(kb_copy, path, line_of(path, '"88340": Vaala') + 1)


# -- the fast reader gives exactly what YAML gives ---------------------------------------------------
def _same(fast, slow) -> None:
    assert type(fast) is type(slow)
    if isinstance(slow, dict):
        assert list(fast) == list(slow) and (fast.line, fast.key_lines) == (slow.line, slow.key_lines)
        for key in slow:
            _same(fast[key], slow[key])
    elif isinstance(slow, list):
        assert (fast, fast.line, fast.item_lines) == (slow, slow.line, slow.item_lines)
    else:
        assert fast == slow


def test_the_fast_reader_reads_the_shipped_file_as_yaml_does():
    path = SHIPPED_KNOWLEDGE / "other_places.yaml"
    fast, slow = read_flat_yaml(path, "x"), read_yaml(path, "x")
    assert fast[1] == slow[1] == []
    _same(fast[0], slow[0])


@pytest.mark.parametrize("text", [
    "",
    "# only a comment\n",
    "postal_codes:\n",
    'postal_codes:\n  "88340": Vaala\n  "00100": Helsinki   # a comment\n\nlocalities:\n  Sukeva: [Sonkajärvi]\n',
    'postal_codes:\n  # a comment among the entries\n  "88340": Vaala\n\n  "00100": Koski Tl\n',
    "localities:\n  Tikkala: [Jyväskylä, Tohmajärvi]\n  Yli-Ii: [Oulu]\n  Hanko Pohjoinen: [Hanko]",
    "localities:\n  Sukeva: [Sonkajärvi]   \n  Kallunki: [Salla] # a comment after the list\n",
    'postal_codes:\n  "88340": Vaala#1\n',  # no space before #: part of the text
    'localities:\n  Sukeva: [Sonkajärvi]\n# between sections\n\npostal_codes:   # a comment\n  "88340": Vaala',
    '  # an indented comment first\npostal_codes:\n  "88340": Vaala\n   \n  "00100": Helsinki\n\n\n',
    'postal_codes:\n    "88340": Vaala\n    "00100": Helsinki\n',
    "localities:\n  Sukeva: [Sonkajärvi]#1\n",
    'postal_codes:\n  "88340": Vaala\n  "88340": Vaala\n',  # a duplicate key: YAML's error
    "postal_codes:\n  88340: Vaala\n  01150: Sipoo\n",  # numbers, one of them octal
    "localities:\n  Yes: [Vaala]\n  Sukeva: [No]\n",  # true and false
    "localities:\n  Sukeva: Sonkajärvi\n  Kallunki:\n    - Salla\n",
    "localities:\n\tSukeva: [Sonkajärvi]\n",
    "localities: {Sukeva: [Sonkajärvi]}\n",
    "postal_codes:\n  \"88340\": Vaala\npostal_codes:\n",
    "  indented: [Vaala]\n",
    'postal_codes:\n  "88340": [Vaala]\n  Sukeva: [Sonkajärvi]\n',
])
def test_the_fast_reader_gives_yamls_data_and_errors(tmp_path: Path, text: str):
    path = tmp_path / "other_places.yaml"
    path.write_text(text, encoding="utf-8")
    (fast, fast_errors), (slow, slow_errors) = read_flat_yaml(path, "f"), read_yaml(path, "f")
    assert fast_errors == slow_errors
    _same(fast, slow)


# -- the generator's naming rules ---------------------------------------------------------------------
def test_posti_names_are_written_in_ordinary_capitals(monkeypatch):
    spec = importlib.util.spec_from_file_location("build_place_data", ROOT / "tools" / "build_place_data.py")
    tool = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "build_place_data", tool)  # its dataclasses look themselves up there
    spec.loader.exec_module(tool)
    proper = {"ii", "oulu"}
    assert tool.nice_name("SUKEVA", proper) == "Sukeva"
    assert tool.nice_name("KUOPPA-AHO", proper) == "Kuoppa-aho"
    assert tool.nice_name("YLI-II", proper) == "Yli-Ii"
    assert tool.nice_name("ALA-TEMMES", proper) == "Ala-Temmes"
    assert tool.nice_name("INHAN TEHTAAT", proper) == "Inhan tehtaat"
    assert {"asema", "kirkonkylä", "keskusta", "satama", "kylä", "koski", "mäki", "niemi", "ranta", "lahti",
            "salo"} <= set(tool.STOP_WORDS)
