"""Per-user settings in SQLite: the least that lets a conversation continue, keyed by a keyed hash.

Users are stored under HMAC-SHA256(key, user id). The key never sits in the database beside the hashes:
it comes from the environment variable TYONAVI_HASH_KEY, or else from a key file next to the database
(`<database>.key`, mode 0600, generated on first start). No message text is kept except the one question
waiting for a municipality, deleted once answered.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlite_utils

from bot.answer import Context
from bot.config import HASH_KEY_VARIABLE, MIN_HASH_KEY_BYTES, ConfigError, hash_key_from_environment
from bot.conversation.privacy import user_key

#: Where databases made before the key file kept their key (meta table, this key): moved out on open.
_LEGACY_META_KEY = "user_key_secret"
IN_MEMORY = ":memory:"
_SETTINGS = ("language", "seen_language", "municipality", "last_topic", "pending_question")
_SELECT = f"select {', '.join(_SETTINGS)} from users where user_key = ?"
_UPSERT = (f"insert into users (user_key, {', '.join(_SETTINGS)}, updated) values (?, ?, ?, ?, ?, ?, ?) "
           f"on conflict (user_key) do update set {', '.join(f'{c} = excluded.{c}' for c in (*_SETTINGS, 'updated'))}")


def key_file_for(database: str | Path) -> Path:
    """The key file beside a database file: `tyonavi.sqlite` → `tyonavi.sqlite.key`."""
    return Path(f"{database}.key")


def _read_key_file(path: Path) -> bytes:
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (ValueError, UnicodeDecodeError):
        raise ConfigError(f"{path}: not a hex key; restore the file from backup (a new key would orphan "
                          "every stored setting)") from None
    if len(key) < MIN_HASH_KEY_BYTES:
        raise ConfigError(f"{path}: the key is shorter than {MIN_HASH_KEY_BYTES} bytes; restore it from backup")
    return key


def _write_key_file(path: Path, key: bytes) -> None:
    """Create the key file readable by its owner only; never overwrite one."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as file:
        file.write(key.hex() + "\n")
        file.flush()
        os.fsync(file.fileno())


def _legacy_key(db: sqlite_utils.Database) -> bytes | None:
    if not db["meta"].exists():
        return None
    rows = list(db.query("select value from meta where key = ?", [_LEGACY_META_KEY]))
    return bytes.fromhex(rows[0]["value"]) if rows else None


def _drop_legacy_key(db: sqlite_utils.Database) -> None:
    db.execute("pragma secure_delete = on")  # overwrite the freed bytes, so the key is gone from the file
    db.execute("delete from meta where key = ?", [_LEGACY_META_KEY])
    db.conn.commit()


def load_hash_key(db: sqlite_utils.Database, database: str | Path) -> bytes:
    """The key for this database: TYONAVI_HASH_KEY, else its key file (created when missing).

    A database from before the key file still holds its key in the meta table: it is moved to the key
    file (so existing hashes keep matching) and deleted from the database.
    """
    from_environment = hash_key_from_environment()
    legacy = _legacy_key(db)
    if str(database) == IN_MEMORY:
        return from_environment or legacy or secrets.token_bytes(32)
    path = key_file_for(database)
    if from_environment is not None:
        if legacy is not None and legacy != from_environment:
            raise ConfigError(f"{database} still holds its own hash key, which differs from {HASH_KEY_VARIABLE}: "
                              f"start once without {HASH_KEY_VARIABLE} to move that key to {path}, then set "
                              f"{HASH_KEY_VARIABLE} to the key in that file (or unset it)")
        if legacy is not None:
            _drop_legacy_key(db)
        return from_environment
    if path.exists():
        key = _read_key_file(path)
        if legacy is not None and legacy != key:
            raise ConfigError(f"{database} holds a hash key that differs from the one in {path}; the settings "
                              f"in the database were stored with the database's key: move {path} away and start "
                              "again to move that key into a new key file")
    else:
        key = legacy or secrets.token_bytes(32)
        _write_key_file(path, key)
    if legacy is not None:
        _drop_legacy_key(db)
    return key


def _tune(db: sqlite_utils.Database) -> None:
    """Write-ahead log with synchronous=NORMAL: a commit is an append, no fsync, yet survives a killed process
    (only a power cut can lose the last commits; the file stays consistent either way). Freed space is zeroed
    (secure_delete), so deleted rows do not linger in the file. Called after the legacy key is moved out."""
    db.execute("pragma journal_mode = wal")
    db.execute("pragma synchronous = normal")
    db.execute("pragma secure_delete = on")


@dataclass(frozen=True, slots=True)
class UserSettings:
    """What is remembered about one person; all optional."""

    language: str | None = None  # chosen explicitly (/language, deep link); passed to the engine
    seen_language: str | None = None  # language of the last answer, for buttons and notices
    municipality: str | None = None
    last_topic: str | None = None
    pending_question: str | None = None

    @property
    def context(self) -> Context:
        return Context(language=self.language, municipality=self.municipality, last_topic=self.last_topic,
                       last_language=self.seen_language)

    def with_context(self, context: Context) -> UserSettings:
        return replace(self, municipality=context.municipality, last_topic=context.last_topic)


class Storage:
    """The settings table behind one SQLite file; every call is one small, quick statement."""

    def __init__(self, path: str | Path, now=lambda: datetime.now(UTC)):
        # In memory (the web chat without a database): one connection that the serving thread may use too.
        self.db = sqlite_utils.Database(sqlite3.connect(IN_MEMORY, check_same_thread=False) if str(path) == IN_MEMORY
                                        else path)
        self._now = now
        users = self.db["users"]
        if not users.exists():
            users.create({"user_key": str, "language": str, "seen_language": str, "municipality": str,
                          "last_topic": str, "pending_question": str, "updated": str}, pk="user_key")
        try:
            self._secret = load_hash_key(self.db, path)
        except ConfigError:
            self.db.close()
            raise
        _tune(self.db)

    @property
    def secret(self) -> bytes:
        """The key user ids are hashed with; other tables in this database (analytics) hash with it too."""
        return self._secret

    def _key(self, user_id: int) -> str:
        return user_key(self._secret, user_id)

    def get(self, user_id: int) -> UserSettings:
        row = self.db.conn.execute(_SELECT, [self._key(user_id)]).fetchone()
        return UserSettings(*row) if row else UserSettings()

    def save(self, user_id: int, settings: UserSettings, commit: bool = True) -> None:
        """One upsert (plain SQL: sqlite-utils' upsert first reads the table's schema), committed at once unless
        `commit` is False: then the caller's next commit on this connection writes it (see Conversations)."""
        self.db.conn.execute(_UPSERT, [self._key(user_id), settings.language, settings.seen_language,
                                       settings.municipality, settings.last_topic, settings.pending_question,
                                       self._now().date().isoformat()])
        if commit:
            self.db.conn.commit()

    def forget(self, user_id: int) -> int:
        """Delete the person's settings; returns how many rows went (0 or 1). Their analytics rows, hand-over case
        and waiting updates are in other tables: bot/conversation/erasure.py removes them all."""
        cursor = self.db.execute("delete from users where user_key = ?", [self._key(user_id)])
        self.db.conn.commit()
        return cursor.rowcount

    def purge(self, retention_days: int) -> int:
        """Delete settings of people silent for more than `retention_days`; returns how many."""
        cutoff = (self._now() - timedelta(days=retention_days)).date().isoformat()
        cursor = self.db.execute("delete from users where updated < ?", [cutoff])
        self.db.conn.commit()
        return cursor.rowcount

    def close(self) -> None:
        self.db.close()
