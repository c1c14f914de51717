"""POST /api/chat: the contract in the README, and a clear 4xx JSON error for every kind of bad input."""

from __future__ import annotations

import json

import pytest
from aiohttp.test_utils import TestClient, TestServer

from handlers.web.app import MAX_BODY_BYTES, MAX_TEXT_CHARS, make_app
from handlers.web.sessions import RateLimiter, SessionStore


async def chat(client, **body) -> dict:
    response = await client.post("/api/chat", json=body)
    assert response.status == 200, await response.text()
    return await response.json()


async def test_asun_kuhmossa_answers_with_kainuuntie_82(client):
    answer = await chat(client, session=None, text="asun kuhmossa")
    assert answer["session"]
    [message] = answer["messages"]
    assert "Kainuuntie 82" in message["text"]
    assert "Kainuuntie 82" in message["html"]
    assert message["service_points"] == [{"id": "kuhmo_kaupungintalo", "name": "Kuhmon kaupungintalo",
                                          "address": "Kainuuntie 82, 88900 Kuhmo", "municipality": "kuhmo"}]
    assert message["choices"] == []
    assert "<blockquote>Lähde:" in message["html"]


async def test_a_choice_answers_the_waiting_question_for_that_municipality(client):
    asked = await chat(client, session=None, text="mistä haen starttirahaa")
    [question] = asked["messages"]
    assert {"id": "mun:kuhmo", "label": "Kuhmo"} in question["choices"]
    chosen = await chat(client, session=asked["session"], choice="mun:kuhmo")
    assert chosen["session"] == asked["session"]
    [answer] = chosen["messages"]
    assert "Kuhmo" in answer["text"] and answer["choices"] == []
    assert answer["service_points"], answer
    again = await chat(client, session=asked["session"], text="entä starttiraha")
    assert "Kuhmo" in again["messages"][0]["text"]  # the home municipality is remembered in the session


async def test_the_session_remembers_the_home_municipality_for_a_follow_up(client):
    first = await chat(client, session=None, text="asun kuhmossa")
    follow_up = await chat(client, session=first["session"], text="mistä haen starttirahaa")
    assert follow_up["messages"][0]["choices"] == []
    assert "Kuhmo" in follow_up["messages"][0]["text"]


async def test_choosing_elsewhere_says_where_to_turn(client):
    asked = await chat(client, session=None, text="mistä haen starttirahaa")
    chosen = await chat(client, session=asked["session"], choice="mun:_else")
    assert "tyomarkkinatori" in chosen["messages"][0]["text"]


async def error(client, status: int, method: str = "POST", **kwargs) -> str:
    response = await client.request(method, "/api/chat", **kwargs)
    assert response.status == status, await response.text()
    assert response.content_type == "application/json"
    body = await response.json()
    assert set(body) == {"error"} and body["error"]
    return body["error"]


async def test_a_body_that_is_not_json_is_400(client):
    assert "not JSON" in await error(client, 400, data=b"hello", headers={"Content-Type": "application/json"})
    assert "not JSON" in await error(client, 400, data=b"\xff\xfe")


async def test_json_that_is_not_an_object_is_400(client):
    assert "object" in await error(client, 400, json=["asun kuhmossa"])


async def test_a_body_over_the_limit_is_413(client):
    body = json.dumps({"session": None, "text": "a" * MAX_BODY_BYTES})
    assert "too large" in await error(client, 413, data=body, headers={"Content-Type": "application/json"})


async def test_a_text_over_the_limit_is_400(client):
    assert "too long" in await error(client, 400, json={"session": None, "text": "a" * (MAX_TEXT_CHARS + 1)})


@pytest.mark.parametrize("body", [{"session": None}, {"session": None, "text": "hei", "choice": "mun:kuhmo"},
                                  {"session": None, "text": 5}, {"session": 7, "text": "hei"},
                                  {"session": None, "choice": ["mun:kuhmo"]}])
async def test_a_malformed_request_is_400(client, body):
    await error(client, 400, json=body)


async def test_an_unknown_session_is_404(client):
    assert "session" in await error(client, 404, json={"session": "not-a-session", "text": "hei"})


async def test_an_unknown_choice_is_400(client):
    asked = await chat(client, session=None, text="mistä haen starttirahaa")
    assert "unknown choice" in await error(client, 400, json={"session": asked["session"], "choice": "mun:oulu"})
    fresh = await chat(client, session=None, text="asun kuhmossa")  # no question waiting
    assert "unknown choice" in await error(client, 400, json={"session": fresh["session"], "choice": "mun:kuhmo"})


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_a_wrong_method_is_405(client, method):
    assert "POST" in await error(client, 405, method=method)


async def test_an_unknown_api_path_is_a_json_404(client):
    response = await client.get("/api/nothing")
    assert response.status == 404 and "error" in await response.json()


async def test_rate_limits_per_session_and_per_address_are_429(engine):
    app = make_app(engine, SessionStore(), per_session=RateLimiter(2), per_address=RateLimiter(3))
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        first = await chat(client, session=None, text="hei")
        await chat(client, session=first["session"], text="hei")
        assert "session" in await error(client, 429, json={"session": first["session"], "text": "hei"})
        assert "address" in await error(client, 429, json={"session": None, "text": "hei"})


async def test_every_answer_carries_the_content_security_policy(client):
    response = await client.post("/api/chat", json={"session": None, "text": "hei"})
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    refused = await client.post("/api/chat", data=b"x")
    assert "frame-ancestors 'none'" in refused.headers["Content-Security-Policy"]


async def test_hostile_user_text_is_escaped_in_the_html(client):
    answer = await chat(client, session=None, text='<script>alert(1)</script> asun kuhmossa "><img src=x>')
    for message in answer["messages"]:
        assert "<script" not in message["html"] and "<img" not in message["html"]
