"""Tests for bot/matching/kinds/values.py: which words of a yes/no question are values,
number words, opposites and modifiers."""

from __future__ import annotations

import pytest

from bot.matching import Matcher, Params
from bot.matching.kinds.values import modifiers, number, opposites, value_words
from bot.matching.query import read

PARAMS = Params()


@pytest.mark.parametrize(
    ("question", "values"),
    [
        ("Was it published in October?", {"october": "figure"}),  # a month is a date
        ("Did they meet in May?", {"may": "figure"}),  # ... even one that is a stop word
        # a sentence's first word is no value ("speaker" is a post)
        ("May I ask who met the speaker?", {"speaker": "title"}),
        ("were 5 plants built by Kia", {"5": "figure", "kia": "name"}),
        ("did the two sides meet", {}),  # "the two sides": counted already, no value
        ("is it one of the plants", {}),
        ("was he a member of the group", {"member": "title", "group": "name"}),  # a post
    ],
)
def test_value_words(matcher: Matcher, question: str, values: dict[str, str]) -> None:
    query = read(question, matcher.index, PARAMS)
    assert value_words(query, matcher.index) == values


@pytest.mark.parametrize(
    ("word", "opposite"),
    [
        ("suspend", "continue"),  # listed (data/opposites.txt), both ways
        ("continued", "halt"),  # every inflection
        ("dissatisfaction", "satisfaction"),  # a negating prefix taken away ...
        ("successful", "unsuccessful"),  # ... or added
    ],
)
def test_opposites(word: str, opposite: str) -> None:
    assert opposite in opposites(word)


@pytest.mark.parametrize("word", ["invest", "union", "display"])
def test_a_short_rest_after_a_prefix_is_no_negation(word: str) -> None:
    assert word[2:] not in opposites(word) and word[3:] not in opposites(word)


@pytest.mark.parametrize(
    ("word", "value"),
    [("5", (5, False)), ("five", (5, False)), ("5th", (5, True)), ("fifth", (5, True))],
)
def test_number(word: str, value: tuple[int, bool]) -> None:
    assert number(word) == value


@pytest.mark.parametrize(
    ("question", "intent", "found"),
    [
        ("is doosan building a coal-fired power plant", "doosan-power-plant", {"coal", "fired"}),
        ("is doosan building any coal-fired power plant", "doosan-power-plant", set()),
        ("is it a combined-cycle power plant", "doosan-power-plant", set()),  # the entry's own
        ("is sk ecoplant taking part in bakad", "bakad", set()),  # "takes part": one word
        ("is korea in the top five investors", "trade-investment", set()),  # a number: a figure
    ],
)
def test_modifiers(matcher: Matcher, question: str, intent: str, found: set[str]) -> None:
    query = read(question, matcher.index, PARAMS)
    assert modifiers(query, matcher.index.by_id[intent], matcher.index) == found
