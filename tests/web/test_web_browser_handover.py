"""👍/👎 and "ask a person" in real headless Chromium: 👎 under an answer, then the person, the question to staff,
and the staff reply appearing in the page by itself (the page asks for it)."""

from __future__ import annotations

from browser_server import missing_for_browser_tests, served, skip_where_missing
from handover_app import handover_app
from test_web_browser import browser, page  # noqa: F401 (fixtures)

import handlers.web.page

pytestmark = skip_where_missing(missing_for_browser_tests())  # never skipped under CI: they fail there instead


def test_thumbs_down_then_ask_a_person_and_the_staff_reply_appears(page, engine, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(handlers.web.page, "POLL_MS", 300)
    setup = handover_app(engine, tmp_path / "tyonavi.sqlite")
    with served(setup.app) as origin:
        page.goto(origin + "/")
        page.get_by_label("Viestisi").fill("asun kuhmossa")
        page.keyboard.press("Enter")
        page.locator("#log", has_text="Kainuuntie 82").wait_for()
        page.locator("#log form.vote button[value=no]").click()
        person = page.locator("#log button[name=choice]", has_text="Kysy ihmiseltä")
        person.wait_for()
        assert page.locator("#log form.vote").count() == 0  # voted: the buttons go
        assert "Kiitos palautteesta!" in page.locator("#log").inner_text()
        person.press("Enter")
        page.locator("#log", has_text="Seuraava viestisi välitetään").wait_for()
        page.get_by_label("Viestisi").fill("Miten täytän työnhakulomakkeen?")
        page.keyboard.press("Enter")
        page.locator("#log", has_text="Viestisi on välitetty henkilökunnalle").wait_for()
        assert "Miten täytän työnhakulomakkeen?" in setup.staff.messages[0]
        user_id = next(iter(setup.chat.sessions._sessions.values())).user_id
        setup.chat.deliver(user_id, "💬 Henkilökunta vastaa: soitan sinulle huomenna.", "fi", answerable=True)
        page.locator("#log", has_text="soitan sinulle huomenna").wait_for()
        page.locator("#log button[name=choice]", has_text="Vastaa henkilökunnalle").wait_for()
