"""The one place that builds the Telegram Application: request settings, handlers in order, start-up."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import NetworkError, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.config import Config, ConfigError, hash_key_from_environment, load_config, token_from_environment
from bot.conversation.analytics import AnalyticsStore
from bot.conversation.erasure import RESET_COMMANDS, RESET_TYPED
from bot.conversation.flood import DROP, NOTIFY, FloodGate
from bot.conversation.handoff import HandoffCases, open_cases
from bot.conversation.handover import (
    ASK_PERSON_COMMANDS,
    ASK_PERSON_TYPED,
    CANCEL_COMMANDS,
    HandOver,
    OtherChats,
)
from bot.conversation.inbox import Inbox, waiting
from bot.conversation.privacy_notice import PRIVACY_COMMANDS, bot_descriptions
from bot.conversation.session import Conversations
from bot.conversation.storage import IN_MEMORY, Storage
from bot.engine.newcomer import warm_up
from bot.kb.model import KnowledgeBase
from bot.kb.snapshot import SnapshotKnowledge, snapshot_saved
from bot.operations.heartbeat import Heartbeat
from bot.operations.logformat import log_handler
from bot.operations.metrics import Metrics
from bot.operations.metrics_server import MetricsServer
from bot.staff.live import ReloadResult, watch
from handlers.telegram import callbacks, commands, handoff, messages, staff, staff_chat
from handlers.telegram.delivery import Delivery, RetryingRateLimiter, resume_unfinished
from handlers.telegram.keyboards import FEEDBACK_PATTERN
from handlers.telegram.lifecycle import QuietTelegramTracebacks, start_failure, transports_closed_at_exit
from handlers.telegram.reachability import Reachability, ReportingRequest, ReportingUpdatesRequest, unreachable
from handlers.telegram.replies import send_text
from handlers.telegram.services import SERVICES, Services, language, now_utc, services
from handlers.telegram.transport import AiohttpRequest

logger = logging.getLogger("tyonavi.telegram")

CONFIG = "config"
DELIVERY = "delivery"
#: The two HTTP transports (getUpdates', everything else's), closed by `run` however it ends.
TRANSPORTS = "transports"
WEB_RUNNER = "web_runner"
#: The running bot's counters (bot/operations/metrics.py), and their HTTP server when metrics.port is set.
METRICS = "metrics"
METRICS_SERVER = "metrics_server"
#: Tests put a clock here (a callable returning an aware datetime) before post_init: office hours without sleeping.
CLOCK = "clock"
WATCHER = "knowledge_watcher"
#: (command names: English, Finnish, Swedish; the callback; its description's text key); /help must list every
#: one. Each language's menu shows its own name; every name works in every language.
COMMANDS = (
    (("start",), commands.start, "command_start"),
    (("help", "apua", "hjalp"), commands.help_command, "command_help"),
    (("language", "kieli", "sprak"), commands.language_command, "command_language"),
    (("municipality", "kunta", "kommun"), commands.municipality_command, "command_municipality"),
    (PRIVACY_COMMANDS, commands.privacy, "command_privacy"),
    (RESET_COMMANDS, commands.reset, "command_reset"),
)
#: Swedish names typed with their own letters (Telegram command names are [a-z0-9_], so the menu has /glom):
#: matched as text.
TYPED_COMMANDS = (
    *((word, commands.reset) for word in RESET_TYPED),
    ("språk", commands.language_command),
    ("hjälp", commands.help_command),
)
#: Hand-over to a person: in /help and the menu only when handoff.chat_id is set; private chats only.
#: Telegram command names are [a-z0-9_], so Swedish "/människa" is /manniska, and typed by hand it is caught
#: by HUMAN_TYPED.
HANDOFF_COMMANDS = (
    (ASK_PERSON_COMMANDS, handoff.ask_person, "command_human"),
    (CANCEL_COMMANDS, handoff.cancel, "command_cancel"),
)
HUMAN_TYPED = rf"(?i)^/({'|'.join(ASK_PERSON_TYPED)})(@\w+)?(\s|$)"
#: Staff only: never in /help nor in the public command menu; for anyone else an unknown command.
STAFF_COMMANDS = (
    (("reload",), staff.reload, "command_reload"),
    (("stats",), staff.stats, "command_stats"),
    (("unanswered",), staff.unanswered, "command_unanswered"),
    (("feedback",), staff.feedback, "command_feedback"),
)
#: How many 429 "retry after" answers in a row one send waits out (the time limit is send_retry_minutes).
RETRY_AFTER_TIMES = 100
#: The daily retention job runs at night, Finnish time.
PURGE_AT = time(3, 30, tzinfo=ZoneInfo("Europe/Helsinki"))
NOT_TEXT = (filters.Sticker.ALL | filters.PHOTO | filters.VOICE | filters.AUDIO | filters.VIDEO | filters.VIDEO_NOTE
            | filters.ANIMATION | filters.Document.ALL | filters.CONTACT | filters.POLL | filters.Dice.ALL
            | filters.VENUE)
#: New messages only: edited messages match no handler and are ignored quietly.
NEW = filters.UpdateType.MESSAGE
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


async def flood_guard(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs before every handler: one polite notice over the per-user limit, then silence.

    The staff group is left out: no notice is ever posted there, and its handler ignores all but staff replies.
    """
    user = update.effective_user
    if user is None:
        return
    svc = services(context)
    if svc.config.handoff and update.effective_chat and update.effective_chat.id == svc.config.handoff_chat_id:
        return
    verdict = svc.flood.check(user.id)
    if verdict == NOTIFY and update.effective_chat:
        await send_text(update.effective_chat, svc.kb.text("flood_notice", language(update, context)))
    if verdict in (NOTIFY, DROP):
        raise ApplicationHandlerStop


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the update id and the exception (never message text), tell the person, alert staff."""
    if update is None and isinstance(context.error, NetworkError):  # fetching updates failed; polling retries
        if not unreachable(context.error):  # unreachable: handlers/telegram/reachability.py says so, once a minute
            logger.warning("fetching updates failed (%s); retrying", type(context.error).__name__)
        return
    update_id = update.update_id if isinstance(update, Update) else None
    logger.error("update %s failed: %s", update_id, type(context.error).__name__, exc_info=context.error)
    svc: Services | None = context.bot_data.get(SERVICES)
    if svc is None:
        return
    if isinstance(update, Update) and update.effective_chat:
        try:
            await send_text(update.effective_chat, svc.kb.text("error", language(update, context)))
        except Exception as exc:  # the staff must still hear of it
            logger.warning("could not tell the person about the error of update %s: %s", update_id,
                           type(exc).__name__)
    alert = svc.kb.text("staff_alert", "fi", update_id=str(update_id), error=type(context.error).__name__)
    for staff_id in svc.config.staff_user_ids:
        try:  # one per staff member: one who blocked the bot must not keep the alert from the others
            await context.bot.send_message(staff_id, alert)
        except Exception as exc:
            logger.warning("could not alert a staff member about update %s: %s", update_id, type(exc).__name__)


def register_handlers(app: Application, staff_user_ids: tuple[int, ...] = (), handoff_chat_id: int = 0) -> None:
    """Every handler, in order; the staff group's handler first, the catch-all text handler last.

    Staff commands answer only staff, in a private chat; for everyone else they fall through to
    the unknown-command reply, so nothing hints that they exist. Everything in the staff group goes
    to its own handler only, so group chatter never reaches the engine.
    """
    app.add_handler(TypeHandler(Update, flood_guard), group=-1)
    if handoff_chat_id:
        app.add_handler(MessageHandler(NEW & filters.Chat(chat_id=handoff_chat_id), staff_chat.staff_message))
    for names, callback, _ in COMMANDS:
        app.add_handler(CommandHandler(names, callback, filters=NEW))
    for word, callback in TYPED_COMMANDS:
        app.add_handler(MessageHandler(NEW & filters.Regex(rf"(?i)^/{word}(@\w+)?(\s|$)"), callback))
    private = NEW & filters.ChatType.PRIVATE
    for names, callback, _ in HANDOFF_COMMANDS:
        app.add_handler(CommandHandler(names, callback, filters=private))
    app.add_handler(MessageHandler(private & filters.Regex(HUMAN_TYPED), handoff.ask_person))
    is_staff = filters.User(user_id=staff_user_ids) & filters.ChatType.PRIVATE
    for names, callback, _ in STAFF_COMMANDS:
        app.add_handler(CommandHandler(names, callback, filters=NEW & is_staff))
    app.add_handler(CallbackQueryHandler(callbacks.feedback, pattern=FEEDBACK_PATTERN))
    app.add_handler(CallbackQueryHandler(callbacks.button))
    app.add_handler(MessageHandler(NEW & filters.LOCATION, messages.location))
    app.add_handler(MessageHandler(NEW & NOT_TEXT, messages.unsupported))
    app.add_handler(MessageHandler(NEW & filters.COMMAND, messages.unknown_command))
    app.add_handler(MessageHandler(NEW & filters.TEXT, messages.question))
    app.add_error_handler(on_error)


def purge_expired(svc: Services) -> None:
    """Delete user settings, analytics rows and open hand-over cases older than the retention period."""
    days = svc.config.retention_days
    people = svc.storage.purge(days)
    rows = svc.analytics.purge_older_than(days)
    cases = svc.handoff.purge(days) if svc.handoff else 0
    if people or rows or cases:
        logger.info("retention (%d days): deleted the settings of %d people, %d analytics rows and %d hand-over "
                    "cases", days, people, rows, cases)


async def daily_purge(context: ContextTypes.DEFAULT_TYPE) -> None:
    purge_expired(services(context))
    delivery: Delivery = context.bot_data[DELIVERY]
    if delivery.inbox is not None:
        delivery.inbox.prune()


@dataclass
class Watcher:
    """The knowledge-base file watcher running beside the bot."""

    task: asyncio.Task
    stop: asyncio.Event


def start_watcher(app: Application, svc: Services) -> Watcher:
    """Reload the knowledge base when its YAML changes; log each result and tell staff."""
    stop = asyncio.Event()

    async def report(result: ReloadResult) -> None:
        if svc.metrics is not None:
            svc.metrics.reloaded(result.ok)
        try:
            await staff.notify_reload(app.bot, svc, result)
        except Exception:  # a failed notice must not stop the watcher
            logger.exception("could not report a knowledge base reload")

    async def run() -> None:
        try:
            await watch(svc.live, report, stop)
        except Exception:
            logger.exception("the knowledge base watcher stopped; /reload still works")

    logger.info("watching %s for knowledge base changes", svc.live.directory)
    return Watcher(asyncio.create_task(run(), name="knowledge-watcher"), stop)


async def set_command_menus(app: Application, kb: KnowledgeBase, staff_user_ids: tuple[int, ...],
                            handoff_on: bool = False) -> None:
    """The public menu lists the public commands (with hand-over's when it is on); each staff member's own chat
    also lists theirs."""
    listed = COMMANDS + HANDOFF_COMMANDS if handoff_on else COMMANDS
    for lang, code in (("en", None), ("fi", "fi"), ("sv", "sv")):
        public = [BotCommand(_menu_name(names, lang), kb.text(key, lang)) for names, _, key in listed]
        await app.bot.set_my_commands(public, language_code=code)
        extra = [BotCommand(names[0], kb.text(key, lang)) for names, _, key in STAFF_COMMANDS]
        for staff_id in staff_user_ids:
            try:
                await app.bot.set_my_commands(public + extra, scope=BotCommandScopeChat(staff_id), language_code=code)
            except TelegramError as exc:  # the staff member has not started a chat with the bot yet
                logger.warning("could not set a staff member's command menu: %s", type(exc).__name__)


#: The order of a command's names in COMMANDS and HANDOFF_COMMANDS.
MENU_LANGUAGES = ("en", "fi", "sv")


def _menu_name(names: tuple[str, ...], language: str) -> str:
    """A command appears in the menu under its name in the menu's language (/unohda, /glom, /reset)."""
    if len(names) >= len(MENU_LANGUAGES):
        return names[MENU_LANGUAGES.index(language)]
    return names[0]


async def set_descriptions(app: Application, kb: KnowledgeBase) -> None:
    """The bot's description and short description in Finnish, Swedish and English, English as the default, so
    Telegram shows ours (with where the privacy notice is) rather than its generic text. A refusal is logged."""
    for lang, code in (("en", None), ("fi", "fi"), ("sv", "sv"), ("en", "en")):
        description, short = bot_descriptions(kb, lang)
        try:
            await app.bot.set_my_description(description, language_code=code)
            await app.bot.set_my_short_description(short, language_code=code)
        except TelegramError as exc:
            logger.warning("could not set the bot's %s description: %s", code or "default", type(exc).__name__)


async def tell_staff_of_snapshot(app: Application, svc: Services) -> None:
    """When the files on disk did not validate at start, staff get their errors (file:line) as after a refused
    reload: the last good version, kept beside the database, is what serves."""
    live = svc.live
    if not isinstance(live, SnapshotKnowledge) or not live.startup_errors:
        return
    logger.warning("serving the knowledge base snapshot saved %s; staff are told", snapshot_saved(live.database))
    await staff.notify_reload(app.bot, svc, ReloadResult(False, live.startup_errors, live.version))


async def start_metrics(app: Application, svc: Services) -> None:
    """Gauges read the database at each scrape; the server listens on 127.0.0.1 when metrics.port is set."""
    metrics: Metrics = app.bot_data[METRICS]
    connection = svc.storage.db.conn
    metrics.watch_storage(lambda: waiting(connection), lambda: open_cases(connection))
    if svc.config.metrics_port:
        server = MetricsServer(metrics, svc.config.metrics_port)
        await server.start()
        app.bot_data[METRICS_SERVER] = server


async def start_web_chat(app: Application, config: Config, live: SnapshotKnowledge, analytics: AnalyticsStore,
                         cases: HandoffCases, clock: Callable[[], datetime]) -> OtherChats:
    """The web chat on web.host:web.port in this process: the same engine, analytics and hand-over cases; its
    settings in memory. Returns it, for staff replies to cases opened there."""
    from handlers.web.app import app_for, start_site  # only when the config asks for the web chat

    conversations = Conversations(lambda: live.engine, Storage(IN_MEMORY), analytics)
    handover = HandOver(cases, config.handoff, config.handoff_hours, clock)
    staff = handoff.staff_sender(app.bot, config.handoff_chat_id) if config.handoff else None
    web_app, web_chat = app_for(config, conversations, handover, staff)
    app.bot_data[WEB_RUNNER] = await start_site(web_app, config.web_host, config.web_port)
    logger.info("serving the web chat on http://%s:%d/", config.web_host, config.web_port)
    return web_chat


async def post_init(app: Application) -> None:
    """Build the knowledge base, storage and analytics once, purge old rows, publish the command menus."""
    config: Config = app.bot_data[CONFIG]
    live = SnapshotKnowledge(config.knowledge_path, database=config.storage_path)  # broken on disk: last good
    storage = Storage(config.storage_path)
    analytics = AnalyticsStore(storage.db, storage.secret)  # same file, same key for user hashes
    clock: Callable[[], datetime] = app.bot_data.get(CLOCK) or now_utc
    cases = HandoffCases(storage.db, storage.secret, now=clock)
    web_chat = await start_web_chat(app, config, live, analytics, cases, clock) if config.web_port else None
    svc = Services(config=config, live=live, storage=storage, analytics=analytics,
                   conversations=Conversations(lambda: live.engine, storage, analytics),
                   flood=FloodGate(config.flood_limit_per_minute), handoff=cases, clock=clock,
                   inbox=Inbox(storage.db.conn, storage.secret),
                   metrics=app.bot_data[METRICS], web=web_chat)
    app.bot_data[SERVICES] = svc
    purge_expired(svc)
    delivery: Delivery = app.bot_data[DELIVERY]
    delivery.attach(svc.inbox, Heartbeat(storage.db.conn))
    await start_metrics(app, svc)
    delivery.inbox.prune()
    warm_up()  # the language model, before the first message needs it
    await resume_unfinished(app.bot, delivery, svc)  # before polling starts: the oldest updates go first
    if app.job_queue is not None:
        app.job_queue.run_daily(daily_purge, PURGE_AT, name="retention")
    if config.knowledge_watch:
        app.bot_data[WATCHER] = start_watcher(app, svc)
    await tell_staff_of_snapshot(app, svc)
    await set_command_menus(app, svc.kb, config.staff_user_ids, config.handoff)
    await set_descriptions(app, svc.kb)
    # The knowledge base, the engine's indexes and the imported modules live as long as the process: move them
    # out of the garbage collector's reach, so the full collections that message traffic triggers stay short.
    gc.freeze()


async def post_shutdown(app: Application) -> None:
    watcher: Watcher | None = app.bot_data.pop(WATCHER, None)
    if watcher is not None:
        watcher.stop.set()
        try:
            await asyncio.wait_for(watcher.task, timeout=5)
        except TimeoutError:
            watcher.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher.task
    runner = app.bot_data.pop(WEB_RUNNER, None)
    if runner is not None:
        await runner.cleanup()
    svc: Services | None = app.bot_data.pop(SERVICES, None)
    if svc is not None:
        server: MetricsServer | None = app.bot_data.pop(METRICS_SERVER, None)
        if server is not None:
            await server.stop()
        svc.storage.close()  # analytics shares the connection


def _request(config: Config, kind: type[AiohttpRequest] = AiohttpRequest, **kwargs) -> AiohttpRequest:
    """A local Bot API server is reached directly, never through a proxy from the environment."""
    return kind(trust_env=urlparse(config.base_url).hostname not in LOOPBACK, **kwargs)


def build_application(config: Config, token: str) -> Application:
    """The Application for this config; services are built in post_init."""
    reachability = Reachability(config.base_url)  # says when Telegram cannot be reached, at least once a minute
    updates_request = _request(config, ReportingUpdatesRequest, reachability=reachability)
    request = _request(config, ReportingRequest, reachability=reachability, connection_pool_size=16)
    metrics = Metrics()  # one registry per Application: bots in one process never count into each other
    delivery = Delivery(updates_request.raw_update, metrics)
    limiter = RetryingRateLimiter(overall_max_rate=config.max_messages_per_second, max_retries=RETRY_AFTER_TIMES,
                                  give_up_after=config.send_retry_minutes * 60, before_send=delivery.before_send,
                                  metrics=metrics)
    app = (ApplicationBuilder().token(token).base_url(config.base_url)
           .request(request).get_updates_request(updates_request)
           .rate_limiter(limiter).update_queue(delivery.queue).concurrent_updates(delivery.processor)
           .post_init(post_init).post_shutdown(post_shutdown)
           .build())
    app.bot_data[CONFIG] = config
    app.bot_data[DELIVERY] = delivery
    app.bot_data[TRANSPORTS] = (updates_request, request)
    app.bot_data[METRICS] = metrics
    register_handlers(app, config.staff_user_ids, config.handoff_chat_id)
    return app


class _RedactToken(logging.Filter):
    """Replaces the token in every log line, including tracebacks."""

    def __init__(self, token: str):
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "<token>"), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = record.exc_text.replace(self.token, "<token>")
        return True


def quiet_chatty_loggers() -> None:
    """HTTP libraries log request URLs (they hold the token); PTB's debug lines hold whole updates (message text)."""
    for name in ("httpx", "httpcore", "aiohttp"):
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.getLogger("telegram").setLevel(logging.INFO)


def configure_logging(level: str, token: str, kind: str = "text") -> None:
    """Log lines as `logging.format` says (bot/operations/logformat.py), the token replaced in every one."""
    logging.basicConfig(level=level, handlers=[log_handler(kind)])
    for handler in logging.getLogger().handlers:
        handler.addFilter(_RedactToken(token))
        handler.addFilter(QuietTelegramTracebacks())  # said in one line by run() and by Reachability
    quiet_chatty_loggers()


def run(config_path: str | None) -> int:
    """`tyonavi run`: start the bot; returns the exit code. Errors are one line, without the token."""
    try:
        config = load_config(config_path)
        token = token_from_environment()
        hash_key_from_environment()  # a malformed key stops start-up here, before anything else
    except ConfigError as exc:
        print(f"tyonavi: {exc}", file=sys.stderr)
        return 2
    configure_logging(config.logging_level, token, config.logging_format)
    app = build_application(config, token)
    try:
        with transports_closed_at_exit(app.bot_data[TRANSPORTS]):
            if config.mode == "webhook":
                app.run_webhook(listen=config.webhook_listen, port=config.webhook_port,
                                url_path=urlparse(config.webhook_url).path.lstrip("/"),
                                webhook_url=config.webhook_url, secret_token=config.webhook_secret_token,
                                allowed_updates=Update.ALL_TYPES, close_loop=False)
            else:
                app.run_polling(allowed_updates=Update.ALL_TYPES, close_loop=False)
    except ConfigError as exc:  # found while opening the database (its hash key)
        print(f"tyonavi: {exc}", file=sys.stderr)
        return 2
    except TelegramError as exc:
        print(f"tyonavi: {start_failure(exc, config.base_url)}".replace(token, "<token>"), file=sys.stderr)
        return 1
    return 0
