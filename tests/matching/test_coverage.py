"""Tests for bot/matching/coverage.py: how much of a question an entry accounts for."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.drafting import build
from bot.matching import Matcher
from bot.matching.coverage import Coverage, coverage, explained_similarity
from bot.matching.query import read
from bot.matching.retrieve import Hit
from bot.store import load_store


def cover(matcher: Matcher, question: str, intent: str) -> Coverage:
    query = read(question, matcher.index, matcher.params)
    return coverage(query, matcher.index.by_id[intent], matcher.params)


@pytest.mark.parametrize(
    ("question", "intent", "share", "doubtful"),
    [
        # every word is the entry's own
        ("how many flights per week", "flights-total", 1.0, False),
        # "germany": a rare word nobody here uses weighs 4 and is all missing: 1 - 4/(6+4)
        ("how many flights to germany", "flights-total", 0.6, True),
        # "almaty", a name the entry on Astana flights never mentions: 1 - 6/(6+6+6)
        ("flights astana almaty", "flights-astana-seoul", 2 / 3, True),
        # "tourism", a word the store uses elsewhere, costs half its weight: 1 - 3.5/(6+7)
        ("flights tourism", "flights-total", 1 - 3.5 / 13, False),
        # question words alone ask nothing that could be missing
        ("how", "flights-total", 1.0, False),
    ],
)
def test_coverage(
    matcher: Matcher, question: str, intent: str, share: float, doubtful: bool
) -> None:
    assert cover(matcher, question, intent) == Coverage(pytest.approx(share), doubtful)


def test_one_unknown_word_in_a_long_question_is_no_doubt(matcher: Matcher) -> None:
    long = "hey im planning a trip, how many flights a week in total connect kazakhstan with korea?"
    found = cover(matcher, long, "flights-total")
    assert not found.doubtful and 0.8 < found.share < 1.0


@pytest.mark.parametrize(
    ("question", "doubtful"),
    [
        # The entry on CU stores in Almaty shares only the name: "tourism" and "growth"
        # are asked of Almaty, and the store says them of the flights.
        ("tourism growth in almaty", True),
        ("how did tourism grow in almaty", True),
        ("tourism in almaty", False),  # one such word may be a paraphrase
        ("cu stores in almaty", False),
    ],
)
def test_an_entry_that_shares_only_the_names_is_doubtful(
    matcher: Matcher, question: str, doubtful: bool
) -> None:
    assert cover(matcher, question, "cu-stores").doubtful == doubtful


@pytest.mark.parametrize(
    ("question", "doubtful"),
    [
        # Everyday verbs and nouns the release does not use cost little, no doubt.
        ("what do I need to wear on the tour", False),
        ("how much do I pay for the tour", False),
        ("what amount is the tour fee", False),
        ("can I drive to the tour", False),
        ("do I need a snorkel on the tour", True),  # a rare word is the point of it
    ],
)
def test_an_everyday_word_the_release_never_uses_is_no_doubt(
    tmp_path: Path, question: str, doubtful: bool
) -> None:
    release = tmp_path / "tour.txt"
    release.write_text(
        "Plant tours\n\nMARLOW - Guided tours of the water plant start on Monday."
        " Closed-toe shoes are required on the tour. The tour fee is $5.\n",
        encoding="utf-8",
    )
    build(release, tmp_path / "tour.yaml")
    drafted = Matcher(load_store(tmp_path / "tour.yaml"))
    shoes = next(e.id for e in drafted.store.entries if "shoes" in e.source)
    assert cover(drafted, question, shoes).doubtful == doubtful


def test_a_name_the_entry_states_only_in_its_answer_counts_half(matcher: Matcher) -> None:
    """ "Almaty" is in the answer on all flights but in no phrasing of it."""
    assert cover(matcher, "almaty seoul flights", "flights-almaty-seoul").share == 1.0
    passing = cover(matcher, "almaty seoul flights", "flights-total").share
    assert 0.7 < passing < 1.0


@pytest.mark.parametrize(
    ("scores", "covered", "expected"),
    [
        ((60.0, 100.0), Coverage(0.9, False), 68.0),  # nearly all explained: set ratio +0.2
        ((60.0, 100.0), Coverage(0.9, True), 60.0),  # ... unless something in it is doubtful
        ((60.0, 100.0), Coverage(0.8, False), 60.0),  # below `explained` (0.85)
        ((60.0, 40.0), Coverage(1.0, False), 60.0),  # a lower set ratio never lowers it
    ],
)
def test_explained_similarity(
    matcher: Matcher, scores: tuple[float, float], covered: Coverage, expected: float
) -> None:
    hit = Hit(owner=0, phrasing=0, similarity=scores[0], subset=scores[1])
    assert explained_similarity(hit, covered, matcher.params) == pytest.approx(expected)
