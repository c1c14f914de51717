"""Check and rebuild TyöNavi's place lists against Posti's postal code file.

    .venv/bin/python tools/build_place_data.py PATH/TO/posti-postcodes-YYYY-MM-DD.csv [--write] [--knowledge DIR]

Posti's file has one row per postal code: the post-office locality (often a village), its type
(1 = ordinary street-address postcode, 2 = PO boxes, others are company and reply codes), and the
municipality with its Swedish name and region. Its municipality columns list every current
municipality of Finland. This script uses it for:

* knowledge/other_municipalities.yaml, rebuilt whole: every current municipality outside the area,
  with its Swedish name and region from Posti and the hand-written fields (genitive, forms, en,
  demonym) kept from the file; then the former municipalities (entries with merged_into), kept as
  written, with a comment saying whether Posti has a locality of that name in the current
  municipality (75700 VALTIMO is in Nurmes).
* knowledge/municipalities.yaml, only two kinds of line rewritten: each municipality's
  `postal_codes:` line becomes exactly its street-address (type 1) codes, and each village line gets
  the other municipalities with a Posti locality of the same name (and the other area municipalities
  listing the same village) added to `also_in`, with a [Posti …] comment naming the codes.
  Names in also_in that neither source gives (general knowledge) are kept and listed in the report.
* knowledge/other_places.yaml, rebuilt whole: every street-address postcode outside the area with its
  municipality, and the Posti localities outside the area (type 1 rows, Finnish name) that are neither a
  municipality name (current or former, other_municipalities.yaml) nor a name of the area
  (municipalities.yaml: municipality names, aliases, villages), each with its municipalities. Left out:
  names of fewer than 4 letters, names with a digit or one of Posti's service words (GENERIC_PARTS), and
  the common words in STOP_WORDS, which people write for other things than that one village ("asun
  metsässä", "asun Lapissa", "kotikylässä"). Posti's endings AS (asema), KK (kirkonkylä) and TL (Turun
  lääni) are dropped first: ALAVUS AS is Alavus, KUIVANIEMI KK is Kuivaniemi. Names are written in
  ordinary capitals (SUKEVA -> Sukeva, KUOPPA-AHO -> Kuoppa-aho, INHAN TEHTAAT -> Inhan tehtaat). The
  report lists what a rebuild drops or changes, so that hand edits are not lost unseen.

Without --write it only prints the report and exits 1 when a file would change or something needs a
person (a genitive to write, a village Posti places elsewhere, a merger Posti does not confirm).
The output is deterministic: running it twice with --write changes nothing the second time.

The bot and the tests never import this script nor read Posti's file: a clone works on its own.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
#: Posti writes the Uusimaa region as the wellbeing-services name; the region (maakunta) is Uusimaa.
REGION_NAMES = {"Helsinki-Uusimaa": "Uusimaa"}
STREET_ADDRESS = "1"
PLACE_TYPES = {"1", "2"}  # street addresses and PO boxes name real post-office localities
_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u", "š": "s", "ž": "z"})
_ORDER = str.maketrans({"å": "z\x01", "ä": "z\x02", "ö": "z\x03", "é": "e", "ü": "y"})
_ENTRY = re.compile(r"^(\s*- )(\{.*\})(\s*#.*)?$")
_AUTO_NOTE = re.compile(r"\s*\[(?:Posti|no Posti)[^\]]*\]")
_PLAIN = re.compile(r"^[A-Za-zÅÄÖåäöÉéÜüŠšŽž][\w\-. ’']*$")


def fold(text: str) -> str:
    """The bot's comparison form (bot/kb/normalise_names.py): lower case, umlauts folded."""
    return " ".join(text.lower().translate(_FOLD).split())


def finnish_order(text: str) -> str:
    """Sort key in Finnish alphabetical order (… z, å, ä, ö)."""
    return text.lower().translate(_ORDER)


# -- Posti's file -----------------------------------------------------------------------------------
@dataclass
class Posti:
    date: str
    municipalities: dict[str, tuple[str, str]] = field(default_factory=dict)  # fi -> (sv, region)
    street_codes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # municipality -> codes
    code_municipality: dict[str, str] = field(default_factory=dict)
    places: dict[str, set[tuple[str, str, str]]] = field(default_factory=lambda: defaultdict(set))
    # lower-case locality name (Finnish or Swedish) -> {(municipality, code, LOCALITY)}
    street_localities: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # Finnish locality name of a street-address code (as Posti writes it, LOCALITY) -> municipalities


def read_posti(path: Path) -> Posti:
    match = re.search(r"(\d{4}-\d{2}-\d{2})", path.name)
    posti = Posti(match.group(1) if match else path.name)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            municipality = row["municipal_name_fi"].strip()
            region = row["ad_area_fi"].strip()
            posti.municipalities[municipality] = (row["municipal_name_sv"].strip(), REGION_NAMES.get(region, region))
            code = row["postcode"].strip()
            posti.code_municipality[code] = municipality
            if row["type_code"] == STREET_ADDRESS:
                posti.street_codes[municipality].add(code)
                posti.street_localities[row["postcode_fi_name"].strip()].add(municipality)
            if row["type_code"] in PLACE_TYPES:
                for name in {row["postcode_fi_name"].strip(), row["postcode_sv_name"].strip()}:
                    posti.places[name.lower()].add((municipality, code, row["postcode_fi_name"].strip()))
    return posti


def posti_note(posti: Posti, hits: set[tuple[str, str, str]]) -> str:
    by_code = sorted(hits, key=lambda h: h[1])
    codes = ", ".join(f"{code} {locality} in {municipality}" for municipality, code, locality in by_code)
    return f"[Posti {posti.date}: {codes}]"


# -- YAML writing -----------------------------------------------------------------------------------
def scalar(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and yaml.safe_load(text) == text and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(entry: dict[str, Any], order: tuple[str, ...]) -> str:
    parts = []
    for key in [*order, *(k for k in entry if k not in order)]:
        value = entry.get(key)
        if value in (None, "", [], ()):
            continue
        shown = f"[{', '.join(scalar(v) for v in value)}]" if isinstance(value, list | tuple) else scalar(value)
        parts.append(f"{key}: {shown}")
    return "{" + ", ".join(parts) + "}"


def with_comment(text: str, comment: str) -> str:
    return f"{text}   # {comment}" if comment else text


def merge_note(auto: str, old_comment: str) -> str:
    """The [Posti …] note this script writes, followed by whatever a person wrote."""
    hand = _AUTO_NOTE.sub("", old_comment.lstrip().removeprefix("#")).strip()
    return " ".join(part for part in (auto, hand) if part)


# -- other_municipalities.yaml ----------------------------------------------------------------------
OTHER_ORDER = ("name", "genitive", "sv", "en", "region", "forms", "demonym", "merged_into", "merged_year")

HEADER = """\
# =====================================================================
# TyöNavi – OTHER municipalities of Finland (outside our area)
# =====================================================================
# This file lists every current Finnish municipality (mainland and
# Åland) EXCEPT the ten municipalities of the Kainuu–Koillismaa
# employment area (those are in municipalities.yaml), and after them
# FORMER municipalities that people still name, each mapped to the
# current municipality it is now part of.
# The bot uses this list to recognise that someone who writes e.g.
# "asun Oulussa", "Vaalassa", "helsingissä", "asun Valtimolla" or
# "I live in Espoo" lives OUTSIDE our area. Åland's municipalities
# (region Ahvenanmaa) have their own public employment service, AMS.
#
# One line per municipality. Fields:
#   name         The official Finnish name (Swedish-only names such as
#                Pedersöre, Korsnäs, Jomala as they are).
#   genitive     The Finnish genitive (-n form), e.g. Oulun, Helsingin.
#                The bot builds "Oulussa", "Oulusta" from it. Required.
#   sv           The Swedish name, ONLY when it differs from `name`.
#   en           English name, only when English usage differs.
#   region       The region (maakunta). Åland's municipalities have
#                region Ahvenanmaa: keep that exact name, the bot tells
#                Åland apart by it.
#   forms        Optional. Inflected forms the bot cannot build from the
#                genitive (Lahti -> Lahdessa, Lahteen, Lahdesta).
#   demonym      Optional. The word for an inhabitant, ONLY where the
#                bot cannot build it: it already knows name + -lainen
#                (kuopiolainen, sallalainen) and genitive without -n +
#                -lainen (kemijärveläinen, nurmeslainen). Lahti needs
#                demonym: lahtelainen.
#   merged_into  Only for a former municipality: the Finnish name of the
#                current municipality it is part of (one listed above
#                it, or an area municipality).
#   merged_year  The year that merger took effect.
#
# Editing rules: one municipality per line, keep ä/ö/å, do not add the
# ten area municipalities or their villages here (Vuolijoki has been
# part of Kajaani since 2007: it is in municipalities.yaml), do not list
# a name twice. A comment in [brackets] is written by the generator.
#
# Source: the current municipalities, their Swedish names and regions
# come from the municipality columns of Posti's postal code file of
# {date} ({count} municipalities; Posti's region "Helsinki-Uusimaa" is
# written Uusimaa). This file is generated from it by
#   tools/build_place_data.py <Posti's file> --write
# which keeps the hand-written fields (genitive, forms, en, demonym and
# the former municipalities). Finnish municipalities do merge: the
# latest here are Valtimo (into Nurmes, 2020), Honkajoki (into
# Kankaanpää, 2021) and Pertunmaa (into Mäntyharju, 2025), all absent
# from Posti's municipality columns. Which current municipality a former
# one belongs to is checked against Posti's localities (the [Posti …]
# comments); merger years, genitives, forms and demonyms are written
# from general knowledge and have not been compared with a source.
"""


def build_others(posti: Posti, area: dict[str, str], path: Path, report: list[str], problems: list[str]) -> str:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    comments: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _ENTRY.match(line)
        if match and match.group(3):
            entry = yaml.safe_load(match.group(2))
            comments[str(entry.get("name", ""))] = match.group(3)
    existing = {str(e["name"]): dict(e) for e in data.get("other_municipalities", []) if isinstance(e, dict)}
    current, former = [], []
    for name in sorted(posti.municipalities, key=finnish_order):
        if name in area:
            continue
        sv, region = posti.municipalities[name]
        entry = existing.pop(name, None)
        if entry is None:
            entry = {"name": name, "genitive": ""}
            problems.append(f"other_municipalities: {name} is new in Posti's file: write its genitive (and forms)")
        if entry.get("merged_into"):
            problems.append(f"other_municipalities: {name} has merged_into {entry['merged_into']} but is a current "
                            "municipality in Posti's file: merged_into dropped")
            entry.pop("merged_into", None)
            entry.pop("merged_year", None)
        for key, value in (("sv", sv if sv != name else ""), ("region", region)):
            if (entry.get(key) or "") != value:
                report.append(f"other_municipalities: {name}: {key} {entry.get(key)!r} -> {value!r} (Posti)")
                entry[key] = value
        _check_demonym(entry, report, problems)
        current.append(with_comment("  - " + flow(entry, OTHER_ORDER), (comments.get(name) or "").strip(" #")))
    for name in sorted(existing, key=finnish_order):
        entry = existing[name]
        target = str(entry.get("merged_into") or "")
        if not target:
            problems.append(f"other_municipalities: {name} is not a municipality in Posti's file: if it merged, add "
                            "merged_into and merged_year")
        elif target not in posti.municipalities:
            problems.append(f"other_municipalities: {name}: merged_into {target} is not a municipality in Posti's file")
        elif target in area:
            entry.setdefault("region", posti.municipalities[target][1])
        else:
            entry["region"] = posti.municipalities[target][1]
        hits = {h for h in posti.places.get(name.lower(), set()) if h[0] == target}
        elsewhere = {h for h in posti.places.get(name.lower(), set()) if h[0] != target}
        if hits:
            auto = posti_note(posti, hits)
        else:
            auto = f"[no Posti locality {name.upper()} in {target}]"
            report.append(f"other_municipalities: {name} -> {target}: not confirmed by a Posti locality "
                          "(from general knowledge)")
        if elsewhere:
            report.append(f"other_municipalities: {name}: Posti also has {posti_note(posti, elsewhere)}")
        _check_demonym(entry, report, problems)
        former.append(with_comment("  - " + flow(entry, OTHER_ORDER), merge_note(auto, comments.get(name, ""))))
    report.append(f"other_municipalities: {len(posti.municipalities)} municipalities in Posti's file, "
                  f"{len(current)} outside the area, {len(former)} former municipalities")
    header = HEADER.format(date=posti.date, count=len(posti.municipalities))
    return (header + "\nother_municipalities:\n" + "\n".join(current)
            + "\n\n  # Former municipalities that people still name, each with the current one it is part of.\n"
            + "\n".join(former) + "\n")


def _check_demonym(entry: dict[str, Any], report: list[str], problems: list[str]) -> None:
    """Flag a demonym the bot could build anyway, and names whose demonym it probably cannot build."""
    name, genitive, demonym = str(entry["name"]), str(entry.get("genitive") or ""), str(entry.get("demonym") or "")
    prefixes = {fold(name).split()[-1].replace("-", "") + "lai"} if name else set()
    if genitive.endswith("n"):
        prefixes.add(fold(genitive).split()[-1][:-1] + "lai")
    if demonym:
        if any(fold(demonym).startswith(p) for p in prefixes):
            report.append(f"other_municipalities: {name}: demonym {demonym} is built by the rules anyway")
    elif re.search(r"(lahti|joki|mäki|inen|rrat|kaus)$", name):
        report.append(f"other_municipalities: {name}: check the demonym; the rules give only {sorted(prefixes)}…")


# -- municipalities.yaml ----------------------------------------------------------------------------
VILLAGE_ORDER = ("name", "genitive", "forms", "also_in")


def build_area(posti: Posti, path: Path, report: list[str], problems: list[str]) -> str:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    municipalities = data["municipalities"]
    fi_name = {m["id"]: m["name"]["fi"] for m in municipalities}
    listed: dict[str, set[str]] = defaultdict(set)  # lower village name -> area municipality ids
    known: dict[str, set[str]] = defaultdict(set)  # municipality id -> lower names, aliases and villages
    for m in municipalities:
        known[m["id"]] |= {n.lower() for n in m["name"].values()} | {a.lower() for a in m.get("aliases") or []}
        for village in m.get("villages") or []:
            name = (village["name"] if isinstance(village, dict) else village).lower()
            listed[name].add(m["id"])
            known[m["id"]].add(name)
    for m in municipalities:
        own = fi_name[m["id"]]
        codes, wanted = set(m.get("postal_codes") or []), posti.street_codes.get(own, set())
        for code in sorted(codes - wanted):
            where = posti.code_municipality.get(code)
            why = f"Posti places it in {where}" if where and where != own else (
                "not a street-address code" if where else "not in Posti's file")
            report.append(f"municipalities: {m['id']}: postal code {code} removed ({why})")
        for code in sorted(wanted - codes):
            report.append(f"municipalities: {m['id']}: postal code {code} added (street-address code in Posti)")
        for locality in sorted({h[2] for n, hits in posti.places.items() for h in hits if h[0] == own}):
            if locality.lower() not in known[m["id"]] and locality.lower().removesuffix(" kk") != own.lower():
                problems.append(f"municipalities: {m['id']}: Posti locality {locality} is not listed: add it as a "
                                "village with its genitive")
    out, current = [], None
    in_villages = False
    for line in text.splitlines():
        id_match = re.match(r"^  - id:\s*(\S+)", line)
        if id_match:
            current, in_villages = id_match.group(1), False
        if current and re.match(r"^\s+postal_codes:\s*\[", line):
            indent = line[: len(line) - len(line.lstrip())]
            codes = sorted(posti.street_codes.get(fi_name[current], set()))
            line = f"{indent}postal_codes: [{', '.join(json.dumps(c) for c in codes)}]"
        if current and re.match(r"^\s+villages:", line):
            in_villages = True
        match = _ENTRY.match(line) if current and in_villages else None
        if match:
            line = _village_line(posti, fi_name, current, listed, match, report, problems)
        out.append(line)
    return "\n".join(out) + "\n"


def _village_line(posti: Posti, fi_name: dict[str, str], mid: str, listed: dict[str, set[str]],
                  match: re.Match[str], report: list[str], problems: list[str]) -> str:
    village = dict(yaml.safe_load(match.group(2)))
    name, own = str(village["name"]), fi_name[mid]
    hits = posti.places.get(name.lower(), set())
    elsewhere = {h for h in hits if h[0] != own}
    from_posti = {h[0] for h in elsewhere}
    from_area = {fi_name[other] for other in listed[name.lower()] if other != mid}
    before = [str(n) for n in village.get("also_in") or []]
    also_in = sorted(set(before) | from_posti | from_area, key=finnish_order)
    if also_in:
        village["also_in"] = also_in
    for added in sorted(set(also_in) - set(before), key=finnish_order):
        report.append(f"municipalities: {mid}: village {name}: also_in + {added}")
    by_hand = sorted(set(before) - from_posti - from_area, key=finnish_order)
    if by_hand:
        report.append(f"municipalities: {mid}: village {name}: also_in {', '.join(by_hand)} from general knowledge "
                      "(not a Posti locality)")
    if elsewhere and not any(h[0] == own for h in hits):
        report.append(f"municipalities: {mid}: village {name} is not a Posti locality of {own}; Posti has it only "
                      f"in {', '.join(sorted(from_posti))}: check that {own} really has one")
    if not hits:
        report.append(f"municipalities: {mid}: village {name}: no Posti locality of this name (not verifiable)")
    note = posti_note(posti, elsewhere) if elsewhere else ""
    comment = merge_note(note, match.group(3) or "")
    return with_comment(match.group(1) + flow(village, VILLAGE_ORDER), comment)


# -- other_places.yaml ------------------------------------------------------------------------------
#: Common Finnish words that are also the name of one Posti locality somewhere. People write them for other
#: things ("asun metsässä", "asun saaressa", "Lapissa", "kotikylässä", "rauhassa") or for a village of the
#: same name anywhere in Finland (Alakylä, Isokylä), so they are not taken as that one locality.
STOP_WORDS = (
    # words for a kind of place (asema, kylä, koski, mäki, niemi, ranta, lahti, salo ...)
    "asema", "kirkonkylä", "keskusta", "satama", "kylä", "koski", "mäki", "niemi", "ranta", "lahti", "salo",
    "saari", "salmi", "harju", "metsä", "luoma", "nummi", "pohja", "latva", "törmä", "suvanto", "sola",
    "halli", "hytti",
    # village names found all over Finland (Posti has each in one municipality only)
    "alakylä", "ylikylä", "isokylä", "kotikylä", "vanhakylä", "uusikylä", "länsikylä", "itäkylä",
    "suurikylä", "rantakylä",
    # a region, compass words and adjectives
    "lappi", "luode", "eteläinen", "ylinen",
    # everyday words
    "kello", "kerma", "koivu", "hattu", "kiila", "koura", "kuoppa", "kukko", "kuikka", "peura", "myrkky",
    "rauha", "summa", "kipinä", "kantele", "neuvola", "neuvoton", "porras", "risti", "riste", "tiainen",
    "tynkä", "jyrkkä", "kuona", "levä",
)
#: Posti's words for its own services (reply mail, PO boxes); never a place someone lives in.
GENERIC_PARTS = ("POSTI", "VASTAUS", "LÄHETYS", "SVARS", "BOX")
#: Endings Posti adds to a locality: asema (station), kirkonkylä (church village), Turun lääni.
LOCALITY_ENDINGS = (" AS", " KK", " TL")
MIN_LETTERS = 4
#: Words written in small letters after the first word of a locality name (Inhan tehtaat).
COMMON_NOUNS = {"kanava", "saha", "tehdas", "tehtaat", "urheiluopisto"}
_VOWELS = set("aeiouyäöå")

PLACES_HEADER = """\
# =====================================================================
# TyöNavi – OTHER places outside our area: postal codes and localities
# =====================================================================
# People often name their village or give their postal code instead of
# their municipality: "asun Sukevalla", "postinumeroni on 88340". This
# file tells the bot which municipality OUTSIDE the Kainuu–Koillismaa
# employment area such a place belongs to, so that it can recognise a
# person living outside the area and send them onwards. The file is
# optional: without it the bot only knows the municipality names.
#
#   postal_codes  "postal code": municipality. Every street-address
#                 postal code outside the ten area municipalities. Five
#                 digits, always in quotes. Never list an area postal
#                 code here: those are in municipalities.yaml.
#   localities    Locality: [municipality, ...]. Villages and districts
#                 with a post office name (Sukeva, Kallunki), each with
#                 the municipality it is in; a name found in several
#                 municipalities lists them all (Tikkala).
# A locality is taken as someone's HOME only when the message says they
# live there ("asun Sukevalla"); a message that merely mentions it
# ("kävin Sukevalla") says nothing about where they live.
#
# Municipality names are the Finnish names of CURRENT municipalities as
# written in other_municipalities.yaml (with ä and ö). Municipality names
# (also former ones such as Valtimo) and the area's own villages are NOT
# repeated here: they are in other_municipalities.yaml and
# municipalities.yaml, and a name must point to one place only.
#
# Source: generated by tools/build_place_data.py from Posti's postal
# code file of {date}: {codes} street-address postal codes and {localities}
# localities. Left out of the localities: names of fewer than {min_letters}
# letters, names with a digit or a Posti service word, and these common
# words (the generator's stop list):
{stop_words}
# Posti's endings "as" (asema), "kk" (kirkonkylä) and "Tl" are dropped:
# ALAVUS AS is Alavus, a municipality, so it is not listed.
#
# Editing: staff may correct a line by hand (a municipality, a spelling),
# add a place Posti does not name, or remove a misleading one, and then
# run `tyonavi kb validate`. Rerunning the generator with --write
# rebuilds this file whole; its report lists every line the rebuild
# would drop or change, so carry lasting corrections into the generator
# (its stop list) or back into this file after the rebuild.
"""


def nice_name(locality: str, proper_names: set[str]) -> str:
    """Posti's capitals as an ordinary name: SUKEVA -> Sukeva, KUOPPA-AHO -> Kuoppa-aho, YLI-II -> Yli-Ii.

    After a hyphen a part starts with a small letter when the same vowel meets there (Kuoppa-aho), unless
    it is itself a place name (Yli-Ii); common nouns after the first word are small (Inhan tehtaat).
    """
    out = []
    for index, word in enumerate(locality.lower().split()):
        if index and word in COMMON_NOUNS:
            out.append(word)
            continue
        parts: list[str] = []
        for part in word.split("-"):
            small = parts and parts[-1][-1] == part[0] and part[0] in _VOWELS and fold(part) not in proper_names
            parts.append(part if small else part[:1].upper() + part[1:])
        out.append("-".join(parts))
    return " ".join(out)


def build_places(posti: Posti, area_data: dict[str, Any], others_path: Path, path: Path,
                 report: list[str]) -> str:
    area = {m["name"]["fi"] for m in area_data["municipalities"]}
    others = (yaml.safe_load(others_path.read_text(encoding="utf-8")) or {}).get("other_municipalities", [])
    municipality_names = {fold(n) for n in posti.municipalities} | {fold(sv) for sv, _ in posti.municipalities.values()}
    municipality_names |= {fold(str(o[k])) for o in others if isinstance(o, dict) for k in ("name", "sv", "en")
                           if o.get(k)}
    area_names: set[str] = set()
    for m in area_data["municipalities"]:
        area_names |= {fold(n) for n in m["name"].values() if n} | {fold(a) for a in m.get("aliases") or []}
        area_names |= {fold(v["name"] if isinstance(v, dict) else v) for v in m.get("villages") or []}
    area_names |= {fold(h[2]) for hits in posti.places.values() for h in hits if h[0] in area}
    stop = {fold(w) for w in STOP_WORDS}
    codes = {code: name for name, own in posti.street_codes.items() if name not in area for code in own}
    spellings: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # folded -> name -> places
    localities: dict[str, set[str]] = {}
    notes: dict[str, str] = {}
    skipped: dict[str, set[str]] = defaultdict(set)
    for locality, where in posti.street_localities.items():
        outside = {m for m in where if m not in area}
        if not outside:
            continue
        base = locality
        for ending in LOCALITY_ENDINGS:
            if fold(base) not in municipality_names:
                base = base.removesuffix(ending)
        key = fold(base)
        reason = ("municipality" if key in municipality_names else
                  "area name" if key in area_names else
                  "digit" if any(c.isdigit() for c in base) else
                  "Posti word" if any(part in base.upper() for part in GENERIC_PARTS) else
                  "short" if sum(c.isalpha() for c in base) < MIN_LETTERS else
                  "stop word" if key in stop else "")
        if reason:
            skipped[reason].add(locality)
            continue
        spellings[fold(base)][nice_name(base, municipality_names)] |= outside
    for variants in spellings.values():  # the bot folds ä to a: Äijälä and Aijala are one name to it
        first = min(variants, key=finnish_order)
        localities[first] = set().union(*variants.values())
        if len(variants) > 1:
            notes[first] = "[Posti: " + ", ".join(f"{name} in {', '.join(sorted(variants[name], key=finnish_order))}"
                                                 for name in sorted(variants, key=finnish_order)) + "]"
            report.append(f"other_places: {' and '.join(sorted(variants, key=finnish_order))} are one name to the "
                          f"bot: listed once as {first}")
    for reason, names in sorted(skipped.items()):
        shown = ", ".join(sorted(names, key=finnish_order)) if reason != "municipality" else "…"
        report.append(f"other_places: {len(names)} Posti localities left out ({reason}): {shown}")
    report.append(f"other_places: {len(codes)} street-address postal codes and {len(localities)} localities "
                  "outside the area")
    _report_dropped(path, codes, localities, report)
    stop_lines = []
    line = "#  "
    for word in sorted(STOP_WORDS, key=finnish_order):
        if len(line) + len(word) + 2 > 72:
            stop_lines.append(line.rstrip())
            line = "#  "
        line += f" {word.capitalize()},"
    stop_lines.append(line.rstrip(",") + ".")
    header = PLACES_HEADER.format(date=posti.date, codes=len(codes), localities=len(localities),
                                  min_letters=MIN_LETTERS, stop_words="\n".join(stop_lines))
    code_lines = [f'  "{code}": {scalar(codes[code])}' for code in sorted(codes)]
    locality_lines = []
    for name in sorted(localities, key=finnish_order):
        where = ", ".join(scalar(m) for m in sorted(localities[name], key=finnish_order))
        locality_lines.append(with_comment(f"  {scalar(name)}: [{where}]", notes.get(name, "")))
    return (header + "\npostal_codes:\n" + "\n".join(code_lines) + "\n\nlocalities:\n" + "\n".join(locality_lines)
            + "\n")


def _report_dropped(path: Path, codes: dict[str, str], localities: dict[str, set[str]], report: list[str]) -> None:
    """What the current file says that the rebuild would drop or change (hand edits among them)."""
    if not path.exists():
        report.append(f"other_places: {path.name} is new")
        return
    old = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for code, name in sorted((old.get("postal_codes") or {}).items()):
        if codes.get(str(code)) != name:
            report.append(f"other_places: postal code {code}: {name} -> {codes.get(str(code), '(dropped)')}")
    for name, where in sorted((old.get("localities") or {}).items(), key=lambda item: finnish_order(str(item[0]))):
        new = sorted(localities.get(str(name), set()), key=finnish_order)
        if new != list(where if isinstance(where, list) else [where]):
            report.append(f"other_places: locality {name}: {where} -> {new or '(dropped)'}")


# -- main -------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("posti_csv", type=Path, help="Posti's postal code file (CSV, as in ../shared/data/)")
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge", help="the knowledge/ folder")
    parser.add_argument("--write", action="store_true", help="rewrite the three files (otherwise only report)")
    args = parser.parse_args(argv)
    posti = read_posti(args.posti_csv)
    area_path, others_path = args.knowledge / "municipalities.yaml", args.knowledge / "other_municipalities.yaml"
    places_path = args.knowledge / "other_places.yaml"
    area_data = yaml.safe_load(area_path.read_text(encoding="utf-8"))
    area = {m["name"]["fi"]: m["id"] for m in area_data["municipalities"]}
    for name in area:
        if name not in posti.municipalities:
            print(f"PROBLEM: area municipality {name} is not in Posti's file", file=sys.stderr)
            return 2
    report: list[str] = []
    problems: list[str] = []
    new_area = build_area(posti, area_path, report, problems)
    new_others = build_others(posti, area, others_path, report, problems)
    new_places = build_places(posti, area_data, others_path, places_path, report)
    changed = []
    for path, text in ((area_path, new_area), (others_path, new_others), (places_path, new_places)):
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            changed.append(path)
            if args.write:
                path.write_text(text, encoding="utf-8")
    for line in report:
        print(line)
    for line in problems:
        print(f"NEEDS A PERSON: {line}")
    for path in changed:
        print(f"{'rewrote' if args.write else 'would rewrite'} {path}")
    if not changed:
        print("the place lists are up to date with Posti's file")
    return 1 if problems or (changed and not args.write) else 0


if __name__ == "__main__":
    sys.exit(main())
