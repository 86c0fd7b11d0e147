"""bot/review/groups.py: rewordings group together, different asks stay apart, runs repeat."""

from __future__ import annotations

import random

import pytest

from bot.review.groups import Group, group_counts, group_texts

# (texts, whether all of them should end in one group)
CASES = [
    (
        ["how many flights to seoul", "How many flights to Seoul??", "how many flight to seoul"],
        True,
    ),
    (["flights from astana to seoul", "how many flights from astana to seoul"], True),
    (["what is the capital of France", "who won the world cup"], False),
    (["almaty seoul", "how much does a ticket from almaty to seoul cost"], False),
    (["when was the kia plant opened", "when was the kia plant in kazakhstan opened"], True),
]


@pytest.mark.parametrize(("texts", "together"), CASES)
def test_rewordings_group_and_different_asks_do_not(texts: list[str], together: bool) -> None:
    """Case, punctuation, plurals and small rewordings group; a short text does not swallow all."""
    groups = group_texts(texts)
    assert (len(groups) == 1) is together


def test_groups_count_repeats_and_lead_with_the_most_frequent_wording() -> None:
    """Exact repeats (after normalising) add up; the leader is the most asked wording."""
    texts = ["who met whom"] * 3 + ["Who met whom?"] * 4 + ["who met with whom"] + ["weather"]
    groups = group_texts(texts)
    assert groups[0] == Group((("Who met whom?", 7), ("who met with whom", 1)))
    assert groups[1] == Group((("weather", 1),))
    assert [g.count for g in groups] == [8, 1]


def test_grouping_does_not_depend_on_input_order() -> None:
    """The same texts in any order give the same groups (numbers in --suggest stay stable)."""
    texts = [f"how many flights to city {i % 7} per week" for i in range(40)]
    texts += [f"who is person {i % 5}" for i in range(30)] + ["flights", "ambassador name"]
    shuffled = texts[:]
    random.Random(3).shuffle(shuffled)
    assert group_texts(shuffled) == group_texts(texts)


def test_group_counts_equals_group_texts_with_repeats() -> None:
    """Counts and repeated texts are two spellings of the same input."""
    counts = {"how many flights": 3, "How many flights?": 2, "who met": 1}
    texts = [t for t, n in counts.items() for _ in range(n)]
    assert group_counts(counts) == group_texts(texts)
