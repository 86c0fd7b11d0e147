"""bot/feedback.py: button data, the bounded key map, the feedback log and its rotation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import feedback
from bot.feedback import FeedbackKeys, FeedbackLog, Rated, Verdict
from bot.replies import Button, Reply

RATED = Rated("how many flights a week?", "flights-total", 71.5)


@pytest.mark.parametrize("verdict", list(Verdict))
def test_button_data_round_trips_and_fits_telegram_limit(verdict: Verdict) -> None:
    """Callback data of a rating button parses back to (verdict, key) and is <= 64 bytes."""
    key = FeedbackKeys().remember(RATED)
    data = feedback.button_data(verdict, key)
    assert len(data.encode()) <= 64
    assert feedback.parse_data(data) == (verdict, key)


@pytest.mark.parametrize("data", ["f:done", "f:x:key", "f:u:", "a:meeting", "f:u:k:extra", ""])
def test_other_or_forged_data_is_not_a_rating(data: str) -> None:
    """'✓ thanks', answer buttons and forged data parse as no rating."""
    assert feedback.parse_data(data) is None


def test_a_key_rates_once() -> None:
    """The first take returns the answer; a second take of the same key returns None."""
    keys = FeedbackKeys()
    key = keys.remember(RATED)
    assert keys.take(key) == RATED
    assert keys.take(key) is None


def test_keys_are_bounded_and_the_oldest_expire() -> None:
    """Beyond `capacity`, the oldest answers are forgotten; the newest still rate."""
    keys = FeedbackKeys(capacity=3)
    made = [keys.remember(Rated(f"q{i}", None, 0.0)) for i in range(5)]
    assert len(keys) == 3
    assert keys.take(made[0]) is None and keys.take(made[1]) is None
    assert keys.take(made[4]) == Rated("q4", None, 0.0)


def test_with_buttons_adds_a_rating_row_and_rated_rows_collapses_it() -> None:
    """The 👍 👎 row goes under the follow-ups; after a tap it is one '✓ thanks', the rest kept."""
    follow = (Button("Who met?", "a:meeting"),)
    reply = feedback.with_buttons(Reply("text", (follow,)), "KEY")
    assert reply.buttons == (
        follow,
        (Button("👍", "f:u:KEY"), Button("👎", "f:d:KEY")),
    )
    assert feedback.rated_rows(reply.buttons) == (follow, (Button("✓ thanks", "f:done"),))


def test_log_line_has_exactly_time_question_entry_score_verdict_language(tmp_path: Path) -> None:
    """One JSON line per tap, nothing about the person; the folder is created."""
    log = FeedbackLog(tmp_path / "new" / "feedback.jsonl")
    log.append(RATED, Verdict.DOWN, now=0.0)
    log.append(Rated("Где?", None, 12.0, "ru"), Verdict.UP, now=60.0)
    lines = log.path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [
        {
            "time": "1970-01-01T00:00:00Z",
            "question": "how many flights a week?",
            "entry": "flights-total",
            "score": 71.5,
            "verdict": "down",
            "language": "en",
        },
        {
            "time": "1970-01-01T00:01:00Z",
            "question": "Где?",
            "entry": None,
            "score": 12.0,
            "verdict": "up",
            "language": "ru",
        },
    ]
    assert "Где" in lines[1]


def test_log_rotates_by_size_and_keeps_only_keep_files(tmp_path: Path) -> None:
    """Past max_bytes the file moves to .1, .1 to .2; the oldest beyond `keep` is deleted."""
    path = tmp_path / "feedback.jsonl"
    line_size = (
        len(
            json.dumps(
                {
                    "time": "1970-01-01T00:00:00Z",
                    "question": "q0",
                    "entry": None,
                    "score": 0.0,
                    "verdict": "up",
                    "language": "en",
                },
                ensure_ascii=False,
            )
        )
        + 1
    )
    log = FeedbackLog(path, max_bytes=2 * line_size, keep=2)
    for i in range(7):
        log.append(Rated(f"q{i}", None, 0.0), Verdict.UP, now=0.0)

    def questions(p: Path) -> list[str]:
        return [json.loads(x)["question"] for x in p.read_text(encoding="utf-8").splitlines()]

    assert questions(path) == ["q6"]
    assert questions(tmp_path / "feedback.jsonl.1") == ["q4", "q5"]
    assert questions(tmp_path / "feedback.jsonl.2") == ["q2", "q3"]
    assert not (tmp_path / "feedback.jsonl.3").exists()
    assert all(p.stat().st_size <= 2 * line_size for p in tmp_path.iterdir())


def test_log_with_keep_zero_starts_afresh(tmp_path: Path) -> None:
    """keep=0: a full log is deleted, not rotated."""
    log = FeedbackLog(tmp_path / "feedback.jsonl", max_bytes=10, keep=0)
    log.append(RATED, Verdict.UP, now=0.0)
    log.append(RATED, Verdict.DOWN, now=0.0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feedback.jsonl"]
    assert json.loads(log.path.read_text(encoding="utf-8"))["verdict"] == "down"
