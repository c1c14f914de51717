"""Live knowledge-base updates: validate a new version in full, then swap it in whole.

A broken edit never reaches users: the last good engine keeps serving and the errors are
returned for staff. Channels hold a `LiveKnowledge` and ask it for the current engine per message.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.engine import Engine
from bot.kb import KBError, load_knowledge_base
from bot.kb.errors import KnowledgeBaseInvalid

logger = logging.getLogger("tyonavi.live")

#: Editors save in bursts (temp file, rename, backup): wait this long for quiet before reloading.
DEBOUNCE_MS = 400


@dataclass(frozen=True, slots=True)
class ReloadResult:
    """How a reload went; bot/staff/messages.py `reload_text` words it for staff."""

    ok: bool
    errors: tuple[KBError, ...] = ()
    version: int = 0


@dataclass
class LiveKnowledge:
    """The engine in service. Replacing `engine` is one reference assignment: readers never see half."""

    directory: Path
    engine: Engine = field(init=False)
    version: int = field(default=1, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.directory = Path(self.directory)
        self.engine = Engine(load_knowledge_base(self.directory))  # start-up must fail loudly if broken

    def reload(self) -> ReloadResult:
        """Validate the directory as it is now; swap in a new engine only when it is clean.

        Thread-safe: the file watcher and /reload may both reload (each in a worker thread).
        """
        with self._lock:
            errors: tuple[KBError, ...] = ()
            try:
                engine = Engine(load_knowledge_base(self.directory))
            except KnowledgeBaseInvalid as exc:
                errors = tuple(exc.errors)
            except Exception as exc:  # noqa: BLE001 - validation missed something: keep serving regardless
                logger.exception("knowledge base reload failed while indexing")
                errors = (KBError(str(self.directory), 0, f"the bot could not index this version "
                                  f"({type(exc).__name__}: {exc})", "undo the last edit and tell a developer"),)
            if errors:
                logger.warning("knowledge base reload refused: %d error(s)", len(errors))
                for error in errors:
                    logger.warning("%s", error)
                return ReloadResult(False, errors, self.version)
            self.engine = engine
            self.version += 1
            logger.info("knowledge base reloaded, version %d", self.version)
            return ReloadResult(True, (), self.version)


async def watch(live: LiveKnowledge, on_result: Callable[[ReloadResult], Awaitable[None]],
                stop: asyncio.Event | None = None) -> None:
    """Reload whenever a YAML file in the directory changes, and report each result."""
    from watchfiles import awatch

    def yaml_only(_change: object, path: str) -> bool:
        return path.endswith((".yaml", ".yml"))

    async for _changes in awatch(live.directory, watch_filter=yaml_only, debounce=DEBOUNCE_MS,
                                 stop_event=stop, recursive=False):
        result = await asyncio.to_thread(live.reload)
        await on_result(result)
