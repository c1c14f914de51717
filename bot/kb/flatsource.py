"""A fast reader for long generated lists written one entry per line (other_places.yaml).

Full YAML parsing of several thousand lines costs tens of milliseconds, most of the knowledge base's
load time. Such a file in its usual shape:

    section:
      "88340": Vaala
      Sukeva: [Sonkajärvi]   # a comment

is checked here a whole section at a time with strict patterns and read into the same LineDict/LineList
data, with the same lines, that bot.kb.yamlsource.read_yaml gives (tests/test_other_places.py compares
the two). Anything outside that shape (other quoting or indentation, block lists, a duplicate key, a
tab, a word YAML reads as yes/no) sends the whole file to read_yaml, so the result and every error
message are always exactly YAML's.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.kb.errors import KBError
from bot.kb.yamlsource import LineDict, LineList, parse_yaml, read_text

_LETTER = "A-Za-zÅÄÖåäöÉéÜüŠšŽž"
#: A plain YAML scalar that is always text: a letter, then letters, spaces, hyphens, full stops, apostrophes.
_NAME = rf"[{_LETTER}](?:[{_LETTER}'’. -]*[{_LETTER}.])?"
_END = r"(?:[ ]+(?:#[^\n]*)?)?\n"  # trailing spaces and a comment, which YAML ignores
_SECTION = re.compile(r"([a-z_]+):[ ]*(?:[ ]#.*)?")
#: A whole section of `  "88340": Vaala` lines, and of `  Sukeva: [Sonkajärvi]` lines.
_CODES = re.compile(rf'(?:  "[0-9]{{5}}": {_NAME}{_END})*')
_LISTS = re.compile(rf"(?:  {_NAME}: \[{_NAME}(?:, {_NAME})*\]{_END})*")
#: The parts of each line of a section that matched one of the two above.
_CODE = re.compile(r'^  "([0-9]{5})": ([^\n# ](?:[^\n#]*[^\n# ])?)', re.M)
_LIST = re.compile(r"^  ([^\n:]+): \[([^\]\n]*)\]", re.M)
_HEAD = re.compile(r"\n([^ #\n][^\n]*)")  # a line that starts a section (searched in "\n" + text: fast)
_BLANK_LINE = re.compile(r"^[ ]*(?:#|$)", re.M)
_BLANK_LINES = re.compile(r"(?:[ ]*(?:#[^\n]*)?\n)*")
#: Words YAML 1.1 reads as true/false or nothing, not as text.
_NOT_TEXT = {"yes", "no", "true", "false", "on", "off", "null"}
_FALLBACK: Any = object()


def read_flat_yaml(path: Path, shown_name: str, root: Path | None = None) -> tuple[Any, list[KBError]]:
    """Like read_yaml (same data, lines and errors), only faster for files in the one-entry-a-line shape."""
    text, errors = read_text(path, shown_name, root)  # the same checks of the file and its bytes
    if text is None:
        return None, errors
    data = _parse(text)
    return (data, []) if data is not _FALLBACK else parse_yaml(text, shown_name)


def _parse(text: str) -> Any:
    """The data of a file of sections with one entry a line, or _FALLBACK for anything else."""
    if "\t" in text or "\r" in text or text.startswith("\ufeff"):
        return _FALLBACK
    text = "\n" + text  # every line starts after a newline; line numbers below count from this one
    heads = list(_HEAD.finditer(text))
    preamble = text[1: heads[0].start() + 1] if heads else text[1:]
    if not _BLANK_LINES.fullmatch(preamble if preamble.endswith("\n") or not preamble else preamble + "\n"):
        return _FALLBACK
    if not heads:
        return None
    line = preamble.count("\n") + 1
    root = _mapping(line)
    for head, following in zip(heads, [*heads[1:], None], strict=True):
        match = _SECTION.fullmatch(head.group(1))
        if not match or match.group(1) in root:
            return _FALLBACK
        key = match.group(1)
        root.key_lines[key] = line
        block = text[head.end() + 1: following.start() + 1 if following else len(text)]
        root[key] = _section(block.rstrip(" \n"), line + 1)
        if root[key] is _FALLBACK:
            return _FALLBACK
        line += block.count("\n") + 1
    return root


def _section(block: str, first: int) -> Any:
    """A section's entries (its lines after the `name:` line, the first of them numbered `first`)."""
    if not block:
        return None
    odd = ("#" in block or "\n\n" in block or " \n" in block) and _BLANK_LINE.search(block)
    if odd:  # comment or blank lines among the entries: leave them out
        entries = [(number, line) for number, line in enumerate(block.split("\n"), start=first) if not _blank(line)]
        if not entries:
            return None
        body = "\n".join(line for _, line in entries) + "\n"
        numbers: Any = [number for number, _ in entries]
    else:
        body = block + "\n"
        numbers = range(first, first + body.count("\n"))
    section = _mapping(numbers[0])
    if _CODES.fullmatch(body):
        section.update(_CODE.findall(body))
        names = set(section.values())
    elif _LISTS.fullmatch(body):
        section.update(_LIST.findall(body))
        for (key, value), number in zip(section.items(), numbers, strict=False):
            entry = section[key] = LineList(value.split(", "))
            entry.line = number
            entry.item_lines = [number] * len(entry)
        names = set(section).union(*section.values())
    else:
        return _FALLBACK
    if len(section) != len(numbers) or not _NOT_TEXT.isdisjoint(map(str.lower, names)):
        return _FALLBACK  # YAML refuses a duplicate key; yes/no/on/off are not text
    section.key_lines = dict(zip(section, numbers, strict=True))
    return section


def _blank(line: str) -> bool:
    """Empty, spaces only, or a comment."""
    stripped = line.lstrip(" ")
    return not stripped or stripped[0] == "#"


def _mapping(line: int) -> LineDict:
    mapping = LineDict()
    mapping.line = line
    mapping.key_lines = {}
    return mapping
