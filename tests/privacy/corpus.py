"""The two redaction corpora, and the comparison the tests make: case-insensitive, spaces ignored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).parent
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Item:
    text: str
    strings: tuple[str, ...]  # personal data that must go, or words that must stay
    kind: str = ""


def load(name: str, field: str) -> list[Item]:
    raw = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    return [Item(entry["text"], tuple(entry[field]), entry.get("kind", "")) for entry in raw]


def with_personal_data() -> list[Item]:
    return load("with_personal_data.yaml", "personal")


def without_personal_data() -> list[Item]:
    return load("without_personal_data.yaml", "keep")


def squeeze(text: str) -> str:
    """Lower case, no white space: how a leak is looked for."""
    return _SPACE.sub("", text).lower()


def leaks(personal: tuple[str, ...], stored: str) -> list[str]:
    """The personal-data strings that survive in `stored`, ignoring case and spaces."""
    haystack = squeeze(stored)
    return [p for p in personal if squeeze(p) in haystack]


def lost(keep: tuple[str, ...], stored: str) -> list[str]:
    """The strings to keep that `stored` lost."""
    return [k for k in keep if k not in stored]
