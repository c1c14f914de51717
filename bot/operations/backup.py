"""A consistent copy of the bot's SQLite database, taken while the bot runs (SQLite's online backup API).

Copying the file with `cp` while the bot writes is not a backup: in WAL mode the newest commits sit in the
`-wal` file, and a copy taken mid-write can be torn. SQLite's backup API copies the pages of one read
snapshot instead, so the copy holds exactly the commits made before it started. The copy is a single file
(no `-wal` beside it), checked with `PRAGMA integrity_check` before it is given its final name. Updates
waiting in the inbox at that moment are marked handled in the copy (see `_settle_inbox`).

The key user ids are hashed with (and the inbox is encrypted with) is not in the database: it is
TYONAVI_HASH_KEY or the key file beside the database (bot/conversation/storage.py). A restored database needs that
same key, so it is backed up apart, not copied next to the database copy.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.conversation.inbox import DONE
from bot.conversation.storage import key_file_for

#: Files that belong to the live database and must never be written by a backup.
_LIVE_SUFFIXES = ("", "-wal", "-shm", "-journal", ".key")


class BackupRefused(Exception):
    """The backup was not made; the message says why and what to do instead."""


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    size: int
    key_file: Path


def backup_name(now: datetime) -> str:
    """The file name used when the target is a directory: sortable, one per second."""
    return f"tyonavi-{now.strftime('%Y%m%d-%H%M%S')}.sqlite"


def _target(database: Path, to: Path, now: datetime) -> Path:
    target = to / backup_name(now) if to.is_dir() else to
    live = {Path(f"{database}{suffix}").resolve() for suffix in _LIVE_SUFFIXES}
    if target.resolve() in live:
        raise BackupRefused(f"{target} is the live database (or one of its files); give another path with --to")
    if target.exists():
        raise BackupRefused(f"{target} already exists; give a new file name or a directory with --to")
    if not target.parent.is_dir():
        raise BackupRefused(f"{target.parent} is not a directory; create it first")
    return target


def _settle_inbox(copy: sqlite3.Connection) -> None:
    """Updates waiting in the inbox at the moment of the backup are the live bot's to answer (it does so within
    seconds): a bot restored from this copy, perhaps days later, must not answer them a second time. They are
    marked handled and their (encrypted) content is wiped from the copy."""
    if copy.execute("select 1 from sqlite_master where type = 'table' and name = 'inbox'").fetchone():
        copy.execute("pragma secure_delete = on")
        copy.execute("update inbox set state = ?, payload = null where state != ?", (DONE, DONE))
        copy.commit()


def backup_database(database: str | Path, to: str | Path, now: datetime | None = None) -> BackupResult:
    """Copy `database` to `to` (a new file, or a directory to put a dated file in) while the bot may be writing.

    The source is opened read-only, so a backup can never change the live database.
    """
    database = Path(database)
    if not database.is_file():
        raise BackupRefused(f"no database at {database} (check storage.path in the config)")
    target = _target(database, Path(to), now or datetime.now(UTC))
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)  # all pages in one step: one consistent read snapshot
            _settle_inbox(copy)
            copy.execute("pragma journal_mode = delete")  # a single self-contained file
            verdict = copy.execute("pragma integrity_check").fetchone()[0]
        finally:
            copy.close()
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupRefused(f"could not copy {database}: {exc}") from exc
    finally:
        source.close()
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise BackupRefused(f"the copy of {database} failed its integrity check ({verdict}); nothing was kept")
    os.chmod(partial, 0o600)  # it holds the same (hashed, encrypted) data as the database
    os.replace(partial, target)
    return BackupResult(target, target.stat().st_size, key_file_for(database))
