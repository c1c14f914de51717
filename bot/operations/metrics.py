"""The bot's counters for an operator's Prometheus: one registry per running bot, never the global one.

A registry of its own keeps two bots in one process (tests, benchmarks) from counting into each other. Gauges
that describe stored state (inbox depth, open hand-over cases) are read when scraped, so they are never stale.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from bot.answer import LOW_CONFIDENCE, Answer

#: The confidence bands of `tyonavi eval`'s reliability table (issue 15), as label values.
HIGH_CONFIDENCE = 0.9
BANDS = ("0.9-1.0", "0.6-0.9", "0-0.6")
RELOAD_OK, RELOAD_FAILED = "ok", "failed"
CONTENT_TYPE = CONTENT_TYPE_LATEST


def confidence_band(confidence: float) -> str:
    """The band label of an answer's confidence."""
    if confidence >= HIGH_CONFIDENCE:
        return BANDS[0]
    return BANDS[1] if confidence >= LOW_CONFIDENCE else BANDS[2]


class _StoredState(Collector):
    """Gauges read from the database at each scrape."""

    def __init__(self, inbox_depth: Callable[[], int], open_cases: Callable[[], int]):
        self._inbox_depth = inbox_depth
        self._open_cases = open_cases

    def collect(self) -> Iterator[GaugeMetricFamily]:
        yield GaugeMetricFamily("tyonavi_inbox_depth", "Updates stored in the inbox and not yet handled.",
                                value=self._inbox_depth())
        yield GaugeMetricFamily("tyonavi_handoff_open_cases", "Hand-over cases open in the staff group.",
                                value=self._open_cases())

    def describe(self) -> Iterator[GaugeMetricFamily]:
        """Names only: registering must not read the database."""
        yield GaugeMetricFamily("tyonavi_inbox_depth", "")
        yield GaugeMetricFamily("tyonavi_handoff_open_cases", "")


class Metrics:
    """What the bot counts while it runs; the names are the contract with the operator's dashboards."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates = Counter("tyonavi_updates_handled", "Telegram updates handled.", registry=self.registry)
        self.answers = Counter("tyonavi_answers", "Engine answers sent, by kind and confidence band.",
                               ["kind", "confidence"], registry=self.registry)
        self.send_retries = Counter("tyonavi_send_retries",
                                    "Sends Telegram refused or could not be reached for, tried again.",
                                    registry=self.registry)
        self.send_give_ups = Counter("tyonavi_send_give_ups", "Sends given up after retrying.",
                                     registry=self.registry)
        self.kb_reloads = Counter("tyonavi_knowledge_reloads",
                                  "Knowledge-base reloads, by result (ok, or failed: the last good one serves).",
                                  ["result"], registry=self.registry)
        for result in (RELOAD_OK, RELOAD_FAILED):
            self.kb_reloads.labels(result=result)
        self._stored: _StoredState | None = None

    def update_handled(self) -> None:
        self.updates.inc()

    def answered(self, answer: Answer) -> None:
        self.answers.labels(kind=answer.kind, confidence=confidence_band(answer.confidence)).inc()

    def send_retried(self) -> None:
        self.send_retries.inc()

    def send_gave_up(self) -> None:
        self.send_give_ups.inc()

    def reloaded(self, ok: bool) -> None:
        self.kb_reloads.labels(result=RELOAD_OK if ok else RELOAD_FAILED).inc()

    def watch_storage(self, inbox_depth: Callable[[], int], open_cases: Callable[[], int]) -> None:
        """Read these at each scrape (once the database is open); replaces an earlier pair."""
        if self._stored is not None:
            self.registry.unregister(self._stored)
        self._stored = _StoredState(inbox_depth, open_cases)
        self.registry.register(self._stored)

    def exposition(self) -> bytes:
        """Every metric in Prometheus' text format."""
        return generate_latest(self.registry)
