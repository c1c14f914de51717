"""No knowledge-base file can make the bot print a traceback or stop serving (issue 10, item 2).

Every recipe in recipes.py breaks one file of a fresh copy of the shipped knowledge base in one way.
For each: `tyonavi kb validate DIR`, run as staff run it, exits 1 within 5 s naming `file:line:` of the
broken file and prints no traceback; and live reload refuses the same break while the last good
version keeps answering.
"""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot import SHIPPED_KNOWLEDGE
from bot.cli import main
from bot.kb import load_knowledge_base, validate_directory, yamlsource
from bot.staff.live import LiveKnowledge

from .recipes import RECIPES, Recipe, insert_after

QUESTION = "asun kuhmossa"
ROOT = Path(__file__).resolve().parents[2]
TIME_LIMIT_S = 5.0


def test_the_corpus_has_at_least_30_distinct_broken_knowledge_bases():
    assert len(RECIPES) >= 30
    assert len({r.name for r in RECIPES}) == len(RECIPES)


def _validate(directory: Path, recipe: Recipe, monkeypatch, capsys) -> tuple[int, str, float]:
    """Exit status, everything printed, seconds taken."""
    started = time.perf_counter()
    if recipe.mock:  # only in this process can the file be made unreadable for root
        recipe.mock(monkeypatch, directory / recipe.file)
        status = main(["kb", "validate", str(directory)])
        captured = capsys.readouterr()
        return status, captured.out + captured.err, time.perf_counter() - started
    # `tyonavi kb validate DIR` as staff run it, on this checkout's code (the script's entry point is main)
    result = subprocess.run([sys.executable, "-m", "bot.cli", "kb", "validate", str(directory)], cwd=ROOT,
                            capture_output=True, timeout=TIME_LIMIT_S, env={**os.environ, "PYTHONUTF8": "1"},
                            check=False)
    elapsed = time.perf_counter() - started
    return result.returncode, (result.stdout + result.stderr).decode("utf-8", "replace"), elapsed


@pytest.mark.parametrize("recipe", RECIPES, ids=str)
def test_kb_validate_names_file_and_line_without_a_traceback(recipe: Recipe, kb_copy: Path, monkeypatch, capsys):
    path = kb_copy / recipe.file
    try:
        line = recipe.make(path)
        status, printed, elapsed = _validate(kb_copy, recipe, monkeypatch, capsys)
    finally:
        shutil.rmtree(kb_copy.parent)  # 50 MB files and pipes need not outlive the test
    assert "Traceback" not in printed
    assert status == 1, printed[:2000]
    assert elapsed < TIME_LIMIT_S
    errors = [text for text in printed.splitlines() if not text.endswith("keep serving the last good version.")]
    assert errors, printed[:2000]
    assert all(text.startswith(f"{path}:") for text in errors), printed[:2000]  # only the broken file
    assert errors[0].startswith(f"{path}:{line}: "), errors[0][:500]
    assert recipe.words in errors[0] and ". Fix: " in errors[0], errors[0][:500]
    assert len(printed) < 10_000  # no file content poured out


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> LiveKnowledge:
    """One bot in service for the module, on its own copy of the knowledge base."""
    root = tmp_path_factory.mktemp("live")
    shutil.copytree(SHIPPED_KNOWLEDGE, root / "pristine")
    shutil.copytree(root / "pristine", root / "knowledge")
    return LiveKnowledge(root / "knowledge")


@pytest.fixture(scope="module")
def good_answer(live: LiveKnowledge) -> str:
    return live.engine.answer(QUESTION).text


def _restore(live: LiveKnowledge) -> None:
    for leftover in (live.directory.parent / "outside", live.directory):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover)
    shutil.copytree(live.directory.parent / "pristine", live.directory)


@pytest.mark.parametrize("recipe", RECIPES, ids=str)
def test_live_reload_refuses_it_and_the_last_good_version_keeps_answering(
        recipe: Recipe, live: LiveKnowledge, good_answer: str, monkeypatch):
    serving, version = live.engine, live.version
    path = live.directory / recipe.file
    try:
        line = recipe.make(path)
        if recipe.mock:
            recipe.mock(monkeypatch, path)
        started = time.perf_counter()
        result = live.reload()
        elapsed = time.perf_counter() - started
    finally:
        monkeypatch.undo()
        _restore(live)
    assert not result.ok and result.version == version == live.version
    assert str(result.errors[0]).startswith(f"{path}:{line}: ")
    assert live.engine is serving
    assert live.engine.answer(QUESTION).text == good_answer
    assert elapsed < TIME_LIMIT_S


def test_live_still_takes_a_good_edit_after_every_broken_one(live: LiveKnowledge):
    path = live.directory / "area.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\n  id:", "\n  # a comment\n  id:", 1), encoding="utf-8")
    result = live.reload()
    assert result.ok, [str(e) for e in result.errors]


# -- what must keep working ------------------------------------------------------------------------------

def _crlf(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def _bom(path: Path) -> None:
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())


def _link_inside(path: Path) -> None:
    kept = path.with_name(f"{path.stem}-current.yml")
    path.rename(kept)
    path.symlink_to(kept.name)


@pytest.mark.parametrize("change", [_crlf, _bom, lambda p: (_bom(p), _crlf(p)), _link_inside],
                         ids=["crlf", "bom", "bom+crlf", "link-inside-the-folder"])
def test_windows_line_endings_a_bom_and_links_inside_the_folder_are_accepted(change, kb_copy: Path, capsys):
    before = load_knowledge_base(kb_copy)
    for path in sorted(kb_copy.glob("*.yaml")):
        change(path)
    assert main(["kb", "validate", str(kb_copy)]) == 0, capsys.readouterr().out
    assert load_knowledge_base(kb_copy) == before


# -- the guards themselves -------------------------------------------------------------------------------

def test_an_older_libyaml_without_a_nesting_limit_is_checked_first(kb_copy: Path, monkeypatch):
    """libyaml before 0.2.6 recursed without limit (in C: a crash, not an exception); we then count first."""
    monkeypatch.setattr(yamlsource, "_LIBYAML_LIMITS_NESTING", False)
    path = kb_copy / "area.yaml"
    line = insert_after(path, "area", "  deep:", *["    ["] * 100_000, *["    ]"] * 100_000)
    errors = validate_directory(kb_copy)
    assert str(errors[0]).startswith(f"{path}:{line + 49}: ") and "nested more than 50" in str(errors[0])
    assert yamlsource.parse_yaml("a: [1, [2, {b: 3}]]\n", "x") == ({"a": [1, [2, {"b": 3}]]}, [])


def test_a_failure_nobody_foresaw_is_reported_on_the_file_being_read(kb_copy: Path, monkeypatch):
    def broken(*_args):
        raise IndexError("unexpected")

    monkeypatch.setattr("bot.kb.sections.build_texts", broken)
    errors = validate_directory(kb_copy)
    assert len(errors) == 1
    assert str(errors[0]).startswith(f"{kb_copy / 'texts.yaml'}:1: ") and "IndexError" in str(errors[0])


def test_a_recursion_deep_in_the_checks_is_reported_not_raised(kb_copy: Path, monkeypatch):
    def endless(data, file, errors):
        return endless(data, file, errors)

    monkeypatch.setattr("bot.kb.sections.build_routing", endless)
    errors = validate_directory(kb_copy)
    assert str(errors[0]).startswith(f"{kb_copy / 'routing.yaml'}:1: ") and "nested too deeply" in str(errors[0])


def test_every_value_is_built_at_once_so_the_guards_see_each_node():
    """The loaders' construct_object skips PyYAML's handling of generator constructors: there must be none."""
    for loader in {yamlsource._Loader, yamlsource._FastLoader}:
        assert not any(inspect.isgeneratorfunction(c) for c in loader.yaml_constructors.values())
