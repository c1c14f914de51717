"""Saying, at least once a minute, that Telegram cannot be reached and that the bot keeps trying.

Without network the bot retries on its own (sends for `send_retry_minutes`, polling for ever), but each retry
was a DEBUG line or a traceback, so an operator could not tell a bot waiting for the network from a hung one.
The transports report every request that could not reach Telegram (no connection, no DNS answer, connect
timeout) and every one that got an answer; `Reachability` turns that into one WARNING line when the trouble
starts, again every `log_every` seconds while it lasts, and one INFO line when Telegram answers again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

from telegram.error import NetworkError, TelegramError

from handlers.telegram.transport import AiohttpRequest, UpdatesRequest, never_sent

logger = logging.getLogger("tyonavi.telegram")

#: Requests are retried at most ~35 s apart (PTB's polling pause grows to 30 s, plus a 6 s connect timeout), so
#: a line at most every 20 s of failing requests means a line at least every minute.
LOG_EVERY_SECONDS = 20.0


def unreachable(error: BaseException) -> bool:
    """True when a request failed before reaching Telegram (the transport chains the cause)."""
    return isinstance(error, NetworkError) and never_sent(error.__cause__)


class Reachability:
    """Whether Telegram answered the last request; logs the trouble as it starts and while it lasts."""

    def __init__(self, base_url: str, log_every: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.host = urlparse(base_url).hostname or base_url
        self.log_every = LOG_EVERY_SECONDS if log_every is None else log_every
        self._clock = clock
        self._since: float | None = None
        self._logged: float | None = None

    @property
    def reachable(self) -> bool:
        return self._since is None

    def failed(self, error: BaseException) -> None:
        """A request could not reach Telegram."""
        now = self._clock()
        if self._since is None:
            self._since = now
        if self._logged is None or now - self._logged >= self.log_every:
            self._logged = now
            cause = error.__cause__ or error
            logger.warning("cannot reach Telegram at %s for %d s (%s); the bot keeps retrying and answers what "
                           "arrived once Telegram is back", self.host, now - self._since, type(cause).__name__)

    def answered(self) -> None:
        """Telegram answered a request (whatever the answer)."""
        if self._since is not None:
            logger.info("Telegram at %s is reachable again after %d s", self.host, self._clock() - self._since)
            self._since = self._logged = None


class _Reporting:
    """Mixed into a transport: every request's outcome goes to a Reachability."""

    reachability: Reachability

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        try:
            result = await super().do_request(*args, **kwargs)  # type: ignore[misc]
        except TelegramError as exc:
            if unreachable(exc):
                self.reachability.failed(exc)
            raise
        self.reachability.answered()
        return result


class ReportingRequest(_Reporting, AiohttpRequest):
    """The transport for every call but getUpdates."""

    def __init__(self, *args: Any, reachability: Reachability, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reachability = reachability


class ReportingUpdatesRequest(_Reporting, UpdatesRequest):
    """The getUpdates transport."""

    def __init__(self, *args: Any, reachability: Reachability, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reachability = reachability
