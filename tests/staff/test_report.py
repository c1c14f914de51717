"""The staff report: clusters of unanswered questions, counts, feedback and the weekly trend."""

import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from xml.etree import ElementTree

import pytest
from sqlite_utils import Database

from bot.answer import CLARIFY, FALLBACK, ROUTE, Answer
from bot.conversation.analytics import AnalyticsStore
from bot.staff.report import build_report, cluster_questions, render_html, render_text

MONDAY = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # ISO week 2026-W45


def answer(kind=ROUTE, confidence=1.0, topic="personal_services", municipality="kajaani", language="fi"):
    return Answer(language, municipality, False, (), topic, (), False, "text", kind=kind, confidence=confidence)


@pytest.fixture
def db() -> Database:
    database = Database(memory=True)
    store = AnalyticsStore(database, b"secret")
    for _ in range(3):
        store.record("Miten haen kelan asumistukea?", answer(FALLBACK, 0.0, topic=None), now=MONDAY)
    store.record("miten haen kelan asumistukea", answer(FALLBACK, 0.0, topic=None), now=MONDAY)
    store.record("kelan asumistuki hakeminen miten haen", answer(FALLBACK, 0.0, topic=None), now=MONDAY)
    store.record("Where can I park my car?", answer(FALLBACK, 0.0, topic=None, language="en"), now=MONDAY)
    store.record("starttiraha", answer(CLARIFY, 0.9, topic="startup_grant", municipality=None),
                 now=MONDAY + timedelta(days=8))
    first = store.record("te-toimisto kuhmo", answer(municipality="kuhmo"), now=MONDAY + timedelta(days=8))
    store.record("ohjaamo", answer(topic="ohjaamo", language="en"), now=MONDAY + timedelta(days=22))
    store.feedback(first, True, user_id=1, now=MONDAY + timedelta(days=8))
    store.feedback(first, True, user_id=2, now=MONDAY + timedelta(days=8))
    store.feedback(first, False, user_id=3, now=MONDAY + timedelta(days=8))
    return database


def test_similar_unanswered_questions_are_counted_together(db):
    report = build_report(db)
    top = report.unanswered[0]
    assert top.example == "Miten haen kelan asumistukea?"
    assert top.count == 5 and len(top.variants) == 3
    assert report.unanswered[1].example == "Where can I park my car?"
    assert [c.example for c in report.uncertain] == ["starttiraha"]


def test_dissimilar_questions_stay_apart():
    clusters = cluster_questions(Counter({"missä on ohjaamo": 2, "paljonko on palkkatuki": 1}))
    assert [c.count for c in clusters] == [2, 1]


def test_counts_per_municipality_topic_language_and_kind(db):
    report = build_report(db)
    assert report.answers == 9
    assert dict(report.by_municipality) == {"kajaani": 7, "kuhmo": 1, "(unknown)": 1}
    assert dict(report.by_topic)["(unknown)"] == 6
    assert dict(report.by_language) == {"fi": 7, "en": 2}
    assert report.unanswered_count == 6


def test_feedback_ratio(db):
    report = build_report(db)
    assert (report.helpful, report.not_helpful) == (2, 1)
    assert report.feedback_ratio == pytest.approx(2 / 3)


def test_weekly_trend_fills_quiet_weeks_with_zero(db):
    weeks = build_report(db).weekly
    assert [(w.week, w.answers, w.unanswered) for w in weeks] == [
        ("2026-W45", 6, 6), ("2026-W46", 2, 0), ("2026-W47", 0, 0), ("2026-W48", 1, 0)]


def test_since_leaves_out_older_rows(db):
    report = build_report(db, since=date(2026, 11, 9))
    assert report.answers == 3 and report.unanswered == ()
    assert report.weekly[0].week == "2026-W46"


def test_an_empty_database_gives_an_empty_report():
    report = build_report(Database(memory=True))
    assert report.answers == 0 and report.feedback_ratio is None
    assert "0 answers" in render_text(report)
    assert "No answers recorded yet" in render_html(report)


def test_text_report_lists_the_sections(db):
    text = render_text(build_report(db))
    assert "9 answers, 6 unanswered" in text
    assert "67% helpful (2 👍, 1 👎)" in text
    assert "      5  Miten haen kelan asumistukea? (+2 similar)" in text
    assert "2026-W47      0 / 0" in text


def test_html_report_is_self_contained_and_has_a_chart(db):
    page = render_html(build_report(db))
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page and page.count('class="answered"') == 4
    assert not re.search(r"<script|<link|src=|https?://(?!www\.w3\.org/2000/svg)", page)
    svg = page[page.index("<svg"):page.index("</svg>") + 6]
    ElementTree.fromstring(svg)  # well-formed


def test_html_report_escapes_what_people_wrote():
    database = Database(memory=True)
    AnalyticsStore(database, b"s").record('<script>alert("x")</script> & <b>', answer(FALLBACK, 0.0), now=MONDAY)
    page = render_html(build_report(database))
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in page


def test_inflected_forms_of_the_same_question_are_counted_together():
    clusters = cluster_questions(Counter({"kelan asumistuki": 3, "Miten haen Kelan asumistukea?": 2}))
    assert [(c.example, c.count) for c in clusters] == [("kelan asumistuki", 5)]


def test_a_one_word_question_does_not_swallow_longer_ones():
    clusters = cluster_questions(Counter({"apua": 4, "apua kelan asumistuki": 1, "Apua!": 1}))
    assert [(c.example, c.count) for c in clusters] == [("apua", 5), ("apua kelan asumistuki", 1)]
