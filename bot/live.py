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
from bot.kb import KBError, load_knowledge_base, validate_directory
from bot.kb.errors import KnowledgeBaseInvalid

logger = logging.getLogger("tyonavi.live")

#: Editors save in bursts (temp file, rename, backup): wait this long for quiet before reloading.
DEBOUNCE_MS = 400


@dataclass(frozen=True, slots=True)
class ReloadResult:
    ok: bool
    errors: tuple[KBError, ...] = ()
    version: int = 0

    def summary(self) -> str:
        if self.ok:
            return f"Knowledge base reloaded (version {self.version})."
        lines = [f"Knowledge base NOT reloaded: {len(self.errors)} error(s); the previous version keeps serving."]
        lines += [str(e) for e in self.errors[:20]]
        if len(self.errors) > 20:
            lines.append(f"… and {len(self.errors) - 20} more (run `tyonavi kb validate`).")
        return "\n".join(lines)


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
            try:
                engine = Engine(load_knowledge_base(self.directory))
            except KnowledgeBaseInvalid as exc:
                logger.warning("knowledge base reload refused: %d error(s)", len(exc.errors))
                for error in exc.errors:
                    logger.warning("%s", error)
                return ReloadResult(False, tuple(exc.errors), self.version)
            self.engine = engine
            self.version += 1
            logger.info("knowledge base reloaded, version %d", self.version)
            return ReloadResult(True, (), self.version)

    def check(self) -> list[KBError]:
        return validate_directory(self.directory)


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
