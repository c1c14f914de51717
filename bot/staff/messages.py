"""What staff are shown: reload results and the analytics, as plain text in the staff member's language.

Telegram-free: the Telegram staff commands render these texts, tests call them directly. Every text
fits one Telegram message (4096 characters); the knowledge base's texts.yaml holds the wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from bot.conversation.message_length import MAX_MESSAGE, telegram_length
from bot.conversation.privacy import redact
from bot.kb.model import KnowledgeBase
from bot.staff.live import ReloadResult
from bot.staff.report import Report, build_report, labels_for, worst_rated_topics

MAX_ERRORS = 20
MAX_NAMES = 10  # per "per municipality / topic / language" line
MAX_QUESTIONS = 15
MAX_QUESTION_LENGTH = 200
LAST_DAYS = 7


@contextmanager
def reading(db: Database | str | Path) -> Iterator[Database]:
    """The database given, or a connection of our own to the file (closed afterwards, e.g. in a worker thread)."""
    if isinstance(db, Database):
        yield db
        return
    database = Database(db)
    try:
        yield database
    finally:
        database.close()


def reload_text(kb: KnowledgeBase, result: ReloadResult, language: str, limit: int = MAX_MESSAGE) -> str:
    """One line when the reload worked; otherwise every error as `file:line: what. Fix: how`, within `limit`."""
    if result.ok:
        return kb.text("reload_ok", language, version=str(result.version))
    lines = [kb.text("reload_failed", language, count=str(len(result.errors)), version=str(result.version))]
    shown = 0
    for error in result.errors[:MAX_ERRORS]:
        more = kb.text("reload_more_errors", language, count=str(len(result.errors) - shown - 1))
        line = str(error)
        if telegram_length("\n".join([*lines, line, more])) > limit:
            break
        lines.append(line)
        shown += 1
    if shown < len(result.errors):
        lines.append(kb.text("reload_more_errors", language, count=str(len(result.errors) - shown)))
    return "\n".join(lines)


def _municipality(kb: KnowledgeBase, key: str, language: str) -> str:
    return labels_for(kb, language).municipality(key)


def _topic(kb: KnowledgeBase, key: str, language: str) -> str:
    return labels_for(kb, language).topic(key)


def _counts(kb: KnowledgeBase, title_key: str, items: tuple[tuple[str, int], ...], language: str, name) -> str:
    shown = ", ".join(f"{name(kb, key, language)} {n}" for key, n in items[:MAX_NAMES])
    if len(items) > MAX_NAMES:
        shown += ", …"
    return f"{kb.text(title_key, language)}: {shown or kb.text('stats_none', language)}"


def _feedback_line(kb: KnowledgeBase, report: Report, language: str) -> str:
    ratio = report.feedback_ratio
    if ratio is None:
        return kb.text("stats_no_feedback", language)
    return kb.text("stats_feedback", language, helpful=str(report.helpful), not_helpful=str(report.not_helpful),
                   ratio=f"{ratio:.0%}")


def _period_block(kb: KnowledgeBase, title_key: str, report: Report, language: str) -> list[str]:
    answers = kb.text("stats_answers", language, answers=str(report.answers), unanswered=str(report.unanswered_count))
    return [f"{kb.text(title_key, language)}: {answers}",
            _feedback_line(kb, report, language),
            _counts(kb, "stats_by_municipality", report.by_municipality, language, _municipality),
            _counts(kb, "stats_by_topic", report.by_topic, language, _topic),
            _counts(kb, "stats_by_language", report.by_language, language, lambda _kb, key, _lang: key)]


def _last_week(today: date) -> date:
    return today - timedelta(days=LAST_DAYS - 1)


def stats_text(kb: KnowledgeBase, db: Database | str | Path, language: str, today: date) -> str:
    """Answers per municipality, topic and language and the feedback ratio: last 7 days, then all time."""
    with reading(db) as database:
        week, always = build_report(database, _last_week(today)), build_report(database)
    return "\n".join([kb.text("stats_heading", language), "",
                      *_period_block(kb, "stats_last_week", week, language), "",
                      *_period_block(kb, "stats_all_time", always, language)])


def unanswered_text(kb: KnowledgeBase, db: Database | str | Path, language: str) -> str:
    """The most frequent questions the bot could not answer, similar wordings counted together."""
    with reading(db) as database:
        clusters = build_report(database).unanswered[:MAX_QUESTIONS]
    if not clusters:
        return kb.text("unanswered_none", language)
    lines = [kb.text("unanswered_heading", language)]
    for cluster in clusters:
        example = redact(cluster.example)  # stored redacted already; a second pass costs nothing
        if len(example) > MAX_QUESTION_LENGTH:
            example = example[:MAX_QUESTION_LENGTH].rstrip() + "…"
        similar = len(cluster.variants) - 1
        more = f" {kb.text('unanswered_similar', language, count=str(similar))}" if similar else ""
        lines.append(f"{cluster.count} × {example}{more}")
    return "\n".join(lines)


def feedback_text(kb: KnowledgeBase, db: Database | str | Path, language: str, today: date) -> str:
    """👍/👎 counts for the last 7 days and all time, and the topics rated worst."""
    with reading(db) as database:
        week, always = build_report(database, _last_week(today)), build_report(database)
        worst = worst_rated_topics(database)
    lines = [kb.text("feedback_heading", language), "",
             f"{kb.text('stats_last_week', language)}: {_feedback_line(kb, week, language)}",
             f"{kb.text('stats_all_time', language)}: {_feedback_line(kb, always, language)}", "",
             kb.text("feedback_worst_topics", language)]
    lines += [f"{_topic(kb, t.topic, language)}: {t.not_helpful} / {t.votes}" for t in worst]
    if not worst:
        lines.append(kb.text("stats_none", language))
    return "\n".join(lines)
