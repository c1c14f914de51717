"""Delivery: every update handled once, every answer sent once, through crashes and Telegram's bad moments.

- `DurableUpdateQueue` writes each update to the inbox (bot/conversation/inbox.py) before python-telegram-bot confirms
  it to Telegram, and drops one Telegram delivers again after a restart.
- `InboxProcessor` handles updates one at a time (so each chat's order is kept), marks each `answering`
  with its handling's first write, and finished at the end.
- `RetryingRateLimiter` paces sends, retries what Telegram cannot have carried out (429, 5xx, a connection
  that never opened) until `give_up_after`, and marks an update `answering` before its first send.
- `resume_unfinished` at start-up handles again what a crash left untouched and tells the person whose
  update was being handled at that moment.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import time
from collections.abc import Callable
from typing import Any

from telegram import Bot, Update
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import AIORateLimiter, BaseUpdateProcessor

from bot.conversation.inbox import ANSWERING, MAX_ATTEMPTS, Inbox
from bot.operations.heartbeat import Heartbeat
from bot.operations.metrics import Metrics
from handlers.telegram.replies import send_to
from handlers.telegram.services import Services, language_of
from handlers.telegram.transport import never_sent

logger = logging.getLogger("tyonavi.telegram")

#: The update being handled, for the send hook (contextvars follow the handler's awaits).
CURRENT_UPDATE: contextvars.ContextVar[int | None] = contextvars.ContextVar("tyonavi_update", default=None)


def _sends_a_message(endpoint: str) -> bool:
    """Methods after which the person may have something new in their chat."""
    return endpoint.startswith("send") and endpoint != "sendChatAction"


class Delivery:
    """The queue, the processor and the send hook around one inbox (attached once the database is open)."""

    def __init__(self, raw_update: Callable[[int], dict | None] = lambda _update_id: None,
                 metrics: Metrics | None = None) -> None:
        self.inbox: Inbox | None = None
        self.heartbeat: Heartbeat | None = None
        self.metrics = metrics
        self.raw_update = raw_update  # the update as Telegram sent it, when the transport kept it
        self.queue = DurableUpdateQueue(self)
        self.processor = InboxProcessor(self)
        self._answering: int | None = None

    def attach(self, inbox: Inbox, heartbeat: Heartbeat | None = None) -> None:
        self.inbox = inbox
        self.heartbeat = heartbeat

    def finish(self, update_id: int) -> None:
        """An update's handlers have run: count it, and record the time with the inbox's commit."""
        if self.heartbeat is not None:
            self.heartbeat.update_handled()
        if self.metrics is not None:
            self.metrics.update_handled()
        assert self.inbox is not None
        self.inbox.finish(update_id)

    def before_send(self, endpoint: str) -> None:
        """Called before every Bot API call: the first message sent for an update marks it `answering`."""
        update_id = CURRENT_UPDATE.get()
        if update_id is None or self.inbox is None or not _sends_a_message(endpoint) or update_id == self._answering:
            return
        self._answering = update_id
        self.inbox.answering(update_id)


class DurableUpdateQueue(asyncio.Queue):
    """PTB's update queue; `put` (used by polling and by the webhook server) stores the update first."""

    def __init__(self, delivery: Delivery) -> None:
        super().__init__()
        self._delivery = delivery

    async def put(self, item: Any) -> None:
        inbox = self._delivery.inbox
        if inbox is not None and isinstance(item, Update):
            raw = self._delivery.raw_update(item.update_id) or item.to_dict()
            if not inbox.add(item.update_id, raw):
                logger.info("update %s arrived again after a restart; it is handled once only", item.update_id)
                return
        await super().put(item)

    def replay(self, update: Update) -> None:
        """Queue an update already in the inbox (left over by a crash)."""
        self.put_nowait(update)


class InboxProcessor(BaseUpdateProcessor):
    """One update at a time; each is marked finished in the inbox once its handlers have run."""

    def __init__(self, delivery: Delivery) -> None:
        super().__init__(max_concurrent_updates=1)
        self._delivery = delivery

    async def do_process_update(self, update: object, coroutine: Any) -> None:
        inbox = self._delivery.inbox
        if inbox is None or not isinstance(update, Update):
            await coroutine
            return
        token = CURRENT_UPDATE.set(update.update_id)
        inbox.answering(update.update_id, commit=False)  # durable with the handling's first write (see Inbox)
        try:
            await coroutine
        except asyncio.CancelledError:  # stopped half-way: the next start takes it up again
            raise
        except BaseException:
            self._delivery.finish(update.update_id)
            raise
        else:
            self._delivery.finish(update.update_id)
        finally:
            CURRENT_UPDATE.reset(token)

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


async def resume_unfinished(bot: Bot, delivery: Delivery, svc: Services) -> None:
    """At start-up, before polling: queue what the last run did not handle, in the order it arrived.

    An update whose handling had written or sent something when the process died is not handled again (its
    answer may have arrived); the person gets one short notice instead, so nothing is dropped silently either.
    """
    inbox = delivery.inbox
    assert inbox is not None
    pending = inbox.unfinished()
    if pending:
        logger.warning("%d updates were left unfinished by the last run; taking them up", len(pending))
    for item in pending:
        if item.update is None:
            logger.error("update %s left by the last run cannot be read (was the hash key changed?); dropped",
                         item.update_id)
            inbox.finish(item.update_id)
            continue
        update = Update.de_json(item.update, bot)
        if item.state == ANSWERING:
            await _tell(bot, svc, update, "interrupted_answer")
            inbox.finish(item.update_id)
        elif item.attempts >= MAX_ATTEMPTS:
            logger.error("update %s was being handled each of the last %d times the bot stopped; dropped",
                         item.update_id, item.attempts)
            await _tell(bot, svc, update, "error")
            inbox.finish(item.update_id)
        else:
            inbox.attempt(item.update_id)
            delivery.queue.replay(update)


async def _tell(bot: Bot, svc: Services, update: Update, key: str) -> None:
    chat = update.effective_chat
    if chat is None:
        return
    try:
        await send_to(bot, chat.id, svc.kb.text(key, language_of(svc, update)))
    except TelegramError as exc:
        logger.warning("could not tell the person about update %s: %s", update.update_id, type(exc).__name__)


# --- sending ---------------------------------------------------------------------------------------
RETRY, SENT, RAISE = "retry", "sent", "raise"


def outcome_of(exc: TelegramError, endpoint: str) -> str:
    """What a failed call means: RETRY when Telegram cannot have carried it out, SENT when it may have done
    so and the call sends a message (sending it again could make it arrive twice), RAISE otherwise.

    PTB raises NetworkError both for a 5xx answer and for a transport failure; for the latter the transport
    chains its own exception (`raise NetworkError(...) from err`), for the former nothing, or the
    TelegramError of an unreadable error body. That chain tells them apart. A 2xx whose body is not JSON is a plain
    TelegramError chained to the ValueError: carried out.
    """
    cause = exc.__cause__
    if isinstance(exc, BadRequest | RetryAfter):  # RetryAfter: AIORateLimiter gave up on it
        return RAISE
    if never_sent(cause):
        return RETRY
    if isinstance(exc, TimedOut):
        return SENT if _sends_a_message(endpoint) else RAISE
    if isinstance(exc, NetworkError):
        if cause is None or isinstance(cause, TelegramError):
            return RETRY
        return SENT if _sends_a_message(endpoint) else RAISE
    if type(exc) is TelegramError and isinstance(cause, ValueError):
        return SENT if _sends_a_message(endpoint) else RAISE
    return RAISE


#: What the bot reads of a message it sent (the message id, for the hand-over's case messages).
_KEPT_OF_SENT = ("message_id", "date", "chat", "from", "message_thread_id")


def _lean(endpoint: str, result: Any) -> Any:
    """A sent message without the echo of its own text and buttons: PTB would build objects for every
    entity and button of it (~0.2 ms a send), and nothing reads them."""
    if _sends_a_message(endpoint) and isinstance(result, dict):
        return {key: result[key] for key in _KEPT_OF_SENT if key in result}
    return result


def _stand_in_result(data: dict[str, Any]) -> dict[str, Any]:
    """What a sent message's call returns when its answer was lost: enough for the handler to go on."""
    chat_id = int(data.get("chat_id") or 0)
    return {"message_id": 0, "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"}}


class RetryingRateLimiter(AIORateLimiter):
    """AIORateLimiter (which waits out 429s as Telegram asks) that also retries what Telegram cannot have
    carried out, and never sends twice what it may have.

    A 5xx answer and a connection that failed before the request was complete are retried with a growing
    pause (`delay`, doubled each time, at most `max_delay`) until `give_up_after` seconds have passed or
    `retries` are used up. A message Telegram may have delivered (the connection broke or timed out after
    the request was sent, or the 2xx answer was unreadable) counts as sent: a warning is logged and the
    handler goes on. `before_send` is called before every call (Delivery marks the update `answering`).
    `metrics` counts each retry (429s waited out included) and each send given up.
    """

    def __init__(self, *args: Any, retries: int | None = None, delay: float = 0.25, max_delay: float = 5.0,
                 give_up_after: float = 600.0, before_send=None, metrics: Metrics | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._metrics = metrics
        self._retry_after_times = kwargs.get("max_retries", 0)
        self._retries = retries
        self._delay = delay
        self._max_delay = max_delay
        self._give_up_after = give_up_after
        self._before_send = before_send

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        if self._before_send is not None:
            self._before_send(endpoint)
        started = time.monotonic()
        attempt = 0
        while True:
            try:
                return _lean(endpoint, await super().process_request(self._counting_429s(callback, rate_limit_args),
                                                                     args, kwargs, endpoint, data, rate_limit_args))
            except TelegramError as exc:
                outcome = outcome_of(exc, endpoint)
                if outcome == SENT:
                    logger.warning("%s: %s after the request was sent; Telegram may have delivered it, so it is "
                                   "not sent again", endpoint, type(exc.__cause__ or exc).__name__)
                    return _stand_in_result(data)
                attempt += 1
                if (outcome == RAISE or (self._retries is not None and attempt > self._retries)
                        or time.monotonic() - started >= self._give_up_after):
                    if self._metrics is not None and (outcome == RETRY or isinstance(exc, RetryAfter)):
                        self._metrics.send_gave_up()  # RetryAfter: AIORateLimiter waited out its last 429
                    raise
                if self._metrics is not None:
                    self._metrics.send_retried()
                pause = min(self._max_delay, self._delay * 2 ** (attempt - 1))
                logger.info("%s was not carried out (attempt %d); retrying in %.2f s", endpoint, attempt, pause)
                await asyncio.sleep(pause)

    def _counting_429s(self, callback, rate_limit_args: int | None):
        """The call, counting each 429 that AIORateLimiter will wait out and try again."""
        if self._metrics is None:
            return callback
        metrics, allowed, calls = self._metrics, rate_limit_args or self._retry_after_times, 0

        async def counted(*args: Any, **kwargs: Any) -> Any:
            nonlocal calls
            calls += 1
            try:
                return await callback(*args, **kwargs)
            except RetryAfter:
                if calls <= allowed:
                    metrics.send_retried()
                raise

        return counted
