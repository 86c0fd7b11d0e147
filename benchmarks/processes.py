"""Sections 2 and 3: start-up, memory and throughput of the real bot process.

Every process is started here and stopped here, by its own pid, in a
`finally`; every wait is bounded. All traffic goes to a `FakeBotApi` on
127.0.0.1 (tests/fake_bot_api.py), one fresh server per bot process.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.report import Row, median
from bot.matching.evaluate import load_cases
from tests.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "data" / "eval.yaml"
PY = sys.executable

ASK_QUESTION = "How many flights per week?"
THROUGHPUT_TARGET = 0.70  # the bot handles at least 70% of the echo bot's updates per second
INBOX_TARGET = 0.90  # the durable inbox costs at most 10% of throughput (outbound cap off)
START_TIMEOUT = 30.0  # seconds for a bot process to reach its first getUpdates
STOP_TIMEOUT = 10.0
FIRST_USER = 50_000


class BenchmarkError(Exception):
    """A benchmark could not be measured (a process failed or timed out)."""


def clean_env(**settings: str) -> dict[str, str]:
    """Our environment minus any bot settings, plus `settings` (as tests/conftest.py does)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "BOT_")) and k not in ("PORT", "PYTHONWARNINGS")
    }
    env["PTB_TIMEDELTA"] = "1"  # PTB 22 warns when it builds a RetryAfter without it
    env["PYTHONUNBUFFERED"] = "1"
    env.update(settings)
    return env


# --- Start-up -----------------------------------------------------------------------


def _timed(command: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Run `command` to the end (bounded); return its wall time in seconds."""
    started = time.perf_counter()
    try:
        result = subprocess.run(
            list(command),
            cwd=ROOT,
            env=env or clean_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    except subprocess.TimeoutExpired:  # subprocess.run has killed it by then
        raise BenchmarkError(f"{' '.join(command)} took over 60 s") from None
    wall = time.perf_counter() - started
    if result.returncode != 0:
        tail = result.stderr.decode("utf-8", "replace")[-500:]
        raise BenchmarkError(f"{' '.join(command)} exited {result.returncode}: {tail}")
    return wall


# Peak RSS of a short-lived process. Not getrusage(RUSAGE_CHILDREN): on Linux a
# child's ru_maxrss includes the memory of the parent it was forked from (here,
# a benchmark holding a 100,000-entry store). VmHWM is per address space, so
# the process reports its own at exit. `python -c SHIM [module args]` runs the
# module as `python -m` would; with no module it is `python -c pass` plus
# this reporting.
_RSS_SHIM = """
import atexit, os, runpy, sys
def _report():
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(os.environ["BENCH_RSS_OUT"], "w") as out:
        out.write(peak)
atexit.register(_report)
if len(sys.argv) > 1:
    del sys.argv[0]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""


def _peak_rss_at_exit(module_args: Sequence[str]) -> float:
    """Peak RSS in MB of `python -m MODULE_ARGS` (or of a bare interpreter if empty)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "vmhwm"
        _timed([PY, "-c", _RSS_SHIM, *module_args], env=clean_env(BENCH_RSS_OUT=str(out)))
        return int(out.read_text()) / 1024


def startup(store: Path, runs: int) -> list[Row]:
    """`python -m bot ask QUESTION` against `python -c pass`, interleaved, median of `runs`."""
    ask = [PY, "-m", "bot", "ask", "--store", str(store), ASK_QUESTION]
    bare = [PY, "-c", "pass"]
    _timed(ask), _timed(bare)  # warm the page cache and bytecode first
    ask_s, bare_s = [], []
    for _ in range(runs):
        bare_s.append(_timed(bare))
        ask_s.append(_timed(ask))
    ask_mb = [
        _peak_rss_at_exit(["bot", "ask", "--store", str(store), ASK_QUESTION]) for _ in range(2)
    ]
    bare_mb = [_peak_rss_at_exit([]) for _ in range(2)]
    questions = [case.question for case in load_cases(EVAL)][: 20 if runs < 5 else None]
    jsonl = _round_trips([PY, "-m", "bot", "ask", "--jsonl", "--store", str(store)], questions)
    echo = _round_trips([PY, "-c", _ECHO], questions)
    return [
        Row(
            section="startup",
            benchmark=f'start-up: `python -m bot ask "{ASK_QUESTION}"` (median of {runs})',
            unit="s",
            ours=median(ask_s),
            baseline=median(bare_s),
            baseline_name="`python -c pass`",
            samples=runs,
        ),
        Row(
            section="startup",
            benchmark="peak RSS: `python -m bot ask` (VmHWM at exit)",
            unit="MB",
            ours=max(ask_mb),
            baseline=max(bare_mb),
            baseline_name="`python -c pass`",
            samples=len(ask_mb),
        ),
        Row(
            section="startup",
            benchmark="one question through `python -m bot ask --jsonl` (round trip, median)",
            unit="ms",
            ours=median(jsonl) * 1000,
            baseline=median(echo) * 1000,
            baseline_name="a Python line echo through the same pipes",
            samples=len(jsonl),
        ),
    ]


# A process that answers each line of stdin with itself: the cost of the pipes alone.
_ECHO = "import sys\nfor line in sys.stdin:\n    sys.stdout.write(line)\n    sys.stdout.flush()"


def _round_trips(command: Sequence[str], questions: Sequence[str]) -> list[float]:
    """Send each question as one line and wait for its one-line reply; seconds per question."""
    proc = subprocess.Popen(
        list(command),
        cwd=ROOT,
        env=clean_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )
    assert proc.stdin is not None and proc.stdout is not None
    times = []
    try:
        for question in questions:
            started = time.perf_counter()
            proc.stdin.write(" ".join(question.split()) + "\n")
            proc.stdin.flush()
            if not proc.stdout.readline():
                raise BenchmarkError(f"{' '.join(command)} stopped answering")
            times.append(time.perf_counter() - started)
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return times


# --- Throughput ---------------------------------------------------------------------


@dataclass(frozen=True)
class Load:
    name: str
    command: tuple[str, ...]
    count: int  # updates injected
    delivered: int  # sendMessage calls the fake received
    seconds: float  # first injected update to last delivered sendMessage
    cpu_seconds: float  # user + system CPU of the bot process over the same span
    peak_rss_mb: float  # VmHWM of the bot process after the load
    timed_out: bool

    @property
    def per_second(self) -> float:
        return self.delivered / self.seconds if self.seconds > 0 else 0.0

    @property
    def cpu_ms_per_update(self) -> float:
        return 1000 * self.cpu_seconds / self.delivered if self.delivered else 0.0


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return ticks / os.sysconf("SC_CLK_TCK")


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


USERS = 50  # the load: 2,000 questions from 50 users


def load(
    name: str,
    command: Sequence[str],
    questions: Sequence[str],
    users: int,
    workdir: Path,
    *,
    settings: dict[str, str] | None = None,
) -> Load:
    """Start `command` against a fresh FakeBotApi, inject every question at once, time replies."""
    count = len(questions)
    # The shipped bot sends at most 30 messages a second; leave it twice that, plus start-up.
    timeout = 2 * count / 30 + 30
    data = workdir / name
    data.mkdir(parents=True, exist_ok=True)
    api = FakeBotApi()
    api.start()
    proc: subprocess.Popen[bytes] | None = None
    try:
        env = clean_env(
            TELEGRAM_BOT_TOKEN=api.token,
            TELEGRAM_API_URL=api.base_url,
            BOT_DATA_DIR=str(data),
            # 40 questions each in well under a minute: lift the inbound flood
            # limit (the echo bot has none) so it does not drop the load.
            BOT_USER_LIMIT=str(len(questions)),
            **(settings or {}),
        )
        with (data / "stderr.log").open("wb") as log:
            proc = subprocess.Popen(
                list(command), cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log
            )
        try:
            api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
        except AssertionError:
            raise BenchmarkError(f"{name} did not start: {_tail(data)}") from None
        cpu_before = _cpu_seconds(proc.pid)
        started = time.time()  # FakeBotApi stamps calls with time.time()
        for i, question in enumerate(questions):
            api.user_message(question, user_id=FIRST_USER + i % users, first_name="Bench")
        deadline = time.monotonic() + timeout
        while True:
            sent = api.delivered("sendMessage")
            if len(sent) >= count or time.monotonic() > deadline or proc.poll() is not None:
                break
            time.sleep(0.1)
        if proc.poll() is not None:
            raise BenchmarkError(f"{name} exited {proc.returncode} under load: {_tail(data)}")
        cpu = _cpu_seconds(proc.pid) - cpu_before
        rss = _peak_rss_mb(proc.pid)
        finished = max((c.time for c in sent), default=time.time())
        return Load(
            name=name,
            command=tuple(command),
            count=count,
            delivered=len(sent),
            seconds=finished - started,
            cpu_seconds=cpu,
            peak_rss_mb=rss,
            timed_out=len(sent) < count,
        )
    finally:
        if proc is not None:
            _stop(proc)
        api.stop()


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM by pid, then SIGKILL if it lingers; always reaped."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=STOP_TIMEOUT)


def _tail(data: Path) -> str:
    try:
        return (data / "stderr.log").read_text(encoding="utf-8", errors="replace")[-800:]
    except OSError:
        return "(no log)"


def throughput(store: Path, count: int) -> tuple[list[Row], list[Load]]:
    """Four runs: the bot and the echo bot, with and without PTB's 30 msg/s outbound cap."""
    pool = [case.question for case in load_cases(EVAL)]
    rng = random.Random(4)
    questions = [pool[i % len(pool)] for i in range(count)]
    rng.shuffle(questions)
    users = min(USERS, count)
    per_user = -(-count // users)
    uncapped = [PY, "-m", "benchmarks.bot_without_limiter", "run", "--store", str(store)]
    no_inbox = {"BOT_INBOX_CAP": "0"}
    runs: list[tuple[str, list[str], dict[str, str]]] = [
        ("bot", [PY, "-m", "bot", "run", "--store", str(store)], {}),
        ("echo", [PY, "-m", "benchmarks.echo_bot"], {}),
        ("bot-uncapped", uncapped, {}),
        ("echo-uncapped", [PY, "-m", "benchmarks.echo_bot", "--no-rate-limiter"], {}),
        ("bot-uncapped-no-inbox", uncapped, no_inbox),
    ]
    if count >= 1000:  # a second pair, in reverse order, so drift of a shared machine cancels
        runs += [("bot-uncapped-no-inbox-2", uncapped, no_inbox), ("bot-uncapped-2", uncapped, {})]
    with tempfile.TemporaryDirectory(prefix="release-bot-bench-") as tmp:
        loads = {
            name: load(name, cmd, questions, users, Path(tmp), settings=settings)
            for name, cmd, settings in runs
        }

    spread = f"{count:,} questions from {users} users, at most {per_user} each"
    rows: list[Row] = []
    for ours, base, what in (
        ("bot", "echo", "as shipped, both with AIORateLimiter (30 msg/s cap)"),
        ("bot-uncapped", "echo-uncapped", "outbound cap off in both"),
    ):
        a, b = loads[ours], loads[base]
        note = spread
        if a.timed_out or b.timed_out:
            note += f"; TIMED OUT: {a.delivered}/{a.count} and {b.delivered}/{b.count} delivered"
        ratio = a.per_second / b.per_second if b.per_second else 0.0
        rows.append(
            Row(
                section="throughput",
                benchmark=f"throughput, {what}",
                unit="updates/s",
                ours=a.per_second,
                baseline=b.per_second,
                baseline_name="PTB echo bot",
                target=f"ratio >= {THROUGHPUT_TARGET:g}",
                ok=ratio >= THROUGHPUT_TARGET and not (a.timed_out or b.timed_out),
                samples=count,
                note=note,
            )
        )
        rows.append(
            Row(
                section="throughput",
                benchmark=f"bot-process CPU per update, {what}",
                unit="ms",
                ours=a.cpu_ms_per_update,
                baseline=b.cpu_ms_per_update,
                baseline_name="PTB echo bot",
                samples=count,
                note=spread,
            )
        )
    rows.append(_inbox_row(loads, spread))
    rows.append(
        Row(
            section="startup",
            benchmark=f"peak RSS: `python -m bot run` after {count:,} updates (VmHWM)",
            unit="MB",
            ours=loads["bot"].peak_rss_mb,
            baseline=loads["echo"].peak_rss_mb,
            baseline_name="PTB echo bot",
            samples=1,
        )
    )
    return rows, list(loads.values())


def _inbox_row(loads: dict[str, Load], spread: str) -> Row:
    """The bot with its durable inbox against the same bot with BOT_INBOX_CAP=0 (cap off)."""
    with_inbox = [
        x for name, x in loads.items() if name.startswith("bot-uncapped") and "no-" not in name
    ]
    without = [x for name, x in loads.items() if name.startswith("bot-uncapped-no-inbox")]
    # The better of each pair of runs: noise on a shared machine only ever slows a run down.
    a = max(with_inbox, key=lambda x: x.per_second)
    b = max(without, key=lambda x: x.per_second)
    timed_out = any(x.timed_out for x in (*with_inbox, *without))
    ratio = a.per_second / b.per_second if b.per_second else 0.0
    note = f"{spread}; best of {len(with_inbox)} run(s) each"
    if timed_out:
        note += "; TIMED OUT"
    return Row(
        section="throughput",
        benchmark="throughput with the durable inbox, outbound cap off",
        unit="updates/s",
        ours=a.per_second,
        baseline=b.per_second,
        baseline_name="the same bot, BOT_INBOX_CAP=0 (no inbox)",
        target=f"ratio >= {INBOX_TARGET:g}",
        ok=ratio >= INBOX_TARGET and not timed_out,
        samples=len(with_inbox) + len(without),
        note=note,
    )
