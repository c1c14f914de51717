"""An operator installs exactly what was tested: hashed lock files that cover pyproject.toml, bounds that hold.

requirements.lock (what the bot runs on) and requirements-dev.lock (that plus the tools, what the README's set-up
and CI install) are made by `uv pip compile` from pyproject.toml. A dependency added to pyproject.toml but not
locked, a lock that drifted outside a bound, or a line without a hash would let an install take something nobody
tested, so each is a failure here. That the lower bounds themselves work is CI's lowest-direct pass (.ci/run).
"""

from __future__ import annotations

import re
import shlex
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
RUNTIME = [Requirement(text) for text in PYPROJECT["project"]["dependencies"]]
DEV = [Requirement(text) for text in PYPROJECT["project"]["optional-dependencies"]["dev"]]
LOCKS = {"requirements.lock": RUNTIME, "requirements-dev.lock": RUNTIME + DEV}


@dataclass(frozen=True)
class Pin:
    name: str
    version: Version
    marker: Marker | None
    hashes: tuple[str, ...]

    def applies_here(self) -> bool:
        return self.marker is None or self.marker.evaluate()


def read_lock(name: str) -> list[Pin]:
    """The pins of a lock file in pip's requirements format, continuation lines joined, comments dropped."""
    text = (ROOT / name).read_text(encoding="utf-8")
    logical = re.sub(r"\\\n", " ", text)
    pins = []
    for line in logical.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        hashes = tuple(re.findall(r"--hash=(\S+)", line))
        requirement = Requirement(re.sub(r"--hash=\S+", "", line).strip())
        specifiers = list(requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", f"{name}: {line[:80]} is not pinned with =="
        pins.append(Pin(canonicalize_name(requirement.name), Version(specifiers[0].version), requirement.marker,
                        hashes))
    return pins


def pinned_here(pins: list[Pin]) -> dict[str, Version]:
    return {pin.name: pin.version for pin in pins if pin.applies_here()}


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_pin_has_a_sha256_hash(lock):
    pins = read_lock(lock)
    assert pins
    unhashed = [pin.name for pin in pins if not pin.hashes or not all(h.startswith("sha256:") for h in pin.hashes)]
    assert not unhashed, f"{lock}: no sha256 hash for {unhashed}"


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_the_lock_pins_every_dependency_of_pyproject_within_its_bounds(lock):
    pinned = pinned_here(read_lock(lock))
    problems = []
    for requirement in LOCKS[lock]:
        name = canonicalize_name(requirement.name)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        if name not in pinned:
            problems.append(f"{requirement} is not in the lock")
        elif not requirement.specifier.contains(pinned[name], prereleases=True):
            problems.append(f"{requirement} but the lock has {pinned[name]}")
    assert not problems, f"{lock} does not cover pyproject.toml (regenerate it, README 'Set up and test'): {problems}"


def test_the_runtime_lock_is_the_dev_lock_without_the_tools():
    """Both were made from the same pyproject.toml at the same time: the bot runs on what the tests ran on."""
    runtime = pinned_here(read_lock("requirements.lock"))
    dev = pinned_here(read_lock("requirements-dev.lock"))
    differing = {name: (version, dev.get(name)) for name, version in runtime.items() if dev.get(name) != version}
    assert not differing, f"requirements.lock and requirements-dev.lock disagree: {differing}"


def test_the_extras_asked_for_are_locked_too():
    """python-telegram-bot[rate-limiter,job-queue,webhooks] brings aiolimiter, APScheduler and tornado."""
    pinned = pinned_here(read_lock("requirements.lock"))
    missing = []
    for requirement in RUNTIME:
        if not requirement.extras:
            continue
        for text in metadata.requires(requirement.name) or []:
            needed = Requirement(text)
            asked = any(needed.marker is not None and needed.marker.evaluate({"extra": extra})
                        for extra in requirement.extras)
            if asked and canonicalize_name(needed.name) not in pinned:
                missing.append(f"{needed.name} (for {requirement.name}{sorted(requirement.extras)})")
    assert not missing, f"requirements.lock lacks {missing}"


def test_python_telegram_bot_stays_below_23():
    """handlers/ subclasses PTB's rate limiter and update processor: a major version may change them."""
    ptb = next(r for r in RUNTIME if canonicalize_name(r.name) == "python-telegram-bot")
    assert ptb.specifier.contains("22.6") and not ptb.specifier.contains("23.0")


@pytest.mark.parametrize("tool", ["ruff", "uv"])
def test_the_tools_are_pinned_exactly(tool):
    """A new ruff release adds rules: `ruff check .` must not start failing on a clean clone by itself."""
    requirement = next(r for r in DEV if canonicalize_name(r.name) == tool)
    assert [s.operator for s in requirement.specifier] == ["=="], str(requirement)


def _setup_command(text: str) -> str:
    return next(line.split("#", 1)[0].strip() for line in text.splitlines()
                if line.startswith("python3 -m venv .venv"))


def test_readme_set_up_is_one_command_that_installs_from_the_lock_and_ci_runs_it():
    readme_setup = _setup_command((ROOT / "README.md").read_text(encoding="utf-8"))
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_setup == _setup_command(ci)
    words = shlex.split(readme_setup)
    assert "requirements-dev.lock" in words and "--no-deps" in words
    assert "--resolution lowest-direct" in ci and "uv pip compile" in ci
