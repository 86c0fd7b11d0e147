"""Section 1: how long `Matcher.match` takes, against one bare rapidfuzz lookup.

For each store (the shipped one, then generated ones of growing size) each
question is timed for ours and for the baseline, back to back, so noise hits both:

- ours: `Matcher.match(question)`, everything included (normalising, typo
  correction, scoring every phrasing, coverage, the verdict);
- baseline: `rapidfuzz.process.extractOne(prepared, phrasings,
  scorer=fuzz.WRatio, score_cutoff=clarify_threshold)`, where `phrasings` are
  the store's phrasings and `prepared` the question, both normalised by
  `Matcher.prepare` (the matcher's own normalisation, done outside the timer).
  That is the least a fuzzy matcher over the same data can do.
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import pstats
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from benchmarks import synthetic
from benchmarks.report import Row, median, p99
from bot.matching import Matcher, Matchers
from bot.matching.evaluate import load_cases
from bot.runtime import settle, unsettle
from bot.store import Store, load_store

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "data" / "eval.yaml"

SHIPPED_TARGET_MS = 1.0  # median on the shipped store
SCALE_TARGET_RATIO = 2.0  # at 100,000 entries: no worse than 2x bare rapidfuzz
SCALE_TARGET_ENTRIES = 100_000


@dataclass(frozen=True)
class Plan:
    shipped_passes: int  # times each eval question is asked of the shipped store
    sizes: tuple[tuple[int, int], ...]  # (entries, questions asked) per generated store
    profile_questions: int  # questions profiled on the largest store


FULL = Plan(
    shipped_passes=5, sizes=((1_000, 200), (10_000, 60), (100_000, 16)), profile_questions=3
)
QUICK = Plan(shipped_passes=1, sizes=((1_000, 30),), profile_questions=3)


@dataclass
class Timing:
    label: str
    entries: int
    phrasings: int
    build_s: float
    ours_ms: list[float] = field(default_factory=list)
    raw_ms: list[float] = field(default_factory=list)


def flat_phrasings(matcher: Matcher, store: Store) -> list[str]:
    """Every phrasing of every entry and small-talk item, normalised as the matcher does."""
    questions = [q for e in store.entries for q in e.questions]
    questions += [q for s in store.smalltalk for q in s.questions]
    return [" ".join(matcher.prepare(q)) for q in questions]


def time_store(label: str, store: Store, questions: Sequence[str]) -> tuple[Timing, Matcher]:
    started = time.perf_counter()
    matcher = Matcher(store)
    build_s = time.perf_counter() - started
    return time_matcher(label, matcher, build_s, questions), matcher


def time_matcher(label: str, matcher: Matcher, build_s: float, questions: Sequence[str]) -> Timing:
    """`matcher.match` on each question, against a bare extractOne over the same phrasings."""
    store = matcher.store
    phrasings = flat_phrasings(matcher, store)
    cutoff = store.settings.clarify_threshold
    timing = Timing(label, len(store.entries), len(phrasings), build_s)
    matcher.match(questions[0])  # warm caches before timing
    clock = time.perf_counter_ns
    settle()  # as the bot does once its matchers are built (`bot.runtime.settle`)
    for question in questions:
        prepared = " ".join(matcher.prepare(question))
        t0 = clock()
        matcher.match(question)
        t1 = clock()
        process.extractOne(
            prepared, phrasings, scorer=fuzz.WRatio, processor=None, score_cutoff=cutoff
        )
        t2 = clock()
        timing.ours_ms.append((t1 - t0) / 1e6)
        timing.raw_ms.append((t2 - t1) / 1e6)
    unsettle()
    return timing


def _named(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """A pure-Python pass-through called `label`, so cProfile can see and name the call."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    wrapper.__code__ = wrapper.__code__.replace(co_name=label, co_qualname=label)
    return wrapper


@contextlib.contextmanager
def rapidfuzz_visible() -> Iterator[None]:
    """Make rapidfuzz's entry points show up in cProfile while profiling.

    They are Cython functions, which cProfile does not see: their time would be
    silently added to the caller's own time. Wrapping them (on the rapidfuzz
    module, for the duration only; nothing of ours is touched) names that time.
    """
    saved = {}
    for name in ("extract", "extractOne", "extract_iter", "cdist", "cpdist"):
        original = getattr(process, name, None)
        if original is not None:
            saved[name] = original
            setattr(process, name, _named(f"rapidfuzz.process.{name}", original))
    try:
        yield
    finally:
        for name, original in saved.items():
            setattr(process, name, original)


def profile(matcher: Matcher, questions: Sequence[str], lines: int = 14) -> str:
    """cProfile of `match` over `questions`: the top functions by own time, then cumulative."""
    profiler = cProfile.Profile()
    with rapidfuzz_visible():
        profiler.enable()
        for question in questions:
            matcher.match(question)
        profiler.disable()
    parts = []
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(key)
        stats.print_stats(lines)
        text = out.getvalue()
        # Keep the table, not pstats' preamble about restrictions.
        parts.append(text[text.index("   ncalls") :].rstrip() if "   ncalls" in text else text)
    return "\n\nsorted by cumulative time:\n".join(
        ["sorted by own time (tottime):\n" + parts[0], parts[1]]
    )


def _language_timings(store: Store, passes: int) -> list[Timing]:
    """One timing per overlay of the store, on that language's eval questions."""
    started = time.perf_counter()
    matchers = Matchers(store)
    build_s = time.perf_counter() - started
    timings = []
    for language in matchers.languages[1:]:
        path = EVAL.with_name(f"eval.{language}.yaml")
        if path.exists():
            questions = [case.question for case in load_cases(path)] * passes
            label = f"shipped store in {language}"
            timings.append(time_matcher(label, matchers.matchers[language], build_s, questions))
    return timings


def run(store_path: Path, quick: bool) -> tuple[list[Row], dict[str, object]]:
    plan = QUICK if quick else FULL
    base = load_store(store_path)
    asked = [case.question for case in load_cases(EVAL)]
    rng = random.Random(3)

    timings: list[Timing] = []
    shipped, _ = time_store("shipped store", base, asked * plan.shipped_passes)
    timings.append(shipped)
    languages = _language_timings(base, plan.shipped_passes)
    largest: tuple[Matcher, list[str]] | None = None
    for size, count in plan.sizes:
        store = synthetic.generate(base, size)
        # Half about the release (still answerable: the shipped entries are kept),
        # half about synthetic entries, reworded and often misspelt.
        questions = rng.sample(asked, count // 2) + synthetic.questions_for(
            store, count - count // 2
        )
        rng.shuffle(questions)
        timing, matcher = time_store("generated store", store, questions)
        timings.append(timing)
        largest = (matcher, questions)
        del store

    rows: list[Row] = []
    for timing in timings + languages:
        is_shipped = timing is shipped or timing in languages
        at_scale = not is_shipped and timing.entries >= SCALE_TARGET_ENTRIES
        what = f"{timing.label} ({timing.entries:,} entries, {timing.phrasings:,} phrasings)"
        ours, raw = median(timing.ours_ms), median(timing.raw_ms)
        target, ok = "-", None
        if is_shipped:
            target, ok = f"ours < {SHIPPED_TARGET_MS:g} ms", ours < SHIPPED_TARGET_MS
        elif at_scale:
            target, ok = f"ratio <= {SCALE_TARGET_RATIO:g}", ours / raw <= SCALE_TARGET_RATIO
        note = f"Matcher() built in {timing.build_s:.2f} s"
        for stat, ours_v, raw_v, tgt, good in (
            ("median", ours, raw, target, ok),
            ("p99", p99(timing.ours_ms), p99(timing.raw_ms), "-", None),
        ):
            rows.append(
                Row(
                    section="latency",
                    benchmark=f"match {stat}, {what}",
                    unit="ms",
                    ours=ours_v,
                    baseline=raw_v,
                    baseline_name="rapidfuzz extractOne WRatio",
                    target=tgt,
                    ok=good,
                    samples=len(timing.ours_ms),
                    note=note,
                )
            )

    extra: dict[str, object] = {}
    if largest is not None:
        matcher, questions = largest
        profiled = questions[: plan.profile_questions]
        extra = {
            "store_entries": timings[-1].entries,
            "store_phrasings": timings[-1].phrasings,
            "questions": profiled,
            "top": profile(matcher, profiled),
        }
    return rows, extra
