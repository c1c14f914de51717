"""Run-time settings: declared once with defaults and help, checked at start-up (datasette-style).

The bot token is not a setting: it comes only from the environment variable TELEGRAM_BOT_TOKEN. Nor is
the key user ids are hashed with: TYONAVI_HASH_KEY, or else a key file beside the database
(bot/conversation/storage.py).
"""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot import SHIPPED_KNOWLEDGE
from bot.kb.errors import KBError
from bot.kb.fields import Fields
from bot.kb.hours_fields import opening_hours_of
from bot.kb.model import OpeningHours

TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN"
HASH_KEY_VARIABLE = "TYONAVI_HASH_KEY"
#: The shortest key accepted for hashing user ids (HMAC-SHA256: as long as the hash itself).
MIN_HASH_KEY_BYTES = 32
#: What Telegram accepts as a webhook secret token.
SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")
SECRET_TOKEN_HINT = ("a random string of 1-256 characters A-Z, a-z, 0-9, _ and - (e.g. the output of "
                     "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`)")


class ConfigError(Exception):
    """A setting is wrong or missing; the message says which one and how to fix it."""


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    default: Any
    kind: type | tuple[type, ...]
    help: str
    choices: tuple[str, ...] = ()


#: Every key the config file may hold. Unknown keys and wrong types stop start-up.
SETTINGS: tuple[Setting, ...] = (
    Setting("telegram.base_url", "https://api.telegram.org/bot", str,
            "Bot API address; the token is appended. Set it to use a local Bot API server."),
    Setting("telegram.mode", "polling", str, "How updates arrive: polling or webhook.", ("polling", "webhook")),
    Setting("telegram.webhook.listen", "127.0.0.1", str, "Webhook mode: address the web server listens on."),
    Setting("telegram.webhook.port", 8443, int, "Webhook mode: port the web server listens on."),
    Setting("telegram.webhook.url", "", str, "Webhook mode: public HTTPS URL Telegram posts updates to."),
    Setting("telegram.webhook.secret_token", "", str,
            "Webhook mode (required): secret Telegram sends in a header so forged posts are refused."),
    Setting("telegram.flood_limit_per_minute", 20, int,
            "Messages one person may send per minute; more get one polite notice, then are ignored."),
    Setting("telegram.max_messages_per_second", 30, int,
            "Messages the bot sends per second at most, all chats together (Telegram's limit is about 30); "
            "0 turns this limit off (benchmarks only). 429 and 5xx answers are retried either way."),
    Setting("telegram.send_retry_minutes", 10, int,
            "How long a message Telegram refuses with 429 or 5xx (or cannot be reached for) is retried before "
            "the bot gives up on it and logs it."),
    Setting("storage.path", "tyonavi.sqlite", str, "SQLite file holding per-user settings."),
    Setting("knowledge.path", str(SHIPPED_KNOWLEDGE), str, "Knowledge-base directory (default: the shipped one)."),
    Setting("knowledge.watch", True, bool,
            "Reload the knowledge base when a YAML file in it changes; staff are told the result."),
    Setting("staff.user_ids", [], list,
            "Telegram user ids (integers) of staff: they get error alerts, reload results and the staff commands."),
    Setting("privacy.retention_days", 90, int,
            "Settings of silent people and analytics rows older than this many days are deleted."),
    Setting("privacy.controller", "", str,
            "Who is responsible for the data (the controller), named in /tietosuoja, e.g. \"Kajaanin kaupunki, "
            "työllisyyspalvelut\"; empty: the notice says the contact is not configured."),
    Setting("privacy.contact", "", str,
            "How to reach the controller or its data protection officer (an e-mail address, a phone or a web page), "
            "named in /tietosuoja; empty: the notice says it is not configured."),
    Setting("privacy.policy_url", "", str,
            "The municipality's full privacy statement (https://…), linked from /tietosuoja; empty: no link."),
    Setting("handoff.chat_id", 0, int,
            "Telegram id of the staff group (a negative number such as -1001234567890) that people's questions "
            "are handed to; 0 or absent: no hand-over to a person."),
    Setting("handoff.hours", {"weekly": {day: "09:00-15:00" for day in ("mon", "tue", "wed", "thu", "fri")}}, dict,
            "When staff answer in the staff group, written like a service point's opening_hours "
            "({weekly: {mon: \"09:00-15:00\"}, exceptions: {\"2026-12-24\": closed}}); Finnish public holidays "
            "are closed."),
    Setting("logging.level", "INFO", str, "Log level.", ("DEBUG", "INFO", "WARNING", "ERROR")),
    Setting("logging.format", "text", str,
            "Log lines as plain text, or json: one JSON object a line (time, level, logger, message) for log "
            "collectors.", ("text", "json")),
    Setting("metrics.port", 0, int,
            "Serve Prometheus metrics on http://127.0.0.1:PORT/metrics; 0 (the default): no metrics server."),
    Setting("health.max_inbox_backlog", 100, int,
            "`tyonavi health` fails when more updates than this wait unhandled in the inbox."),
    Setting("web.allowed_origins", [], list,
            "Sites whose pages may show the web chat widget (frame the chat), e.g. https://www.kuhmo.fi; "
            "empty: none."),
    Setting("web.host", "127.0.0.1", str, "Address the web chat listens on (`tyonavi web`, `tyonavi run`)."),
    Setting("web.port", 0, int,
            "Port of the web chat; 0: `tyonavi run` serves Telegram only and `tyonavi web` uses 8080."),
    Setting("web.per_session_per_minute", 20, int, "Messages a web chat session may send a minute; 0: no limit."),
    Setting("web.per_address_per_minute", 60, int,
            "Messages one client address may send a minute (kept in memory only); 0: no limit."),
    Setting("web.trusted_proxies", [], list,
            "Addresses of reverse proxies (e.g. 127.0.0.1 for nginx on the same machine) whose X-Forwarded-For "
            "names the client for the per-address limit; empty: the connecting address is the client."),
    Setting("health.max_update_age_minutes", 0, int,
            "`tyonavi health` fails when the last update was handled longer ago than this; 0: not checked."),
)
_BY_KEY = {s.key: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Config:
    base_url: str
    mode: str
    webhook_listen: str
    webhook_port: int
    webhook_url: str
    webhook_secret_token: str
    flood_limit_per_minute: int
    max_messages_per_second: int
    send_retry_minutes: int
    storage_path: str
    knowledge_path: str
    knowledge_watch: bool
    staff_user_ids: tuple[int, ...]
    retention_days: int
    logging_level: str
    handoff_chat_id: int = 0
    handoff_hours: OpeningHours = OpeningHours()
    privacy_controller: str = ""
    privacy_contact: str = ""
    privacy_policy_url: str = ""
    logging_format: str = "text"
    metrics_port: int = 0
    health_max_inbox_backlog: int = 100
    health_max_update_age_minutes: int = 0
    web_allowed_origins: tuple[str, ...] = ()
    web_host: str = "127.0.0.1"
    web_port: int = 0
    web_per_session_per_minute: int = 20
    web_per_address_per_minute: int = 60
    web_trusted_proxies: tuple[str, ...] = ()

    @property
    def handoff(self) -> bool:
        """True when questions can be handed to the staff group."""
        return self.handoff_chat_id != 0


def _flatten(data: dict, prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        full = f"{prefix}{key}"
        if value is None and (full in _BY_KEY or any(k.startswith(f"{full}.") for k in _BY_KEY)):
            continue  # an empty key or section: the defaults apply
        if isinstance(value, dict) and full not in _BY_KEY:
            flat.update(_flatten(value, f"{full}."))
        else:
            flat[full] = value
    return flat


def _check(setting: Setting, value: Any, source: str) -> Any:
    hint = f"{source}: {setting.key}"
    if (isinstance(value, bool) and setting.kind is not bool) or not isinstance(value, setting.kind):
        kind = setting.kind.__name__ if isinstance(setting.kind, type) else "value"
        raise ConfigError(f"{hint} must be a {kind}, got {value!r} ({setting.help})")
    if setting.choices and value not in setting.choices:
        raise ConfigError(f"{hint} must be one of {', '.join(setting.choices)}, got {value!r}")
    if setting.key == "staff.user_ids" and not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        raise ConfigError(f"{hint} must be a list of integer Telegram user ids")
    if isinstance(value, int) and value < 0 and setting.key != "handoff.chat_id":
        raise ConfigError(f"{hint} must not be negative, got {value}")
    return value


_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")


def _origins(values: list, source: str) -> tuple[str, ...]:
    """web.allowed_origins as CSP frame-ancestors sources: scheme://host[:port], nothing more."""
    origins = []
    for value in values:
        origin = value.strip().rstrip("/") if isinstance(value, str) else value
        if not isinstance(origin, str) or not _ORIGIN.fullmatch(origin):
            raise ConfigError(f"{source}: web.allowed_origins: {value!r} is not a site's origin. Fix: write the "
                              "scheme and host only, e.g. https://www.kuhmo.fi (a port may follow, no path)")
        origins.append(origin)
    return tuple(origins)


def _addresses(values: list, source: str) -> tuple[str, ...]:
    """web.trusted_proxies as IP addresses, each checked (a host name cannot be compared with a peer address)."""
    addresses = []
    for value in values:
        try:
            addresses.append(str(ipaddress.ip_address(value.strip() if isinstance(value, str) else value)))
        except ValueError:
            raise ConfigError(f"{source}: web.trusted_proxies: {value!r} is not an IP address. Fix: write the "
                              "proxy's address, e.g. 127.0.0.1") from None
    return tuple(addresses)


def config_from_dict(data: dict[str, Any] | None, source: str = "config") -> Config:
    """Settings from a parsed config mapping; every key has a default."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: the file must be a mapping of settings (see config.example.yaml)")
    flat = _flatten(data)
    unknown = sorted(set(flat) - set(_BY_KEY))
    if unknown:
        raise ConfigError(f"{source}: unknown setting {unknown[0]!r}; known settings: {', '.join(_BY_KEY)}")
    values = {s.key: _check(s, flat[s.key], source) if s.key in flat else s.default for s in SETTINGS}
    if values["telegram.mode"] == "webhook" and not values["telegram.webhook.url"]:
        raise ConfigError(f"{source}: telegram.webhook.url is needed when telegram.mode is webhook")
    secret_token = values["telegram.webhook.secret_token"]
    if values["telegram.mode"] == "webhook" and not secret_token:
        raise ConfigError(f"{source}: telegram.webhook.secret_token is needed when telegram.mode is webhook, so that "
                          f"forged updates are refused; set it to {SECRET_TOKEN_HINT}")
    if secret_token and not SECRET_TOKEN.fullmatch(secret_token):
        raise ConfigError(f"{source}: telegram.webhook.secret_token must be {SECRET_TOKEN_HINT}")
    policy_url = values["privacy.policy_url"].strip()
    if policy_url and not policy_url.startswith(("https://", "http://")):
        raise ConfigError(f"{source}: privacy.policy_url must be a web address starting with https://, "
                          f"got {policy_url!r}")
    chat_id = values["handoff.chat_id"]
    if chat_id > 0:
        raise ConfigError(f"{source}: handoff.chat_id must be the id of a group, a negative number such as "
                          f"-1001234567890, got {chat_id} (a positive id is a person's private chat)")
    if chat_id and not values["staff.user_ids"]:
        raise ConfigError(f"{source}: handoff.chat_id is set but staff.user_ids is empty: only staff members' "
                          "replies in the group are relayed, so list their Telegram user ids there")
    return Config(
        base_url=values["telegram.base_url"],
        mode=values["telegram.mode"],
        webhook_listen=values["telegram.webhook.listen"],
        webhook_port=values["telegram.webhook.port"],
        webhook_url=values["telegram.webhook.url"],
        webhook_secret_token=values["telegram.webhook.secret_token"],
        flood_limit_per_minute=values["telegram.flood_limit_per_minute"],
        max_messages_per_second=values["telegram.max_messages_per_second"],
        send_retry_minutes=values["telegram.send_retry_minutes"],
        storage_path=values["storage.path"],
        knowledge_path=values["knowledge.path"],
        knowledge_watch=values["knowledge.watch"],
        staff_user_ids=tuple(values["staff.user_ids"]),
        retention_days=values["privacy.retention_days"],
        logging_level=values["logging.level"],
        handoff_chat_id=chat_id,
        handoff_hours=handoff_hours(values["handoff.hours"], source),
        privacy_controller=values["privacy.controller"].strip(),
        privacy_contact=values["privacy.contact"].strip(),
        privacy_policy_url=values["privacy.policy_url"].strip(),
        logging_format=values["logging.format"],
        metrics_port=values["metrics.port"],
        health_max_inbox_backlog=values["health.max_inbox_backlog"],
        health_max_update_age_minutes=values["health.max_update_age_minutes"],
        web_allowed_origins=_origins(values["web.allowed_origins"], source),
        web_host=values["web.host"],
        web_port=values["web.port"],
        web_per_session_per_minute=values["web.per_session_per_minute"],
        web_per_address_per_minute=values["web.per_address_per_minute"],
        web_trusted_proxies=_addresses(values["web.trusted_proxies"], source),
    )


def handoff_hours(data: dict[str, Any], source: str = "config") -> OpeningHours:
    """handoff.hours read with the knowledge base's opening-hours rules; any problem stops start-up."""
    errors: list[KBError] = []
    hours = opening_hours_of(Fields(data, source, errors, "handoff.hours"), "handoff.hours")
    if not errors and not hours.known:
        raise ConfigError(f"{source}: handoff.hours needs at least one weekday under weekly, "
                          'e.g. weekly: {mon: "09:00-15:00"}')
    if errors:
        first = errors[0]
        fix = f"; {first.fix}" if first.fix else ""
        raise ConfigError(f"{source}: {first.message}{fix}")
    return hours


def load_config(path: str | Path | None) -> Config:
    """The config file's settings (all defaults without a file)."""
    if path is None:
        return config_from_dict({})
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from exc
    return config_from_dict(data, str(path))


def token_from_environment() -> str:
    """The bot token; only ever read from the environment, never from a file."""
    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    if not token:
        raise ConfigError(f"{TOKEN_VARIABLE} is not set: export the token BotFather gave you, then start again")
    return token


def hash_key_from_environment() -> bytes | None:
    """The key user ids are hashed with, when TYONAVI_HASH_KEY holds one (hex); None when it is not set."""
    value = os.environ.get(HASH_KEY_VARIABLE, "").strip()
    if not value:
        return None
    try:
        key = bytes.fromhex(value)
    except ValueError:
        raise ConfigError(f"{HASH_KEY_VARIABLE} must be hexadecimal (e.g. the output of "
                          "`python -c 'import secrets; print(secrets.token_hex(32))'`)") from None
    if len(key) < MIN_HASH_KEY_BYTES:
        raise ConfigError(f"{HASH_KEY_VARIABLE} must hold at least {MIN_HASH_KEY_BYTES} bytes "
                          f"({2 * MIN_HASH_KEY_BYTES} hex digits), got {len(key)}")
    return key
