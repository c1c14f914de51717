"""A person's erasure request (/unohda, /glom, /reset): everything linked to them removed, and the bytes really gone.

What is linked to a person: their settings (users), their analytics answer rows and 👍/👎 (under the keyed hash of
their id), an open hand-over case (hash and chat id), and updates of theirs waiting in the inbox. Each table deletes
with SQLite's `secure_delete` on, which zeroes the freed space inside the database file. But the database runs in
write-ahead-log mode: the page images from before the deletion stay in the -wal file until a checkpoint copies the
new pages back, and even then the file keeps its old bytes until they are overwritten. So after deleting, a
TRUNCATE checkpoint writes the zeroed pages into the database and cuts the -wal file to nothing
(tests/telegram/test_privacy_and_erasure.py reads both files' bytes and finds no trace of the person).
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

from bot.conversation.analytics import AnalyticsStore
from bot.conversation.handoff import HandoffCases
from bot.conversation.inbox import Inbox
from bot.conversation.storage import Storage
from bot.kb.model import KnowledgeBase

logger = logging.getLogger("tyonavi.erasure")

#: The erasure command in English, Finnish and Swedish, in every channel; "glöm" is typed (no Telegram command).
RESET_COMMANDS = ("reset", "unohda", "glom")
RESET_TYPED = ("glöm",)


@dataclass(frozen=True, slots=True)
class Erased:
    """How many rows of each kind went: what the person is told."""

    settings: int = 0
    answers: int = 0
    feedback: int = 0
    cases: int = 0
    waiting: int = 0

    @property
    def nothing(self) -> bool:
        return not (self.settings or self.answers or self.feedback or self.cases or self.waiting)


def erase_person(user_id: int, storage: Storage, analytics: AnalyticsStore | None = None,
                 handoff: HandoffCases | None = None, inbox: Inbox | None = None,
                 current_update: int | None = None) -> Erased:
    """Delete everything stored about the person, then scrub the files; `current_update` is the erasure request's
    own update, which the inbox finishes as usual."""
    settings = storage.forget(user_id)
    answers, feedback = analytics.forget(user_id) if analytics is not None else (0, 0)
    cases = handoff.forget(user_id) if handoff is not None else 0
    waiting = inbox.forget_sender(user_id, keep=current_update) if inbox is not None else 0
    connections = {id(storage.db.conn): storage.db.conn}
    if analytics is not None:
        connections.setdefault(id(analytics.db.conn), analytics.db.conn)
    for connection in connections.values():
        scrub_write_ahead_log(connection)
    return Erased(settings, answers, feedback, cases, waiting)


def erased_text(kb: KnowledgeBase, erased: Erased, language: str) -> str:
    """What the person is told: each kind with its count, or that nothing was stored."""
    if erased.nothing:
        return kb.text("reset_nothing", language)
    return kb.text("reset_counts", language, settings=str(erased.settings), answers=str(erased.answers),
                   feedback=str(erased.feedback), cases=str(erased.cases), waiting=str(erased.waiting))


def scrub_write_ahead_log(connection: sqlite3.Connection) -> bool:
    """Copy every committed page into the database file and truncate its -wal file to zero bytes, so deleted rows
    survive in neither. False (and a warning) when another connection was reading and the log could not be cut:
    the next erasure or the nightly retention purge tries again."""
    if connection.in_transaction:
        connection.commit()
    busy, _, _ = connection.execute("pragma wal_checkpoint(truncate)").fetchone()
    if busy:
        logger.warning("the write-ahead log could not be truncated (another connection is reading); deleted rows "
                       "stay in it until the next checkpoint")
    return not busy
