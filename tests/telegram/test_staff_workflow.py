"""Staff workflow under the running bot: live knowledge-base edits, staff-only commands, 👍/👎 feedback,
personal data kept out of the database, and retention."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fake_bot_api as api
from sqlite_utils import Database

from bot.conversation.analytics import ANSWERS, FEEDBACK, AnalyticsStore
from bot.conversation.storage import Storage, UserSettings
from handlers.telegram.app import STAFF_COMMANDS, WATCHER

STAFF, USER = 9009, 1001
KUHMO_QUESTION = "Asun Kuhmossa, minne menen?"
STAFF_NAMES = [names[0] for names, _, _ in STAFF_COMMANDS]
RELOADED, NOT_RELOADED = "Tietopohja ladattu uudelleen", "Tietopohjaa EI ladattu"


def staff_settings(kb_dir: Path | None = None) -> dict:
    settings: dict = {"staff": {"user_ids": [STAFF]}}
    if kb_dir is not None:
        settings["knowledge"] = {"path": str(kb_dir)}
    return settings


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


async def save_until_staff_hears(fake: api.FakeBotApi, path: Path, old: str, new: str, expected: str) -> api.Call:
    """Save the edit, and save it again until the watcher (which may still be starting) reports it."""
    edit(path, old, new)
    for _ in range(20):
        try:
            (notice,) = await fake.wait_for(lambda: [c for c in fake.sent(STAFF) if expected in c.plain_text][-1:],
                                            timeout=1.0, what=f"a staff notice containing {expected!r}")
            return notice
        except AssertionError:
            path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")  # touch: a new change event
    raise AssertionError(f"the staff chat never got {expected!r}")


def raw_bytes(db_path: Path) -> bytes:
    """The database file and any journal or WAL beside it, as stored on disk."""
    return b"".join(p.read_bytes() for p in db_path.parent.glob(f"{db_path.name}*"))


async def test_edits_under_a_running_bot_are_served_and_broken_edits_reported_to_staff(start_bot, fake, kb_copy):
    points, routing = kb_copy / "service_points.yaml", kb_copy / "routing.yaml"
    async with start_bot(**staff_settings(kb_copy)) as bot:
        await bot.say(STAFF, "/start")  # staff get notices in their language; Finnish here

        # a good edit is served within seconds, without /reload
        ok = await save_until_staff_hears(fake, points, "Kainuuntie 82", "Kainuuntie 84", RELOADED)
        (answer,) = await bot.say(USER, KUHMO_QUESTION)
        assert "Kainuuntie 84" in answer.plain_text and "Kainuuntie 82" not in answer.plain_text

        # a broken edit (a service point id that does not exist) is refused and reported with file:line
        await save_until_staff_hears(fake, routing, "kuhmo: kuhmo_kaupungintalo", "kuhmo: kuhmo_kaupungintal",
                                     NOT_RELOADED)
        notice = [c for c in fake.sent(STAFF) if NOT_RELOADED in c.plain_text][-1]
        line = next(n for n, text in enumerate(routing.read_text().splitlines(), 1) if "kuhmo_kaupungintal" in text)
        assert f"{routing}:{line}:" in notice.plain_text and "kuhmo_kaupungintal" in notice.plain_text
        assert len(notice.plain_text) <= 4096

        # people keep getting the last good answers
        (still,) = await bot.say(USER, KUHMO_QUESTION)
        assert "Kainuuntie 84" in still.plain_text

        # /reload on demand says the same
        (reply,) = await bot.say(STAFF, "/reload")
        assert NOT_RELOADED in reply.plain_text and f"{routing}:{line}:" in reply.plain_text

        edit(routing, "kuhmo: kuhmo_kaupungintal", "kuhmo: kuhmo_kaupungintalo")
        # the file watcher may notice the fix in the same moment and tell staff too: one of the replies says it
        fixed = await bot.say(STAFF, "/reload")
    assert RELOADED in ok.plain_text and any(RELOADED in reply.plain_text for reply in fixed)
    assert not any(RELOADED in c.plain_text or NOT_RELOADED in c.plain_text for c in fake.sent(USER))
    assert not fake.rejected


async def test_staff_commands_from_anyone_else_get_the_unknown_command_reply(start_bot, fake):
    async with start_bot(**staff_settings()) as bot:
        await bot.say(USER, KUHMO_QUESTION)
        await bot.say(USER, "blorf zzz qwerty")
        (unknown,) = await bot.say(USER, "/nosuchcommand")
        replies = {name: await bot.say(USER, f"/{name}") for name in STAFF_NAMES}
        (help_reply,) = await bot.say(USER, "/help")
    for name, reply in replies.items():
        assert [(r.plain_text, r.markup) for r in reply] == [(unknown.plain_text, unknown.markup)], name
        assert "blorf" not in reply[0].plain_text and "Tilastot" not in reply[0].plain_text
    for name in STAFF_NAMES:
        assert f"/{name}" not in help_reply.plain_text
    public_menus = [c for c in fake.calls_to("setMyCommands") if "scope" not in c.params]
    assert [c.params.get("language_code") for c in public_menus] == [None, "fi", "sv"]  # English is the default
    for menu in public_menus:
        assert not {c["command"] for c in menu.params["commands"]} & set(STAFF_NAMES)
    staff_menus = [c for c in fake.calls_to("setMyCommands") if c.params.get("scope")]
    assert staff_menus and all(c.params["scope"] == {"type": "chat", "chat_id": STAFF} for c in staff_menus)
    assert all(set(STAFF_NAMES) <= {c["command"] for c in m.params["commands"]} for m in staff_menus)


async def test_staff_get_statistics_unanswered_questions_and_feedback(start_bot, fake):
    async with start_bot(**staff_settings()) as bot:
        (answer,) = await bot.say(USER, KUHMO_QUESTION)
        await bot.say(USER, "blorf zzz qwerty")
        await bot.say(USER + 1, "blorf zzz qwerty!")
        thumbs_down = next(d for d in answer.callback_data() if d.startswith("fb:0:"))
        await bot.press(USER, thumbs_down)
        (stats,) = await bot.say(STAFF, "/stats")
        (unanswered,) = await bot.say(STAFF, "/unanswered")
        (feedback,) = await bot.say(STAFF, "/feedback")
    assert "Tilastot" in stats.plain_text and "Viimeiset 7 päivää: kysymyksiä 3, joista en ymmärtänyt 2" \
        in stats.plain_text
    assert "Kunnittain: Kuhmo 2, (ei tiedossa) 1" in stats.plain_text and "Kielittäin: fi 3" in stats.plain_text
    assert "Palaute: 0 👍, 1 👎 (0% auttoi)" in stats.plain_text
    assert "2 × blorf zzz qwerty" in unanswered.plain_text
    assert "0 👍, 1 👎" in feedback.plain_text
    assert re.search(r"Huonoimmin arvioidut aiheet.*\n.+: 1 / 1", feedback.plain_text)
    assert not fake.rejected


async def test_feedback_button_stores_one_vote_thanks_and_takes_the_buttons_away(start_bot, fake, db_path):
    async with start_bot() as bot:
        (answer,) = await bot.say(USER, KUHMO_QUESTION)
        thumbs_up = next(d for d in answer.callback_data() if d.startswith("fb:1:"))
        assert len(thumbs_up.encode()) <= 64
        press = api.callback_update(USER, thumbs_up)
        press["callback_query"]["message"]["reply_markup"] = answer.markup  # as Telegram sends it
        assert await bot.push(press) == []
    (thanks,) = fake.calls_to("answerCallbackQuery")
    assert thanks.params["text"] == "Kiitos palautteesta!"
    (edited,) = fake.calls_to("editMessageReplyMarkup")
    kept = api.Call("editMessageReplyMarkup", edited.params, 200)
    assert not [d for d in kept.callback_data() if d.startswith("fb:")]
    assert kept.urls() == answer.urls()  # the map link stays
    db = Database(db_path)
    (vote,) = list(db[FEEDBACK].rows)
    assert vote["helpful"] == 1 and vote["answer_id"] == int(thumbs_up.rsplit(":", 1)[1])
    assert str(USER) not in vote["user"]
    db.close()


async def test_identity_code_phone_email_and_iban_never_reach_the_database_file(start_bot, fake, db_path):
    secrets = ["131052-308T", "040 123 4567", "matti.meikalainen@example.com", "FI21 1234 5600 0007 85",
               "0401234567", "FI2112345600000785"]
    async with start_bot() as bot:
        (clarify,) = await bot.say(USER, f"Mistä haen starttirahaa? Hetuni on {secrets[0]}, puh {secrets[1]}, "
                                         f"sähköposti {secrets[2]}, tili {secrets[3]}")
        assert "mun:kuhmo" in clarify.callback_data()
        await bot.press(USER, "mun:kuhmo")
        await bot.say(USER, " ".join([secrets[0], *secrets[2:]]))
    # the app is closed: everything is flushed and the files are as they stay on disk
    raw = raw_bytes(db_path)
    for secret in secrets:
        assert secret.encode() not in raw, secret
    assert b"131052" not in raw and b"meikalainen" not in raw
    assert b"[hetu]" in raw and b"[email]" in raw  # the questions were kept, redacted, for staff


async def test_retention_at_start_deletes_old_rows(start_bot, db_path, engine):
    now = datetime.now(UTC)
    old = now - timedelta(days=120)
    storage = Storage(db_path, now=lambda: old)
    storage.save(1, UserSettings(municipality="kuhmo"))
    analytics = AnalyticsStore(storage.db, storage.secret)
    analytics.record("vanha kysymys blorf", engine.answer("blorf"), 1, now=old)
    analytics.record("uusi kysymys blorf", engine.answer("blorf"), 2, now=now)
    Storage(db_path, now=lambda: now).save(2, UserSettings(municipality="kajaani"))
    storage.close()
    async with start_bot(privacy={"retention_days": 90}) as bot:
        db = Database(db_path)
        assert [r["text"] for r in db[ANSWERS].rows] == ["uusi kysymys blorf"]
        assert db["users"].count == 1
        db.close()
        assert [job.name for job in bot.app.job_queue.jobs()] == ["retention"]  # and again every night
    assert b"vanha kysymys" not in raw_bytes(db_path)


async def test_knowledge_watch_false_starts_no_watcher_and_reload_still_works(start_bot, kb_copy):
    points = kb_copy / "service_points.yaml"
    async with start_bot(knowledge={"path": str(kb_copy), "watch": False}, staff={"user_ids": [STAFF]}) as bot:
        assert WATCHER not in bot.app.bot_data
        edit(points, "Kainuuntie 82", "Kainuuntie 88")
        (reply,) = await bot.say(STAFF, "/reload")
        (answer,) = await bot.say(USER, KUHMO_QUESTION)
    assert RELOADED in reply.plain_text and "Kainuuntie 88" in answer.plain_text


async def test_a_reload_notice_that_fails_for_one_staff_member_still_reaches_the_others(start_bot, fake):
    from bot.staff.live import ReloadResult
    from handlers.telegram.staff import notify_reload

    staff = [STAFF, STAFF + 1]
    async with start_bot(staff={"user_ids": staff}, knowledge={"watch": False}) as bot:
        fake.fail_next("sendMessage", 403)  # the first staff member never pressed Start
        await notify_reload(bot.app.bot, bot.app.bot_data["services"], ReloadResult(True, (), 5))
    assert not fake.sent(STAFF)
    (notice,) = fake.sent(STAFF + 1)
    assert RELOADED in notice.plain_text
