"""The web chat in real headless Chromium (Debian's, driven by Playwright): with JavaScript, the language switch,
the widget on another origin's page, and without JavaScript. Skipped, with the reason, only without Chromium, and
never in CI."""

from __future__ import annotations

import pytest
from browser_server import CHROMIUM, host_page_app, missing_for_browser_tests, served, skip_where_missing

from handlers.web.app import make_app

pytestmark = skip_where_missing(missing_for_browser_tests())  # never skipped under CI: they fail there instead
TIMEOUT_MS = 15_000
#: Chromium's own note, not an error of ours: a framed page's autofocus waits for the widget to focus the frame.
BROWSER_NOTE = "Blocked autofocusing on a <input> element in a cross-origin subframe"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def chat(engine):
    with served(make_app(engine)) as origin:
        yield origin


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" and not message.text.startswith(BROWSER_NOTE) else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors  # a CSP violation or a script error shows here


def test_a_conversation_with_a_choice_without_a_reload(page, chat):
    page.goto(chat + "/")
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Viestisi").fill("mistä haen starttirahaa")
    page.keyboard.press("Enter")
    kuhmo = page.locator("#log button[name=choice]", has_text="Kuhmo")
    kuhmo.wait_for()
    assert page.evaluate("document.activeElement.name") == "choice"  # the keyboard is at the choices
    kuhmo.press("Enter")
    page.locator("#log", has_text="Kainuuntie 82").wait_for()
    assert page.locator("#log .you").all_inner_texts() == ["Sinä: mistä haen starttirahaa", "Sinä: Kuhmo"]
    assert page.locator("#log button[name=choice]").count() == 0
    assert page.evaluate("document.activeElement.id") == "text"
    assert page.evaluate("window.notReloaded") is True  # the page was never reloaded
    assert page.locator("#log").get_attribute("aria-live") == "polite"


def test_the_language_switch_and_the_browsers_language(browser, page, chat, kb):
    page.goto(chat + "/")
    page.get_by_label("Viestisi").fill("asun kuhmossa")
    page.keyboard.press("Enter")
    page.locator("#log", has_text="Kainuuntie 82").wait_for()
    page.get_by_role("button", name="Svenska").click()
    page.wait_for_selector('html[lang="sv"]')
    assert page.get_by_label("Ditt meddelande").is_visible()
    page.get_by_label("Ditt meddelande").fill("var söker jag startpeng")
    page.keyboard.press("Enter")
    page.locator("#log", has_text="Kainuuntie 82").wait_for()  # the home municipality was kept
    assert page.locator("#log .bot").last.get_attribute("lang") == "sv"

    english = browser.new_context(locale="en-GB")
    try:
        other = english.new_page()
        other.goto(chat + "/")
        assert other.locator("html").get_attribute("lang") == "en"
        assert kb.text("greeting", "en").splitlines()[0] in other.locator("#log").inner_text()
    finally:
        english.close()


def open_widget(page, host: str):
    page.goto(host + "/")
    button = page.get_by_role("button", name="Fråga TyöNavi")  # the host page's lang="sv"
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert page.locator("#tyonavi-chat-button").get_attribute("aria-expanded") == "true"
    return page.frame_locator("#tyonavi-chat")


def test_the_widget_on_an_allowed_origins_page_opens_the_chat(page, engine):
    chat: dict[str, str] = {}
    with served(host_page_app(chat)) as host, served(make_app(engine, allowed_origins=(host,))) as chat_origin:
        chat["origin"] = chat_origin
        frame = open_widget(page, host)
        frame.get_by_label("Ditt meddelande").fill("asun kuhmossa")
        frame.get_by_label("Ditt meddelande").press("Enter")
        frame.locator("#log", has_text="Kainuuntie 82").wait_for()
        assert frame.locator("html").get_attribute("lang") == "sv"
        page.locator("#tyonavi-chat-button").click()
        assert page.locator("#tyonavi-chat").is_hidden()
        assert page.locator("#tyonavi-chat-button").get_attribute("aria-expanded") == "false"


def test_a_page_on_an_origin_not_allowed_cannot_frame_the_chat(browser, engine):
    chat: dict[str, str] = {}
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        with served(host_page_app(chat)) as host, served(make_app(engine)) as chat_origin:
            chat["origin"] = chat_origin
            frame = open_widget(page, host)
            page.wait_for_timeout(1000)
            assert frame.locator("#text").count() == 0  # frame-ancestors 'none': Chromium shows no chat
    finally:
        context.close()


def test_without_javascript_the_form_posts_still_work(browser, chat):
    context = browser.new_context(java_script_enabled=False, locale="fi-FI")
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(chat + "/")
        page.get_by_label("Viestisi").fill("mistä haen starttirahaa")
        with page.expect_navigation():
            page.get_by_role("button", name="Lähetä").click()
        with page.expect_navigation():
            page.get_by_role("button", name="Kuhmo").click()
        assert "Kainuuntie 82" in page.locator("#log").inner_text()
        with page.expect_navigation():
            page.get_by_role("button", name="English").click()
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.get_by_label("Your message").is_visible()
    finally:
        context.close()
