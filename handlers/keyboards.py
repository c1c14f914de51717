"""Inline and reply keyboards; labels come from texts.yaml, callback data stays within 64 bytes."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from bot.answer import CLARIFY, ROUTE, Answer
from bot.kb.model import KnowledgeBase, ServicePoint
from handlers.render import osm_search_url

MAX_CALLBACK_DATA = 64
#: Callback actions: "action:value".
LANGUAGE, MUNICIPALITY, LOCATION_YES, LOCATION_NO, POINTS, CONTACT, MENU = (
    "lang", "mun", "locyes", "locno", "pts", "contact", "menu")
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


def _button(text: str, action: str, value: str = "") -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=callback(action, value))


def language_row(kb: KnowledgeBase) -> list[InlineKeyboardButton]:
    return [_button(kb.text("button_language_fi", "fi"), LANGUAGE, "fi"),
            _button(kb.text("button_language_en", "en"), LANGUAGE, "en")]


def municipality_rows(kb: KnowledgeBase, language: str) -> list[list[InlineKeyboardButton]]:
    """The area's municipalities, two a row, alphabetically, then "somewhere else"."""
    ids = sorted(kb.area.municipalities, key=lambda m: kb.municipalities[m].display_name(language))
    buttons = [_button(kb.municipalities[m].display_name(language), MUNICIPALITY, m) for m in ids]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    rows.append([_button(kb.text("button_elsewhere", language), MUNICIPALITY, ELSEWHERE)])
    return rows


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
        row = [InlineKeyboardButton(kb.text("button_map", language, name=name), url=osm_search_url(str(point.address)))]
        if point.phone or point.email:
            row.append(_button(kb.text("button_contact", language, name=name), CONTACT, point.id))
        rows.append(row)
    return rows


def answer_keyboard(kb: KnowledgeBase, answer: Answer, other_points: int) -> InlineKeyboardMarkup:
    """Buttons that carry an answer on: map and contact, the municipality's other points, or a menu."""
    language = answer.language
    if answer.kind == CLARIFY:
        return municipality_keyboard(kb, language)
    if answer.kind == ROUTE and answer.service_points:
        rows = point_rows(kb, answer.service_points, language)
        if answer.municipality and other_points:
            name = kb.municipalities[answer.municipality].display_name(language)
            rows.append([_button(kb.text("button_other_points", language, municipality=name), POINTS,
                                 answer.municipality)])
        rows.append([_button(kb.text("button_choose_municipality", language), MENU, MENU_MUNICIPALITY)])
        return InlineKeyboardMarkup(rows)
    return menu_keyboard(kb, language)
