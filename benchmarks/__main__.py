"""Benchmarks: `python -m benchmarks [--quick] [--out PATH]`, run from the repository root.

    .venv/bin/python -m benchmarks                  # the full run, a few minutes
    .venv/bin/python -m benchmarks --quick --out /tmp/bench.json   # ~15 s smoke run

Prints a table (benchmark | ours | baseline | ratio | target | ok) and writes the
same rows, the machine they ran on, the raw load measurements and a profile of
the matcher to JSON (default benchmarks/results.json).

Machines are shared and noisy, so every number is paired with a baseline
measured in the same run, and the ratio is what to compare:

1. latency    `Matcher.match` on the shipped store and on generated stores of
              1,000, 10,000 and 100,000 entries, against one bare
              `rapidfuzz.process.extractOne` over the same phrasings
              (benchmarks/latency.py); a cProfile of the largest store.
2. startup    `python -m bot ask QUESTION` against `python -c pass`, and peak
              RSS of `ask` and of `run` under load (benchmarks/processes.py).
3. throughput the real `python -m bot run` process against a bare PTB echo bot,
              both fed the same questions through tests/fake_bot_api.py on
              127.0.0.1 (benchmarks/processes.py, benchmarks/echo_bot.py).
4. review     `python -m bot review` on a generated log of 100,000 lines, against
              a `python -c` that only reads and JSON-parses it (benchmarks/review.py).

`--quick` runs every section small (shipped and 1,000-entry stores, 2 start-ups,
40 updates, a 10,000-line log); tests/test_benchmarks.py uses it. Targets are reported, never
asserted: a missed target is a finding, not a failure (exit 0). A benchmark
that cannot be measured at all (a process fails to start) exits 1.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from benchmarks import latency, processes, review
from benchmarks.report import Row, machine, table, write_json
from bot.store import DEFAULT_STORE, StoreError, load_store

DEFAULT_OUT = Path(__file__).resolve().parent / "results.json"
SECTIONS = ("latency", "startup", "throughput", "review")


def snapshot(folder: Path) -> Path:
    """A copy of the shipped store, its overlays and its release: one run, one store.

    (The store may be edited while the benchmark runs.) Raises StoreError if it is invalid.
    """
    shipped = load_store(DEFAULT_STORE)
    copy = folder / DEFAULT_STORE.name
    shutil.copy(DEFAULT_STORE, copy)
    for overlay in shipped.overlays.values():
        shutil.copy(overlay.path, folder / overlay.path.name)
    document = folder / shipped.document_path.relative_to(DEFAULT_STORE.parent)
    document.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(shipped.document_path, document)
    load_store(copy)
    return copy


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="a small, fast run (smoke test)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON report path")
    args = parser.parse_args(argv)

    began = time.monotonic()
    info = machine()

    def say(text: str) -> None:
        print(f"[{time.monotonic() - began:6.1f}s] {text}", file=sys.stderr)

    try:
        with tempfile.TemporaryDirectory(prefix="release-bot-store-") as tmp:
            store = snapshot(Path(tmp))
            say(f"start-up (store snapshot {store})")
            startup_rows = processes.startup(store, runs=2 if args.quick else 10)
            count = 40 if args.quick else 2000
            say(f"throughput: {count} updates through each of 5-7 bot processes")
            throughput_rows, loads = processes.throughput(store, count)
            say("matcher latency")
            latency_rows, profile = latency.run(store, args.quick)
            say("review on a generated log")
            review_rows = review.run(store, args.quick)
    except (processes.BenchmarkError, review.ReviewBenchmarkError, StoreError) as exc:
        print(f"benchmarks: {exc}", file=sys.stderr)
        return 1
    rows: list[Row] = [
        *latency_rows,
        *startup_rows,
        *(r for r in throughput_rows if r.section == "startup"),
        *(r for r in throughput_rows if r.section == "throughput"),
        *review_rows,
    ]
    elapsed = time.monotonic() - began

    print(table(rows))
    print()
    print(f"{info['platform']}, {info['cpu_count']} CPUs, Python {info['python']}, {info['date']}")
    if profile:
        print(f"\nProfile of Matcher.match, {profile['store_entries']:,} entries:")
        print(str(profile["top"]).split("\n\nsorted by cumulative")[0])
    write_json(
        args.out,
        {
            "command": "python -m benchmarks" + (" --quick" if args.quick else ""),
            "quick": args.quick,
            "machine": info,
            "duration_s": round(elapsed, 1),
            "sections": {s: [r.as_json() for r in rows if r.section == s] for s in SECTIONS},
            "rows": [r.as_json() for r in rows],
            "loads": [
                {**asdict(x), "per_second": x.per_second, "cpu_ms_per_update": x.cpu_ms_per_update}
                for x in loads
            ],
            "profile": profile,
        },
    )
    say(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
