"""Builders for each knowledge-base file: raw YAML in, model objects and KBErrors out."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from datetime import date
from itertools import chain
from typing import Any

from bot.kb.errors import KBError
from bot.kb.fields import Fields, _kind
from bot.kb.hours_fields import opening_hours_of
from bot.kb.model import (
    ALL_LANGUAGES,
    LANGUAGES,
    NEWCOMER_LANGUAGES,
    Address,
    Area,
    AudienceRoute,
    EmploymentArea,
    Municipality,
    OpeningHours,
    Organisation,
    OtherMunicipality,
    OtherPlaces,
    Phone,
    Phrasings,
    Place,
    Routing,
    Service,
    ServicePoint,
    SourceName,
    SourceNames,
    Text,
    TopicRoute,
)
from bot.kb.normalise_names import fold
from bot.kb.yamlsource import LineList

AUDIENCES = ("youth", "foreign_language", "employer")
#: Phrasing-only audience: a job seeker's own words, weighed against employer evidence, never routed on.
PHRASING_AUDIENCES = (*AUDIENCES, "jobseeker", "native")
#: What the words around a place say about it ("asuin ennen Oulussa", "muutin Kuhmoon", "poikani asuu…").
PLACE_CUES = ("registered", "current", "past", "denied", "perfect", "origin", "move", "plan", "near", "work", "visit",
              "other_person", "asked_for_other")
#: Phrasing-only audience "native": "I'm Finnish but prefer English" is not a foreign-language client.
#: Word groups whose combinations are employer evidence ("pidän kahvilaa", "tarvitsemme hitsaajia").
EMPLOYER_SIGNALS = ("identity", "former", "someone_else", "owner", "business", "hiring", "worker", "worker_ending",
                    "help", "closing", "question")
#: What a person may ask about a service point that the knowledge base may lack.
ASKS = ("hours", "phone", "email", "where", "help", "has_job", "got_job", "reform", "studied", "which", "channel",
        "end_search")
POINT_AUDIENCES = {"job_seekers", *AUDIENCES}
POINT_LANGUAGES = {"fi", "sv", "en", "foreign"}

#: Texts a newcomer sees first, in their own language: a missing newcomer translation is a `kb lint` warning.
NEWCOMER_TEXTS = ("newcomer_answer", "newcomer_place")
#: Placeholders each UI text may use; anything else is a typo the validator reports.
TEXT_PLACEHOLDERS: dict[str, set[str]] = {
    "ask_municipality": {"municipalities"},
    "also_ask_municipality": {"municipalities"},
    "municipality_website": {"url"},
    "employer_contact": {"municipality", "url"},
    "ask_village": {"village"},
    "newcomer_answer": {"point", "address", "url"},
    "newcomer_place": {"place"},
    "out_of_area": {"place"},
    "out_of_area_served_by": {"area"},
    "out_of_area_website": {"url"},
    "organisation_phone": {"phone", "label"},
    "unknown_benefit": {"word"},
    "unknown_service": {"word"},
    "register_online": {"url"},
    "your_point": {"municipality"},
    "their_point": {"municipality"},
    "aland": {"place"},
    "merged": {"place", "current", "year"},
    "your_points": {"municipality"},
    "former_address": {"address", "new_address"},
    "phone_line": {"phone"},
    "email_line": {"email"},
    "source_line": {"source"},
    "checked_line": {"checked"},
    "municipality_set": {"municipality"},
    "console_help": {"area"},
    "location_confirm": {"municipality"},
    "points_in_municipality": {"municipality"},
    "staff_alert": {"update_id", "error"},
    "button_map": {"name"},
    "button_contact": {"name"},
    "button_other_points": {"municipality"},
    "reload_ok": {"version"},
    "reload_failed": {"count", "version"},
    "reload_more_errors": {"count"},
    "stats_answers": {"answers", "unanswered"},
    "stats_feedback": {"helpful", "not_helpful", "ratio"},
    "unanswered_similar": {"count"},
    "handoff_open_already": {"case"},
    "handoff_back": {"weekday", "day", "month", "hour", "minute"},
    "handoff_sent": {"case"},
    "handoff_reply": {"case", "reply"},
    "handoff_case_closed": {"case"},
    "handoff_closed_by_you": {"case"},
    "handoff_unavailable": {"url"},
    "staff_case": {"case", "person_language", "municipality", "last_answer", "question"},
    "staff_case_more": {"case", "question"},
    "staff_delivered": {"case"},
    "staff_closed": {"case"},
    "staff_cancelled": {"case"},
    "staff_undeliverable": {"case"},
    "staff_undeliverable_web": {"case"},
    "web_too_long": {"limit"},
    "web_help": {"person"},
    "hours_time": {"hour", "minute"},
    "hours_date": {"day", "month"},
    "hours_open_until": {"time"},
    "hours_open_until_appointment": {"time"},
    "hours_closed_opens": {"when", "time"},
    "hours_closed_opens_appointment": {"when", "time"},
    "hours_on_date": {"weekday", "day", "month"},
    "hours_week_heading": {"first", "last"},
    "hours_week_line": {"weekday", "date", "hours"},
    # privacy notice and erasure (bot/conversation/privacy_notice.py, bot/conversation/erasure.py)
    "reset_counts": {"settings", "answers", "feedback", "cases", "waiting"},
    "privacy_notice": {"days"},
    "privacy_notice_web": {"days", "minutes"},
    "privacy_no_handoff": {"url"},
    "privacy_controller": {"controller"},
    "privacy_contact": {"contact"},
    "privacy_policy_link": {"url"},
    "municipality_not_recognised": {"name", "municipalities"},
    "municipality_usage": {"municipalities"},
}
REQUIRED_TEXTS = (
    "ask_municipality", "ask_role", "ask_village", "newcomer_answer", "newcomer_place",
    "asked_point", "their_point", "points_heading_many", "aland",
    "merged", "contact_unknown", "checked_line", "choose_by_number", "button_role_jobseeker",
    "button_role_employer", "out_of_area", "register_online", "your_point", "your_points",
    "points_heading", "former_address", "phone_line", "email_line", "source_line",
    "foreign_language_note", "area_wide", "ask_more", "fallback", "greeting", "thanks", "empty",
    "out_of_area_served_by", "out_of_area_website", "out_of_area_unknown_area", "not_ours", "also_job_seeker",
    "also_ask_municipality", "reform_note", "municipality_website", "employer_contact", "organisation_phone",
    "out_of_scope",
    "unknown_benefit", "unknown_service",
    "municipality_set", "open_now", "closed_now", "console_help", "console_reset", "other_script",
    # opening hours in words (bot/engine/hours_text.py)
    "hours_time", "hours_date", "hours_open_until", "hours_open_until_appointment", "hours_closed_opens",
    "hours_closed_opens_appointment", "hours_today", "hours_tomorrow", "hours_weekdays_on", "hours_on_date",
    "hours_week_heading", "hours_week_line", "hours_closed_day", "hours_holiday", "hours_by_appointment",
    # Telegram channel
    "help", "command_start", "command_help", "command_language", "command_municipality", "command_reset",
    "choose_language", "language_set", "choose_municipality", "home_elsewhere", "location_prompt",
    "location_confirm", "your_location", "points_in_municipality", "reset_done", "unsupported_message",
    "flood_notice", "error", "interrupted_answer", "staff_alert", "button_map", "button_contact", "button_other_points",
    "button_choose_municipality", "button_elsewhere", "button_help", "button_share_location", "button_yes",
    "button_no", "button_language_fi", "button_language_sv", "button_language_en",
    "button_helpful", "button_not_helpful", "feedback_thanks",
    # staff only
    "command_reload", "command_stats", "command_unanswered", "command_feedback", "reload_ok", "reload_failed",
    "reload_more_errors", "stats_heading", "stats_last_week", "stats_all_time", "stats_answers", "stats_feedback",
    "stats_no_feedback", "stats_by_municipality", "stats_by_topic", "stats_by_language", "stats_none",
    "stats_unknown", "unanswered_heading", "unanswered_similar", "unanswered_none", "feedback_heading",
    "feedback_worst_topics",
    # hand-over to a person
    "command_human", "command_cancel", "help_handoff", "button_ask_person", "button_reply_staff", "handoff_intro",
    "handoff_open_already", "handoff_closed_now", "handoff_back", "weekdays", "handoff_sent", "handoff_not_text",
    "handoff_reply", "handoff_case_closed", "handoff_cancelled", "handoff_closed_by_you", "handoff_nothing_open",
    "handoff_unavailable", "staff_case", "staff_case_more", "staff_unknown", "staff_delivered", "staff_closed",
    "staff_cancelled", "staff_undeliverable", "staff_undeliverable_web", "staff_no_case", "staff_text_only",
    "button_cancel_handoff", "web_help", "web_help_person",
    "web_title", "web_message", "web_send", "web_you", "web_choices", "web_conversation", "web_too_long",
    "web_unknown_choice", "web_slow_down", "web_failed", "web_language", "web_vote", "web_check_replies",
    "web_privacy", "web_back",
    # privacy notice, erasure, the bot's description; municipality names in commands
    "command_privacy", "reset_counts", "reset_nothing", "privacy_notice", "privacy_handoff", "privacy_no_handoff",
    "privacy_notice_web", "privacy_handoff_web",
    "privacy_controller", "privacy_contact", "privacy_controller_unknown", "privacy_contact_unknown",
    "privacy_policy_link", "privacy_pointer", "bot_description", "bot_short_description",
    "municipality_not_recognised", "municipality_usage",
)


def top(data: Any, file: str, key: str, errors: list[KBError]) -> Fields:
    """The file's top-level mapping, which must hold `key`."""
    fields = Fields(data, file, errors, file)
    fields.present(key, True)
    return fields


def build_area(data: Any, file: str, errors: list[KBError]) -> Area | None:
    root = top(data, file, "area", errors)
    if "area" not in root.data:
        return None
    f = root.sub("area", "area")
    f.check_keys({"id", "name", "municipalities", "online_service", "phone_service", "lead_municipality", "source",
                  "checked"})
    members = f.strings("municipalities", required=True)
    lead = f.string("lead_municipality", required=False)
    if lead and lead not in members:
        f.error(f.line("lead_municipality"),
                f"area: lead_municipality {lead!r} is not one of the area's municipalities",
                f"write one of: {', '.join(members)}, or remove the line")
        lead = ""
    online = f.sub("online_service", "area: online_service")
    online.check_keys({"name", "url", "source", "checked"})
    phone = f.sub("phone_service", "area: phone_service")
    phone.check_keys({"number", "source", "checked"})
    return Area(
        id=f.identifier(),
        name=f.text("name"),
        municipalities=members,
        online_service_name=online.text("name"),
        online_service_url=online.string("url"),
        phone_number=phone.string("number", required=False),
        source=f.string("source"),
        checked=f.checked_day(),
        lead_municipality=lead,
    )


def _place(value: Any, line: int, file: str, errors: list[KBError], what: str) -> Place | None:
    if isinstance(value, str):
        return Place(value.strip())
    f = Fields(value, file, errors, what, line)
    f.check_keys({"name", "genitive", "forms", "also_in", "everyday"})
    name = f.string("name")
    if not name:
        return None
    return Place(name, f.string("genitive", required=False), f.strings("forms"), f.strings("also_in"),
                 f.boolean("everyday", False))


def build_municipalities(data: Any, file: str, errors: list[KBError]) -> list[tuple[Municipality, int]]:
    root = top(data, file, "municipalities", errors)
    out = []
    code_of: dict[str, str] = {}
    for raw, line in root.items("municipalities", file):
        f = Fields(raw, file, errors, "municipality", line)
        f.check_keys({"id", "code", "name", "genitive", "forms", "demonym", "aliases", "region", "centre",
                      "postal_codes", "villages", "radius_km", "website", "foreign_names"})
        mid = f.identifier()
        f.what = f"municipality {mid!r}"
        names = f.sub("name", f"{f.what}: name")
        names.check_keys({"fi", "sv", "en"})
        name = {lang: names.string(lang, required=lang in LANGUAGES) for lang in ("fi", "sv", "en")}
        centre = f.sub("centre", f"{f.what}: centre")
        centre.check_keys({"lat", "lon"})
        codes = []
        for value, code_line in f.items("postal_codes", f.what):
            code = f.postal_code(value, code_line)
            if code:
                codes.append(code)
        villages = []
        for value, village_line in f.items("villages", f.what, required=False):
            place = _place(value, village_line, file, errors, f"{f.what}: village")
            if place:
                villages.append(place)
        municipality = Municipality(
            id=mid,
            name={k: v for k, v in name.items() if v},
            genitive=f.string("genitive"),
            forms=f.strings("forms"),
            demonym=f.string("demonym", required=False),
            aliases=f.strings("aliases"),
            region=f.string("region", required=False),
            centre=(centre.number("lat", 59.5, 70.2), centre.number("lon", 19.0, 31.6)),
            postal_codes=tuple(codes),
            villages=tuple(villages),
            radius_km=f.number("radius_km", 5.0, 150.0) if "radius_km" in f.data else 40.0,
            code=_municipality_code(f, code_of),
            website=_point_website(f),
            foreign_names=f.strings("foreign_names"),
        )
        out.append((municipality, line))
    return out


_MUNICIPALITY_CODE = re.compile(r"[0-9]{3}")


def _municipality_code(f: Fields, code_of: dict[str, str]) -> str:
    """Statistics Finland's three-digit code, in quotes; optional, but no two municipalities share one."""
    if f.data.get("code") is None:
        return ""
    value, line = f.data["code"], f.line("code")
    fix = 'write the three digits of Statistics Finland\'s municipality classification in quotes, e.g. code: "205"'
    if isinstance(value, int) and not isinstance(value, bool):
        f.error(line, f"{f.what}: code {value} is not in quotes, so it is read as a number (a leading 0 is lost)", fix)
        return ""
    code = value.strip() if isinstance(value, str) else ""
    if not _MUNICIPALITY_CODE.fullmatch(code):
        f.error(line, f"{f.what}: code {value!r} is not three digits", fix)
        return ""
    if code in code_of:
        f.error(line, f"{f.what}: code {code} is also {code_of[code]}'s",
                "each municipality has its own code: check both in Statistics Finland's classification")
        return ""
    code_of[code] = str(f.data.get("id", ""))
    return code


def build_other_municipalities(data: Any, file: str, errors: list[KBError]) -> list[tuple[OtherMunicipality, int]]:
    root = top(data, file, "other_municipalities", errors)
    out = []
    for raw, line in root.items("other_municipalities", file):
        f = Fields(raw, file, errors, "other municipality", line)
        f.check_keys({"name", "genitive", "sv", "en", "region", "forms", "demonym", "merged_into", "merged_year"})
        name = f.string("name")
        f.what = f"other municipality {name!r}"
        merged_into = f.string("merged_into", required=False)
        demonym = f.string("demonym", required=False)
        if demonym and not demonym.lower().endswith(("lainen", "läinen")):
            f.error(f.line("demonym"), f"{f.what}: demonym {demonym!r} does not end in -lainen or -läinen",
                    "write the word for one inhabitant, e.g. demonym: lahtelainen")
        out.append((OtherMunicipality(
            name=name,
            genitive=f.string("genitive"),
            sv=f.string("sv", required=False),
            en=f.string("en", required=False),
            region=f.string("region", required=False),
            forms=f.strings("forms"),
            merged_into=merged_into,
            merged_year=_merged_year(f, merged_into),
            demonym=demonym,
        ), line))
    return out


def _merged_year(f: Fields, merged_into: str) -> int | None:
    """The year a former municipality was merged; given together with merged_into, never alone."""
    if not f.present("merged_year", False):
        if merged_into:
            f.error(f.line("merged_into"), f"{f.what}: merged_into is given without merged_year",
                    "add merged_year: <the year the merger took effect>, e.g. merged_year: 2020")
        return None
    value = f.data["merged_year"]
    if isinstance(value, bool) or not isinstance(value, int) or not 1860 <= value <= date.today().year + 1:
        f.error(f.line("merged_year"), f"{f.what}: merged_year {value!r} is not a year",
                "write the year the merger took effect as four digits, e.g. merged_year: 2020")
        return None
    if not merged_into:
        f.error(f.line("merged_year"), f"{f.what}: merged_year is given without merged_into",
                "add merged_into: <the current municipality>, or remove merged_year")
    return value


#: A place name the bot can read: words of letters a–z, å, ä, ö (é, ü, š, ž), joined by a space, hyphen,
#: apostrophe or a full stop ("Yli-Ii", "Hanko Pohjoinen"); no digits or other signs.
PLACE_NAME = re.compile(r"[a-zåäöéüšž]+(?:(?:[ '’-]|\. ?)[a-zåäöéüšž]+)*\.?")
_FIVE_DIGITS = re.compile(r"[0-9]{5}")


def build_other_places(data: Any, file: str, errors: list[KBError]) -> OtherPlaces:
    """Postal codes and localities outside the area (an optional file; empty when absent or empty).

    Only the form is checked here; that each municipality is listed and no area code is, is checked with
    the other files in references.py. The file is long, so well-formed entries take a short path.
    """
    if data is None:
        return OtherPlaces({}, {})
    root = Fields(data, file, errors, file)
    root.check_keys({"postal_codes", "localities"})
    codes: dict[str, str] = {}
    if root.present("postal_codes", False):
        sub = root.sub("postal_codes", "postal_codes")
        if _only(str, sub.data) and all(map(_FIVE_DIGITS.fullmatch, sub.data)) and _all_text(sub.data.values()):
            codes = dict(sub.data)  # the usual case, checked whole: every entry is well-formed
        for key, value in () if codes else sub.data.items():
            line = sub.line(key)
            code = _quoted_code(key, line, sub)
            name = _municipality_of(value, line, sub, f"postal code {key}", f'"{code or "88340"}": Vaala')
            if code and name:
                codes[code] = name
    localities: dict[str, tuple[str, ...]] = {}
    if root.present("localities", False):
        sub = root.sub("localities", "localities")
        lists = list(sub.data.values())
        if (_only(str, sub.data) and all(map(PLACE_NAME.fullmatch, map(str.lower, sub.data)))
                and _only((list, LineList), lists) and all(lists)
                and _all_text(chain.from_iterable(lists))):
            localities = dict(zip(sub.data, map(tuple, lists), strict=True))  # the usual case, checked whole
        for key, value in () if localities else sub.data.items():
            name = key.strip() if type(key) is str else ""
            readable = bool(name) and PLACE_NAME.fullmatch(name.lower()) is not None
            if readable and isinstance(value, list) and value and all(type(v) is str and v.strip() for v in value):
                localities[name] = tuple(v.strip() for v in value)
                continue
            line = sub.line(key)
            if not readable:
                shown = repr(key) if isinstance(key, str) else f"{key!r} ({_kind(key)})"
                sub.error(line, f"locality {shown} is not a name the bot can read",
                          "write the name with letters a–z, å, ä and ö, words joined by a space or a hyphen, "
                          "no digits or other signs (in quotes if YAML reads it as yes/no or a number)")
                continue
            if isinstance(value, str) and value.strip():
                localities[name] = (value.strip(),)
                continue
            if not isinstance(value, list) or not value:
                sub.error(line, f"locality {name!r}: give its municipality as a list, got {_kind(value)}",
                          f"write it as {name}: [<municipality>], e.g. Sukeva: [Sonkajärvi]")
                continue
            found = [_municipality_of(item, line, sub, f"locality {name!r}", f"{name}: [Sonkajärvi]")
                     for item in value]
            if all(found):
                localities[name] = tuple(found)
    return OtherPlaces(codes, localities)


def _only(kinds: type | tuple[type, ...], values: Iterable[Any]) -> bool:
    """Every value is of these exact types (not bool for int, say), checked at C speed."""
    return set(map(type, values)) <= set(kinds if isinstance(kinds, tuple) else (kinds,))


def _all_text(values: Iterable[Any]) -> bool:
    """Every value is text, non-empty and without spaces around it (checked once per distinct value)."""
    values = list(values)
    return _only(str, values) and all(value and value == value.strip() for value in set(values))


def _quoted_code(key: Any, line: int, f: Fields) -> str:
    if isinstance(key, int) and not isinstance(key, bool):
        f.error(line, f"postal code {key} is not in quotes, so it is read as a number (a leading 0 changes it)",
                'write every postal code as five digits in quotes, e.g. "88340": Vaala')
        return ""
    text = key.strip() if isinstance(key, str) else ""
    if not _FIVE_DIGITS.fullmatch(text):
        f.error(line, f"postal code {key!r} is not five digits",
                'write it as five digits in quotes, e.g. "88340": Vaala')
        return ""
    return text


def _municipality_of(value: Any, line: int, f: Fields, what: str, example: str) -> str:
    if isinstance(value, str) and value.strip():
        return value.strip()
    f.error(line, f"{what}: the municipality must be its Finnish name, got {_kind(value)}",
            f"write the name of a municipality listed in other_municipalities.yaml, e.g. {example}")
    return ""


def _address_of(sub: Fields) -> Address:
    sub.check_keys({"street", "postal_code", "town"})
    code = sub.postal_code(sub.data.get("postal_code"), sub.line("postal_code")) \
        if sub.present("postal_code", True) else ""
    return Address(sub.string("street"), code, sub.string("town"))


def _opening_hours(f: Fields) -> OpeningHours:
    if not f.present("opening_hours", False):
        return OpeningHours()
    return opening_hours_of(f.sub("opening_hours", f"{f.what}: opening_hours"), f.what)


def build_service_points(data: Any, file: str, errors: list[KBError]) -> list[tuple[ServicePoint, int]]:
    root = top(data, file, "service_points", errors)
    out = []
    ptv_ids: dict[str, str] = {}
    for raw, line in root.items("service_points", file):
        f = Fields(raw, file, errors, "service point", line)
        f.check_keys({"id", "ptv_id", "municipality", "name", "address", "location", "serves", "audiences",
                      "languages", "description", "aliases", "former_addresses", "phone", "email", "website",
                      "opening_hours", "source", "checked"})
        pid = f.identifier()
        f.what = f"service point {pid!r}"
        audiences = f.strings("audiences", required=True)
        for value in audiences:
            if value not in POINT_AUDIENCES:
                f.error(f.line("audiences"), f"{f.what}: unknown audience {value!r}",
                        f"use one of: {', '.join(sorted(POINT_AUDIENCES))}")
        languages = f.strings("languages", required=True)
        for value in languages:
            if value not in POINT_LANGUAGES:
                f.error(f.line("languages"), f"{f.what}: unknown language {value!r}",
                        f"use one of: {', '.join(sorted(POINT_LANGUAGES))}")
        aliases: dict[str, tuple[str, ...]] = {}
        if f.present("aliases", False):
            sub = f.sub("aliases", f"{f.what}: aliases")
            sub.check_keys(set(LANGUAGES))
            aliases = {lang: sub.strings(lang) for lang in LANGUAGES}
        former = []
        for value, former_line in f.items("former_addresses", f.what, required=False):
            former.append(_address_of(Fields(value, file, errors, f"{f.what}: former address", former_line)))
        email = f.string("email", required=False)
        if email and not re.match(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", email):
            f.error(f.line("email"), f"{f.what}: e-mail {email!r} does not look like an address",
                    "write it as name@example.fi, or leave it empty")
        out.append((ServicePoint(
            id=pid,
            municipality=f.string("municipality"),
            name=f.text("name"),
            address=_address_of(f.sub("address", f"{f.what}: address")),
            serves=f.strings("serves", required=True),
            audiences=audiences,
            languages=languages,
            description=f.text("description"),
            aliases=aliases,
            former_addresses=tuple(former),
            phone=f.string("phone", required=False),
            email=email,
            opening_hours=_opening_hours(f),
            source=f.string("source"),
            checked=f.checked_day(),
            ptv_id=_ptv_id(f, ptv_ids),
            location=_location(f),
            website=_point_website(f),
        ), line))
    return out


_PTV_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _ptv_id(f: Fields, point_of: dict[str, str]) -> str:
    """The PTV channel id `kb import-ptv` wrote; one channel is one point."""
    value = f.string("ptv_id", required=False).lower()
    if not value:
        return ""
    if not _PTV_ID.fullmatch(value):
        f.error(f.line("ptv_id"), f"{f.what}: ptv_id {value!r} is not a PTV id",
                "copy the service location's id from PTV (8-4-4-4-12 hexadecimal digits), or remove the line")
        return ""
    if value in point_of:
        f.error(f.line("ptv_id"), f"{f.what}: ptv_id {value} is also {point_of[value]}'s",
                "one PTV service location is one point: remove the line from the point it is not")
        return ""
    point_of[value] = str(f.data.get("id", ""))
    return value


def _location(f: Fields) -> tuple[float, float] | None:
    """WGS84 latitude and longitude, inside Finland's bounding box."""
    if f.data.get("location") is None:
        return None
    sub = f.sub("location", f"{f.what}: location")
    sub.check_keys({"lat", "lon"})
    return sub.number("lat", 59.5, 70.2), sub.number("lon", 19.0, 31.6)


def _point_website(f: Fields) -> str:
    """The point's own web page: a whole http(s) address (PTV has some http ones), or nothing."""
    url = f.string("website", required=False)
    if url and not re.fullmatch(r"https?://[^\s/]+\.[^\s]+", url):
        f.error(f.line("website"), f"{f.what}: website {url!r} is not a web address",
                "write the whole address starting with https://, e.g. https://www.kajaani.fi, or remove the line")
        return ""
    return url


def build_services(data: Any, file: str, errors: list[KBError]) -> list[tuple[Service, int]]:
    root = top(data, file, "services", errors)
    out = []
    for raw, line in root.items("services", file):
        f = Fields(raw, file, errors, "service", line)
        f.check_keys({"id", "name", "description", "source", "checked"})
        sid = f.identifier()
        f.what = f"service {sid!r}"
        out.append((Service(sid, f.text("name"), f.text("description"), f.string("source"), f.checked_day()), line))
    return out


def build_routing(data: Any, file: str, errors: list[KBError]) -> Routing:
    root = Fields(data, file, errors, file)
    root.check_keys({"home_points", "default_topic", "topics", "audiences", "youth_ages", "source", "checked"})
    homes = root.sub("home_points", "home_points")
    home_points = {str(k): homes.string(k) for k in homes.data}
    topics_f = root.sub("topics", "topics")
    topics: dict[str, TopicRoute] = {}
    for key in topics_f.data:
        t = topics_f.sub(key, f"topic {key!r}")
        t.check_keys({"points", "needs_municipality", "audience_routes", "implies_audience", "register_online",
                      "channel"})
        implied = t.string("implies_audience", required=False) or None
        topics[str(key)] = TopicRoute(
            points=t.strings("points", required=True),
            needs_municipality=t.boolean("needs_municipality", False),
            audience_routes=t.strings("audience_routes"),
            implies_audience=implied,
            register_online=t.boolean("register_online", False),
            channel=t.boolean("channel", False),
        )
    audiences_f = root.sub("audiences", "audiences")
    audiences: dict[str, AudienceRoute] = {}
    for key in audiences_f.data:
        a = audiences_f.sub(key, f"audience {key!r}")
        a.check_keys({"points", "default_topic", "topics"})
        if key not in AUDIENCES:
            a.error(audiences_f.line(key), f"unknown audience {key!r}", f"use one of: {', '.join(AUDIENCES)}")
        points_f = a.sub("points", f"audience {key!r}: points")
        points = {str(k): points_f.strings(k) for k in points_f.data}
        audiences[str(key)] = AudienceRoute(points, a.string("default_topic", required=False) or None,
                                            a.strings("topics"))
    root.string("source")
    root.day()
    ages = root.sub("youth_ages", "youth_ages") if root.present("youth_ages", False) else None
    youth_ages = (int(ages.number("from", 10, 40)), int(ages.number("to", 10, 40))) if ages else (15, 29)
    if ages:
        ages.check_keys({"from", "to"})
    return Routing(home_points, root.string("default_topic"), topics, audiences, youth_ages)


def _phrase_groups(f: Fields, key: str) -> dict[str, dict[str, tuple[str, ...]]]:
    if not f.present(key, key != "smalltalk"):
        return {}
    groups = f.sub(key, key)
    out = {}
    for name in groups.data:
        g = groups.sub(name, f"{key}: {name}")
        g.check_keys(set(LANGUAGES))
        out[str(name)] = {lang: g.strings(lang) for lang in LANGUAGES}
    return out


def build_phrasings(data: Any, file: str, errors: list[KBError]) -> Phrasings:
    root = Fields(data, file, errors, file)
    root.check_keys({"topics", "audiences", "smalltalk", "home_cues", "followup_cues", "correction_cues",
                     "place_cues", "employer_signals", "asks"})

    def cues(key: str) -> dict[str, tuple[str, ...]]:
        if not root.present(key, False):
            return {}
        sub = root.sub(key, key)
        sub.check_keys(set(LANGUAGES))
        return {lang: sub.strings(lang) for lang in LANGUAGES}

    return Phrasings(_phrase_groups(root, "topics"), _phrase_groups(root, "audiences"),
                     _phrase_groups(root, "smalltalk"), cues("home_cues"), cues("followup_cues"),
                     cues("correction_cues"), _named_groups(root, "place_cues", PLACE_CUES),
                     _named_groups(root, "employer_signals", EMPLOYER_SIGNALS), _named_groups(root, "asks", ASKS))


def _named_groups(root: Fields, key: str, known: tuple[str, ...]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Optional word groups per language whose names the engine knows (place cues, employer signals)."""
    groups = _phrase_groups(root, key) if root.present(key, False) else {}
    sub = root.sub(key, key) if groups else None
    for name in groups:
        if name not in known and sub is not None:
            sub.error(sub.line(name), f"unknown {key} group {name!r}", f"use one of: {', '.join(known)}")
    return groups


#: language.yaml's word lists read folded, as the engine compares them with folded message words
_FOLDED_CUE_LISTS = ("at_work", "free_words", "free_theirs", "status_words", "status_verbs", "reason_words",
                     "where_words", "applying_words", "free_time_words", "seeking_words", "office_words",
                     "study_asking_words", "school_words", "not_school_words")


def build_language_cues(data: Any, file: str, errors: list[KBError]) -> dict[str, frozenset[str]]:
    """Cue words per language, and under "fi_endings" the word endings that suggest Finnish."""
    root = Fields(data, file, errors, file)
    root.check_keys({*ALL_LANGUAGES, "fi_endings", "neutral", "work_stems", "not_work", "benefit_words",
                     "benefit_endings", "service_endings", "foreign_offtopic", "need_stems", "foreign_work",
                     "spoken_forms", *_FOLDED_CUE_LISTS})
    cues = {lang: frozenset(w.lower() for w in root.strings(lang, required=True)) for lang in LANGUAGES}
    cues.update({lang: frozenset(w.lower() for w in root.strings(lang)) for lang in NEWCOMER_LANGUAGES})
    cues["fi_endings"] = frozenset(w.lower() for w in root.strings("fi_endings"))
    # words of any language that carry no need of their own: not counted as unexplained (engine/understand)
    cues["neutral"] = frozenset(w.lower() for w in root.strings("neutral"))
    cues["work_stems"] = frozenset(w.lower() for w in root.strings("work_stems"))
    cues["not_work"] = frozenset(w.lower() for w in root.strings("not_work"))
    cues["need_stems"] = frozenset(w.lower() for w in root.strings("need_stems"))
    cues["benefit_words"] = frozenset(w.lower() for w in root.strings("benefit_words"))
    cues["benefit_endings"] = frozenset(w.lower() for w in root.strings("benefit_endings"))
    # word lists matched against folded message words ("työttömänä" as "tyottomana")
    cues.update({key: frozenset(fold(w) for w in root.strings(key)) for key in _FOLDED_CUE_LISTS})
    cues["service_endings"] = frozenset(w.lower() for w in root.strings("service_endings"))
    # read as written in messages in languages without texts (bot/engine/foreign_words.py)
    cues["foreign_offtopic"] = frozenset(root.strings("foreign_offtopic"))
    cues["foreign_work"] = frozenset(root.strings("foreign_work"))
    # "spoken standard" pairs, two words each (bot/engine/message.py SpokenForms)
    pairs = root.strings("spoken_forms")
    for pair in pairs:
        if len(pair.split()) != 2:
            root.error(root.line("spoken_forms"), f"{file}: spoken_forms item {pair!r} is not two words",
                       'write the spoken start of a word, a space and the standard start, e.g. "ilmott ilmoitt"')
    cues["spoken_forms"] = frozenset(p.lower() for p in pairs if len(p.split()) == 2)
    return cues


def build_texts(data: Any, file: str, errors: list[KBError]) -> dict[str, Text]:
    root = top(data, file, "texts", errors)
    texts_f = root.sub("texts", "texts")
    out: dict[str, Text] = {}
    for key in texts_f.data:
        text = texts_f.text(key)
        allowed = TEXT_PLACEHOLDERS.get(str(key), set())
        for lang, value in (("fi", text.fi), ("sv", text.sv), ("en", text.en), *text.more):
            try:
                fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(value)
                          if name is not None]
            except ValueError:
                texts_f.error(texts_f.line(key), f"text {key!r} ({lang}) has a stray {{ or }}",
                              "use { and } only around placeholder names")
                continue
            used = {name for name, _, _ in fields}
            if any(spec or conv for _, spec, conv in fields) or any(not name.isidentifier() for name in used):
                texts_f.error(texts_f.line(key), f"text {key!r} ({lang}) has a placeholder with extra signs",
                              "write placeholders as plain {name}, with nothing after a ':' or '!'")
                continue
            for name in sorted(used - allowed):
                texts_f.error(texts_f.line(key), f"text {key!r} ({lang}) uses unknown placeholder {{{name}}}",
                              f"use only: {', '.join(sorted(allowed)) or 'no placeholders'}")
        out[str(key)] = text
    for key in REQUIRED_TEXTS:
        if key not in out:
            texts_f.error(texts_f.line(), f"text {key!r} is missing", f"add '{key}:' with fi and en texts")
    return out


# -- other organisations and other employment areas (optional files) -----------------------------------

ORGANISATION_FIELDS = {"id", "name", "handles", "website", "group", "serves", "note", "job_seeker_note", "phones",
                       "phrasings", "foreign_words", "studies", "urgent", "source",
                       "checked"}
EMPLOYMENT_AREA_FIELDS = {"id", "name", "members", "website", "source", "checked"}
_PHONE_NUMBER = re.compile(r"\+?[0-9]+(?:[ -][0-9]+)*")


def build_organisations(data: Any, file: str, errors: list[KBError]) -> list[tuple[Organisation, int]]:
    """Other organisations (an optional file; none when absent). Their municipalities, groups and phrases are
    checked against the other files in references.py."""
    if data is None:
        return []
    root = top(data, file, "organisations", errors)
    root.string("source", required=False)
    root.checked_day()
    out = []
    for raw, line in root.items("organisations", file):
        f = Fields(raw, file, errors, "organisation", line)
        oid = f.identifier()
        f.what = f"organisation {oid!r}" if oid else f.what
        f.check_keys(ORGANISATION_FIELDS)
        group = f.string("group", required=False)
        if group and not _GROUP.fullmatch(group):
            f.error(f.line("group"), f"{f.what}: group {group!r} is not a valid id",
                    "use lower-case letters a-z, digits and _ only, e.g. group: wellbeing_county")
        phones = []
        for value, phone_line in f.items("phones", f.what, required=False):
            phone = _phone(Fields(value, file, errors, f"{f.what}: phone", phone_line))
            if phone:
                phones.append(phone)
        out.append((Organisation(
            id=oid,
            name=f.text("name"),
            handles=f.text("handles"),
            website=website(f),
            group=group,
            serves=f.strings("serves"),
            note=_optional_text(f, "note"),
            job_seeker_note=_optional_text(f, "job_seeker_note"),
            phones=tuple(phones),
            phrasings=_phrasings(f),
            foreign_words=f.strings("foreign_words"),
            studies=f.boolean("studies", False),
            urgent=f.boolean("urgent", False),
            source=_source(f),
            checked=f.checked_day(),
        ), line))
    return out


def build_employment_areas(data: Any, file: str, errors: list[KBError]
                           ) -> tuple[list[tuple[EmploymentArea, int]], tuple[str, ...]]:
    """Other employment areas and the municipalities no source placed (an optional file; none when absent).
    That each member is a municipality outside our area, in one area only, is checked in references.py."""
    if data is None:
        return [], ()
    root = top(data, file, "employment_areas", errors)
    root.string("source", required=False)
    root.checked_day()
    out = []
    for raw, line in root.items("employment_areas", file):
        f = Fields(raw, file, errors, "employment area", line)
        aid = f.identifier()
        f.what = f"employment area {aid!r}" if aid else f.what
        f.check_keys(EMPLOYMENT_AREA_FIELDS)
        members = f.strings("members", required=True)
        if f.present("members", False) and isinstance(f.data["members"], list) and not f.data["members"]:
            f.error(f.line("members"), f"{f.what}: members is empty",
                    "list its municipalities' Finnish names, e.g. members: [Oulu, Kempele], or remove the area")
        out.append((EmploymentArea(
            id=aid,
            name=f.text("name"),
            members=members,
            website=website(f),
            source=_source(f),
            checked=f.checked_day(),
        ), line))
    return out, root.strings("unplaced")


def build_source_names(data: Any, file: str, errors: list[KBError]) -> SourceNames:
    """Short names of the documents behind the facts, per language (an optional file; none when absent)."""
    if data is None:
        return SourceNames()
    root = top(data, file, "sources", errors)
    documents = []
    for raw, line in root.items("sources", file):
        f = Fields(raw, file, errors, "source", line)
        f.check_keys({"match", "name"})
        match = f.string("match", required=True)
        f.what = f"source {match[:40]!r}" if match else f.what
        documents.append(SourceName(match, f.text("name")))
    words: dict[str, dict[str, str]] = {}
    if root.present("words", False):
        sub = root.sub("words", "words")
        for word in sub.data:
            forms = sub.sub(word, f"words: {word}")
            forms.check_keys({"sv", "en"})
            words[str(word)] = {lang: forms.string(lang) for lang in ("sv", "en") if forms.string(lang)}
    return SourceNames(tuple(documents), words)


_GROUP = re.compile(r"[a-z][a-z0-9_]*")


def website(f: Fields) -> str:
    """An https address, or "" when no source gives one."""
    url = f.string("website", required=True)
    if url and (not url.startswith("https://") or len(url) <= len("https://") or any(c.isspace() for c in url)):
        f.error(f.line("website"), f"{f.what}: website {url!r} is not an https address",
                'write the full address starting with https://, e.g. https://www.kela.fi, or "" when no source '
                "gives one")
        return ""
    return url


def _source(f: Fields) -> str:
    """Where the facts come from: required and never empty, as users see it under the answer."""
    source = f.string("source")
    if "source" in f.data and f.data["source"] is not None and not source:
        f.error(f.line("source"), f"{f.what}: source is empty",
                "write the documents the facts come from and their dates, in words a user understands")
    return source


def _optional_text(f: Fields, key: str) -> Text | None:
    """An optional fi/sv/en text; absent, or with every language left empty, it is None."""
    value = f.data.get(key)
    if value is None or (isinstance(value, dict) and all(v in (None, "") for v in value.values())):
        return None
    return f.text(key)


def _phone(f: Fields) -> Phone | None:
    f.check_keys({"number", "label"})
    number = f.string("number")
    if number and not _PHONE_NUMBER.fullmatch(number):
        f.error(f.line("number"), f"{f.what}: number {number!r} is not a phone number",
                'write digits with spaces, in quotes, e.g. number: "116117" or number: "+358 29 501 6620"')
        return None
    return Phone(number, _optional_text(f, "label")) if number else None


def _phrasings(f: Fields) -> dict[str, tuple[str, ...]]:
    if not f.present("phrasings", False):
        return {}
    sub = f.sub("phrasings", f"{f.what}: phrasings")
    sub.check_keys(set(LANGUAGES))
    by_language = {language: sub.strings(language) for language in LANGUAGES}
    return {language: phrases for language, phrases in by_language.items() if phrases}
