"""What people asked and how the bot answered, in SQLite, with personal data redacted on the way in.

Every row keeps only: the hour (UTC), language, municipality, topic, audiences, answer kind,
confidence and a keyed hash of the user. The question's text is kept, redacted, only when the
bot could not answer well (fallback, clarify, or confidence below `LOW_CONFIDENCE`), so staff
can teach it. Rows older than the retention period are deleted by `purge_older_than`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType

from sqlite_utils import Database

from bot.answer import CLARIFY, LOW_CONFIDENCE, UNANSWERED_KINDS, Answer
from bot.conversation.privacy import redact, user_key

ANSWERS = "analytics_answers"
FEEDBACK = "analytics_feedback"
RETENTION_DAYS = 90
HOUR_FORMAT = "%Y-%m-%dT%H:00Z"
_ANSWER_COLUMNS = ("hour", "language", "municipality", "topic", "audiences", "kind", "confidence", "text", "user")
_INSERT = (f"INSERT INTO [{ANSWERS}] ({', '.join(f'[{c}]' for c in _ANSWER_COLUMNS)}) "
           f"VALUES ({', '.join('?' * len(_ANSWER_COLUMNS))})")


def open_database(db: Database | str | Path) -> Database:
    """A sqlite-utils Database for a path, or the one given."""
    return db if isinstance(db, Database) else Database(db)


def hour_of(moment: datetime | None = None) -> str:
    """The UTC hour of `moment` (default: now) as stored: precise enough, and no more."""
    moment = moment or datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("give an aware datetime (with tzinfo), not a naive one")
    return moment.astimezone(UTC).strftime(HOUR_FORMAT)


def keeps_text(answer: Answer) -> bool:
    """True when the bot did not answer well enough and staff need to see what was asked."""
    return answer.kind in UNANSWERED_KINDS or answer.kind == CLARIFY or answer.confidence < LOW_CONFIDENCE


def ensure_tables(db: Database) -> None:
    """Create the analytics tables and indexes when missing."""
    db[ANSWERS].create({
        "id": int, "hour": str, "language": str, "municipality": str, "topic": str, "audiences": str,
        "kind": str, "confidence": float, "text": str, "user": str,
    }, pk="id", not_null={"hour", "kind"}, if_not_exists=True)
    db[FEEDBACK].create({"answer_id": int, "user": str, "hour": str, "helpful": int},
                        pk=("answer_id", "user"), not_null={"hour", "helpful"}, if_not_exists=True)
    db[ANSWERS].create_index(["hour"], if_not_exists=True)
    db[FEEDBACK].create_index(["hour"], if_not_exists=True)


class AnalyticsStore:
    """Records answers and feedback; redaction and hashing happen here, so callers cannot forget them."""

    def __init__(self, db: Database | str | Path, secret: bytes):
        if not secret:
            raise ValueError("AnalyticsStore needs a non-empty secret to hash user ids")
        self.db = open_database(db)
        self._secret = secret
        # Deleted rows are overwritten with zeros, so retention really removes the text from the file.
        self.db.execute("PRAGMA secure_delete = ON")
        ensure_tables(self.db)

    def _user(self, user_id: int | None) -> str:
        return user_key(self._secret, user_id) if user_id is not None else ""

    def record(self, question: str, answer: Answer, user_id: int | None = None,
               now: datetime | None = None) -> int:
        """Store one answered question; return its id (for feedback buttons)."""
        row = {
            "hour": hour_of(now),
            "language": answer.language,
            "municipality": answer.municipality,
            "topic": answer.topic,
            "audiences": ",".join(answer.audience),
            "kind": answer.kind,
            "confidence": round(answer.confidence, 2),
            "text": redact(question).strip() if keeps_text(answer) else None,
            "user": self._user(user_id),
        }
        # Plain SQL: sqlite-utils' insert reads the table's schema first, which costs more than the insert.
        with self.db.conn:
            cursor = self.db.conn.execute(_INSERT, [row[c] for c in _ANSWER_COLUMNS])
        return int(cursor.lastrowid)

    def feedback(self, answer_id: int, helpful: bool, user_id: int | None = None,
                 now: datetime | None = None) -> None:
        """Store 👍 (helpful) or 👎 for an answer; a second vote by the same user replaces the first."""
        self.db[FEEDBACK].upsert({"answer_id": answer_id, "user": self._user(user_id), "hour": hour_of(now),
                                  "helpful": int(helpful)}, pk=("answer_id", "user"))

    def forget(self, user_id: int) -> tuple[int, int]:
        """Delete the person's answer rows and feedback (their erasure request); returns (answers, feedback)."""
        key = self._user(user_id)
        with self.db.conn:
            feedback = self.db.conn.execute(f"DELETE FROM [{FEEDBACK}] WHERE [user] = ?", [key]).rowcount
            answers = self.db.conn.execute(f"DELETE FROM [{ANSWERS}] WHERE [user] = ?", [key]).rowcount
        return answers, feedback

    def purge_older_than(self, days: int = RETENTION_DAYS, now: datetime | None = None) -> int:
        """Delete answers and feedback older than `days`; return how many rows went."""
        cutoff = hour_of((now or datetime.now(UTC)) - timedelta(days=days))
        deleted = 0
        with self.db.conn:
            for table in (ANSWERS, FEEDBACK):
                deleted += self.db.execute(f"DELETE FROM [{table}] WHERE hour < ?", [cutoff]).rowcount
        return deleted

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> AnalyticsStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


@dataclass(frozen=True, slots=True)
class Usage:
    """Which topics and audiences recorded questions reached, per language."""

    questions: int
    seen: frozenset[tuple[str, str, str]]  # (kind "topic" | "audience", key, language)


def usage(db: Database | str | Path) -> Usage:
    """What the recorded questions matched, for `kb lint`'s unused-phrasings check."""
    database = open_database(db)
    if not database[ANSWERS].exists():
        return Usage(0, frozenset())
    seen: set[tuple[str, str, str]] = set()
    count = 0
    for language, topic, audiences, n in database.execute(
            f"SELECT language, topic, audiences, count(*) FROM [{ANSWERS}] GROUP BY language, topic, audiences"):
        count += n
        if topic:
            seen.add(("topic", topic, language))
        for audience in filter(None, (audiences or "").split(",")):
            seen.add(("audience", audience, language))
    return Usage(count, frozenset(seen))
