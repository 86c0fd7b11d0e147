"""Tests for bot/matching/owners.py: whose a thing is, in a question and in an answer."""

from __future__ import annotations

import pytest

from bot.matching import Matcher
from bot.matching.owners import _head, _owners


def test_an_answer_says_whose_what_its_subject_is(matcher: Matcher) -> None:
    answer = matcher.index.by_id["trade-investment"].entry
    assert answer is not None
    owners = _owners(answer.answer, matcher.index)
    assert owners["partner"] == owners["investor"] == "kazakhstan"


def test_a_thing_between_two_subjects_is_nobody_s(matcher: Matcher) -> None:
    answer = matcher.index.by_id["flights-total"].entry
    assert answer is not None
    assert "flight" not in _owners(answer.answer, matcher.index)


@pytest.mark.parametrize(
    ("following", "head"),
    [
        ("trade partners", "partner"),
        ("place among investors in kazakhstan", "place"),  # up to a preposition
        ("4th largest trading partner", "partner"),
    ],
)
def test_head(matcher: Matcher, following: str, head: str) -> None:
    assert _head(following.split(), matcher.index) == head
