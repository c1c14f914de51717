"""How long a chat message may be: Telegram's limit, counted the way Telegram counts."""

from __future__ import annotations

#: Telegram's limit for one message, in UTF-16 code units.
MAX_MESSAGE = 4096


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji outside the BMP counts twice)."""
    return len(text.encode("utf-16-le")) // 2
