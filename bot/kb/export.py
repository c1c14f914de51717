"""Open data from the knowledge base: schema.org JSON-LD, a CSV, and a static HTML service directory.

Each holds the service points and, when the knowledge base has them, the other organisations a job seeker
is sent to (other_organisations.yaml): GovernmentOrganization nodes in JSON-LD, rows of type
"organisation" in the CSV, a section of their own in the HTML page. The JSON-LD also has the services
(GovernmentService, reached through a ServiceChannel at each office that routing.yaml sends people to for
them), the area's organisation that provides them, the municipalities, and a Dataset node that says what
the export is based on; every property in it is one schema.org allows on its node's type
(tests/staff/test_kb_export.py checks each against tests/data/schemaorg_subset.json).
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any

from bot.engine.route import route
from bot.hours import HELSINKI, SCHEMA_DAYS, schema_org_hours
from bot.kb.model import KnowledgeBase, OpeningHours, Organisation, Season, ServicePoint, Span, Text

FORMATS = ("jsonld", "csv", "html")
#: One row per service point, then one per other organisation; `type` (service_point | organisation) tells them
#: apart. handles are an organisation's; website and serves (municipality ids; for an organisation, empty means
#: everyone) both have. Columns are only ever added at the end, so a reader that goes by position keeps working.
#: opening_hours is a point's hours in OpenStreetMap's opening_hours syntax (one line; PH = public holiday);
#: latitude and longitude are WGS84 decimal degrees.
CSV_COLUMNS = ("id", "municipality", "name_fi", "name_en", "street", "postal_code", "town", "audiences", "phone",
               "email", "source", "checked", "type", "website", "serves", "handles_fi", "handles_en",
               "name_sv", "opening_hours", "latitude", "longitude", "ptv_id")
#: How far ahead opening hours are exported: a year holds every public holiday and every season once.
HOURS_DAYS = 365
#: A point's `languages` as the BCP 47 codes of schema.org's availableLanguage: clients of other languages
#: ("foreign") are served in English.
LANGUAGE_CODES = {"fi": "fi", "sv": "sv", "foreign": "en"}
#: The export as a whole (the Dataset node), in the bot's languages; {area} is the area's name.
DATASET_NAME = {
    "fi": "Työllisyyspalvelut: palvelupisteet, palvelut ja muut viranomaiset – {area}",
    "sv": "Sysselsättningstjänster: serviceställen, tjänster och andra myndigheter – {area}",
    "en": "Employment services: service points, services and other authorities – {area}",
}
OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
OSM_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: How many dated days of an OpenStreetMap-form point's hours the HTML page lists (the JSON-LD has them all).
HTML_DATED_DAYS = 7

#: Labels of the HTML directory, per language (the page is Finnish with English alongside).
LABELS: dict[str, dict[str, str]] = {
    "fi": {
        "title": "Työllisyyspalvelujen palvelupisteet", "contents": "Kunnat", "address": "Osoite",
        "serves": "Palvelee asukkaita kunnista", "phone": "Puhelin", "email": "Sähköposti",
        "hours": "Aukioloajat", "closed": "suljettu", "source": "Lähde", "checked": "tarkistettu",
        "online": "Työnhakijaksi ilmoittaudutaan verkossa", "days": "ma ti ke to pe la su",
        "organisations": "Muut viranomaiset ja palvelut", "website": "Verkkosivut",
        "appointment": "ajanvarauksella", "special": "Poikkeavat päivät",
    },
    "en": {
        "title": "Employment service points", "contents": "Municipalities", "address": "Address",
        "serves": "Serves residents of", "phone": "Phone", "email": "E-mail",
        "hours": "Opening hours", "closed": "closed", "source": "Source", "checked": "checked",
        "online": "You register as a job seeker online", "days": "Mon Tue Wed Thu Fri Sat Sun",
        "organisations": "Other authorities and services", "website": "Website",
        "appointment": "by appointment", "special": "Exceptional days",
    },
}


class UnknownFormat(ValueError):
    """Raised for an export format other than those in FORMATS."""


def export(kb: KnowledgeBase, format: str, today: date | None = None) -> str:
    """The service points and other organisations in `format` (jsonld, csv or html), as text.

    Opening hours are exported for HOURS_DAYS days from `today` (Helsinki's date when not given): which
    public holidays close a point depends on the year.
    """
    exporters: dict[str, Callable[[KnowledgeBase, date], str]] = {
        "jsonld": to_jsonld, "csv": lambda kb, _: to_csv(kb), "html": to_html}
    if format not in exporters:
        raise UnknownFormat(f"unknown export format {format!r}: use one of {', '.join(FORMATS)}")
    return exporters[format](kb, today or datetime.now(HELSINKI).date())


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


# -- opening hours in one line ---------------------------------------------------------------------------

def _osm_spans(spans: tuple[Span, ...], appointment: bool) -> str:
    if not spans:
        return "off"
    text = ",".join(f"{_time(start)}-{_time(end)}" for start, end in spans)
    return f'{text} "by appointment"' if appointment else text


def _osm_weekdays(days: list[int]) -> str:
    """Weekdays as OSM writes them: runs of three or more as a range ("Mo-Th"), the rest listed ("Sa,Su")."""
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ",".join(f"{OSM_DAYS[run[0]]}-{OSM_DAYS[run[-1]]}" if len(run) > 2
                    else ",".join(OSM_DAYS[d] for d in run) for run in runs)


def _osm_week(week: dict[int, tuple[Span, ...]], appointment_days: frozenset[int], every_day: bool,
              prefix: str = "") -> list[str]:
    """Rules for a week; weekdays with the same hours share one. `every_day`: closed weekdays are said
    (a season's week replaces every day of the normal one)."""
    groups: dict[tuple[tuple[Span, ...], bool], list[int]] = {}
    for day in range(7):
        if day in week or every_day:
            spans = week.get(day, ())
            groups.setdefault((spans, bool(spans) and day in appointment_days), []).append(day)
    return [f"{prefix}{_osm_weekdays(days)} {_osm_spans(spans, appointment)}"
            for (spans, appointment), days in sorted(groups.items(), key=lambda item: item[1][0])]


def _osm_season(season: Season, appointment_days: frozenset[int]) -> list[str]:
    (first_month, first_day), (last_month, last_day) = season.first, season.last
    prefix = f"{OSM_MONTHS[first_month - 1]} {first_day:02d}-{OSM_MONTHS[last_month - 1]} {last_day:02d} "
    if not any(season.week.values()):
        return [f"{prefix}off"]
    return _osm_week(season.week, appointment_days, True, prefix)


def osm_hours(hours: OpeningHours) -> str:
    """The hours as one OpenStreetMap opening_hours line (the CSV's form; empty when unknown).

    The week, then each season, then "PH off" (Finnish public holidays are closed), then the single days, which
    beat all of those: in OSM a later rule overrides earlier ones on the days it names, as bot/hours.py reads
    the knowledge base. A point written in OSM form gives its own string, with its single days after it.
    """
    if not hours.known:
        return ""
    rules = [hours.osm] if hours.osm else [
        *_osm_week(hours.week, hours.by_appointment, False),
        # where seasons overlap the first one listed counts (bot.hours.season_on), so it is written last
        *(rule for season in reversed(hours.seasons) for rule in _osm_season(season, hours.by_appointment)),
        "PH off"]
    rules += [f"{day.year} {OSM_MONTHS[day.month - 1]} {day.day:02d} "
              f"{_osm_spans(spans, bool(spans) and day.weekday() in hours.by_appointment)}"
              for day, spans in sorted(hours.dates.items())]
    return "; ".join(rules)


# -- JSON-LD -----------------------------------------------------------------------------------

def _tagged(text: Text) -> list[dict[str, str]]:
    """fi, sv and en as language-tagged values; a language the text lacks is left out, never filled in."""
    return [{"@value": value, "@language": language}
            for language, value in (("fi", text.fi), ("sv", text.sv), ("en", text.en)) if value]


def _ref(node_id: str) -> dict[str, str]:
    return {"@id": node_id}


def _municipality_ref(kb: KnowledgeBase, municipality: str) -> dict[str, Any]:
    if municipality in kb.municipalities:
        return _ref(f"#municipality-{municipality}")
    return {"@type": "AdministrativeArea", "name": municipality}


def _municipality_jsonld(kb: KnowledgeBase, municipality: str) -> dict[str, Any]:
    found = kb.municipalities[municipality]
    node: dict[str, Any] = {
        "@type": "AdministrativeArea", "@id": f"#municipality-{municipality}",
        "name": [{"@value": found.name[language], "@language": language}
                 for language in ("fi", "sv", "en") if found.name.get(language)]}
    if found.code:
        node["identifier"] = {"@type": "PropertyValue", "propertyID": "Statistics Finland municipality code",
                              "value": found.code}
    return node


def _area_jsonld(kb: KnowledgeBase) -> dict[str, Any]:
    """The employment area's organisation: it provides the services and the offices are its."""
    node: dict[str, Any] = {
        "@type": "GovernmentOrganization", "@id": "#area", "identifier": kb.area.id, "name": _tagged(kb.area.name),
        "areaServed": [_municipality_ref(kb, m) for m in kb.area.municipalities]}
    if kb.area.phone_number:
        node["telephone"] = kb.area.phone_number
    return node


def _hours_jsonld(kb: KnowledgeBase, hours: OpeningHours, start: date) -> dict[str, list[dict[str, Any]]]:
    """openingHoursSpecification and specialOpeningHoursSpecification (closed days as closed), non-empty only."""
    words = kb.texts.get("hours_by_appointment")  # "(ajanvarauksella)": the brackets are for running text
    appointment = [{**v, "@value": v["@value"].strip("() ")} for v in _tagged(words)] if words else None
    specs = schema_org_hours(hours, start, HOURS_DAYS, appointment=appointment)
    for spec in (spec for found in specs.values() for spec in found if "opens" not in spec):
        spec.pop("description", None)  # a closed day is not "by appointment", even on a by-appointment weekday
    return {key: value for key, value in specs.items() if value}


def _point_jsonld(kb: KnowledgeBase, point: ServicePoint, start: date) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "GovernmentOffice",
        "@id": f"#{point.id}",
        "identifier": point.id,
        "name": _tagged(point.name),
        "description": _tagged(point.description),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": point.address.street,
            "postalCode": point.address.postal_code,
            "addressLocality": point.address.town,
            "addressCountry": "FI",
        },
        "areaServed": [_municipality_ref(kb, m) for m in point.serves],
        "parentOrganization": _ref("#area"),
    }
    if point.location:
        node["geo"] = {"@type": "GeoCoordinates", "latitude": point.location[0], "longitude": point.location[1]}
    if point.website:
        node["url"] = point.website
    if point.phone:
        node["telephone"] = point.phone
    if point.email:
        node["email"] = point.email
    if point.opening_hours.known:
        node.update(_hours_jsonld(kb, point.opening_hours, start))
    return node


def _languages(point: ServicePoint) -> list[str]:
    return list(dict.fromkeys(LANGUAGE_CODES[language] for language in point.languages if language in LANGUAGE_CODES))


def _channel_jsonld(point: ServicePoint, services: list[str]) -> dict[str, Any]:
    """Visiting the office: where it is, in which languages, and the services it gives."""
    node: dict[str, Any] = {
        "@type": "ServiceChannel", "@id": f"#channel-{point.id}", "name": _tagged(point.name),
        "serviceLocation": _ref(f"#{point.id}"), "availableLanguage": _languages(point)}
    if point.ptv_id:
        node["identifier"] = {"@type": "PropertyValue", "propertyID": "PTV service location channel",
                              "value": point.ptv_id}
    if point.phone:
        node["servicePhone"] = {"@type": "ContactPoint", "telephone": point.phone,
                                "availableLanguage": _languages(point)}
    if point.website:
        node["serviceUrl"] = point.website
    if services:
        node["providesService"] = [_ref(f"#service-{s}") for s in services]
    return node


def service_points_of(kb: KnowledgeBase) -> dict[str, list[str]]:
    """The service points that give each service, by routing.yaml: every point its answer shows, wherever the
    person lives, and the first point an audience with routing of its own is sent to (International Info for a
    foreign-language client; the home point shown after it is there for the general services). A topic that
    tells who is asking (implies_audience) is asked by that audience only."""
    found: dict[str, list[str]] = {}
    for topic, spec in kb.routing.topics.items():
        points: list[str] = []
        audiences = (spec.implies_audience,) if spec.implies_audience else spec.audience_routes
        for municipality in (*kb.area.municipalities, None):
            if not spec.implies_audience:
                points += route(kb, topic, (), municipality).points
            for audience in audiences:
                points += route(kb, topic, (audience,), municipality).points[:1]
        found[topic] = list(dict.fromkeys(p for p in points if p in kb.service_points))
    return found


def _service_jsonld(kb: KnowledgeBase, service_id: str, points: list[str]) -> dict[str, Any]:
    service = kb.services[service_id]
    node: dict[str, Any] = {
        "@type": "GovernmentService", "@id": f"#service-{service.id}", "identifier": service.id,
        "name": _tagged(service.name), "description": _tagged(service.description), "provider": _ref("#area"),
        "areaServed": [_municipality_ref(kb, m) for m in kb.area.municipalities]}
    if points:
        node["availableChannel"] = [_ref(f"#channel-{p}") for p in points]
    return node


def _organisation_jsonld(kb: KnowledgeBase, organisation: Organisation) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "GovernmentOrganization",
        "@id": f"#organisation-{organisation.id}",
        "identifier": organisation.id,
        "name": _tagged(organisation.name),
        "description": _tagged(organisation.handles),
    }
    if organisation.website:
        node["url"] = organisation.website
    if organisation.serves:
        node["areaServed"] = [_municipality_ref(kb, m) for m in organisation.serves]
    if organisation.phones:
        node["contactPoint"] = [{"@type": "ContactPoint", "telephone": phone.number,
                                 **({"name": _tagged(phone.label)} if phone.label else {})}
                                for phone in organisation.phones]
    return node


def _sources(kb: KnowledgeBase) -> Iterable[tuple[str, str, date | None]]:
    """(node id, source, checked) of everything exported."""
    yield "#area", kb.area.source, kb.area.checked
    for point in kb.service_points.values():
        yield f"#{point.id}", point.source, point.checked
    for service in kb.services.values():
        yield f"#service-{service.id}", service.source, service.checked
    for organisation in kb.organisations.values():
        yield f"#organisation-{organisation.id}", organisation.source, organisation.checked


def _dataset_jsonld(kb: KnowledgeBase, start: date) -> dict[str, Any]:
    """What the export is and what it rests on: the documents (each with the nodes it is the source of), and
    the last day a person checked a fact against a current source (dateModified; none until someone has)."""
    documents: dict[str, list[str]] = {}
    checked: list[date] = []
    for node_id, source, day in _sources(kb):
        if source:
            documents.setdefault(source, []).append(node_id)
        if day:
            checked.append(day)
    node: dict[str, Any] = {
        "@type": "Dataset", "@id": "#dataset",
        "name": [{"@value": DATASET_NAME[language].format(area=kb.area.name.get(language)), "@language": language}
                 for language in ("fi", "sv", "en")],
        "inLanguage": ["fi", "sv", "en"],
        "isBasedOn": [{"@type": "CreativeWork", "name": source, "about": [_ref(i) for i in ids]}
                      for source, ids in documents.items()]}
    if any(p.opening_hours.known for p in kb.service_points.values()):
        node["temporalCoverage"] = f"{start.isoformat()}/{(start + timedelta(days=HOURS_DAYS - 1)).isoformat()}"
    if checked:
        node["dateModified"] = max(checked).isoformat()
    return node


def jsonld_document(kb: KnowledgeBase, start: date) -> dict[str, Any]:
    """The JSON-LD as a dict: the Dataset, the area, its municipalities, the offices, their channels, the services,
    then the other organisations."""
    points = [p for _, group in _points_by_municipality(kb) for p in group]
    offered = service_points_of(kb)
    services_at = {p.id: [s for s in kb.services if p.id in offered.get(s, [])] for p in points}
    graph = [_dataset_jsonld(kb, start), _area_jsonld(kb),
             *(_municipality_jsonld(kb, m) for m in kb.municipalities),
             *(_point_jsonld(kb, p, start) for p in points),
             *(_channel_jsonld(p, services_at[p.id]) for p in points),
             *(_service_jsonld(kb, s, offered.get(s, [])) for s in kb.services),
             *(_organisation_jsonld(kb, o) for o in kb.organisations.values())]
    return {"@context": "https://schema.org", "@graph": graph}


def to_jsonld(kb: KnowledgeBase, start: date) -> str:
    """The JSON-LD document as text (opening hours for HOURS_DAYS days from `start`)."""
    return json.dumps(jsonld_document(kb, start), ensure_ascii=False, indent=2) + "\n"


# -- CSV ---------------------------------------------------------------------------------------

def to_csv(kb: KnowledgeBase) -> str:
    """One row per service point, then one per other organisation, with a header row; list values joined
    with ';'."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for _, points in _points_by_municipality(kb):
        for p in points:
            latitude, longitude = (str(p.location[0]), str(p.location[1])) if p.location else ("", "")
            writer.writerow([p.id, p.municipality, p.name.fi, p.name.en, p.address.street, p.address.postal_code,
                             p.address.town, ";".join(p.audiences), p.phone, p.email, p.source,
                             p.checked.isoformat() if p.checked else "", "service_point", p.website,
                             ";".join(p.serves), "", "", p.name.sv, osm_hours(p.opening_hours), latitude,
                             longitude, p.ptv_id])
    for o in kb.organisations.values():
        writer.writerow([o.id, "", o.name.fi, o.name.en, "", "", "", "", ";".join(p.number for p in o.phones), "",
                         o.source, o.checked.isoformat() if o.checked else "", "organisation", o.website,
                         ";".join(o.serves), o.handles.fi, o.handles.en, o.name.sv, "", "", "", ""])
    return out.getvalue()


# -- HTML --------------------------------------------------------------------------------------

def _spec_hours_html(spec: dict[str, Any]) -> str:
    """One schema.org entry's hours in words: "09:00–15:00", "suljettu", "09:00–12:00 ajanvarauksella"."""
    labels = LABELS["fi"]
    if "opens" not in spec:
        return html.escape(labels["closed"])
    hours = f"{spec['opens']}–{spec['closes']}"
    return f"{hours} {labels['appointment']}" if "description" in spec else hours


def _day_html(day: str) -> str:
    found = date.fromisoformat(day)
    return f"<time datetime=\"{found.isoformat()}\">{found.strftime('%d.%m.%Y')}</time>"


def _specs_html(specs: list[dict[str, Any]], dated_days: int | None = None) -> str:
    """The entries as list items, a weekday's or a date's spans on one line, a season's weekdays in a list under
    its dates; only the first `dated_days` dates when given."""
    weekday_names = LABELS["fi"]["days"].split()
    weekly: dict[tuple[str, str], dict[str, list[str]]] = {}  # (validFrom, validThrough) -> weekday -> hours
    dated: dict[str, list[str]] = {}  # day -> hours
    for spec in specs:
        if "dayOfWeek" in spec:
            weekday = weekday_names[SCHEMA_DAYS.index(spec["dayOfWeek"].rsplit("/", 1)[-1])]
            period = (spec.get("validFrom", ""), spec.get("validThrough", ""))
            weekly.setdefault(period, {}).setdefault(weekday, []).append(_spec_hours_html(spec))
        else:
            dated.setdefault(spec["validFrom"], []).append(_spec_hours_html(spec))

    def lines(days: dict[str, list[str]]) -> str:
        return "".join(f"<li>{label} {', '.join(hours)}</li>" for label, hours in days.items())

    items = [f"<li>{_day_html(first)}–{_day_html(last)}<ul>{lines(days)}</ul></li>" if first else lines(days)
             for (first, last), days in weekly.items()]
    shown = list(dated.items())[:dated_days] if dated_days is not None else list(dated.items())
    items += [f"<li>{_day_html(day)} {', '.join(hours)}</li>" for day, hours in shown]
    return "".join(items)


def _hours_html(kb: KnowledgeBase, hours: OpeningHours, start: date) -> str:
    specs = _hours_jsonld(kb, hours, start)
    fi, en = LABELS["fi"], LABELS["en"]
    out = f"<ul class=\"hours\">{_specs_html(specs.get('openingHoursSpecification', []), HTML_DATED_DAYS)}</ul>"
    special = _specs_html(specs.get("specialOpeningHoursSpecification", []))
    if special:
        out += (f"<p>{fi['special']} <span lang=\"en\">/ {en['special']}</span></p>"
                f"<ul class=\"hours\">{special}</ul>")
    if hours.note:
        out += f"<p>{html.escape(hours.note.fi)}</p><p lang=\"en\">{html.escape(hours.note.en)}</p>"
    return out


def _point_html(kb: KnowledgeBase, point: ServicePoint, start: date) -> str:
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
    if point.website:
        rows.append(f"<dt>{fi['website']} <span lang=\"en\">/ {en['website']}</span></dt>"
                    f"<dd><a href=\"{esc(point.website)}\">{esc(point.website)}</a></dd>")
    if point.opening_hours.known:
        rows.append(f"<dt>{fi['hours']} <span lang=\"en\">/ {en['hours']}</span></dt>"
                    f"<dd>{_hours_html(kb, point.opening_hours, start)}</dd>")
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


def script_safe_json(text: str) -> str:
    """JSON text that cannot end its <script> element early: <, > and & written as JSON escapes (\\u003c…),
    which only occur inside strings, where they mean the same characters."""
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


_CSS = """
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 50rem; margin: 0 auto; padding: 1rem;
       color: #1a1a1a; background: #fff; }
a { color: #0b4f9c; } a:focus { outline: 3px solid #f4b400; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
article { border-top: 1px solid #ccc; padding: .5rem 0 1rem; }
dt { font-weight: 600; } dd { margin: 0 0 .5rem 0; } address { font-style: normal; }
.en, [lang="en"] { color: #444; } .source { font-size: .875rem; color: #444; }
"""


def to_html(kb: KnowledgeBase, start: date) -> str:
    """A static, accessible service directory (Finnish, with English), grouped by municipality, then the other
    organisations; the JSON-LD export rides along in the head for search engines."""
    esc = html.escape
    fi, en = LABELS["fi"], LABELS["en"]
    groups = _points_by_municipality(kb)
    nav = "".join(f"<li><a href=\"#kunta-{esc(m)}\">{esc(_municipality_name(kb, m))}</a></li>" for m, _ in groups)
    if kb.organisations:
        nav += f"<li><a href=\"#muut\">{esc(fi['organisations'])}</a></li>"
    sections = "".join(
        f"<section id=\"kunta-{esc(m)}\" aria-labelledby=\"kunta-{esc(m)}-h\">"
        f"<h2 id=\"kunta-{esc(m)}-h\">{esc(_municipality_name(kb, m))}</h2>"
        + "".join(_point_html(kb, p, start) for p in points) + "</section>"
        for m, points in groups)
    url = esc(kb.area.online_service_url)
    return f"""<!DOCTYPE html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(fi['title'])} – {esc(kb.area.name.fi)}</title>
<style>{_CSS}</style>
<script type="application/ld+json">
{script_safe_json(to_jsonld(kb, start))}</script>
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
