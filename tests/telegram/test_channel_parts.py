"""The Telegram-free parts the channel stands on: storage, geo, flood limit, rendering, keyboards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot import SHIPPED_KNOWLEDGE
from bot.answer import Answer
from bot.conversation.flood import ALLOW, DROP, NOTIFY, FloodGate
from bot.conversation.storage import Storage, UserSettings
from bot.engine.geo import haversine_km, locate, nearest_municipality
from bot.kb import load_knowledge_base
from bot.kb.errors import KBError
from bot.staff.live import ReloadResult
from bot.staff.messages import reload_text
from handlers.telegram.keyboards import (
    MAX_CALLBACK_DATA,
    answer_keyboard,
    callback,
    parse_feedback,
    start_keyboard,
    without_feedback,
)
from handlers.telegram.render import html_parts, split_text, telegram_length


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(SHIPPED_KNOWLEDGE)


def test_storage_survives_reopening_and_forget_deletes(tmp_path):
    path = tmp_path / "s.sqlite"
    Storage(path).save(7, UserSettings(language="en", municipality="kuhmo", pending_question="minne?"))
    again = Storage(path)
    assert again.get(7) == UserSettings(language="en", municipality="kuhmo", pending_question="minne?")
    again.forget(7)
    assert Storage(path).get(7) == UserSettings()


def test_storage_purges_people_silent_longer_than_retention(tmp_path):
    now = datetime(2026, 1, 1, tzinfo=UTC)
    Storage(tmp_path / "s.sqlite", now=lambda: now - timedelta(days=100)).save(1, UserSettings(municipality="kuhmo"))
    Storage(tmp_path / "s.sqlite", now=lambda: now).save(2, UserSettings(municipality="kajaani"))
    storage = Storage(tmp_path / "s.sqlite", now=lambda: now)
    assert storage.purge(90) == 1
    assert storage.get(1) == UserSettings() and storage.get(2).municipality == "kajaani"


def test_nearest_municipality_and_outside_the_area(kb):
    assert nearest_municipality(kb, 64.13, 29.52)[0] == "kuhmo"
    assert locate(kb, 65.97, 29.18).inside
    helsinki = locate(kb, 60.17, 24.94)
    assert not helsinki.inside and helsinki.distance_km > 400
    assert haversine_km((60.17, 24.94), (60.17, 24.94)) == 0


def test_flood_gate_notifies_once_then_drops_until_the_window_passes():
    now = [0.0]
    gate = FloodGate(2, window_seconds=60, clock=lambda: now[0])
    assert [gate.check(1) for _ in range(5)] == [ALLOW, ALLOW, NOTIFY, DROP, DROP]
    assert gate.check(2) == ALLOW
    now[0] = 61
    assert gate.check(1) == ALLOW


def test_long_text_is_split_within_telegram_limits_and_escaped():
    text = "\n\n".join(f"<kappale> {i} " + "ä😀" * 300 for i in range(20))
    parts = html_parts(text)
    assert len(parts) > 1
    assert all(telegram_length(p.replace("&lt;", "<").replace("&gt;", ">")) <= 4096 for p in parts)
    assert all("<" not in p for p in parts)
    assert len(split_text("x" * 10000)) == 3


def test_every_callback_data_fits_64_bytes(kb):
    datas = [b.callback_data for row in start_keyboard(kb, "fi").inline_keyboard for b in row]
    for point in kb.service_points.values():
        answer = Answer("fi", point.municipality, False, (), "personal_services", (point,), False, "x")
        datas += [b.callback_data for row in answer_keyboard(kb, answer, 1, 10**15).inline_keyboard for b in row
                  if b.callback_data]
    assert any(d.startswith("fb:1:") for d in datas)
    assert all(len(d.encode()) <= MAX_CALLBACK_DATA for d in datas)
    with pytest.raises(ValueError):
        callback("contact", "x" * 64)


def test_feedback_data_is_parsed_strictly_and_its_buttons_come_off(kb):
    assert parse_feedback("fb:1:42") == (True, 42) and parse_feedback("fb:0:7") == (False, 7)
    assert parse_feedback("fb:2:7") is None and parse_feedback("fb:1:x") is None and parse_feedback(None) is None
    point = kb.home_point("kuhmo")
    answer = Answer("fi", "kuhmo", False, (), "personal_services", (point,), False, "x")
    rest = without_feedback(answer_keyboard(kb, answer, 0, 42))
    assert rest.inline_keyboard == answer_keyboard(kb, answer, 0).inline_keyboard


def test_reload_failure_lists_file_and_line_within_one_telegram_message(kb):
    errors = tuple(KBError("/srv/knowledge/routing.yaml", n, "unknown service point 'x' " * 20, "use an id")
                   for n in range(1, 301))
    text = reload_text(kb, ReloadResult(False, errors, 3), "en")
    assert telegram_length(text) <= 4096
    assert text.startswith("⚠️ Knowledge base NOT reloaded: 300 error(s). The last good version (3)")
    assert "/srv/knowledge/routing.yaml:1: unknown" in text and "more. See them all with" in text
    assert reload_text(kb, ReloadResult(True, (), 4), "fi").startswith("✅ Tietopohja ladattu uudelleen (versio 4)")


def test_the_language_of_the_last_answer_reaches_the_engine_as_the_tie_breaker():
    settings = UserSettings(language=None, seen_language="en", municipality="kuhmo", last_topic="startup_grant")
    assert settings.context.last_language == "en" and settings.context.language is None


@pytest.mark.parametrize("where, lat, lon, municipality, inside", [
    ("Hossa", 65.446, 29.558, "suomussalmi", True),  # Kuusamo's centre is nearer, but its radius ends before
    ("Vaala centre", 64.56, 26.84, "paltamo", False),  # nearest centre, but beyond every radius
    ("Kajaani", 64.227, 27.728, "kajaani", True),
])
def test_a_shared_location_is_inside_only_within_some_municipality_radius(kb, where, lat, lon, municipality, inside):
    found = locate(kb, lat, lon)
    assert (found.municipality, found.inside) == (municipality, inside), where
    assert not inside or found.distance_km <= kb.municipalities[municipality].radius_km


def test_hossa_goes_to_the_municipality_whose_radius_holds_it_not_to_the_nearest_centre(kb):
    assert nearest_municipality(kb, 65.446, 29.558)[0] == "kuusamo"
    assert locate(kb, 65.446, 29.558).municipality == "suomussalmi"


def test_flood_gate_forgets_people_whose_window_has_passed():
    now = [0.0]
    gate = FloodGate(2, window_seconds=60, clock=lambda: now[0])
    for user_id in range(1000):
        gate.check(user_id)
    assert [gate.check(5), gate.check(5)] == [ALLOW, NOTIFY] and gate.tracked == 1000
    now[0] = 61
    assert gate.check(1) == ALLOW
    assert gate.tracked == 1  # only the one who wrote within the window
    assert gate.check(5) == ALLOW  # a fresh window, and a fresh notice if needed

