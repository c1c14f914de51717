"""The web chat's privacy notice: linked from every page, typed as /tietosuoja, and true to the web channel
(memory only, no cookies, the address never stored, hand-over as it really is here)."""

from __future__ import annotations

from aiohttp.test_utils import TestClient, TestServer
from handover_app import handover_app


async def test_the_page_links_the_notice_in_its_language(client):
    page = await (await client.get("/?lang=sv")).text()
    assert '<a href="/privacy?lang=sv" target="_blank" rel="noopener">Integritet</a>' in page


async def test_the_notice_says_what_the_web_keeps_and_for_how_long(client):
    response = await client.get("/privacy?lang=fi")
    page = await response.text()
    assert response.status == 200 and '<html lang="fi">' in page
    assert "<h1>🔒 Tietosuoja: mitä sinusta tallennetaan ja miksi</h1>" in page
    assert "30 minuuttiin" in page and "evästeitä" in page and "90 päivän" in page
    assert "IP-osoitettasi" in page and "Telegram-tunnustasi" not in page and "kirjoita /unohda" in page
    assert "ei voi kysyä ihmiseltä" in page  # no staff group beside this web chat
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")


async def test_the_notice_follows_the_browser_language(client):
    page = await (await client.get("/privacy", headers={"Accept-Language": "en-GB,en;q=0.8"})).text()
    assert "<h1>🔒 Privacy: what is stored about you and why</h1>" in page and "Back to the chat" in page


async def test_typed_privacy_command_answers_in_the_chat(client):
    response = await client.post("/api/chat", json={"session": None, "text": "/integritet"},
                                 headers={"Accept-Language": "sv-FI"})
    [message] = (await response.json())["messages"]
    assert message["text"].startswith("🔒 Integritet") and "kakor" in message["text"]


async def test_with_hand_over_the_notice_says_where_the_question_goes(engine, tmp_path):
    built = handover_app(engine, tmp_path / "tyonavi.sqlite")
    async with TestClient(TestServer(built.app, host="127.0.0.1")) as client:
        page = await (await client.get("/privacy?lang=en")).text()
    assert "Telegram group" in page and "staff do not see who asked" in page


async def test_help_says_what_the_web_chat_understands(client):
    response = await client.post("/api/chat", json={"session": None, "text": "/apua"})
    [message] = (await response.json())["messages"]
    assert message["text"].startswith("Kirjoita kysymyksesi omin sanoin")
    assert "/tietosuoja" in message["text"] and "/unohda" in message["text"]
    assert "/ihminen" not in message["text"]  # no staff group beside this web chat
