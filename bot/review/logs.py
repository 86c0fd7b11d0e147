"""Reading the bot's logs: `unanswered.jsonl` and `feedback.jsonl`, rotated files included.

A log may end in a torn line (the bot stopped mid-write) or hold lines edited
by hand. Such a line is skipped and counted, never fatal. Files are read
oldest first: ``NAME.3``, ``NAME.2``, ``NAME.1``, then ``NAME``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from bot.feedback import Verdict

UNANSWERED = "unanswered.jsonl"
FEEDBACK = "feedback.jsonl"


class _Timed(Protocol):
    @property
    def time(self) -> str: ...


T = TypeVar("T", bound=_Timed)

_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


class LogError(Exception):
    """A log or an option about logs cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Miss:
    """A question no entry covered (a line of `unanswered.jsonl`)."""

    time: str
    text: str
    score: float
    from_text: bool = False  # a sentence of the release answered instead


@dataclass(frozen=True)
class Vote:
    """A 👍 or 👎 on an answer (a line of `feedback.jsonl`)."""

    time: str
    question: str
    entry: str | None
    score: float
    verdict: Verdict


@dataclass
class Logs:
    """Everything read from one data directory."""

    misses: list[Miss] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    lines: int = 0  # lines read, skipped ones included
    skipped: int = 0  # torn or invalid lines
    bytes: int = 0  # bytes read
    total: int = 0  # bytes in the files when reading began


def parse_since(text: str) -> str:
    """`--since` as the log's time format: a date (2024-08-20) or an ISO date and time."""
    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise LogError(f"--since must be a date like 2024-08-20, not {text!r}") from None
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when.strftime("%Y-%m-%dT%H:%M:%S")


def rotated(path: Path) -> list[Path]:
    """`path` and its rotated copies (``path.1``, ``path.2``, ...), oldest first."""
    numbered = []
    for candidate in path.parent.glob(path.name + ".*"):
        suffix = candidate.name[len(path.name) + 1 :]
        if suffix.isdigit():
            numbered.append((int(suffix), candidate))
    files = [p for _, p in sorted(numbered, reverse=True)]
    return files + ([path] if path.exists() else [])


def read_logs(
    data_dir: Path, since: str | None = None, progress: Callable[[int, int], None] | None = None
) -> Logs:
    """Read both logs of `data_dir`; `since` (see `parse_since`) drops older lines.

    `progress` is called with (bytes read, bytes in all files) as reading goes on.
    """
    if not data_dir.is_dir():
        raise LogError(f"{data_dir}: no such data directory (set --data-dir or BOT_DATA_DIR)")
    logs = Logs(total=total_bytes(data_dir))
    for path in rotated(data_dir / UNANSWERED):
        logs.misses += _items(path, _miss, logs, since, progress)
    for path in rotated(data_dir / FEEDBACK):
        logs.votes += _items(path, _vote, logs, since, progress)
    return logs


def total_bytes(data_dir: Path) -> int:
    """The size of every log file `read_logs` would read (for a progress bar)."""
    files = rotated(data_dir / UNANSWERED) + rotated(data_dir / FEEDBACK)
    return sum(p.stat().st_size for p in files if p.exists())


def _items(
    path: Path,
    parse: Callable[[dict[str, Any]], T | None],
    logs: Logs,
    since: str | None,
    progress: Callable[[int, int], None] | None,
) -> list[T]:
    """The valid items of one file at or after `since`; invalid lines are counted."""
    logs.files.append(path)
    items = []
    for record in _records(path, logs, progress):
        item = parse(record)
        if item is None:
            logs.skipped += 1
        elif since is None or item.time >= since:
            items.append(item)
    return items


def _records(
    path: Path, logs: Logs, progress: Callable[[int, int], None] | None
) -> Iterator[dict[str, Any]]:
    """The JSON objects of one file; a line that is not one is counted in `logs.skipped`."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise LogError(f"{path}: cannot read ({exc.__class__.__name__})") from None
    with handle:
        for raw in handle:
            logs.lines += 1
            logs.bytes += len(raw)
            if progress is not None and logs.lines % 1024 == 0:
                progress(logs.bytes, logs.total)
            try:
                record = json.loads(raw)
            except ValueError:  # torn, not JSON, or not UTF-8
                logs.skipped += 1
                continue
            if isinstance(record, dict):
                yield record
            else:
                logs.skipped += 1


def _time(record: dict[str, Any]) -> str | None:
    value = record.get("time")
    return value if isinstance(value, str) and _TIME.match(value) else None


def _score(record: dict[str, Any]) -> float | None:
    value = record.get("score")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _miss(record: dict[str, Any]) -> Miss | None:
    when, text, score = _time(record), record.get("text"), _score(record)
    if when is None or not isinstance(text, str) or not text.strip() or score is None:
        return None
    return Miss(when, text, score, record.get("answered_from_text") is True)


def _vote(record: dict[str, Any]) -> Vote | None:
    when, question, score = _time(record), record.get("question"), _score(record)
    entry, verdict = record.get("entry"), record.get("verdict")
    if when is None or not isinstance(question, str) or not question.strip() or score is None:
        return None
    if not (entry is None or isinstance(entry, str)) or verdict not in ("up", "down"):
        return None
    return Vote(when, question, entry, score, Verdict(verdict))
