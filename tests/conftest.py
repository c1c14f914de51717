"""Shared fixtures: the shipped knowledge base and one engine, built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import SHIPPED_KNOWLEDGE
from bot.engine import Engine
from bot.kb import KnowledgeBase, load_knowledge_base


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base(SHIPPED_KNOWLEDGE)


@pytest.fixture(scope="session")
def engine(kb: KnowledgeBase) -> Engine:
    return Engine(kb)


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped knowledge base that a test may break."""
    target = tmp_path / "knowledge"
    shutil.copytree(SHIPPED_KNOWLEDGE, target)
    return target
