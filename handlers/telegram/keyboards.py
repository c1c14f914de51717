"""Inline and reply keyboards; labels come from texts.yaml, callback data stays within 64 bytes."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from bot.answer import CLARIFY, ROUTE, UNANSWERED_KINDS, Answer
from bot.engine.compose import municipality_choices
from bot.kb.model import LANGUAGES, KnowledgeBase, ServicePoint
from handlers.telegram.render import osm_point_url, osm_search_url

MAX_CALLBACK_DATA = 64
#: Callback actions: "action:value".
LANGUAGE, MUNICIPALITY, LOCATION_YES, LOCATION_NO, POINTS, CONTACT, MENU, ROLE = (
    "lang", "mun", "locyes", "locno", "pts", "contact", "menu", "role")
#: "Ask a person" (hand-over to staff): "ho:ask".
HANDOFF, HANDOFF_ASK = "ho", "ask"
#: Feedback buttons: "fb:1:<analytics row id>" (helpful) or "fb:0:<id>"; handled on their own.
FEEDBACK = "fb"
FEEDBACK_PATTERN = rf"^{FEEDBACK}:"
ELSEWHERE = "_else"
MENU_MUNICIPALITY, MENU_HELP = "mun", "help"
MAX_POINT_BUTTONS = 3


def callback(action: str, value: str = "") -> str:
    data = f"{action}:{value}"
    if len(data.encode()) > MAX_CALLBACK_DATA:
        raise ValueError(f"callback data over {MAX_CALLBACK_DATA} bytes: {data!r}")
    return data


def parse_callback(data: str | None) -> tuple[str, str]:
    action, _, value = (data or "").partition(":")
    return action, value


def parse_feedback(data: str | None) -> tuple[bool, int] | None:
    """(helpful, answer id) from a feedback button's data; None for anything malformed."""
    action, value = parse_callback(data)
    vote, _, answer_id = value.partition(":")
    if action != FEEDBACK or vote not in ("0", "1") or not answer_id.isdigit():
        return None
    return vote == "1", int(answer_id)


def _button(text: str, action: str, value: str = "") -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=callback(action, value))


def language_row(kb: KnowledgeBase) -> list[InlineKeyboardButton]:
    """One button per language, each labelled in its own language (Suomi, Svenska, English)."""
    return [_button(kb.text(f"button_language_{lang}", lang), LANGUAGE, lang) for lang in LANGUAGES]


def municipality_rows(kb: KnowledgeBase, language: str) -> list[list[InlineKeyboardButton]]:
    """The area's municipalities, two a row, alphabetically, then "somewhere else" on a row of its own."""
    *places, elsewhere = municipality_choices(kb, language)
    buttons = [_button(c.label, MUNICIPALITY, c.id.partition(":")[2]) for c in places]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    rows.append([_button(elsewhere.label, MUNICIPALITY, ELSEWHERE)])
    return rows


def choice_keyboard(answer: Answer) -> InlineKeyboardMarkup:
    """The answers to the bot's question, as buttons: choice ids are "mun:<id>" or "role:<role>", which
    are also the callback data. Short labels go two a row."""
    buttons = []
    for choice in answer.choices:
        action, _, value = choice.id.partition(":")
        buttons.append(_button(choice.label, action, value))
    width = 2 if all(len(b.text) <= 14 for b in buttons) else 1
    return InlineKeyboardMarkup([buttons[i:i + width] for i in range(0, len(buttons), width)])


def start_keyboard(kb: KnowledgeBase, language: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([language_row(kb), *municipality_rows(kb, language)])


def language_keyboard(kb: KnowledgeBase) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([language_row(kb)])


def municipality_keyboard(kb: KnowledgeBase, language: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(municipality_rows(kb, language))


def menu_keyboard(kb: KnowledgeBase, language: str) -> InlineKeyboardMarkup:
    """A way on from any reply: choose the home municipality, or read the help."""
    return InlineKeyboardMarkup([[_button(kb.text("button_choose_municipality", language), MENU, MENU_MUNICIPALITY),
                                  _button(kb.text("button_help", language), MENU, MENU_HELP)]])


def location_keyboard(kb: KnowledgeBase, language: str) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup([[KeyboardButton(kb.text("button_share_location", language), request_location=True)]],
                               resize_keyboard=True, one_time_keyboard=True)


def confirm_location_keyboard(kb: KnowledgeBase, municipality: str, language: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(kb.text("button_yes", language), LOCATION_YES, municipality),
                                  _button(kb.text("button_no", language), LOCATION_NO)]])


def point_rows(kb: KnowledgeBase, points: tuple[ServicePoint, ...], language: str) -> list[list[InlineKeyboardButton]]:
    """A map link per service point, and a contact button when contact details are known."""
    rows = []
    for point in points[:MAX_POINT_BUTTONS]:
        name = point.name.get(language)
        url = osm_point_url(*point.location) if point.location else osm_search_url(str(point.address))
        row = [InlineKeyboardButton(kb.text("button_map", language, name=name), url=url)]
        if point.phone or point.email:
            row.append(_button(kb.text("button_contact", language, name=name), CONTACT, point.id))
        rows.append(row)
    return rows


def feedback_row(kb: KnowledgeBase, language: str, answer_id: int) -> list[InlineKeyboardButton]:
    return [_button(kb.text("button_helpful", language), FEEDBACK, f"1:{answer_id}"),
            _button(kb.text("button_not_helpful", language), FEEDBACK, f"0:{answer_id}")]


def ask_person_row(kb: KnowledgeBase, language: str) -> list[InlineKeyboardButton]:
    return [_button(kb.text("button_ask_person", language), HANDOFF, HANDOFF_ASK)]


def reply_to_staff_keyboard(kb: KnowledgeBase, language: str) -> InlineKeyboardMarkup:
    """Under a staff reply: the person answers back through the same case."""
    return InlineKeyboardMarkup([[_button(kb.text("button_reply_staff", language), HANDOFF, HANDOFF_ASK)]])


def without_feedback(markup: InlineKeyboardMarkup | None,
                     extra: list[InlineKeyboardButton] | None = None) -> InlineKeyboardMarkup | None:
    """The keyboard with the feedback buttons taken off (None when nothing else is left); `extra` takes their
    place (after a 👎: ask a person)."""
    rows = [[b for b in row if not (b.callback_data or "").startswith(f"{FEEDBACK}:")]
            for row in (markup.inline_keyboard if markup else ())]
    rows = [row for row in rows if row]
    if extra and not any(b.callback_data == extra[0].callback_data for row in rows for b in row):
        rows.append(extra)
    return InlineKeyboardMarkup(rows) if rows else None


def answer_keyboard(kb: KnowledgeBase, answer: Answer, other_points: int,
                    answer_id: int | None = None, handoff: bool = False) -> InlineKeyboardMarkup:
    """Buttons that carry an answer on: map and contact, the municipality's other points, or a menu;
    under a routed answer that was recorded, 👍/👎; under a fallback, or an answer that lacks a contact fact the
    person asked for, "Ask a person" when hand-over is on."""
    language = answer.language
    if answer.kind == CLARIFY:
        return choice_keyboard(answer) if answer.choices else municipality_keyboard(kb, language)
    if answer.kind == ROUTE and answer.service_points:
        rows = point_rows(kb, answer.service_points, language)
        if answer.municipality and other_points:
            name = kb.municipalities[answer.municipality].display_name(language)
            rows.append([_button(kb.text("button_other_points", language, municipality=name), POINTS,
                                 answer.municipality)])
        rows.append([_button(kb.text("button_choose_municipality", language), MENU, MENU_MUNICIPALITY)])
    else:
        rows = [list(row) for row in menu_keyboard(kb, language).inline_keyboard]
    if language not in LANGUAGES:  # a newcomer's first answer: go on in English, Finnish or Swedish
        rows.insert(0, language_row(kb))
    if answer.kind == ROUTE and answer_id is not None:
        rows.append(feedback_row(kb, language, answer_id))
    if handoff and (answer.kind in UNANSWERED_KINDS or "contact_unknown" in answer.notes):
        rows.append(ask_person_row(kb, language))
    return InlineKeyboardMarkup(rows)
