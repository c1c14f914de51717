"""Turning plain texts into Telegram HTML messages: everything escaped, every message within limits."""

from __future__ import annotations

import html
from urllib.parse import quote

from bot.conversation.message_length import MAX_MESSAGE, telegram_length


def escape(text: str) -> str:
    """Escape user and knowledge-base text for parse_mode HTML."""
    return html.escape(text, quote=False)


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split plain text into parts of at most `limit`, at paragraph, then line, then word breaks."""
    text = text.strip() or "…"
    if telegram_length(text) <= limit:
        return [text]
    for separator in ("\n\n", "\n", " "):
        cut = text.rfind(separator, 0, limit)
        while cut > 0 and telegram_length(text[:cut]) > limit:
            cut = text.rfind(separator, 0, cut)
        if cut > 0:
            return [text[:cut].strip(), *split_text(text[cut:], limit)]
    cut = limit
    while telegram_length(text[:cut]) > limit:
        cut -= 1
    return [text[:cut], *split_text(text[cut:], limit)]


def html_parts(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Plain text as escaped HTML messages, each within Telegram's length limit."""
    return [escape(part) for part in split_text(text, limit)]


def answer_html_parts(text: str, source: str, limit: int = MAX_MESSAGE) -> list[str]:
    """An answer as HTML messages with its source line folded into an expandable quote at the end (a person
    sees the place at a glance and opens the source when they want it)."""
    if not source or not text.endswith(source):
        return html_parts(text, limit)
    quote = f"<blockquote expandable>{escape(source)}</blockquote>"
    body = text[: -len(source)].rstrip()
    if not body:
        return [quote]
    parts = html_parts(body, limit)
    if telegram_length(f"{parts[-1]}\n\n{quote}") <= limit:
        parts[-1] = f"{parts[-1]}\n\n{quote}"
    else:
        parts.append(quote)
    return parts


def osm_point_url(latitude: float, longitude: float) -> str:
    """A map link with a marker at a point's coordinates."""
    return f"https://www.openstreetmap.org/?mlat={latitude:.6f}&mlon={longitude:.6f}#map=17/{latitude:.6f}/{longitude:.6f}"


def osm_search_url(address: str) -> str:
    """A map link for a street address (for a point whose coordinates the knowledge base does not have)."""
    return "https://www.openstreetmap.org/search?query=" + quote(address, safe="")
