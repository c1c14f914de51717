"""Per-user settings in SQLite: the least that lets a conversation continue, keyed by a keyed hash.

Users are stored under HMAC-SHA256(secret, user id); the secret lives in the database's meta table
and is generated on first start. No message text is kept except the one question waiting for a
municipality, deleted once answered.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlite_utils

from bot.answer import Context
from bot.privacy import user_key

_SECRET_KEY = "user_key_secret"


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
        return Context(language=self.language, municipality=self.municipality, last_topic=self.last_topic)

    def with_context(self, context: Context) -> UserSettings:
        return replace(self, municipality=context.municipality, last_topic=context.last_topic)


class Storage:
    """The settings table behind one SQLite file; every call is one small, quick statement."""

    def __init__(self, path: str | Path, now=lambda: datetime.now(UTC)):
        self.db = sqlite_utils.Database(path)
        self._now = now
        meta = self.db["meta"]
        if not meta.exists():
            meta.create({"key": str, "value": str}, pk="key")
        users = self.db["users"]
        if not users.exists():
            users.create({"user_key": str, "language": str, "seen_language": str, "municipality": str,
                          "last_topic": str, "pending_question": str, "updated": str}, pk="user_key")
        rows = list(self.db.query("select value from meta where key = ?", [_SECRET_KEY]))
        if rows:
            self._secret = bytes.fromhex(rows[0]["value"])
        else:
            self._secret = secrets.token_bytes(32)
            meta.insert({"key": _SECRET_KEY, "value": self._secret.hex()})

    @property
    def secret(self) -> bytes:
        """The key user ids are hashed with; other tables in this database (analytics) hash with it too."""
        return self._secret

    def _key(self, user_id: int) -> str:
        return user_key(self._secret, user_id)

    def get(self, user_id: int) -> UserSettings:
        rows = list(self.db.query("select * from users where user_key = ?", [self._key(user_id)]))
        if not rows:
            return UserSettings()
        row = rows[0]
        return UserSettings(language=row["language"], seen_language=row["seen_language"],
                            municipality=row["municipality"], last_topic=row["last_topic"],
                            pending_question=row["pending_question"])

    def save(self, user_id: int, settings: UserSettings) -> None:
        self.db["users"].upsert({
            "user_key": self._key(user_id), "language": settings.language, "seen_language": settings.seen_language,
            "municipality": settings.municipality, "last_topic": settings.last_topic,
            "pending_question": settings.pending_question, "updated": self._now().date().isoformat(),
        }, pk="user_key")

    def forget(self, user_id: int) -> None:
        """Delete everything stored about the person."""
        self.db.execute("delete from users where user_key = ?", [self._key(user_id)])
        self.db.conn.commit()

    def purge(self, retention_days: int) -> int:
        """Delete settings of people silent for more than `retention_days`; returns how many."""
        cutoff = (self._now() - timedelta(days=retention_days)).date().isoformat()
        cursor = self.db.execute("delete from users where updated < ?", [cutoff])
        self.db.conn.commit()
        return cursor.rowcount

    def close(self) -> None:
        self.db.close()
