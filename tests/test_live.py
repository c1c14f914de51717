"""Live reload: a good edit is served, a broken edit is refused and the old answers keep coming."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.staff.live import LiveKnowledge, ReloadResult, watch
from bot.staff.messages import reload_text


def test_good_edit_is_served_after_reload(kb_copy: Path):
    live = LiveKnowledge(kb_copy)
    path = kb_copy / "service_points.yaml"
    path.write_text(path.read_text().replace("Kainuuntie 82", "Kainuuntie 84"))
    result = live.reload()
    assert result.ok and result.version == 2
    assert "Kainuuntie 84" in live.engine.answer("asun kuhmossa").text


def test_broken_edit_is_refused_with_file_and_line_and_old_answers_keep_coming(kb_copy: Path):
    live = LiveKnowledge(kb_copy)
    path = kb_copy / "routing.yaml"
    path.write_text(path.read_text().replace("kuhmo: kuhmo_kaupungintalo", "kuhmo: kuhmo_kaupungintal"))
    result = live.reload()
    assert not result.ok and result.version == 1
    text = reload_text(live.engine.kb, result, "en")
    assert f"{path}:" in text and "kuhmo_kaupungintal" in text
    assert "Kainuuntie 82" in live.engine.answer("asun kuhmossa").text


async def test_file_watcher_reloads_within_seconds(kb_copy: Path):
    live = LiveKnowledge(kb_copy)
    results: asyncio.Queue[ReloadResult] = asyncio.Queue()
    stop = asyncio.Event()

    async def report(result: ReloadResult) -> None:
        await results.put(result)

    task = asyncio.create_task(watch(live, report, stop))
    await asyncio.sleep(0.3)  # let the watcher start
    path = kb_copy / "service_points.yaml"
    path.write_text(path.read_text().replace("Kainuuntie 82", "Kainuuntie 86"))
    result = await asyncio.wait_for(results.get(), timeout=10)
    stop.set()
    await asyncio.wait_for(task, timeout=5)
    assert result.ok
    assert "Kainuuntie 86" in live.engine.answer("asun kuhmossa").text


def test_a_failure_validation_did_not_foresee_still_keeps_the_last_good_version(kb_copy: Path, monkeypatch):
    live = LiveKnowledge(kb_copy)
    serving = live.engine

    def broken(_kb):
        raise IndexError("unexpected")

    monkeypatch.setattr("bot.staff.live.Engine", broken)
    result = live.reload()
    assert not result.ok and "IndexError" in str(result.errors[0])
    assert live.engine is serving
