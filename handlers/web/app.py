"""The web channel's aiohttp application: `POST /api/chat` (JSON), `GET`/`POST /` (the page, which works without
JavaScript), `/static/chat.js` (the page with JavaScript) and `/widget.js` (the chat button for other sites).

Each handler reads the request, makes one call into the dialogue over the core, and renders the reply. No
cookie, no third-party request, no access log: client addresses are used for rate limits in memory only.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Iterable

from aiohttp import web

from bot.config import Config, ConfigError
from bot.conversation.analytics import AnalyticsStore
from bot.conversation.handover import HandOver, SendToStaff
from bot.conversation.session import Conversations
from bot.conversation.storage import IN_MEMORY, Storage
from bot.engine import Engine
from bot.engine.newcomer import warm_up
from handlers.web import languages
from handlers.web.dialogue import UnknownAnswer, UnknownChoice, WebChat
from handlers.web.page import chat_page, page_labels, privacy_page
from handlers.web.render import reply_json
from handlers.web.reply import Reply
from handlers.web.sessions import RateLimiter, SessionStore, WebSession
from handlers.web.static import CHAT_CSS, CHAT_JS, WIDGET_JS

log = logging.getLogger(__name__)

#: A request body larger than this is refused (413) before it is read whole.
MAX_BODY_BYTES = 16 * 1024
#: A longer message is refused (400): a question never needs more.
MAX_TEXT_CHARS = 1000
PER_SESSION_PER_MINUTE = 20
PER_ADDRESS_PER_MINUTE = 60

#: Scripts only from our own files (no inline script), nothing from another origin.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
                           "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors {ancestors}")


def security_headers(allowed_origins: Iterable[str] = ()) -> dict[str, str]:
    """The headers of every response; only the config's web.allowed_origins may frame the chat (the widget)."""
    ancestors = " ".join(allowed_origins) or "'none'"
    return {
        "Content-Security-Policy": CONTENT_SECURITY_POLICY.format(ancestors=ancestors),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }


CHAT = web.AppKey("chat", WebChat)
BY_SESSION = web.AppKey("by_session", RateLimiter)
BY_ADDRESS = web.AppKey("by_address", RateLimiter)
HEADERS = web.AppKey("headers", dict)
PROXIES = web.AppKey("trusted_proxies", frozenset)


class ApiError(Exception):
    """Bad input to the API: answered with `status` and {"error": message}."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _json_error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"error": message}, status=status, headers=headers)


@web.middleware
async def security_and_errors(request: web.Request, handler) -> web.StreamResponse:
    """Security headers on every response; on /api/ every refusal is JSON {"error": ...}, never a 500 for input."""
    try:
        response = await handler(request)
    except ApiError as exc:
        response = _json_error(exc.status, exc.message,
                               {"Retry-After": "60"} if exc.status == 429 else None)
    except web.HTTPException as exc:
        if not request.path.startswith("/api/") or exc.status < 400:
            exc.headers.update(request.app[HEADERS])
            raise
        message = {
            405: f"method {request.method} not allowed; use POST with a JSON body",
            413: f"request body too large (at most {MAX_BODY_BYTES} bytes)",
            404: "no such API endpoint; use POST /api/chat (and GET /api/messages?session=ID)",
        }.get(exc.status, exc.reason)
        response = _json_error(exc.status, message)
        if exc.status == 405:
            response.headers["Allow"] = "POST"
    response.headers.update(request.app[HEADERS])
    return response


def client_address(request: web.Request, trusted_proxies: frozenset[str] = frozenset()) -> str:
    """The client's address for the per-address limit: the connecting peer, or, when that is a trusted proxy, the
    nearest address in X-Forwarded-For that is not one (a client can put anything at the front of the header)."""
    address = request.remote or "unknown"
    if address not in trusted_proxies:
        return address
    for hop in reversed(request.headers.get("X-Forwarded-For", "").split(",")):
        hop = hop.strip()
        if hop and hop not in trusted_proxies:
            return hop
    return address


def _address(request: web.Request) -> str:
    return client_address(request, request.app[PROXIES])


def _json(session: WebSession, replies: list[Reply]) -> web.Response:
    return web.json_response({"session": session.id, "messages": [reply_json(r) for r in replies]},
                             dumps=lambda value: json.dumps(value, ensure_ascii=False))


async def api_chat(request: web.Request) -> web.Response:
    """{"session": id|null, "text": ...}, {"session": ..., "choice": ...} or {"session": ..., "feedback": handle,
    "helpful": true|false} → {"session": id, "messages": [...]}."""
    if not request.app[BY_ADDRESS].allow(_address(request)):
        raise ApiError(429, "too many messages from this address; wait a minute")
    data = await _json_body(request)
    session = _api_session(request, data.get("session"))
    given = [key for key in ("text", "choice", "feedback") if data.get(key) is not None]
    if len(given) != 1:
        raise ApiError(400, 'give one of "text" (a message), "choice" (a choice id) or "feedback" (an answer\'s '
                            'feedback handle, with "helpful": true or false)')
    if not request.app[BY_SESSION].allow(session.id):
        raise ApiError(429, "too many messages in this session; wait a minute")
    return _json(session, await _turn(request.app[CHAT], session, data))


async def api_waiting(request: web.Request) -> web.Response:
    """GET /api/messages?session=ID: the messages that came for the session since (staff replies), often none."""
    session = _api_session(request, request.query.get("session"))
    return _json(session, request.app[CHAT].waiting(session))


async def _json_body(request: web.Request) -> dict:
    body = await request.read()  # aiohttp refuses a body over MAX_BODY_BYTES with 413
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ApiError(400, "the body is not JSON; send a JSON object such as "
                            '{"session": null, "text": "asun kuhmossa"}') from None
    if not isinstance(data, dict):
        raise ApiError(400, "the body must be a JSON object")
    return data


def _api_session(request: web.Request, session_id: object) -> WebSession:
    chat = request.app[CHAT]
    if session_id is None and request.method == "POST":
        return chat.new_session(languages.from_accept_language(request.headers.get("Accept-Language"))
                                or languages.DEFAULT)
    if not isinstance(session_id, str):
        raise ApiError(400, '"session" must be a string or null')
    session = chat.sessions.get(session_id)
    if session is None:
        raise ApiError(404, "unknown or expired session; start a new one with \"session\": null")
    return session


async def _turn(chat: WebChat, session: WebSession, data: dict) -> list[Reply]:
    text, choice, feedback = data.get("text"), data.get("choice"), data.get("feedback")
    if choice is not None:
        if not isinstance(choice, str):
            raise ApiError(400, '"choice" must be a string, one of the ids the last message offered')
        try:
            return await chat.choose(session, choice)
        except UnknownChoice:
            raise ApiError(400, f"unknown choice {choice[:50]!r}: not one the last message offered") from None
    if feedback is not None:
        helpful = data.get("helpful")
        if not isinstance(feedback, str) or not isinstance(helpful, bool):
            raise ApiError(400, '"feedback" must be a message\'s feedback handle and "helpful" true or false')
        try:
            return chat.vote(session, feedback, helpful)
        except UnknownAnswer:
            raise ApiError(400, f"unknown feedback handle {feedback[:50]!r}: not an answer of this session "
                                "that can still be voted on") from None
    if not isinstance(text, str):
        raise ApiError(400, '"text" must be a string')
    if len(text) > MAX_TEXT_CHARS:
        raise ApiError(400, f"text too long (at most {MAX_TEXT_CHARS} characters)")
    return await chat.ask(session, text)


async def page(request: web.Request) -> web.Response:
    """The page for a new conversation, in the language `?lang=` chooses, else the browser's, else Finnish."""
    chat = request.app[CHAT]
    chosen = languages.chosen(request.query.get("lang"))
    browser = languages.from_accept_language(request.headers.get("Accept-Language"))
    # A choice binds the answers' language, as Telegram's /kieli does; the browser's only breaks ties.
    session = chat.new_session(browser or languages.DEFAULT, chosen)
    language = chat.language(session)
    return _html(chat_page(page_labels(chat.kb, language), session.id, chat.kb.text("greeting", language), language,
                           votes=_votes(chat, language)))


def _votes(chat: WebChat, language: str) -> tuple[str, str]:
    """The labels of 👍/👎, from the knowledge base's texts as on Telegram."""
    return chat.kb.text("button_helpful", language), chat.kb.text("button_not_helpful", language)


async def page_post(request: web.Request) -> web.Response:
    """A form post from the page: a message, a choice, a vote or a language; an unknown or expired session starts
    anew. A post with none of them shows what has come since (staff replies)."""
    app = request.app
    chat = app[CHAT]
    form = await request.post()
    session_id = form.get("session")
    session = chat.sessions.get(session_id) if isinstance(session_id, str) else None
    session = session or chat.new_session(languages.from_accept_language(request.headers.get("Accept-Language"))
                                          or languages.DEFAULT)
    language = chat.language(session)
    labels = page_labels(chat.kb, language)
    text, choice, switch = form.get("text"), form.get("choice"), languages.chosen(form.get("lang"))
    feedback, helpful = form.get("feedback"), form.get("helpful")

    def shown(status: int = 200, said: str | None = None, replies: list[Reply] | None = None,
              error: str | None = None) -> web.Response:
        shown_language = replies[-1].language if replies else chat.language(session)
        greeting = chat.kb.text("greeting", shown_language)
        return _html(chat_page(page_labels(chat.kb, shown_language), session.id, greeting, shown_language, said,
                               replies or [], error,
                               _votes(chat, shown_language), chat.has_case(session)), status)

    if not (app[BY_ADDRESS].allow(_address(request)) and app[BY_SESSION].allow(session.id)):
        return shown(429, error=labels["slow_down"])
    if switch:
        chat.set_language(session, switch)
        return shown(replies=chat.waiting(session))
    if isinstance(choice, str):
        offered = dict(session.offered)
        try:
            replies = await chat.choose(session, choice)
        except UnknownChoice:
            return shown(400, error=labels["unknown_choice"])
        return shown(said=offered.get(choice), replies=replies)
    if isinstance(feedback, str) and helpful in ("yes", "no"):
        try:
            return shown(replies=chat.vote(session, feedback, helpful == "yes"))
        except UnknownAnswer:
            return shown(400, error=labels["unknown_choice"])
    if not isinstance(text, str) or not text.strip():
        return shown(replies=chat.waiting(session))
    if len(text) > MAX_TEXT_CHARS:
        return shown(400, error=labels["too_long"].format(limit=MAX_TEXT_CHARS))
    return shown(said=text, replies=await chat.ask(session, text))


async def privacy(request: web.Request) -> web.Response:
    """The privacy notice as a page of its own (linked from the chat), in `?lang=`, else the browser's language."""
    chat = request.app[CHAT]
    language = (languages.chosen(request.query.get("lang"))
                or languages.from_accept_language(request.headers.get("Accept-Language")) or languages.DEFAULT)
    return _html(privacy_page(page_labels(chat.kb, language), chat.privacy(language), language))


async def stylesheet(request: web.Request) -> web.Response:
    return web.Response(text=CHAT_CSS, content_type="text/css")


async def chat_script(request: web.Request) -> web.Response:
    return web.Response(text=CHAT_JS, content_type="text/javascript")


async def widget_script(request: web.Request) -> web.Response:
    return web.Response(text=WIDGET_JS, content_type="text/javascript")


async def no_icon(request: web.Request) -> web.Response:
    """Browsers ask for an icon; "none" rather than a 404 in every visitor's console."""
    return web.Response(status=204)


def _html(body: str, status: int = 200) -> web.Response:
    return web.Response(text=body, status=status, content_type="text/html")


def make_app(core: Engine | Conversations, sessions: SessionStore | None = None,
             per_session: RateLimiter | None = None, per_address: RateLimiter | None = None,
             allowed_origins: Iterable[str] = (), handover: HandOver | None = None, staff: SendToStaff | None = None,
             trusted_proxies: Iterable[str] = (), config: Config | None = None) -> web.Application:
    """The web channel over the conversation layer (or, given an engine, over one of its own in memory, as for
    `tyonavi web` without a database); tests pass their own stores and limits."""
    conversations = core if isinstance(core, Conversations) else in_memory(core)
    chat = WebChat(conversations, sessions, handover, staff, config)
    return build_app(chat, per_session, per_address, allowed_origins, trusted_proxies)


def in_memory(engine: Engine) -> Conversations:
    """Settings in memory only, no analytics: the web chat with no database at all."""
    return Conversations(lambda: engine, Storage(IN_MEMORY))


def build_app(chat: WebChat, per_session: RateLimiter | None = None, per_address: RateLimiter | None = None,
              allowed_origins: Iterable[str] = (), trusted_proxies: Iterable[str] = ()) -> web.Application:
    """The aiohttp application around one WebChat."""
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[security_and_errors])
    app[HEADERS] = security_headers(allowed_origins)
    app[CHAT] = chat
    app[BY_SESSION] = per_session or RateLimiter(PER_SESSION_PER_MINUTE)
    app[BY_ADDRESS] = per_address or RateLimiter(PER_ADDRESS_PER_MINUTE)
    app[PROXIES] = frozenset(trusted_proxies)
    app.router.add_post("/api/chat", api_chat)
    app.router.add_get("/api/messages", api_waiting)
    app.router.add_get("/", page)
    app.router.add_post("/", page_post)
    app.router.add_get("/privacy", privacy)
    app.router.add_get("/chat.css", stylesheet)
    app.router.add_get("/static/chat.js", chat_script)
    app.router.add_get("/widget.js", widget_script)
    app.router.add_get("/favicon.ico", no_icon)
    return app


def app_for(config: Config, core: Engine | Conversations, handover: HandOver | None = None,
            staff: SendToStaff | None = None) -> tuple[web.Application, WebChat]:
    """The web chat as the config sets it up (limits, origins, proxies); the WebChat for Telegram's staff replies."""
    app = make_app(core, per_session=RateLimiter(config.web_per_session_per_minute),
                   per_address=RateLimiter(config.web_per_address_per_minute),
                   allowed_origins=config.web_allowed_origins, handover=handover, staff=staff,
                   trusted_proxies=config.web_trusted_proxies, config=config)
    return app, app[CHAT]


async def start_site(app: web.Application, host: str, port: int) -> web.AppRunner:
    """Serve `app` on the running event loop (beside the Telegram bot); the runner's cleanup() stops it. A port
    that cannot be had stops the start with a config error that says which."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as exc:
        await runner.cleanup()
        raise ConfigError(f"web chat: cannot listen on {host}:{port} ({exc.strerror or exc}); "
                          "Fix: choose another web.port, or stop what uses it") from None
    return runner


#: How often the web chat alone deletes analytics rows older than privacy.retention_days.
PURGE_EVERY_SECONDS = 24 * 3600


def serve(engine: Engine, config: Config, host: str = "127.0.0.1", port: int = 8080,
          database: bool = False) -> int:
    """Serve the web chat alone until interrupted; no access log (it would hold client addresses). `database`:
    record analytics (redacted, hashed, as Telegram's) in the config's storage.path and purge them after
    privacy.retention_days; else nothing is written anywhere."""
    storage = Storage(config.storage_path) if database else None
    analytics = AnalyticsStore(storage.db, storage.secret) if storage else None
    app = app_for(config, Conversations(lambda: engine, Storage(IN_MEMORY), analytics))[0]
    if analytics is not None:
        app.cleanup_ctx.append(_purging(analytics, config.retention_days))
    warm_up()  # the language model, before the first visitor's message needs it (~0.6 s)
    print(f"tyonavi web: serving the chat on http://{host}:{port}/ (Ctrl+C stops)", flush=True)
    try:
        web.run_app(app, host=host, port=port, access_log=None, print=None)
    finally:
        if storage is not None:
            storage.close()
    return 0


def _purging(analytics: AnalyticsStore, days: int):
    """Retention as in the Telegram bot: old analytics rows go at start and then once a day."""
    async def purge_daily(_app: web.Application):
        async def loop() -> None:
            while True:
                deleted = analytics.purge_older_than(days)
                if deleted:
                    log.info("retention (%d days): deleted %d analytics rows", days, deleted)
                await asyncio.sleep(PURGE_EVERY_SECONDS)
        task = asyncio.create_task(loop(), name="web-retention")
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    return purge_daily
