"""A fake Telegram Bot API server on 127.0.0.1: answers what the bot calls, records every call,
and rejects with 400 what Telegram rejects (bad HTML, over-long text, over-long callback data)."""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
import json
import re
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "TyöNavi", "username": "tyonavi_test_bot",
            "can_join_groups": False, "can_read_all_group_messages": False, "supports_inline_queries": False}
JSON_FIELDS = {"chat_id", "reply_markup", "link_preview_options", "commands", "allowed_updates", "offset",
               "timeout", "limit", "latitude", "longitude", "message_id", "show_alert", "cache_time", "scope",
               "reply_parameters"}
TELEGRAM_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "span",
                 "tg-spoiler", "blockquote", "tg-emoji"}
_HTML_TOKEN = re.compile(r"<(/?)([a-zA-Z][\w-]*)((?:\s[^<>]*)?)>|&(?:#\d+|#x[0-9a-fA-F]+|lt|gt|amp|quot);|[<>&]")
TRUE_METHODS = {"deleteWebhook", "setWebhook", "setMyCommands", "answerCallbackQuery", "sendChatAction",
                "deleteMyCommands", "close", "logOut"}
DROPPED = 0  # a fault's status: close the connection instead of answering
#: The bot's descriptions: method -> (its text parameter, Telegram's limit in characters).
DESCRIPTION_METHODS = {"setMyDescription": ("description", 512), "setMyShortDescription": ("short_description", 120)}
MESSAGE_METHODS = {"sendMessage", "sendVenue", "sendLocation", "editMessageText", "editMessageReplyMarkup"}


class Rejected(Exception):
    """What Telegram would answer with 400 Bad Request."""


class Blocked(Exception):
    """What Telegram answers with 403 Forbidden: the person blocked the bot."""


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def check_html(text: str) -> str:
    """The plain text of a Telegram HTML message; raises Rejected where Telegram would."""
    stack: list[str] = []
    for match in _HTML_TOKEN.finditer(text):
        token = match.group(0)
        if match.group(2) is None:
            if not token.startswith("&") or len(token) == 1:
                raise Rejected(f"Bad Request: can't parse entities: unexpected {token!r} at offset {match.start()}")
            continue
        closing, name = match.group(1), match.group(2).lower()
        if name not in TELEGRAM_TAGS:
            raise Rejected(f"Bad Request: can't parse entities: unsupported start tag {name!r}")
        if closing:
            if not stack or stack.pop() != name:
                raise Rejected(f"Bad Request: can't parse entities: unexpected end tag {name!r}")
        else:
            stack.append(name)
    if stack:
        raise Rejected(f"Bad Request: can't parse entities: can't find end tag corresponding to {stack[-1]!r}")
    return html.unescape(re.sub(r"<[^<>]*>", "", text))


def check_text(text: str | None, parse_mode: str | None) -> str:
    plain = check_html(text or "") if parse_mode == "HTML" else (text or "")
    if not plain.strip():
        raise Rejected("Bad Request: message text is empty")
    if utf16_length(plain) > 4096:
        raise Rejected("Bad Request: message is too long")
    return plain


def check_markup(markup: dict | None) -> None:
    if not markup:
        return
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not button.get("text"):
                raise Rejected("Bad Request: text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= 64:
                raise Rejected("Bad Request: BUTTON_DATA_INVALID")
            if sum(k in button for k in ("callback_data", "url")) != 1:
                raise Rejected("Bad Request: BUTTON_TYPE_INVALID")
    for row in markup.get("keyboard", []):
        for button in row:
            if not button.get("text"):
                raise Rejected("Bad Request: keyboard button text is empty")


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    status: int

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def markup(self) -> dict:
        return self.params.get("reply_markup") or {}

    def callback_data(self) -> list[str]:
        return [b["callback_data"] for row in self.markup.get("inline_keyboard", []) for b in row
                if "callback_data" in b]

    def urls(self) -> list[str]:
        return [b["url"] for row in self.markup.get("inline_keyboard", []) for b in row if "url" in b]

    @property
    def plain_text(self) -> str:
        text = self.params.get("text", "")
        return html.unescape(re.sub(r"<[^<>]*>", "", text)) if self.params.get("parse_mode") == "HTML" else text


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients closing kept-alive connections is normal; anything else is printed."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FakeBotApi:
    """Start with `start()`; push updates with `push()`; read `calls`; inject failures with `fail_next()`.

    Messages the bot sends are kept (`message(id)`), so a test can build a reply to one as Telegram would;
    chats in `blocked` answer 403 like a person who blocked the bot.
    """

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._updates: list[dict] = []
        self._faults: dict[str, list[tuple[int, dict]]] = {}
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self.messages: dict[int, dict] = {}
        self.blocked: set[int] = set()
        self._connections: set[socket.socket] = set()  # open ones, for disconnect()
        self._cond = threading.Condition()
        self._released = False
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # answers go out in two writes (headers, body): with Nagle's algorithm and delayed ACKs each
            # would wait ~40 ms, so bulk traffic (storms, corpora, benchmarks) would crawl
            disable_nagle_algorithm = True

            def setup(self) -> None:
                super().setup()
                with fake._cond:
                    fake._connections.add(self.connection)

            def finish(self) -> None:
                with fake._cond:
                    fake._connections.discard(self.connection)
                super().finish()

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode()
                method = self.path.rsplit("/", 1)[-1]
                status, payload = fake.handle(method, fake.parse(self.headers.get("Content-Type", ""), body))
                if status == DROPPED:  # the request arrived; the connection breaks before any answer
                    self.close_connection = True
                    return
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()  # bytes: malformed
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
                pass

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/bot"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.release_polls()
        self.server.shutdown()
        self.server.server_close()

    def disconnect(self) -> None:
        """As a lost network: stop, and break every open connection, so the next request finds no server."""
        self.stop()
        with self._cond:
            connections, self._connections = list(self._connections), set()
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    # --- what tests use -------------------------------------------------------------------------
    def push(self, update: dict) -> int:
        """Queue an update (its update_id is assigned here) for the next getUpdates."""
        with self._cond:
            update_id = next(self._update_ids)
            self._updates.append({"update_id": update_id, **update})
            self._released = False
            self._cond.notify_all()
        return update_id

    def release_polls(self) -> None:
        """Let any waiting getUpdates return at once (so the bot stops fast)."""
        with self._cond:
            self._released = True
            self._cond.notify_all()

    def fail_next(self, method: str, status: int, retry_after: int | None = None) -> None:
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": f"fake failure {status}"}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
            body["description"] = f"Too Many Requests: retry after {retry_after}"
        self._faults.setdefault(method, []).append((status, body))

    def drop_next(self, method: str) -> None:
        """The next call of `method` is received (and recorded) but its connection closes without an answer."""
        self._faults.setdefault(method, []).append((DROPPED, {}))

    def calls_to(self, method: str, ok: bool | None = True) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method and (ok is None or c.ok == ok)]

    @property
    def rejected(self) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.status == 400]

    def sent(self, chat_id: int | None = None) -> list[Call]:
        """Messages the bot sent successfully, in order."""
        return [c for c in self.calls_to("sendMessage") + self.calls_to("sendVenue")
                if chat_id is None or c.params.get("chat_id") == chat_id]

    async def wait_for(self, condition, timeout: float = 10.0, what: str = "condition"):
        """Poll until `condition()` is truthy; fail with the recorded calls after the deadline."""
        deadline = time.monotonic() + timeout
        while True:
            result = condition()
            if result:
                return result
            if time.monotonic() > deadline:
                methods = [(c.method, c.status) for c in self.calls]
                raise AssertionError(f"timed out waiting for {what}; calls: {methods}")
            await asyncio.sleep(0.01)

    # --- the server side ------------------------------------------------------------------------
    @staticmethod
    def parse(content_type: str, body: str) -> dict[str, Any]:
        if content_type.startswith("application/json"):
            return json.loads(body or "{}")
        params: dict[str, Any] = {}
        for key, value in parse_qsl(body, keep_blank_values=True):
            if key in JSON_FIELDS:
                with contextlib.suppress(ValueError):
                    value = json.loads(value)
            params[key] = value
        return params

    def handle(self, method: str, params: dict[str, Any]) -> tuple[int, dict | bytes]:
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        with self._cond:
            faults = self._faults.get(method)
            if faults:
                status, body = faults.pop(0)
                self.calls.append(Call(method, params, status))
                return status, body
        try:
            result = self._result(method, params)
            status, body = 200, {"ok": True, "result": result}
        except Blocked as exc:
            status, body = 403, {"ok": False, "error_code": 403, "description": str(exc)}
        except Rejected as exc:
            status, body = 400, {"ok": False, "error_code": 400, "description": str(exc)}
        with self._cond:
            self.calls.append(Call(method, params, status))
        return status, body

    def _get_updates(self, params: dict[str, Any]) -> list[dict]:
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + timeout
        with self._cond:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and not self._released and time.monotonic() < deadline:
                self._cond.wait(max(0.0, deadline - time.monotonic()))
            return list(self._updates[: int(params.get("limit") or 100)])

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method == "answerCallbackQuery":
            if len(params.get("text") or "") > 200:
                raise Rejected("Bad Request: answer text is too long")
            return True
        if method in TRUE_METHODS:
            return True
        if method in DESCRIPTION_METHODS:
            field, limit = DESCRIPTION_METHODS[method]
            if len(params.get(field) or "") > limit:
                raise Rejected(f"Bad Request: {field} is too long")
            return True
        if method not in MESSAGE_METHODS:
            raise Rejected(f"Bad Request: method {method} is not faked")
        check_markup(params.get("reply_markup"))
        chat_id = int(params["chat_id"])
        if chat_id in self.blocked:
            raise Blocked("Forbidden: bot was blocked by the user")
        chat = {"id": chat_id, "type": "private"} if chat_id > 0 else {"id": chat_id, "type": "supergroup",
                                                                       "title": "Staff"}
        message: dict[str, Any] = {"message_id": next(self._message_ids), "date": int(time.time()),
                                   "chat": chat, "from": BOT_USER}
        if method == "sendVenue":
            for key in ("latitude", "longitude", "title", "address"):
                if params.get(key) in (None, ""):
                    raise Rejected(f"Bad Request: {key} is required")
            message["venue"] = {"location": {"latitude": params["latitude"], "longitude": params["longitude"]},
                                "title": params["title"], "address": params["address"]}
        elif method in ("sendMessage", "editMessageText"):
            message["text"] = check_text(params.get("text"), params.get("parse_mode"))
        if params.get("reply_markup", {}).get("inline_keyboard"):
            message["reply_markup"] = params["reply_markup"]
        with self._cond:
            self.messages[message["message_id"]] = message
        return message

    def message(self, message_id: int) -> dict:
        """A message the bot sent, as Telegram would quote it in a reply."""
        with self._cond:
            return self.messages[message_id]


# --- well-formed updates ----------------------------------------------------------------------------
_MESSAGE_IDS = itertools.count(1)


def user(user_id: int, language_code: str | None = "fi") -> dict:
    person = {"id": user_id, "is_bot": False, "first_name": "Testi"}
    if language_code:
        person["language_code"] = language_code
    return person


def _message(user_id: int, language_code: str | None, **content: Any) -> dict:
    return {"message_id": next(_MESSAGE_IDS), "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": "Testi"},
            "from": user(user_id, language_code), **content}


def text_update(user_id: int, text: str, language_code: str | None = "fi") -> dict:
    content: dict[str, Any] = {"text": text}
    if text.startswith("/"):
        command = text.split()[0]
        content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return {"message": _message(user_id, language_code, **content)}


def edited_text_update(user_id: int, text: str, language_code: str | None = "fi") -> dict:
    message = _message(user_id, language_code, text=text, edit_date=int(time.time()))
    return {"edited_message": message}


def location_update(user_id: int, latitude: float, longitude: float, language_code: str | None = "fi") -> dict:
    return {"message": _message(user_id, language_code, location={"latitude": latitude, "longitude": longitude})}


def sticker_update(user_id: int, language_code: str | None = "fi") -> dict:
    sticker = {"file_id": "CAACAgIAAxk", "file_unique_id": "AgADx", "type": "regular", "width": 512,
               "height": 512, "is_animated": False, "is_video": False}
    return {"message": _message(user_id, language_code, sticker=sticker)}


def photo_update(user_id: int, language_code: str | None = "fi") -> dict:
    photo = [{"file_id": "AgACAgQ", "file_unique_id": "AQADx", "width": 90, "height": 90}]
    return {"message": _message(user_id, language_code, photo=photo)}


def callback_update(user_id: int, data: str, language_code: str | None = "fi") -> dict:
    bot_message = {"message_id": next(_MESSAGE_IDS), "date": int(time.time()),
                   "chat": {"id": user_id, "type": "private", "first_name": "Testi"}, "from": BOT_USER, "text": "…"}
    return {"callback_query": {"id": f"cq{next(_MESSAGE_IDS)}", "from": user(user_id, language_code),
                               "chat_instance": "ci", "data": data, "message": bot_message}}


def group_text_update(chat_id: int, user_id: int, text: str, reply_to: dict | None = None) -> dict:
    """A message by `user_id` in the group `chat_id`, optionally a Telegram reply to `reply_to` (a bot message)."""
    content: dict[str, Any] = {"text": text}
    if text.startswith("/"):
        content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    if reply_to is not None:
        content["reply_to_message"] = reply_to
    return {"message": {"message_id": next(_MESSAGE_IDS), "date": int(time.time()),
                        "chat": {"id": chat_id, "type": "supergroup", "title": "Staff"},
                        "from": user(user_id), **content}}
