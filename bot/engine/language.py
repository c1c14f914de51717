"""Telling Finnish, Swedish and English apart by counting cue words: short messages in three languages that
share a script need no model. Newcomers' languages are told by `engine/newcomer.py`."""

from __future__ import annotations

from bot.engine.message import Message
from bot.kb.model import LANGUAGES

_FINNISH_LETTERS = set("äö")


def language_scores(message: Message, cues: dict[str, frozenset[str]],
                    evidence: dict[str, float]) -> dict[str, float]:
    """Cue words per language ('fi', 'sv', 'en'), plus `evidence` from phrases already matched in each.
    ä and ö count for Finnish unless the word is a Swedish cue word (Swedish has them too)."""
    endings = tuple(cues.get("fi_endings", ()))
    scores = {lang: evidence.get(lang, 0.0) for lang in LANGUAGES}
    for token in message.tokens:
        for lang in LANGUAGES:
            if token in cues.get(lang, ()):
                scores[lang] += 1
        if token in cues.get("sv", ()):
            continue
        if _FINNISH_LETTERS & set(token):
            scores["fi"] += 0.5
        elif len(token) > 5 and endings and token.endswith(endings):
            scores["fi"] += 0.25
    return scores


def detect_language(message: Message, cues: dict[str, frozenset[str]], evidence: dict[str, float],
                    default: str = "fi") -> str:
    """The language with the most evidence; a tie keeps `default` (the chosen or last language)."""
    scores = language_scores(message, cues, evidence)
    best = max(scores.values())
    leaders = [lang for lang, score in scores.items() if score == best]
    if default in leaders or best == 0:
        return default
    # Swedish and English share short words ("i", "in"): on a tie the non-English reading wins
    return next(lang for lang in ("fi", "sv", "en") if lang in leaders)
