"""`tyonavi health`: can this installation serve? The first problem found, said in one line.

Meant for a monitor (systemd timer, cron, Nagios, a container's health check): exit code 0 or 1 and one line
an operator can act on. The checks go from what everything else depends on to what only the running bot
shows: config, knowledge base, database, inbox backlog, the last handled update, and with `online` the token
(Telegram's getMe). Nothing here needs the hash key or reads anything stored about a person.
"""

from __future__ import annotations

import json
import sqlite3
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from bot.config import Config, ConfigError, hash_key_from_environment, load_config, token_from_environment
from bot.conversation.inbox import waiting
from bot.kb import validate_directory
from bot.operations.heartbeat import Heartbeat, last_update

#: A local Bot API server is reached directly, never through a proxy (as the bot itself does).
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
ONLINE_TIMEOUT_SECONDS = 10
#: How long to wait for the running bot's write lock before calling the database not writable.
LOCK_TIMEOUT_SECONDS = 5
HEALTH_CHECK = "health_check"


@dataclass(frozen=True, slots=True)
class Health:
    """`problem` is None when healthy; `summary` says what was checked."""

    problem: str | None
    summary: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def check_knowledge(config: Config) -> str | None:
    errors = validate_directory(Path(config.knowledge_path))
    if not errors:
        return None
    more = f" (and {len(errors) - 1} more: run tyonavi kb validate)" if len(errors) > 1 else ""
    return _one_line(f"knowledge base invalid: {errors[0]}{more}")


def open_database(config: Config) -> tuple[sqlite3.Connection | None, str | None]:
    """The bot's database opened and written to once (a heartbeat row), or the problem."""
    path = Path(config.storage_path)
    if not path.exists():
        return None, (f"database: no database at {path} (storage.path); start the bot once to create it, "
                      "or correct the path")
    try:
        connection = sqlite3.connect(f"file:{path.resolve()}?mode=rw", uri=True, timeout=LOCK_TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        return None, _one_line(f"database not writable: {path}: {exc}")
    try:
        with connection:  # a real write: a read-only file, folder or disk fails here, as the bot would
            Heartbeat(connection)
            connection.execute("insert or replace into heartbeat (name, at) values (?, ?)",
                               (HEALTH_CHECK, int(time.time())))
    except sqlite3.Error as exc:
        connection.close()
        return None, _one_line(f"database not writable: {path}: {exc}")
    return connection, None


def check_inbox(config: Config, connection: sqlite3.Connection) -> str | None:
    backlog, limit = waiting(connection), config.health_max_inbox_backlog
    if backlog > limit:
        return (f"inbox backlog: {backlog} updates wait unhandled (more than health.max_inbox_backlog {limit}); "
                "is the bot running and keeping up?")
    return None


def check_last_update(config: Config, connection: sqlite3.Connection, now: float) -> str | None:
    """Skipped when the limit is 0, and on an installation that has not handled an update yet."""
    limit = config.health_max_update_age_minutes
    at = last_update(connection)
    if not limit or at is None:
        return None
    minutes = int(now - at) // 60
    if minutes > limit:
        return (f"last update: handled {minutes} minutes ago (more than health.max_update_age_minutes {limit}); "
                "is the bot running and polling?")
    return None


def get_me(config: Config, token: str) -> str | None:
    """Telegram's getMe with the bot's token: None when it answers ok; the token never appears in the line."""
    url = f"{config.base_url}{token}/getMe"
    host = urlparse(config.base_url).hostname or config.base_url
    handlers = [urllib.request.ProxyHandler({})] if host in LOOPBACK else []
    request = urllib.request.Request(url, data=b"{}", headers={"Content-Type": "application/json"})  # POST, as PTB
    try:
        with urllib.request.build_opener(*handlers).open(request, timeout=ONLINE_TIMEOUT_SECONDS) as response:
            answer = json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        description = _description(exc.read())
        hint = "; check TELEGRAM_BOT_TOKEN" if exc.code in (401, 404) else ""
        return _one_line(f"telegram: getMe refused: {description} (HTTP {exc.code}){hint}").replace(token, "<token>")
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return _one_line(f"telegram: cannot reach {host} ({reason})").replace(token, "<token>")
    except ValueError:
        return f"telegram: getMe answered something that is not JSON ({host})"
    if not answer.get("ok"):
        return _one_line(f"telegram: getMe refused: {answer.get('description', 'no reason given')}")
    return None


def _description(body: bytes) -> str:
    try:
        return str(json.loads(body).get("description") or "no reason given")
    except (ValueError, AttributeError):
        return "no reason given"


def check(config_path: str | None, online: bool = False, now: Callable[[], float] = time.time) -> Health:
    """Every check in order; the first problem ends it."""
    try:
        config = load_config(config_path)
        hash_key_from_environment()  # a malformed key would stop `tyonavi run` too
    except ConfigError as exc:
        return Health(_one_line(f"config invalid: {exc}"))
    problem = check_knowledge(config)
    if problem:
        return Health(problem)
    connection, problem = open_database(config)
    if connection is None:
        return Health(problem)
    try:
        problem = check_inbox(config, connection) or check_last_update(config, connection, now())
        backlog, at = waiting(connection), last_update(connection)
    finally:
        connection.close()
    if problem:
        return Health(problem)
    if online:
        try:
            problem = get_me(config, token_from_environment())
        except ConfigError as exc:
            problem = f"telegram: {exc}"
        if problem:
            return Health(problem)
    last = "no update handled yet" if at is None else f"last update {int(now() - at) // 60} min ago"
    checked = "config, knowledge base, database" + (", Telegram getMe" if online else "")
    return Health(None, f"OK: {checked}; inbox {backlog} waiting; {last}")
