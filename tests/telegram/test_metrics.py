"""Prometheus metrics scraped over HTTP from the running bot (real PTB stack, fake Bot API) while it works."""

from __future__ import annotations

import socket
from collections import Counter

import aiohttp
import fake_bot_api as api
import pytest
from kb_edit import replace_in
from prometheus_client.parser import text_string_to_metric_families

from bot.answer import Context
from bot.operations.metrics import Metrics, confidence_band

STAFF, STAFF_GROUP = 9001, -1001234567890
QUESTIONS = ("Asun Kuhmossa, minne menen?", "mistä haen palkkatukea", "onko kuhmossa hyvää pizzeriaa",
             "I live in Kajaani and I don't speak Finnish", "moi", "jäin työttömäksi, saanko asumistukea?")
FIRST_USER = 50_000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def scrape(port: int) -> dict[tuple[str, tuple], float]:
    """Every sample as {(name, sorted labels): value}."""
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/metrics") as response:
        assert response.status == 200 and response.headers["Content-Type"].startswith("text/plain")
        text = await response.text()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def answers_by_band(samples: dict) -> Counter:
    return Counter({labels: value for (name, labels), value in samples.items() if name == "tyonavi_answers_total"})


@pytest.mark.parametrize("confidence, band", [(1.0, "0.9-1.0"), (0.9, "0.9-1.0"), (0.89, "0.6-0.9"),
                                              (0.6, "0.6-0.9"), (0.59, "0-0.6"), (0.0, "0-0.6")])
def test_confidence_bands_are_those_of_the_reliability_table(confidence, band):
    assert confidence_band(confidence) == band


def test_two_bots_in_one_process_count_apart():
    first, second = Metrics(), Metrics()
    first.update_handled()
    assert b"tyonavi_updates_handled_total 1.0" in first.exposition()
    assert b"tyonavi_updates_handled_total 0.0" in second.exposition()


async def test_metrics_are_served_on_localhost_during_traffic_and_count_what_happened(start_bot, fake, kb_copy,
                                                                                      engine):
    port = free_port()
    settings = {"metrics": {"port": port}, "knowledge": {"path": str(kb_copy), "watch": False},
                "staff": {"user_ids": [STAFF]}, "handoff": {"chat_id": STAFF_GROUP}}
    texts = [QUESTIONS[n % len(QUESTIONS)] for n in range(30)]
    expected = Counter()
    for text in texts:
        answer = engine.answer(text, Context())
        expected[(("confidence", confidence_band(answer.confidence)), ("kind", answer.kind))] += 1
    async with start_bot(**settings) as bot:
        before = await scrape(port)
        # Telegram refuses three sends: two 5xx and one 429; each is sent again
        fake.fail_next("sendMessage", 500)
        fake.fail_next("sendMessage", 502)
        fake.fail_next("sendMessage", 429, retry_after=1)
        ids = [fake.push(api.text_update(FIRST_USER + n, text)) for n, text in enumerate(texts)]
        await fake.wait_for(lambda: bot.processed & set(ids), what="the first update handled")
        handled_before = len(bot.processed & set(ids))
        during = await scrape(port)
        handled_after = len(bot.processed & set(ids))
        await fake.wait_for(lambda: set(ids) <= bot.processed, timeout=60, what="every update handled")
        await bot.say(STAFF, "/reload")
        replace_in(kb_copy / "service_points.yaml", 'postal_code: "88900"', 'postal_code: "8890"')
        await bot.say(STAFF, "/reload")
        await bot.say(FIRST_USER, "/ihminen")
        after = await scrape(port)

    assert before[("tyonavi_updates_handled_total", ())] == 0
    assert before[("tyonavi_inbox_depth", ())] == 0
    assert handled_before < len(texts)  # the scrape came while the bot was still working
    assert handled_before <= during[("tyonavi_updates_handled_total", ())] <= handled_after
    assert during[("tyonavi_inbox_depth", ())] > 0
    # an answer is counted when it is sent, a moment before its update is marked handled: never more than sent
    assert sum(answers_by_band(during).values()) <= len(texts)

    assert after[("tyonavi_updates_handled_total", ())] == len(texts) + 3
    assert answers_by_band(after) == expected
    assert after[("tyonavi_send_retries_total", ())] == 3
    assert after[("tyonavi_send_give_ups_total", ())] == 0
    assert after[("tyonavi_knowledge_reloads_total", (("result", "ok"),))] == 1
    assert after[("tyonavi_knowledge_reloads_total", (("result", "failed"),))] == 1
    assert after[("tyonavi_inbox_depth", ())] == 0
    assert after[("tyonavi_handoff_open_cases", ())] == 1
    assert not fake.rejected


async def test_a_send_given_up_is_counted(start_bot, fake):
    port = free_port()
    async with start_bot(metrics={"port": port}, telegram={"send_retry_minutes": 0}) as bot:
        fake.fail_next("sendMessage", 500)
        await bot.say(FIRST_USER, "Asun Kuhmossa, minne menen?")
        samples = await scrape(port)
    assert samples[("tyonavi_send_give_ups_total", ())] == 1
    assert samples[("tyonavi_send_retries_total", ())] == 0


async def test_the_metrics_port_is_closed_when_the_bot_stops_and_off_by_default(start_bot):
    port = free_port()
    async with start_bot(metrics={"port": port}):
        await scrape(port)
    with pytest.raises(aiohttp.ClientConnectionError):
        await scrape(port)
    async with start_bot() as bot:
        assert "metrics_server" not in bot.app.bot_data
