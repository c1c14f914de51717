"""`kb import-ptv`: a saved PTV Open API v11 export merged into service_points.yaml as a diff staff review.

The fixtures in tests/fixtures/ptv/ are shaped as PTV v11 returns service locations (see the README there);
their names, numbers, hours and web addresses are made up for the tests.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from kb_edit import line_of, replace_in
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from bot.cli import main
from bot.kb import load_knowledge_base, validate_directory, yamledit
from bot.kb.ptv import PtvInvalid, parse_export, read_export
from bot.kb.ptv_merge import ImportRefused, import_ptv
from bot.kb.tm35fin import to_wgs84

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ptv"
EXPORT = FIXTURES / "service_locations.json"
KAJAANI = FIXTURES / "service_location_kajaani.json"
FETCHED = date(2026, 12, 1)
KUHMO_ID = "3f6d2a1e-8b4c-4e7a-9d1f-5c2b7a9e0d41"
KAJAANI_ID = "9b2e4c6a-1d3f-4a5b-8c7d-6e0f1a2b3c52"
NEW_ID = "sotkamo_tyollisyyspalvelut_vuokatti"


def points_of(kb_dir: Path) -> dict:
    return {p["id"]: yamledit.plain(p) for p in yamledit.load(kb_dir / "service_points.yaml")["service_points"]}


def channel(path: Path = KAJAANI) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# -- coordinates -----------------------------------------------------------------------------------------

#: (northing, easting) in ETRS-TM35FIN and the WGS84 latitude and longitude pyproj 3.7.2 (PROJ 9.5.1) gives for
#: them with Transformer.from_crs("EPSG:3067", "EPSG:4326"): Kajaani, Kuhmo, Helsinki, Utsjoki on the central
#: meridian, Hanko and the eastern border.
REFERENCE_POINTS = [
    (7122456.474, 535348.058, 64.22650000, 27.72860001),
    (7113469.695, 622630.615, 64.12590000, 29.51899999),
    (6672000.0, 385800.0, 60.16889057, 24.94186449),
    (7765000.0, 500000.0, 69.99217041, 27.00000000),
    (6637000.0, 280000.0, 59.81209642, 23.07647322),
    (6700000.0, 700000.0, 60.38680678, 30.62934167),
]


@pytest.mark.parametrize(("northing", "easting", "latitude", "longitude"), REFERENCE_POINTS)
def test_etrs_tm35fin_converts_to_wgs84_as_proj_does(northing, easting, latitude, longitude):
    lat, lon = to_wgs84(northing, easting)
    assert lat == pytest.approx(latitude, abs=1e-7)  # 1e-7 degrees is about a centimetre
    assert lon == pytest.approx(longitude, abs=1e-7)


def test_the_kajaani_fixture_point_lands_on_pohjolankatu():
    kajaani = read_export(KAJAANI).channels[0]
    assert kajaani.address.location == (64.2265, 27.7286)


# -- reading the export ----------------------------------------------------------------------------------

def test_export_reads_service_locations_and_skips_other_channels():
    export = read_export(EXPORT)
    assert [c.id for c in export.channels][:2] == [KUHMO_ID, KAJAANI_ID]
    assert len(export.channels) == 4
    assert any("a Phone channel, not a service location" in reason for reason in export.skipped)


def test_a_page_of_channels_and_a_single_channel_read_the_same():
    page = {"pageNumber": 1, "pageSize": 1, "pageCount": 1, "itemList": [channel()]}
    assert parse_export(page, "page.json").channels == read_export(KAJAANI).channels


def test_not_json_names_the_line_and_column(tmp_path):
    broken = tmp_path / "export.json"
    broken.write_text('[{"id": "x",\n', encoding="utf-8")
    with pytest.raises(PtvInvalid) as caught:
        read_export(broken)
    assert re.match(rf"{re.escape(str(broken))}:2:1: not JSON", caught.value.problems[0])


def test_the_partial_fixture_lists_every_problem_with_its_channel_and_field():
    with pytest.raises(PtvInvalid) as caught:
        read_export(FIXTURES / "partial_service_locations.json")
    problems = caught.value.problems
    assert len(problems) == 5
    first = "channel 5d7f9b1c-3e5a-4c7e-9b1d-3f5a7c9e1b06"
    assert any(first in p and "serviceChannelNames: no Finnish Name" in p for p in problems)
    assert any(first in p and "addresses[0].streetAddress.postalCode: missing" in p for p in problems)
    assert any(first in p and "serviceHours[0].openingHour[0].from: '8.00' is not a time" in p for p in problems)
    assert any("channel [1] (Paltamon kunnantalo): id: missing" in p for p in problems)
    assert all("Fix: " in p for p in problems)


def _broken(change) -> list[str]:
    data = channel()
    change(data)
    with pytest.raises(PtvInvalid) as caught:
        parse_export(data, "export.json")
    return caught.value.problems


@pytest.mark.parametrize(("change", "field", "says"), [
    (lambda d: d["addresses"][0]["streetAddress"].update(postalCode="8710"),
     "addresses[0].streetAddress.postalCode", "'8710' is not five digits"),
    (lambda d: d["addresses"][0]["streetAddress"]["municipality"].update(code=205),
     "addresses[0].streetAddress.municipality.code", "205 is not a three-digit municipality code"),
    (lambda d: d["addresses"][0]["streetAddress"].update(latitude="64.2265", longitude="27.7286"),
     "addresses[0].streetAddress.latitude/longitude", "(64.2265, 27.7286) is not an ETRS-TM35FIN point in Finland"),
    (lambda d: d["serviceHours"][0].update(serviceHourType="Standard"),
     "serviceHours[0].serviceHourType", "'Standard' is not one of DaysOfTheWeek, Exceptional, OverMidnight"),
    (lambda d: d["serviceHours"][0]["openingHour"][2].update(dayFrom="Maanantai"),
     "serviceHours[0].openingHour[2].dayFrom", "'Maanantai' is not a weekday"),
    (lambda d: d["phoneNumbers"][0].update(number="puh. 044"),
     "phoneNumbers[0].number", "'puh. 044' is not a phone number"),
    (lambda d: d.update(serviceHours={"serviceHourType": "DaysOfTheWeek"}),
     "serviceHours", "is an object, not a list"),
    (lambda d: d.pop("serviceChannelType"), "serviceChannelType", "missing"),
    (lambda d: d.update(id="13"), "id", "'13' is not a PTV id"),
])
def test_bad_ptv_json_names_the_channel_and_the_field(change, field, says):
    problems = _broken(change)
    assert len(problems) == 1, problems
    assert problems[0].startswith("export.json: channel ")
    assert "(Kajaanin kaupungintalo)" in problems[0]
    assert f": {field}: {says}" in problems[0]


# -- the command -----------------------------------------------------------------------------------------

def test_dry_run_prints_a_readable_diff_and_writes_nothing(kb_copy, capsys):
    before = (kb_copy / "service_points.yaml").read_text(encoding="utf-8")
    assert main(["kb", "import-ptv", str(EXPORT), str(kb_copy), "--dry-run", "--fetched", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert (kb_copy / "service_points.yaml").read_text(encoding="utf-8") == before
    assert f"kuhmo_kaupungintalo ← PTV service location 'Kuhmon kaupungintalo, työllisyyspalvelut' ({KUHMO_ID}), " \
           "matched by municipality and street address" in out
    assert f'  + ptv_id: "{KUHMO_ID}"' in out
    assert '  + phone: "+358 80000290"' in out
    assert '      weekly: {mon: "09:00-11:30, 12:30-15:00", tue: "09:00-11:30, 12:30-15:00"' in out
    assert f"NEW {NEW_ID} ← " in out
    assert "in municipality 564 (Oulu), outside the area" in out
    assert "kajaani_virastotalo" in out.split("In the knowledge base but not in the file")[1]
    assert "3 service location(s) imported: 2 updated, 1 new, 0 already up to date." in out
    assert "+    ptv_id: 3f6d2a1e-8b4c-4e7a-9d1f-5c2b7a9e0d41" in out  # the unified diff of the file
    assert "Nothing written (--dry-run)" in out


def test_import_writes_yaml_that_validates_and_a_second_import_changes_nothing(kb_copy, capsys):
    assert main(["kb", "import-ptv", str(EXPORT), str(kb_copy), "--fetched", "2026-12-01"]) == 0
    assert "Wrote " in capsys.readouterr().out
    assert validate_directory(kb_copy) == []
    written = (kb_copy / "service_points.yaml").read_text(encoding="utf-8")
    assert main(["kb", "import-ptv", str(EXPORT), str(kb_copy), "--fetched", "2026-12-05"]) == 0
    out = capsys.readouterr().out
    assert (kb_copy / "service_points.yaml").read_text(encoding="utf-8") == written
    assert "0 updated, 0 new, 3 already up to date." in out
    assert "No change: the knowledge base already has what the file says." in out


def test_comments_and_staff_words_survive_the_import(kb_copy):
    path = kb_copy / "service_points.yaml"
    replace_in(path, "    serves: [kuhmo]\n", "    serves: [kuhmo]  # staff: Kuhmo only\n")
    before_text = path.read_text(encoding="utf-8")
    before = points_of(kb_copy)
    import_ptv(EXPORT, kb_copy, FETCHED, write=True)
    after_text = path.read_text(encoding="utf-8")
    comments = [line for line in before_text.splitlines() if line.lstrip().startswith("#") or " # " in line]
    assert comments and all(line in after_text.splitlines() for line in comments)
    after = points_of(kb_copy)
    for pid in ("kuhmo_kaupungintalo", "kajaani_kaupungintalo"):
        for key in ("id", "municipality", "name", "description", "aliases", "serves", "audiences", "languages",
                    "checked"):
            assert after[pid][key] == before[pid][key], (pid, key)
    untouched = [pid for pid in before if pid not in ("kuhmo_kaupungintalo", "kajaani_kaupungintalo")]
    assert all(after[pid] == before[pid] for pid in untouched)
    assert "    name: {fi: " in after_text.split("- id: kuhmo_kaupungintalo")[1]  # still one line


def test_ptv_facts_come_in_with_the_channel_named_in_the_source(kb_copy):
    before = points_of(kb_copy)["kuhmo_kaupungintalo"]
    import_ptv(EXPORT, kb_copy, FETCHED, write=True)
    kuhmo = load_knowledge_base(kb_copy).service_points["kuhmo_kaupungintalo"]
    assert kuhmo.ptv_id == KUHMO_ID
    assert kuhmo.phone == "+358 80000290"  # the Phone, not the Fax
    assert kuhmo.email == "tyollisyys@kuhmo.example"
    assert kuhmo.website == "https://www.kuhmo.example/tyollisyyspalvelut"  # the Finnish page first
    assert kuhmo.location == pytest.approx((64.1259, 29.519))
    assert kuhmo.source == (f"{before['source']}; Suomi.fi-palvelutietovaranto, palvelupaikka Kuhmon kaupungintalo, "
                            f"työllisyyspalvelut ({KUHMO_ID}), haettu 1.12.2026")


def test_ptv_hours_become_the_opening_hours_form(kb_copy):
    import_ptv(EXPORT, kb_copy, FETCHED, write=True)
    written = points_of(kb_copy)["kuhmo_kaupungintalo"]["opening_hours"]
    assert written == {
        "weekly": {day: "09:00-11:30, 12:30-15:00" for day in ("mon", "tue", "wed", "thu")} | {"fri": "09:00-12:00"},
        "seasons": [{"from": "06-15", "to": "08-09", "weekly": {d: "09:00-12:00" for d in
                                                                ("mon", "tue", "wed", "thu", "fri")},
                     "note": {"fi": "Kesäaukioloajat", "sv": "Sommaröppettider", "en": "Summer hours"}}],
        "exceptions": {"2026-12-23": "09:00-12:00", "2026-12-24": "closed", "2026-12-25": "closed",
                       "2026-12-26": "closed"},
        "by_appointment": ["fri"],
        "note": {"fi": "Lounastauko 11.30–12.30", "sv": "Lunchpaus 11.30–12.30", "en": "Lunch break 11.30–12.30"},
    }
    hours = load_knowledge_base(kb_copy).service_points["kuhmo_kaupungintalo"].opening_hours
    assert hours.week[0] == ((540, 690), (750, 900))
    assert hours.by_appointment == frozenset({4})
    assert hours.dates[date(2026, 12, 24)] == ()


def test_a_new_point_gets_an_id_from_its_municipality_and_name(kb_copy):
    result = import_ptv(EXPORT, kb_copy, FETCHED, write=True)
    assert [p.point_id for p in result.points if p.how == "new"] == [NEW_ID]
    vuokatti = load_knowledge_base(kb_copy).service_points[NEW_ID]
    assert vuokatti.municipality == "sotkamo" and vuokatti.serves == ("sotkamo",)
    assert str(vuokatti.address) == "Kidekuja 2, 88610 Vuokatti"
    assert vuokatti.name.en == vuokatti.name.fi  # PTV has no English name: the Finnish, said in the report
    assert vuokatti.location is None  # PTV's coordinateState is Failed
    assert vuokatti.checked is None
    report = result.report()
    assert "name: PTV has no en text: the Finnish is copied there; translate it" in report
    assert "coordinates: PTV has none it trusts (coordinateState Failed)" in report
    assert "more phone numbers: +358 400000766 (the knowledge base holds one)" in report
    assert (kb_copy / "service_points.yaml").read_text(encoding="utf-8").endswith('    checked: ""\n')


def test_a_moved_point_is_found_by_its_ptv_id(kb_copy, tmp_path):
    import_ptv(KAJAANI, kb_copy, FETCHED, write=True)
    moved = channel()
    moved["addresses"][0]["streetAddress"]["street"][0]["value"] = "Kauppakatu"
    moved["addresses"][0]["streetAddress"]["streetNumber"] = "1"
    export = tmp_path / "moved.json"
    export.write_text(json.dumps(moved), encoding="utf-8")
    result = import_ptv(export, kb_copy, FETCHED, write=True)
    assert [(p.point_id, p.how) for p in result.points] == [("kajaani_kaupungintalo", "ptv_id")]
    assert points_of(kb_copy)["kajaani_kaupungintalo"]["address"]["street"] == "Kauppakatu 1"


def test_checked_stays_a_persons_act(kb_copy):
    path = kb_copy / "service_points.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: kuhmo_kaupungintalo")
    end = text.index('checked: ""', start)
    path.write_text(text[:end] + "checked: 2026-11-02" + text[end + len('checked: ""'):], encoding="utf-8")
    result = import_ptv(EXPORT, kb_copy, FETCHED, write=True)
    assert load_knowledge_base(kb_copy).service_points["kuhmo_kaupungintalo"].checked == date(2026, 11, 2)
    assert "checked: 2026-11-02 is a person's" in result.report()
    assert all(c.field != "checked" for p in result.points if p.how != "new" for c in p.changes)


def test_what_ptv_lacks_never_erases_what_staff_wrote(kb_copy, tmp_path):
    path = kb_copy / "service_points.yaml"
    start = path.read_text(encoding="utf-8").index("- id: kajaani_kaupungintalo")
    text = path.read_text(encoding="utf-8")
    text = text[:start] + text[start:].replace('phone: ""', 'phone: "08 000 0000"', 1)
    path.write_text(text, encoding="utf-8")
    bare = channel()
    bare["phoneNumbers"], bare["serviceHours"] = [], []
    export = tmp_path / "bare.json"
    export.write_text(json.dumps(bare), encoding="utf-8")
    result = import_ptv(export, kb_copy, FETCHED, write=True)
    assert points_of(kb_copy)["kajaani_kaupungintalo"]["phone"] == "08 000 0000"
    assert "phone: PTV gives none; yours stays" in result.report()


def test_a_channel_whose_address_fits_two_points_is_left_for_staff(kb_copy):
    replace_in(kb_copy / "service_points.yaml", "street: Kalliokatu 4", "street: Pohjolankatu 13")
    result = import_ptv(KAJAANI, kb_copy, FETCHED, write=False)
    assert not result.points
    assert "its street address fits kajaani_virastotalo, kajaani_kaupungintalo; write ptv_id: " \
           f"{KAJAANI_ID} under the right one" in result.report()


def test_the_import_refuses_a_knowledge_base_without_municipality_codes(kb_copy):
    replace_in(kb_copy / "municipalities.yaml", '    code: "205"\n', "")
    with pytest.raises(ImportRefused) as caught:
        import_ptv(EXPORT, kb_copy, FETCHED, write=True)
    assert caught.value.problems == [f"{kb_copy / 'municipalities.yaml'}: kajaani: no code. Fix: add its municipality "
                                     'code of Statistics Finland in quotes, e.g. code: "205" for Kajaani']


def test_nothing_is_written_when_the_result_would_not_validate(kb_copy, monkeypatch):
    from bot.kb import ptv_merge

    monkeypatch.setattr(ptv_merge, "validate_directory", lambda _: ["service_points.yaml:1: broken"])
    before = (kb_copy / "service_points.yaml").read_text(encoding="utf-8")
    with pytest.raises(ImportRefused):
        import_ptv(EXPORT, kb_copy, FETCHED, write=True)
    assert (kb_copy / "service_points.yaml").read_text(encoding="utf-8") == before


def test_the_command_reports_bad_json_and_writes_nothing(kb_copy, capsys):
    assert main(["kb", "import-ptv", str(FIXTURES / "partial_service_locations.json"), str(kb_copy)]) == 1
    err = capsys.readouterr().err
    assert "the PTV import stopped; nothing was written" in err
    assert "channel 5d7f9b1c-3e5a-4c7e-9b1d-3f5a7c9e1b06: addresses[0].streetAddress.postalCode: missing" in err


# -- the knowledge base's new fields ---------------------------------------------------------------------

def test_every_municipality_has_its_statistics_finland_code(kb):
    codes = {m.id: m.code for m in kb.municipalities.values()}
    assert codes["kajaani"] == "205" and codes["kuusamo"] == "305"
    assert all(re.fullmatch(r"\d{3}", code) for code in codes.values())
    assert len(set(codes.values())) == len(codes)


@pytest.mark.parametrize(("new", "says"), [
    ("code: 205", "municipality 'kajaani': code 205 is not in quotes, so it is read as a number"),
    ('code: "25"', "municipality 'kajaani': code '25' is not three digits"),
    ('code: "765"', "municipality 'sotkamo': code 765 is also kajaani's"),
])
def test_a_wrong_municipality_code_is_reported_with_its_line(kb_copy, new, says):
    path = kb_copy / "municipalities.yaml"
    replace_in(path, 'code: "205"', new)
    line = line_of(path, "  - id: sotkamo" if "sotkamo" in says else new) + ("sotkamo" in says)
    errors = [str(e) for e in validate_directory(kb_copy)]
    assert any(f"municipalities.yaml:{line}: {says}" in e for e in errors), errors


@pytest.mark.parametrize(("field", "says"), [
    ("location: {lat: 46.2, lon: 6.1}", "'lat' = 46.2 is outside Finland"),
    ("location: {lat: 64.2, lon: 27.7, alt: 140}", "unknown field 'alt'"),
    ("ptv_id: 42", "ptv_id '42' is not a PTV id"),
    ("website: www.kuhmo.fi", "website 'www.kuhmo.fi' is not a web address"),
])
def test_a_wrong_location_ptv_id_or_website_is_reported_with_its_line(kb_copy, field, says):
    path = kb_copy / "service_points.yaml"
    replace_in(path, "    serves: [kuhmo]\n", f"    serves: [kuhmo]\n    {field}\n")
    errors = [str(e) for e in validate_directory(kb_copy)]
    assert any(f"service_points.yaml:{line_of(path, field)}: " in e and says in e for e in errors), errors


def test_one_ptv_channel_is_one_point(kb_copy):
    path = kb_copy / "service_points.yaml"
    for pid in ("kuhmo_kaupungintalo", "kajaani_ohjaamo"):
        replace_in(path, f"  - id: {pid}\n", f"  - id: {pid}\n    ptv_id: {KUHMO_ID}\n")
    errors = [str(e) for e in validate_directory(kb_copy)]
    assert any(f"service point 'kuhmo_kaupungintalo': ptv_id {KUHMO_ID} is also kajaani_ohjaamo's" in e
               for e in errors), errors


# -- writing YAML ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["service_points.yaml", "municipalities.yaml"])
def test_the_round_trip_leaves_the_shipped_files_byte_for_byte(kb_copy, name):
    text = (kb_copy / name).read_text(encoding="utf-8")
    assert yamledit.dump(yamledit.round_trip().load(text)) == text


@pytest.mark.parametrize(("value", "quoted"), [
    ("Kajaani", False), ("yes", True), ("10:00", True), ("09:00-15:00", False), ("010", True), ("2026-12-24", True),
    ("Sotkamo, Vuokatti", True), ("", True), ("Lounastauko 11.30–12.30", False),
])
def test_a_text_the_bot_would_read_differently_is_quoted(value, quoted):
    assert isinstance(yamledit.text(value), DoubleQuotedScalarString) == quoted


def test_the_readme_tells_staff_how_to_import_from_ptv():
    readme = (Path(__file__).parent.parent.parent / "README.md").read_text(encoding="utf-8")
    assert "tyonavi kb import-ptv FILE" in readme
    assert (FIXTURES / "README.md").is_file()
