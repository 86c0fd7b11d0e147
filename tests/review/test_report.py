"""bot/review/report.py: groups with the bot's reply now, dislikes, and the rendered text."""

from __future__ import annotations

from collections.abc import Sequence

from bot.feedback import Verdict
from bot.matching import Kind, Matcher
from bot.review.logs import Logs, Miss, Vote
from bot.review.report import build_review, render
from bot.store import Entry, Store

WHEN = "2026-11-20T10:00:00Z"


def logs_of(
    misses: list[str],
    downs: Sequence[tuple[str, str | None]] = (),
    ups: Sequence[str | None] = (),
) -> Logs:
    return Logs(
        misses=[Miss(WHEN, text, 30.0) for text in misses],
        votes=[Vote(WHEN, q, e, 80.0, Verdict.DOWN) for q, e in downs]
        + [Vote(WHEN, "q", e, 80.0, Verdict.UP) for e in ups],
        lines=len(misses) + len(downs) + len(ups),
    )


def test_a_miss_answered_now_shows_as_fixed(
    store: Store, answerable: list[tuple[str, Entry]]
) -> None:
    """A logged miss that the store answers today is marked fixed, with that entry."""
    question, entry = answerable[0]
    review = build_review(logs_of([question, question]), store)
    (finding,) = review.findings
    assert finding.fixed and finding.now.entry == entry
    assert (finding.unanswered, finding.group.count) == (2, 2)


def test_an_uncovered_question_is_not_fixed_and_keeps_its_verdict(
    store: Store, matcher: Matcher, fallback_question: str
) -> None:
    """The reply now is exactly what the matcher says; nearest lists only entries, best first."""
    review = build_review(logs_of([fallback_question]), store)
    (finding,) = review.findings
    expected = matcher.match(fallback_question)
    assert not finding.fixed
    assert (finding.now.kind, finding.now.score) == (expected.kind, expected.score)
    scores = [c.score for c in finding.nearest]
    assert scores == sorted(scores, reverse=True) and len(scores) <= 3
    assert all(store.entry(c.intent) is not None for c in finding.nearest)


def test_a_disliked_answer_is_not_fixed_even_if_answered(
    store: Store, answerable: list[tuple[str, Entry]]
) -> None:
    """👎 on the entry the bot still answers with: the group is open, the dislike counted."""
    question, entry = answerable[1]
    review = build_review(logs_of([], downs=[(question, entry.id)] * 2, ups=[entry.id]), store)
    (finding,) = review.findings
    assert finding.now.kind is Kind.ANSWER and finding.now.entry == entry
    assert not finding.fixed
    assert finding.disliked[entry.id] == 2
    assert (review.votes[entry.id].up, review.votes[entry.id].down) == (1, 2)


def test_render_lists_groups_largest_first_with_reply_now_and_votes(
    store: Store, answerable: list[tuple[str, Entry]], fallback_question: str
) -> None:
    """The text names each group's count, reply now, nearest entries, and votes per entry."""
    question, entry = answerable[0]
    logs = logs_of([fallback_question] * 3 + [question], downs=[(question, entry.id)])
    logs.skipped = 2
    text = render(build_review(logs, store))
    lines = text.splitlines()
    assert lines[0] == f"Read {logs.lines} lines from no log files; skipped 2 torn or invalid."
    assert lines[1:3] == [
        "4 unanswered and 1 disliked questions in 2 groups.",
        "0 of them answered now.",
    ]
    assert lines[4] == f"1. {fallback_question!r} - asked 3x: 3 unanswered"
    assert lines[5].startswith("   now: not in the release (best ")
    assert lines[8] == f"2. {question!r} - asked 2x: 1 unanswered, 1 disliked ({entry.id})"
    assert (
        lines[9]
        == f"   now: answers {entry.id} ({build_review(logs, store).findings[1].now.score:.1f})"
    )
    assert lines[-2:] == ["Feedback per entry (👍 / 👎):", f"  {entry.id}  0 / 1"]


def test_top_asks_the_matcher_about_the_largest_groups_only(
    store: Store, fallback_question: str
) -> None:
    """top=1: one finding, the largest group; the summary counts every group and says so."""
    logs = logs_of([fallback_question] * 2 + ["who won the world cup"])
    review = build_review(logs, store, top=1)
    assert [f.group.leader for f in review.findings] == [fallback_question]
    assert review.groups == 2
    text = render(review)
    assert "The 1 largest groups (0 answered now; --top 0 shows all):" in text
    assert "world cup" not in text
