"""Data and helpers shared by several test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def expected_problems(path: Path) -> list[str]:
    """The ``# expect:`` lines of a store file, with ``{file}`` filled in."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        line.removeprefix("# expect: ").replace("{file}", str(path))
        for line in lines
        if line.startswith("# expect: ")
    ]


def run_bot(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bot ARGS`` in the project root; BOT_KNOWLEDGE only when `env` sets it."""
    environ = {k: v for k, v in os.environ.items() if k != "BOT_KNOWLEDGE"}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        input=stdin,
        env=environ,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def run_python(code: str, timeout: float = 60) -> str:
    """Run ``python -c CODE`` in the project root (it must succeed); return its stdout."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return result.stdout


# Non-text message bodies, as Telegram sends them (merged into a message update).
STICKER: dict[str, Any] = {
    "sticker": {
        "file_id": "STK",
        "file_unique_id": "STKU",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
}
PHOTO: dict[str, Any] = {
    "photo": [{"file_id": "PH", "file_unique_id": "PHU", "width": 90, "height": 90}]
}
