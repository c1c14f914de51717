"""When the bot last handled an update: one row in the bot's database, for `tyonavi health` to read.

Written with the inbox's own commit of each handled update (no extra commit), so it costs one small statement.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

TABLE = "heartbeat"
LAST_UPDATE = "last_update"
_SCHEMA = f"create table if not exists {TABLE} (name text primary key, at integer not null)"


class Heartbeat:
    """The heartbeat table on the bot's SQLite connection."""

    def __init__(self, connection: sqlite3.Connection, clock: Callable[[], float] = time.time):
        self._db = connection
        self._clock = clock
        self._db.execute(_SCHEMA)
        self._db.commit()

    def update_handled(self) -> None:
        """Record now as the last update's time; durable with the connection's next commit."""
        self._db.execute(f"insert or replace into {TABLE} (name, at) values (?, ?)",
                         (LAST_UPDATE, int(self._clock())))


def last_update(connection: sqlite3.Connection) -> int | None:
    """Unix time of the last handled update; None when none was ever recorded."""
    try:
        row = connection.execute(f"select at from {TABLE} where name = ?", (LAST_UPDATE,)).fetchone()
    except sqlite3.OperationalError:  # no such table: the bot never handled an update here
        return None
    return row[0] if row else None
