"""`tyonavi eval`: accuracy per category on realistic questions with the expected routing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.answer import Answer, Context
from bot.engine import Engine

DEFAULT_QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "eval" / "questions.yaml"


@dataclass
class Failure:
    question: str
    category: str
    problems: list[str]


@dataclass
class Report:
    totals: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failures: list[Failure] = field(default_factory=list)

    def accuracy(self, category: str) -> float:
        return self.correct[category] / self.totals[category] if self.totals[category] else 1.0

    def passed(self, minimum: float) -> bool:
        return all(self.accuracy(c) >= minimum for c in self.totals)


def check(answer: Answer, expect: dict[str, Any]) -> list[str]:
    """What differs between an answer and the expectation (only the keys the item gives)."""
    problems = []
    first = answer.service_points[0].id if answer.service_points else None
    actual = {
        "language": answer.language,
        "municipality": answer.municipality,
        "topic": answer.topic,
        "needs_clarification": answer.needs_clarification,
        "out_of_area": answer.out_of_area,
        "service_point": first,
    }
    for key, wanted in expect.items():
        if key == "audience":
            missing = set(wanted) - set(answer.audience)
            if missing:
                problems.append(f"audience lacks {sorted(missing)} (got {list(answer.audience)})")
        elif key in actual and actual[key] != wanted:
            problems.append(f"{key}: expected {wanted!r}, got {actual[key]!r}")
    return problems


def load_questions(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or []


def evaluate(engine: Engine, path: Path = DEFAULT_QUESTIONS) -> Report:
    report = Report()
    for item in load_questions(path):
        category = item["category"]
        context = Context(**(item.get("context") or {}))
        problems = check(engine.answer(str(item["q"]), context), item["expect"])
        report.totals[category] += 1
        if problems:
            report.failures.append(Failure(str(item["q"]), category, problems))
        else:
            report.correct[category] += 1
    return report


def format_report(report: Report, show_failures: bool = False) -> str:
    lines = [f"{'category':<20} {'correct':>8} {'total':>6} {'accuracy':>9}"]
    for category in sorted(report.totals):
        lines.append(f"{category:<20} {report.correct[category]:>8} {report.totals[category]:>6} "
                     f"{report.accuracy(category):>8.1%}")
    total = sum(report.totals.values())
    correct = sum(report.correct.values())
    lines.append(f"{'all':<20} {correct:>8} {total:>6} {correct / total if total else 1:>8.1%}")
    if show_failures:
        for failure in report.failures:
            lines.append(f"FAIL [{failure.category}] {failure.question!r}: {'; '.join(failure.problems)}")
    return "\n".join(lines)
