"""The web chat on 127.0.0.1 in a thread of its own, for the headless-Chromium tests (Playwright's sync API needs
the test's own thread free of an event loop)."""

from __future__ import annotations

import asyncio
import importlib.util
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from aiohttp import web

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: CI (the environment variable CI set, as for `bash .ci/run`) installs the browser, so its tests never skip there.
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing_for_browser_tests(*modules: str) -> str | None:
    """Why the browser tests cannot run here (no Chromium, or one of `modules` not installed), or None if they can."""
    if CHROMIUM is None:
        return ("chromium is not installed: the web chat's browser tests need Debian's chromium "
                "(bash .ci/run installs it)")
    for module in modules:
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed: .venv/bin/pip install -r requirements-dev.lock"
    return None


def skip_where_missing(missing: str | None) -> pytest.MarkDecorator:
    """Skip, with the reason, where something the browser tests need is missing; but not in CI, where the tests run
    and fail, so a browser that could not be installed is never a quiet pass."""
    return pytest.mark.skipif(missing is not None and not IN_CI, reason=missing or "")


@contextmanager
def served(app: web.Application) -> Iterator[str]:
    """Serve `app` on a free port of 127.0.0.1 until the block ends; yields its origin, e.g. http://127.0.0.1:41234."""
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app, access_log=None)
    started = threading.Event()
    origin: list[str] = []

    async def start() -> None:
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        origin.append(f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}")
        started.set()

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(start())
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert started.wait(10), "the test server did not start"
    try:
        yield origin[0]
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


def host_page_app(chat: dict[str, str]) -> web.Application:
    """A municipality's page on another origin with the widget's one script tag; chat["origin"] is read per request,
    so it can be served first and its origin allowed by the chat."""

    async def page(request: web.Request) -> web.Response:
        html = (f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Kommunens sida</title>'
                f'<script src="{chat["origin"]}/widget.js" defer></script></head>'
                f'<body><h1>Kommunens sida</h1><p>Sysselsättningstjänster</p></body></html>')
        return web.Response(text=html, content_type="text/html")

    async def no_icon(request: web.Request) -> web.Response:
        return web.Response(status=204)

    app = web.Application()
    app.router.add_get("/", page)
    app.router.add_get("/favicon.ico", no_icon)
    return app
