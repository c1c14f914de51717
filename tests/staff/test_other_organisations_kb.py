"""Other organisations and other employment areas in the knowledge base (issue 15): loaded, validated with
file:line and a fix, listed by `kb lint`, exported as open data."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from kb_edit import line_of, replace_in

from bot import SHIPPED_KNOWLEDGE
from bot.kb import load_knowledge_base, validate_directory
from bot.kb.export import export
from bot.kb.lint import MISSING, UNCHECKED, lint

ORGANISATIONS = "other_organisations.yaml"
AREAS = "employment_areas.yaml"
SHIPPED_IDS = {"kela", "unemployment_fund", "kainuun_hyvinvointialue", "pohde", "emergency", "migri", "verohallinto",
               "opintopolku", "debt_advice", "tyosuojelu", "pensions", "poliisi", "dvv"}
KAINUU = {"hyrynsalmi", "kajaani", "kuhmo", "paltamo", "puolanka", "ristijarvi", "sotkamo", "suomussalmi"}


# -- the shipped files ------------------------------------------------------------------------------------

def test_the_shipped_organisations_are_loaded_with_every_language(kb):
    assert set(kb.organisations) == SHIPPED_IDS
    for organisation in kb.organisations.values():
        for text in (organisation.name, organisation.handles):
            assert text.fi and text.sv and text.en, organisation.id
        assert organisation.source and organisation.checked is None  # only a person fills in checked
        assert organisation.website == "" or organisation.website.startswith("https://")
    assert kb.organisations["kela"].name.sv == "FPA"
    assert kb.organisations["kela"].website == "https://www.kela.fi"


def test_the_wellbeing_services_counties_split_the_area_between_them(kb):
    kainuu, pohde = kb.organisations["kainuun_hyvinvointialue"], kb.organisations["pohde"]
    assert kainuu.group == pohde.group == "wellbeing_county"
    assert set(kainuu.serves) == KAINUU and set(pohde.serves) == {"kuusamo", "taivalkoski"}
    for county in (kainuu, pohde):
        assert "112" in county.note.fi and "116117" in county.note.fi
    assert "lääkäri" in kainuu.phrasings["fi"] and "bostadsbidrag" in kb.organisations["kela"].phrasings["sv"]


def test_only_numbers_a_current_source_gives_are_shipped(kb):
    """Kela's and occupational safety's numbers were seen only on pages from before 2025: none is quoted."""
    numbers = {phone.number for o in kb.organisations.values() for phone in o.phones}
    assert numbers == {"112", "116117"}
    assert kb.organisations["emergency"].phones[0].number == "112"
    assert not kb.organisations["kela"].phones and not kb.organisations["tyosuojelu"].phones


def test_the_area_colleges_are_named_with_studyinfo(kb):
    opintopolku = kb.organisations["opintopolku"]
    text = opintopolku.handles.fi + (opintopolku.note.fi if opintopolku.note else "")
    assert all(word in text for word in ("KAO", "Kajaani", "Kuusamo", "Vuokatti", "OSAO", "Taivalkoski"))


def test_employment_words_stay_out_of_the_organisations_phrasings(kb):
    ours = {"työnhakija", "työtön", "palkkatuki", "starttiraha", "omaehtoinen opiskelu", "työvoimakoulutus"}
    for organisation in kb.organisations.values():
        assert not ours & set(organisation.phrasings.get("fi", ())), organisation.id


def test_every_member_of_an_employment_area_is_a_municipality_of_other_municipalities_yaml():
    """Read from the YAML itself, not through the loader, so that this holds whatever the validation does."""
    areas = yaml.safe_load((SHIPPED_KNOWLEDGE / AREAS).read_text(encoding="utf-8"))
    others = yaml.safe_load((SHIPPED_KNOWLEDGE / "other_municipalities.yaml").read_text(encoding="utf-8"))
    current = {o["name"] for o in others["other_municipalities"] if not o.get("merged_into")}
    members = [name for area in areas["employment_areas"] for name in area["members"]]
    assert set(members) <= current
    assert len(members) == len(set(members))  # one area each
    assert set(areas["unplaced"]) <= current and not set(areas["unplaced"]) & set(members)


def test_the_knowledge_base_knows_the_area_of_at_least_100_municipalities(kb):
    members = [name for area in kb.employment_areas.values() for name in area.members]
    assert len(set(members)) >= 100
    assert "kainuu_koillismaa" not in kb.employment_areas
    oulu = kb.employment_areas["oulu"]
    assert {"Oulu", "Vaala", "Pudasjärvi"} <= set(oulu.members) and oulu.name.en == "Oulu employment area"
    assert kb.employment_areas["helsinki"].name.sv == "Helsingfors stad"
    for area in kb.employment_areas.values():
        assert area.source and area.name.fi and area.name.sv and area.name.en
        assert area.website == "" or area.website.startswith("https://")


def test_without_the_two_files_the_knowledge_base_knows_no_organisations_nor_areas(kb_copy: Path):
    (kb_copy / ORGANISATIONS).unlink()
    (kb_copy / AREAS).unlink()
    kb = load_knowledge_base(kb_copy)
    assert kb.organisations == {} and kb.employment_areas == {}


# -- validation: each error names the file, the line and a fix ------------------------------------------

def _first_error(directory: Path) -> str:
    errors = validate_directory(directory)
    assert errors, "the broken copy was accepted"
    assert all(". Fix: " in str(e) for e in errors), [str(e) for e in errors]
    return str(errors[0])


BROKEN_ORGANISATIONS = [
    ("unknown field", "  - id: kela\n", "  - id: kela\n    colour: blue\n", "colour: blue",
     "organisation 'kela': unknown field 'colour'"),
    ("no Swedish name", "name: {fi: Kela, sv: FPA, en:", "name: {fi: Kela, en:", "name: {fi: Kela, en:",
     "organisation 'kela': name: the field 'sv' is missing"),
    ("no English handles", "      en: Kela pays basic", "      english: Kela pays basic", "fi: Kela maksaa",
     "organisation 'kela': handles: the field 'en' is missing"),
    ("website over http", "website: https://www.kela.fi", "website: http://www.kela.fi",
     "website: http://www.kela.fi", "website 'http://www.kela.fi' is not an https address"),
    ("website without https", "website: https://dvv.fi", "website: dvv.fi", "website: dvv.fi",
     "is not an https address"),
    ("serves a municipality outside the area", "\n    serves: [kuusamo, taivalkoski]", "\n    serves: [kuusamo, oulu]",
     "serves: [kuusamo, oulu]", "organisation 'pohde' serves unknown municipality 'oulu'"),
    ("a group's members overlap", "\n    serves: [kuusamo, taivalkoski]", "\n    serves: [kuusamo, kajaani]",
     "serves: [kuusamo, kajaani]", "organisations 'kainuun_hyvinvointialue' and 'pohde' of group "
     "'wellbeing_county' both serve 'kajaani'"),
    ("a group's member serves everyone", "\n    serves: [kuusamo, taivalkoski]", "\n    serves: []", "    serves: []",
     "'pohde' serves everyone"),
    ("source missing", '    source: "Verkkouutiset', '    sources: "Verkkouutiset', "sources:",
     "organisation 'poliisi': unknown field 'sources'"),
    ("source empty", '    source: "Verkkouutiset, yhden asian unohtaminen voi pilata lomamatkasi (2.10.2025)"',
     '    source: ""', '    source: ""', "organisation 'poliisi': source is empty"),
    ("phone that is not a number", '{number: "112"', '{number: "soita 112"', 'number: "soita 112"',
     "number 'soita 112' is not a phone number"),
    ("phrase under two organisations", "fi: [verohallinto, verottaja,", "fi: [verohallinto, kela, verottaja,",
     "fi: [verohallinto, kela,", "the phrase 'kela' stands under both 'kela' and 'verohallinto'"),
    ("group that is not an id", "group: wellbeing_county\n    serves: [kuusamo",
     "group: Wellbeing County\n    serves: [kuusamo", "group: Wellbeing County", "group 'Wellbeing County'"),
]


@pytest.mark.parametrize(("old", "new", "at", "words"), [case[1:] for case in BROKEN_ORGANISATIONS],
                         ids=[case[0] for case in BROKEN_ORGANISATIONS])
def test_a_broken_organisation_is_reported_at_its_line(kb_copy: Path, old: str, new: str, at: str, words: str):
    path = kb_copy / ORGANISATIONS
    replace_in(path, old, new)
    text = path.read_text(encoding="utf-8")
    line = text[:text.index(at)].count("\n") + 1
    error = _first_error(kb_copy)
    assert error.startswith(f"{path}:{line}: "), error
    assert words in error, error


def test_a_duplicate_organisation_id_is_reported_at_the_second_entry(kb_copy: Path):
    path = kb_copy / ORGANISATIONS
    replace_in(path, "  - id: unemployment_fund", "  - id: kela")
    second = [n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text == "  - id: kela"][1]
    error = _first_error(kb_copy)
    assert error.startswith(f"{path}:{second}: ") and "duplicate organisation id 'kela' (first at line" in error


def test_a_missing_source_is_reported_at_the_entry(kb_copy: Path):
    path = kb_copy / ORGANISATIONS
    text = path.read_text(encoding="utf-8")
    start = text.index('    source: "Verkkouutiset')
    path.write_text(text[:start] + text[text.index("\n", start) + 1:], encoding="utf-8")
    error = _first_error(kb_copy)
    assert error.startswith(f"{path}:{line_of(path, '- id: poliisi')}: ")
    assert "organisation 'poliisi': the field 'source' is missing" in error


def test_an_unknown_top_level_key_in_the_organisations_file_is_reported(kb_copy: Path):
    path = kb_copy / ORGANISATIONS
    path.write_text(path.read_text(encoding="utf-8") + "organisation: []\n", encoding="utf-8")
    error = _first_error(kb_copy)
    assert error.startswith(f"{path}:{line_of(path, 'organisation: []')}: ")
    assert "unknown top-level key 'organisation'" in error


BROKEN_AREAS = [
    ("misspelt member", "members: [Helsinki]", "members: [Helsinky]", "members: [Helsinky]",
     "employment area 'helsinki': 'Helsinky' is not a municipality listed in other_municipalities.yaml",
     "did you mean Helsinki?"),
    ("member of two areas", "members: [Vantaa]", "members: [Vantaa, Helsinki]", "members: [Vantaa, Helsinki]",
     "employment area 'vantaa': 'Helsinki' is already a member of 'helsinki' (line", "one employment area"),
    ("one of our municipalities", "members: [Vantaa]", "members: [Vantaa, Kajaani]", "members: [Vantaa, Kajaani]",
     "'Kajaani' is in our own area", "remove Kajaani"),
    ("former municipality", "members: [Vantaa]", "members: [Vantaa, Valtimo]", "members: [Vantaa, Valtimo]",
     "'Valtimo' is now part of 'Nurmes'", "write Nurmes instead"),
    ("Åland", "members: [Vantaa]", "members: [Vantaa, Jomala]", "members: [Vantaa, Jomala]",
     "'Jomala' is on Åland", "remove Jomala"),
    ("no members", "members: [Vantaa]", "members: []", "members: []", "employment area 'vantaa': members is empty",
     "list its municipalities"),
    ("unplaced but in an area", "unplaced:\n", "unplaced:\n  - Helsinki\n", "  - Helsinki",
     "unplaced: 'Helsinki' is a member of 'helsinki'", "remove it from unplaced"),
    ("website without https", '    members: [Vantaa]\n    website: ""', '    members: [Vantaa]\n    website: vantaa.fi',
     "website: vantaa.fi", "employment area 'vantaa': website 'vantaa.fi' is not an https address", "https://"),
    ("no English name", "name: {fi: Vantaan kaupunki, sv: Vanda stad, en: City of Vantaa}",
     "name: {fi: Vantaan kaupunki, sv: Vanda stad}", "name: {fi: Vantaan kaupunki, sv: Vanda stad}",
     "employment area 'vantaa': name: the field 'en' is missing", "add a line 'en: ...'"),
    ("duplicate id", "  - id: vantaa\n", "  - id: helsinki\n", "  - id: helsinki\n    name: {fi: Vantaan kaupunki",
     "duplicate employment area id 'helsinki'", "give each entry its own id"),
    ("unknown field", "  - id: vantaa\n", "  - id: vantaa\n    lead: Vantaa\n", "lead: Vantaa",
     "employment area 'vantaa': unknown field 'lead'", "use one of: checked, id, members, name, source, website"),
]


@pytest.mark.parametrize(("old", "new", "at", "words", "fix"), [case[1:] for case in BROKEN_AREAS],
                         ids=[case[0] for case in BROKEN_AREAS])
def test_a_broken_employment_area_is_reported_at_its_line(kb_copy: Path, old: str, new: str, at: str, words: str,
                                                          fix: str):
    path = kb_copy / AREAS
    replace_in(path, old, new)
    text = path.read_text(encoding="utf-8")
    line = text[:text.index(at)].count("\n") + 1
    error = _first_error(kb_copy)
    assert error.startswith(f"{path}:{line}: "), error
    assert words in error and fix in error.split(". Fix: ", 1)[1], error


def test_a_municipality_listed_twice_under_unplaced_is_reported_at_the_copy(kb_copy: Path):
    path = kb_copy / AREAS
    path.write_text(path.read_text(encoding="utf-8") + "  - Akaa\n", encoding="utf-8")
    copy = len(path.read_text(encoding="utf-8").splitlines())
    error = _first_error(kb_copy)
    assert error.startswith(f"{path}:{copy}: ")
    assert f"unplaced: 'Akaa' is listed twice (first at line {line_of(path, '  - Akaa')})" in error


def test_an_employment_area_without_a_source_is_refused(kb_copy: Path):
    path = kb_copy / AREAS
    text = path.read_text(encoding="utf-8")
    start = text.index("    source:", text.index("  - id: vantaa"))
    path.write_text(text[:start] + text[text.index("\n", start) + 1:], encoding="utf-8")
    error = _first_error(kb_copy)
    assert error.startswith(f"{path}:{line_of(path, '- id: vantaa')}: ")
    assert "employment area 'vantaa': the field 'source' is missing" in error


# -- kb lint --------------------------------------------------------------------------------------------

def test_lint_lists_every_organisation_and_area_nobody_has_checked(kb):
    findings = [f for f in lint(SHIPPED_KNOWLEDGE) if f.kind == UNCHECKED]
    organisations = [f for f in findings if f.message.startswith("organisation ")]
    areas = [f for f in findings if f.message.startswith("employment area ")]
    assert len(organisations) == len(kb.organisations) and len(areas) == len(kb.employment_areas)
    kela = next(f for f in organisations if "'kela'" in f.message)
    assert kela.file.endswith(ORGANISATIONS)
    assert kela.line == line_of(SHIPPED_KNOWLEDGE / ORGANISATIONS, "- id: kela")
    assert "organisation's current web page" in str(kela)
    assert areas[0].file.endswith(AREAS)


def test_lint_no_longer_lists_a_checked_organisation(kb_copy: Path):
    path = kb_copy / ORGANISATIONS
    text = path.read_text(encoding="utf-8")
    start = text.index('    checked: ""', text.index("  - id: kela"))
    path.write_text(text[:start] + f'    checked: "{date.today().isoformat()}"' + text[start + 15:],
                    encoding="utf-8")
    messages = [f.message for f in lint(kb_copy) if f.kind == UNCHECKED]
    assert not any("organisation 'kela'" in m for m in messages)
    assert any("organisation 'migri'" in m for m in messages)


def test_lint_lists_the_municipalities_with_no_known_employment_area(kb_copy: Path):
    unplaced = [f for f in lint(SHIPPED_KNOWLEDGE) if "no known employment area" in f.message]
    assert len(unplaced) == 1 and unplaced[0].message.startswith("164 municipalities")
    replace_in(kb_copy / AREAS, "  - Akaa\n", "")
    missing = [f.message for f in lint(kb_copy) if f.kind == MISSING and "employment area" in f.message]
    assert "'Akaa' is in no employment area and not under unplaced" in missing


def test_lint_lists_an_organisation_nobody_can_ask_for(kb_copy: Path):
    path = kb_copy / ORGANISATIONS
    text = path.read_text(encoding="utf-8")
    start = text.index("    phrasings:", text.index("  - id: dvv"))
    end = text.index("    source:", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    messages = [f.message for f in lint(kb_copy) if "nobody" in f.message]
    assert messages == [f"organisation 'dvv' has no phrasings in '{lang}', so nobody asking in '{lang}' is sent "
                        "there" for lang in ("fi", "sv", "en")]
    # Pohde's group shares the Kainuu county's words: it is not listed
    assert not any("'pohde'" in m for m in messages)


# -- kb export ------------------------------------------------------------------------------------------

def test_jsonld_has_a_government_organization_per_organisation(kb):
    graph = json.loads(export(kb, "jsonld"))["@graph"]
    nodes = {node["@id"]: node for node in graph}
    organisations = {node["identifier"]: node for node in graph if node["@id"].startswith("#organisation-")}
    assert set(organisations) == set(kb.organisations)
    assert {node["@type"] for node in organisations.values()} == {"GovernmentOrganization"}
    kainuu = organisations["kainuun_hyvinvointialue"]
    assert kainuu["name"][0] == {"@value": "Kainuun hyvinvointialue", "@language": "fi"}
    assert kainuu["url"] == "https://hyvinvointialue.kainuu.fi"
    assert kainuu["description"][0]["@value"] == kb.organisations["kainuun_hyvinvointialue"].handles.fi
    assert {nodes[area["@id"]]["name"][0]["@value"] for area in kainuu["areaServed"]} == {
        "Kajaani", "Kuhmo", "Sotkamo", "Suomussalmi", "Hyrynsalmi", "Paltamo", "Puolanka", "Ristijärvi"}
    assert kainuu["contactPoint"][0]["telephone"] == "116117"
    assert kainuu["contactPoint"][0]["name"][0] == {"@value": "Päivystysapu", "@language": "fi"}
    assert "areaServed" not in organisations["kela"] and "url" not in organisations["pensions"]


def test_csv_has_a_row_per_organisation_after_the_service_points(kb):
    rows = list(csv.DictReader(io.StringIO(export(kb, "csv"))))
    kinds = [row["type"] for row in rows]
    assert kinds == ["service_point"] * len(kb.service_points) + ["organisation"] * len(kb.organisations)
    kela = next(row for row in rows if row["id"] == "kela")
    assert (kela["name_fi"], kela["website"], kela["serves"], kela["street"]) == ("Kela", "https://www.kela.fi", "", "")
    assert kela["handles_en"] == kb.organisations["kela"].handles.en
    pohde = next(row for row in rows if row["id"] == "pohde")
    assert pohde["serves"] == "kuusamo;taivalkoski" and pohde["phone"] == "116117"


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids += [value for name, value in attrs if name == "id"]
        if tag not in {"meta", "br", "link"}:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open.pop() != tag:
            self.errors.append(tag)


def test_html_directory_has_a_section_for_the_organisations(kb):
    page = export(kb, "html")
    tags = _Tags()
    tags.feed(page)
    assert tags.errors == [] and tags.open == []
    assert len(tags.ids) == len(set(tags.ids))
    assert "muut" in tags.ids and all(f"organisaatio-{oid}" in tags.ids for oid in kb.organisations)
    assert '<a href="https://www.kela.fi">' in page and '<a href="tel:112">112</a>' in page
    assert page.count("<article") == len(kb.service_points)  # organisations are sections, points articles
