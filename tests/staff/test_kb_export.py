"""`kb export`: JSON-LD, CSV and a static HTML directory from the knowledge base.

The JSON-LD is checked against the schema.org vocabulary: every property of every node must be one schema.org
allows on the node's type, and every typed value one its range allows (tests/data/schemaorg_subset.json, cut
from a schema.org release by tools/schemaorg_subset.py). A fixture copy of the knowledge base gives a point
hours (a lunch break, summer hours, a closed day, an appointment-only day), coordinates, a web page and a PTV id.
"""

import csv
import dataclasses
import io
import json
import shutil
import subprocess
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from kb_edit import replace_in
from test_opening_hours import FRIENDLY, OSM_FORM, POINT, with_hours

from bot import SHIPPED_KNOWLEDGE
from bot.hours import day_hours
from bot.kb import KnowledgeBase, load_knowledge_base, validate_directory
from bot.kb.export import CSV_COLUMNS, UnknownFormat, export, osm_hours
from bot.kb.model import OpeningHours, Season

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
VOID = {"meta", "br", "link", "img", "input", "hr"}
DATA = Path(__file__).resolve().parent.parent / "data"
VOCABULARY = json.loads((DATA / "schemaorg_subset.json").read_text(encoding="utf-8"))
EARLIER_EXPORT = json.loads((DATA / "export_before_issue16.json").read_text(encoding="utf-8"))
TODAY = date(2026, 12, 1)  # the export's day: its year of hours holds Christmas 2026 and the summer of 2027
LOCATION = (64.1256, 29.5185)  # fixture values, not a fact of the shipped knowledge base
PTV_ID = "0b6e3c1a-8f7d-4e2b-9a51-3c2d1e0f4a7b"
BREAK_OUT = "</script><script>alert(1)</script>"


class TagChecker(HTMLParser):
    """Collects text per lang and checks that every opened element is closed in order."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.errors: list[str] = []
        self.text_by_lang: dict[str | None, list[str]] = {}
        self.ids: list[str] = []
        self.scripts: list[tuple[dict, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "script":
            self.scripts.append((attrs, ""))
        if tag not in VOID:
            lang = attrs.get("lang") or (self.stack[-1][1] if self.stack else None)
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unexpected </{tag}> with {self.stack[-3:]}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
            return
        if data.strip() and self.stack:
            self.text_by_lang.setdefault(self.stack[-1][1], []).append(data.strip())


def graph(kb: KnowledgeBase, today: date = TODAY) -> list[dict[str, Any]]:
    return json.loads(export(kb, "jsonld", today))["@graph"]


def by_id(nodes: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {node["@id"]: node for node in nodes}


def tagged(fi: str, sv: str, en: str) -> list[dict[str, str]]:
    return [{"@value": fi, "@language": "fi"}, {"@value": sv, "@language": "sv"}, {"@value": en, "@language": "en"}]


# -- the schema.org check -------------------------------------------------------------------------------------

def _lineage(type_name: str) -> list[str]:
    return [type_name, *VOCABULARY["types"][type_name]["supertypes"]]


def _typed_nodes(value: Any) -> list[dict[str, Any]]:
    """Every node with a @type in `value`, nested ones too."""
    if isinstance(value, list):
        return [node for item in value for node in _typed_nodes(item)]
    if not isinstance(value, dict):
        return []
    found = [value] if "@type" in value else []
    return found + [node for key, item in value.items() if not key.startswith("@") for node in _typed_nodes(item)]


def schema_problems(nodes: list[dict[str, Any]]) -> list[str]:
    """(type, property) pairs schema.org does not allow, values outside a property's range, dangling @id links."""
    types = VOCABULARY["types"]
    ids = {node["@id"]: node["@type"] for node in nodes if "@id" in node}
    problems: list[str] = []
    for node in _typed_nodes(nodes):
        kind = node["@type"]
        if kind not in types:
            problems.append(f"{kind}: type not in tests/data/schemaorg_subset.json (add it to TYPES in "
                            "tools/schemaorg_subset.py and run it again)")
            continue
        for prop, value in node.items():
            if prop.startswith("@"):
                continue
            if prop not in types[kind]["properties"]:
                problems.append(f"{kind}.{prop}: not a property of {kind}")
                continue
            ranges = set(VOCABULARY["ranges"][prop])
            for item in value if isinstance(value, list) else [value]:
                if not isinstance(item, dict):
                    continue
                if "@value" in item:
                    if "Text" not in ranges:
                        problems.append(f"{kind}.{prop}: a language-tagged text where {sorted(ranges)} is expected")
                    continue
                target = item.get("@type") or ids.get(item.get("@id"))
                if target is None:
                    problems.append(f"{kind}.{prop}: {item.get('@id')} names no node of the graph")
                elif target in types and not ranges & set(_lineage(target)):
                    problems.append(f"{kind}.{prop}: a {target} where {sorted(ranges)} is expected")
    return problems


# -- fixtures -------------------------------------------------------------------------------------------------

@pytest.fixture
def kb_with_extras(kb):
    """The shipped knowledge base with contacts, hours, a place and a name that needs escaping."""
    point = kb.service_points["kuhmo_kaupungintalo"]
    extra = dataclasses.replace(
        point, phone="08 6155 5000", email="tyollisyys@kuhmo.fi", location=LOCATION, website="https://example.fi/k",
        ptv_id=PTV_ID, checked=date(2026, 11, 30),
        name=dataclasses.replace(point.name, fi='Kuhmon <kaupungintalo> & "työt"'),
        description=dataclasses.replace(point.description, fi=f"Kuhmolaisten palvelupiste {BREAK_OUT}"),
        opening_hours=OpeningHours({0: (540, 900), 4: (540, 720)}, {date(2026, 12, 24): None}))
    return dataclasses.replace(kb, service_points={**kb.service_points, point.id: extra})


@pytest.fixture(scope="module", params=["friendly", "osm"])
def fixture_kb(request, tmp_path_factory) -> KnowledgeBase:
    """A copy of the shipped knowledge base whose Kuhmo point has hours (written either way), coordinates, a
    web page and a PTV id."""
    directory = tmp_path_factory.mktemp(f"export-{request.param}") / "knowledge"
    shutil.copytree(SHIPPED_KNOWLEDGE, directory)
    path = with_hours(directory, FRIENDLY if request.param == "friendly" else OSM_FORM)
    replace_in(path, f"  - id: {POINT}\n    municipality: kuhmo\n",
               f"  - id: {POINT}\n    ptv_id: {PTV_ID}\n    municipality: kuhmo\n"
               f"    location: {{lat: {LOCATION[0]}, lon: {LOCATION[1]}}}\n    website: https://example.fi/kuhmo\n")
    assert validate_directory(directory) == []
    return load_knowledge_base(directory)


# -- JSON-LD: valid schema.org --------------------------------------------------------------------------------

def test_the_checker_finds_the_invalid_properties_of_the_earlier_export():
    assert sorted(schema_problems(EARLIER_EXPORT["@graph"])) == [
        "GovernmentOffice.availableLanguage: not a property of GovernmentOffice",
        "GovernmentOffice.dateModified: not a property of GovernmentOffice",
        "GovernmentOffice.isBasedOn: not a property of GovernmentOffice",
        "GovernmentOrganization.dateModified: not a property of GovernmentOrganization",
        "GovernmentOrganization.isBasedOn: not a property of GovernmentOrganization",
    ]


def test_every_property_of_the_shipped_export_is_allowed_on_its_type(kb, kb_with_extras):
    assert schema_problems(graph(kb)) == []
    assert schema_problems(graph(kb_with_extras)) == []


def test_every_property_is_allowed_with_hours_and_coordinates(fixture_kb):
    nodes = graph(fixture_kb)
    office = by_id(nodes)[f"#{POINT}"]
    assert {"openingHoursSpecification", "specialOpeningHoursSpecification", "geo", "url"} <= set(office)
    assert schema_problems(nodes) == []
    assert {node["@type"] for node in _typed_nodes(nodes)} == {
        "Dataset", "CreativeWork", "GovernmentOrganization", "AdministrativeArea", "PropertyValue", "GovernmentOffice",
        "PostalAddress", "GeoCoordinates", "OpeningHoursSpecification", "ServiceChannel", "GovernmentService",
        "ContactPoint"}


def test_the_earlier_exports_three_invalid_properties_are_gone(kb_with_extras):
    nodes = graph(kb_with_extras)
    for node in _typed_nodes(nodes):
        if node["@type"] in ("GovernmentOffice", "GovernmentOrganization"):
            assert not {"availableLanguage", "isBasedOn", "dateModified"} & set(node), node["@id"]
    kinds = {prop: {n["@type"] for n in _typed_nodes(nodes) if prop in n}
             for prop in ("availableLanguage", "isBasedOn", "dateModified")}
    assert kinds == {"availableLanguage": {"ServiceChannel", "ContactPoint"}, "isBasedOn": {"Dataset"},
                     "dateModified": {"Dataset"}}


def test_provenance_sits_on_the_dataset_node(kb, kb_with_extras):
    dataset = graph(kb_with_extras)[0]
    assert dataset["@type"] == "Dataset" and dataset["inLanguage"] == ["fi", "sv", "en"]
    documents = {work["name"]: {ref["@id"] for ref in work["about"]} for work in dataset["isBasedOn"]}
    for point in kb.service_points.values():
        assert f"#{point.id}" in documents[point.source]
    assert "#organisation-kela" in documents[kb.organisations["kela"].source]
    shipped = [d for d in (*(p.checked for p in kb.service_points.values()), *(s.checked for s in kb.services.values()),
                           *(o.checked for o in kb.organisations.values()), kb.area.checked) if d]
    # the last day a person checked a fact (Kuhmo's point was checked on 30 November in the fixture)
    assert dataset["dateModified"] == max([*shipped, date(2026, 11, 30)]).isoformat()
    if not shipped:
        assert "dateModified" not in graph(kb)[0]  # nothing checked yet: no date is claimed


# -- JSON-LD: what it says ------------------------------------------------------------------------------------

def test_names_and_descriptions_are_tagged_fi_sv_en(kb):
    nodes = by_id(graph(kb))
    point = kb.service_points["kajaani_kaupungintalo"]
    office = nodes["#kajaani_kaupungintalo"]
    assert office["name"] == tagged(point.name.fi, point.name.sv, point.name.en)
    assert office["description"] == tagged(point.description.fi, point.description.sv, point.description.en)
    service = kb.services["startup_grant"]
    assert nodes["#service-startup_grant"]["name"] == tagged(service.name.fi, service.name.sv, service.name.en)
    assert nodes["#service-startup_grant"]["description"][1] == {"@value": service.description.sv, "@language": "sv"}
    kela = kb.organisations["kela"]
    assert nodes["#organisation-kela"]["name"] == tagged(kela.name.fi, kela.name.sv, kela.name.en)
    assert nodes["#municipality-kajaani"]["name"] == tagged("Kajaani", "Kajana", "Kajaani")
    assert nodes["#area"]["name"] == tagged(kb.area.name.fi, kb.area.name.sv, kb.area.name.en)


def test_a_government_office_per_service_point(kb):
    nodes = graph(kb)
    offices = {node["identifier"]: node for node in nodes if node["@type"] == "GovernmentOffice"}
    assert set(offices) == set(kb.service_points)
    international = offices["kajaani_kaupungintalo"]
    assert international["address"] == {"@type": "PostalAddress", "streetAddress": "Pohjolankatu 13",
                                        "postalCode": "87100", "addressLocality": "Kajaani", "addressCountry": "FI"}
    served = {by_id(nodes)[ref["@id"]]["name"][0]["@value"] for ref in international["areaServed"]}
    assert served >= {"Kajaani", "Kuhmo", "Kuusamo"}
    assert international["parentOrganization"] == {"@id": "#area"}
    assert "telephone" not in international and "geo" not in international  # unknown facts are left out


def test_services_reach_their_offices_through_service_channels(kb):
    nodes = by_id(graph(kb))
    services = {n["identifier"]: n for n in nodes.values() if n["@type"] == "GovernmentService"}
    assert set(services) == set(kb.services)
    assert all(s["provider"] == {"@id": "#area"} for s in services.values())
    assert nodes["#area"]["@type"] == "GovernmentOrganization"

    def offices(service: str) -> set[str]:
        channels = [nodes[ref["@id"]] for ref in services[service].get("availableChannel", [])]
        assert all(c["@type"] == "ServiceChannel" and {"@id": f"#service-{service}"} in c["providesService"]
                   for c in channels)
        return {nodes[c["serviceLocation"]["@id"]]["identifier"] for c in channels}

    assert offices("ohjaamo") == {"kajaani_ohjaamo"}
    assert offices("international_info") == {"kajaani_kaupungintalo"}  # asked by foreign-language clients only
    assert offices("personal_services") >= set(kb.routing.home_points.values()) | {"kajaani_ohjaamo"}
    assert offices("te_live") == set()  # area-wide: no office to visit for it
    channel = nodes["#channel-kajaani_kaupungintalo"]
    assert channel["availableLanguage"] == ["fi", "en"]
    assert nodes["#channel-kuhmo_kaupungintalo"]["availableLanguage"] == ["fi"]


def test_contacts_place_and_ptv_id_when_known(kb_with_extras):
    nodes = by_id(graph(kb_with_extras))
    office = nodes["#kuhmo_kaupungintalo"]
    assert office["telephone"] == "08 6155 5000" and office["email"] == "tyollisyys@kuhmo.fi"
    assert office["geo"] == {"@type": "GeoCoordinates", "latitude": LOCATION[0], "longitude": LOCATION[1]}
    assert office["url"] == "https://example.fi/k"
    channel = nodes["#channel-kuhmo_kaupungintalo"]
    assert channel["identifier"] == {"@type": "PropertyValue", "propertyID": "PTV service location channel",
                                     "value": PTV_ID}
    assert channel["servicePhone"] == {"@type": "ContactPoint", "telephone": "08 6155 5000",
                                       "availableLanguage": ["fi"]}


def test_a_government_organization_per_other_organisation(kb):
    nodes = by_id(graph(kb))
    organisations = {n["identifier"]: n for n in nodes.values()
                     if n["@type"] == "GovernmentOrganization" and n["@id"].startswith("#organisation-")}
    assert set(organisations) == set(kb.organisations)
    kainuu = organisations["kainuun_hyvinvointialue"]
    assert kainuu["contactPoint"][0]["telephone"] == "116117"
    assert kainuu["contactPoint"][0]["name"][0] == {"@value": "Päivystysapu", "@language": "fi"}


# -- opening hours ------------------------------------------------------------------------------------------------

def test_opening_hours_with_a_lunch_break_summer_hours_and_appointments(fixture_kb):
    hours = by_id(graph(fixture_kb))[f"#{POINT}"]["openingHoursSpecification"]
    if fixture_kb.service_points[POINT].opening_hours.osm:  # each day of the year, dated
        monday = [h for h in hours if h["validFrom"] == "2026-12-07"]
        friday = [h for h in hours if h["validFrom"] == "2026-12-11"]
    else:
        monday = [h for h in hours if h.get("dayOfWeek") == "https://schema.org/Monday" and "validFrom" not in h]
        friday = [h for h in hours if h.get("dayOfWeek") == "https://schema.org/Friday" and "validFrom" not in h]
        summer = [h for h in hours if h.get("validFrom") == "2027-06-15" and h["dayOfWeek"].endswith("Friday")]
        assert summer == [{"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Friday",
                           "validFrom": "2027-06-15", "validThrough": "2027-08-09"}]  # closed, not by appointment
    assert [(h["opens"], h["closes"]) for h in monday] == [("09:00", "11:30"), ("12:30", "15:00")]
    assert [(h["opens"], h["closes"]) for h in friday] == [("09:00", "12:00")]
    assert {"@value": "by appointment", "@language": "en"} in friday[0]["description"]


def test_closed_days_are_closed_in_special_opening_hours(fixture_kb):
    office = by_id(graph(fixture_kb))[f"#{POINT}"]
    special = {h["validFrom"]: h for h in office["specialOpeningHoursSpecification"]}
    # Christmas Eve and New Year's Day (public holidays), and 31 December (an exception; in the OSM form a rule of
    # the expression like any other, so a dated day of the regular hours, as are all its days)
    if fixture_kb.service_points[POINT].opening_hours.osm:
        special |= {h["validFrom"]: h for h in office["openingHoursSpecification"]
                    if h["validFrom"] in ("2026-12-23", "2026-12-31")}
    for closed in ("2026-12-24", "2026-12-31", "2027-01-01"):
        assert special[closed] == {"@type": "OpeningHoursSpecification", "validFrom": closed, "validThrough": closed}
    assert (special["2026-12-23"]["opens"], special["2026-12-23"]["closes"]) == ("09:00", "12:00")
    for node in _typed_nodes(graph(fixture_kb)):
        assert (node.get("opens"), node.get("closes")) != ("00:00", "00:00")  # schema.org reads that as open


def test_no_hours_no_hours_properties(kb):
    office = by_id(graph(kb))["#kuhmo_kaupungintalo"]
    assert not {"openingHoursSpecification", "specialOpeningHoursSpecification"} & set(office)
    assert "temporalCoverage" not in graph(kb)[0]


# -- CSV ---------------------------------------------------------------------------------------------------------

def test_csv_has_one_row_per_service_point(kb):
    rows = list(csv.DictReader(io.StringIO(export(kb, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert CSV_COLUMNS[:17] == ("id", "municipality", "name_fi", "name_en", "street", "postal_code", "town",
                                "audiences", "phone", "email", "source", "checked", "type", "website", "serves",
                                "handles_fi", "handles_en")  # new columns only ever come at the end
    assert len([r for r in rows if r["type"] == "service_point"]) == len(kb.service_points)
    row = next(r for r in rows if r["id"] == "kajaani_virastotalo")
    checked = kb.service_points["kajaani_virastotalo"].checked
    assert (row["street"], row["postal_code"], row["town"], row["checked"]) == (
        "Kalliokatu 4", "87100", "Kajaani", checked.isoformat() if checked else "")  # empty: never checked
    assert row["municipality"] == "kajaani" and row["audiences"] == "job_seekers"
    assert row["name_sv"] == kb.service_points["kajaani_virastotalo"].name.sv
    assert (row["opening_hours"], row["latitude"], row["longitude"], row["ptv_id"]) == ("", "", "", "")


def test_csv_has_the_swedish_name_hours_and_coordinates(fixture_kb):
    row = next(r for r in csv.DictReader(io.StringIO(export(fixture_kb, "csv"))) if r["id"] == POINT)
    assert row["name_sv"] == "Stadshuset i Kuhmo (Kuhmon kaupungintalo)"
    assert (float(row["latitude"]), float(row["longitude"])) == LOCATION
    assert row["ptv_id"] == PTV_ID and row["website"] == "https://example.fi/kuhmo"
    hours = fixture_kb.service_points[POINT].opening_hours
    if not hours.osm:
        assert row["opening_hours"] == (
            'Mo-Th 09:00-11:30,12:30-15:00; Fr 09:00-12:00 "by appointment"; Jun 15-Aug 09 Mo-Th 09:00-12:00; '
            "Jun 15-Aug 09 Fr-Su off; PH off; 2026 Dec 23 09:00-12:00; 2026 Dec 31 off")
    # the one line means the same hours, day by day, as the knowledge base
    read_back = OpeningHours(osm=row["opening_hours"])
    for offset in range(400):
        day = TODAY + timedelta(days=offset)
        expected, found = day_hours(hours, day), day_hours(read_back, day)
        assert (found.spans, found.by_appointment) == (expected.spans, expected.by_appointment), day


def test_the_one_line_hours_of_a_season_over_new_year():
    hours = OpeningHours({0: ((540, 960),), 1: ((540, 960),), 2: ((540, 960),), 4: ((600, 1440),)},
                         seasons=(Season((12, 20), (1, 6), {0: ((600, 720),)}),))
    line = osm_hours(hours)
    assert line == ("Mo-We 09:00-16:00; Fr 10:00-24:00; Dec 20-Jan 06 Mo 10:00-12:00; Dec 20-Jan 06 Tu-Su off; "
                    "PH off")
    read_back = OpeningHours(osm=line)
    for offset in range(400):
        day = TODAY + timedelta(days=offset)
        assert day_hours(read_back, day).spans == day_hours(hours, day).spans, day
    assert osm_hours(OpeningHours()) == ""


# -- HTML --------------------------------------------------------------------------------------------------------

def test_html_directory_groups_points_by_municipality_with_languages_marked(kb):
    page = export(kb, "html")
    checker = TagChecker()
    checker.feed(page)
    assert checker.errors == [] and checker.stack == []
    assert '<html lang="fi">' in page
    for municipality in {p.municipality for p in kb.service_points.values()}:
        assert f"kunta-{municipality}" in checker.ids
    english = " ".join(checker.text_by_lang["en"])
    assert kb.service_points["kajaani_ohjaamo"].description.en in english
    assert kb.service_points["kajaani_ohjaamo"].description.fi in " ".join(checker.text_by_lang["fi"])
    assert "<link" not in page
    assert len(checker.ids) == len(set(checker.ids))


def test_html_page_embeds_the_same_jsonld(kb_with_extras):
    page = export(kb_with_extras, "html", TODAY)
    checker = TagChecker()
    checker.feed(page)
    assert checker.errors == [] and [attrs for attrs, _ in checker.scripts] == [{"type": "application/ld+json"}]
    assert json.loads(checker.scripts[0][1]) == json.loads(export(kb_with_extras, "jsonld", TODAY))


def test_html_page_escapes_knowledge_base_text_in_the_jsonld(kb_with_extras):
    page = export(kb_with_extras, "html", TODAY)
    assert page.count("</script") == 1 and page.count("<script") == 1  # the description cannot end it early
    assert "<kaupungintalo>" not in page
    embedded = json.loads(page[page.index('"application/ld+json">') + 22:page.index("</script>")])
    office = by_id(embedded["@graph"])["#kuhmo_kaupungintalo"]
    assert office["description"][0]["@value"] == f"Kuhmolaisten palvelupiste {BREAK_OUT}"  # the text, unchanged


def test_html_directory_escapes_and_shows_contacts_and_hours(kb_with_extras):
    page = export(kb_with_extras, "html", TODAY)
    assert "Kuhmon &lt;kaupungintalo&gt; &amp; &quot;työt&quot;" in page
    assert '<a href="tel:0861555000">08 6155 5000</a>' in page
    assert '<a href="mailto:tyollisyys@kuhmo.fi">' in page
    assert "<li>ma 09:00–15:00</li>" in page and "24.12.2026</time> suljettu" in page


def test_html_directory_shows_lunch_breaks_seasons_and_appointments(fixture_kb):
    page = export(fixture_kb, "html", TODAY)
    checker = TagChecker()
    checker.feed(page)
    assert checker.errors == [] and checker.stack == []
    if fixture_kb.service_points[POINT].opening_hours.osm:
        assert "07.12.2026</time> 09:00–11:30, 12:30–15:00</li>" in page
    else:
        assert "<li>ma 09:00–11:30, 12:30–15:00</li>" in page and "<li>pe 09:00–12:00 ajanvarauksella</li>" in page
        assert "15.06.2027</time>–<time datetime=\"2027-08-09\">09.08.2027</time><ul><li>ma 09:00–12:00</li>" in page
        assert "31.12.2026</time> suljettu" in page
    assert "24.12.2026</time> suljettu" in page and "Varaa aika puhelimitse." in page


def test_an_unknown_format_is_refused(kb):
    with pytest.raises(UnknownFormat, match="jsonld, csv, html"):
        export(kb, "xml")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed: the headless-browser check of the HTML "
                                             "export needs /usr/bin/chromium")
def test_html_directory_renders_in_headless_chromium(kb, tmp_path):
    page = tmp_path / "directory.html"
    page.write_text(export(kb, "html"), encoding="utf-8")
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=60, check=True)
    dom = result.stdout
    assert "<h1>Työllisyyspalvelujen palvelupisteet" in dom
    assert "Pohjolankatu 13" in dom and 'id="kunta-kuusamo"' in dom
    assert dom.count("<article") == len(kb.service_points)
