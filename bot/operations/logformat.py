"""How a log line is written: plain text for people, or one JSON object a line for log collectors.

Formatting only: what may be logged is decided elsewhere (no message texts are logged, and the token filter
in handlers/telegram/app.py rewrites a record before any formatter sees it), so both forms carry the same words.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import IO

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
FORMATS = ("text", "json")


class JsonFormatter(logging.Formatter):
    """{"time", "level", "logger", "message"} and, with an exception, "exception" (its traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["exception"] = record.exc_text
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False)


def formatter(kind: str) -> logging.Formatter:
    """The formatter for `logging.format`."""
    return JsonFormatter() if kind == "json" else logging.Formatter(TEXT_FORMAT)


def log_handler(kind: str, stream: IO[str] | None = None) -> logging.Handler:
    """A handler writing to stderr (or `stream`) in the given format."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter(kind))
    return handler
