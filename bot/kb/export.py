"""Open data from the knowledge base: schema.org JSON-LD, a CSV, and a static HTML service directory.

Each holds the service points and, when the knowledge base has them, the other organisations a job seeker
is sent to (other_organisations.yaml): GovernmentOrganization nodes in JSON-LD, rows of type
"organisation" in the CSV, a section of their own in the HTML page.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable
from typing import Any

from bot.kb.model import KnowledgeBase, OpeningHours, Organisation, ServicePoint

FORMATS = ("jsonld", "csv", "html")
#: One row per service point, then one per other organisation; `type` (service_point | organisation) tells them
#: apart. website and handles are an organisation's; serves (municipality ids; for an organisation, empty means
#: everyone) both have.
CSV_COLUMNS = ("id", "municipality", "name_fi", "name_en", "street", "postal_code", "town", "audiences", "phone",
               "email", "source", "checked", "type", "website", "serves", "handles_fi", "handles_en")
SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Labels of the HTML directory, per language (the page is Finnish with English alongside).
LABELS: dict[str, dict[str, str]] = {
    "fi": {
        "title": "Työllisyyspalvelujen palvelupisteet", "contents": "Kunnat", "address": "Osoite",
        "serves": "Palvelee asukkaita kunnista", "phone": "Puhelin", "email": "Sähköposti",
        "hours": "Aukioloajat", "closed": "suljettu", "source": "Lähde", "checked": "tarkistettu",
        "online": "Työnhakijaksi ilmoittaudutaan verkossa", "days": "ma ti ke to pe la su",
        "organisations": "Muut viranomaiset ja palvelut", "website": "Verkkosivut",
    },
    "en": {
        "title": "Employment service points", "contents": "Municipalities", "address": "Address",
        "serves": "Serves residents of", "phone": "Phone", "email": "E-mail",
        "hours": "Opening hours", "closed": "closed", "source": "Source", "checked": "checked",
        "online": "You register as a job seeker online", "days": "Mon Tue Wed Thu Fri Sat Sun",
        "organisations": "Other authorities and services", "website": "Website",
    },
}


class UnknownFormat(ValueError):
    """Raised for an export format other than those in FORMATS."""


def export(kb: KnowledgeBase, format: str) -> str:
    """The service points and other organisations in `format` (jsonld, csv or html), as text."""
    exporters: dict[str, Callable[[KnowledgeBase], str]] = {"jsonld": to_jsonld, "csv": to_csv, "html": to_html}
    if format not in exporters:
        raise UnknownFormat(f"unknown export format {format!r}: use one of {', '.join(FORMATS)}")
    return exporters[format](kb)


def _time(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _points_by_municipality(kb: KnowledgeBase) -> list[tuple[str, list[ServicePoint]]]:
    groups: dict[str, list[ServicePoint]] = {}
    for point in kb.service_points.values():
        groups.setdefault(point.municipality, []).append(point)
    order = sorted(groups, key=lambda m: kb.municipalities[m].display_name("fi") if m in kb.municipalities else m)
    return [(m, sorted(groups[m], key=lambda p: p.name.fi)) for m in order]


def _municipality_name(kb: KnowledgeBase, municipality: str, language: str = "fi") -> str:
    found = kb.municipalities.get(municipality)
    return found.display_name(language) if found else municipality


# -- JSON-LD -----------------------------------------------------------------------------------

def _hours_jsonld(hours: OpeningHours) -> list[dict[str, Any]]:
    specs: list[dict[str, Any]] = [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[day]}",
         "opens": _time(start), "closes": _time(end)}
        for day, (start, end) in sorted(hours.weekly.items())
    ]
    for day, span in sorted(hours.exceptions.items()):
        opens, closes = (_time(span[0]), _time(span[1])) if span else ("00:00", "00:00")
        specs.append({"@type": "OpeningHoursSpecification", "validFrom": day.isoformat(),
                      "validThrough": day.isoformat(), "opens": opens, "closes": closes})
    return specs


def _point_jsonld(kb: KnowledgeBase, point: ServicePoint) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "GovernmentOffice",
        "@id": f"#{point.id}",
        "identifier": point.id,
        "name": point.name.fi,
        "alternateName": point.name.en,
        "description": point.description.fi,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": point.address.street,
            "postalCode": point.address.postal_code,
            "addressLocality": point.address.town,
            "addressCountry": "FI",
        },
        "areaServed": [{"@type": "AdministrativeArea", "name": _municipality_name(kb, m)} for m in point.serves],
        "parentOrganization": {"@type": "GovernmentOrganization", "name": kb.area.name.fi},
        "availableLanguage": ["fi", "en"] if "foreign" in point.languages else ["fi"],
    }
    if point.phone:
        node["telephone"] = point.phone
    if point.email:
        node["email"] = point.email
    if point.opening_hours.known:
        node["openingHoursSpecification"] = _hours_jsonld(point.opening_hours)
    node["isBasedOn"] = {"@type": "CreativeWork", "name": point.source}
    if point.checked:
        node["dateModified"] = point.checked.isoformat()
    return node


def _organisation_jsonld(kb: KnowledgeBase, organisation: Organisation) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "GovernmentOrganization",
        "@id": f"#organisation-{organisation.id}",
        "identifier": organisation.id,
        "name": organisation.name.fi,
        "alternateName": list(dict.fromkeys(n for n in (organisation.name.sv, organisation.name.en)
                                            if n and n != organisation.name.fi)),
        "description": organisation.handles.fi,
    }
    if organisation.website:
        node["url"] = organisation.website
    if organisation.serves:
        node["areaServed"] = [{"@type": "AdministrativeArea", "name": _municipality_name(kb, m)}
                              for m in organisation.serves]
    if organisation.phones:
        node["contactPoint"] = [{"@type": "ContactPoint", "telephone": phone.number,
                                 **({"name": phone.label.fi} if phone.label else {})} for phone in organisation.phones]
    node["isBasedOn"] = {"@type": "CreativeWork", "name": organisation.source}
    if organisation.checked:
        node["dateModified"] = organisation.checked.isoformat()
    return node


def to_jsonld(kb: KnowledgeBase) -> str:
    """schema.org GovernmentOffice nodes, one per service point, then a GovernmentOrganization per other
    organisation, in one JSON-LD document."""
    document = {"@context": "https://schema.org",
                "@graph": [_point_jsonld(kb, p) for _, points in _points_by_municipality(kb) for p in points]
                + [_organisation_jsonld(kb, o) for o in kb.organisations.values()]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# -- CSV ---------------------------------------------------------------------------------------

def to_csv(kb: KnowledgeBase) -> str:
    """One row per service point, then one per other organisation, with a header row; list values joined
    with ';'."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for _, points in _points_by_municipality(kb):
        for p in points:
            writer.writerow([p.id, p.municipality, p.name.fi, p.name.en, p.address.street, p.address.postal_code,
                             p.address.town, ";".join(p.audiences), p.phone, p.email, p.source,
                             p.checked.isoformat() if p.checked else "", "service_point", "", ";".join(p.serves),
                             "", ""])
    for o in kb.organisations.values():
        writer.writerow([o.id, "", o.name.fi, o.name.en, "", "", "", "", ";".join(p.number for p in o.phones), "",
                         o.source, o.checked.isoformat() if o.checked else "", "organisation", o.website,
                         ";".join(o.serves), o.handles.fi, o.handles.en])
    return out.getvalue()


# -- HTML --------------------------------------------------------------------------------------

def _hours_html(hours: OpeningHours, language: str) -> str:
    labels = LABELS[language]
    days = labels["days"].split()
    items = [f"<li>{days[d]} {_time(s)}–{_time(e)}</li>" for d, (s, e) in sorted(hours.weekly.items())]
    items += [f"<li><time datetime=\"{day.isoformat()}\">{day.strftime('%d.%m.%Y')}</time> "
              f"{html.escape(labels['closed']) if span is None else f'{_time(span[0])}–{_time(span[1])}'}</li>"
              for day, span in sorted(hours.exceptions.items())]
    return f"<ul class=\"hours\">{''.join(items)}</ul>"


def _point_html(kb: KnowledgeBase, point: ServicePoint) -> str:
    esc = html.escape
    fi, en = LABELS["fi"], LABELS["en"]
    serves = ", ".join(_municipality_name(kb, m) for m in point.serves)
    rows = [
        f"<dt>{fi['address']} <span lang=\"en\">/ {en['address']}</span></dt>"
        f"<dd><address>{esc(point.address.street)}<br>{esc(point.address.postal_code)} "
        f"{esc(point.address.town)}</address></dd>",
        f"<dt>{fi['serves']} <span lang=\"en\">/ {en['serves']}</span></dt><dd>{esc(serves)}</dd>",
    ]
    if point.phone:
        tel = "".join(c for c in point.phone if c.isdigit() or c == "+")
        rows.append(f"<dt>{fi['phone']} <span lang=\"en\">/ {en['phone']}</span></dt>"
                    f"<dd><a href=\"tel:{esc(tel)}\">{esc(point.phone)}</a></dd>")
    if point.email:
        rows.append(f"<dt>{fi['email']} <span lang=\"en\">/ {en['email']}</span></dt>"
                    f"<dd><a href=\"mailto:{esc(point.email)}\">{esc(point.email)}</a></dd>")
    if point.opening_hours.known:
        rows.append(f"<dt>{fi['hours']} <span lang=\"en\">/ {en['hours']}</span></dt>"
                    f"<dd>{_hours_html(point.opening_hours, 'fi')}</dd>")
    return (f"<article id=\"{esc(point.id)}\" aria-labelledby=\"{esc(point.id)}-name\">"
            f"<h3 id=\"{esc(point.id)}-name\">{esc(point.name.fi)}"
            + (f" <span lang=\"en\" class=\"en\">({esc(point.name.en)})</span>" if point.name.en != point.name.fi
               else "")
            + f"</h3><p>{esc(point.description.fi)}</p><p lang=\"en\">{esc(point.description.en)}</p>"
            f"<dl>{''.join(rows)}</dl>"
            f"<p class=\"source\">{fi['source']}: {esc(point.source)}"
            + (f"; {fi['checked']} <time datetime=\"{point.checked.isoformat()}\">"
               f"{point.checked.strftime('%d.%m.%Y')}</time>" if point.checked else "")
            + "</p>"
            "</article>")


def _organisation_html(kb: KnowledgeBase, organisation: Organisation) -> str:
    esc = html.escape
    fi, en = LABELS["fi"], LABELS["en"]
    anchor = f"organisaatio-{organisation.id}"
    rows = []
    if organisation.website:
        rows.append(f"<dt>{fi['website']} <span lang=\"en\">/ {en['website']}</span></dt>"
                    f"<dd><a href=\"{esc(organisation.website)}\">{esc(organisation.website)}</a></dd>")
    for phone in organisation.phones:
        tel = "".join(c for c in phone.number if c.isdigit() or c == "+")
        label = (f"{esc(phone.label.fi)} <span lang=\"en\">/ {esc(phone.label.en)}</span>" if phone.label
                 else f"{fi['phone']} <span lang=\"en\">/ {en['phone']}</span>")
        rows.append(f"<dt>{label}</dt><dd><a href=\"tel:{esc(tel)}\">{esc(phone.number)}</a></dd>")
    if organisation.serves:
        serves = ", ".join(_municipality_name(kb, m) for m in organisation.serves)
        rows.append(f"<dt>{fi['serves']} <span lang=\"en\">/ {en['serves']}</span></dt>"
                    f"<dd>{esc(serves)}</dd>")
    notes = "".join(f"<p>{esc(text.fi)}</p><p lang=\"en\">{esc(text.en)}</p>"
                    for text in (organisation.note, organisation.job_seeker_note) if text)
    name_en = (f" <span lang=\"en\" class=\"en\">({esc(organisation.name.en)})</span>"
               if organisation.name.en != organisation.name.fi else "")
    checked = (f"; {fi['checked']} <time datetime=\"{organisation.checked.isoformat()}\">"
               f"{organisation.checked.strftime('%d.%m.%Y')}</time>" if organisation.checked else "")
    return (f"<section id=\"{esc(anchor)}\" class=\"organisation\" aria-labelledby=\"{esc(anchor)}-name\">"
            f"<h3 id=\"{esc(anchor)}-name\">{esc(organisation.name.fi)}{name_en}</h3>"
            f"<p>{esc(organisation.handles.fi)}</p><p lang=\"en\">{esc(organisation.handles.en)}</p>{notes}"
            + (f"<dl>{''.join(rows)}</dl>" if rows else "")
            + f"<p class=\"source\">{fi['source']}: {esc(organisation.source)}{checked}</p></section>")


def _organisations_html(kb: KnowledgeBase) -> str:
    if not kb.organisations:
        return ""
    fi, en = LABELS["fi"], LABELS["en"]
    return (f"<section id=\"muut\" aria-labelledby=\"muut-h\"><h2 id=\"muut-h\">{html.escape(fi['organisations'])} "
            f"<span lang=\"en\">/ {html.escape(en['organisations'])}</span></h2>"
            + "".join(_organisation_html(kb, o) for o in kb.organisations.values()) + "</section>")


_CSS = """
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 50rem; margin: 0 auto; padding: 1rem;
       color: #1a1a1a; background: #fff; }
a { color: #0b4f9c; } a:focus { outline: 3px solid #f4b400; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
article { border-top: 1px solid #ccc; padding: .5rem 0 1rem; }
dt { font-weight: 600; } dd { margin: 0 0 .5rem 0; } address { font-style: normal; }
.en, [lang="en"] { color: #444; } .source { font-size: .875rem; color: #444; }
"""


def to_html(kb: KnowledgeBase) -> str:
    """A static, accessible service directory (Finnish, with English), grouped by municipality, then the other
    organisations."""
    esc = html.escape
    fi, en = LABELS["fi"], LABELS["en"]
    groups = _points_by_municipality(kb)
    nav = "".join(f"<li><a href=\"#kunta-{esc(m)}\">{esc(_municipality_name(kb, m))}</a></li>" for m, _ in groups)
    if kb.organisations:
        nav += f"<li><a href=\"#muut\">{esc(fi['organisations'])}</a></li>"
    sections = "".join(
        f"<section id=\"kunta-{esc(m)}\" aria-labelledby=\"kunta-{esc(m)}-h\">"
        f"<h2 id=\"kunta-{esc(m)}-h\">{esc(_municipality_name(kb, m))}</h2>"
        + "".join(_point_html(kb, p) for p in points) + "</section>"
        for m, points in groups)
    url = esc(kb.area.online_service_url)
    return f"""<!DOCTYPE html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(fi['title'])} – {esc(kb.area.name.fi)}</title>
<style>{_CSS}</style>
</head>
<body>
<a class="skip" href="#sisalto">Siirry sisältöön</a>
<header>
<h1>{esc(fi['title'])}: {esc(kb.area.name.fi)}</h1>
<p lang="en">{esc(en['title'])}: {esc(kb.area.name.en)}</p>
<p>{esc(fi['online'])}: <a href="{url}">{esc(kb.area.online_service_name.fi)}</a>.
<span lang="en">{esc(en['online'])}: <a href="{url}">{esc(kb.area.online_service_name.en)}</a>.</span></p>
</header>
<nav aria-label="{esc(fi['contents'])}"><h2>{esc(fi['contents'])} <span lang="en">/ {esc(en['contents'])}</span></h2>
<ul>{nav}</ul></nav>
<main id="sisalto">
{sections}
{_organisations_html(kb)}
</main>
</body>
</html>
"""
