"""Safe YAML reading that remembers line numbers and refuses whatever could hurt the running bot.

Staff need `file:line` in every error, and a duplicated key silently overwriting another is exactly the
kind of typo that must not reach the running bot. Whatever is in a knowledge file, reading it ends in
data or in KBErrors, never in an exception, a hang or a crash:

* the file itself: a link pointing outside the knowledge folder, a folder, a pipe or device, a file
  larger than MAX_FILE_BYTES (refused before it is read), a file that cannot be read;
* the bytes: binary data (NUL bytes), UTF-16, bytes that are not UTF-8, control characters, a line
  longer than MAX_LINE_CHARS, each with the line it is on;
* the YAML: nesting deeper than MAX_DEPTH (a few thousand brackets overflowed Python's stack), aliases
  (`*name`: "billion laughs" expands a few lines into billions of values), merge keys (`<<`), the tags
  !!binary, !!set, !!omap, !!pairs and any unknown or python tag, duplicate and unhashable keys, a text
  longer than MAX_TEXT_CHARS, and values Python cannot build (a date like 2026-02-30).

CRLF line endings and a UTF-8 byte-order mark are accepted.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, SequenceNode

from bot.kb.errors import KBError

#: Larger files are refused before they are read. The shipped files are at most 0.1 MB; a national
#: knowledge base (benchmarks/generate_national_kb.py) has a 2 MB service_points.yaml.
MAX_FILE_BYTES = 4 * 1024 * 1024
#: Longer lines are refused (the shipped files have lines of at most a few hundred characters).
MAX_LINE_CHARS = 10_000
#: Longer texts are refused, wherever they are (a chat message holds 4096).
MAX_TEXT_CHARS = 10_000
#: Lists and mappings nested deeper are refused (the knowledge base nests at most 6 levels).
MAX_DEPTH = 50
#: Below this size a file libyaml refused is read again by the pure-Python parser, whose messages the
#: hints know; above it (about a second of pure-Python parsing) libyaml's message is shown as it is.
_PRECISE_BELOW = 256 * 1024

_ALIAS_PROBLEM = "found an alias (*name): aliases are not allowed"
_DEPTH_PROBLEM = f"found lists or mappings nested more than {MAX_DEPTH} levels deep"
#: Control characters, DEL, C1 controls (NEL is a line break to YAML), line and paragraph separators
#: (line breaks to YAML, but not to most editors), a byte-order mark inside the text, non-characters.
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)")


class LineDict(dict):
    """A mapping that knows the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence that knows its line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Guarded:
    """For both loaders: values are built one node at a time, depth-first, with the guards above.

    Every node of a tree is built once, so a node met again was reached through an alias (libyaml's
    composer resolves aliases before we see the nodes). Anything a constructor raises that is not a
    YAML error (a date like 2026-02-30, an integer of 5000 digits) becomes one with the node's line.
    """

    _build_depth = 0

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        # BaseConstructor.construct_object with the guards, for the tags we build (no generators, no
        # multi-constructors); any other tag takes the original, which refuses it
        if node in self.constructed_objects or node in self.recursive_objects:  # type: ignore[attr-defined]
            raise ConstructorError(None, None, _ALIAS_PROBLEM, node.start_mark)
        if self._build_depth >= MAX_DEPTH:
            raise ConstructorError(None, None, _DEPTH_PROBLEM, node.start_mark)
        constructor = self.yaml_constructors.get(node.tag)  # type: ignore[attr-defined]
        if constructor is None:
            return super().construct_object(node, deep)  # type: ignore[misc]
        self.recursive_objects[node] = None  # type: ignore[attr-defined]
        self._build_depth += 1
        try:
            data = constructor(self, node)
        except yaml.YAMLError:
            raise
        except Exception as exc:  # noqa: BLE001 - whatever a value provokes is the value's fault
            raise ConstructorError(None, None, f"cannot read this value ({_short(exc)})", node.start_mark) from exc
        finally:
            self._build_depth -= 1
        self.constructed_objects[node] = data  # type: ignore[attr-defined]
        del self.recursive_objects[node]  # type: ignore[attr-defined]
        return data


class _Loader(_Guarded, yaml.SafeLoader):
    """SafeLoader that builds LineDict/LineList and rejects duplicate keys (pure Python: exact error texts).

    Its composer (recursive in Python) stops at MAX_DEPTH and at the first alias, with their lines.
    """

    _compose_depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise ComposerError(None, None, _ALIAS_PROBLEM, event.start_mark)
        self._compose_depth += 1
        try:
            if self._compose_depth > MAX_DEPTH:
                raise ComposerError(None, None, _DEPTH_PROBLEM, event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._compose_depth -= 1


_FastLoader: type = _Loader
if yaml.__with_libyaml__:  # libyaml parses about 4x faster; errors in small files are re-read in Python

    class _CLoader(_Guarded, yaml.CSafeLoader):  # type: ignore[misc, valid-type]
        """The same loader on libyaml."""

    _FastLoader = _CLoader


def _libyaml_limits_nesting() -> bool:
    """The libyaml in PyYAML's wheels (0.2.6 here) refuses more than 1000 levels itself; a libyaml without
    that limit would recurse in C for every level and crash the process, so nesting is counted first."""
    try:
        yaml.compose("[" * 1100 + "]" * 1100, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return True
    return False


_LIBYAML_LIMITS_NESTING = _FastLoader is _Loader or _libyaml_limits_nesting()


def _construct_mapping(loader: _Loader, node: MappingNode) -> LineDict:
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise ConstructorError(None, None, "found a merge key (<<): merge keys are not allowed",
                                   key_node.start_mark)
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError as exc:
            raise ConstructorError(
                "while constructing a mapping", node.start_mark,
                "found an unhashable key", key_node.start_mark,
            ) from exc
        if key in result:
            raise ConstructorError(
                None, None,
                f"duplicate key {_short(key)} (first at line {result.key_lines[key]})",
                key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_text(loader: _Loader, node: Node) -> str:
    text = loader.construct_scalar(node)  # type: ignore[arg-type]
    if len(text) > MAX_TEXT_CHARS:
        raise ConstructorError(None, None, f"found a text of {len(text):,} characters, more than the "
                               f"{MAX_TEXT_CHARS:,} a value may have", node.start_mark)
    return text


def _refuse_tag(loader: _Loader, node: Node) -> Any:
    raise ConstructorError(None, None, f"found the tag {node.tag.replace('tag:yaml.org,2002:', '!!')}: "
                           "tags are not allowed", node.start_mark)


for _loader in {_Loader, _FastLoader}:
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG, _construct_text)
    for _tag in ("binary", "set", "omap", "pairs"):
        _loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)


class _FileProblem(Exception):
    """Why a file cannot be read as text, on which line."""

    def __init__(self, line: int, message: str, fix: str):
        super().__init__(message)
        self.line, self.message, self.fix = line, message, fix


def read_yaml(path: Path, shown_name: str, root: Path | None = None) -> tuple[Any, list[KBError]]:
    """Parse one file; return (data, errors). Data is None when the file cannot be read.

    `root` is the knowledge folder (default: the file's folder): a link pointing outside it is refused.
    """
    text, errors = read_text(path, shown_name, root)
    if text is None:
        return None, errors
    return parse_yaml(text, shown_name)


def read_text(path: Path, shown_name: str, root: Path | None = None) -> tuple[str | None, list[KBError]]:
    """The file's text (CRLF read as LF, no byte-order mark), or None and the reason with its line."""
    try:
        return _read_text(Path(path), Path(root) if root is not None else Path(path).parent), []
    except _FileProblem as problem:
        return None, [KBError(shown_name, problem.line, problem.message, problem.fix)]


def _read_text(path: Path, root: Path) -> str:
    real = _real_file(path, root)
    try:
        # O_NONBLOCK: a pipe swapped in after the check above must not block the bot
        handle = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise _cannot_open(exc) from exc
    with open(handle, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise _FileProblem(1, "is not an ordinary file", "put a plain text file here")
        _check_size(info.st_size)
        data = file.read(MAX_FILE_BYTES + 1)
    _check_size(len(data))
    return _decode(data)


def _real_file(path: Path, root: Path) -> Path:
    """The file a path names, following links only inside the knowledge folder."""
    link = False
    try:
        link = path.is_symlink()
        real = path.resolve(strict=True)
    except FileNotFoundError as exc:
        if link:
            raise _FileProblem(1, f"is a link to {os.readlink(path)}, which does not exist",
                               "replace the link with the file itself") from exc
        raise _FileProblem(1, "the file is missing",
                           "put the file back, e.g. from the last good version (git checkout or a backup)") from exc
    except (OSError, RuntimeError) as exc:  # a loop of links (RuntimeError before Python 3.13)
        raise _FileProblem(1, "is a link that leads round in a circle",
                           "replace the link with the file itself") from exc
    if link:
        try:
            inside = real.is_relative_to(root.resolve(strict=True))
        except (OSError, RuntimeError):
            inside = False
        if not inside:
            raise _FileProblem(1, f"is a link to {real}, outside the knowledge folder; the bot does not follow it",
                               "copy the file into the knowledge folder instead of linking to it")
    try:
        info = real.stat()
    except OSError as exc:
        raise _cannot_open(exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise _FileProblem(1, "is a folder, not a file", "remove the folder and put the YAML file here")
    if not stat.S_ISREG(info.st_mode):
        raise _FileProblem(1, "is not an ordinary file (a pipe, socket or device)", "put a plain text file here")
    _check_size(info.st_size)
    return real


def _cannot_open(exc: OSError) -> _FileProblem:
    if isinstance(exc, PermissionError):
        return _FileProblem(1, "cannot read the file: permission denied",
                            "let the bot's user read it, e.g. chmod a+r on the file")
    return _FileProblem(1, f"cannot read the file ({exc.strerror or type(exc).__name__})",
                        "check that the file exists and can be read")


def _check_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise _FileProblem(1, f"the file is {size / 1024 / 1024:.1f} MB, more than the "
                           f"{MAX_FILE_BYTES // 1024 // 1024} MB a knowledge file may have",
                           "check that this is the right file; split a long list over several entries "
                           "or ask a developer to raise the limit")


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _FileProblem(1, "the file is saved as UTF-16 (\"Unicode\"), not UTF-8",
                           "save the file with the encoding UTF-8")
    nul = data.find(b"\0")
    if nul >= 0:
        raise _FileProblem(_line_at(data, nul), "found binary data (a NUL byte): this is not a text file",
                           "put the YAML text file back, e.g. from the last good version")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        raise _FileProblem(_line_at(data, exc.start),
                           f"byte 0x{byte:02X} is not UTF-8 text (column {_column_at(data, exc.start)})",
                           "save the file with the encoding UTF-8 (it was probably saved as Latin-1 or "
                           "Windows-1252), or retype the letter on this line") from exc
    text = text.removeprefix("\ufeff")
    bad = _BAD_CHARACTER.search(text)
    if bad:
        char = bad.group()
        what = "a lone carriage return (an old Mac line ending)" if char == "\r" else \
            f"the invisible control character U+{ord(char):04X}"
        raise _FileProblem(_line_at(text, bad.start()), f"found {what}",
                           "delete it (retype the text around it), and save with ordinary line endings")
    if len(text) > MAX_LINE_CHARS:
        lengths = list(map(len, text.split("\n")))
        if max(lengths) > MAX_LINE_CHARS:
            raise _FileProblem(next(n for n, length in enumerate(lengths, 1) if length > MAX_LINE_CHARS),
                               f"the line is longer than {MAX_LINE_CHARS:,} characters",
                               "check that this is the right text; break a long text over several lines")
    return text.replace("\r\n", "\n")


def _short(value: Any) -> str:
    """An exception or a value in at most 200 characters, for a message."""
    text = f"{type(value).__name__}: {value}" if isinstance(value, BaseException) else repr(value)
    return text if len(text) <= 200 else text[:199] + "…"


def _line_at(data: str | bytes, index: int) -> int:
    return data.count("\n" if isinstance(data, str) else b"\n", 0, index) + 1  # type: ignore[arg-type]


def _column_at(data: bytes, index: int) -> int:
    return index - (data.rfind(b"\n", 0, index) + 1) + 1


def parse_yaml(text: str, shown_name: str) -> tuple[Any, list[KBError]]:
    """Parse text already read by read_text; return (data, errors)."""
    fast_error: Exception | None = None
    if not _LIBYAML_LIMITS_NESTING:
        mark = _too_deep(text)
        if mark is not None:
            return None, [KBError(shown_name, mark.line + 1, f"YAML error: {_DEPTH_PROBLEM}",
                                  _yaml_hint(_DEPTH_PROBLEM))]
    try:
        return yaml.load(text, Loader=_FastLoader), []  # noqa: S506 - a SafeLoader
    except Exception as exc:  # noqa: BLE001 - read it again with the pure-Python loader, or report it
        fast_error = exc
    if _FastLoader is not _Loader and len(text) > _PRECISE_BELOW:
        return None, [_yaml_error(fast_error, text, shown_name)]
    try:
        return yaml.load(text, Loader=_Loader), []  # noqa: S506 - a SafeLoader
    except Exception as exc:  # noqa: BLE001 - every failure becomes file:line
        return None, [_yaml_error(exc, text, shown_name)]


def _too_deep(text: str) -> Any:
    """The mark where nesting passes MAX_DEPTH, or None; walks libyaml's events (no recursion)."""
    loader = _FastLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # a syntax error: the parse below reports it
    finally:
        loader.dispose()
    return None


def _yaml_error(exc: Exception, text: str, shown_name: str) -> KBError:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or exc.context or "YAML syntax error"
        context = exc.context_mark
        if context is not None and "quoted scalar" in (exc.context or "") and "end of stream" in problem:
            line, problem = context.line + 1, "a quote opened on this line is never closed"
        elif exc.context and context is not None and exc.problem and context.line + 1 != line:
            problem = f"{exc.context} (line {context.line + 1}), {problem}" if problem.startswith("but ") \
                else f"{problem} ({exc.context} on line {context.line + 1})"
        return KBError(shown_name, line, f"YAML error: {problem}", _yaml_hint(problem, _text_line(text, line)))
    if isinstance(exc, yaml.reader.ReaderError):
        line = _line_at(text, min(max(exc.position, 0), len(text)))
        code = exc.character if isinstance(exc.character, int) else ord(exc.character or "\0")
        return KBError(shown_name, line, f"YAML error: {exc.reason} (character U+{code:04X})",
                       "delete the character (retype the text around it)")
    if isinstance(exc, yaml.YAMLError):
        return KBError(shown_name, 1, f"YAML error: {_short(exc)}", "check the file's indentation")
    return KBError(shown_name, 1, f"the file could not be read ({_short(exc)})",
                   "undo the last edit to this file; if that does not help, tell a developer")


def _text_line(text: str, line: int) -> str:
    lines = text.split("\n", line)
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _yaml_hint(problem: str, line_text: str = "") -> str:
    if "duplicate key" in problem:
        return "remove or rename one of the two keys"
    if "could not determine a constructor" in problem or "tags are not allowed" in problem:
        return "remove the '!tag': only plain text, numbers, lists and mappings are allowed"
    if "alias" in problem:
        return "write the value out in full instead of '*name', and remove the '&name' it refers to"
    if "merge key" in problem:
        return "write the fields out in full in each entry instead of '<<:'"
    if "nested" in problem or "nesting" in problem:
        return "remove the extra brackets or indentation: entries nest only a few levels, as in the other entries"
    if "characters, more than" in problem:
        return "shorten the text: an answer should be a few sentences"
    if "cannot read this value" in problem:
        return "check the value on this line: a date must be a real day (YYYY-MM-DD), a number at most a few digits"
    if "a single document" in problem or "another document" in problem:
        return "remove the '---' or '...' line: one file holds one document"
    if "mapping values are not allowed" in problem:
        return "put text containing ': ' in quotes, or fix the indentation"
    if "'\\t'" in problem or "tab character" in problem or line_text.lstrip(" ")[:1] == "\t":
        return "indent with spaces, not tabs"
    if "quote opened on this line" in problem:
        return "close the quote at the end of the text, or remove it"
    return "check the indentation and quotes on this line and the one above"
