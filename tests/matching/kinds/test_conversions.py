"""Tests for bot/matching/kinds/conversions.py: a stated amount in the period or unit a
question asks, and the questions that get no conversion."""

from __future__ import annotations

import pytest

from bot.matching import Form, Kind, Matcher
from bot.replies import plain


@pytest.mark.parametrize(
    ("question", "intent", "line"),
    [
        (
            "How many flights a day are there in total?",
            "flights-total",
            "15 flights per week = 2.1 flights per day.",
        ),
        (
            "how many astana seoul flights per month",
            "flights-astana-seoul",
            "2 flights per week = 8.7 flights per month.",
        ),
        # the length of the period as the question gives it
        (
            "How many flights go from Astana to Seoul in a 52-week year?",
            "flights-astana-seoul",
            "2 flights per week = 104 flights per year.",
        ),
        (
            "How big is the Doosan plant in megawatts?",
            "doosan-power-plant",
            "1 GW = 1,000 megawatts.",
        ),
    ],
)
def test_conversions(matcher: Matcher, question: str, intent: str, line: str) -> None:
    match = matcher.match(question)
    assert (match.kind, match.form, match.intent) == (Kind.ANSWER, Form.ARITHMETIC, intent)
    assert plain(match, matcher.store).splitlines()[0] == line


@pytest.mark.parametrize(
    "question",
    [
        "How many flights per week are there in total?",  # the period the entry states
        "How many students a year does the AI school take?",  # no amount stated
        "How many flights per day go from Almaty to Tokyo?",  # another name: not this entry
    ],
)
def test_no_conversion(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).form is not Form.ARITHMETIC
