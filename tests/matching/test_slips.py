"""Tests for bot/matching/slips.py: a doubled letter typed once, a question word with a
letter left out."""

from __future__ import annotations

import pytest

from bot.matching.slips import doubling_slip, question_word


@pytest.mark.parametrize(
    ("token", "word", "slip"),
    [
        ("meting", "meeting", True),  # a doubled letter typed once
        ("meetting", "meeting", True),  # a letter typed twice
        ("hoping", "hopping", False),  # an everyday word is itself
        ("mating", "meeting", False),  # another letter, not a doubling
        ("meet", "meeting", False),
    ],
)
def test_doubling_slip(token: str, word: str, slip: bool) -> None:
    assert doubling_slip(token, word) is slip


@pytest.mark.parametrize(
    ("first", "read_as"),
    [("wen", "when"), ("hw", "how"), ("wy", "why"), ("whn", "when"), ("wht", "what")],
)
def test_question_word(first: str, read_as: str) -> None:
    assert question_word(first) == read_as


@pytest.mark.parametrize("first", ["who", "how", "were", "here", "the", "kia", "2024"])
def test_a_word_of_its_own_is_no_question_word(first: str) -> None:
    assert question_word(first) == first
