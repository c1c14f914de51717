"""TyöNavi web channel benchmark: messages per server CPU second, and latency at a fixed rate, on 127.0.0.1.

Run by hand (not a test):

    python benchmarks/bench_web.py              # 3 throughput runs of 3,000 messages, 3 runs of 20 s at 200/s
    python benchmarks/bench_web.py --quick      # a few seconds' smoke run
    python benchmarks/bench_web.py --profile    # also a run with the server under cProfile: its top functions
    python benchmarks/bench_web.py --write      # also put the Web channel section into benchmarks/results.md

The server is the real one, started as `python -m bot.cli web --config <temporary config> --port <free port>`
in its own process and pinned to one core; only its public HTTP API (`POST /api/chat`) is used. The load
generator (this process, aiohttp's client with keep-alive connections) is pinned to another core when there is
one. The traffic is conversations: questions from tests/eval/*.yaml, 1–3 follow-ups in the same language, and
every offered choice answered, from a seeded RNG. The whole run is bounded (--timeout), and the server process
and the temporary directory are removed on every exit, Ctrl+C and errors included.
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import io
import json
import os
import platform
import pstats
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import aiohttp
import yaml

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
EVAL = ROOT / "tests" / "eval"
RESULTS = HERE / "results.md"
SECTION = "## Web channel"
GOAL_PER_CPU_S = 500.0  # messages per server CPU second on one core, issue 18
GOAL_P99_MS = 50.0  # p99 latency at 200 messages/s, issue 18
MAX_TEXT_CHARS = 1000  # the API refuses longer messages; the eval sets have none, but a new set might
NATIONAL = ("fi", "sv", "en")  # the bot's own languages; the others are newcomers' languages
MAX_CHOICES = 3  # choices answered per conversation at most, so a chain of choices cannot run forever
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

# The server under cProfile (--profile): SIGUSR1 starts the profiler, SIGUSR2 stops it and writes the stats,
# so the KB load at start-up and the shutdown are not in them. argv: <stats file> web --config ... --port ...
PROFILE_WRAPPER = """\
import cProfile, signal, sys, time
out = sys.argv.pop(1)
profiler = cProfile.Profile(time.process_time)
def _on(*_):
    profiler.enable()
def _off(*_):
    profiler.disable()
    profiler.dump_stats(out)
    open(out + ".done", "w").close()
signal.signal(signal.SIGUSR1, _on)
signal.signal(signal.SIGUSR2, _off)
from bot.cli import main
sys.exit(main())
"""


# ---------------------------------------------------------------------------------------------
# The traffic
def load_questions() -> dict[str, list[str]]:
    """Every distinct question of the eval sets, by the language the set expects (Finnish when it does not say)."""
    by_language: dict[str, list[str]] = {}
    seen: set[str] = set()
    for path in sorted(EVAL.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            text = item.get("q") if isinstance(item, dict) else None
            if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT_CHARS or text in seen:
                continue
            seen.add(text)
            language = (item.get("expect") or {}).get("language") or "fi"
            by_language.setdefault(language, []).append(text)
    if not seen:
        raise SystemExit(f"no questions found in {EVAL}")
    return by_language


class Traffic:
    """Numbered conversations of one phase: conversation n of a phase is the same in every run with the same seed."""

    def __init__(self, questions: dict[str, list[str]], seed: int, phase: str):
        self.questions = questions
        self.all = [(language, text) for language, texts in sorted(questions.items()) for text in texts]
        self.seed, self.phase = seed, phase
        self.started = 0
        self.kinds: Counter[str] = Counter()  # messages sent: first question / follow-up / choice

    def new(self) -> Conversation:
        rng = random.Random(f"{self.seed}:{self.phase}:{self.started}")
        self.started += 1
        language, first = rng.choice(self.all)
        follow_ups = [rng.choice(self.questions[language]) for _ in range(rng.randint(1, 3))]
        return Conversation(rng, [first, *follow_ups], self.kinds)


@dataclass
class Conversation:
    """One person's chat: a first question with `"session": null`, then follow-ups in the returned session."""

    rng: random.Random
    texts: list[str]
    kinds: Counter[str]
    session: str | None = None
    offered: list[str] = field(default_factory=list)
    choices: int = 0

    def next_body(self) -> dict | None:
        """The next message to send, or None when the conversation is over; an offered choice is answered first."""
        if self.offered and self.choices < MAX_CHOICES:
            choice = self.rng.choice(self.offered)
            self.offered, self.choices = [], self.choices + 1
            self.kinds["choice"] += 1
            return {"session": self.session, "choice": choice}
        if not self.texts:
            return None
        self.kinds["first question" if self.session is None else "follow-up"] += 1
        return {"session": self.session, "text": self.texts.pop(0)}

    def take(self, reply: dict) -> None:
        """Remember the session and the choices the reply's last message with choices offers."""
        self.session = reply["session"]
        self.offered = []
        for message in reply.get("messages") or []:
            ids = [choice["id"] for choice in message.get("choices") or []]
            if ids:
                self.offered = ids


# ---------------------------------------------------------------------------------------------
# Sending and counting
@dataclass
class Tally:
    """Every request's latency (whatever its answer) and every answer that was not 200 or did not come."""

    latencies: list[float] = field(default_factory=list)  # seconds
    statuses: Counter[int] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)  # no HTTP answer: exception name

    @property
    def sent(self) -> int:
        return sum(self.statuses.values()) + sum(self.failures.values())

    @property
    def errors(self) -> int:
        return self.sent - self.statuses[200]

    def error_text(self) -> str:
        parts = [f"{n} × HTTP {status}" for status, n in sorted(self.statuses.items()) if status != 200]
        parts += [f"{n} × {name}" for name, n in sorted(self.failures.items())]
        return ", ".join(parts) or "none"

    def percentile_ms(self, p: float) -> float:
        """Nearest-rank percentile in ms."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return 1000 * ordered[max(0, min(len(ordered) - 1, -(-len(ordered) * p // 100) - 1))]


async def post(http: aiohttp.ClientSession, url: str, body: dict, tally: Tally, started: float,
               clock: Callable[[], float]) -> dict | None:
    """Send one message; the reply when it is 200, else None. The latency counts from `started`."""
    try:
        async with http.post(url, data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                             headers={"Content-Type": "application/json"}) as response:
            payload = await response.read()
            tally.statuses[response.status] += 1
            tally.latencies.append(clock() - started)
            return json.loads(payload) if response.status == 200 else None
    except (aiohttp.ClientError, TimeoutError, json.JSONDecodeError) as exc:
        tally.failures[type(exc).__name__] += 1
        tally.latencies.append(clock() - started)
        return None


def client(limit: int, timeout: float) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=limit, keepalive_timeout=60),
                                 timeout=aiohttp.ClientTimeout(total=timeout))


async def closed_loop(url: str, traffic: Traffic, messages: int, concurrency: int, timeout: float) -> Tally:
    """`messages` messages from `concurrency` conversations at a time, each sent when the last reply came."""
    tally, budget = Tally(), messages
    clock = asyncio.get_running_loop().time

    async def person() -> None:
        nonlocal budget
        while budget > 0:
            conversation = traffic.new()
            while budget > 0 and (body := conversation.next_body()) is not None:
                budget -= 1
                reply = await post(http, url, body, tally, clock(), clock)
                if reply is None:
                    break  # without a reply there is no session to go on with
                conversation.take(reply)

    async with client(concurrency, timeout) as http:
        await asyncio.gather(*(person() for _ in range(concurrency)))
    return tally


async def first_messages(url: str, questions: dict[str, list[str]], seed: int,
                         timeout: float) -> tuple[list[tuple[str, float]], Tally]:
    """One first question in each language, one at a time, on a server that has answered nothing yet: [(language,
    ms)]. The first message of a language can wait for something loaded on first need (a language model), so
    then every other question in a language besides Finnish, Swedish and English is sent once, one at a time
    (about 80), and whatever they load is loaded before anything is measured."""
    tally, timed = Tally(), []
    clock = asyncio.get_running_loop().time
    async with client(1, timeout) as http:
        for language in sorted(questions, key=lambda lang: (-len(questions[lang]), lang)):
            text = random.Random(f"{seed}:first:{language}").choice(questions[language])
            started = clock()
            await post(http, url, {"session": None, "text": text}, tally, started, clock)
            timed.append((language, 1000 * (clock() - started)))
        for language, texts in sorted(questions.items()):
            for text in texts if language not in NATIONAL else ():
                await post(http, url, {"session": None, "text": text}, tally, clock(), clock)
    return timed, tally


@dataclass
class OpenLoop:
    tally: Tally
    rate: float
    seconds: float
    max_lag_ms: float  # how late the generator itself sent a message at worst
    unanswered: int
    from_send: list[float]  # the same requests timed from when they were actually sent (seconds)

    def from_send_p99_ms(self) -> float:
        return Tally(latencies=self.from_send).percentile_ms(99)


async def open_loop(url: str, traffic: Traffic, rate: float, seconds: float, timeout: float) -> OpenLoop:
    """Send on a fixed schedule of `rate` messages a second whatever the replies, and time each request from its
    scheduled send time, so a slow reply cannot hold back the next ones and hide latency (coordinated omission).

    Each slot goes to a conversation whose reply has come and whose person has "thought" for 0.5–3 s, else to a
    new conversation, so slow replies cannot lower the rate either.
    """
    tally = Tally()
    loop = asyncio.get_running_loop()
    clock = loop.time
    ready: list[tuple[float, int, Conversation]] = []  # (ready at, tie-breaker, conversation)
    tasks: set[asyncio.Task] = set()
    max_lag = 0.0
    from_send: list[float] = []

    async def one(conversation: Conversation, body: dict, scheduled: float) -> None:
        sent = clock()
        reply = await post(http, url, body, tally, scheduled, clock)
        from_send.append(clock() - sent)
        if reply is not None:
            conversation.take(reply)
            if conversation.texts or conversation.offered:
                think = conversation.rng.uniform(0.5, 3.0)
                heapq.heappush(ready, (clock() + think, id(conversation), conversation))

    total = max(1, round(rate * seconds))
    async with client(256, timeout) as http:
        start = clock() + 0.05
        for number in range(total):
            scheduled = start + number / rate
            if (delay := scheduled - clock()) > 0:
                await asyncio.sleep(delay)
            now = clock()
            max_lag = max(max_lag, now - scheduled)
            body = None
            while body is None and ready and ready[0][0] <= now:
                conversation = heapq.heappop(ready)[2]
                body = conversation.next_body()
            if body is None:
                conversation = traffic.new()
                body = conversation.next_body()
            task = asyncio.create_task(one(conversation, body, scheduled))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        unanswered = 0
        if tasks:
            _done, pending = await asyncio.wait(set(tasks), timeout=timeout)
            for task in pending:
                task.cancel()
            unanswered = len(pending)
            if unanswered:
                tally.failures[f"no answer within {timeout:.0f} s"] += unanswered
    return OpenLoop(tally, rate, seconds, 1000 * max_lag, unanswered, from_send)


# ---------------------------------------------------------------------------------------------
# The server, in its own process on its own core
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process from /proc/<pid>/stat (its threads included)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # fields 14 and 15 of proc(5)


def core_times(cpu: int | None) -> tuple[float, float, float]:
    """(busy, steal, all) seconds of one core from /proc/stat since boot; zeros when unknown."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            for line in stat:
                if cpu is not None and line.startswith(f"cpu{cpu} "):
                    user, nice, system, idle, iowait, irq, softirq, steal = map(int, line.split()[1:9])
                    busy = user + nice + system + irq + softirq
                    return busy / CLOCK_TICKS, steal / CLOCK_TICKS, (busy + idle + iowait + steal) / CLOCK_TICKS
    except (OSError, ValueError):
        pass
    return 0.0, 0.0, 0.0


def _child_setup(cpu: int | None) -> Callable[[], None]:
    def setup() -> None:
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})
        try:  # Linux: the server gets SIGTERM if this process dies without cleaning up (e.g. SIGKILL)
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    return setup


class ServerFailed(RuntimeError):
    """The server did not start (its output is in the message)."""


class Server:
    """`python -m bot.cli web` with a temporary config and SQLite file; a context manager that always stops it."""

    def __init__(self, tmp: Path, cpu: int | None, source: Path = ROOT, profile_to: Path | None = None):
        self.tmp, self.cpu, self.source, self.profile_to = tmp, cpu, source, profile_to
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp / f"server-{self.port}.log"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        config = self.tmp / "config.yaml"
        config.write_text(yaml.safe_dump({
            "storage": {"path": str(self.tmp / "tyonavi.sqlite")},
            "knowledge": {"watch": False},
            "logging": {"level": "WARNING"},
            "web": {"per_session_per_minute": 0, "per_address_per_minute": 0},
        }), encoding="utf-8")
        args = ["web", "--config", str(config), "--host", "127.0.0.1", "--port", str(self.port)]
        command = ([sys.executable, "-c", PROFILE_WRAPPER, str(self.profile_to), *args] if self.profile_to
                   else [sys.executable, "-m", "bot.cli", *args])
        with open(self.log, "wb") as log:
            # Own session: Ctrl+C in the terminal reaches this process only, which then stops the server itself.
            self.process = subprocess.Popen(command, cwd=self.source, stdin=subprocess.DEVNULL, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True,
                                            preexec_fn=_child_setup(self.cpu))
        try:
            self._wait_ready(60.0)
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerFailed(f"the server exited with status {self.process.returncode}:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.url}/favicon.ico", timeout=1):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        raise ServerFailed(f"the server did not answer on {self.url} within {seconds:.0f} s:\n{self.output()}")

    def output(self) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]
        except OSError:
            return ""

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def cpu_seconds(self) -> float:
        return cpu_seconds(self.pid)

    def signal(self, number: int) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.pid, number)

    def stop(self) -> None:
        """SIGTERM (aiohttp shuts down cleanly), then SIGKILL after 10 s."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)

    def __exit__(self, *_exc) -> None:
        self.stop()


def export(revision: str, into: Path) -> Path:
    """The repository's files at `revision` (git archive), for measuring a commit while the work tree changes."""
    import tarfile

    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", revision], capture_output=True,
                             check=False)
    if archive.returncode != 0:
        raise SystemExit(f"git archive {revision}: {archive.stderr.decode(errors='replace').strip()}")
    into.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


# ---------------------------------------------------------------------------------------------
# The phases
@dataclass
class Throughput:
    tally: Tally
    wall_s: float
    cpu_s: float
    client_cpu_s: float
    conversations: int

    @property
    def per_cpu_s(self) -> float:
        return self.tally.sent / self.cpu_s if self.cpu_s else 0.0

    @property
    def per_wall_s(self) -> float:
        return self.tally.sent / self.wall_s if self.wall_s else 0.0


def throughput_run(server: Server, traffic: Traffic, messages: int, concurrency: int, timeout: float) -> Throughput:
    cpu, client_cpu, wall = server.cpu_seconds(), time.process_time(), time.perf_counter()
    started = traffic.started
    tally = asyncio.run(closed_loop(server.url + "/api/chat", traffic, messages, concurrency, timeout))
    wall = time.perf_counter() - wall
    return Throughput(tally, wall, server.cpu_seconds() - cpu, time.process_time() - client_cpu,
                      traffic.started - started)


@dataclass
class Latency:
    run: OpenLoop
    cpu_s: float
    client_cpu_s: float
    wall_s: float
    others_s: float  # busy time on the server's core that was not the server's: other processes, interrupts
    steal_s: float  # time the hypervisor gave the server's core to another machine

    def share(self, seconds: float) -> str:
        return f"{100 * seconds / self.wall_s:.0f} %" if self.wall_s else "?"


def latency_run(server: Server, traffic: Traffic, rate: float, seconds: float, timeout: float) -> Latency:
    core = core_times(server.cpu)
    cpu, client_cpu, wall = server.cpu_seconds(), time.process_time(), time.perf_counter()
    run = asyncio.run(open_loop(server.url + "/api/chat", traffic, rate, seconds, timeout))
    cpu, wall = server.cpu_seconds() - cpu, time.perf_counter() - wall
    busy, steal, _all = (after - before for after, before in zip(core_times(server.cpu), core, strict=True))
    return Latency(run, cpu, time.process_time() - client_cpu, wall, max(0.0, busy - cpu), steal)


def profile_run(tmp: Path, cpu: int | None, source: Path, questions: dict[str, list[str]],
                args: argparse.Namespace) -> str:
    """A throughput run against a fresh server under cProfile; its top functions as text."""
    stats_file = tmp / "server.pstats"
    with Server(tmp, cpu, source, profile_to=stats_file) as server:
        asyncio.run(first_messages(server.url + "/api/chat", questions, args.seed, args.request_timeout))
        throughput_run(server, Traffic(questions, args.seed, "warm-up"), args.warmup, args.concurrency,
                       args.request_timeout)
        server.signal(signal.SIGUSR1)
        run = throughput_run(server, Traffic(questions, args.seed, "throughput"), args.messages, args.concurrency,
                             args.request_timeout)
        server.signal(signal.SIGUSR2)
        deadline = time.monotonic() + 30
        while not Path(f"{stats_file}.done").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
    if not Path(f"{stats_file}.done").exists():
        return "the profiled server wrote no statistics"
    out = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=out)
    stats.strip_dirs()
    out.write(f"Server under cProfile (process_time): {run.tally.sent:,} messages, "
              f"{1000 * run.cpu_s / max(1, run.tally.sent):.2f} ms CPU per message with the profiler\n")
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(40)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Report
def pin() -> tuple[str, int | None, int | None]:
    """(what was pinned, server CPU, load generator CPU): the server gets the first core, this process another."""
    if not hasattr(os, "sched_setaffinity"):
        return "NOT pinned (os.sched_setaffinity unavailable on this platform)", None, None
    cpus = sorted(os.sched_getaffinity(0))
    client_cpu = cpus[1] if len(cpus) > 1 else cpus[0]
    try:
        os.sched_setaffinity(0, {client_cpu})
    except OSError as exc:
        return f"NOT pinned (sched_setaffinity failed: {exc})", None, None
    if len(cpus) > 1:
        return (f"server pinned to CPU {cpus[0]}, load generator (own process) to CPU {client_cpu}",
                cpus[0], client_cpu)
    return f"server and load generator pinned to CPU {cpus[0]}, the only one (they share it)", cpus[0], client_cpu


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def mix_text(questions: dict[str, list[str]]) -> str:
    total = sum(len(texts) for texts in questions.values())
    counts = sorted(((len(texts), language) for language, texts in questions.items()), reverse=True)
    named = [f"{language} {100 * n / total:.0f} %" for n, language in counts if language in NATIONAL]
    others = [n for n, language in counts if language not in NATIONAL]
    return (f"{total:,} distinct questions: " + ", ".join(named)
            + f", {len(others)} other languages {100 * sum(others) / total:.0f} %")


def served_code(revision: str | None) -> str:
    """Which code the server ran: a commit, or the work tree at a commit and whether bot/, handlers/ or
    knowledge/ had uncommitted changes."""
    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", f"{revision or 'HEAD'}^{{commit}}") or "?"
    if revision:
        return f"commit {commit} (git archive {revision})"
    dirty = git("status", "--porcelain", "--", "bot", "handlers", "knowledge")
    return f"the work tree at {commit}" + (" with uncommitted changes in bot/, handlers/ or knowledge/" if dirty
                                           else "")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


@dataclass
class Results:
    firsts: list[tuple[str, float]]
    first_tally: Tally
    warm: Throughput
    runs: list[Throughput]
    latencies: list[Latency]
    kinds: Counter[str]

    @property
    def best(self) -> Throughput:
        return max(self.runs, key=lambda r: r.per_cpu_s)

    @property
    def latency(self) -> Latency:
        """The latency run that other processes and the hypervisor disturbed least (the machine is shared)."""
        return min(self.latencies, key=lambda r: r.others_s + r.steal_s)

    @property
    def errors(self) -> int:
        return (self.first_tally.errors + self.warm.tally.errors + sum(r.tally.errors for r in self.runs)
                + sum(r.run.tally.errors for r in self.latencies))

    @property
    def p99_ms(self) -> float:
        return self.latency.run.tally.percentile_ms(99)

    @property
    def ok(self) -> bool:
        return self.best.per_cpu_s >= GOAL_PER_CPU_S and self.p99_ms <= GOAL_P99_MS and not self.errors


def table(results: Results, questions: dict[str, list[str]], args: argparse.Namespace, env: str) -> str:
    best, latency, kinds = results.best, results.latency, results.kinds
    per_cpu = [r.per_cpu_s for r in results.runs]
    tally, p99 = latency.run.tally, results.p99_ms
    chosen = f", the least disturbed of {len(results.latencies)}" if len(results.latencies) > 1 else ""
    errors = " / ".join(f"{t.errors}" for t in (results.first_tally, results.warm.tally,
                                                 *(r.tally for r in results.runs),
                                                 *(r.run.tally for r in results.latencies)))
    lines = [
        "| Figure | Value |",
        "|---|---|",
        f"| Traffic | conversations from the eval sets ({mix_text(questions)}); each starts with "
        f"`\"session\": null`, then 1–3 follow-ups in its language, every offered choice answered; seed "
        f"{args.seed} |",
        f"| Messages sent: first questions / follow-ups / choices (warm-up and runs) | "
        f"{kinds['first question']:,} / {kinds['follow-up']:,} / {kinds['choice']:,} |",
        f"| First message in each language after the server started (one at a time, before the warm-up, which "
        f"starts with every newcomer-language question once) | "
        f"{' · '.join(f'{language} {ms:.0f}' for language, ms in results.firsts)} ms |",
        f"| Throughput runs | {len(results.runs)} × {args.messages:,} messages, {args.concurrency} conversations at "
        f"a time, after {args.warmup:,} warm-up messages in conversations |",
        f"| Throughput, messages per server CPU second (1 core), best of {len(results.runs)} | "
        f"**{best.per_cpu_s:,.0f}** {verdict(best.per_cpu_s >= GOAL_PER_CPU_S)} (≥ {GOAL_PER_CPU_S:.0f}) |",
        f"| All runs, messages per server CPU second (the machine's speed varies) | "
        f"{' · '.join(f'{r:,.0f}' for r in per_cpu)}; median {statistics.median(per_cpu):,.0f} |",
        f"| Server CPU per message | {1000 * best.cpu_s / max(1, best.tally.sent):.2f} ms |",
        f"| Wall-clock messages/s (same run) | {best.per_wall_s:,.0f} |",
        f"| Latency runs | open loop: {latency.run.rate:.0f} messages/s for {latency.run.seconds:.0f} s "
        f"({tally.sent:,} messages), each timed from its scheduled send time, whatever the replies |",
        f"| Latency p50 / p95 / p99 / max{chosen} | {tally.percentile_ms(50):.1f} / "
        f"{tally.percentile_ms(95):.1f} / **{p99:.1f}** / {max(tally.latencies, default=0) * 1000:.1f} ms; p99 "
        f"{verdict(p99 <= GOAL_P99_MS)} (≤ {GOAL_P99_MS:.0f} ms) |",
        f"| The server's core in that run: the server / everything else (other processes, interrupts) / steal "
        f"(hypervisor) | "
        f"{latency.share(latency.cpu_s)} / {latency.share(latency.others_s)} / {latency.share(latency.steal_s)} |",
    ]
    if len(results.latencies) > 1:
        lines.append("| All latency runs: p99 (everything else + steal on the server's core) | "
                     + " · ".join(f"{r.run.tally.percentile_ms(99):.1f} ms ({r.share(r.others_s + r.steal_s)})"
                                  for r in results.latencies) + " |")
    lines += [
        f"| Load generator in that run | sent at most {latency.run.max_lag_ms:.1f} ms late; p99 timed from the "
        f"actual send instead: {latency.run.from_send_p99_ms():.1f} ms; its CPU {latency.client_cpu_s:.1f} s |",
        f"| Errors (not 200, or no answer): first messages / warm-up / each throughput run / each latency run | "
        f"{errors} |",
        "",
        f"_{datetime.now():%Y-%m-%d}, Python {platform.python_version()}, {platform.machine()} "
        f"({cpu_model()}, {os.cpu_count()} cores); {env}. The real server (`python -m bot.cli web`, "
        f"{served_code(args.git)}; config: SQLite file in a temporary directory, "
        "web.per_session_per_minute and web.per_address_per_minute 0, logging WARNING) driven only through "
        "`POST /api/chat` on 127.0.0.1 by aiohttp's client with keep-alive connections. CPU: utime + stime of "
        "the server process from /proc/<pid>/stat over the measured messages; everything else: the core's busy "
        "time in /proc/stat less the server's._",
    ]
    return "\n".join(lines)


def write_results(text: str) -> None:
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    section = (f"{SECTION}\n\nGenerated by `python benchmarks/bench_web.py --write`; see benchmarks/README.md.\n\n"
               f"{text}\n")
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    new = pattern.sub(lambda _m: section, old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(new, encoding="utf-8")


def _interrupt(_signum, _frame) -> None:
    raise KeyboardInterrupt  # SIGTERM as Ctrl+C: the `finally` blocks stop the server and remove the files


def measure(server: Server, questions: dict[str, list[str]], args: argparse.Namespace) -> Results:
    """First messages, warm-up, throughput runs, latency runs: bounded by --timeout."""
    deadline = time.monotonic() + args.timeout
    url = server.url + "/api/chat"
    print(f"server {server.url} (pid {server.pid}) answers; the first message in each language, then every "
          "newcomer-language question once…", flush=True)
    firsts, first_tally = asyncio.run(first_messages(url, questions, args.seed, args.request_timeout))
    print("  " + ", ".join(f"{language} {ms:.0f} ms" for language, ms in firsts)
          + f"; errors: {first_tally.error_text()}", flush=True)
    print(f"warm-up: {args.warmup:,} messages…", flush=True)
    warm_traffic = Traffic(questions, args.seed, "warm-up")
    warm = throughput_run(server, warm_traffic, args.warmup, args.concurrency, args.request_timeout)
    print(f"  {warm.per_cpu_s:,.0f} messages per CPU second while warming up; errors: {warm.tally.error_text()}",
          flush=True)
    traffic = Traffic(questions, args.seed, "throughput")
    runs: list[Throughput] = []
    for number in range(1, args.runs + 1):
        if runs and time.monotonic() > deadline - args.seconds - 10:
            print(f"  no more throughput runs: --timeout {args.timeout:.0f} s")
            break
        print(f"throughput run {number} of {args.runs}: {args.messages:,} messages…", flush=True)
        runs.append(r := throughput_run(server, traffic, args.messages, args.concurrency, args.request_timeout))
        print(f"  {r.per_cpu_s:,.0f} messages per server CPU second ({1000 * r.cpu_s / max(1, r.tally.sent):.2f} ms),"
              f" {r.per_wall_s:,.0f} messages/s wall, {r.conversations:,} conversations; load generator CPU "
              f"{r.client_cpu_s:.1f} s; errors: {r.tally.error_text()}", flush=True)
    latency_traffic = Traffic(questions, args.seed, "latency")
    latencies: list[Latency] = []
    for number in range(1, args.latency_runs + 1):
        if latencies and time.monotonic() > deadline - args.seconds:
            print(f"  no more latency runs: --timeout {args.timeout:.0f} s")
            break
        print(f"latency run {number} of {args.latency_runs}: {args.rate:.0f} messages/s for {args.seconds:.0f} s, "
              "open loop…", flush=True)
        latencies.append(r := latency_run(server, latency_traffic, args.rate, args.seconds, args.request_timeout))
        tally = r.run.tally
        print(f"  p50 {tally.percentile_ms(50):.1f} ms, p99 {tally.percentile_ms(99):.1f} ms, max "
              f"{max(tally.latencies, default=0) * 1000:.1f} ms; the server's core: server {r.share(r.cpu_s)}, "
              f"everything else {r.share(r.others_s)}, steal {r.share(r.steal_s)}; errors: {tally.error_text()}",
              flush=True)
    kinds = warm_traffic.kinds + traffic.kinds + latency_traffic.kinds
    return Results(firsts, first_tally, warm, runs, latencies, kinds)


def run(args: argparse.Namespace) -> int:
    env, server_cpu, _client_cpu = pin()
    print(env, flush=True)
    questions = load_questions()
    print(mix_text(questions), flush=True)
    with tempfile.TemporaryDirectory(prefix="tyonavi-bench-web-", ignore_cleanup_errors=True) as tmp_name:
        tmp = Path(tmp_name)
        source = export(args.git, tmp / "source") if args.git else ROOT
        with Server(tmp, server_cpu, source) as server:
            results = measure(server, questions, args)
        profile = profile_run(tmp, server_cpu, source, questions, args) if args.profile else ""
    text = table(results, questions, args, env)
    print()
    print(text)
    if profile:
        print()
        print(profile)
    if args.write:
        write_results(text)
        print(f"\nwrote the {SECTION[3:]} section of {RESULTS.relative_to(ROOT)}")
    if results.errors:
        print(f"WARNING: {results.errors} messages got no 200 answer (see the table)")
    return 0 if results.ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=3000, help="messages per throughput run")
    parser.add_argument("--runs", type=int, default=3, help="throughput runs; the best is reported (and all)")
    parser.add_argument("--warmup", type=int, default=300, help="messages sent before anything is measured")
    parser.add_argument("--concurrency", type=int, default=8, help="conversations at a time in the throughput runs")
    parser.add_argument("--rate", type=float, default=200.0, help="messages per second in the latency run")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each latency run")
    parser.add_argument("--latency-runs", type=int, default=3, help="latency runs; the one other processes "
                        "disturbed least is reported (and every run's p99)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--request-timeout", type=float, default=10.0, help="seconds one request may take")
    parser.add_argument("--timeout", type=float, default=110.0, help="seconds for the measuring: a run that would "
                        "not end in time is left out (the first of each kind always runs)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 1 run of 500 messages, 3 s at the rate")
    parser.add_argument("--profile", action="store_true", help="also a run with the server under cProfile")
    parser.add_argument("--write", action="store_true", help="put the Web channel section into results.md")
    parser.add_argument("--git", metavar="REV", help="serve the files of this commit (git archive) instead of the "
                        "work tree, e.g. HEAD while the work tree is half-way through a change")
    args = parser.parse_args(argv)
    if args.quick:
        args.messages, args.runs, args.warmup, args.seconds = min(args.messages, 500), 1, 100, 3.0
        args.latency_runs = 1
    args.messages = max(10, min(args.messages, 100_000))
    args.runs = max(1, min(args.runs, 10))
    args.latency_runs = max(1, min(args.latency_runs, 10))
    args.warmup = max(0, min(args.warmup, 10_000))
    args.concurrency = max(1, min(args.concurrency, 256))
    args.rate = max(1.0, min(args.rate, 5000.0))
    args.seconds = max(1.0, min(args.seconds, 120.0))
    if not Path("/proc/self/stat").exists():
        print("bench_web.py reads the server's CPU time from /proc/<pid>/stat (Linux)", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        return run(args)
    except KeyboardInterrupt:
        print("\ninterrupted; the server is stopped and its temporary directory removed", file=sys.stderr)
        return 130
    except ServerFailed as exc:
        print(f"bench_web.py: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
