"""bot/review/live.py: what /stats adds: verdict rates, top unanswered groups, votes per entry."""

from __future__ import annotations

from bot.feedback import Verdict
from bot.matching import Kind
from bot.review.live import LiveReview, stats_text
from bot.runtime import Stats


def test_stats_text_adds_rates_top_misses_and_votes() -> None:
    """Rates over answer/clarify/fallback; misses grouped; 👍/👎 per entry, sorted by id."""
    stats = Stats(started=0.0)
    for kind in [Kind.ANSWER] * 3 + [Kind.CLARIFY, Kind.FALLBACK, Kind.SMALLTALK]:
        stats.record(kind)
    live = LiveReview()
    for text in ["flights to busan", "Flights to Busan?", "weather in paris"]:
        live.miss(text)
    live.vote("meeting", Verdict.UP)
    live.vote("ambassador", Verdict.DOWN)
    live.vote("meeting", Verdict.DOWN)
    live.vote(None, Verdict.UP)
    lines = stats_text(stats, live).splitlines()
    assert lines[0] == stats.summary()
    assert lines[1:] == [
        "Questions: 5: answered 3 (60%), did you mean 1 (20%), not found 1 (20%)",
        "Top 2 unanswered since start:",
        "1. flights to busan (2x)",
        "2. weather in paris (1x)",
        "Feedback since start (👍 / 👎):",
        "quoted sentence: 1 / 0",
        "ambassador: 0 / 1",
        "meeting: 1 / 1",
    ]


def test_before_any_question_stats_is_the_counts_line_only() -> None:
    """Nothing asked yet: no rates (no division by zero), no groups, no votes."""
    stats = Stats()
    assert stats_text(stats, LiveReview()) == stats.summary()


def test_misses_are_bounded_by_capacity() -> None:
    """Past `capacity` distinct texts, known ones still count and new ones are only tallied."""
    live = LiveReview(capacity=2)
    for text in ["a b", "c d", "e f", "a b"]:
        live.miss(text)
    assert live.misses == {"a b": 2, "c d": 1}
    assert live.untracked == 1


def test_a_copy_does_not_change_with_later_misses_and_votes() -> None:
    """/stats groups a snapshot in another thread while the bot keeps counting."""
    live = LiveReview()
    live.miss("a b")
    live.vote("meeting", Verdict.UP)
    snapshot = live.copy()
    live.miss("a b")
    live.miss("c d")
    live.vote("meeting", Verdict.UP)
    assert snapshot.misses == {"a b": 1}
    assert snapshot.votes == {("meeting", Verdict.UP): 1}
