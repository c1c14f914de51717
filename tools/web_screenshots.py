"""Screenshots of the web chat for the README: docs/screenshots/web-chat-360.png (a phone) and web-chat-1280.png.

Serves the app as `tyonavi web --config` does (the shipped knowledge base; analytics on, so 👍/👎 show, in a database
in a temporary folder that is deleted afterwards) on 127.0.0.1 (a free port), has a short conversation in Finnish in
Debian's headless Chromium and saves each whole page as PNG. Re-run it whenever the page changes:

    .venv/bin/python tools/web_screenshots.py

Needs the dev extras (playwright) and /usr/bin/chromium; the 📍 of a service point needs a colour-emoji font
(Debian: fonts-noto-color-emoji), else it shows as an empty box. The server and the browser share one event loop.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from aiohttp import web
from playwright.async_api import async_playwright

from bot import SHIPPED_KNOWLEDGE
from bot.config import config_from_dict
from bot.conversation.analytics import AnalyticsStore
from bot.conversation.session import Conversations
from bot.conversation.storage import IN_MEMORY, Storage
from bot.engine import Engine
from bot.kb import load_knowledge_base
from handlers.web.app import app_for

ROOT = Path(__file__).resolve().parent.parent
#: (file name, viewport width and height in CSS px, device pixels per CSS px)
SHOTS = (("web-chat-360.png", 360, 740, 2), ("web-chat-1280.png", 1280, 800, 1))
CONVERSATION = ("asun kuhmossa",)
#: What the answer must show before the picture is taken.
ANSWER_SHOWS = "Kainuuntie 82"
#: README images stay light: a warning above this many bytes.
LIMIT_BYTES = 300_000


async def serve(storage: Storage) -> tuple[web.AppRunner, str]:
    """The web chat on a free port of 127.0.0.1, built as handlers.web.app.serve builds it with a database (analytics
    in `storage`), without an access log; returns the runner and the origin."""
    engine = Engine(load_knowledge_base(SHIPPED_KNOWLEDGE))
    analytics = AnalyticsStore(storage.db, storage.secret)
    app, _chat = app_for(config_from_dict({}), Conversations(lambda: engine, Storage(IN_MEMORY), analytics))
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    return runner, f"http://127.0.0.1:{port}"


async def take(browser, origin: str, target: Path, width: int, height: int, scale: int) -> None:
    context = await browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale,
                                        locale="fi-FI")
    try:
        page = await context.new_page()
        page.set_default_timeout(15_000)
        await page.goto(origin + "/")
        for text in CONVERSATION:
            await page.locator("#text").fill(text)
            await page.locator("#text").press("Enter")
        await page.locator("#log .bot", has_text=ANSWER_SHOWS).wait_for()
        await page.locator("#log form.vote button").first.wait_for()  # 👍/👎 under the answer
        await page.evaluate("document.fonts.ready")
        await page.screenshot(path=str(target), full_page=True, type="png")
    finally:
        await context.close()


def emoji_font_missing() -> bool:
    """True where fontconfig knows no font with 📍 (U+1F4CD)."""
    if shutil.which("fc-list") is None:
        return False
    listed = subprocess.run(["fc-list", ":charset=1f4cd"], capture_output=True, text=True, check=False)
    return not listed.stdout.strip()


async def main(out: Path, chromium: str) -> int:
    out.mkdir(parents=True, exist_ok=True)
    if emoji_font_missing():
        print("warning: no colour-emoji font: 📍 will be an empty box (apt-get install fonts-noto-color-emoji)")
    with tempfile.TemporaryDirectory(prefix="tyonavi-screenshots-") as folder:
        storage = Storage(Path(folder) / "tyonavi.sqlite")
        try:
            return await shoot(storage, out, chromium)
        finally:
            storage.close()


async def shoot(storage: Storage, out: Path, chromium: str) -> int:
    runner, origin = await serve(storage)
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            try:
                for name, width, height, scale in SHOTS:
                    target = out / name
                    await take(browser, origin, target, width, height, scale)
                    size = target.stat().st_size
                    note = f"  (over {LIMIT_BYTES // 1000} KB: too heavy for the README)" if size > LIMIT_BYTES else ""
                    print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
                          f"{size // 1000} KB{note}")
            finally:
                await browser.close()
    finally:
        await runner.cleanup()
    return 0


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots", help="folder for the PNG files")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"),
                        help="the Chromium to drive (default: chromium on PATH)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse(sys.argv[1:])
    if not arguments.chromium:
        sys.exit("chromium is not installed (Debian: apt-get install chromium)")
    sys.exit(asyncio.run(main(arguments.out, arguments.chromium)))
