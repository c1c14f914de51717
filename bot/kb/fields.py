"""Typed reading of one YAML mapping, collecting errors with file and line instead of failing."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from bot.kb.errors import KBError
from bot.kb.model import ALL_LANGUAGES, LANGUAGES, Text
from bot.kb.yamlsource import LineDict, LineList

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
#: A language code in a text: two or three lower-case letters (ISO 639).
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
#: Ids travel inside Telegram button data (64 bytes with a prefix): keep them short.
MAX_ID_LENGTH = 40
_POSTAL_CODE = re.compile(r"^\d{5}$")


class Fields:
    """Reads fields of one mapping; every problem becomes a KBError naming file:line."""

    def __init__(self, data: Any, file: str, errors: list[KBError], what: str, line: int = 1):
        self.file = file
        self.errors = errors
        self.what = what
        if isinstance(data, dict):
            self.data: LineDict = data  # type: ignore[assignment]
        else:
            self.error(line, f"{what} must be a block of 'name: value' lines, got {_kind(data)}",
                       "indent its fields under it as in the other entries")
            self.data = LineDict()
            self.data.line = line
            self.data.key_lines = {}

    # -- reporting -------------------------------------------------------------------------
    def line(self, key: str | None = None) -> int:
        if key is None:
            return getattr(self.data, "line", 1) or 1
        return self.data.line_of(key) if hasattr(self.data, "line_of") else 1

    def error(self, line: int, message: str, fix: str = "") -> None:
        self.errors.append(KBError(self.file, line, message, fix))

    def check_keys(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                self.error(self.line(key), f"{self.what}: unknown field {key!r}",
                           f"use one of: {', '.join(sorted(allowed))} (check the spelling)")

    # -- values ----------------------------------------------------------------------------
    def present(self, key: str, required: bool) -> bool:
        if key in self.data and self.data[key] is not None:
            return True
        if required:
            self.error(self.line(), f"{self.what}: the field {key!r} is missing",
                       f"add a line '{key}: ...' to this entry")
        return False

    def string(self, key: str, required: bool = True, default: str = "") -> str:
        if not self.present(key, required):
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(self.line(key), f"{self.what}: {key!r} must be text, got {_kind(value)}",
                       "write it as plain text on the same line")
            return default
        return str(value).strip()

    def identifier(self, key: str = "id") -> str:
        value = self.string(key)
        if value and not _ID.match(value):
            self.error(self.line(key), f"{self.what}: id {value!r} is not a valid id",
                       "use lower-case letters a-z, digits and _ only, starting with a letter")
        elif len(value) > MAX_ID_LENGTH:
            self.error(self.line(key), f"{self.what}: id {value!r} is longer than {MAX_ID_LENGTH} characters",
                       "shorten the id")
        return value

    def postal_code(self, value: Any, line: int) -> str:
        text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
        if not _POSTAL_CODE.match(text):
            self.error(line, f"{self.what}: postal code {value!r} is not five digits",
                       'write it as five digits in quotes, e.g. "87100"')
            return ""
        return text

    def number(self, key: str, low: float, high: float) -> float:
        if not self.present(key, True):
            return 0.0
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(self.line(key), f"{self.what}: {key!r} must be a number, got {_kind(value)}",
                       "write a decimal number such as 64.2273")
            return 0.0
        if not low <= value <= high:
            self.error(self.line(key), f"{self.what}: {key!r} = {value} is outside Finland",
                       f"use a value between {low} and {high} (decimal degrees)")
        return float(value)

    def boolean(self, key: str, default: bool) -> bool:
        if key not in self.data:
            return default
        value = self.data[key]
        if not isinstance(value, bool):
            self.error(self.line(key), f"{self.what}: {key!r} must be true or false",
                       "write true or false")
            return default
        return value

    def checked_day(self, key: str = "checked") -> date | None:
        """The day a person last compared the fact with a current source; empty or absent: never checked.
        Never in the future, and never filled in by the program: only a person knows it."""
        if key not in self.data or self.data[key] in (None, ""):
            return None
        value = self.data[key]
        try:
            day = value if isinstance(value, date) else date.fromisoformat(str(value))
        except ValueError:
            self.error(self.line(key), f"{self.what}: {key!r} = {value!r} is not a date",
                       "write the day you compared the fact with a current source as YYYY-MM-DD, or leave it empty")
            return None
        if day > date.today():
            self.error(self.line(key), f"{self.what}: {key!r} = {day.isoformat()} is in the future",
                       "write the day you compared the fact with a current source, or leave it empty")
            return None
        return day

    def day(self, key: str = "checked") -> date:
        if not self.present(key, True):
            return date(1970, 1, 1)
        value = self.data[key]
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.error(self.line(key), f"{self.what}: {key!r} = {value!r} is not a date",
                       "write the date as YYYY-MM-DD, e.g. 2026-11-24")
            return date(1970, 1, 1)

    def text(self, key: str, required: bool = True) -> Text:
        """A {fi: ..., sv: ..., en: ...} text, optionally with newcomer languages (uk, ru, ar, fa, so, et)."""
        if not self.present(key, required):
            return Text("", "")
        sub = self.sub(key, f"{self.what}: {key}")
        values = {lang: sub.string(lang) for lang in LANGUAGES}
        for lang in LANGUAGES:
            if lang in sub.data and not values[lang]:
                sub.error(sub.line(lang), f"{self.what}: {key}.{lang} is empty",
                          "write the text in Finnish (fi), Swedish (sv) and English (en)")
        # any other ISO 639 code is a newcomer language staff may add (uk, ru, ar, fa, so, et, ti…)
        extra = sorted(str(k) for k in sub.data if str(k) not in LANGUAGES and _LANGUAGE_CODE.match(str(k)))
        sub.check_keys({*ALL_LANGUAGES, *extra})
        more = tuple((lang, sub.string(lang)) for lang in extra)
        return Text(values["fi"], values["en"], values["sv"], tuple((lang, text) for lang, text in more if text))

    def strings(self, key: str, required: bool = False) -> tuple[str, ...]:
        """A list of texts; a single text is accepted as a list of one."""
        if not self.present(key, required):
            return ()
        value = self.data[key]
        if isinstance(value, str):
            return (value.strip(),)
        if not isinstance(value, list):
            self.error(self.line(key), f"{self.what}: {key!r} must be a list, got {_kind(value)}",
                       "write it as [first, second] or as lines starting with '- '")
            return ()
        out = []
        for index, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, str | int | float) or not str(item).strip():
                self.error(_item_line(value, index, self.line(key)),
                           f"{self.what}: item {index + 1} of {key!r} must be non-empty text",
                           "write plain text, in quotes if it contains ':' or '#'")
                continue
            out.append(str(item).strip())
        return tuple(out)

    def sub(self, key: str, what: str) -> Fields:
        return Fields(self.data.get(key), self.file, self.errors, what, self.line(key))

    def items(self, key: str, what: str, required: bool = True) -> list[tuple[Any, int]]:
        """The entries of a list field, each with its line."""
        if not self.present(key, required):
            return []
        value = self.data[key]
        if not isinstance(value, list):
            self.error(self.line(key), f"{what}: {key!r} must be a list of entries",
                       "start each entry with '- '")
            return []
        return [(item, _item_line(value, i, self.line(key))) for i, item in enumerate(value)]


def _item_line(value: Any, index: int, fallback: int) -> int:
    if isinstance(value, LineList):
        return value.line_of(index)
    return fallback


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a block of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return "a number"
    return f"text {str(value)[:40]!r}"
