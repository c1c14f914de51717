"""How long a chat message may be: Telegram's limit, counted the way Telegram counts."""

from __future__ import annotations

#: Telegram's limit for one message, in UTF-16 code units.
MAX_MESSAGE = 4096


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji outside the BMP counts twice)."""
    return len(text.encode("utf-16-le")) // 2


#: A phone screen's line, in characters: what "an answer at a glance" is measured in.
SCREEN_WIDTH = 34


def screen_lines(text: str, width: int = SCREEN_WIDTH) -> list[str]:
    """The text as a narrow phone screen shows it: each line wrapped at word boundaries to `width`
    characters; an empty line between paragraphs is a line too."""
    import textwrap

    out: list[str] = []
    for line in text.split("\n"):
        out += textwrap.wrap(line, width, break_long_words=True, break_on_hyphens=False) or [""]
    return out
