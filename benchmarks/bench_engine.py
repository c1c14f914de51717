"""TyöNavi engine benchmark: KB load, engine build, memory, answer latency, naive fuzzy baseline.

Run by hand (not a test):

    python benchmarks/bench_engine.py            # full run, a few minutes
    python benchmarks/bench_engine.py --quick    # fewer runs and calls, ~1 minute
    python benchmarks/bench_engine.py --profile  # also print cProfile top entries (load + answers)

Measures the shipped knowledge/ and a generated national-scale KB (benchmarks/generate_national_kb.py),
pinned to one CPU core, prints PASS/FAIL per target and a Markdown table, and writes the table to
benchmarks/results.md (raw numbers as JSON to benchmarks/results/, which git ignores).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import yaml  # noqa: E402
from generate_national_kb import GeneratedKB, elative, fold, generate_national_kb, locative  # noqa: E402
from rapidfuzz import fuzz, process, utils  # noqa: E402

from bot.answer import Context  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.kb import load_knowledge_base  # noqa: E402
from bot.kb.model import KnowledgeBase  # noqa: E402

SHIPPED = ROOT / "knowledge"
QUESTIONS = ROOT / "tests" / "eval" / "questions.yaml"
TARGETS = {  # (kb, metric) -> limit; latency as issue 15 sets it (it tightened the first limits, 2 and 10 ms)
    ("shipped", "p99_ms"): 1.0,
    ("national", "p99_ms"): 5.0,
    ("shipped", "load_s"): 0.5,
    ("national", "load_s"): 3.0,
}


# ---------------------------------------------------------------------------------------------
# Environment
# ---------------------------------------------------------------------------------------------
def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        try:
            cpu = min(os.sched_getaffinity(0))
            os.sched_setaffinity(0, {cpu})
            return f"pinned to CPU {cpu} with os.sched_setaffinity"
        except OSError as exc:
            return f"NOT pinned (sched_setaffinity failed: {exc})"
    return "NOT pinned (os.sched_setaffinity unavailable on this platform)"


def _proc_status(field: str) -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return -1


def rss_kib() -> int:
    """Current resident set size in KiB (Linux /proc VmRSS), or -1."""
    return _proc_status("VmRSS")


def peak_rss_kib() -> tuple[int, str]:
    """Peak RSS in KiB and where it came from. VmHWM is preferred: ru_maxrss of a child started
    by subprocess also counts the parent's RSS at fork time, which would swamp the shipped KB."""
    hwm = _proc_status("VmHWM")
    if hwm >= 0:
        return hwm, "VmHWM"
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (peak // 1024 if sys.platform == "darwin" else peak), "ru_maxrss"  # macOS reports bytes


def memory_child(directory: str, use_tracemalloc: bool) -> dict[str, Any]:
    """Run in a fresh process: memory of loading one KB and building its engine."""
    gc.collect()
    if use_tracemalloc:
        import tracemalloc

        tracemalloc.start()
        kb = load_knowledge_base(directory)
        after_kb, peak_kb = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        engine = Engine(kb)
        after_engine, peak_engine = tracemalloc.get_traced_memory()
        del engine
        return {"kb_retained_kib": after_kb // 1024, "kb_peak_kib": peak_kb // 1024,
                "engine_retained_kib": (after_engine - after_kb) // 1024, "engine_peak_kib": peak_engine // 1024}
    base, (base_peak, _) = rss_kib(), peak_rss_kib()
    kb = load_knowledge_base(directory)
    gc.collect()
    after_kb = rss_kib()
    engine = Engine(kb)
    gc.collect()
    after_engine = rss_kib()
    engine.answer("asun kajaanissa, mihin menen", Context())
    peak, source = peak_rss_kib()
    return {"rss_base_kib": base, "rss_kb_kib": after_kb - base, "rss_engine_kib": after_engine - after_kb,
            "rss_total_kib": after_engine, "peak_rss_kib": peak, "peak_source": source,
            "peak_before_kib": base_peak}


def measure_memory(directory: Path, use_tracemalloc: bool) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_memory-child", str(directory)]
    if use_tracemalloc:
        cmd.append("--_tracemalloc")
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Question:
    text: str
    context: Context
    expect_municipality: str | None = None  # generated questions: the municipality the text names


def shipped_questions() -> list[Question]:
    items = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    return [Question(str(i["q"]), Context(**(i.get("context") or {}))) for i in items]


def _typo(rng: random.Random, word: str) -> str:
    """One keyboard slip, never in the first letter (people rarely get that wrong)."""
    if len(word) < 6:
        return word
    i = rng.randrange(2, len(word) - 1)
    kind = rng.choice(["drop", "swap", "double", "replace"])
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiouklmnrst") + word[i + 1:]


def national_questions(gen: GeneratedKB, count: int, seed: int) -> list[Question]:
    """A realistic mix naming generated municipalities/villages (inflected, typos), topics and nonsense."""
    rng = random.Random(seed)
    muns = gen.municipalities
    gen_topics = [t for t in gen.topic_phrases if t.startswith("gen_")]
    shipped_topics = [t for t in gen.topic_phrases if not t.startswith("gen_")]

    def case_form(genitive: str, case: str) -> str:
        # +ssa/+lla on the genitive stem; half the time the other ending than the KB's own form
        if rng.random() < 0.5:
            front = "ä" in case
            case = rng.choice(["ssä", "llä"] if front else ["ssa", "lla"])
        return locative(genitive, case)

    def dress(place: str) -> str:
        r = rng.random()
        if r < 0.25:
            place = _typo(rng, place)
        if rng.random() < 0.6:
            place = place.lower()
        if rng.random() < 0.2:
            place = fold(place)  # no umlauts on the keyboard
        return place

    def phrase(topics: list[str], lang: str) -> str:
        tid = rng.choice(topics)
        options = gen.topic_phrases[tid][lang] or gen.topic_phrases[tid]["fi"]
        return rng.choice(options)

    def nonsense() -> str:
        syll = ["ka", "lo", "pu", "mi", "sä", "te", "ro", "vi", "hy", "nö", "ju", "ta"]
        words = ["".join(rng.choice(syll) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(1, 6))]
        fixed = ["asdfgh", "mikä on pizzan hinta", "lol", "???", "testi testi", "qwerty uiop",
                 "paljonko kello on", "what is the weather like", "sää huomenna"]
        return rng.choice([" ".join(words), rng.choice(fixed), " ".join(words) + " " + rng.choice(fixed)])

    out: list[Question] = []
    for _ in range(count):
        m = rng.choice(muns)
        v = rng.choice(m.villages)
        r = rng.random()
        ctx = Context()
        expect: str | None = m.id
        if r < 0.22:  # municipality, Finnish
            loc = dress(case_form(m.genitive, m.case))
            text = rng.choice([
                f"asun {loc}, mihin meen ilmottautuun työttömäks",
                f"{phrase(shipped_topics, 'fi')} {loc}",
                f"missä on työvoimatoimisto {loc}",
                f"olen 22 ja asun {loc}, tarviin apua työnhakuun",
                f"{loc} asuva, {phrase(gen_topics, 'fi')}",
                f"{dress(m.name)} {phrase(shipped_topics, 'fi')}",
            ])
        elif r < 0.40:  # village
            loc = dress(case_form(v.genitive, v.case))
            text = rng.choice([
                f"asun {loc} ja haluan {phrase(gen_topics, 'fi')}",
                f"{phrase(shipped_topics, 'fi')}, asun {loc}",
                f"mihin otan yhteyttä kun asun {loc}",
                f"{dress(v.name)} {phrase(gen_topics, 'fi')}",
            ])
        elif r < 0.48:  # postal code
            code = rng.choice(m.postal_codes)
            text = rng.choice([f"{code} {phrase(shipped_topics, 'fi')}", f"postinumero {code}, mihin menen",
                               f"my postal code is {code}, where is the office"])
        elif r < 0.60:  # generated topic with place
            text = f"{phrase(gen_topics, 'fi')} {dress(case_form(m.genitive, m.case))}"
        elif r < 0.72:  # English
            text = rng.choice([
                f"i live in {dress(m.name)}, where is the employment office",
                f"{phrase(shipped_topics, 'en')} in {dress(m.name)}",
                f"how do i get {phrase(gen_topics, 'en')} in {dress(v.name)}",
                f"I'm from {dress(v.name)} and {phrase(shipped_topics, 'en')}",
            ])
        elif r < 0.80:  # follow-up in a chat that already knows the municipality
            ctx = Context(language="fi", municipality=m.id, last_topic=rng.choice(shipped_topics))
            text = rng.choice([f"entä {dress(case_form(v.genitive, v.case))}?", phrase(gen_topics, "fi"),
                               "missä se on", f"{phrase(shipped_topics, 'fi')}?"])
        elif r < 0.85 and gen.other_municipalities:  # out of area
            name, genitive = rng.choice(gen.other_municipalities)
            text = rng.choice([f"asun {locative(genitive, 'ssa')}, {phrase(shipped_topics, 'fi')}",
                               f"i live in {name}, can you help", f"{elative(genitive, 'ssa')} töitä hakemassa"])
            expect = None
        elif r < 0.90:  # topic only (the bot asks for the municipality)
            text, expect = phrase(shipped_topics + gen_topics, rng.choice(["fi", "en"])), None
        else:  # nonsense and small talk
            text, expect = (nonsense() if rng.random() < 0.8 else rng.choice(["moi", "kiitos", "hello", "thx"])), None
        out.append(Question(text, ctx, expect))
    return out


# ---------------------------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------------------------
def best_of(runs: int, fn) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def percentile(sorted_ns: list[int], p: float) -> float:
    if not sorted_ns:
        return float("nan")
    k = min(len(sorted_ns) - 1, max(0, round(p / 100 * (len(sorted_ns) - 1))))
    return sorted_ns[k] / 1e6


def latency(fn, questions: list[Question], calls: int) -> dict[str, float]:
    """Time `calls` calls, cycling through `questions`; per-call perf_counter_ns; GC left on."""
    times: list[int] = []
    clock = time.perf_counter_ns
    started = clock()
    for n in range(calls):
        q = questions[n % len(questions)]
        t0 = clock()
        fn(q)
        times.append(clock() - t0)
    wall = (clock() - started) / 1e9
    times.sort()
    return {"calls": calls, "p50_ms": percentile(times, 50), "p99_ms": percentile(times, 99),
            "max_ms": times[-1] / 1e6, "mean_ms": statistics.fmean(times) / 1e6, "qps": calls / wall}


def baseline_choices(kb: KnowledgeBase) -> list[str]:
    """Every phrasing string plus every place name: what a naive matcher would search."""
    out: list[str] = []
    for group in (kb.phrasings.topics, kb.phrasings.audiences, kb.phrasings.smalltalk):
        for by_lang in group.values():
            for phrases in by_lang.values():
                out.extend(phrases)
    for phrases in kb.phrasings.home_cues.values():
        out.extend(phrases)
    for m in kb.municipalities.values():
        out.extend([*m.name.values(), m.genitive, *m.forms, *m.aliases])
        out.extend(v.name for v in m.villages)
    for o in kb.other_municipalities:
        out.extend(x for x in (o.name, o.genitive, o.sv, o.en, *o.forms) if x)
    return list(dict.fromkeys(out))


def profile(label: str, fn, top: int = 25) -> str:
    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    buffer = io.StringIO()
    stats = pstats.Stats(prof, stream=buffer)
    stats.sort_stats("cumulative").print_stats(top)
    buffer.write("\n-- by internal time --\n")
    stats.sort_stats("tottime").print_stats(top)
    return f"\n===== cProfile: {label} =====\n" + buffer.getvalue()


def bench_kb(name: str, directory: Path, questions: list[Question], args: argparse.Namespace) -> dict[str, Any]:
    quick = args.quick
    print(f"\n[{name}] {directory}")
    runs = 3 if quick else (5 if name == "shipped" else 4)
    load_s, kb = best_of(runs, lambda: load_knowledge_base(directory))
    build_s, engine = best_of(runs, lambda: Engine(kb))
    print(f"  load_knowledge_base best of {runs}: {load_s:.3f} s; Engine(kb): {build_s:.3f} s")
    mem = measure_memory(directory, use_tracemalloc=False)
    if not quick:
        mem.update(measure_memory(directory, use_tracemalloc=True))
    print(f"  memory: {mem}")

    def ask(q: Question) -> Any:
        return engine.answer(q.text, q.context)

    for q in questions[: min(len(questions), 500)]:  # warm-up: caches, branch paths, allocator
        ask(q)
    calls = (1500 if quick else 6000)
    engine_lat = latency(ask, questions, calls)
    print(f"  engine:   p50 {engine_lat['p50_ms']:.3f} ms  p99 {engine_lat['p99_ms']:.3f} ms  "
          f"max {engine_lat['max_ms']:.2f} ms  {engine_lat['qps']:.0f} q/s over {calls} calls")

    choices = baseline_choices(kb)

    def naive(q: Question) -> Any:
        return process.extractOne(q.text, choices, scorer=fuzz.WRatio, processor=utils.default_process)

    for q in questions[:50]:
        naive(q)
    base_calls = min(calls, 600 if quick else 3000)
    base_lat = latency(naive, questions, base_calls)
    print(f"  baseline: p50 {base_lat['p50_ms']:.3f} ms  p99 {base_lat['p99_ms']:.3f} ms  "
          f"{base_lat['qps']:.0f} q/s over {base_calls} calls, {len(choices)} choices")

    kinds: dict[str, int] = {}
    found = expected = 0
    for q in questions:
        answer = ask(q)
        kinds[answer.kind] = kinds.get(answer.kind, 0) + 1
        if q.expect_municipality:
            expected += 1
            found += answer.municipality == q.expect_municipality
    result = {
        "kb": name, "questions": len(questions), "load_s": load_s, "build_s": build_s, "memory": mem,
        "engine": engine_lat, "baseline": base_lat, "baseline_choices": len(choices),
        "answer_kinds": kinds, "municipality_recall": (found / expected) if expected else None,
        "size": {"municipalities": len(kb.municipalities),
                 "villages": sum(len(m.villages) for m in kb.municipalities.values()),
                 "service_points": len(kb.service_points), "services": len(kb.services),
                 "phrasings": sum(len(p) for g in (kb.phrasings.topics, kb.phrasings.audiences,
                                                   kb.phrasings.smalltalk)
                                  for by_lang in g.values() for p in by_lang.values())},
    }
    print(f"  answer kinds: {kinds}" + (f"; named municipality recognised in {found}/{expected}"
                                         if expected else ""))
    if args.profile:
        print(profile(f"{name}: load_knowledge_base", lambda: load_knowledge_base(directory)))
        print(profile(f"{name}: Engine(kb)", lambda: Engine(kb)))
        print(profile(f"{name}: {len(questions)} answers", lambda: [ask(q) for q in questions]))
    return result


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
def verdict(kb: str, metric: str, value: float) -> str:
    limit = TARGETS.get((kb, metric))
    if limit is None:
        return ""
    return f"{'PASS' if value <= limit else 'FAIL'} (≤ {limit:g})"


def markdown(results: list[dict[str, Any]], env: dict[str, str]) -> str:
    def mib(kib: int | None) -> str:
        return "–" if kib is None else f"{kib / 1024:.1f} MiB"

    heads = [r["kb"] for r in results]
    rows: list[tuple[str, list[str]]] = []

    def sizes(r: dict[str, Any]) -> str:
        s = r["size"]
        return (f"{s['municipalities']} mun., {s['villages']} villages, {s['service_points']} points, "
                f"{s['phrasings']} phrasings")

    rows.append(("KB size", [sizes(r) for r in results]))
    rows.append(("KB load, best of N (s)",
                 [f"{r['load_s']:.3f} {verdict(r['kb'], 'load_s', r['load_s'])}" for r in results]))
    rows.append(("Engine(kb) build (s)", [f"{r['build_s']:.3f}" for r in results]))
    rows.append(("RSS after load + build (Δ, /proc VmRSS)",
                 [f"{mib(r['memory']['rss_kb_kib'])} + {mib(r['memory']['rss_engine_kib'])}" for r in results]))
    rows.append((f"Peak RSS of a process that loads it ({results[0]['memory']['peak_source']})",
                 [f"{mib(r['memory']['peak_rss_kib'])} (imports alone: {mib(r['memory']['peak_before_kib'])})"
                  for r in results]))
    if all("kb_retained_kib" in r["memory"] for r in results):
        rows.append(("Python heap kept: KB + engine (tracemalloc)",
                     [f"{mib(r['memory']['kb_retained_kib'])} + {mib(r['memory']['engine_retained_kib'])}"
                      for r in results]))
    rows.append(("Questions (mix)", [f"{r['questions']} ({'eval set' if r['kb'] == 'shipped' else 'generated'})"
                                     for r in results]))
    rows.append(("Engine p50 (ms)", [f"{r['engine']['p50_ms']:.3f}" for r in results]))
    rows.append(("Engine p99 (ms)",
                 [f"{r['engine']['p99_ms']:.3f} {verdict(r['kb'], 'p99_ms', r['engine']['p99_ms'])}"
                  for r in results]))
    rows.append(("Engine throughput (q/s, 1 core)", [f"{r['engine']['qps']:,.0f}" for r in results]))
    rows.append(("Naive rapidfuzz WRatio p50 / p99 (ms)",
                 [f"{r['baseline']['p50_ms']:.3f} / {r['baseline']['p99_ms']:.3f} ({r['baseline_choices']} choices)"
                  for r in results]))
    rows.append(("Engine / baseline, p50 · p99",
                 [f"{r['engine']['p50_ms'] / r['baseline']['p50_ms']:.2f}× · "
                  f"{r['engine']['p99_ms'] / r['baseline']['p99_ms']:.2f}×" for r in results]))
    lines = [f"| Metric | {' | '.join(heads)} |", f"|---|{'---|' * len(heads)}"]
    lines += [f"| {label} | {' | '.join(values)} |" for label, values in rows]
    notes = (f"\n_{env['date']}, Python {env['python']}, {env['machine']}; {env['pinning']}; "
             f"{env['mode']}. Latency: per-call `time.perf_counter_ns` after a warm-up, GC on. "
             f"Memory: RSS of a fresh child process per KB (VmRSS deltas after gc, peak VmHWM)"
             f"{'; Python heap via tracemalloc in another child' if 'tracemalloc' in env['mode'] else ''}._\n")
    return "\n".join(lines) + "\n" + notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="TyöNavi engine benchmark (run by hand)")
    parser.add_argument("--quick", action="store_true", help="fewer runs and calls (~1 min)")
    parser.add_argument("--profile", action="store_true", help="print cProfile top entries per KB")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the national KB and its questions")
    parser.add_argument("--keep", action="store_true", help="keep the generated national KB directory")
    parser.add_argument("--_memory-child", dest="memory_child", help=argparse.SUPPRESS)
    parser.add_argument("--_tracemalloc", dest="tracemalloc", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    pinning = pin_to_one_core()
    if args.memory_child:
        print(json.dumps(memory_child(args.memory_child, args.tracemalloc)))
        return 0
    print(f"TyöNavi engine benchmark — {pinning}")
    env = {"date": datetime.now().strftime("%Y-%m-%d"), "python": platform.python_version(),
           "machine": f"{platform.machine()} {platform.processor() or ''}".strip(), "pinning": pinning,
           "mode": "quick run" if args.quick else "full run, tracemalloc"}

    started = time.perf_counter()
    gen = generate_national_kb(seed=args.seed)
    print(f"generated national KB in {time.perf_counter() - started:.1f} s: {gen.counts} → {gen.directory}")
    try:
        results = [
            bench_kb("shipped", SHIPPED, shipped_questions(), args),
            bench_kb("national", gen.directory,
                     national_questions(gen, 2000 if args.quick else 6000, seed=args.seed + 1), args),
        ]
    finally:
        if not args.keep:
            shutil.rmtree(gen.directory, ignore_errors=True)

    print("\nTargets:")
    failed = False
    for (kb, metric), limit in TARGETS.items():
        r = next(x for x in results if x["kb"] == kb)
        value = r["engine"]["p99_ms"] if metric == "p99_ms" else r[metric]
        ok = value <= limit
        failed |= not ok
        unit = "ms" if metric == "p99_ms" else "s"
        print(f"  {'PASS' if ok else 'FAIL'}  {kb:8} {metric:7} {value:8.3f} {unit} (target ≤ {limit:g} {unit})")

    table = markdown(results, env)
    print("\n" + table)
    results_md = HERE / "results.md"
    old = results_md.read_text(encoding="utf-8") if results_md.exists() else ""
    kept = old[old.index("\n## ") :] if "\n## " in old else ""  # other benchmarks' sections (## Capacity)
    results_md.write_text("# Engine benchmark results\n\nGenerated by `python benchmarks/bench_engine.py"
                          f"{' --quick' if args.quick else ''}`; see benchmarks/README.md.\n\n"
                          + table.rstrip("\n") + "\n" + kept, encoding="utf-8")
    raw = HERE / "results"
    raw.mkdir(exist_ok=True)
    (raw / f"bench_{datetime.now():%Y%m%d_%H%M%S}.json").write_text(
        json.dumps({"env": env, "results": results}, indent=2, default=str), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
