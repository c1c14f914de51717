"""The durable inbox: every update is on disk before Telegram is told it arrived, until it has been handled.

Telegram forgets an update once the bot confirms it (polling: the next getUpdates' offset; webhook: the
200 answer), and python-telegram-bot then holds it only in memory. A crash between the two would lose
it, and a crash after Telegram redelivers an unconfirmed batch would answer it twice. So each update is
written here first and removed when handled:

- `received`: stored, not handled yet; after a crash it is handled again (at most `MAX_ATTEMPTS` times,
  so a message that kills the process cannot keep the bot in a crash loop).
- `answering`: the handling wrote something or a message to the person was about to be sent, so an answer
  may have reached them; after a crash it is not handled again (that could double the answer, or answer
  from half-changed settings), the person is told instead (`interrupted_answer`). The mark is written
  with the handling's first commit, so an update whose handling changed nothing is simply handled again.
- done: the row is kept without its content for a day, so a redelivered update is recognised (Telegram
  keeps unconfirmed updates 24 hours; update ids are not always increasing, so an id is remembered itself).

The update is message text, names and ids: it is stored encrypted (AES-GCM with a key derived from the
database's hash key, which never sits in the database) and deleted with `secure_delete`, so the file
never holds it in the clear.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

RECEIVED = "received"
ANSWERING = "answering"
DONE = "done"
#: How often an update is handled again after the process died while handling it.
MAX_ATTEMPTS = 3
#: How long a handled update's id is remembered (Telegram keeps unconfirmed updates for 24 hours).
REMEMBER_SECONDS = 24 * 3600
#: Handled ids older than REMEMBER_SECONDS are pruned once every this many updates.
_PRUNE_EVERY = 500
_SCHEMA = """
create table if not exists inbox (
    update_id integer primary key,
    state text not null,
    attempts integer not null default 0,
    received integer not null,
    payload blob
)"""
_NONCE_BYTES = 12


def _sender(update: dict | None) -> int | None:
    """The id of the person an update comes from (a message's or a button press's "from"); None when unknown."""
    for value in (update or {}).values():
        if isinstance(value, dict) and isinstance(value.get("from"), dict):
            return value["from"].get("id")
    return None


@dataclass(frozen=True, slots=True)
class Pending:
    """An update the last run did not finish."""

    update_id: int
    state: str
    attempts: int
    update: dict | None  # None when it cannot be decrypted (the hash key changed)


class Inbox:
    """The inbox table on the bot's SQLite connection; every change is committed at once."""

    def __init__(self, connection: sqlite3.Connection, secret: bytes, clock: Callable[[], float] = time.time):
        self._db = connection
        self._cipher = AESGCM(hmac.new(secret, b"tyonavi inbox v1", hashlib.sha256).digest())
        self._clock = clock
        self._since_prune = 0
        self._db.execute(_SCHEMA)
        self._db.commit()

    # --- arrival ------------------------------------------------------------------------------------
    def add(self, update_id: int, update: dict) -> bool:
        """Store an update before it is confirmed to Telegram; False when it is already known (redelivered)."""
        cursor = self._db.execute("insert or ignore into inbox (update_id, state, received, payload) "
                                  "values (?, ?, ?, ?)", (update_id, RECEIVED, int(self._clock()),
                                                          self._seal(update_id, update)))
        self._db.commit()
        return cursor.rowcount == 1

    # --- handling -----------------------------------------------------------------------------------
    def answering(self, update_id: int, commit: bool = True) -> None:
        """From now on a crash must not handle this update again: an answer may be on its way, or a change the
        handling made (settings, analytics) is on disk. With `commit=False` the mark waits for the next commit
        on this connection, so it becomes durable together with the handling's first write, or not at all."""
        self._db.execute("update inbox set state = ? where update_id = ? and state = ?",
                         (ANSWERING, update_id, RECEIVED))
        if commit:
            self._db.commit()

    def finish(self, update_id: int) -> None:
        """Handled: forget the content, remember the id for a day."""
        self._db.execute("update inbox set state = ?, payload = null where update_id = ?", (DONE, update_id))
        self._since_prune += 1
        if self._since_prune >= _PRUNE_EVERY:
            self._prune()
        self._db.commit()

    def attempt(self, update_id: int) -> None:
        """Count one more try at an update left over by a crash."""
        self._db.execute("update inbox set attempts = attempts + 1 where update_id = ?", (update_id,))
        self._db.commit()

    # --- after a restart ----------------------------------------------------------------------------
    def unfinished(self) -> list[Pending]:
        """Updates the last run stored but did not finish, oldest first."""
        rows = self._db.execute("select update_id, state, attempts, payload from inbox where state != ? "
                                "order by received, update_id", (DONE,)).fetchall()
        return [Pending(update_id, state, attempts, self._open(update_id, payload))
                for update_id, state, attempts, payload in rows]

    def prune(self) -> int:
        """Forget handled ids older than a day; returns how many."""
        count = self._prune()
        self._db.commit()
        return count

    def forget_sender(self, user_id: int, keep: int | None = None) -> int:
        """The person asked to be forgotten: their stored updates not yet handled lose their content (the id stays a
        day, so a redelivery is still recognised; it says nothing about anyone). `keep`: the update being handled
        now (the erasure request itself), cleared by `finish` as usual. Returns how many were cleared."""
        rows = self._db.execute("select update_id, payload from inbox where state != ? and payload is not null",
                                (DONE,)).fetchall()
        mine = [update_id for update_id, payload in rows
                if update_id != keep and _sender(self._open(update_id, payload)) == user_id]
        self._db.executemany("update inbox set state = ?, payload = null where update_id = ?",
                             [(DONE, update_id) for update_id in mine])
        self._db.commit()
        return len(mine)

    def _prune(self) -> int:
        self._since_prune = 0
        cutoff = int(self._clock()) - REMEMBER_SECONDS
        return self._db.execute("delete from inbox where state = ? and received < ?", (DONE, cutoff)).rowcount

    # --- encryption ---------------------------------------------------------------------------------
    def _seal(self, update_id: int, update: dict) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        data = json.dumps(update, ensure_ascii=False, separators=(",", ":")).encode()
        return nonce + self._cipher.encrypt(nonce, data, str(update_id).encode())

    def _open(self, update_id: int, payload: bytes | None) -> dict | None:
        if not payload:
            return None
        try:
            data = self._cipher.decrypt(payload[:_NONCE_BYTES], payload[_NONCE_BYTES:], str(update_id).encode())
        except InvalidTag:
            return None
        return json.loads(data)


def waiting(connection: sqlite3.Connection) -> int:
    """How many updates are stored and not yet handled (0 before the bot first created its inbox)."""
    try:
        return connection.execute("select count(*) from inbox where state != ?", (DONE,)).fetchone()[0]
    except sqlite3.OperationalError:  # no such table
        return 0
