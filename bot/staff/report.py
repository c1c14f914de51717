"""The staff report: what people asked that the bot could not answer, and how it is doing.

`build_report` reads the analytics tables into a plain `Report`; `render_text` and
`render_html` turn it into a terminal summary or a self-contained page with an SVG chart.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from rapidfuzz import fuzz, utils
from sqlite_utils import Database

from bot.answer import UNANSWERED_KINDS
from bot.conversation.analytics import ANSWERS, FEEDBACK, LOW_CONFIDENCE, open_database
from bot.engine.message import phrase_tokens, stem_fi
from bot.kb.model import KnowledgeBase

SIMILARITY = 80  # token_set_ratio at or above which two questions count as the same question
MAX_CLUSTERS = 20
MAX_DISTINCT_TEXTS = 5000  # most frequent first; keeps clustering quick on a large database
UNKNOWN = "(unknown)"
ANSWERED_COLOUR, UNANSWERED_COLOUR = "#7aa6d8", "#b8432f"


@dataclass(frozen=True, slots=True)
class Cluster:
    """Similar questions, counted together; `example` is the most frequent wording."""

    example: str
    count: int
    variants: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Week:
    week: str  # ISO week, e.g. "2026-W48"
    answers: int
    unanswered: int


@dataclass(frozen=True, slots=True)
class Report:
    since: date | None
    answers: int
    unanswered: tuple[Cluster, ...]
    uncertain: tuple[Cluster, ...]
    by_municipality: tuple[tuple[str, int], ...]
    by_topic: tuple[tuple[str, int], ...]
    by_language: tuple[tuple[str, int], ...]
    by_kind: tuple[tuple[str, int], ...]
    helpful: int
    not_helpful: int
    weekly: tuple[Week, ...]

    @property
    def feedback_ratio(self) -> float | None:
        """Share of 👍 among votes; None when nobody has voted."""
        votes = self.helpful + self.not_helpful
        return self.helpful / votes if votes else None

    @property
    def unanswered_count(self) -> int:
        counts = dict(self.by_kind)
        return sum(counts.get(kind, 0) for kind in UNANSWERED_KINDS)


def _as_stored(key: str) -> str:
    return key


@dataclass(frozen=True, slots=True)
class Labels:
    """How stored keys are shown: a topic id as its service's name, a municipality id as its name, in the staff's
    language (`labels_for`); by default as stored."""

    topic: Callable[[str], str] = _as_stored
    municipality: Callable[[str], str] = _as_stored


def topic_name(kb: KnowledgeBase, key: str, language: str) -> str:
    """A topic id (a service id) as the service's name in services.yaml; an id it does not know as it is."""
    service = kb.services.get(key)
    return service.name.get(language) if service else key


def municipality_name(kb: KnowledgeBase, key: str, language: str) -> str:
    municipality = kb.municipalities.get(key)
    return municipality.display_name(language) if municipality else key


def labels_for(kb: KnowledgeBase, language: str) -> Labels:
    """Names from the knowledge base in `language`; "(unknown)" as the staff texts say it."""
    unknown = kb.text("stats_unknown", language)
    return Labels(topic=lambda key: unknown if key == UNKNOWN else topic_name(kb, key, language),
                  municipality=lambda key: unknown if key == UNKNOWN else municipality_name(kb, key, language))


#: the answer kinds that answered nothing (bot.answer), in a fixed order, and the SQL test for them
_UNANSWERED = tuple(sorted(UNANSWERED_KINDS))
_IS_UNANSWERED = f"kind IN ({', '.join('?' for _ in _UNANSWERED)})"


def _comparable(text: str) -> str:
    """Stemmed words, so that "asumistuki" and "asumistukea" compare equal."""
    return " ".join(stem_fi(token) for token in phrase_tokens(text)) or utils.default_process(text)


def _similar(a: str, b: str, similarity: int) -> bool:
    # token_set_ratio scores 100 when one side's words are a subset of the other's: a lone word
    # ("apua") would swallow every question containing it, so one-word questions need a plain match.
    if " " not in a or " " not in b:
        return fuzz.ratio(a, b) >= similarity
    return fuzz.token_set_ratio(a, b) >= similarity


def cluster_questions(texts: Counter[str], similarity: int = SIMILARITY) -> list[Cluster]:
    """Group similar questions greedily, most frequent first; biggest clusters first."""
    groups: list[tuple[str, str, list[tuple[str, int]]]] = []  # (comparable example, example, members)
    for text, count in texts.most_common(MAX_DISTINCT_TEXTS):
        processed = _comparable(text)
        for key, _, members in groups:
            if _similar(processed, key, similarity):
                members.append((text, count))
                break
        else:
            groups.append((processed, text, [(text, count)]))
    clusters = [Cluster(example, sum(n for _, n in members), tuple(t for t, _ in members))
                for _, example, members in groups]
    return sorted(clusters, key=lambda c: (-c.count, c.example))


def _counts(db: Database, column: str, where: str, params: list[object]) -> tuple[tuple[str, int], ...]:
    rows = db.execute(f"SELECT [{column}], count(*) AS n FROM [{ANSWERS}] WHERE {where} "
                      f"GROUP BY [{column}] ORDER BY n DESC, [{column}]", params).fetchall()
    return tuple((value or UNKNOWN, n) for value, n in rows)


def _texts(db: Database, where: str, params: list[object]) -> Counter[str]:
    rows = db.execute(f"SELECT text FROM [{ANSWERS}] WHERE text IS NOT NULL AND text != '' AND {where}",
                      params).fetchall()
    return Counter(" ".join(text.split()) for (text,) in rows)


def _weeks(days: list[tuple[str, int, int]], since: date | None) -> tuple[Week, ...]:
    if not days:
        return ()
    totals: dict[tuple[int, int], list[int]] = {}
    for day, answers, unanswered in days:
        year, week, _ = date.fromisoformat(day).isocalendar()
        bucket = totals.setdefault((year, week), [0, 0])
        bucket[0] += answers
        bucket[1] += unanswered
    first = since or date.fromisoformat(days[0][0])
    last = date.fromisoformat(days[-1][0])
    monday = first - timedelta(days=first.weekday())
    out = []
    while monday <= last:
        year, week, _ = monday.isocalendar()
        answers, unanswered = totals.get((year, week), (0, 0))
        out.append(Week(f"{year}-W{week:02d}", answers, unanswered))
        monday += timedelta(weeks=1)
    return tuple(out)


def build_report(db: Database | str | Path, since: date | None = None) -> Report:
    """Read the analytics tables (from `since`, a UTC date, on) into a Report."""
    database = open_database(db)
    if not database[ANSWERS].exists():
        return Report(since, 0, (), (), (), (), (), (), 0, 0, ())
    where, params = ("hour >= ?", [since.isoformat()]) if since else ("1 = 1", [])
    answers = database.execute(f"SELECT count(*) FROM [{ANSWERS}] WHERE {where}", params).fetchone()[0]
    unanswered = cluster_questions(_texts(database, f"{_IS_UNANSWERED} AND {where}", [*_UNANSWERED, *params]))
    uncertain = cluster_questions(_texts(database, f"NOT {_IS_UNANSWERED} AND {where}", [*_UNANSWERED, *params]))
    helpful = not_helpful = 0
    if database[FEEDBACK].exists():
        for vote, n in database.execute(f"SELECT helpful, count(*) FROM [{FEEDBACK}] WHERE {where} "
                                        "GROUP BY helpful", params):
            helpful, not_helpful = (helpful + n, not_helpful) if vote else (helpful, not_helpful + n)
    days = database.execute(
        f"SELECT substr(hour, 1, 10) AS day, count(*), sum({_IS_UNANSWERED}) FROM [{ANSWERS}] WHERE {where} "
        "GROUP BY day ORDER BY day", [*_UNANSWERED, *params]).fetchall()
    return Report(
        since=since,
        answers=answers,
        unanswered=tuple(unanswered[:MAX_CLUSTERS]),
        uncertain=tuple(uncertain[:MAX_CLUSTERS]),
        by_municipality=_counts(database, "municipality", where, params),
        by_topic=_counts(database, "topic", where, params),
        by_language=_counts(database, "language", where, params),
        by_kind=_counts(database, "kind", where, params),
        helpful=helpful,
        not_helpful=not_helpful,
        weekly=_weeks(days, since),
    )


@dataclass(frozen=True, slots=True)
class TopicVotes:
    topic: str
    helpful: int
    not_helpful: int

    @property
    def votes(self) -> int:
        return self.helpful + self.not_helpful


def worst_rated_topics(db: Database | str | Path, since: date | None = None, limit: int = 5) -> tuple[TopicVotes, ...]:
    """Topics with 👎 votes, the largest share of 👎 first (then the most 👎): what to fix first."""
    database = open_database(db)
    if not (database[ANSWERS].exists() and database[FEEDBACK].exists()):
        return ()
    where, params = ("f.hour >= ?", [since.isoformat()]) if since else ("1 = 1", [])
    rows = database.execute(
        f"SELECT a.topic, sum(f.helpful), sum(1 - f.helpful) FROM [{FEEDBACK}] f "
        f"JOIN [{ANSWERS}] a ON a.id = f.answer_id WHERE {where} GROUP BY a.topic", params).fetchall()
    topics = [TopicVotes(topic or UNKNOWN, helpful, not_helpful) for topic, helpful, not_helpful in rows if not_helpful]
    topics.sort(key=lambda t: (-t.not_helpful / t.votes, -t.not_helpful, t.topic))
    return tuple(topics[:limit])


def _ratio(report: Report) -> str:
    ratio = report.feedback_ratio
    if ratio is None:
        return "no feedback yet"
    return f"{ratio:.0%} helpful ({report.helpful} 👍, {report.not_helpful} 👎)"


def _period(report: Report) -> str:
    return f"since {report.since.isoformat()}" if report.since else "all recorded time"


def render_text(report: Report, labels: Labels = Labels()) -> str:  # noqa: B008 - an immutable default
    """The report for a terminal; topics and municipalities named by `labels`."""
    lines = [f"TyöNavi report, {_period(report)}: {report.answers} answers, "
             f"{report.unanswered_count} unanswered. Feedback: {_ratio(report)}.", ""]

    def clusters(title: str, items: tuple[Cluster, ...]) -> None:
        lines.append(title)
        if not items:
            lines.append("  (none)")
        for c in items:
            more = f" (+{len(c.variants) - 1} similar)" if len(c.variants) > 1 else ""
            lines.append(f"  {c.count:5d}  {c.example}{more}")
        lines.append("")

    def counts(title: str, items: tuple[tuple[str, int], ...], name_of: Callable[[str], str] = _as_stored) -> None:
        lines.append(title)
        lines.extend(f"  {n:5d}  {name_of(key)}" for key, n in items)
        if not items:
            lines.append("  (none)")
        lines.append("")

    clusters("Most frequent unanswered questions:", report.unanswered)
    clusters(f"Unsure answers (asked which municipality, or confidence below {LOW_CONFIDENCE}):", report.uncertain)
    counts("Answers per municipality:", report.by_municipality, labels.municipality)
    counts("Answers per topic:", report.by_topic, labels.topic)
    counts("Answers per language:", report.by_language)
    lines.append("Weekly trend (answers / unanswered):")
    lines.extend(f"  {w.week}  {w.answers:5d} / {w.unanswered}" for w in report.weekly)
    if not report.weekly:
        lines.append("  (none)")
    return "\n".join(lines).rstrip() + "\n"


def trend_svg(weeks: tuple[Week, ...], width: int = 720, height: int = 240) -> str:
    """A bar chart of answers per week, unanswered in a darker part of each bar; inline SVG."""
    esc = html.escape
    left, bottom, top = 40, 40, 10
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max((w.answers for w in weeks), default=0) or 1
    step = plot_w / max(len(weeks), 1)
    bar = max(step * 0.7, 1.0)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-labelledby="trend-title" class="chart">',
             '<title id="trend-title">Answers per week; the darker part is unanswered questions</title>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="#555"/>',
             f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" class="label">{peak}</text>',
             f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" class="label">0</text>']
    label_every = max(1, len(weeks) // 12)
    for i, w in enumerate(weeks):
        x = left + i * step + (step - bar) / 2
        total_h = plot_h * w.answers / peak
        miss_h = plot_h * w.unanswered / peak
        parts.append(f'<g><title>{esc(w.week)}: {w.answers} answers, {w.unanswered} unanswered</title>'
                     f'<rect x="{x:.1f}" y="{top + plot_h - total_h:.1f}" width="{bar:.1f}" '
                     f'height="{total_h:.1f}" class="answered" fill="{ANSWERED_COLOUR}"/>'
                     f'<rect x="{x:.1f}" y="{top + plot_h - miss_h:.1f}" width="{bar:.1f}" '
                     f'height="{miss_h:.1f}" class="unanswered" fill="{UNANSWERED_COLOUR}"/></g>')
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
                         f'class="label">{esc(w.week[5:])}</text>')
    parts.append("</svg>")
    return "".join(parts)


_CSS = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
table { border-collapse: collapse; margin-bottom: 1.5rem; }
th, td { text-align: left; padding: .25rem .75rem; border-bottom: 1px solid #ddd; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.chart { width: 100%; height: auto; max-width: 720px; }
.chart .label { font-size: 11px; fill: #333; }
.legend span { display: inline-block; width: .8em; height: .8em; margin: 0 .3em 0 1em; }
.variants { color: #555; font-size: .9em; }
"""


def render_html(report: Report, labels: Labels = Labels()) -> str:  # noqa: B008 - an immutable default
    """A self-contained HTML page (no scripts, no external files) with the weekly trend as SVG; topics and
    municipalities named by `labels`."""
    esc = html.escape

    def count_table(caption: str, items: tuple[tuple[str, int], ...],
                    name_of: Callable[[str], str] = _as_stored) -> str:
        rows = "".join(f"<tr><td>{esc(name_of(key))}</td><td class=\"n\">{n}</td></tr>" for key, n in items)
        return (f"<table><caption>{esc(caption)}</caption><thead><tr><th scope=\"col\">Name</th>"
                f"<th scope=\"col\">Answers</th></tr></thead><tbody>{rows or '<tr><td colspan=2>(none)</td></tr>'}"
                "</tbody></table>")

    def cluster_table(items: tuple[Cluster, ...]) -> str:
        if not items:
            return "<p>(none)</p>"
        rows = []
        for c in items:
            others = ", ".join(c.variants[1:6]) + (" …" if len(c.variants) > 6 else "")
            similar = f'<div class="variants">Similar: {esc(others)}</div>' if others else ""
            rows.append(f"<tr><td class=\"n\">{c.count}</td><td>{esc(c.example)}{similar}</td></tr>")
        return ("<table><thead><tr><th scope=\"col\">Times</th><th scope=\"col\">Question (redacted)</th></tr>"
                f"</thead><tbody>{''.join(rows)}</tbody></table>")

    weekly_rows = "".join(f"<tr><td>{esc(w.week)}</td><td class=\"n\">{w.answers}</td>"
                          f"<td class=\"n\">{w.unanswered}</td></tr>" for w in report.weekly)
    chart = trend_svg(report.weekly) if report.weekly else "<p>No answers recorded yet.</p>"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TyöNavi report</title>
<style>{_CSS}</style>
</head>
<body>
<main>
<h1>TyöNavi report</h1>
<p>{esc(_period(report).capitalize())}: <strong>{report.answers}</strong> answers,
<strong>{report.unanswered_count}</strong> unanswered. Feedback: {esc(_ratio(report))}.</p>
<h2>Weekly trend</h2>
<p class="legend" aria-hidden="true"><span style="background:{ANSWERED_COLOUR}"></span>answers
<span style="background:{UNANSWERED_COLOUR}"></span>unanswered</p>
{chart}
<details><summary>The same as a table</summary>
<table><thead><tr><th scope="col">Week</th><th scope="col">Answers</th><th scope="col">Unanswered</th></tr></thead>
<tbody>{weekly_rows}</tbody></table></details>
<h2>Most frequent unanswered questions</h2>
<p>Teach the bot these: add the words people used to <code>knowledge/phrasings.yaml</code>.</p>
{cluster_table(report.unanswered)}
<h2>Unsure answers</h2>
<p>The bot had to ask for the municipality, or was less than {LOW_CONFIDENCE:.0%} sure.</p>
{cluster_table(report.uncertain)}
<h2>Answers</h2>
{count_table("Per municipality", report.by_municipality, labels.municipality)}
{count_table("Per topic", report.by_topic, labels.topic)}
{count_table("Per language", report.by_language)}
</main>
</body>
</html>
"""
