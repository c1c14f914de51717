"""Recipes that break one file of a knowledge-base copy in one way, and say where the error must point.

Each recipe gets the path of the file to break (inside a copy of knowledge/) and returns the line the
first error must name. Lines are counted from what the recipe wrote, never hard-coded, so the recipes
keep working while staff edit the shipped files.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MB = 1024 * 1024


@dataclass(frozen=True)
class Recipe:
    name: str
    file: str  # the file it breaks
    make: Callable[[Path], int]  # breaks the file; returns the line the error must name
    words: str  # what the error must say
    mock: Callable[[Any, Path], None] | None = None  # (monkeypatch, path): for what a test cannot do as root

    def __str__(self) -> str:
        return self.name


RECIPES: list[Recipe] = []


def recipe(file: str, words: str, mock: Callable[[Any, Path], None] | None = None):
    def register(make: Callable[[Path], int]) -> Callable[[Path], int]:
        RECIPES.append(Recipe(make.__name__, file, make, words, mock))
        return make
    return register


# -- helpers -------------------------------------------------------------------------------------------

def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines), encoding="utf-8")


def _key_index(lines: list[str], key: str) -> int:
    return next(i for i, line in enumerate(lines) if re.match(rf"{key}:(\s|$)", line))


def insert_after(path: Path, key: str, *new: str) -> int:
    """Insert lines right after the top-level `key:` line; the number of the first of them."""
    lines = _lines(path)
    index = _key_index(lines, key) + 1
    lines[index:index] = new
    _write(path, lines)
    return index + 1


def insert_before(path: Path, key: str, *new: str) -> int:
    """Insert top-level lines right before the top-level `key:` line; the number of the first of them."""
    lines = _lines(path)
    index = _key_index(lines, key)
    lines[index:index] = new
    _write(path, lines)
    return index + 1


def append(path: Path, *new: str) -> int:
    """Add lines at the end; the number of the first of them."""
    text = path.read_text(encoding="utf-8")
    text = text if text.endswith("\n") else text + "\n"
    path.write_text(text + "\n".join(new) + "\n", encoding="utf-8")
    return text.count("\n") + 1


def line_of_byte(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, index) + 1


def replace_with_link(path: Path, target: Path | str) -> None:
    path.unlink()
    path.symlink_to(target)


# -- deep nesting ----------------------------------------------------------------------------------------

@recipe("area.yaml", "nested more than 50 levels")
def deep_brackets_on_one_line(path: Path) -> int:
    """The issue's case: a few thousand brackets (a RecursionError traceback before)."""
    return insert_after(path, "area", "  deep: " + "[" * 3000 + "]" * 3000)


@recipe("area.yaml", "nested more than 50 levels")
def deep_brackets_one_a_line(path: Path) -> int:
    line = insert_after(path, "area", "  deep:", *["    ["] * 3000, *["    ]"] * 3000)
    return line + 49  # the root mapping is level 1, area's mapping 2, the first bracket 3: the 49th is 51


@recipe("area.yaml", "nested more than 50 levels")
def deep_brackets_libyaml_accepts(path: Path) -> int:
    """800 levels: under libyaml's own limit of 1000, so only our guard stops it."""
    return insert_after(path, "area", "  deep: " + "{a: " * 800 + "1" + "}" * 800)


@recipe("texts.yaml", "nested more than 50 levels")
def deep_dashes(path: Path) -> int:
    line = insert_after(path, "texts", "  deep:", "    " + "- " * 2000 + "x")
    return line + 1


@recipe("routing.yaml", "nested more than 50 levels")
def deep_indentation(path: Path) -> int:
    line = insert_before(path, "topics", "deep:", *[" " * (1 + i) + f"k{i}:" for i in range(200)])
    return line + 49  # the root mapping is level 1, deep's (k0) 2: the mapping k49 starts is 51


@recipe("other_places.yaml", "nested more than 50 levels")
def deep_brackets_in_the_long_flat_file(path: Path) -> int:
    return append(path, "  Syvälä: " + "[" * 3000 + "]" * 3000)


# -- aliases, merge keys, tags -------------------------------------------------------------------------

@recipe("texts.yaml", "alias")
def billion_laughs(path: Path) -> int:
    lines = ["  lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"  lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return insert_after(path, "texts", *lines) + 1


@recipe("area.yaml", "alias")
def one_alias(path: Path) -> int:
    return insert_after(path, "area", "  note: &note some text", "  note_again: *note") + 1


@recipe("area.yaml", "alias")
def alias_to_itself(path: Path) -> int:
    return insert_after(path, "area", "  loop: &loop [a, *loop]")


@recipe("municipalities.yaml", "merge key")
def merge_key(path: Path) -> int:
    return insert_before(path, "municipalities", "<<: {extra: 1}")


@recipe("area.yaml", "constructor for the tag")
def python_tag(path: Path) -> int:
    return insert_after(path, "area", "  run: !!python/object/apply:os.system [\"true\"]")


@recipe("area.yaml", "constructor for the tag '!include'")
def include_tag(path: Path) -> int:
    return insert_after(path, "area", "  more: !include secrets.yaml")


@recipe("area.yaml", "!!binary")
def binary_tag(path: Path) -> int:
    return insert_after(path, "area", "  logo: !!binary aGVsbG8=")


@recipe("phrasings.yaml", "!!set")
def set_tag(path: Path) -> int:
    return insert_before(path, "topics", "words: !!set {a, b}")


# -- keys and values -----------------------------------------------------------------------------------

@recipe("area.yaml", "duplicate key 'twice'")
def duplicate_key(path: Path) -> int:
    return insert_after(path, "area", "  twice: 1", "  twice: 2") + 1


@recipe("texts.yaml", "duplicate key 'texts'")
def duplicate_top_level_key(path: Path) -> int:
    return append(path, "texts:", "  extra: {fi: a, sv: a, en: a}")


@recipe("area.yaml", "unhashable key")
def list_as_key(path: Path) -> int:
    return insert_after(path, "area", "  [a, b]: c")


@recipe("area.yaml", "day is out of range")
def impossible_date(path: Path) -> int:
    return insert_after(path, "area", "  opened: 2026-02-30")


@recipe("area.yaml", "cannot read this value")
def integer_of_5000_digits(path: Path) -> int:
    return insert_after(path, "area", "  big: " + "9" * 5000)


@recipe("texts.yaml", "more than the 10,000")
def very_long_text(path: Path) -> int:
    return insert_after(path, "texts", "  essay: >", *["    " + "sana " * 12] * 500)


@recipe("service_points.yaml", "unknown top-level key 'phone'")
def field_written_at_the_top_level(path: Path) -> int:
    return append(path, 'phone: "040 123 4567"')


def hours_of_the_first_point(path: Path, *block: str) -> int:
    """Give the first service point the opening hours `block` (lines under opening_hours:); the first's number."""
    lines = _lines(path)
    index = next(i for i, line in enumerate(lines) if line.strip() == "opening_hours: {}")
    lines[index:index + 1] = ["    opening_hours:", *(f"      {line}" for line in block)]
    _write(path, lines)
    return index + 2


@recipe("service_points.yaml", "overlap")
def lunch_break_spans_that_overlap(path: Path) -> int:
    return hours_of_the_first_point(path, 'weekly: {mon: "09:00-12:00, 11:30-15:00"}')


@recipe("service_points.yaml", "is not OpenStreetMap opening_hours")
def osm_hours_that_do_not_parse(path: Path) -> int:
    return hours_of_the_first_point(path, "osm: 'Mo-Fr 9-15; PH off'")


@recipe("service_points.yaml", "is not a month and day")
def summer_season_on_a_day_that_does_not_exist(path: Path) -> int:
    hours_of_the_first_point(path, 'weekly: {mon: "09:00-15:00"}', "seasons:",
                             '  - {from: "06-31", to: "08-09", weekly: {mon: "09:00-12:00"}}')
    return next(i for i, line in enumerate(_lines(path), 1) if '"06-31"' in line)


@recipe("area.yaml", "got a list")
def top_level_list(path: Path) -> int:
    path.write_text("- area\n- kainuu_koillismaa\n", encoding="utf-8")
    return 1


@recipe("services.yaml", "single value")
def top_level_text(path: Path) -> int:
    path.write_text("# the services\nservices\n", encoding="utf-8")
    return 1


@recipe("texts.yaml", "empty")
def empty_file(path: Path) -> int:
    path.write_bytes(b"")
    return 1


@recipe("language.yaml", "empty")
def only_comments(path: Path) -> int:
    path.write_text("# fi: [asun]\n# en: [i]\n\n", encoding="utf-8")
    return 1


# -- syntax --------------------------------------------------------------------------------------------

@recipe("area.yaml", "spaces, not tabs")
def tab_indentation(path: Path) -> int:
    return insert_after(path, "area", "\tnote: x")


@recipe("routing.yaml", "another document")
def two_documents(path: Path) -> int:
    return append(path, "---", "extra: 1")


@recipe("area.yaml", "never closed")
def quote_never_closed(path: Path) -> int:
    return append(path, '  note: "this quote is never closed')


# -- size ----------------------------------------------------------------------------------------------

@recipe("service_points.yaml", "50.0 MB")
def file_of_50_mb(path: Path) -> int:
    block = path.read_bytes()
    with path.open("wb") as out:
        for _ in range(50 * MB // len(block)):
            out.write(block)
        out.write(b"#" * (50 * MB % len(block)))
    return 1


@recipe("texts.yaml", "MB, more than")
def line_of_10_mb(path: Path) -> int:
    append(path, "  long: " + "a" * (10 * MB))
    return 1


@recipe("texts.yaml", "longer than 10,000 characters")
def line_of_1_mb(path: Path) -> int:
    return insert_after(path, "texts", "  long: " + "a" * MB)


# -- bytes ---------------------------------------------------------------------------------------------

@recipe("area.yaml", "NUL byte")
def nul_byte(path: Path) -> int:
    return insert_after(path, "area", "  note: a\0b")


@recipe("municipalities.yaml", "NUL byte")
def picture_saved_over_the_file(path: Path) -> int:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 40
    path.write_bytes(data)
    return line_of_byte(data, data.index(b"\0"))


@recipe("other_places.yaml", "NUL byte")
def nul_byte_in_the_long_flat_file(path: Path) -> int:
    data = path.read_bytes()
    index = data.index(b": ", len(data) // 2) + 2
    path.write_bytes(data[:index] + b"\0" + data[index:])
    return line_of_byte(data, index)


@recipe("service_points.yaml", "not UTF-8")
def saved_as_latin_1(path: Path) -> int:
    data = path.read_text(encoding="utf-8").encode("cp1252", errors="replace")
    path.write_bytes(data)
    return line_of_byte(data, next(i for i, byte in enumerate(data) if byte >= 0x80))


@recipe("area.yaml", "0x93 is not UTF-8")
def windows_quotes_pasted_in(path: Path) -> int:
    line = insert_after(path, "area", "  note: QUOTEDtextQUOTED")
    path.write_bytes(path.read_bytes().replace(b"QUOTED", b"\x93", 1).replace(b"QUOTED", b"\x94", 1))
    return line


@recipe("phrasings.yaml", "not UTF-8")
def cut_in_the_middle_of_a_letter(path: Path) -> int:
    data = path.read_bytes().rstrip(b"\n") + b"\n  - k\xc3"
    path.write_bytes(data)
    return data.count(b"\n") + 1


@recipe("texts.yaml", "UTF-16")
def saved_as_utf_16(path: Path) -> int:
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    return 1


@recipe("texts.yaml", "control character U+001B")
def terminal_colour_code_in_a_text(path: Path) -> int:
    return insert_after(path, "texts", "  note: {fi: \x1b[31mpunainen\x1b[0m, sv: r, en: red}")


@recipe("language.yaml", "U+0085")
def next_line_control(path: Path) -> int:
    return insert_before(path, "en", "note: a\x85b")


@recipe("area.yaml", "U+2028")
def line_separator(path: Path) -> int:
    return insert_after(path, "area", "  note: first\u2028second")


@recipe("area.yaml", "U+FEFF")
def byte_order_mark_inside(path: Path) -> int:
    return insert_after(path, "area", "\ufeff  note: x")


@recipe("routing.yaml", "lone carriage return")
def old_mac_line_endings(path: Path) -> int:
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    return 1


@recipe("area.yaml", "duplicate key 'twice'")
def crlf_file_with_a_duplicate_key(path: Path) -> int:
    line = insert_after(path, "area", "  twice: 1", "  twice: 2") + 1
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    return line


@recipe("area.yaml", "spaces, not tabs")
def bom_file_with_a_tab(path: Path) -> int:
    line = insert_after(path, "area", "\tnote: x")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return line


# -- the file itself -----------------------------------------------------------------------------------

@recipe("area.yaml", "outside the knowledge folder")
def link_to_a_file_outside(path: Path) -> int:
    outside = path.parent.parent / "outside"
    outside.mkdir(exist_ok=True)
    shutil.copy(path, outside / path.name)  # a good file: links out are refused whatever they hold
    replace_with_link(path, outside / path.name)
    return 1


@recipe("texts.yaml", "outside the knowledge folder")
def link_to_an_endless_device(path: Path) -> int:
    replace_with_link(path, "/dev/zero")
    return 1


@recipe("area.yaml", "does not exist")
def link_to_nothing(path: Path) -> int:
    replace_with_link(path, path.with_name("area-old.yaml"))
    return 1


@recipe("area.yaml", "round in a circle")
def links_in_a_circle(path: Path) -> int:
    replace_with_link(path, path.with_name("area-loop.yaml"))
    path.with_name("area-loop.yaml").symlink_to(path)
    return 1


@recipe("services.yaml", "is a folder")
def folder_instead_of_a_file(path: Path) -> int:
    path.unlink()
    path.mkdir()
    (path / "services.yaml").write_text("services: []\n", encoding="utf-8")
    return 1


@recipe("service_points.yaml", "not an ordinary file")
def named_pipe(path: Path) -> int:
    path.unlink()
    os.mkfifo(path)  # reading it would wait for a writer for ever
    return 1


@recipe("municipalities.yaml", "missing")
def file_deleted(path: Path) -> int:
    path.unlink()
    return 1


def _deny_reading(monkeypatch: Any, path: Path) -> None:
    """Tests run as root, who may read anything: make opening this one file fail as it would for the bot."""
    real_open = os.open
    denied = path.resolve()

    def fake_open(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(file).resolve() == denied:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr("bot.kb.yamlsource.os.open", fake_open)


@recipe("routing.yaml", "permission denied", mock=_deny_reading)
def file_the_bot_may_not_read(path: Path) -> int:
    path.chmod(0)
    return 1


# -- the optional files: other organisations and employment areas ---------------------------------------

def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the first `old` that starts a line (not in a comment) with `new`; the number of that line."""
    text = path.read_text(encoding="utf-8")
    index = text.index("\n" + old) + 1
    path.write_text(text[:index] + new + text[index + len(old):], encoding="utf-8")
    return text.count("\n", 0, index) + 1


@recipe("other_organisations.yaml", "nested more than 50 levels")
def deep_brackets_in_the_organisations(path: Path) -> int:
    return append(path, "deep: " + "[" * 3000 + "]" * 3000)


@recipe("other_organisations.yaml", "alias")
def alias_in_the_organisations(path: Path) -> int:
    return append(path, "note: &note some text", "note_again: *note") + 1


@recipe("other_organisations.yaml", "duplicate key 'checked'")
def organisation_checked_twice(path: Path) -> int:
    return append(path, '    checked: ""')  # the last organisation already has one


@recipe("other_organisations.yaml", "got a list")
def organisations_as_a_top_level_list(path: Path) -> int:
    path.write_text("- id: kela\n  name: {fi: Kela, sv: FPA, en: Kela}\n", encoding="utf-8")
    return 1


@recipe("other_organisations.yaml", "NUL byte")
def nul_byte_in_the_organisations(path: Path) -> int:
    return replace_line(path, "    website: https://www.kela.fi", "    website: https://www.kela\0.fi")


@recipe("other_organisations.yaml", "unknown field 'colour'")
def organisation_field_misspelt(path: Path) -> int:
    return replace_line(path, "  - id: kela\n", "  - id: kela\n    colour: blue\n") + 1


@recipe("other_organisations.yaml", "is not an https address")
def organisation_website_without_https(path: Path) -> int:
    return replace_line(path, "    website: https://www.kela.fi", "    website: www.kela.fi")


@recipe("other_organisations.yaml", "serves unknown municipality 'oulu'")
def organisation_serving_a_municipality_outside_the_area(path: Path) -> int:
    return replace_line(path, "    serves: [kuusamo, taivalkoski]", "    serves: [kuusamo, oulu]")


@recipe("other_organisations.yaml", "both serve 'kajaani'")
def two_wellbeing_counties_serving_one_municipality(path: Path) -> int:
    return replace_line(path, "    serves: [kuusamo, taivalkoski]", "    serves: [kuusamo, taivalkoski, kajaani]")


@recipe("employment_areas.yaml", "spaces, not tabs")
def tab_in_the_employment_areas(path: Path) -> int:
    return insert_after(path, "employment_areas", "\tnote: x")


@recipe("employment_areas.yaml", "unknown top-level key 'areas'")
def employment_areas_under_another_name(path: Path) -> int:
    return append(path, "areas: []")


@recipe("employment_areas.yaml", "not UTF-8")
def employment_areas_saved_as_latin_1(path: Path) -> int:
    data = path.read_text(encoding="utf-8").encode("cp1252", errors="replace")
    path.write_bytes(data)
    return line_of_byte(data, next(i for i, byte in enumerate(data) if byte >= 0x80))


@recipe("employment_areas.yaml", "'Helsinky' is not a municipality")
def employment_area_member_misspelt(path: Path) -> int:
    return replace_line(path, "    members: [Helsinki]", "    members: [Helsinky]")


@recipe("employment_areas.yaml", "'Helsinki' is already a member of 'helsinki'")
def municipality_in_two_employment_areas(path: Path) -> int:
    return replace_line(path, "    members: [Vantaa]", "    members: [Vantaa, Helsinki]")


@recipe("employment_areas.yaml", "'Valtimo' is now part of 'Nurmes'")
def former_municipality_as_an_area_member(path: Path) -> int:
    return replace_line(path, "    members: [Vantaa]", "    members: [Vantaa, Valtimo]")


@recipe("employment_areas.yaml", "'Kajaani' is in our own area")
def own_municipality_under_unplaced(path: Path) -> int:
    return append(path, "  - Kajaani")
