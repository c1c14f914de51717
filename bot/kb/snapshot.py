"""The last knowledge base that validated, kept beside the database, so a broken file on disk cannot stop a start.

While the bot runs, a broken edit is refused and the last good version keeps serving (bot/staff/live.py). A restart
used to lose that version: the files on disk were all there was. Now every version that validates (at start or
on reload) is copied beside the database (`tyonavi.kb-snapshot/` beside `tyonavi.sqlite`); when the files on
disk do not validate at start, the bot serves that copy, staff are told the file:line of each error, and a
marker file in the snapshot says so, for `tyonavi health` (`serving_snapshot`). The first good reload from
disk replaces the snapshot and the marker.
"""

from __future__ import annotations

import json
import logging
import shutil
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bot.conversation.storage import IN_MEMORY
from bot.engine import Engine
from bot.kb import KBError, load_knowledge_base
from bot.kb.errors import KnowledgeBaseInvalid
from bot.staff.live import LiveKnowledge, ReloadResult

logger = logging.getLogger("tyonavi.live")

#: Written in the snapshot directory: when it was taken and from where.
ABOUT = "snapshot.json"
#: Present in the snapshot directory while the bot serves the snapshot; holds one line saying why.
SERVING = "SERVING"


def snapshot_dir(database: str | Path) -> Path:
    """`/var/lib/tyonavi/tyonavi.sqlite` → `/var/lib/tyonavi/tyonavi.kb-snapshot/`: beside the database, but not
    named `tyonavi.sqlite*`, which is the database's own files (its -wal, -shm and .key)."""
    database = Path(database)
    return database.with_name(f"{database.stem}.kb-snapshot")


def save_snapshot(directory: Path, database: str | Path, now: datetime | None = None) -> Path | None:
    """Copy the knowledge base's YAML files beside the database, replacing the last snapshot whole.

    Call only with a directory that has just validated. Nothing is kept for an in-memory database.
    """
    if str(database) == IN_MEMORY:
        return None
    target = snapshot_dir(database)
    fresh, stale = target.with_name(f"{target.name}.new"), target.with_name(f"{target.name}.old")
    for leftover in (fresh, stale):
        shutil.rmtree(leftover, ignore_errors=True)
    fresh.mkdir()
    for path in sorted(Path(directory).iterdir()):
        if path.is_file() and path.suffix in (".yaml", ".yml"):
            shutil.copy2(path, fresh / path.name)
    about = {"saved": (now or datetime.now(UTC)).isoformat(timespec="seconds"), "from": str(directory)}
    (fresh / ABOUT).write_text(json.dumps(about) + "\n", encoding="utf-8")
    if target.exists():
        target.rename(stale)
    fresh.rename(target)
    shutil.rmtree(stale, ignore_errors=True)
    return target


def snapshot_saved(database: str | Path) -> str:
    """When the snapshot was taken (ISO 8601, UTC), or "" when unknown."""
    try:
        return json.loads((snapshot_dir(database) / ABOUT).read_text(encoding="utf-8")).get("saved", "")
    except (OSError, ValueError):
        return ""


def serving_snapshot(database: str | Path) -> str | None:
    """One line saying why the bot serves its snapshot instead of the files on disk; None when it does not.

    `database` is the bot's storage.path (the snapshot sits beside it). For `tyonavi health`.
    """
    try:
        return (snapshot_dir(database) / SERVING).read_text(encoding="utf-8").strip() or "serving the snapshot"
    except OSError:
        return None


def _mark_serving(database: str | Path, errors: list[KBError]) -> str:
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    line = (f"the knowledge base on disk does not validate: {errors[0]}{more}; serving the last good version, "
            f"saved {snapshot_saved(database) or 'at an unknown time'}")
    (snapshot_dir(database) / SERVING).write_text(line + "\n", encoding="utf-8")
    return line


@dataclass
class SnapshotKnowledge(LiveKnowledge):
    """LiveKnowledge that keeps a snapshot of every good version and starts from it when the disk is broken.

    `startup_errors` holds what was wrong on disk when the snapshot had to be served (empty otherwise).
    """

    database: str | Path = IN_MEMORY
    startup_errors: tuple[KBError, ...] = field(default=(), init=False)
    _saving: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.directory = Path(self.directory)
        try:
            kb = load_knowledge_base(self.directory)
        except KnowledgeBaseInvalid as exc:
            kb = self._snapshot_or_raise(exc)
        else:
            self._save()
        self.engine = Engine(kb)

    def _save(self) -> None:
        with self._saving:  # the watcher and /reload may both have a good version to keep
            try:
                save_snapshot(self.directory, self.database)
            except OSError as exc:  # the version on disk serves regardless; only a broken next start is affected
                logger.warning("could not save the knowledge base snapshot: %s", exc)

    def _snapshot_or_raise(self, broken: KnowledgeBaseInvalid):
        snapshot = snapshot_dir(self.database)
        if str(self.database) == IN_MEMORY or not snapshot.is_dir():
            raise broken
        try:
            kb = load_knowledge_base(snapshot)
        except KnowledgeBaseInvalid:
            logger.error("the knowledge base snapshot %s does not validate either; cannot start", snapshot)
            raise broken from None
        self.startup_errors = tuple(broken.errors)
        logger.error("%s", _mark_serving(self.database, broken.errors))
        for error in broken.errors:
            logger.error("%s", error)
        return kb

    def reload(self) -> ReloadResult:
        """A good version from disk also becomes the snapshot, and ends serving the old one."""
        result = super().reload()
        if result.ok:
            self._save()  # a new snapshot has no SERVING marker
            self.startup_errors = ()
        return result
