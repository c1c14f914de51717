"""The page at / without JavaScript: plain form posts of `text` and choices, rendered on the server, escaped."""

from __future__ import annotations

import re

from aiohttp.test_utils import TestClient, TestServer

from bot.engine import Engine
from bot.kb import load_knowledge_base
from handlers.web.app import MAX_TEXT_CHARS, make_app


def replace_in(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


HIDDEN_SESSION = re.compile(r'<input type="hidden" name="session" value="([^"]+)">')


def session_of(page: str) -> str:
    return HIDDEN_SESSION.search(page).group(1)


async def test_the_empty_page_has_a_labelled_form_a_live_region_and_a_language(client):
    response = await client.get("/")
    page = await response.text()
    assert response.status == 200 and response.content_type == "text/html"
    assert '<html lang="fi">' in page
    assert '<label for="text">' in page and 'id="text" name="text"' in page
    assert 'aria-live="polite"' in page
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/chat.js" defer>']  # no inline script
    assert "set-cookie" not in {k.lower() for k in response.headers}
    assert session_of(page)


async def test_the_page_sends_a_strict_content_security_policy(client):
    response = await client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self';" in policy and "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    css = await client.get("/chat.css")
    assert css.status == 200 and css.content_type == "text/css"
    for script in ("/static/chat.js", "/widget.js"):
        served = await client.get(script)
        assert served.status == 200 and served.content_type == "text/javascript"
        assert served.headers["X-Content-Type-Options"] == "nosniff"


async def test_asun_kuhmossa_posted_by_the_form_answers_with_kainuuntie_82(client):
    session = session_of(await (await client.get("/")).text())
    response = await client.post("/", data={"session": session, "text": "asun kuhmossa"})
    page = await response.text()
    assert response.status == 200
    assert "Kainuuntie 82" in page and "<blockquote>Lähde:" in page
    assert session_of(page) == session


async def test_a_choice_button_answers_the_waiting_question(client):
    session = session_of(await (await client.get("/")).text())
    asked = await (await client.post("/", data={"session": session, "text": "mistä haen starttirahaa"})).text()
    assert '<button type="submit" name="choice" value="mun:kuhmo">Kuhmo</button>' in asked
    answered = await (await client.post("/", data={"session": session, "choice": "mun:kuhmo"})).text()
    assert "kotikuntasi on nyt Kuhmo" in answered and 'name="choice"' not in answered


async def test_an_unknown_choice_or_a_too_long_text_is_said_on_the_page(client):
    session = session_of(await (await client.get("/")).text())
    unknown = await client.post("/", data={"session": session, "choice": "mun:kuhmo"})
    assert unknown.status == 400 and 'role="alert"' in await unknown.text()
    too_long = await client.post("/", data={"session": session, "text": "a" * (MAX_TEXT_CHARS + 1)})
    assert too_long.status == 400 and "liian pitkä" in await too_long.text()


async def test_an_expired_session_starts_a_new_conversation(client):
    response = await client.post("/", data={"session": "gone", "text": "asun kuhmossa"})
    page = await response.text()
    assert response.status == 200 and "Kainuuntie 82" in page and session_of(page) != "gone"


async def test_hostile_user_input_is_escaped(client):
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    session = session_of(await (await client.get("/")).text())
    page = await (await client.post("/", data={"session": '"><script>x</script>', "text": hostile})).text()
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    page = await (await client.post("/", data={"session": session, "choice": '"><script>x</script>'})).text()
    assert "<script>" not in page


async def test_hostile_knowledge_base_text_is_escaped_in_page_and_api(kb_copy):
    replace_in(kb_copy / "service_points.yaml", "fi: Kuhmolaisten työnhakijoiden palvelupiste.",
               "fi: \"<script>alert('kb')</script> Kuhmolaisten <b>palvelupiste</b>.\"")
    replace_in(kb_copy / "service_points.yaml", "name: {fi: Kuhmon kaupungintalo,",
               "name: {fi: \"Kuhmon <img src=x> kaupungintalo\",")
    engine = Engine(load_knowledge_base(kb_copy))
    async with TestClient(TestServer(make_app(engine), host="127.0.0.1")) as client:
        session = session_of(await (await client.get("/")).text())
        page = await (await client.post("/", data={"session": session, "text": "asun kuhmossa"})).text()
        api = await (await client.post("/api/chat", json={"session": None, "text": "asun kuhmossa"})).json()
    html = api["messages"][0]["html"]
    for rendered in (page, html):
        assert "&lt;script&gt;" in rendered and "&lt;img src=x&gt;" in rendered
        assert "<script>" not in rendered and "<img" not in rendered and "<b>" not in rendered
    assert api["messages"][0]["service_points"][0]["name"] == "Kuhmon <img src=x> kaupungintalo"
