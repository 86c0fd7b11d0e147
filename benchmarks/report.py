"""Rows of the benchmark table, the table itself, and the JSON report.

Every row compares "ours" with a baseline measured in the same run on the same
machine; the ratio is ours / baseline. Absolute numbers are shown for reading,
but only ratios are meant to be compared across machines.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Row:
    section: str  # "latency", "startup", "throughput" or "review"
    benchmark: str
    unit: str
    ours: float
    baseline: float
    baseline_name: str  # what the baseline is, in a few words
    target: str = "-"  # human-readable, e.g. "ratio <= 2" or "ours < 1 ms"
    ok: bool | None = None  # None: no target for this row
    samples: int = 0
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("nan")

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": round(self.ratio, 4)}


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p99(values: Sequence[float]) -> float:
    """The 99th percentile (interpolated; with few samples it is close to the maximum)."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[98]


def _number(value: float, unit: str) -> str:
    if value >= 100:
        text = f"{value:,.0f}"
    elif value >= 10:
        text = f"{value:.1f}"
    elif value >= 0.1:
        text = f"{value:.2f}"
    else:
        text = f"{value:.3f}"
    return f"{text} {unit}"


def table(rows: Sequence[Row]) -> str:
    """A Markdown table: benchmark | ours | baseline | ratio | target | ok."""
    lines = [
        "| benchmark | ours | baseline | ratio | target | ok |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    for row in rows:
        ok = "-" if row.ok is None else ("yes" if row.ok else "**no**")
        lines.append(
            f"| {row.benchmark} | {_number(row.ours, row.unit)} "
            f"| {_number(row.baseline, row.unit)} ({row.baseline_name}) "
            f"| {row.ratio:.2f}x | {row.target} | {ok} |"
        )
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """Where the numbers came from."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = os.getloadavg()
    except OSError:
        load = (0.0, 0.0, 0.0)
    return {
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "cpu_model": model,
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "load_average_at_start": [round(x, 2) for x in load],
    }


def write_json(path: Path, payload: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
