"""Shared strategies for the fuzz tests: arbitrary text of every kind, and plausible messages built from the
shipped knowledge base's own place names, service words and cues, with typos."""

from __future__ import annotations

from datetime import datetime

from hypothesis import strategies as st

from bot import SHIPPED_KNOWLEDGE
from bot.answer import Context
from bot.engine import Engine
from bot.hours import HELSINKI
from bot.kb import load_knowledge_base
from bot.kb.model import LANGUAGES

KB = load_knowledge_base(SHIPPED_KNOWLEDGE)
ENGINE = Engine(KB)
#: A fixed moment (a Tuesday morning, offices open), so that "open now" cannot change between two calls.
NOW = datetime(2026, 11, 24, 10, 30, tzinfo=HELSINKI)


def _words() -> list[str]:
    words: set[str] = set()
    for m in KB.municipalities.values():
        words.update(m.name.values())
        words.update((m.genitive, m.demonym, *m.forms, *m.aliases, *m.postal_codes))
        words.update(v.name for v in m.villages)
    words.update(other.name for other in KB.other_municipalities[:60])  # places outside the area
    p = KB.phrasings
    for group in (p.topics, p.audiences, p.smalltalk, p.place_cues, p.employer_signals, p.asks):
        for by_language in group.values():
            for phrases in by_language.values():
                words.update(phrases)
    for cues in (p.home_cues, p.followup_cues, p.correction_cues):
        for phrases in cues.values():
            words.update(phrases)
    for point in KB.service_points.values():
        words.update((point.name.fi, point.name.en, point.address.street))
    words.update(("asun", "I live in", "ei kun", "muutin", "1", "3", "11", "?", "!", "...", "ja", "and", "och"))
    return sorted(w for w in words if w)


WORDS = _words()
_UMLAUTS = str.maketrans("äöåÄÖÅ", "aoaAOA")


@st.composite
def _typo(draw: st.DrawFn) -> str:
    """A knowledge-base word as people type it: a letter dropped, doubled, swapped or replaced, umlauts
    lost, the case changed."""
    word = draw(st.sampled_from(WORDS))
    kind = draw(st.sampled_from(["none", "drop", "double", "swap", "replace", "umlaut", "upper", "title"]))
    i = draw(st.integers(0, max(len(word) - 1, 0)))
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i + 1] + word[i:]
    if kind == "swap" and len(word) > 1:
        i = min(i, len(word) - 2)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "replace":
        return word[:i] + draw(st.sampled_from("aeiouyäökjlmnrst")) + word[i + 1:]
    if kind == "umlaut":
        return word.translate(_UMLAUTS)
    if kind == "upper":
        return word.upper()
    if kind == "title":
        return word.title()
    return word


#: Every Unicode category, lone surrogates included (`tyonavi ask` gets them from undecodable argv bytes).
any_char = st.characters(codec=None, categories=None) | st.characters(categories=["Cs"])
emoji = st.characters(min_codepoint=0x1F000, max_codepoint=0x1FAFF) | st.sampled_from(
    ["👍", "\u200d", "\ufe0f", "🇫", "🇮"])
#: Emoji sequences (family, flag, variation selector): one picture, several code points.
emoji_sequences = st.lists(st.sampled_from(["👨‍👩‍👧", "🇫🇮", "❤️", "👍🏽", "🏳️‍🌈"]), max_size=30).map("".join)
controls = st.characters(categories=["Cc", "Cf", "Zl", "Zp"])
rtl = st.characters(min_codepoint=0x0590, max_codepoint=0x08FF) | st.sampled_from(["\u202e", "\u200f", "\u061c"])
cyrillic = st.characters(min_codepoint=0x0400, max_codepoint=0x04FF)


def _long(parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Very long messages (up to 5,000 characters): a drawn piece repeated."""
    return st.builds(lambda piece, n: (piece * n)[:5000], parts.filter(bool), st.integers(1, 5000))


plausible = st.lists(_typo() | st.sampled_from([" ", ",", ".", "?", "😊", "\n"]), min_size=1, max_size=12).map(
    " ".join)
mixed = st.lists(_typo() | st.text(any_char | emoji | rtl | controls, max_size=8), min_size=1,
                 max_size=10).map(" ".join)

messages = st.one_of(
    st.text(any_char, max_size=60),
    st.text(st.one_of(any_char, emoji, controls, rtl, cyrillic), max_size=300),
    st.text(st.characters(categories=["L", "N", "Zs", "P"]), max_size=120),
    plausible,
    mixed,
    st.tuples(plausible, emoji_sequences).map(" ".join),
    _long(st.text(any_char | emoji | rtl, max_size=20)),
    _long(plausible),
)

contexts = st.builds(
    Context,
    language=st.sampled_from([None, *LANGUAGES]),
    municipality=st.sampled_from([None, *KB.municipalities]),
    last_topic=st.sampled_from([None, *KB.routing.topics]),
    last_language=st.sampled_from([None, *LANGUAGES]),
    role=st.sampled_from([None, "jobseeker", "employer"]),
)
