"""👍/👎 and "ask a person" in the web chat, through the API and the page without JavaScript; the web's answers in
the bot's analytics (redacted, hashed); staff replies waiting for the page; the per-address limit behind a proxy."""

from __future__ import annotations

import re

import pytest
from aiohttp.test_utils import TestClient, TestServer, make_mocked_request
from handover_app import handover_app

from handlers.web.app import client_address

QUESTION = "Hakemukseni hylättiin, soita minulle 040 123 4567. Mitä teen?"


@pytest.fixture
async def setup(engine, tmp_path):
    built = handover_app(engine, tmp_path / "tyonavi.sqlite")
    async with TestClient(TestServer(built.app, host="127.0.0.1")) as client:
        built.client = client
        yield built


async def post(client, **body) -> dict:
    response = await client.post("/api/chat", json=body)
    assert response.status == 200, await response.text()
    return await response.json()


async def refused(client, status: int, **body) -> str:
    response = await client.post("/api/chat", json=body)
    assert response.status == status, await response.text()
    return (await response.json())["error"]


async def test_a_vote_is_stored_once_and_a_thumbs_down_offers_a_person(setup):
    client = setup.client
    first = await post(client, session=None, text="asun kuhmossa")
    session, [answer] = first["session"], first["messages"]
    assert answer["feedback"]
    thanks = await post(client, session=session, feedback=answer["feedback"], helpful=False)
    [said] = thanks["messages"]
    assert said["text"] == "Kiitos palautteesta!" and said["feedback"] is None
    assert said["choices"] == [{"id": "handoff:ask", "label": "🙋 Kysy ihmiseltä"}]
    assert [row["helpful"] for row in setup.analytics.db["analytics_feedback"].rows] == [0]
    error = await refused(client, 400, session=session, feedback=answer["feedback"], helpful=True)
    assert "feedback handle" in error  # one vote an answer
    assert len(list(setup.analytics.db["analytics_feedback"].rows)) == 1


async def test_a_thumbs_up_offers_no_person(setup):
    first = await post(setup.client, session=None, text="asun kuhmossa")
    thanks = await post(setup.client, session=first["session"], feedback=first["messages"][0]["feedback"],
                        helpful=True)
    assert thanks["messages"][0]["choices"] == []


@pytest.mark.parametrize("body, message", [
    ({"feedback": "a1"}, '"helpful" true or false'),
    ({"feedback": "a1", "helpful": "yes"}, '"helpful" true or false'),
    ({"feedback": 5, "helpful": True}, "feedback handle"),
    ({"feedback": "a999999", "helpful": True}, "unknown feedback handle"),
    ({"text": "hei", "feedback": "a1", "helpful": True}, 'give one of "text"'),
])
async def test_bad_votes_get_a_clear_400(setup, body, message):
    session = (await post(setup.client, session=None, text="asun kuhmossa"))["session"]
    assert message in await refused(setup.client, 400, session=session, **body)


async def test_another_sessions_answer_cannot_be_voted_on(setup):
    mine = await post(setup.client, session=None, text="asun kuhmossa")
    theirs = await post(setup.client, session=None, text="asun sotkamossa")
    error = await refused(setup.client, 400, session=theirs["session"], feedback=mine["messages"][0]["feedback"],
                          helpful=False)
    assert "unknown feedback handle" in error


async def test_ask_a_person_sends_the_question_to_staff_and_their_reply_waits_for_the_page(setup):
    client = setup.client
    first = await post(client, session=None, text="asun kuhmossa")
    session = first["session"]
    await post(client, session=session, feedback=first["messages"][0]["feedback"], helpful=False)
    intro = await post(client, session=session, choice="handoff:ask")
    assert "Seuraava viestisi välitetään" in intro["messages"][0]["text"]
    sent = await post(client, session=session, text=QUESTION)
    assert "Viestisi on välitetty henkilökunnalle" in sent["messages"][0]["text"]
    [to_staff] = setup.staff.messages
    assert "040 123 4567" in to_staff and "Kotikunta: Kuhmo" in to_staff  # staff need the question as written
    assert session not in to_staff
    texts = [row["text"] for row in setup.analytics.db["analytics_answers"].rows]
    assert not any(text and "Hakemukseni" in text for text in texts)  # the question to staff is stored nowhere
    case = setup.cases.of_person(setup.chat.sessions.get(session).user_id)
    assert case is not None and case.delivered

    assert setup.chat.deliver(case.chat_id, "💬 Henkilökunta vastaa: soitan huomenna.", "fi", answerable=True)
    waiting = await client.get("/api/messages", params={"session": session})
    [reply] = (await waiting.json())["messages"]
    assert reply["text"] == "💬 Henkilökunta vastaa: soitan huomenna."
    assert reply["choices"] == [{"id": "handoff:ask", "label": "✍️ Vastaa henkilökunnalle"}]
    again = await client.get("/api/messages", params={"session": session})
    assert (await again.json())["messages"] == []
    answer_back = await post(client, session=session, choice="handoff:ask")
    assert "Seuraava viestisi välitetään" in answer_back["messages"][0]["text"]


async def test_typed_commands_ask_for_a_person_and_cancel(setup):
    client = setup.client
    asked = await post(client, session=None, text="/ihminen")
    session = asked["session"]
    assert "Seuraava viestisi välitetään" in asked["messages"][0]["text"]
    assert asked["messages"][0]["choices"][0]["id"] == "handoff:cancel"
    cancelled = await post(client, session=session, choice="handoff:cancel")
    assert "viestiäsi ei lähetetä henkilökunnalle" in cancelled["messages"][0]["text"]
    answered = await post(client, session=session, text="asun kuhmossa")
    assert "Kainuuntie 82" in answered["messages"][0]["text"] and setup.staff.messages == []


async def test_without_hand_over_a_person_is_not_offered_and_the_command_says_where_to_turn(engine, tmp_path):
    built = handover_app(engine, tmp_path / "tyonavi.sqlite", handoff=False)
    async with TestClient(TestServer(built.app, host="127.0.0.1")) as client:
        first = await post(client, session=None, text="asun kuhmossa")
        thanks = await post(client, session=first["session"], feedback=first["messages"][0]["feedback"],
                            helpful=False)
        assert thanks["messages"][0]["choices"] == []
        asked = await post(client, session=first["session"], text="/human")
        assert "tyomarkkinatori" in asked["messages"][0]["text"]
        assert "unknown choice" in await refused(client, 400, session=first["session"], choice="handoff:ask")


async def test_waiting_messages_of_an_unknown_session_are_a_404(setup):
    response = await setup.client.get("/api/messages", params={"session": "nope"})
    assert response.status == 404 and "unknown or expired session" in (await response.json())["error"]
    response = await setup.client.get("/api/messages")
    assert response.status == 400


async def test_the_web_answers_are_in_the_analytics_redacted_and_hashed(setup):
    await post(setup.client, session=None, text="mistä haen starttirahaa, hetu 010203A123B")
    [row] = setup.analytics.db["analytics_answers"].rows
    assert row["kind"] == "clarify" and "010203A123B" not in row["text"] and row["user"]


async def test_a_forgotten_session_takes_its_settings_with_it(setup):
    first = await post(setup.client, session=None, text="asun kuhmossa")
    session = setup.chat.sessions.get(first["session"])
    storage = setup.chat.conversations.storage
    assert storage.get(session.user_id).municipality == "kuhmo"
    setup.chat.sessions._drop(session.id)
    assert storage.get(session.user_id).municipality is None


HIDDEN = re.compile(r'name="(session|feedback)" value="([^"]+)"')


async def test_without_javascript_the_vote_and_the_person_are_forms(setup):
    client = setup.client
    page = await (await client.post("/", data={"session": "", "text": "asun kuhmossa"})).text()
    fields = dict(HIDDEN.findall(page))
    assert '<button type="submit" name="helpful" value="no">👎 Ei auttanut</button>' in page
    voted = await (await client.post("/", data={"session": fields["session"], "feedback": fields["feedback"],
                                                "helpful": "no"})).text()
    assert "Kiitos palautteesta!" in voted and 'value="handoff:ask"' in voted
    asked = await (await client.post("/", data={"session": fields["session"], "choice": "handoff:ask"})).text()
    assert "Seuraava viestisi välitetään" in asked
    sent = await (await client.post("/", data={"session": fields["session"], "text": QUESTION})).text()
    assert "Viestisi on välitetty" in sent and 'class="check"' in sent  # a button looks for staff replies
    user_id = setup.chat.sessions.get(fields["session"]).user_id
    setup.chat.deliver(user_id, "💬 Vastaus: soitan huomenna.", "fi", answerable=True)
    looked = await (await client.post("/", data={"session": fields["session"]})).text()
    assert "💬 Vastaus: soitan huomenna." in looked


def test_the_client_behind_a_trusted_proxy_is_the_last_untrusted_forwarded_address():
    def request(peer: str, forwarded: str | None):
        headers = {"X-Forwarded-For": forwarded} if forwarded else {}
        return make_mocked_request("POST", "/api/chat", headers=headers, transport=FakeTransport(peer))

    proxies = frozenset({"127.0.0.1"})
    assert client_address(request("127.0.0.1", "198.51.100.7"), proxies) == "198.51.100.7"
    assert client_address(request("127.0.0.1", "6.6.6.6, 198.51.100.7"), proxies) == "198.51.100.7"  # forged front
    assert client_address(request("203.0.113.9", "198.51.100.7"), proxies) == "203.0.113.9"  # not a proxy: ignored
    assert client_address(request("127.0.0.1", None), proxies) == "127.0.0.1"
    assert client_address(request("127.0.0.1", "198.51.100.7")) == "127.0.0.1"  # no proxies trusted


class FakeTransport:
    def __init__(self, peer: str):
        self.peer = peer

    def get_extra_info(self, name: str, default=None):
        return (self.peer, 40000) if name == "peername" else default

    def is_closing(self) -> bool:
        return False


async def test_unohda_erases_the_sessions_settings_answers_votes_and_case_and_tells_staff(setup):
    client = setup.client
    first = await post(client, session=None, text="asun kuhmossa")
    session = first["session"]
    await post(client, session=session, feedback=first["messages"][0]["feedback"], helpful=False)
    await post(client, session=session, choice="handoff:ask")
    await post(client, session=session, text=QUESTION)
    user_id = setup.chat.sessions.get(session).user_id
    erased = await post(client, session=session, text="/unohda")
    [said] = erased["messages"]
    assert "Kaikki sinusta tallennettu on poistettu" in said["text"]
    assert "kysymyksesi tilastoissa: 1" in said["text"] and "palautteesi (👍/👎): 1" in said["text"]
    assert "avoin asiasi henkilökunnalle: 1" in said["text"]
    assert list(setup.analytics.db["analytics_answers"].rows) == []
    assert list(setup.analytics.db["analytics_feedback"].rows) == []
    assert setup.cases.of_person(user_id) is None
    assert "Kysyjä sulki asian" in setup.staff.messages[-1]  # staff had seen it: they are told
    assert setup.chat.conversations.storage.get(user_id).municipality is None
    again = await post(client, session=session, text="/start")
    assert again["messages"][0]["text"].startswith("Hei! Olen TyöNavi")


async def test_votes_go_under_answers_not_under_a_question_back(setup):
    asked = await post(setup.client, session=None, text="mistä haen starttirahaa")
    [question] = asked["messages"]
    assert question["choices"] and question["feedback"] is None  # as on Telegram: 👍/👎 under routed answers
    chosen = await post(setup.client, session=asked["session"], choice="mun:kuhmo")
    assert chosen["messages"][0]["feedback"]
