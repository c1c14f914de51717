"""`kb export`: JSON-LD, CSV and a static HTML directory from the knowledge base."""

import csv
import dataclasses
import io
import json
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser

import pytest

from bot.kb.export import CSV_COLUMNS, UnknownFormat, export
from bot.kb.model import OpeningHours

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
VOID = {"meta", "br", "link", "img", "input", "hr"}


class TagChecker(HTMLParser):
    """Collects text per lang and checks that every opened element is closed in order."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.errors: list[str] = []
        self.text_by_lang: dict[str | None, list[str]] = {}
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag not in VOID:
            lang = attrs.get("lang") or (self.stack[-1][1] if self.stack else None)
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unexpected </{tag}> with {self.stack[-3:]}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if data.strip() and self.stack:
            self.text_by_lang.setdefault(self.stack[-1][1], []).append(data.strip())


@pytest.fixture
def kb_with_extras(kb):
    """The shipped knowledge base with contacts, hours and a name that needs escaping."""
    point = kb.service_points["kuhmo_kaupungintalo"]
    extra = dataclasses.replace(
        point, phone="08 6155 5000", email="tyollisyys@kuhmo.fi",
        name=dataclasses.replace(point.name, fi='Kuhmon <kaupungintalo> & "työt"'),
        opening_hours=OpeningHours({0: (540, 900), 4: (540, 720)}, {date(2026, 12, 24): None}))
    return dataclasses.replace(kb, service_points={**kb.service_points, point.id: extra})


def test_jsonld_has_a_government_office_per_service_point(kb):
    document = json.loads(export(kb, "jsonld"))
    assert document["@context"] == "https://schema.org"
    nodes = {node["identifier"]: node for node in document["@graph"] if node["@type"] == "GovernmentOffice"}
    assert set(nodes) == set(kb.service_points)
    international = nodes["kajaani_kaupungintalo"]
    assert international["@type"] == "GovernmentOffice"
    assert international["address"] == {"@type": "PostalAddress", "streetAddress": "Pohjolankatu 13",
                                        "postalCode": "87100", "addressLocality": "Kajaani", "addressCountry": "FI"}
    assert {area["name"] for area in international["areaServed"]} >= {"Kajaani", "Kuhmo", "Kuusamo"}
    assert "telephone" not in international  # unknown contacts are left out, never empty


def test_jsonld_includes_contacts_and_opening_hours_when_known(kb_with_extras):
    node = next(n for n in json.loads(export(kb_with_extras, "jsonld"))["@graph"]
                if n["identifier"] == "kuhmo_kaupungintalo")
    assert node["telephone"] == "08 6155 5000" and node["email"] == "tyollisyys@kuhmo.fi"
    hours = node["openingHoursSpecification"]
    assert hours[0] == {"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Monday",
                        "opens": "09:00", "closes": "15:00"}
    assert hours[-1]["validFrom"] == "2026-12-24" and hours[-1]["opens"] == hours[-1]["closes"] == "00:00"


def test_csv_has_one_row_per_service_point(kb):
    rows = list(csv.DictReader(io.StringIO(export(kb, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len([r for r in rows if r["type"] == "service_point"]) == len(kb.service_points)
    row = next(r for r in rows if r["id"] == "kajaani_virastotalo")
    checked = kb.service_points["kajaani_virastotalo"].checked
    assert (row["street"], row["postal_code"], row["town"], row["checked"]) == (
        "Kalliokatu 4", "87100", "Kajaani", checked.isoformat() if checked else "")  # empty: never checked
    assert row["municipality"] == "kajaani" and row["audiences"] == "job_seekers"


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
    assert "<script" not in page and "<link" not in page
    assert len(checker.ids) == len(set(checker.ids))


def test_html_directory_escapes_and_shows_contacts_and_hours(kb_with_extras):
    page = export(kb_with_extras, "html")
    assert "Kuhmon &lt;kaupungintalo&gt; &amp; &quot;työt&quot;" in page
    assert '<a href="tel:0861555000">08 6155 5000</a>' in page
    assert '<a href="mailto:tyollisyys@kuhmo.fi">' in page
    assert "ma 09:00–15:00" in page and "24.12.2026</time> suljettu" in page


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
