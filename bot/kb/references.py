"""Checks across files: every id one file names must exist in another, and names must not clash."""

from __future__ import annotations

from itertools import chain
from typing import Any

from bot.kb.errors import KBError
from bot.kb.model import KnowledgeBase
from bot.kb.normalise_names import _FOLD, fold, words
from bot.kb.sections import AUDIENCES, PHRASING_AUDIENCES
from bot.kb.yamlsource import LineList


def _line(data: Any, *path: Any) -> int:
    """Line of the innermost key along `path` in the raw YAML, or the nearest known line."""
    line = getattr(data, "line", 1) or 1
    for key in path:
        if not isinstance(data, dict) or key not in data:
            break
        line = data.line_of(key) if hasattr(data, "line_of") else line
        data = data[key]
    return line


def check_references(kb: KnowledgeBase, raw: dict[str, Any], shown: dict[str, str],
                     entries: dict[str, list[tuple[Any, int]]], errors: list[KBError]) -> None:
    def err(kind: str, line: int, message: str, fix: str) -> None:
        errors.append(KBError(shown[kind], line, message, fix))

    municipality_ids = set(kb.municipalities)
    point_ids = set(kb.service_points)
    mun_list = ", ".join(sorted(municipality_ids))

    for mid in kb.area.municipalities:
        if mid not in municipality_ids:
            err("area", _line(raw["area"], "area", "municipalities"), f"area lists unknown municipality {mid!r}",
                f"use one of: {mun_list}")
    for mid in municipality_ids - set(kb.area.municipalities):
        err("area", _line(raw["area"], "area", "municipalities"), f"municipality {mid!r} is not in the area's list",
            "add it to area.municipalities")

    for point, line in entries["points"]:
        if point.municipality and point.municipality not in municipality_ids:
            err("service_points", line, f"service point {point.id!r}: unknown municipality {point.municipality!r}",
                f"use one of: {mun_list}")
        for mid in point.serves:
            if mid not in municipality_ids:
                err("service_points", line, f"service point {point.id!r} serves unknown municipality {mid!r}",
                    f"use one of: {mun_list}")

    _check_words(kb, raw, entries, err)
    _check_routing(kb, raw["routing"], err, municipality_ids, point_ids)
    _check_phrasings(kb, raw["phrasings"], err)
    _check_names(kb, raw["municipalities"], entries, err)
    _check_other_places(kb, raw["other_places"], entries, err)
    _check_organisations(raw["organisations"], entries, municipality_ids, err)
    _check_employment_areas(raw["employment_areas"], entries, err)


def _check_point_list(points: tuple[str, ...], point_ids: set[str], line: int, where: str, err: Any) -> None:
    for pid in points:
        if pid != "own" and pid not in point_ids:
            err("routing", line, f"{where}: unknown service point {pid!r}",
                "use 'own' or an id from service_points.yaml")


def _check_routing(kb: KnowledgeBase, raw: Any, err: Any, municipality_ids: set[str], point_ids: set[str]) -> None:
    routing = kb.routing
    for mid, pid in routing.home_points.items():
        line = _line(raw, "home_points", mid)
        if mid not in municipality_ids:
            err("routing", line, f"home_points: unknown municipality {mid!r}", "use an id from municipalities.yaml")
        if pid not in point_ids:
            err("routing", line, f"home_points: unknown service point {pid!r}", "use an id from service_points.yaml")
    for mid in sorted(municipality_ids - set(routing.home_points)):
        err("routing", _line(raw, "home_points"), f"municipality {mid!r} has no home point",
            f"add '{mid}: <service point id>' under home_points")
    if routing.default_topic not in routing.topics:
        err("routing", _line(raw, "default_topic"), f"default_topic {routing.default_topic!r} has no route",
            "name a topic listed under topics")
    for tid, route in routing.topics.items():
        line = _line(raw, "topics", tid)
        if tid not in kb.services:
            err("routing", line, f"topic {tid!r} is not a service", "use an id from services.yaml")
        _check_point_list(route.points, point_ids, line, f"topic {tid!r}", err)
        for aud in route.audience_routes:
            if aud not in routing.audiences:
                err("routing", line, f"topic {tid!r}: audience {aud!r} has no routing",
                    f"use one of: {', '.join(sorted(routing.audiences))}")
        if route.implies_audience and route.implies_audience not in AUDIENCES:
            err("routing", line, f"topic {tid!r}: unknown audience {route.implies_audience!r}",
                f"use one of: {', '.join(AUDIENCES)}")
    for sid in sorted(set(kb.services) - set(routing.topics)):
        err("routing", _line(raw, "topics"), f"service {sid!r} has no route",
            f"add '{sid}: {{points: [own]}}' under topics")
    for aid, aroute in routing.audiences.items():
        for topic in aroute.topics:
            if topic not in routing.topics:
                err("routing", _line(raw, "audiences", aid, "topics"), f"audience {aid!r}: unknown topic {topic!r}",
                    f"use one of: {', '.join(sorted(routing.topics))}")
        for key, points in aroute.points.items():
            line = _line(raw, "audiences", aid, "points", key)
            if key not in municipality_ids | {"default", "unknown"}:
                err("routing", line, f"audience {aid!r}: unknown municipality {key!r}",
                    "use a municipality id, 'default' or 'unknown'")
            _check_point_list(points, point_ids, line, f"audience {aid!r}", err)
        if aroute.default_topic and aroute.default_topic not in routing.topics:
            err("routing", _line(raw, "audiences", aid), f"audience {aid!r}: unknown default_topic",
                "name a topic listed under topics")


def _check_phrasings(kb: KnowledgeBase, raw: Any, err: Any) -> None:
    owner: dict[str, str] = {}
    for tid, by_lang in kb.phrasings.topics.items():
        if tid not in kb.services:
            err("phrasings", _line(raw, "topics", tid), f"topic {tid!r} is not a service",
                "use an id from services.yaml")
        for phrases in by_lang.values():
            for phrase in phrases:
                key = fold(phrase)
                if owner.get(key, tid) != tid:
                    err("phrasings", _line(raw, "topics", tid),
                        f"the phrase {phrase!r} stands under both {owner[key]!r} and {tid!r}",
                        "keep it under one topic only")
                owner.setdefault(key, tid)
    for key in kb.phrasings.smalltalk:
        if key not in ("offtopic", "trivia", "request", "rumour") and key not in kb.texts:  # never a reply's key
            err("phrasings", _line(raw, "smalltalk", key), f"small-talk {key!r} has no reply text",
                f"add '{key}:' with fi and en to texts.yaml, or use 'offtopic', 'trivia' or 'request' "
                "(nobody's matter)")
    for aid in kb.phrasings.audiences:
        if aid not in PHRASING_AUDIENCES:
            err("phrasings", _line(raw, "audiences", aid), f"unknown audience {aid!r}",
                f"use one of: {', '.join(PHRASING_AUDIENCES)}")


def _check_names(kb: KnowledgeBase, raw: Any, entries: dict[str, list[tuple[Any, int]]], err: Any) -> None:
    """A place name must point to one place only, or the bot could send people to the wrong town.

    A village name may stand under two area municipalities only when each lists the other in
    `also_in`, so the bot knows to ask; an outside name may be listed once; a former municipality's
    `merged_into` must name a current one.
    """
    owner: dict[str, str] = {}
    codes: dict[str, str] = {}
    for municipality, line in entries["municipalities"]:
        for name in municipality.name.values():
            owner[fold(name)] = municipality.id
        for code in municipality.postal_codes:
            if codes.get(code, municipality.id) != municipality.id:
                err("municipalities", line, f"postal code {code} is listed for both {codes[code]!r} and "
                    f"{municipality.id!r}", "keep each postal code under one municipality")
            codes.setdefault(code, municipality.id)
    area_names = {m.name.get("fi", m.id): m.id for m, _ in entries["municipalities"]}
    current = {o.name for o, _ in entries["others"] if o.name and not o.merged_into}
    former = {o.name: o.merged_into for o, _ in entries["others"] if o.name and o.merged_into}
    holders: dict[str, list[tuple[Any, Any, int]]] = {}
    for municipality, line in entries["municipalities"]:
        own = municipality.name.get("fi", municipality.id)
        village_lines = _village_lines(raw, municipality.id, municipality.villages, line)
        for village, village_line in zip(municipality.villages, village_lines, strict=True):
            key = fold(village.name)
            if owner.get(key, municipality.id) != municipality.id:
                err("municipalities", village_line, f"village {village.name!r} of {municipality.id!r} has the same "
                    f"name as the municipality {owner[key]!r}", "remove it, or make the names differ")
            for name in village.also_in:
                if name == own:
                    err("municipalities", village_line, f"village {village.name!r}: also_in names its own "
                        f"municipality {own!r}", "list only OTHER municipalities that have a place of this name")
                elif name in former:
                    err("municipalities", village_line, f"village {village.name!r}: also_in names {name!r}, "
                        f"which is now part of {former[name]!r}", f"write {former[name]!r} instead")
                elif name not in area_names and name not in current:
                    err("municipalities", village_line, f"village {village.name!r}: also_in names {name!r}, "
                        "which is not a municipality", "write the Finnish name of a current municipality as in "
                        "municipalities.yaml or other_municipalities.yaml (with ä and ö)")
            holders.setdefault(key, []).append((municipality, village, village_line))
    for places in holders.values():
        for index, (municipality, village, village_line) in enumerate(places):
            for other, _, _ in places[:index]:
                if other.id == municipality.id:
                    err("municipalities", village_line, f"village {village.name!r} is listed twice under "
                        f"{municipality.id!r}", "remove the copy")
            for other, other_village, _ in places:
                other_name = other.name.get("fi", other.id)
                if other.id != municipality.id and other_name not in village.also_in:
                    own = municipality.name.get("fi", municipality.id)
                    err("municipalities", village_line, f"village {village.name!r} of {municipality.id!r} is also "
                        f"listed under {other.id!r}, but its also_in does not name {other_name!r}",
                        f"add {other_name} to its also_in (and {own} to the also_in of {other_village.name} "
                        f"under {other.id!r}) if both really have a place of this name; otherwise remove one")
    area_keys = set(owner) | set(holders)
    seen_other: dict[str, tuple[int, str, int]] = {}  # folded name -> (entry, its name, its line)
    for index, (other, line) in enumerate(entries["others"]):
        key = fold(other.name)
        if key in area_keys:
            err("other_municipalities", line, f"{other.name!r} is also an area municipality or village",
                "remove it from other_municipalities.yaml")
        for name in dict.fromkeys(fold(n) for n in (other.name, other.sv, other.en) if n):
            if name in seen_other and seen_other[name][0] != index:
                _, first_name, first_line = seen_other[name]
                what = repr(other.name) if name == key else f"{other.name!r} (by its sv/en name)"
                err("other_municipalities", line, f"{what} is listed twice: {first_name!r} at line {first_line} "
                    "has the same name", "remove the copy, or drop the clashing sv/en name")
            seen_other.setdefault(name, (index, other.name, line))
        if other.merged_into:
            target = other.merged_into
            if target == other.name:
                err("other_municipalities", line, f"{other.name!r} is merged into itself",
                    "write the current municipality it is part of, or remove merged_into")
            elif target in former:
                err("other_municipalities", line, f"{other.name!r}: merged_into {target!r} is itself a former "
                    f"municipality (now part of {former[target]!r})", f"write merged_into: {former[target]}")
            elif target not in current and target not in area_names:
                err("other_municipalities", line, f"{other.name!r}: merged_into {target!r} is not a listed "
                    "municipality", "write the Finnish name of a current municipality listed in this file "
                    "(without merged_into) or of an area municipality, e.g. merged_into: Nurmes")


def _check_other_places(kb: KnowledgeBase, raw: Any, entries: dict[str, list[tuple[Any, int]]], err: Any) -> None:
    """other_places.yaml: outside places only, each pointing at a current municipality listed elsewhere.

    The file is long: the checks are set look-ups, and lines are looked up only for an error.
    """
    places = kb.other_places
    if not places.postal_codes and not places.localities:
        return
    area_codes = {code: m.id for m, _ in entries["municipalities"] for code in m.postal_codes}
    area_names = {m.name.get("fi", m.id) for m, _ in entries["municipalities"]}
    current = {o.name for o, _ in entries["others"] if o.name and not o.merged_into}
    former = {o.name: o.merged_into for o, _ in entries["others"] if o.name and o.merged_into}
    area_fix = "remove it from other_places.yaml: the area's postal codes are listed in municipalities.yaml"

    def municipality(name: str, line: int, what: str, fix_for_area: str) -> None:
        if name in area_names:
            err("other_places", line, f"{what}: {name!r} is an area municipality, not a place outside the area",
                fix_for_area)
        elif name in former:
            err("other_places", line, f"{what}: {name!r} is now part of {former[name]!r}",
                f"write {former[name]} instead")
        else:
            from difflib import get_close_matches  # only for an error: keeps loading fast

            close = get_close_matches(name, sorted(current), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            err("other_places", line, f"{what}: {name!r} is not a municipality listed in other_municipalities.yaml",
                f"write the Finnish name of a current municipality as in other_municipalities.yaml, with ä and ö"
                f"{hint}")

    codes = places.postal_codes
    # The file is long: whole-set checks first, entry by entry only where one of them found something.
    for code in sorted(codes.keys() & area_codes.keys()):
        err("other_places", _line(raw, "postal_codes", code), f"postal code {code} is a postal code of the "
            f"area ({area_codes[code]!r})", area_fix)
    if set(codes.values()) - current:
        for code, name in codes.items():
            if name not in current and code not in area_codes:
                municipality(name, _line(raw, "postal_codes", code), f"postal code {code}", area_fix)
    names = list(places.localities)
    folded = _fold_all(names)
    known = _known_names(entries)
    if len(set(folded)) != len(folded) or not known.keys().isdisjoint(folded):
        seen: dict[str, str] = {}
        for locality, key in zip(names, folded, strict=True):
            if key in known:
                err("other_places", _line(raw, "localities", locality), f"locality {locality!r} is already "
                    f"{known[key]}", "remove it from other_places.yaml: a place name must point to one place only")
            if key in seen:
                err("other_places", _line(raw, "localities", locality), f"locality {locality!r} is listed twice: "
                    f"{seen[key]!r} at line {_line(raw, 'localities', seen[key])} is the same name to the bot",
                    "keep one line and list all its municipalities there")
            seen.setdefault(key, locality)
    if set(chain.from_iterable(places.localities.values())) - current:
        for locality, where in places.localities.items():
            for name in where:
                if name not in current:
                    municipality(name, _line(raw, "localities", locality), f"locality {locality!r}",
                                 "remove it here and list it as a village of that municipality in "
                                 "municipalities.yaml")


def _fold_all(names: list[str]) -> list[str]:
    """fold() of each name the loader has checked (single separators, no outer spaces), at C speed."""
    text = "\n".join(names).lower()
    for letter, plain in _FOLD.items():
        text = text.replace(chr(letter), plain)
    return text.split("\n") if names else []


def _known_names(entries: dict[str, list[tuple[Any, int]]]) -> dict[str, str]:
    """Folded names the other place files already give -> what each one is."""
    known: dict[str, str] = {}
    for o, _ in entries["others"]:
        for name in (o.name, o.sv, o.en):
            if name:
                known.setdefault(fold(name), f"the municipality {o.name!r} (other_municipalities.yaml)")
    for m, _ in entries["municipalities"]:
        for village in m.villages:
            known[fold(village.name)] = f"a village of {m.id!r} (municipalities.yaml)"
        for name in (*m.name.values(), *m.aliases):
            known[fold(name)] = f"a name of the area municipality {m.id!r} (municipalities.yaml)"
    return known


def _village_lines(raw: Any, municipality_id: str, villages: tuple[Any, ...], fallback: int) -> list[int]:
    """The line of each village of a municipality in the raw municipalities.yaml, in order."""
    found: list[tuple[str, int]] = []
    items = raw.get("municipalities") if isinstance(raw, dict) else None
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("id") == municipality_id and isinstance(item.get("villages"), list):
            listed = item["villages"]
            for index, value in enumerate(listed):
                name = value.get("name") if isinstance(value, dict) else value
                line = listed.line_of(index) if hasattr(listed, "line_of") else fallback
                found.append((str(name).strip() if name is not None else "", line))
            break
    lines = []
    for village in villages:
        match = next((i for i, (name, _) in enumerate(found) if name == village.name), None)
        lines.append(found.pop(match)[1] if match is not None else fallback)
    return lines


def _check_words(kb: KnowledgeBase, raw: dict[str, Any], entries: dict[str, list[tuple[Any, int]]], err: Any) -> None:
    """Every name and phrase must hold a word the bot can read (letters a–ö or digits), or it never matches."""
    fix = "write it with Finnish or English letters, or remove it"

    def check(kind: str, line: int, what: str, texts: Any) -> None:
        for text in texts:
            if text and not words(text):
                err(kind, line, f"{what}: {text!r} has no letters or digits the bot can read", fix)

    for m, line in entries["municipalities"]:
        check("municipalities", line, f"municipality {m.id!r}",
              [*m.name.values(), m.genitive, *m.forms, m.demonym, *m.aliases])
        for village in m.villages:
            check("municipalities", line, f"village of {m.id!r}", [village.name, village.genitive, *village.forms])
    for other, line in entries["others"]:
        check("other_municipalities", line, "other municipality", [other.name, other.genitive, other.sv, other.en,
                                                                   *other.forms, other.demonym])
    for point, line in entries["points"]:
        aliases = [a for group in point.aliases.values() for a in group]
        check("service_points", line, f"service point {point.id!r}",
              [point.name.fi, point.name.en, point.address.street, *aliases])
    groups = (("topics", kb.phrasings.topics), ("audiences", kb.phrasings.audiences),
              ("smalltalk", kb.phrasings.smalltalk))
    for group, entries_by_key in groups:
        for key, by_language in entries_by_key.items():
            for phrases in by_language.values():
                check("phrasings", _line(raw["phrasings"], group, key), f"{group}: {key}", phrases)
    cue_groups = (("home_cues", kb.phrasings.home_cues), ("followup_cues", kb.phrasings.followup_cues),
                  ("correction_cues", kb.phrasings.correction_cues))
    for group, cues in cue_groups:
        for phrases in cues.values():
            check("phrasings", _line(raw["phrasings"], group), group, phrases)
    named = (("place_cues", kb.phrasings.place_cues), ("employer_signals", kb.phrasings.employer_signals),
             ("asks", kb.phrasings.asks))
    for group, groups in named:
        for role, by_language in groups.items():
            for phrases in by_language.values():
                check("phrasings", _line(raw["phrasings"], group, role), f"{group}: {role}", phrases)


def _raw_entries(raw: Any, key: str) -> list[Any]:
    """The raw items of a file's entry list, one per built entry and in the same order."""
    items = raw.get(key) if isinstance(raw, dict) else None
    return list(items) if isinstance(items, list) else []


def _field_line(item: Any, key: str, fallback: int) -> int:
    return item.line_of(key) if isinstance(item, dict) and hasattr(item, "line_of") and key in item else fallback


def _item_line(item: Any, key: str, value: str, fallback: int) -> int:
    """The line of `value` in the list under `key` of a raw entry (a list on one line: that line)."""
    listed = item.get(key) if isinstance(item, dict) else None
    if isinstance(listed, LineList):
        for index, text in enumerate(listed):
            if isinstance(text, str) and text.strip() == value:
                return listed.line_of(index)
    return _field_line(item, key, fallback)


def _check_organisations(raw: Any, entries: dict[str, Any], municipality_ids: set[str], err: Any) -> None:
    """other_organisations.yaml: our municipalities only; a group's members serve different municipalities (so
    the bot names one of them); a phrase asks for one organisation, or for one group."""
    organisations = entries["organisations"]
    items = _raw_entries(raw, "organisations")
    lines = [(o, line, items[i] if i < len(items) else None) for i, (o, line) in enumerate(organisations)]
    municipalities = ", ".join(sorted(municipality_ids))
    for organisation, line, item in lines:
        for mid in organisation.serves:
            if mid not in municipality_ids:
                err("organisations", _item_line(item, "serves", mid, line),
                    f"organisation {organisation.id!r} serves unknown municipality {mid!r}",
                    f"use ids of our municipalities (municipalities.yaml): {municipalities}; leave serves empty "
                    "([]) for an organisation that serves everyone")
        for name in (organisation.name.fi, organisation.name.sv, organisation.name.en):
            if name and not words(name):
                err("organisations", _field_line(item, "name", line), f"organisation {organisation.id!r}: name "
                    f"{name!r} has no letters or digits the bot can read", "write it with letters, or remove it")
        for language, phrases in organisation.phrasings.items():
            for phrase in phrases:
                if not words(phrase):
                    err("organisations", _phrasing_line(item, language, line), f"organisation {organisation.id!r}: "
                        f"{phrase!r} has no letters or digits the bot can read",
                        "write it with Finnish or English letters, or remove it")
    by_group: dict[str, list[tuple[Any, int, Any]]] = {}
    for entry in lines:
        if entry[0].group:
            by_group.setdefault(entry[0].group, []).append(entry)
    for group, members in by_group.items():
        for index, (organisation, line, item) in enumerate(members):
            for other, _, _ in members[:index]:
                if not organisation.serves or not other.serves:
                    everyone = organisation if not organisation.serves else other
                    err("organisations", _field_line(item, "serves", line), f"organisations {other.id!r} and "
                        f"{organisation.id!r} of group {group!r} overlap: {everyone.id!r} serves everyone "
                        "(its serves is empty)", "give each organisation of a group the municipalities it serves, "
                        "each municipality under one of them only")
                    continue
                for mid in sorted(set(organisation.serves) & set(other.serves)):
                    err("organisations", _item_line(item, "serves", mid, line), f"organisations {other.id!r} and "
                        f"{organisation.id!r} of group {group!r} both serve {mid!r}",
                        f"a group's organisations serve different municipalities: keep {mid!r} under one of them")
    owner: dict[str, Any] = {}
    for organisation, line, item in lines:
        for language, phrases in organisation.phrasings.items():
            for phrase in phrases:
                key = fold(phrase)
                first = owner.setdefault(key, organisation)
                if first.id != organisation.id and not (first.group and first.group == organisation.group):
                    err("organisations", _phrasing_line(item, language, line), f"the phrase {phrase!r} stands under "
                        f"both {first.id!r} and {organisation.id!r}",
                        "keep it under the organisation whose matter it is (organisations of one group may share "
                        "phrases)")


def _phrasing_line(item: Any, language: str, fallback: int) -> int:
    phrasings = item.get("phrasings") if isinstance(item, dict) else None
    return _field_line(phrasings, language, _field_line(item, "phrasings", fallback))


def _check_employment_areas(raw: Any, entries: dict[str, Any], err: Any) -> None:
    """employment_areas.yaml: each member and each unplaced name is a current municipality outside our area,
    named once in the whole file."""
    areas = entries["areas"]
    if not areas and not entries["unplaced"]:
        return
    ours = {m.name.get("fi", m.id): m.id for m, _ in entries["municipalities"]}
    others = {o.name: o for o, _ in entries["others"] if o.name}
    current = sorted(name for name, o in others.items() if not o.merged_into)

    def problem(name: str) -> tuple[str, str] | None:
        """What is wrong with naming `name` as a municipality of another area, and the fix; None if nothing."""
        if name in ours:
            return (f"{name!r} is in our own area (municipalities.yaml), not in another employment area",
                    f"remove {name} here: the bot already serves its residents")
        found = others.get(name)
        if found is not None and found.merged_into:
            return (f"{name!r} is now part of {found.merged_into!r}", f"write {found.merged_into} instead")
        if found is not None and found.aland:
            return (f"{name!r} is on Åland, which has its own public employment service (AMS), not an employment "
                    "area", f"remove {name} here")
        if found is None:
            from difflib import get_close_matches  # only for an error

            close = get_close_matches(name, current, n=1)
            return (f"{name!r} is not a municipality listed in other_municipalities.yaml",
                    "write the Finnish name of a current municipality exactly as in other_municipalities.yaml, with "
                    f"ä and ö{f' (did you mean {close[0]}?)' if close else ''}")
        return None

    placed: dict[str, tuple[str, int]] = {}  # municipality -> (where it was first named, its line)
    items = _raw_entries(raw, "employment_areas")
    for index, (area, line) in enumerate(areas):
        item = items[index] if index < len(items) else None
        for name in area.members:
            member_line = _item_line(item, "members", name, line)
            found = problem(name)
            if found:
                err("employment_areas", member_line, f"employment area {area.id!r}: {found[0]}", found[1])
            elif name in placed:
                where, first_line = placed[name]
                err("employment_areas", member_line, f"employment area {area.id!r}: {name!r} is already a member "
                    f"of {where} (line {first_line})", "a municipality belongs to one employment area: keep it in "
                    "the one a current source names, and remove it from the other")
            placed.setdefault(name, (f"{area.id!r}", member_line))
    unplaced = raw.get("unplaced") if isinstance(raw, dict) else None
    for index, name in enumerate(entries["unplaced"]):
        line = unplaced.line_of(index) if isinstance(unplaced, LineList) else _field_line(raw, "unplaced", 1)
        found = problem(name)
        if found:
            err("employment_areas", line, f"unplaced: {found[0]}", found[1])
        elif name in placed:
            where, first_line = placed[name]
            err("employment_areas", line, f"unplaced: {name!r} is a member of {where} (line {first_line})"
                if where != "unplaced" else f"unplaced: {name!r} is listed twice (first at line {first_line})",
                "remove it from unplaced" if where != "unplaced" else "remove the copy")
        placed.setdefault(name, ("unplaced", line))
