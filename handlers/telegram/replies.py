"""Sending rendered replies: HTML parts within Telegram's limits, buttons on the last part."""

from __future__ import annotations

from telegram import (
    Bot,
    Chat,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    ReplyParameters,
)
from telegram.constants import ParseMode

from bot.answer import ROUTE, Answer
from bot.conversation.session import Answered
from bot.engine.compose import point_block
from bot.kb.model import ServicePoint
from handlers.telegram.keyboards import answer_keyboard, menu_keyboard, point_rows
from handlers.telegram.render import answer_html_parts, html_parts
from handlers.telegram.services import Services

_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply


def _wire(markup: ReplyMarkup | None) -> ReplyMarkup | dict | None:
    """An inline keyboard as the Bot API's JSON, built directly: PTB's generic to_dict walks every attribute of
    every button (~0.15 ms an answer). Other markups go as they are."""
    if not isinstance(markup, InlineKeyboardMarkup):
        return markup
    return {"inline_keyboard": [[_button_json(button) for button in row] for row in markup.inline_keyboard]}


def _button_json(button: InlineKeyboardButton) -> dict:
    """A button has exactly one action (Telegram's rule): ours are callback data or a URL; any other kind
    goes through PTB's own conversion."""
    if button.callback_data is not None:
        return {"text": button.text, "callback_data": button.callback_data}
    if button.url is not None:
        return {"text": button.text, "url": button.url}
    return button.to_dict()


async def send_text(chat: Chat, text: str, markup: ReplyMarkup | None = None) -> None:
    """Send plain text as escaped HTML, split if too long; buttons go on the last message."""
    parts = html_parts(text)
    for number, part in enumerate(parts, start=1):
        await chat.send_message(part, parse_mode=ParseMode.HTML, link_preview_options=_NO_PREVIEW,
                                reply_markup=_wire(markup) if number == len(parts) else None)


async def send_answer(chat: Chat, svc: Services, answered: Answered) -> None:
    """An engine answer with the buttons that carry it on (and 👍/👎 when it was recorded)."""
    answer = answered.answer
    shown = {p.id for p in answer.service_points}
    others = [p for p in svc.conversations.points_in(answer.municipality or "") if p.id not in shown]
    svc.last_answers.remember(chat.id, answer.text)  # in memory only: staff see it if the person asks a person
    if svc.metrics is not None:
        svc.metrics.answered(answer)
    markup = answer_keyboard(svc.kb, answer, len(others), answered.answer_id, handoff=svc.config.handoff)
    await send_venue(chat, answer)
    parts = answer_html_parts(answer.text, answer.source)
    for number, part in enumerate(parts, start=1):
        await chat.send_message(part, parse_mode=ParseMode.HTML, link_preview_options=_NO_PREVIEW,
                                reply_markup=_wire(markup) if number == len(parts) else None)


async def send_venue(chat: Chat, answer: Answer) -> None:
    """The first point of a routed answer on a map (Telegram's venue card) when the knowledge base has its
    coordinates: the place at a glance, with its name and address; without coordinates the map button stays."""
    if answer.kind != ROUTE or not answer.service_points or answer.service_points[0].location is None:
        return
    point = answer.service_points[0]
    latitude, longitude = point.location
    await chat.send_venue(latitude=latitude, longitude=longitude, title=point.name.get(answer.language),
                          address=str(point.address))


async def send_to(bot: Bot, chat_id: int, text: str, markup: ReplyMarkup | None = None,
                  reply_to: int | None = None) -> list[Message]:
    """Plain text to a chat by id (staff notices, hand-over relays), escaped and within limits; buttons on the
    last part, the first part as a reply to `reply_to`. Returns the messages sent."""
    parts = html_parts(text)
    sent = []
    for number, part in enumerate(parts, start=1):
        reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to and number == 1 else None
        sent.append(await bot.send_message(chat_id, part, parse_mode=ParseMode.HTML, link_preview_options=_NO_PREVIEW,
                                           reply_markup=_wire(markup) if number == len(parts) else None,
                                           reply_parameters=reply))
    return sent


async def send_points(chat: Chat, svc: Services, heading: str, points: tuple[ServicePoint, ...],
                      language: str) -> None:
    """A list of service points with their details, map links and a way on."""
    text = "\n\n".join([heading, *(point_block(svc.kb, p, language) for p in points)])
    rows = point_rows(svc.kb, points, language)
    markup = menu_keyboard(svc.kb, language)
    await send_text(chat, text, InlineKeyboardMarkup([*rows, *markup.inline_keyboard]))
