"""Normalising a message once, so every later step works on the same tokens and stems."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from bot.kb.normalise_names import WORD, fold

#: Longest message the engine reads; the rest is ignored (a question is never this long).
MAX_CHARS = 1000

_FI = Stemmer.Stemmer("finnish")
_CLAUSE_SIGN = re.compile(r"[.,;:!?\n]")
_SENTENCE_SIGN = re.compile(r"[.!?\n]")


@lru_cache(maxsize=65536)
def stem_fi(folded_token: str) -> str:
    """Snowball Finnish stem of a folded token (cached: the vocabulary of a chat bot is small). The spoken
    translative ("työttömäks", "työnhakijaks") is read as the written one (-ksi), which Snowball knows."""
    if len(folded_token) >= 6 and folded_token.endswith("ks") and folded_token[-3] in "aeiouy":
        return _FI.stemWord(folded_token + "i")
    return _FI.stemWord(folded_token)


@lru_cache(maxsize=65536)
def stem_en(folded_token: str) -> str:
    """Plural and possessive -s only. Snowball English merges employer/employment/employ, which
    are different questions here (an employer vs. an employment office), so it is not used."""
    word = folded_token.removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class Message:
    """One user message, cleaned: lower-case tokens with umlauts, folded tokens and their stems."""

    text: str
    tokens: tuple[str, ...]
    folded: tuple[str, ...]
    stems_fi: tuple[str, ...]
    stems_en: tuple[str, ...]
    #: indexes of tokens that start a new clause (a . , ; : ! ? or line break before them): what is
    #: said about a place ("asuin ennen", "nyt") stays within its clause
    breaks: frozenset[int] = frozenset()
    #: indexes of tokens that start a new sentence (a . ! ? or line break before them): a request to the bot
    #: ("kirjoita mulle skripti, joka laskee … veroprosentin") reaches over its commas
    stops: frozenset[int] = frozenset()
    #: indexes of tokens in sentences that end with a question mark: what the person asks, told apart from what
    #: they tell ("Paljonko bensa maksaa Taivalkoskella? Ajan töihin 80 km")
    questions: frozenset[int] = frozenset()

    @property
    def empty(self) -> bool:
        return not self.folded


def clean(text: str) -> str:
    """Unicode-normalised (NFKC: full-width ＫＵＨＭＯ is KUHMO), control characters removed, cut to MAX_CHARS."""
    text = unicodedata.normalize("NFKC", text or "")[:MAX_CHARS]
    return "".join(ch if ch.isprintable() else " " for ch in text).strip()


class SpokenForms:
    """Spoken Finnish written as spoken ("ilmottaudun", "uuen työn", "männään"): a word that starts like a spoken
    form is stemmed as the standard one (language.yaml `spoken_forms`, folded), so the phrasings need no copies."""

    def __init__(self, forms: dict[str, str]):
        self.forms = {fold(k): fold(v) for k, v in forms.items() if k and v}
        keys = sorted(self.forms, key=len, reverse=True)
        self.pattern = re.compile("^(?:" + "|".join(re.escape(k) for k in keys) + ")") if keys else None

    def standard(self, word: str) -> str:
        match = self.pattern.match(word) if self.pattern else None
        return self.forms[match.group()] + word[match.end():] if match else word


def sentence_start(message: Message, position: int) -> int:
    """Where the sentence (or clause, after a break) holding the word at `position` starts."""
    return max((b for b in message.breaks if b <= position), default=0)


def same_clause(message: Message, first: int, second: int) -> bool:
    """Whether no clause break stands between the words at two positions."""
    low, high = min(first, second), max(first, second)
    return not any(low < b <= high for b in message.breaks)


def sentence_of(message: Message, position: int) -> int:
    """Where the whole sentence holding the word at `position` starts (commas do not end it)."""
    return max((b for b in message.stops if b <= position), default=0)


def read_message(text: str, spoken: SpokenForms | None = None) -> Message:
    """Tokenise and stem a message; the first and only pass over the raw text."""
    cleaned = clean(text)
    tokens_found: list[str] = []
    breaks: set[int] = set()
    stops: set[int] = set()
    questions: set[int] = set()
    sentence_start = 0
    end = 0
    for match in WORD.finditer(cleaned.lower()):
        gap = cleaned[end:match.start()]
        # a sign between words ("Kuhmossa, minne", "kuhmossa,minne"), not a dot inside one ("te-palvelut.fi")
        if _CLAUSE_SIGN.search(gap) and (any(c.isspace() for c in gap) or gap.strip(".")):
            breaks.add(len(tokens_found))
            if _SENTENCE_SIGN.search(gap):
                stops.add(len(tokens_found))
                if "?" in gap:
                    questions.update(range(sentence_start, len(tokens_found)))
                sentence_start = len(tokens_found)
        tokens_found.append(match.group().replace("’", "'"))
        end = match.end()
    if "?" in cleaned[end:]:
        questions.update(range(sentence_start, len(tokens_found)))
    tokens = tuple(tokens_found)
    folded = tuple(fold(t) for t in tokens)
    return Message(
        text=cleaned,
        tokens=tokens,
        folded=folded,
        stems_fi=tuple(stem_fi(spoken.standard(t) if spoken else t) for t in folded),
        stems_en=tuple(stem_en(t) for t in folded),
        breaks=frozenset(breaks),
        stops=frozenset(stops),
        questions=frozenset(questions),
    )


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Folded tokens of a knowledge-base phrase, tokenised exactly like messages."""
    return read_message(phrase).folded
