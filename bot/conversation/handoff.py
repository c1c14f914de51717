"""Open hand-over cases in SQLite: which person a staff-group message belongs to, kept only while the case is open.

A case holds what the bot needs to carry staff replies back: a short random case number, the person's chat
id, their language, when it was opened, whether the bot waits for their next message, and the ids of the
bot's messages about it in the staff group. The question itself is never stored: it goes only to the staff
group. Rows are deleted when the case is closed, and open cases older than the retention period are purged.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from bot.conversation.privacy import user_key

CASES = "handoff_cases"
MESSAGES = "handoff_messages"
#: Case numbers: five characters without look-alikes (0/O, 1/I/L), easy to read aloud on the phone.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
NUMBER_LENGTH = 5
_COLUMNS = "number, chat_id, language, opened, awaiting, (select count(*) from handoff_messages m " \
           "where m.number = c.number) as messages"


@dataclass(frozen=True, slots=True)
class Case:
    """One open case. `awaiting`: the person's next text message goes to staff; `messages`: how many of the
    bot's staff-group messages belong to it (0: the question has not been sent yet)."""

    number: str
    chat_id: int
    language: str
    opened: datetime
    awaiting: bool
    messages: int

    @property
    def delivered(self) -> bool:
        """True once staff have seen something of this case."""
        return self.messages > 0


def _case(row: tuple | None) -> Case | None:
    if row is None:
        return None
    number, chat_id, language, opened, awaiting, messages = row
    return Case(number, chat_id, language, datetime.fromisoformat(opened), bool(awaiting), messages)


class HandoffCases:
    """The cases table beside the settings; each person is found by the same keyed hash as their settings."""

    def __init__(self, db: Database, secret: bytes, now=lambda: datetime.now(UTC)):
        if not secret:
            raise ValueError("HandoffCases needs a non-empty secret to hash user ids")
        self.db = db
        self._secret = secret
        self._now = now
        db[CASES].create({"number": str, "user_key": str, "chat_id": int, "language": str, "opened": str,
                          "awaiting": int}, pk="number", not_null={"user_key", "chat_id", "opened"},
                         if_not_exists=True)
        db[CASES].create_index(["user_key"], unique=True, if_not_exists=True)
        db[MESSAGES].create({"message_id": int, "number": str}, pk="message_id", not_null={"number"},
                            if_not_exists=True)
        db[MESSAGES].create_index(["number"], if_not_exists=True)

    def _key(self, user_id: int) -> str:
        return user_key(self._secret, user_id)

    @staticmethod
    def _stamp(moment: datetime) -> str:
        """UTC ISO time: stored stamps compare as text."""
        return moment.astimezone(UTC).isoformat(timespec="seconds")

    def _one(self, where: str, value: object) -> Case | None:
        row = self.db.conn.execute(f"select {_COLUMNS} from {CASES} c where {where}", [value]).fetchone()
        return _case(row)

    def of_person(self, user_id: int) -> Case | None:
        """The person's open case, if any (one at most)."""
        return self._one("user_key = ?", self._key(user_id))

    def get(self, number: str) -> Case | None:
        return self._one("number = ?", number)

    def by_staff_message(self, message_id: int) -> Case | None:
        """The case a staff-group message of the bot belongs to; None once the case is closed."""
        return self._one(f"number = (select number from {MESSAGES} where message_id = ?)", message_id)

    def request(self, user_id: int, chat_id: int, language: str) -> Case:
        """The person asked for a person: their open case now waits for their next message (a new one if none)."""
        key = self._key(user_id)
        with self.db.conn:
            updated = self.db.conn.execute(f"update {CASES} set awaiting = 1, language = ? where user_key = ?",
                                           [language, key]).rowcount
            if not updated:
                self.db.conn.execute(f"insert into {CASES} (number, user_key, chat_id, language, opened, awaiting) "
                                     "values (?, ?, ?, ?, ?, 1)",
                                     [self._new_number(), key, chat_id, language, self._stamp(self._now())])
        case = self.of_person(user_id)
        assert case is not None
        return case

    def _new_number(self) -> str:
        """A random case number not in use; not derived from the user id, so it says nothing about the person."""
        while True:
            number = "".join(secrets.choice(ALPHABET) for _ in range(NUMBER_LENGTH))
            if self.get(number) is None:
                return number

    def sent_to_staff(self, number: str, message_ids: list[int]) -> None:
        """The person's message went to the staff group as these messages: the bot waits no more."""
        with self.db.conn:
            self._link(number, message_ids)
            self.db.conn.execute(f"update {CASES} set awaiting = 0 where number = ?", [number])

    def link(self, number: str, message_id: int) -> None:
        """Another bot message about this case in the staff group (a delivery note): replies to it count too."""
        with self.db.conn:
            self._link(number, [message_id])

    def _link(self, number: str, message_ids: list[int]) -> None:
        self.db.conn.executemany(f"insert or ignore into {MESSAGES} (message_id, number) values (?, ?)",
                                 [(message_id, number) for message_id in message_ids])

    def stop_waiting(self, number: str) -> None:
        """The person's next message is no longer for staff (they cancelled)."""
        with self.db.conn:
            self.db.conn.execute(f"update {CASES} set awaiting = 0 where number = ?", [number])

    def close(self, number: str) -> Case | None:
        """Delete the case and its message mapping; returns the case as it was (None: already closed)."""
        case = self.get(number)
        if case is not None:
            with self.db.conn:
                self.db.conn.execute(f"delete from {MESSAGES} where number = ?", [number])
                self.db.conn.execute(f"delete from {CASES} where number = ?", [number])
        return case

    def forget(self, user_id: int) -> int:
        """Delete the person's open case and its staff-message mapping (their erasure request); returns how many
        cases went (0 or 1). Tell staff first (handlers.telegram.handoff.close_for_person) while the case is still
        known."""
        case = self.of_person(user_id)
        return 1 if case is not None and self.close(case.number) is not None else 0

    def purge(self, retention_days: int) -> int:
        """Delete cases opened more than `retention_days` ago; returns how many."""
        cutoff = self._stamp(self._now() - timedelta(days=retention_days))
        with self.db.conn:
            self.db.conn.execute(f"delete from {MESSAGES} where number in "
                                 f"(select number from {CASES} where opened < ?)", [cutoff])
            return self.db.conn.execute(f"delete from {CASES} where opened < ?", [cutoff]).rowcount


def open_cases(connection: sqlite3.Connection) -> int:
    """How many hand-over cases are open (0 before the bot first created the table)."""
    try:
        return connection.execute(f"select count(*) from {CASES}").fetchone()[0]
    except sqlite3.OperationalError:  # no such table
        return 0
