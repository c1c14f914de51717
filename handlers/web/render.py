"""Replies as JSON and HTML for the web: every user and knowledge-base text escaped, the source in a quote."""

from __future__ import annotations

import html
from typing import Any

from handlers.web.reply import Reply


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def _paragraphs(text: str) -> str:
    """Plain text as escaped paragraphs, its single line breaks kept."""
    parts = [part.strip() for part in text.split("\n\n") if part.strip()]
    return "".join(f"<p>{'<br>'.join(escape(line) for line in part.splitlines())}</p>" for part in parts)


def reply_html(reply: Reply) -> str:
    """The answer as HTML: the source line, the last paragraph of the text, in a <blockquote>."""
    text, source = reply.text, reply.source
    if not source or not text.endswith(source):
        return _paragraphs(text)
    body = text[: -len(source)].rstrip()
    return f"{_paragraphs(body)}<blockquote>{escape(source)}</blockquote>"


def reply_json(reply: Reply) -> dict[str, Any]:
    """One message of the API's contract (README, "Web chat")."""
    return {
        "text": reply.text,
        "html": reply_html(reply),
        "language": reply.language,
        "choices": [{"id": c.id, "label": c.label} for c in reply.choices],
        "service_points": list(reply.service_points),
        "feedback": reply.feedback,
    }
