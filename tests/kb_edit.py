"""Helpers for tests that break a private copy of the knowledge base and look for the reported line."""

from __future__ import annotations

from pathlib import Path


def line_of(path: Path, needle: str) -> int:
    """The 1-based number of the first line of `path` containing `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in `path` (which must contain it) with `new`."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def set_first_checked(path: Path, value: str) -> None:
    """Write `checked: <value>` over the first `checked:` line of a knowledge file."""
    text = path.read_text(encoding="utf-8")
    start = text.index("checked:")
    end = text.index("\n", start)
    path.write_text(text[:start] + f"checked: {value}" + text[end:], encoding="utf-8")


def drop_language_line(path: Path, key: str, language: str) -> None:
    """Remove the `language:` line of text `key` (e.g. the Swedish line of 'greeting') from a texts file."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  {key}:")
    line = text.index(f"    {language}:", start)
    end = text.index("\n", line)
    path.write_text(text[:line] + text[end + 1:], encoding="utf-8")
