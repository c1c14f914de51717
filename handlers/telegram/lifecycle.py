"""How `tyonavi run` ends: a start Telegram refused in one line, and every HTTP session closed however it ended.

python-telegram-bot logs a refused token (or a start it gave up on) with a 50-line traceback before the caller
can say anything (and one for each failed poll, and at exit when Telegram is out of reach), and when start-up
fails it never shuts down the transports it opened, so each such exit printed "Unclosed client session". `run`
prints one line itself (`start_failure`), `QuietTelegramTracebacks` keeps PTB's tracebacks out of the log, and
`transports_closed_at_exit` closes the sessions on the run's own event loop before closing that loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator, Sequence

from telegram.error import InvalidToken, TelegramError
from telegram.request import BaseRequest

from bot.config import TOKEN_VARIABLE
from handlers.telegram.reachability import unreachable

#: What python-telegram-bot's start-up retry loop prefixes its log lines with.
_BOOTSTRAP = "Network Retry Loop (Bootstrap"


class QuietTelegramTracebacks(logging.Filter):
    """Drops python-telegram-bot's tracebacks of what is said elsewhere in one line: a failed start (`run` prints
    why) and a request that could not reach Telegram (handlers/telegram/reachability.py logs those, once a minute)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.exc_info or not record.name.startswith("telegram"):
            return True
        return not (_BOOTSTRAP in record.getMessage() or unreachable(record.exc_info[1]))


def start_failure(error: TelegramError, base_url: str) -> str:
    """The one line `tyonavi run` ends with when Telegram did not let it start (the token is never in it)."""
    if isinstance(error, InvalidToken):
        return (f"Telegram refused the token: check {TOKEN_VARIABLE} (BotFather's /token shows it) and "
                f"telegram.base_url ({base_url.split('/bot')[0]})")
    if unreachable(error):
        cause = type(error.__cause__).__name__
        return (f"could not reach Telegram at {base_url.split('/bot')[0]} ({cause}); start again when the network "
                "is back (under systemd it restarts by itself)")
    return f"Telegram refused to start: {error}"


@contextlib.contextmanager
def transports_closed_at_exit(transports: Sequence[BaseRequest]) -> Iterator[None]:
    """An event loop for `run_polling`/`run_webhook(close_loop=False)`; on the way out, however the run ended,
    the transports' sessions are closed on that loop, then the loop itself."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        yield
    finally:
        try:
            for transport in transports:
                loop.run_until_complete(transport.shutdown())
        finally:
            loop.close()
            asyncio.set_event_loop(None)
