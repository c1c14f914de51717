"""Telling Finnish, Swedish and English apart by counting cue words: short messages in three languages that
share a script need no model. Newcomers' languages are told by `engine/newcomer.py`."""

from __future__ import annotations

from bot.engine.message import Message
from bot.kb.model import LANGUAGES

_FINNISH_LETTERS = set("äö")


def language_scores(message: Message, cues: dict[str, frozenset[str]]) -> dict[str, float]:
    """Cue words per language ('fi', 'sv', 'en'), counted once per message. ä and ö count for Finnish
    unless the word is a Swedish cue word (Swedish has them too)."""
    endings = tuple(cues.get("fi_endings", ()))
    scores = dict.fromkeys(LANGUAGES, 0.0)
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


def detect_language(cue_scores: dict[str, float], evidence: dict[str, float], default: str = "fi") -> str:
    """The language with the most evidence (`cue_scores` from `language_scores`, plus `evidence` from
    phrases already matched in each); a tie keeps `default` (the chosen or last language)."""
    scores = {lang: score + evidence.get(lang, 0.0) for lang, score in cue_scores.items()}
    best = max(scores.values())
    leaders = [lang for lang, score in scores.items() if score == best]
    if default in leaders or best == 0:
        return default
    # Swedish and English share short words ("i", "in"): on a tie the non-English reading wins
    return next(lang for lang in ("fi", "sv", "en") if lang in leaders)
