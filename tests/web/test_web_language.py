"""The language switch (fi/sv/en) without JavaScript, the browser's Accept-Language, and web.allowed_origins."""

from __future__ import annotations

import re

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.config import ConfigError, config_from_dict
from handlers.web.app import make_app
from handlers.web.languages import from_accept_language

SESSION = re.compile(r'name="session" value="([^"]+)"')


@pytest.mark.parametrize(("header", "expected"), [
    ("sv-FI,sv;q=0.9,en;q=0.5", "sv"), ("en-GB,en;q=0.9", "en"), ("de-DE,de;q=0.9,en;q=0.3,fi;q=0.8", "fi"),
    ("de", None), ("", None), (None, None), ("fi;q=0,en", "en"), ("sv;q=oops,en;q=0.2", "en"), ("EN-us", "en"),
])
def test_accept_language_picks_the_most_preferred_of_ours(header, expected):
    assert from_accept_language(header) == expected


async def test_the_page_follows_the_browser_and_a_chosen_language_wins(client, kb):
    swedish = await (await client.get("/", headers={"Accept-Language": "sv-FI,sv;q=0.9"})).text()
    assert '<html lang="sv">' in swedish and kb.text("greeting", "sv") in swedish
    english = await (await client.get("/?lang=en", headers={"Accept-Language": "sv"})).text()
    assert '<html lang="en">' in english and 'value="en" lang="en" aria-current="true"' in english
    unknown = await (await client.get("/?lang=xx", headers={"Accept-Language": "de"})).text()
    assert '<html lang="fi">' in unknown


async def test_the_switch_posts_a_language_and_keeps_the_session_and_home(client, kb):
    session = SESSION.search(await (await client.get("/")).text()).group(1)
    await client.post("/", data={"session": session, "text": "asun kuhmossa"})
    switched = await (await client.post("/", data={"session": session, "lang": "sv"})).text()
    assert '<html lang="sv">' in switched and kb.text("greeting", "sv") in switched
    assert SESSION.search(switched).group(1) == session
    answered = await (await client.post("/", data={"session": session, "text": "mistä haen starttirahaa"})).text()
    assert '<html lang="sv">' in answered and "Kainuuntie 82" in answered and 'name="choice"' not in answered


async def test_allowed_origins_may_frame_the_chat_and_no_one_else(engine):
    async with TestClient(TestServer(make_app(engine, allowed_origins=("https://www.kuhmo.fi",)),
                                     host="127.0.0.1")) as client:
        policy = (await client.get("/")).headers["Content-Security-Policy"]
    assert "frame-ancestors https://www.kuhmo.fi" in policy and "'none'" not in policy.split("frame-ancestors")[1]


def test_web_allowed_origins_in_the_config():
    config = config_from_dict({"web": {"allowed_origins": ["https://www.kuhmo.fi/", " http://127.0.0.1:8000"]}})
    assert config.web_allowed_origins == ("https://www.kuhmo.fi", "http://127.0.0.1:8000")
    assert config_from_dict({}).web_allowed_origins == ()
    for bad in ("www.kuhmo.fi", "https://www.kuhmo.fi/chat", "https://a.fi; script-src *", 42):
        with pytest.raises(ConfigError, match="web.allowed_origins.*Fix: write the scheme and host only"):
            config_from_dict({"web": {"allowed_origins": [bad]}}, "config.yaml")
