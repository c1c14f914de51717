"""The web chat's accessibility (WCAG 2.1 AA) in real headless Chromium, on the page as a deployed chat serves it
(👍/👎 and hand-over on): axe-core finds nothing serious or critical on the page in each language, after answers with
choices, with a service point and with "ask a person", on the privacy page, and without JavaScript; the page reflows
at 320 CSS px and at 200 % zoom; everything works from the keyboard with a visible focus; the conversation is an
aria-live region and every control has a name. Skipped, with the reason, only where Chromium or axe is missing, and
never in CI (CI set): there a missing one fails the tests."""

from __future__ import annotations

import re

import pytest
from browser_server import CHROMIUM, missing_for_browser_tests, served, skip_where_missing
from handover_app import handover_app

MISSING = missing_for_browser_tests("axe_playwright_python")
pytestmark = skip_where_missing(MISSING)
TIMEOUT_MS = 15_000
#: What axe must never find (its other impacts, "moderate" and "minor", are advice).
BLOCKING = ("serious", "critical")
#: A message the server refuses: over its 1000-character limit.
TOO_LONG = "a" * 1001
#: A long web address in a message: on a phone it must wrap, not widen the page.
LONG_ADDRESS = "https://www.example.fi/tyollisyyspalvelut/kuhmo/starttiraha/hakemus?kunta=kuhmo&kieli=fi asun kuhmossa"


@pytest.fixture(scope="module")
def browser():
    if MISSING:  # only in CI: elsewhere the module is skipped
        pytest.fail(f"CI runs the accessibility tests, but {MISSING}", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def chat(engine, tmp_path):
    """The chat with analytics and hand-over, as beside Telegram or `tyonavi web --config`: every element shows."""
    with served(handover_app(engine, tmp_path / "tyonavi.sqlite").app) as origin:
        yield origin


class Pages:
    """New pages in contexts of their own, each closed at the end; console errors and CSP violations collected."""

    def __init__(self, browser) -> None:
        self.browser = browser
        self.contexts = []
        self.errors: list[str] = []

    def open(self, *, without_script: bool = False, **context_options):
        context = self.browser.new_context(**{"locale": "fi-FI", **context_options})
        self.contexts.append(context)
        if without_script:
            # axe is JavaScript itself: in a context with java_script_enabled=False Chromium runs no timer and no
            # promise, so axe.run never ends. The page without its script is what such a browser gets: the server
            # renders the same HTML either way, and without chat.js every form is a plain post to the server.
            context.route("**/static/chat.js", lambda route: route.fulfill(
                status=200, content_type="text/javascript", body=""))
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def pages(browser):
    opened = Pages(browser)
    yield opened
    opened.close()
    assert not opened.errors, opened.errors  # a script error or a CSP violation (axe's own run included) shows here


def assert_nothing_serious(axe, page, where: str) -> None:
    """axe-core on the page as it is now; a failure names each rule, what to do and the elements, to fix them."""
    violations = axe.run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    report = [f'{v["id"]} ({v["impact"]}): {v["help"]} <{v["helpUrl"]}>\n' + "\n".join(
        f'    at {" ".join(map(str, node["target"]))}: {node.get("failureSummary", "").replace(chr(10), " ")}'
        for node in v["nodes"]) for v in blocking]
    if blocking:
        pytest.fail(f"axe-core on {where}:\n" + "\n".join(report), pytrace=False)


def send(page, text: str) -> None:
    page.locator("#text").fill(text)
    page.locator("#text").press("Enter")


@pytest.mark.parametrize(("path", "locale", "language", "label"), [
    ("/", "fi-FI", "fi", "Viestisi"),
    ("/?lang=sv", "fi-FI", "sv", "Ditt meddelande"),
    ("/", "en-GB", "en", "Your message"),
])
def test_axe_finds_nothing_serious_on_the_fresh_page(pages, axe, chat, path, locale, language, label):
    page = pages.open(locale=locale)
    page.goto(chat + path)
    assert_nothing_serious(axe, page, f"the fresh page ({language})")
    assert page.locator("html").get_attribute("lang") == language
    assert page.get_by_label(label).is_visible()


def test_axe_finds_nothing_serious_after_choices_and_a_service_point(pages, axe, chat):
    page = pages.open()
    page.goto(chat + "/")
    send(page, "mistä haen starttirahaa")
    page.locator("#log button[name=choice]", has_text="Kuhmo").wait_for()
    assert_nothing_serious(axe, page, "the answer with municipality buttons")
    send(page, "asun kuhmossa")
    page.locator("#log .bot", has_text="Kainuuntie 82").wait_for()
    page.locator("#log form.vote button").first.wait_for()
    assert_nothing_serious(axe, page, "the answer with a service point and 👍/👎")
    page.locator("#log form.vote button[value=no]").last.click()
    page.locator("#log button[name=choice]", has_text="Kysy ihmiseltä").wait_for()
    assert_nothing_serious(axe, page, "the offer to ask a person")


def test_axe_finds_nothing_serious_on_the_privacy_page(pages, axe, chat):
    page = pages.open()
    page.goto(chat + "/")
    with page.expect_popup() as popup:
        page.get_by_role("link", name="Tietosuoja").click()
    notice = popup.value
    notice.wait_for_load_state()
    assert_nothing_serious(axe, notice, "the privacy page")
    assert notice.get_by_role("link", name="Takaisin keskusteluun").is_visible()


def test_axe_finds_nothing_serious_without_javascript(pages, axe, chat):
    page = pages.open(without_script=True)
    page.goto(chat + "/")
    assert_nothing_serious(axe, page, "the page without JavaScript")
    page.locator("#text").fill("mistä haen starttirahaa")
    with page.expect_navigation():
        page.locator("#text").press("Enter")
    with page.expect_navigation():
        page.get_by_role("button", name="Kuhmo").press("Enter")  # a choice from the keyboard, without JavaScript
    assert "Kainuuntie 82" in page.locator("#log").inner_text()
    assert_nothing_serious(axe, page, "the answer page without JavaScript")
    with page.expect_navigation():
        page.locator("#log form.vote button[value=no]").click()
    assert page.get_by_role("button", name="Kysy ihmiseltä").is_visible()
    assert_nothing_serious(axe, page, "the offer to ask a person without JavaScript")
    page.evaluate("document.getElementById('text').removeAttribute('maxlength')")  # as an old browser might send
    page.locator("#text").fill(TOO_LONG)
    with page.expect_navigation():
        page.locator("#text").press("Enter")
    assert page.get_by_role("alert").inner_text() == "Viesti on liian pitkä (enintään 1000 merkkiä)."
    assert_nothing_serious(axe, page, "the error page without JavaScript")
    pages.errors[:] = [e for e in pages.errors if "status of 400" not in e]  # the refusal's own status, expected


def horizontal_overflow(page) -> list[str]:
    """What sticks out of the viewport to the right: the page itself, or any element (so the test names it)."""
    return page.evaluate("""() => {
        const width = window.innerWidth, out = [];
        if (document.documentElement.scrollWidth > width)
            out.push(`the page: ${document.documentElement.scrollWidth} CSS px in a ${width} px viewport`);
        for (const el of document.querySelectorAll('body *')) {
            const box = el.getBoundingClientRect();
            if (box.width && box.right > width + 0.5)
                out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}: right edge at ${box.right}`);
        }
        return out;
    }""")


def assert_shown_whole(page, locator, what: str) -> None:
    """Visible, inside the viewport's width, and not clipped to nothing."""
    assert locator.is_visible(), f"{what} is not visible"
    box = locator.bounding_box()
    width = page.evaluate("window.innerWidth")
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5 and box["height"] > 0, (what, box, width)


@pytest.mark.parametrize(("width", "scale"), [(320, 1), (640, 2)], ids=["phone-320px", "1280px-at-200%"])
def test_the_page_reflows_on_a_phone_and_at_200_percent_zoom(pages, chat, width, scale):
    """WCAG 1.4.10 and 1.4.4: at 320 CSS px (a phone, or 1280 px at 400 %) and at 640 CSS px (1280 px at 200 %,
    device_scale_factor 2) nothing scrolls sideways and the whole conversation still works."""
    page = pages.open(viewport={"width": width, "height": 640}, device_scale_factor=scale)
    page.goto(chat + "/")
    assert page.evaluate("window.innerWidth") == width
    for name in ("Suomi", "Svenska", "English", "Lähetä"):
        assert_shown_whole(page, page.get_by_role("button", name=name, exact=True), f"the button {name}")
    assert_shown_whole(page, page.get_by_label("Viestisi"), "the message field")
    assert horizontal_overflow(page) == []

    send(page, "mistä haen starttirahaa")
    page.locator("#log button[name=choice]", has_text="Kuhmo").wait_for()
    for button in page.locator("#log button[name=choice]").all():
        assert_shown_whole(page, button, f"the choice {button.inner_text()}")
    assert horizontal_overflow(page) == []
    page.locator("#log button[name=choice]", has_text="Kuhmo").click()
    answer = page.locator("#log .bot", has_text="Kainuuntie 82")
    answer.wait_for()
    assert_shown_whole(page, answer, "the answer")
    for vote in page.locator("#log form.vote button").all():
        assert_shown_whole(page, vote, f"the vote {vote.inner_text()}")
    assert horizontal_overflow(page) == []

    answers = page.locator("#log .bot").count()
    send(page, LONG_ADDRESS)  # echoed back in the conversation: it must wrap
    page.locator("#log .you", has_text="kieli=fi").wait_for()
    page.locator("#log .bot").nth(answers).wait_for()  # and answered
    assert horizontal_overflow(page) == []
    assert_shown_whole(page, page.get_by_role("button", name="Lähetä"), "the send button after the answers")


def focus_outline(page) -> dict:
    """The focused element's name and its outline as drawn (style, width in CSS px, colour as r, g, b)."""
    return page.evaluate("""() => {
        const el = document.activeElement, style = getComputedStyle(el);
        return {name: el.id || el.getAttribute('aria-label') || el.textContent.trim() || el.tagName,
                tag: el.tagName.toLowerCase(), style: style.outlineStyle, width: parseFloat(style.outlineWidth),
                color: (style.outlineColor.match(/[\\d.]+/g) || []).slice(0, 3).map(Number)};
    }""")


def contrast_on_white(rgb: list[float]) -> float:
    """WCAG's contrast ratio of a colour against the page's white background."""
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
    return 1.05 / (luminance + 0.05)


def assert_focus_visible(outline: dict) -> None:
    """WCAG 2.4.7 and 1.4.11: an outline at least 2 CSS px wide, 3:1 or more against the white page."""
    assert outline["style"] not in ("none", "hidden") and outline["width"] >= 2, f"no visible focus: {outline}"
    assert contrast_on_white(outline["color"]) >= 3, f"focus outline too faint: {outline}"


def tab_cycle(page) -> list[dict]:
    """Tab once round the page from the focused element: each control reached, with its outline as drawn."""
    start = focus_outline(page)
    cycle = [start]
    for _ in range(40):  # Tab past the last control comes back to the first
        page.keyboard.press("Tab")
        outline = focus_outline(page)
        if outline["name"] == start["name"]:
            return cycle
        if outline["tag"] != "body":  # the document itself, between the last control and the first
            cycle.append(outline)
    raise AssertionError(f"Tab never came back to {start['name']}: {[o['name'] for o in cycle]}")


def in_reading_order(cycle: list[dict], order: list[str]) -> list[str]:
    """The names of `order` as Tab reached them, the cycle turned to start at the first of them."""
    names = [outline["name"] for outline in cycle]
    turned = names[names.index(order[0]):] + names[:names.index(order[0])]
    return [name for name in turned if name in order]


def test_the_keyboard_reaches_everything_in_order_with_a_visible_focus(pages, chat):
    page = pages.open()
    page.goto(chat + "/")
    assert focus_outline(page)["name"] == "text"  # the field has the focus at once: type and press Enter
    cycle = tab_cycle(page)
    order = ["Suomi", "Svenska", "English", "text", "Lähetä", "Tietosuoja"]
    assert in_reading_order(cycle, order) == order, [outline["name"] for outline in cycle]
    for outline in cycle:
        assert_focus_visible(outline)

    page.keyboard.type("asun kuhmossa")
    page.keyboard.press("Enter")
    page.locator("#log form.vote button").first.wait_for()
    assert focus_outline(page)["name"] == "text"  # back in the field for the next question
    votes = page.locator("#log form.vote button").all_inner_texts()
    cycle = tab_cycle(page)
    order = ["Suomi", "Svenska", "English", *votes, "text", "Lähetä", "Tietosuoja"]
    assert in_reading_order(cycle, order) == order, [outline["name"] for outline in cycle]
    for outline in cycle:
        assert_focus_visible(outline)


def test_a_choice_with_tab_and_space_and_the_answer_in_the_live_region(pages, chat):
    """Typing, Enter, Tab along the choices and Space on one (test_web_browser.py covers Enter on the first);
    the answer arrives inside the aria-live log and the keyboard is back in the field."""
    page = pages.open()
    page.goto(chat + "/")
    page.keyboard.type("mistä haen starttirahaa")
    page.keyboard.press("Enter")
    page.locator("#log button[name=choice]").first.wait_for()
    choices = page.locator("#log button[name=choice]").all_inner_texts()
    steps = choices.index("Kuhmo")
    for _ in range(steps):
        page.keyboard.press("Tab")
    outline = focus_outline(page)
    assert outline["name"] == "Kuhmo"
    assert_focus_visible(outline)
    page.keyboard.press("Shift+Tab")
    assert focus_outline(page)["name"] == choices[steps - 1]
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.locator("#log .bot", has_text="Kainuuntie 82").wait_for()
    assert page.evaluate("document.activeElement.id") == "text"
    live = page.locator("[aria-live]")
    assert live.count() == 1 and live.get_attribute("aria-live") == "polite"
    assert live.locator(".bot", has_text="Kainuuntie 82").count() == 1  # the new message is announced


CONTROL_ROLES = ("button", "textbox", "searchbox", "combobox", "checkbox", "radio", "link", "switch", "slider")


def test_every_control_has_an_accessible_name(pages, chat):
    """What a screen reader announces for each control, from Chromium's accessibility tree (Playwright's ARIA
    snapshot): a role and a name, on the fresh page and with choices; the log is a named region."""
    page = pages.open()
    page.goto(chat + "/")
    send(page, "mistä haen starttirahaa")
    page.locator("#log button[name=choice]").first.wait_for()
    snapshot = assert_every_control_named(page)
    assert '- textbox "Viestisi"' in snapshot and '- button "Kuhmo"' in snapshot
    assert re.search(r'^\s*- region "Keskustelu"', snapshot, re.MULTILINE), snapshot
    page.get_by_role("button", name="Kuhmo").click()
    page.locator("#log form.vote button").first.wait_for()
    snapshot = assert_every_control_named(page)
    assert re.search(r'^\s*- group "Auttoiko vastaus\?"', snapshot, re.MULTILINE), snapshot  # what 👍/👎 answer


def assert_every_control_named(page) -> str:
    """Every visible control is in the accessibility tree with a role and a name; returns the ARIA snapshot."""
    snapshot = page.locator("body").aria_snapshot()
    controls = re.findall(rf"^\s*- ({'|'.join(CONTROL_ROLES)})\b(.*)$", snapshot, re.MULTILINE)
    unnamed = [f"{role}{rest}" for role, rest in controls if not re.match(r'\s*"[^"]+"', rest)]
    assert not unnamed, f"controls without a name:\n{snapshot}"
    shown = page.locator("button:visible, input:not([type=hidden]):visible, select:visible, textarea:visible, "
                         "a[href]:visible").count()
    assert len(controls) >= shown, snapshot  # every control is in the accessibility tree
    return snapshot

