"""The durable inbox: what a crash leaves behind is found again, once, and never readable on disk."""

from __future__ import annotations

import sqlite3

from bot.conversation.inbox import ANSWERING, MAX_ATTEMPTS, RECEIVED, REMEMBER_SECONDS, Inbox

KEY = bytes(range(32))
UPDATE = {"update_id": 7, "message": {"text": "Nimeni on Liisa Virtanen, asun Kuhmossa", "chat": {"id": 5}}}


def open_inbox(path, key: bytes = KEY, clock=lambda: 1_000_000.0) -> Inbox:
    connection = sqlite3.connect(path)
    connection.execute("pragma secure_delete = on")
    return Inbox(connection, key, clock)


def test_an_update_is_stored_once_and_a_redelivery_is_recognised(tmp_path):
    inbox = open_inbox(tmp_path / "db")
    assert inbox.add(7, UPDATE) is True
    assert inbox.add(7, UPDATE) is False  # Telegram sent it again after a restart
    (pending,) = inbox.unfinished()
    assert (pending.update_id, pending.state, pending.update) == (7, RECEIVED, UPDATE)


def test_a_handled_update_is_no_longer_pending_but_still_recognised(tmp_path):
    inbox = open_inbox(tmp_path / "db")
    inbox.add(7, UPDATE)
    inbox.answering(7)
    assert inbox.unfinished()[0].state == ANSWERING
    inbox.finish(7)
    assert inbox.unfinished() == []
    assert inbox.add(7, UPDATE) is False


def test_what_the_last_run_left_comes_back_in_arrival_order_across_a_reopen(tmp_path):
    inbox = open_inbox(tmp_path / "db")
    for update_id in (30, 31, 32):
        inbox.add(update_id, {**UPDATE, "update_id": update_id})
    inbox.finish(31)
    inbox.answering(32)
    reopened = open_inbox(tmp_path / "db")
    assert [(p.update_id, p.state) for p in reopened.unfinished()] == [(30, RECEIVED), (32, ANSWERING)]


def test_attempts_are_counted_so_a_poisonous_update_can_be_given_up(tmp_path):
    inbox = open_inbox(tmp_path / "db")
    inbox.add(7, UPDATE)
    for _ in range(MAX_ATTEMPTS):
        inbox.attempt(7)
    assert inbox.unfinished()[0].attempts == MAX_ATTEMPTS


def test_message_text_never_lies_in_the_file_in_the_clear(tmp_path):
    path = tmp_path / "db"
    inbox = open_inbox(path)
    inbox.add(7, UPDATE)
    assert b"Virtanen" not in path.read_bytes()  # encrypted while it waits
    inbox.finish(7)
    assert b"Virtanen" not in path.read_bytes()


def test_an_update_stored_under_another_key_is_reported_unreadable_not_a_crash(tmp_path):
    open_inbox(tmp_path / "db").add(7, UPDATE)
    (pending,) = open_inbox(tmp_path / "db", key=bytes(32)).unfinished()
    assert pending.update is None


def test_handled_ids_are_forgotten_after_a_day(tmp_path):
    now = [1_000_000.0]
    inbox = open_inbox(tmp_path / "db", clock=lambda: now[0])
    inbox.add(7, UPDATE)
    inbox.finish(7)
    assert inbox.prune() == 0
    now[0] += REMEMBER_SECONDS + 1
    assert inbox.prune() == 1
    assert inbox.add(7, UPDATE) is True  # Telegram reuses ids after a week without updates


def test_the_answering_mark_becomes_durable_with_the_handlings_first_write_or_not_at_all(tmp_path):
    path = tmp_path / "db"
    inbox = open_inbox(path)
    inbox.add(7, UPDATE)
    inbox.add(8, {**UPDATE, "update_id": 8})
    inbox.answering(7, commit=False)  # handling began; it has written nothing yet
    assert [p.state for p in open_inbox(path).unfinished()] == [RECEIVED, RECEIVED]  # a crash now: handled again
    inbox._db.execute("create table settings_write (x)")  # the handling's first write, committed
    inbox._db.commit()
    assert [p.state for p in open_inbox(path).unfinished()] == [ANSWERING, RECEIVED]
