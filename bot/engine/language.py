"""Telling Finnish from English by counting cue words; two languages need no model."""

from __future__ import annotations

from bot.engine.message import Message

_FINNISH_LETTERS = set("äö")


def detect_language(message: Message, cues: dict[str, frozenset[str]], evidence: dict[str, float],
                    default: str = "fi") -> str:
    """'fi' or 'en'; `evidence` adds weight from phrases already matched in each language."""
    endings = tuple(cues.get("fi_endings", ()))
    fi = evidence.get("fi", 0.0)
    en = evidence.get("en", 0.0)
    for token in message.tokens:
        if token in cues["fi"]:
            fi += 1
        if token in cues["en"]:
            en += 1
        if _FINNISH_LETTERS & set(token):
            fi += 0.5
        elif len(token) > 5 and endings and token.endswith(endings):
            fi += 0.25
    if en > fi:
        return "en"
    if fi > en:
        return "fi"
    return default
