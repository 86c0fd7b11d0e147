"""`python -m benchmarks --quick` runs end to end and reports every section with real numbers.

A smoke test only: timing targets are never asserted (machines are shared and
noisy; the benchmark itself reports whether each target was met).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = ("latency", "startup", "throughput", "review")


def test_quick_benchmark_reports_every_section_with_positive_numbers(
    tmp_path: Path, bot_env: Callable[..., dict[str, str]]
) -> None:
    """The quick run exits 0 within 60 s; its JSON has every section, each row ours/baseline > 0."""
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)],
        check=False,
        cwd=ROOT,
        env=bot_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))

    assert report["machine"]["cpu_count"] >= 1
    assert report["machine"]["python"] and report["machine"]["platform"]
    assert set(report["sections"]) == set(SECTIONS)
    for section in SECTIONS:
        rows = report["sections"][section]
        assert rows, f"section {section} has no rows"
        for row in rows:
            for key in ("ours", "baseline", "ratio"):
                value = row[key]
                assert isinstance(value, int | float), (section, row["benchmark"], key)
                assert math.isfinite(value) and value > 0, (section, row["benchmark"], key)
    assert report["rows"] == [row for s in SECTIONS for row in report["sections"][s]]
    assert "| benchmark | ours | baseline | ratio | target | ok |" in result.stdout
    assert "ncalls" in report["profile"]["top"]
