"""The code stays lint-clean, formatted and strictly typed (ruff and mypy, as configured)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "bot", "tests", "benchmarks"],
        ["ruff", "format", "--check", "bot", "tests", "benchmarks"],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_tool_passes(command: list[str]) -> None:
    """Each quality tool exits 0 on the project."""
    result = subprocess.run(
        [sys.executable, "-m", *command],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
