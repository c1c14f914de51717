"""The web channel's aiohttp application: `POST /api/chat` (JSON), `GET`/`POST /` (the page, which works without
JavaScript), `/static/chat.js` (the page with JavaScript) and `/widget.js` (the chat button for other sites).

Each handler reads the request, makes one call into the dialogue over the core, and renders the reply. No
cookie, no third-party request, no access log: client addresses are used for rate limits in memory only.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import replace

from aiohttp import web

from bot.config import Config
from bot.engine import Engine
from handlers.web import languages
from handlers.web.dialogue import Reply, UnknownChoice, ask, choose
from handlers.web.page import LABELS, chat_page
from handlers.web.render import reply_json
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


ENGINE = web.AppKey("engine", Engine)
SESSIONS = web.AppKey("sessions", SessionStore)
BY_SESSION = web.AppKey("by_session", RateLimiter)
BY_ADDRESS = web.AppKey("by_address", RateLimiter)
HEADERS = web.AppKey("headers", dict)


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
            404: "no such API endpoint; use POST /api/chat",
        }.get(exc.status, exc.reason)
        response = _json_error(exc.status, message)
        if exc.status == 405:
            response.headers["Allow"] = "POST"
    response.headers.update(request.app[HEADERS])
    return response


def _address(request: web.Request) -> str:
    return request.remote or "unknown"


async def api_chat(request: web.Request) -> web.Response:
    """{"session": id|null, "text": ...} or {"session": ..., "choice": ...} → {"session": id, "messages": [...]}."""
    if not request.app[BY_ADDRESS].allow(_address(request)):
        raise ApiError(429, "too many messages from this address; wait a minute")
    data = await _json_body(request)
    session = _api_session(request, data.get("session"))
    text, choice = data.get("text"), data.get("choice")
    if (text is None) == (choice is None):
        raise ApiError(400, 'give either "text" (a message) or "choice" (a choice id), not both')
    if not request.app[BY_SESSION].allow(session.id):
        raise ApiError(429, "too many messages in this session; wait a minute")
    replies = _turn(request.app[ENGINE], session, text, choice)
    return web.json_response({"session": session.id, "messages": [reply_json(r) for r in replies]},
                             dumps=lambda value: json.dumps(value, ensure_ascii=False))


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
    sessions = request.app[SESSIONS]
    if session_id is None:
        return sessions.new()
    if not isinstance(session_id, str):
        raise ApiError(400, '"session" must be a string or null')
    session = sessions.get(session_id)
    if session is None:
        raise ApiError(404, "unknown or expired session; start a new one with \"session\": null")
    return session


def _turn(engine: Engine, session: WebSession, text: object, choice: object) -> list[Reply]:
    if choice is not None:
        if not isinstance(choice, str):
            raise ApiError(400, '"choice" must be a string, one of the ids the last message offered')
        try:
            return choose(engine, session, choice)
        except UnknownChoice:
            raise ApiError(400, f"unknown choice {choice[:50]!r}: not one the last message offered") from None
    if not isinstance(text, str):
        raise ApiError(400, '"text" must be a string')
    if len(text) > MAX_TEXT_CHARS:
        raise ApiError(400, f"text too long (at most {MAX_TEXT_CHARS} characters)")
    return ask(engine, session, text)


async def page(request: web.Request) -> web.Response:
    """The page for a new conversation, in the language `?lang=` chooses, else the browser's, else Finnish."""
    kb = request.app[ENGINE].kb
    session = request.app[SESSIONS].new()
    chosen = languages.chosen(request.query.get("lang"))
    browser = languages.from_accept_language(request.headers.get("Accept-Language"))
    language = chosen or browser or languages.DEFAULT
    # A choice binds the answers' language, as Telegram's /kieli does; the browser's only breaks ties.
    session.context = replace(session.context, language=chosen, last_language=language)
    return _html(chat_page(session.id, kb.text("greeting", language), language))


async def page_post(request: web.Request) -> web.Response:
    """A form post from the page: a message or a choice button; an unknown or expired session starts anew."""
    app = request.app
    engine, sessions = app[ENGINE], app[SESSIONS]
    form = await request.post()
    session_id = form.get("session")
    session = sessions.get(session_id) if isinstance(session_id, str) else None
    session = session or sessions.new()
    language = session.context.language or session.context.last_language or languages.DEFAULT
    labels = LABELS.get(language, LABELS["fi"])
    text, choice, switch = form.get("text"), form.get("choice"), languages.chosen(form.get("lang"))

    def shown(status: int = 200, said: str | None = None, replies: list[Reply] | None = None,
              error: str | None = None) -> web.Response:
        shown_language = replies[-1].language if replies else session.context.language or language
        greeting = engine.kb.text("greeting", shown_language)
        return _html(chat_page(session.id, greeting, shown_language, said, replies or [], error), status)

    if not (app[BY_ADDRESS].allow(_address(request)) and app[BY_SESSION].allow(session.id)):
        return shown(429, error=labels["slow_down"])
    if switch:
        session.context = replace(session.context, language=switch, last_language=switch)
        return shown()
    if isinstance(choice, str):
        offered = session.pending[1].choices if session.pending else ()
        label = next((c.label for c in offered if c.id == choice), None)
        try:
            replies = choose(engine, session, choice)
        except UnknownChoice:
            return shown(400, error=labels["unknown_choice"])
        return shown(said=label, replies=replies)
    if not isinstance(text, str):
        return shown()
    if len(text) > MAX_TEXT_CHARS:
        return shown(400, error=labels["too_long"].format(limit=MAX_TEXT_CHARS))
    return shown(said=text, replies=ask(engine, session, text))


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


def make_app(engine: Engine, sessions: SessionStore | None = None,
             per_session: RateLimiter | None = None, per_address: RateLimiter | None = None,
             allowed_origins: Iterable[str] = ()) -> web.Application:
    """The web channel over one engine; tests pass their own stores and limits."""
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[security_and_errors])
    app[HEADERS] = security_headers(allowed_origins)
    app[ENGINE] = engine
    app[SESSIONS] = sessions or SessionStore()
    app[BY_SESSION] = per_session or RateLimiter(PER_SESSION_PER_MINUTE)
    app[BY_ADDRESS] = per_address or RateLimiter(PER_ADDRESS_PER_MINUTE)
    app.router.add_post("/api/chat", api_chat)
    app.router.add_get("/", page)
    app.router.add_post("/", page_post)
    app.router.add_get("/chat.css", stylesheet)
    app.router.add_get("/static/chat.js", chat_script)
    app.router.add_get("/widget.js", widget_script)
    app.router.add_get("/favicon.ico", no_icon)
    return app


def serve(engine: Engine, config: Config, host: str = "127.0.0.1", port: int = 8080) -> int:
    """Serve the web chat until interrupted; no access log (it would hold client addresses)."""
    print(f"tyonavi web: serving the chat on http://{host}:{port}/ (Ctrl+C stops)", flush=True)
    app = make_app(engine, per_session=RateLimiter(config.web_per_session_per_minute),
                   per_address=RateLimiter(config.web_per_address_per_minute),
                   allowed_origins=config.web_allowed_origins)
    web.run_app(app, host=host, port=port, access_log=None, print=None)
    return 0
