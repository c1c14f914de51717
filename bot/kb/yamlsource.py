"""Safe YAML reading that remembers line numbers and refuses duplicate keys.

Staff need `file:line` in every error, and a duplicated key silently overwriting another
is exactly the kind of typo that must not reach the running bot.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, SequenceNode

from bot.kb.errors import KBError


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


class _Loader(yaml.SafeLoader):
    """SafeLoader that builds LineDict/LineList and rejects duplicate keys (pure Python: exact error texts)."""


_FastLoader: type = _Loader
if yaml.__with_libyaml__:  # libyaml parses about 4x faster; errors are re-read with the Python loader

    class _CLoader(yaml.CSafeLoader):  # type: ignore[misc, valid-type]
        """The same loader on libyaml."""

    _FastLoader = _CLoader


def _construct_mapping(loader: _Loader, node: MappingNode) -> LineDict:
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
                f"duplicate key {key!r} (first at line {result.key_lines[key]})",
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


for _loader in {_Loader, _FastLoader}:
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_yaml(path: Path, shown_name: str) -> tuple[Any, list[KBError]]:
    """Parse one file; return (data, errors). Data is None when the file cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [KBError(shown_name, 1, f"the file is not UTF-8 text ({exc.reason})",
                              "save the file as UTF-8")]
    except OSError as exc:
        return None, [KBError(shown_name, 1, f"cannot read the file ({exc.strerror})",
                              "check that the file exists and can be read")]
    try:
        return yaml.load(text, Loader=_FastLoader), []  # noqa: S506 - a SafeLoader
    except yaml.YAMLError:
        pass  # read it again with the pure-Python loader, whose messages the hints below know
    try:
        return yaml.load(text, Loader=_Loader), []  # noqa: S506 - a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or "YAML syntax error"
        return None, [KBError(shown_name, line, f"YAML error: {problem}", _yaml_hint(problem))]
    except yaml.YAMLError as exc:
        return None, [KBError(shown_name, 1, f"YAML error: {exc}", "check the file's indentation")]


def _yaml_hint(problem: str) -> str:
    if "duplicate key" in problem:
        return "remove or rename one of the two keys"
    if "could not determine a constructor" in problem:
        return "remove the '!tag': only plain text, numbers, lists and mappings are allowed"
    if "mapping values are not allowed" in problem:
        return "put text containing ': ' in quotes, or fix the indentation"
    if "found character '\\t'" in problem:
        return "indent with spaces, not tabs"
    return "check the indentation and quotes on this line and the one above"
