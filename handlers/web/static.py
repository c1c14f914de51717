"""The web chat's files, read once from handlers/web/static/: the stylesheet, the page's enhancement, the widget."""

from __future__ import annotations

from importlib.resources import files

_STATIC = files("handlers.web") / "static"
CHAT_JS = (_STATIC / "chat.js").read_text(encoding="utf-8")
WIDGET_JS = (_STATIC / "widget.js").read_text(encoding="utf-8")
CHAT_CSS = (_STATIC / "chat.css").read_text(encoding="utf-8")
