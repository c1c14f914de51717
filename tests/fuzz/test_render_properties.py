"""Whatever the answer, what the handlers send is valid Telegram HTML within Telegram's limits: every
message parses with the same checker the fake Bot API uses (the rules Telegram applies), is at most 4,096
characters after entity parsing, loses no text, and every button's callback_data is at most 64 bytes."""

from __future__ import annotations

import asyncio
import dataclasses
import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

from fuzz_strategies import ENGINE, KB, NOW, contexts, emoji, messages, rtl
from hypothesis import example, given
from hypothesis import strategies as st

from bot.answer import CLARIFY, Answer, Choice
from bot.conversation.last_answers import LastAnswers
from bot.conversation.message_length import MAX_MESSAGE
from bot.conversation.session import Answered
from bot.engine.compose import point_block
from bot.kb.model import LANGUAGES, Address, Text
from handlers.telegram.keyboards import answer_keyboard, choice_keyboard
from handlers.telegram.render import html_parts
from handlers.telegram.replies import send_answer, send_points


def _fake_bot_api():
    """tests/telegram/fake_bot_api.py, whose checks are Telegram's rules as the Telegram tests use them."""
    if "fake_bot_api" not in sys.modules:
        path = Path(__file__).resolve().parent.parent / "telegram" / "fake_bot_api.py"
        spec = importlib.util.spec_from_file_location("fake_bot_api", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["fake_bot_api"] = module
        spec.loader.exec_module(module)
    return sys.modules["fake_bot_api"]


api = _fake_bot_api()


class Chat:
    """Records what the handlers send, as the Bot API would receive it, and checks it as Telegram would."""

    id = 1001

    def __init__(self) -> None:
        self.plain: list[str] = []

    async def send_message(self, text: str, parse_mode: str | None = None, reply_markup=None, **_: object) -> None:
        self.plain.append(api.check_text(text, parse_mode))  # raises Rejected where Telegram would
        assert api.utf16_length(self.plain[-1]) <= MAX_MESSAGE
        if reply_markup is not None:
            markup = reply_markup if isinstance(reply_markup, dict) else reply_markup.to_dict()  # as sent
            api.check_markup(markup)
            for row in markup.get("inline_keyboard", []):
                for button in row:
                    assert len(button.get("callback_data", "").encode()) <= 64


def _services(kb=KB):
    conversations = SimpleNamespace(points_in=lambda m: tuple(p for p in kb.service_points.values()
                                                              if p.municipality == m))
    # hand-over on, so a fallback answer's "Ask a person" button is checked too
    return SimpleNamespace(kb=kb, conversations=conversations, config=SimpleNamespace(handoff=True),
                           last_answers=LastAnswers(), metrics=None)


_LOOP = asyncio.new_event_loop()


def _sent(answer: Answer, answer_id: int | None) -> list[str]:
    chat = Chat()
    _LOOP.run_until_complete(send_answer(chat, _services(), Answered(answer, answer_id)))
    return chat.plain


def _same_text(sent: list[str], original: str) -> None:
    """Splitting only cuts at whitespace it drops: every other character arrives, in order."""
    assert "".join("".join(sent).split()) == ("".join(original.split()) or "…")


answer_ids = st.none() | st.integers(1, 2**63 - 1)


@given(messages, contexts | st.none(), answer_ids)
@example("<b>asun & kuhmossa</b> \"'", None, 2**63 - 1)
def test_engine_answers_are_valid_telegram_html(text: str, context, answer_id: int | None) -> None:
    answer = ENGINE.answer(text, context, NOW)
    sent = _sent(answer, answer_id)
    _same_text(sent, answer.text)


#: Text as a staff member might type it into the knowledge base: markup-like characters, quotes, entities.
_MARKUP = st.sampled_from(["<", ">", "&", "\"", "'", "<b>", "</b>", "<a href=\"x\">", "</a>", "&amp;", "&lt;",
                          "&#60;", "&#x3c;", "<br/>", "<!--", "{name}", "\n", " "])
kb_text = st.lists(_MARKUP | st.text(st.characters(codec="utf-8") | emoji | rtl, max_size=5), max_size=6).map(
    "".join)
nonempty_kb_text = kb_text.map(lambda s: s if s.strip() else s + "&")
long_text = st.builds(lambda piece, n: (piece * n)[:20_000], nonempty_kb_text, st.integers(1, 3000))


@given(kb_text | long_text)
@example("&" * 5000)
@example("a" * 4096 + "\n\n" + "😊" * 3000)
@example("x" * 20_000)
def test_any_plain_text_becomes_valid_telegram_messages(text: str) -> None:
    sent = [api.check_text(part, "HTML") for part in html_parts(text)]
    assert all(api.utf16_length(part) <= MAX_MESSAGE for part in sent)
    _same_text(sent, text.strip())


@st.composite
def kb_like_points(draw: st.DrawFn):
    """A service point of the shipped knowledge base with its texts replaced by arbitrary staff-written ones."""
    point = draw(st.sampled_from(sorted(KB.service_points.values(), key=lambda p: p.id)))
    name, description = draw(kb_text), draw(kb_text)
    return dataclasses.replace(
        point, name=Text(fi=name, en=name + description, sv=name), description=Text(description, name, description),
        address=Address(description, "87100", name), phone=draw(st.sampled_from(["", point.phone, "<040> & 123"])),
        email=draw(st.sampled_from(["", point.email, "\"a&b\"@<x>.fi"])))


@given(st.lists(kb_like_points(), min_size=1, max_size=2, unique_by=lambda p: p.id), st.sampled_from(LANGUAGES),
       kb_text, answer_ids)
def test_knowledge_base_texts_become_valid_telegram_html(points, language: str, heading: str,
                                                         answer_id: int | None) -> None:
    kb = dataclasses.replace(KB, service_points={**KB.service_points, **{p.id: p for p in points}})
    blocks = [point_block(kb, p, language, NOW) for p in points]
    text = "\n\n".join([heading, *blocks])
    answer = Answer(language, points[0].municipality, False, (), "personal_services", tuple(points), False, text)
    chat = Chat()
    _LOOP.run_until_complete(send_answer(chat, _services(kb), Answered(answer, answer_id)))
    _same_text(chat.plain, text)
    chat = Chat()
    _LOOP.run_until_complete(send_points(chat, _services(kb), heading, tuple(points), language))


@given(st.lists(st.tuples(st.sampled_from(["mun:_else", "role:jobseeker", "role:employer",
                                           *(f"mun:{m}" for m in KB.municipalities)]), nonempty_kb_text),
                max_size=4), st.sampled_from(LANGUAGES), nonempty_kb_text)
def test_questions_back_have_valid_buttons(choices, language: str, text: str) -> None:
    answer = Answer(language, None, False, (), None, (), True, text, kind=CLARIFY,
                    choices=tuple(Choice(i, label) for i, label in choices))
    markup = choice_keyboard(answer).to_dict()
    api.check_markup(markup)
    _sent(answer, None)
    assert answer_keyboard(KB, answer, 0) is not None
