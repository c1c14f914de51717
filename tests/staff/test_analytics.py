"""The analytics store: only redacted text, only for poor answers, hashed users, and retention."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.answer import CLARIFY, FALLBACK, ROUTE, Answer
from bot.conversation.analytics import ANSWERS, FEEDBACK, AnalyticsStore, hour_of, usage

SECRET = b"test secret"
NOW = datetime(2026, 11, 24, 10, 37, 12, tzinfo=UTC)
PERSONAL = {
    "henkilötunnus": "131052-308T",
    "phone": "040 123 4567",
    "phone digits": "0401234567",
    "international phone": "+358 40 765 4321",
    "e-mail": "matti.meikalainen@example.fi",
    "iban": "FI21 1234 5600 0007 85",
    "iban without spaces": "FI2112345600000785",
    "street address": "Koivukuja 7 B 12",
}
USER_ID = 987654321


def answer(kind: str = ROUTE, confidence: float = 1.0, topic: str | None = "personal_services",
           municipality: str | None = "kajaani", language: str = "fi") -> Answer:
    return Answer(language, municipality, False, ("youth",), topic, (), kind == CLARIFY, "text", kind=kind,
                  confidence=confidence)


@pytest.fixture
def store():
    with AnalyticsStore(Database(memory=True), SECRET) as s:
        yield s


def test_personal_data_never_reaches_the_database_file(tmp_path, engine):
    path = tmp_path / "analytics.sqlite"
    messages = [
        f"hetuni on {PERSONAL['henkilötunnus']} ja puhelin {PERSONAL['phone']}, mitä teen",
        f"sähköposti {PERSONAL['e-mail']} tili {PERSONAL['iban']}",
        f"soita {PERSONAL['phone digits']} tai {PERSONAL['international phone']}",
        f"tilinumero {PERSONAL['iban without spaces']}, asun {PERSONAL['street address']}",
        f"asun {PERSONAL['street address']} Kuhmossa, minne menen töihin? {PERSONAL['henkilötunnus']}",
    ]
    with AnalyticsStore(path, SECRET) as store:
        for message in messages:
            store.record(message, engine.answer(message), user_id=USER_ID, now=NOW)
            store.record(message, answer(FALLBACK, 0.0), user_id=USER_ID, now=NOW)
        texts = [row["text"] for row in store.db[ANSWERS].rows if row["text"]]
        assert len(texts) >= len(messages)
        assert all("[" in text for text in texts)
    raw = path.read_bytes()
    for what, value in PERSONAL.items():
        assert value.encode() not in raw, what
        assert value.replace(" ", "").encode() not in raw, what
    assert str(USER_ID).encode() not in raw
    assert not (tmp_path / "analytics.sqlite-journal").exists()
    assert not (tmp_path / "analytics.sqlite-wal").exists()


def test_text_is_kept_only_for_unanswered_unsure_and_clarify_answers(store):
    kept = [store.record("hmm mitä", answer(FALLBACK, 0.0), now=NOW),
            store.record("apua", answer(ROUTE, 0.4), now=NOW),
            store.record("starttiraha", answer(CLARIFY, 0.9), now=NOW)]
    dropped = store.record("te-toimisto kajaani", answer(ROUTE, 0.95), now=NOW)
    table = store.db[ANSWERS]
    assert [table.get(i)["text"] for i in kept] == ["hmm mitä", "apua", "starttiraha"]
    assert table.get(dropped)["text"] is None


def test_a_row_holds_the_hour_and_the_answer_facts(store):
    row_id = store.record("q", answer(ROUTE, 0.876, topic="ohjaamo", language="en"), user_id=USER_ID, now=NOW)
    row = store.db[ANSWERS].get(row_id)
    assert row["hour"] == "2026-11-24T10:00Z"
    assert (row["language"], row["municipality"], row["topic"], row["kind"]) == ("en", "kajaani", "ohjaamo", ROUTE)
    assert row["audiences"] == "youth" and row["confidence"] == 0.88
    assert len(row["user"]) == 64 and row["user"] != str(USER_ID)


def test_hour_is_utc():
    helsinki_noon = datetime(2026, 6, 1, 12, 30, tzinfo=ZoneInfo("Europe/Helsinki"))
    assert hour_of(helsinki_noon) == "2026-06-01T09:00Z"
    with pytest.raises(ValueError):
        hour_of(datetime(2026, 6, 1, 12, 30))


def test_feedback_is_one_vote_per_user_and_answer(store):
    row_id = store.record("q", answer(), now=NOW)
    store.feedback(row_id, True, user_id=1, now=NOW)
    store.feedback(row_id, False, user_id=1, now=NOW)
    store.feedback(row_id, True, user_id=2, now=NOW)
    votes = sorted(row["helpful"] for row in store.db[FEEDBACK].rows)
    assert votes == [0, 1]
    assert all(row["user"] not in ("1", "2") for row in store.db[FEEDBACK].rows)


def test_retention_deletes_old_rows_only(store):
    old = store.record("vanha kysymys", answer(FALLBACK, 0.0), now=NOW - timedelta(days=91))
    store.feedback(old, False, user_id=1, now=NOW - timedelta(days=91))
    recent = store.record("uusi kysymys", answer(FALLBACK, 0.0), now=NOW - timedelta(days=89))
    store.feedback(recent, True, user_id=1, now=NOW - timedelta(days=89))
    assert store.purge_older_than(90, now=NOW) == 2
    assert [row["id"] for row in store.db[ANSWERS].rows] == [recent]
    assert [row["answer_id"] for row in store.db[FEEDBACK].rows] == [recent]
    assert store.purge_older_than(now=NOW) == 0


def test_purged_text_is_gone_from_the_file(tmp_path):
    path = tmp_path / "a.sqlite"
    with AnalyticsStore(path, SECRET) as store:
        store.record("unohdettava kysymys", answer(FALLBACK, 0.0), now=NOW - timedelta(days=100))
        store.purge_older_than(90, now=NOW)
    assert b"unohdettava" not in path.read_bytes()


def test_a_store_needs_a_secret():
    with pytest.raises(ValueError, match="secret"):
        AnalyticsStore(Database(memory=True), b"")


def test_usage_lists_topics_and_audiences_per_language(store):
    store.record("q", answer(topic="ohjaamo", language="en"), now=NOW)
    store.record("q", answer(FALLBACK, 0.0, topic=None), now=NOW)
    seen = usage(store.db)
    assert seen.questions == 2
    assert seen.seen == {("topic", "ohjaamo", "en"), ("audience", "youth", "en"), ("audience", "youth", "fi")}


def test_usage_of_an_empty_database_is_empty():
    assert usage(Database(memory=True)).questions == 0
