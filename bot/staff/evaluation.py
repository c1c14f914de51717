"""`tyonavi eval`: accuracy per category on realistic questions with the expected routing.

Besides right/wrong it tells *how* an item went wrong, because the two failures are not alike: a
clarifying question where an answer was expected costs the person one tap ("asked instead"), while a
wrong route answer the bot was sure of sends them to the wrong office and never reaches staff
("confidently wrong"). The confusion tables show which readings are mistaken for which.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.answer import (
    CLARIFY,
    LOW_CONFIDENCE,
    OTHER_ORGANISATION,
    OUT_OF_AREA,
    ROUTE,
    UNANSWERED_KINDS,
    Answer,
    Context,
)
from bot.engine import Engine

DEFAULT_QUESTIONS = Path(__file__).resolve().parents[2] / "tests" / "eval" / "questions.yaml"
#: Dimensions shown in the confusion tables (expected vs got).
CONFUSION_KEYS = ("topic", "audience", "municipality", "organisation", "kind")
#: Confidence bands of the reliability table: an answer this sure must be right this often (issue 15).
BANDS = ((0.9, 1.01, 0.97), (LOW_CONFIDENCE, 0.9, 0.80), (0.0, LOW_CONFIDENCE, None))
#: The kinds that answer nothing (`out_of_scope` in an item also accepts a fallback: both are honest,
#: give no point and reach staff).
_UNANSWERED_NAME = "out_of_scope"
RIGHT, ASKED_INSTEAD, CONFIDENTLY_WRONG, UNSURE_WRONG, OTHER_WRONG = (
    "right", "asked_instead", "confidently_wrong", "unsure_wrong", "other_wrong")


@dataclass
class Failure:
    question: str
    category: str
    problems: list[str]
    outcome: str = OTHER_WRONG


@dataclass
class Report:
    totals: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failures: list[Failure] = field(default_factory=list)
    outcomes: Counter = field(default_factory=Counter)
    #: (dimension, expected, got) -> count, over every item that states the dimension
    confusion: Counter = field(default_factory=Counter)
    #: band index -> [items, right]
    bands: dict[int, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    def accuracy(self, category: str) -> float:
        return self.correct[category] / self.totals[category] if self.totals[category] else 1.0

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    @property
    def overall(self) -> float:
        return sum(self.correct.values()) / self.total if self.total else 1.0

    def rate(self, outcome: str) -> float:
        return self.outcomes[outcome] / self.total if self.total else 0.0

    def passed(self, minimum: float) -> bool:
        return all(self.accuracy(c) >= minimum for c in self.totals)


def band_of(confidence: float) -> int:
    return next(i for i, (low, high, _) in enumerate(BANDS) if low <= confidence < high)


def _actual(answer: Answer) -> dict[str, Any]:
    return {
        "language": answer.language,
        "municipality": answer.municipality,
        "topic": answer.topic,
        "needs_clarification": answer.needs_clarification,
        "out_of_area": answer.out_of_area,
        "service_point": answer.service_points[0].id if answer.service_points else None,
        "kind": _UNANSWERED_NAME if answer.kind in UNANSWERED_KINDS else answer.kind,
        "employment_area": _area_name(answer),
    }


def _area_matches(answer: Answer, wanted: str | None) -> bool:
    """An item names an area as the data file does ("Oulun työllisyysalue"; a city that runs its services alone
    by the city's name, "Helsinki"): the area's Finnish name, its id, or its one member all count."""
    area = answer.employment_area
    if area is None or wanted is None:
        return area is None and wanted is None
    wanted = _bare(wanted).casefold()
    names = {_bare(area.name.fi).casefold(), area.id.casefold()}
    if len(area.members) == 1:
        names.add(area.members[0].casefold())
    return wanted in names


def _area_name(answer: Answer) -> str | None:
    """The Finnish name of the employment area named, without a parenthesis ("Helsinki (järjestää yksin)")."""
    return _bare(answer.employment_area.name.fi) if answer.employment_area else None


def _bare(name: str) -> str:
    """An area's name without its parenthesis: "Helsinki (järjestää yksin)" is "Helsinki"."""
    return name.split(" (")[0].strip()


def check(answer: Answer, expect: dict[str, Any]) -> list[str]:
    """What differs between an answer and the expectation (only the keys the item gives)."""
    problems = []
    actual = _actual(answer)
    for key, wanted in expect.items():
        if key == "audience":
            missing = set(wanted) - set(answer.audience)
            if missing:
                problems.append(f"audience lacks {sorted(missing)} (got {list(answer.audience)})")
        elif key == "employment_area":
            if not _area_matches(answer, wanted):
                problems.append(f"employment_area: expected {wanted!r}, got {actual['employment_area']!r}")
        elif key == "organisation":
            named = [o.id for o in answer.organisations]
            if (wanted is None and named) or (wanted is not None and wanted not in named):
                problems.append(f"organisation: expected {wanted!r}, got {named}")
        elif key in actual and actual[key] != wanted:
            problems.append(f"{key}: expected {wanted!r}, got {actual[key]!r}")
    return problems


def outcome(answer: Answer, expect: dict[str, Any], problems: list[str]) -> str:
    """How an item went: right, a question asked instead of an answer, or a wrong answer (sure or not)."""
    if not problems:
        return RIGHT
    if answer.needs_clarification and not expect.get("needs_clarification", False):
        return ASKED_INSTEAD
    if answer.kind in (ROUTE, OUT_OF_AREA, OTHER_ORGANISATION, CLARIFY):
        return CONFIDENTLY_WRONG if answer.confidence >= LOW_CONFIDENCE else UNSURE_WRONG
    return OTHER_WRONG


def _confusions(answer: Answer, expect: dict[str, Any]) -> list[tuple[str, str, str]]:
    actual = _actual(answer)
    actual["organisation"] = answer.organisations[0].id if answer.organisations else None
    rows = []
    for key in CONFUSION_KEYS:
        if key not in expect:
            continue
        if key == "audience":  # presence is what the item asks for: one row per audience it names
            rows += [(key, a, a if a in answer.audience else "-") for a in expect[key]]
        else:
            rows.append((key, str(expect[key]), str(actual[key])))
    return rows


def load_questions(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or []


def evaluate(engine: Engine, path: Path = DEFAULT_QUESTIONS) -> Report:
    report = Report()
    for item in load_questions(path):
        category = item["category"]
        context = Context(**(item.get("context") or {}))
        expect = item["expect"]
        answer = engine.answer(str(item["q"]), context)
        problems = check(answer, expect)
        result = outcome(answer, expect, problems)
        report.totals[category] += 1
        report.outcomes[result] += 1
        report.confusion.update(_confusions(answer, expect))
        band = report.bands[band_of(answer.confidence)]
        band[0] += 1
        band[1] += result == RIGHT
        if problems:
            report.failures.append(Failure(str(item["q"]), category, problems, result))
        else:
            report.correct[category] += 1
    return report


def format_confusion(report: Report, limit: int = 12) -> list[str]:
    """Per dimension: how many items were right, then the most frequent (expected → got) mix-ups."""
    lines = []
    for key in CONFUSION_KEYS:
        rows = {(w, g): n for (k, w, g), n in report.confusion.items() if k == key}
        if not rows:
            continue
        right = sum(n for (w, g), n in rows.items() if w == g)
        lines.append(f"confusion: {key} ({right}/{sum(rows.values())} as expected)")
        mixed = sorted(((n, w, g) for (w, g), n in rows.items() if w != g), reverse=True)
        for n, wanted, got in mixed[:limit]:
            lines.append(f"  expected {wanted:<24} got {got:<24} {n:>4}")
        if len(mixed) > limit:
            lines.append(f"  … {len(mixed) - limit} more pairs")
    return lines


def format_reliability(report: Report) -> list[str]:
    """Confidence band -> answers -> share right, against what each band promises."""
    lines = [f"reliability {'band':<11} {'answers':>8} {'right':>7} {'share':>7}  target"]
    for i, (low, high, target) in enumerate(BANDS):
        total, right = report.bands[i]
        share = f"{right / total:.1%}" if total else "-"
        label = f"{low:.1f}-{min(high, 1.0):.1f}"
        aim = f"≥ {target:.0%}" + ("" if not total or right >= target * total else "  MISSED") if target else \
            "(staff see these)"
        lines.append(f"{'':<11} {label:<11} {total:>8} {right:>7} {share:>7}  {aim}")
    return lines


def format_report(report: Report, show_failures: bool = False) -> str:
    lines = [f"{'category':<20} {'correct':>8} {'total':>6} {'accuracy':>9}"]
    for category in sorted(report.totals):
        lines.append(f"{category:<20} {report.correct[category]:>8} {report.totals[category]:>6} "
                     f"{report.accuracy(category):>8.1%}")
    correct = sum(report.correct.values())
    lines.append(f"{'all':<20} {correct:>8} {report.total:>6} {report.overall:>8.1%}")
    lines.append("")
    lines.append(f"confidently wrong: {report.outcomes[CONFIDENTLY_WRONG]} ({report.rate(CONFIDENTLY_WRONG):.1%})"
                 f"  — a route answer that is wrong, confidence ≥ {LOW_CONFIDENCE}")
    lines.append(f"unsure wrong:      {report.outcomes[UNSURE_WRONG]} ({report.rate(UNSURE_WRONG):.1%})"
                 f"  — wrong, but below {LOW_CONFIDENCE}: kept for staff")
    lines.append(f"asked instead:     {report.outcomes[ASKED_INSTEAD]} ({report.rate(ASKED_INSTEAD):.1%})"
                 "  — a clarifying question where an answer was expected")
    lines.append(f"other wrong:       {report.outcomes[OTHER_WRONG]} ({report.rate(OTHER_WRONG):.1%})"
                 "  — fallback or small talk, or a question not asked when it should have been")
    lines.append("")
    lines.extend(format_reliability(report))
    lines.append("")
    lines.extend(format_confusion(report))
    if show_failures:
        lines.append("")
        for failure in report.failures:
            lines.append(f"FAIL [{failure.category}] ({failure.outcome}) {failure.question!r}: "
                         f"{'; '.join(failure.problems)}")
    return "\n".join(lines)
