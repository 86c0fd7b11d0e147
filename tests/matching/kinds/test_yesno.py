"""Tests for bot/matching/kinds/yesno.py: which words of a yes/no question are values,
and how sure the entry that gives the fact must be before it says "No"."""

from __future__ import annotations

import pytest

from bot.matching import Form, Kind, Matcher, Params
from bot.matching.kinds.yesno import is_sure, value_words
from bot.matching.query import read

PARAMS = Params(answer_threshold=66.0, margin=2.0, doubt_margin=10.0)


@pytest.mark.parametrize(
    ("question", "values"),
    [
        ("Was it published in October?", {"october": "figure"}),  # a month is a date
        ("Did they meet in May?", {"may": "figure"}),  # ... even one that is a stop word
        # a sentence's first word is no value ("Speaker" is one of the release's names)
        ("May I ask who met the speaker?", {"speaker": "name"}),
        ("were 5 plants built by Kia", {"5": "figure", "kia": "name"}),
    ],
)
def test_value_words(matcher: Matcher, question: str, values: dict[str, str]) -> None:
    query = read(question, matcher.index, PARAMS)
    assert value_words(query, matcher.index) == values


@pytest.mark.parametrize(
    ("score", "lead", "sure"),
    [
        (76.0, 2.0, True),  # the bar a doubtful match clears, and the margin
        (76.0, 1.0, False),
        (75.0, 19.0, False),  # below that bar, a runner-up within twice the doubt margin
        (66.0, 20.0, True),  # ... at the answer bar, no other entry anywhere near
        (65.0, 40.0, False),  # below the answer bar: never
    ],
)
def test_is_sure(score: float, lead: float, sure: bool) -> None:
    assert is_sure(score, lead, PARAMS) is sure


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Was the release published in March 2024?", "publication-date"),
        # asked without "6th", the entry is below the doubtful bar but far ahead of any other
        (
            "Was Korea the 6th largest investor in Kazakhstan by the 2023 statistics?",
            "trade-investment",
        ),
    ],
)
def test_no_with_the_stated_value(matcher: Matcher, question: str, intent: str) -> None:
    match = matcher.match(question)
    assert (match.kind, match.form, match.intent) == (Kind.ANSWER, Form.NO, intent)


def test_a_month_the_entry_does_not_state_is_never_confirmed(matcher: Matcher) -> None:
    """The release gives no date of the meeting: "in May" is not a "Yes"."""
    assert matcher.match("Did the meeting happen in May?").form is not Form.YES
