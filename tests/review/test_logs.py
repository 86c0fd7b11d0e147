"""bot/review/logs.py: both logs read, rotated files oldest first, bad lines skipped and counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.feedback import Verdict
from bot.review.logs import LogError, Miss, Vote, parse_since, read_logs, rotated


def miss(text: str, day: int = 20) -> str:
    return json.dumps({"time": f"2026-11-{day:02d}T10:00:00Z", "text": text, "score": 40.5})


def vote(question: str, verdict: str = "down", entry: str | None = "meeting") -> str:
    record = {
        "time": "2026-11-21T09:00:00Z",
        "question": question,
        "entry": entry,
        "score": 70.0,
        "verdict": verdict,
    }
    return json.dumps(record)


def write(path: Path, *lines: str, end: str = "\n") -> None:
    path.write_text("\n".join(lines) + end, encoding="utf-8")


def test_rotated_files_are_read_oldest_first(tmp_path: Path) -> None:
    """unanswered.jsonl.2, .1, then the live file; other suffixes are ignored."""
    write(tmp_path / "unanswered.jsonl", miss("third"))
    write(tmp_path / "unanswered.jsonl.1", miss("second"))
    write(tmp_path / "unanswered.jsonl.2", miss("first"))
    write(tmp_path / "unanswered.jsonl.bak", miss("not a rotation"))
    assert [p.name for p in rotated(tmp_path / "unanswered.jsonl")] == [
        "unanswered.jsonl.2",
        "unanswered.jsonl.1",
        "unanswered.jsonl",
    ]
    logs = read_logs(tmp_path)
    assert [m.text for m in logs.misses] == ["first", "second", "third"]


def test_torn_and_invalid_lines_are_skipped_and_counted(tmp_path: Path) -> None:
    """Torn, non-JSON, a list, no text, a bad time, score or verdict, bad UTF-8: all counted."""
    write(
        tmp_path / "unanswered.jsonl",
        miss("good one"),
        "not json",
        "[1, 2]",
        json.dumps({"time": "2026-11-20T10:00:00Z", "score": 1.0}),
        json.dumps({"time": "yesterday", "text": "x", "score": 1.0}),
        json.dumps({"time": "2026-11-20T10:00:00Z", "text": "x", "score": True}),
        '{"time": "2026-11-20T10:00:00Z", "text": "torn',
        end="",
    )
    (tmp_path / "feedback.jsonl").write_bytes(
        (vote("who met?") + "\n" + vote("x", verdict="meh") + "\n").encode() + b"\xff\xfe\n"
    )
    logs = read_logs(tmp_path)
    assert logs.misses == [Miss("2026-11-20T10:00:00Z", "good one", 40.5)]
    assert logs.votes == [Vote("2026-11-21T09:00:00Z", "who met?", "meeting", 70.0, Verdict.DOWN)]
    assert (logs.lines, logs.skipped) == (10, 8)


def test_since_keeps_lines_from_that_date_on(tmp_path: Path) -> None:
    """--since 2026-11-20 drops the 19th and keeps the 20th and later."""
    write(tmp_path / "unanswered.jsonl", miss("old", 19), miss("edge", 20), miss("new", 28))
    logs = read_logs(tmp_path, parse_since("2026-11-20"))
    assert [m.text for m in logs.misses] == ["edge", "new"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20", "2026-11-20T00:00:00"),
        ("2026-11-20T10:30", "2026-11-20T10:30:00"),
        ("2026-11-20T12:00:00+02:00", "2026-11-20T10:00:00"),
    ],
)
def test_since_accepts_dates_and_times_in_utc(text: str, expected: str) -> None:
    """A date, a local ISO time, or one with an offset (converted to UTC)."""
    assert parse_since(text) == expected


def test_bad_since_and_missing_directory_are_one_line_errors(tmp_path: Path) -> None:
    """Both say what is wrong in one line."""
    with pytest.raises(
        LogError, match=r"^--since must be a date like 2024-08-20, not 'last week'$"
    ):
        parse_since("last week")
    with pytest.raises(LogError, match=r"no such data directory"):
        read_logs(tmp_path / "absent")


def test_an_empty_data_directory_reads_as_no_lines(tmp_path: Path) -> None:
    """No log files yet is not an error: nothing to review."""
    logs = read_logs(tmp_path)
    assert (logs.misses, logs.votes, logs.lines, logs.files) == ([], [], 0, [])
