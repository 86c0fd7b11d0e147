"""Tests for bot/matching/kinds/spans.py: years and places between stated years and
ranks, and the questions that get no span."""

from __future__ import annotations

import pytest

from bot.matching import Form, Kind, Matcher
from bot.replies import plain

RANKS = "How many places lie between Korea's investor rank and its trade partner rank?"


@pytest.mark.parametrize(
    ("question", "intent", "values", "span"),
    [
        # a year the question gives, and the one year of an entry about a name it uses
        (
            "How many years after 2019 were General Hong's remains returned?",
            "hong-beom-do",
            {2019, 2021},
            2,
        ),
        (
            "How many years from General Hong's return to the 2023 figures?",
            "hong-beom-do",
            {2021, 2023},
            2,
        ),
        # two entries' years, one named by a name, one by rarer words ("trade statistics")
        (
            "How many years between General Hong's return and the trade statistics?",
            "hong-beom-do",
            {2021, 2023},
            2,
        ),
        # the release coming out, of the entry asked about it: the span is counted to it,
        # whichever the question names first
        (
            "How many years after the remains were returned was this published?",
            "hong-beom-do",
            {2021, 2024},
            3,
        ),
        (
            "How many years before the news was released did General Hong come home?",
            "hong-beom-do",
            {2021, 2024},
            3,
        ),
        # two ranks of one entry, each named by the words after it there
        (RANKS, "trade-investment", {4, 5}, 1),
        # one rank, and how many are ahead of it
        ("How many are ahead of Korea as investors in Kazakhstan?", "trade-investment", {5, 1}, 4),
    ],
)
def test_spans(matcher: Matcher, question: str, intent: str, values: set[int], span: int) -> None:
    match = matcher.match(question)
    assert (match.kind, match.form, match.intent) == (Kind.ANSWER, Form.ARITHMETIC, intent)
    assert {f.value for f in match.figures} == values
    assert match.result is not None and match.result.value == span


@pytest.mark.parametrize(
    "question",
    [
        "How many years has Woo been speaker?",  # no year stated
        "How many years between 2021 and 2023?",  # no entry's year
        "How many years after 2021 was the AI school opened?",  # the AI school has none
        "How many places did Korea climb since 2022 as an investor?",  # no earlier rank
        "How many places ahead of Japan is Korea?",  # no rank of Japan
        "How many places ahead of Kazakhstan is Korea in the world economy?",  # other ranks
    ],
)
def test_no_span_without_two_stated_values(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).form is not Form.ARITHMETIC


def test_two_figures_of_one_entry_quote_it_once(matcher: Matcher) -> None:
    match = matcher.match(
        "How many places lie between Korea's investor rank and its trade partner rank?"
    )
    text = plain(match, matcher.store)
    assert text.startswith("Difference: 5 - 4 = 1 place.")
    assert text.count("From the release") == 1
