"""Change a knowledge file from a program the way a person would: comments, key order, quotes and the
flow style of `name: {fi: .., sv: ..}` stay exactly as staff wrote them, and only the changed values differ.

PyYAML, which the bot reads with, drops comments on a round trip, so edits go through ruamel.yaml's
round-trip mode instead. ruamel.yaml writes YAML 1.2 and the bot reads YAML 1.1: a text the two read
differently (yes, 010, 2026-12-24, 09:00) is always written in double quotes, so both read the same.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

_RUAMEL_SAFE = YAML(typ="safe", pure=True)
#: Signs that end or break a plain text inside a one-line {..} or [..], or start something else in YAML.
_FLOW_SIGNS = re.compile(r"[,\[\]{}#\"']|: |^[-?:!&*|>%@`]")


def round_trip() -> YAML:
    """A reader and writer with the knowledge files' layout: two-space indents, lists under their key."""
    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096  # never fold a long line staff wrote on one line
    rt.indent(mapping=2, sequence=4, offset=2)
    return rt


def load(path: Path) -> Any:
    """The file's data, with its comments and styles attached."""
    return round_trip().load(path.read_text(encoding="utf-8"))


def dump(data: Any) -> str:
    out = io.StringIO()
    round_trip().dump(data, out)
    return out.getvalue()


def text(value: str) -> str:
    """A text value as it should be written: plain where every reader takes it as this text (also inside
    {..} and [..]), else in double quotes, as staff write them."""
    if value == "" or value != value.strip() or _FLOW_SIGNS.search(value) or _read_differently(value):
        return DoubleQuotedScalarString(value)
    return value


def quoted(value: str) -> DoubleQuotedScalarString:
    """A text always written in double quotes (postal codes, hours, phone numbers), as the files do."""
    return DoubleQuotedScalarString(value)


def flow(value: Any) -> Any:
    """A mapping or list written on one line, {fi: .., sv: ..} and [a, b], nested ones too."""
    if isinstance(value, dict):
        node = CommentedMap((k, flow(v)) for k, v in value.items())
        node.fa.set_flow_style()
        return node
    if isinstance(value, list | tuple):
        seq = CommentedSeq(flow(v) for v in value)
        seq.fa.set_flow_style()
        return seq
    return text(value) if isinstance(value, str) else value


def block(value: dict[str, Any]) -> CommentedMap:
    """A mapping written one key a line; its values as given (use flow() for one-line values)."""
    node = CommentedMap(value)
    node.fa.set_block_style()
    return node


def block_list(values: list[Any]) -> CommentedSeq:
    """A list written one item a line ("- ..."), its items as given."""
    seq = CommentedSeq(values)
    seq.fa.set_block_style()
    return seq


def plain(value: Any) -> Any:
    """The value without styles and comments: dicts, lists, str, numbers, dates, for comparing."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, date):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


def _read_differently(value: str) -> bool:
    """Whether PyYAML (YAML 1.1) or ruamel.yaml (1.2) would read the plain text as anything but itself."""
    for reader in (yaml.safe_load, _RUAMEL_SAFE.load):
        try:
            if reader(value) != value:
                return True
        except Exception:  # noqa: BLE001 - whatever a reader cannot take as plain text is quoted
            return True
    return False
