"""Tests for bot/matching/decide.py: ranked candidates and thresholds in, a verdict out."""

from __future__ import annotations

import dataclasses

import pytest

from bot.matching import Candidate, Kind, Matcher
from bot.matching.decide import decide

ANSWER, CLARIFY, FALLBACK, SMALLTALK = Kind.ANSWER, Kind.CLARIFY, Kind.FALLBACK, Kind.SMALLTALK


def c(intent: str, score: float, doubtful: bool = False, swapped: bool = False) -> Candidate:
    return Candidate(intent, intent, score, doubtful, swapped)


# The shipped store: answer >= 66, clarify >= 52, margin 2; doubt margin 10, floor 45.
@pytest.mark.parametrize(
    ("ranked", "kind", "intent", "offered"),
    [
        ([], FALLBACK, None, []),
        ([c("ambassador", 70)], ANSWER, "ambassador", []),
        ([c("ambassador", 70), c("speaker", 60)], ANSWER, "ambassador", []),
        ([c("ambassador", 70), c("speaker", 69)], CLARIFY, None, ["ambassador", "speaker"]),
        ([c("ambassador", 70, doubtful=True)], CLARIFY, None, ["ambassador"]),
        ([c("ambassador", 76, doubtful=True)], ANSWER, "ambassador", []),
        ([c("ambassador", 99, swapped=True)], CLARIFY, None, ["ambassador"]),
        ([c("greeting", 90)], SMALLTALK, "greeting", []),
        ([c("greeting", 60), c("speaker", 55)], CLARIFY, None, ["speaker"]),  # no small talk
        (
            [c("meeting", 60), c("speaker", 59), c("ambassador", 58), c("bakad", 57)],
            CLARIFY,
            None,
            ["meeting", "speaker", "ambassador"],  # at most max_clarify
        ),
        (
            [c("meeting", 50), c("speaker", 46), c("bakad", 40)],
            FALLBACK,
            None,
            ["meeting", "speaker"],
        ),
    ],
)
def test_decide(
    matcher: Matcher, ranked: list[Candidate], kind: Kind, intent: str | None, offered: list[str]
) -> None:
    match = decide("q", ranked, matcher.index.by_id, matcher.params)
    assert (match.kind, match.intent) == (kind, intent)
    assert [s.intent for s in match.suggestions] == offered
    assert match.score == (ranked[0].score if ranked else 0.0)


def test_the_thresholds_come_from_params(matcher: Matcher) -> None:
    strict = dataclasses.replace(matcher.params, answer_threshold=80.0, margin=0.0)
    assert decide("q", [c("bakad", 70)], matcher.index.by_id, strict).kind is CLARIFY
    loose = dataclasses.replace(matcher.params, doubt_margin=0.0)
    assert decide("q", [c("bakad", 70, doubtful=True)], matcher.index.by_id, loose).kind is ANSWER
