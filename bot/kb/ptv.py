"""Read a saved PTV (Suomi.fi Palvelutietovaranto) Open API v11 export of service locations into plain values.

The file is what the Open API returns, saved as it is: one ServiceLocation channel
(`GET /api/v11/ServiceChannel/{id}`), a list of channels (`/ServiceChannel/list?guids=`) or a page of them
(`{"pageNumber": .., "itemList": [..]}`). Field names and shapes follow the v11 models
(V11VmOpenApiServiceLocationChannel and the models it uses); fields the import does not use are ignored.
Every problem is collected, each naming the channel (its id and Finnish name) and the field's path, so a
staff member can find it in the file; nothing is guessed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bot.kb.tm35fin import to_wgs84

LANGUAGES = ("fi", "sv", "en")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HOUR_TYPES = ("DaysOfTheWeek", "Exceptional", "OverMidnight")
#: Coordinate states whose coordinates PTV itself trusts (its map views use only these).
GOOD_COORDINATES = ("Ok", "EnteredByUser", "EnteredByAR")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_TIME = re.compile(r"(\d{2}):(\d{2})(?::00)?")
_MUNICIPALITY_CODE = re.compile(r"\d{3}")
_POSTAL_CODE = re.compile(r"\d{5}")


class PtvInvalid(Exception):
    """The file cannot be imported; carries every problem found, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True, slots=True)
class Address:
    """The visiting address (type Location): street by language, number, postal code, municipality code."""

    street: dict[str, str]
    street_number: str
    postal_code: str
    post_office: dict[str, str]
    municipality_code: str
    #: (latitude, longitude) in WGS84, converted from PTV's ETRS-TM35FIN; None when PTV has none it trusts.
    location: tuple[float, float] | None
    coordinate_state: str = ""

    def street_line(self, language: str = "fi") -> str:
        street = self.street.get(language) or self.street.get("fi") or next(iter(self.street.values()), "")
        return f"{street} {self.street_number}".strip()


@dataclass(frozen=True, slots=True)
class Phone:
    number: str  # as a person dials it: "+358 86155555", or a service number as PTV writes it
    language: str
    kind: str  # Phone, Sms or Fax


@dataclass(frozen=True, slots=True)
class Span:
    """One opening span of a service-hours entry: from a weekday (empty in exceptional hours) at a time."""

    day_from: str
    day_to: str
    start: str  # "HH:MM"
    end: str  # "HH:MM"


@dataclass(frozen=True, slots=True)
class ServiceHours:
    """One entry of serviceHours, as PTV gives it."""

    kind: str  # DaysOfTheWeek, Exceptional or OverMidnight
    valid_from: date | None
    valid_to: date | None
    closed: bool
    always_open: bool
    by_reservation: bool
    spans: tuple[Span, ...]
    info: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Channel:
    """A ServiceLocation channel: what the knowledge base may take from it."""

    id: str
    names: dict[str, str]
    summaries: dict[str, str]
    descriptions: dict[str, str]
    languages: tuple[str, ...]
    address: Address
    phones: tuple[Phone, ...]
    emails: tuple[tuple[str, str], ...]  # (language, address)
    web_pages: tuple[tuple[str, str], ...]  # (language, url)
    hours: tuple[ServiceHours, ...]
    area_type: str
    area_codes: tuple[str, ...]  # municipality codes of the areas it serves (areas and areaMunicipalities)

    @property
    def name(self) -> str:
        return self.names.get("fi") or next(iter(self.names.values()), "")


@dataclass(frozen=True, slots=True)
class Export:
    """The channels of one file, and those skipped (other channel types, unpublished) with the reason."""

    channels: tuple[Channel, ...]
    skipped: tuple[str, ...] = ()


def read_export(path: Path) -> Export:
    """The service locations of a saved PTV export; PtvInvalid lists every problem found."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PtvInvalid([f"{path}: cannot be read: {exc}"]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PtvInvalid([f"{path}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}. Fix: save the Open API's "
                          "answer as it is (a channel, a list of channels or a page with itemList)"]) from None
    return parse_export(data, str(path))


def parse_export(data: Any, file: str) -> Export:
    """The service locations of already-parsed PTV JSON; `file` names it in the problems."""
    if isinstance(data, dict) and "itemList" in data:
        items, where = data["itemList"], "itemList"
    elif isinstance(data, dict):
        items, where = [data], ""
    else:
        items, where = data, ""
    if not isinstance(items, list):
        raise PtvInvalid([f"{file}: {where or 'the file'} is not a list of channels. Fix: save the Open API's "
                          "answer as it is (a channel, a list of channels or a page with itemList)"])
    problems: list[str] = []
    channels: list[Channel] = []
    skipped: list[str] = []
    for index, item in enumerate(items):
        path = "" if isinstance(data, dict) and not where else f"{where}[{index}]"
        reader = _ChannelReader(file, item, path, problems)
        kind = reader.kind()
        if kind is None:
            continue
        status = item.get("publishingStatus", "Published")
        if kind != "ServiceLocation":
            skipped.append(f"{reader.label}: a {kind} channel, not a service location")
        elif status != "Published":
            skipped.append(f"{reader.label}: publishingStatus is {status!r}, not Published")
        elif (channel := reader.channel()) is not None:
            channels.append(channel)
    ids = [c.id for c in channels]
    for cid in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"{file}: channel {cid}: appears {ids.count(cid)} times. Fix: save each channel once")
    if problems:
        raise PtvInvalid(problems)
    if not channels and not skipped:
        raise PtvInvalid([f"{file}: no channels in the file. Fix: save the Open API's answer for the service "
                          "locations (ServiceChannel), not an empty page"])
    return Export(tuple(channels), tuple(skipped))


class _ChannelReader:
    """Reads one channel, adding a problem for each missing or malformed field it needs."""

    def __init__(self, file: str, data: Any, path: str, problems: list[str]):
        self.file, self.data, self.path, self.problems = file, data, path, problems
        self.label = f"channel {path or 'in the file'}"
        self._before = len(problems)

    def problem(self, where: str, message: str, fix: str) -> None:
        self.problems.append(f"{self.file}: {self.label}: {where}: {message}. Fix: {fix}")

    def kind(self) -> str | None:
        if not isinstance(self.data, dict):
            self.problems.append(f"{self.file}: {self.label}: is {_kind(self.data)}, not a channel. Fix: save "
                                 "the Open API's answer as it is")
            return None
        cid = self.data.get("id")
        name = _localized(self.data.get("serviceChannelNames"), "Name").get("fi", "")
        self.label = f"channel {cid if isinstance(cid, str) and cid else self.path or 'in the file'}" + (
            f" ({name})" if name else "")
        if not isinstance(cid, str) or not _UUID.fullmatch(cid):
            self.problem("id", f"{cid!r} is not a PTV id" if cid else "missing",
                         "give the channel's id as PTV writes it, e.g. 6f1e0c6a-3b9d-4c1e-9f0e-2a7d5b8c9e01")
        kind = self.data.get("serviceChannelType")
        if not isinstance(kind, str) or not kind:
            self.problem("serviceChannelType", "missing", 'save the whole channel: it says "serviceChannelType": '
                         '"ServiceLocation"')
            return None
        return kind

    def channel(self) -> Channel | None:
        d = self.data
        names = self.localized("serviceChannelNames", "Name", required=True)
        address = self.address()
        languages = self.strings("languages")
        channel = Channel(
            id=str(d.get("id", "")),
            names=names,
            summaries=self.localized("serviceChannelDescriptions", "Summary"),
            descriptions=self.localized("serviceChannelDescriptions", "Description"),
            languages=tuple(lang for lang in languages if lang in LANGUAGES),
            address=address or Address({}, "", "", {}, "", None),
            phones=self.phones(),
            emails=self.language_values("emails", "value"),
            web_pages=self.language_values("webPages", "url"),
            hours=self.service_hours(),
            area_type=self.optional_text(d, "areaType", "areaType"),
            area_codes=self.area_codes(),
        )
        return channel if len(self.problems) == self._before else None

    # -- plain values ------------------------------------------------------------------------------
    def optional_text(self, obj: dict[str, Any], key: str, where: str) -> str:
        value = obj.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problem(where, f"is {_kind(value)}, not text", "write it as text in quotes")
            return ""
        return value.strip()

    def list_of_objects(self, obj: dict[str, Any], key: str, where: str) -> list[tuple[str, dict[str, Any]]]:
        value = obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(where, f"is {_kind(value)}, not a list", "save the Open API's answer as it is")
            return []
        out = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                out.append((f"{where}[{index}]", item))
            else:
                self.problem(f"{where}[{index}]", f"is {_kind(item)}, not an object", "save the Open API's answer "
                             "as it is")
        return out

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(key, f"is {_kind(value)}, not a list of language codes", 'write it as ["fi", "sv", "en"]')
            return ()
        return tuple(value)

    def localized(self, key: str, kind: str, required: bool = False, obj: dict[str, Any] | None = None,
                  where: str = "") -> dict[str, str]:
        """The values of a localized list ([{type, language, value}] or [{language, value}]) by language."""
        where = where or key
        out: dict[str, str] = {}
        for item_where, item in self.list_of_objects(self.data if obj is None else obj, key, where):
            if "type" in item and item.get("type") != kind:
                continue
            language = item.get("language")
            value = item.get("value")
            if not isinstance(language, str) or not language:
                self.problem(f"{item_where}.language", "missing", 'give the language code, e.g. "language": "fi"')
            elif not isinstance(value, str) or not value.strip():
                self.problem(f"{item_where}.value", "missing or empty" if not value else f"is {_kind(value)}",
                             "give the text, or leave the whole entry out")
            else:
                out.setdefault(language, " ".join(value.split()))
        if required and "fi" not in out:
            self.problem(key, f"no Finnish {kind}" + (" (type Name, language fi)" if kind == "Name" else ""),
                         f'add {{"type": "{kind}", "language": "fi", "value": "..."}}')
        return out

    def language_values(self, key: str, value_key: str) -> tuple[tuple[str, str], ...]:
        out = []
        for where, item in self.list_of_objects(self.data, key, key):
            value = item.get(value_key)
            if not isinstance(value, str) or not value.strip():
                self.problem(f"{where}.{value_key}", "missing or empty", f"give the {value_key}, or leave the "
                             "whole entry out")
                continue
            out.append((str(item.get("language") or "fi"), value.strip()))
        return tuple(out)

    # -- address -----------------------------------------------------------------------------------
    def address(self) -> Address | None:
        found = [(w, a) for w, a in self.list_of_objects(self.data, "addresses", "addresses")
                 if a.get("type") in ("Location", "Visiting")]
        if not found:
            self.problem("addresses", "no visiting address (an address with \"type\": \"Location\")",
                         "give the service location's visiting address in PTV and save the channel again")
            return None
        where, item = found[0]
        street = item.get("streetAddress")
        if item.get("subType") not in (None, "Single", "Street") or not isinstance(street, dict):
            sub = item.get("subType")
            self.problem(f"{where}.streetAddress", f"missing (subType {sub!r})" if sub else "missing",
                         "give a street address (subType Single) for the visiting address in PTV")
            return None
        where = f"{where}.streetAddress"
        streets = self.localized("street", "", obj=street, where=f"{where}.street")
        if not streets:
            self.problem(f"{where}.street", "missing", 'give the street name, e.g. [{"value": "Pohjolankatu", '
                         '"language": "fi"}]')
        postal_code = self.optional_text(street, "postalCode", f"{where}.postalCode")
        if not _POSTAL_CODE.fullmatch(postal_code):
            self.problem(f"{where}.postalCode", f"{postal_code!r} is not five digits" if postal_code else "missing",
                         'give the postal code as five digits in quotes, e.g. "87100"')
        municipality = street.get("municipality")
        code = municipality.get("code") if isinstance(municipality, dict) else municipality
        if not isinstance(code, str) or not _MUNICIPALITY_CODE.fullmatch(code):
            self.problem(f"{where}.municipality.code", f"{code!r} is not a three-digit municipality code" if code
                         else "missing", 'give the municipality code of Statistics Finland, e.g. "205" for Kajaani')
            code = ""
        return Address(
            street=streets,
            street_number=self.optional_text(street, "streetNumber", f"{where}.streetNumber"),
            postal_code=postal_code,
            post_office=self.localized("postOffice", "", obj=street, where=f"{where}.postOffice"),
            municipality_code=code,
            location=self.location(street, where),
            coordinate_state=self.optional_text(street, "coordinateState", f"{where}.coordinateState"),
        )

    def location(self, street: dict[str, Any], where: str) -> tuple[float, float] | None:
        """WGS84 from PTV's ETRS-TM35FIN northing ("latitude") and easting ("longitude"), when PTV trusts them."""
        state = street.get("coordinateState")
        northing, easting = street.get("latitude"), street.get("longitude")
        if state not in GOOD_COORDINATES or northing in (None, "") or easting in (None, ""):
            return None
        try:
            n, e = float(northing), float(easting)
        except (TypeError, ValueError):
            self.problem(f"{where}.latitude/longitude", f"{northing!r}, {easting!r} are not numbers",
                         'give ETRS-TM35FIN metres as PTV does, e.g. "latitude": "7118000.0", "longitude": "541000.0"')
            return None
        if not (6_600_000 <= n <= 7_800_000 and 50_000 <= e <= 760_000):
            self.problem(f"{where}.latitude/longitude", f"({n}, {e}) is not an ETRS-TM35FIN point in Finland "
                         "(northing 6 600 000–7 800 000, easting 50 000–760 000 metres)",
                         "check the coordinates in PTV (PTV gives northing as latitude, easting as longitude)")
            return None
        latitude, longitude = to_wgs84(n, e)
        return round(latitude, 6), round(longitude, 6)

    # -- contacts and areas ------------------------------------------------------------------------
    def phones(self) -> tuple[Phone, ...]:
        out = []
        for where, item in self.list_of_objects(self.data, "phoneNumbers", "phoneNumbers"):
            number = item.get("number")
            if not isinstance(number, str) or not re.fullmatch(r"[0-9 ]+", number.strip()):
                self.problem(f"{where}.number", f"{number!r} is not a phone number" if number else "missing",
                             'give the digits without the country code, e.g. "86155555"')
                continue
            prefix = item.get("prefixNumber") or ""
            if not isinstance(prefix, str) or (prefix and not re.fullmatch(r"\+\d{1,4}", prefix)):
                self.problem(f"{where}.prefixNumber", f"{prefix!r} is not a country code", 'write it as "+358"')
                continue
            shown = number.strip() if item.get("isFinnishServiceNumber") or not prefix else \
                f"{prefix} {number.strip().lstrip('0')}"
            out.append(Phone(shown, str(item.get("language") or "fi"), str(item.get("type") or "Phone")))
        return tuple(out)

    def area_codes(self) -> tuple[str, ...]:
        codes: list[str] = []
        for where, area in self.list_of_objects(self.data, "areas", "areas"):
            if area.get("type") == "Municipality":
                codes.append(str(area.get("code", "")))
            for _, municipality in self.list_of_objects(area, "municipalities", f"{where}.municipalities"):
                codes.append(str(municipality.get("code", "")))
        for _, municipality in self.list_of_objects(self.data, "areaMunicipalities", "areaMunicipalities"):
            codes.append(str(municipality.get("code", "")))
        return tuple(dict.fromkeys(c for c in codes if _MUNICIPALITY_CODE.fullmatch(c)))

    # -- service hours -----------------------------------------------------------------------------
    def service_hours(self) -> tuple[ServiceHours, ...]:
        out = []
        for where, item in self.list_of_objects(self.data, "serviceHours", "serviceHours"):
            kind = item.get("serviceHourType")
            if kind not in HOUR_TYPES:
                self.problem(f"{where}.serviceHourType", f"{kind!r} is not one of {', '.join(HOUR_TYPES)}"
                             if kind else "missing", "save the channel from the Open API v11")
                continue
            valid_from = self.day(item, "validFrom", where)
            valid_to = self.day(item, "validTo", where)
            if kind == "Exceptional" and valid_from is None:
                self.problem(f"{where}.validFrom", "missing", "an exceptional day needs its date")
                continue
            if valid_from and valid_to and valid_to < valid_from:
                self.problem(f"{where}.validTo", f"{valid_to} is before validFrom {valid_from}",
                             "check the dates in PTV")
                continue
            spans = tuple(s for s in (self.span(h, w, kind) for w, h in
                                      self.list_of_objects(item, "openingHour", f"{where}.openingHour")) if s)
            out.append(ServiceHours(
                kind=kind, valid_from=valid_from, valid_to=valid_to, closed=item.get("isClosed") is True,
                always_open=item.get("isAlwaysOpen") is True, by_reservation=item.get("isReservation") is True,
                spans=spans,
                info=self.localized("additionalInformation", "", obj=item, where=f"{where}.additionalInformation"),
            ))
        return tuple(out)

    def day(self, item: dict[str, Any], key: str, where: str) -> date | None:
        value = item.get(key)
        if value in (None, ""):
            return None
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            self.problem(f"{where}.{key}", f"{value!r} is not a date", 'write it as "2026-12-24T00:00:00"')
            return None

    def span(self, item: dict[str, Any], where: str, kind: str) -> Span | None:
        times = []
        for key in ("from", "to"):
            value = item.get(key)
            match = _TIME.fullmatch(value) if isinstance(value, str) else None
            if not match or int(match.group(1)) > 24 or int(match.group(2)) > 59:
                self.problem(f"{where}.{key}", f"{value!r} is not a time" if value else "missing",
                             'write it as "09:00:00"')
                return None
            times.append(f"{match.group(1)}:{match.group(2)}")
        day_from, day_to = item.get("dayFrom") or "", item.get("dayTo") or ""
        for key, day in (("dayFrom", day_from), ("dayTo", day_to)):
            if day and day not in WEEKDAYS:
                self.problem(f"{where}.{key}", f"{day!r} is not a weekday", f"use one of {', '.join(WEEKDAYS)}")
                return None
        if kind != "Exceptional" and not day_from:
            self.problem(f"{where}.dayFrom", "missing", 'weekly hours need their weekday, e.g. "dayFrom": "Monday"')
            return None
        return Span(day_from, day_to, times[0], times[1])


def _localized(value: Any, kind: str) -> dict[str, str]:
    """A localized list read without complaints (for naming a channel before it is checked)."""
    if not isinstance(value, list):
        return {}
    return {str(i.get("language")): str(i.get("value")) for i in value
            if isinstance(i, dict) and i.get("type", kind) == kind and i.get("value")}


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value}"
    return f"the text {str(value)[:40]!r}"
