"""Data and helpers shared by several test modules (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def expected_problems(path: Path) -> list[str]:
    """The ``# expect:`` lines of a store file, with ``{file}`` filled in."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        line.removeprefix("# expect: ").replace("{file}", str(path))
        for line in lines
        if line.startswith("# expect: ")
    ]


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
