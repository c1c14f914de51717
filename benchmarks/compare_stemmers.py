"""Compare Finnish stemmers/lemmatisers on the evaluation set: accuracy and cost per word.

Run by hand: `python benchmarks/compare_stemmers.py`. The engine folds text (ä→a) before
stemming so that "ristijarvella" and "Ristijärvellä" meet; each candidate is given the folded
token, as the engine would give it. Candidates that are not installed are skipped.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import bot.engine.message as message_module
import bot.engine.phrases as phrases_module
import bot.engine.places as places_module
from bot import SHIPPED_KNOWLEDGE
from bot.engine import Engine
from bot.kb import load_knowledge_base
from bot.staff.evaluation import DEFAULT_QUESTIONS, evaluate


def candidates() -> dict[str, Callable[[str], str]]:
    found: dict[str, Callable[[str], str]] = {"none (exact words only)": lambda word: word}
    import Stemmer

    snowball = Stemmer.Stemmer("finnish")
    found["Snowball / PyStemmer"] = snowball.stemWord
    try:
        import simplemma

        found["simplemma"] = lambda word: simplemma.lemmatize(word, lang="fi").lower()
    except ImportError:
        pass
    try:
        import libvoikko

        voikko = libvoikko.Voikko("fi")

        def voikko_lemma(word: str) -> str:
            analyses = voikko.analyze(word)
            return analyses[0]["BASEFORM"].lower() if analyses else word

        found["Voikko"] = voikko_lemma
    except Exception:  # noqa: BLE001 - the C library or dictionary may be missing
        pass
    return found


def use(stem: Callable[[str], str]) -> None:
    """Point every module that stems Finnish at this candidate."""
    for module in (message_module, phrases_module, places_module):
        module.stem_fi = stem  # type: ignore[attr-defined]


def main() -> None:
    kb = load_knowledge_base(SHIPPED_KNOWLEDGE)
    words = ["puolangalla", "kajaanissa", "starttirahaa", "palkkatuesta", "tyonantajana", "hyrynsalmelle"] * 2000
    holdout = DEFAULT_QUESTIONS.parent / "holdout.yaml"
    print(f"{'candidate':<26} {'accuracy':>9} {'held out':>9} {'worst category':>28} {'µs/word':>8}")
    for name, stem in candidates().items():
        use(stem)
        engine = Engine(kb)
        report = evaluate(engine)
        total = sum(report.totals.values())
        accuracy = sum(report.correct.values()) / total
        held = evaluate(engine, holdout)
        held_accuracy = sum(held.correct.values()) / sum(held.totals.values())
        worst = min(report.totals, key=report.accuracy)
        start = time.perf_counter()
        for word in words:
            stem(word)
        per_word = (time.perf_counter() - start) / len(words) * 1e6
        print(f"{name:<26} {accuracy:>8.1%} {held_accuracy:>8.1%} {worst + f' {report.accuracy(worst):.0%}':>28} "
              f"{per_word:>8.2f}")


if __name__ == "__main__":
    main()
