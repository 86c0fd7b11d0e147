"""Tests for bot/drafting/questions/measures.py: a technical measure asked in plain words."""

from __future__ import annotations

import pytest

from bot.drafting.questions.collect import QuestionList
from bot.drafting.questions.measures import (
    accuracy_questions,
    funding_questions,
    subscription_questions,
)


@pytest.mark.parametrize(
    ("sentence", "subject", "expected"),
    [
        (
            "In tests, it reached a word error rate (WER) of 6.1% on English meetings.",
            "Parley",
            ["How accurate is it?", "How accurate is Parley?", "What is the accuracy of Parley?"],
        ),
        ("The scanner detects tumours with 94 percent accuracy.", "it", ["How accurate is it?"]),
        ("Sales rose 6.1%.", "sales", []),
    ],
)
def test_an_error_rate_or_accuracy_is_asked_how_accurate(
    sentence: str, subject: str, expected: list[str]
) -> None:
    out = QuestionList()
    accuracy_questions(sentence, subject, out)
    assert out.items == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Pro plan costs €9 per user per month, or €90 per user per year.",
            [
                "How much is a monthly subscription?",
                "How much does it cost per month?",
                "How much is a yearly subscription?",
                "How much does it cost per year?",
            ],
        ),
        (
            "Membership is £40 a year.",
            [
                "How much is a yearly subscription?",
                "How much does it cost per year?",
            ],
        ),
        ("A ticket costs £14.", []),
        ("It carries 300 passengers per week.", []),
    ],
)
def test_a_price_per_month_or_year_is_asked_as_a_subscription(
    sentence: str, expected: list[str]
) -> None:
    out = QuestionList()
    subscription_questions(sentence, out)
    assert out.items == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The national government will cover 60% of the cost, and the remaining €85 million"
            " will come from the city’s capital budget.",
            [
                "Who pays for it?",
                "How is it funded?",
                "Where does the money come from?",
                "How much will the city pay?",
                "How much does the city pay?",
            ],
        ),
        (
            "It was paid for by the Scottish Government and the AHA.",
            ["Who pays for it?", "How is it funded?", "Where does the money come from?"],
        ),
        ("The drone can cover 240 hectares per flight.", []),
    ],
)
def test_who_pays_and_how_much_each_payer_gives(sentence: str, expected: list[str]) -> None:
    out = QuestionList()
    funding_questions(sentence, out)
    assert out.items == expected
