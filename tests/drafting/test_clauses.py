"""Tests for bot/drafting/clauses.py: a sentence's clauses, each with subject, verb and rest."""

from __future__ import annotations

import pytest

from bot.drafting.clauses import split_clauses, subject_case

Found = tuple[str, tuple[str, ...], str, bool]  # subject, verb group, rest, dated


@pytest.mark.parametrize(
    ("sentence", "opener", "expected"),
    [
        (
            "During the talks, the sides discussed trade and agreed to expand flights.",
            "During the talks,",
            [
                ("the sides", ("discussed",), "trade", False),
                ("the sides", ("agreed",), "to expand flights", False),
            ],
        ),
        (
            "The researchers show that the glacier retreated 450 metres since 1990.",
            "",
            [
                (
                    "The researchers",
                    ("show",),
                    "that the glacier retreated 450 metres since 1990",
                    False,
                ),
                ("the glacier", ("retreated",), "450 metres since 1990", False),
            ],
        ),
        ("It was noted that exports grew.", "", [("exports", ("grew",), "", False)]),
        (
            "The company was founded in 2019 and has sold 3,000 drones.",
            "",
            [
                ("The company", ("was", "founded"), "in 2019", False),
                ("The company", ("has", "sold"), "3,000 drones", False),
            ],
        ),
        (
            "Meanwhile, on Tuesday, the council approved the plan.",
            "Meanwhile, on Tuesday,",
            [("the council", ("approved",), "the plan", False)],
        ),
        (
            "The council on Tuesday approved the plan.",
            "",
            [("The council", ("approved",), "the plan", True)],
        ),
        ("A new map of the glaciers.", "", []),
        (
            "Trains will run every 8 minutes.",  # "Trains" is a verb too, but opens it
            "",
            [("Trains", ("will", "run"), "every 8 minutes", False)],
        ),
        (
            "Founded in 1911, the department operates two plants.",
            "Founded in 1911,",
            [("the department", ("operates",), "two plants", False)],
        ),
    ],
    ids=[
        "opener-and",
        "reported",
        "it-was-noted",
        "borrowed-subject",
        "two-openers",
        "dated",
        "none",
        "noun-that-is-a-verb",
        "participle-opener",
    ],
)
def test_the_clauses_of_a_sentence(sentence: str, opener: str, expected: list[Found]) -> None:
    clauses, found_opener = split_clauses(sentence)
    assert found_opener == opener
    assert [(c.subject, c.verb.words, c.rest, c.dated) for c in clauses] == expected


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("The council", "the council"),
        ("Glaciers in the Alps", "glaciers in the Alps"),  # the release writes "glaciers"
        ("Riverton City Council", "Riverton City Council"),
    ],
)
def test_a_subject_reads_mid_question_in_lower_case_unless_a_name(
    subject: str, expected: str
) -> None:
    assert subject_case(subject, frozenset({"glaciers"})) == expected


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Construction", "construction"),  # an everyday word opening its sentence
        ("Shell", "Shell"),  # the release writes "shares of Shell": a name
        ("Arlow harbour", "Arlow harbour"),  # no everyday word
    ],
)
def test_an_everyday_word_opening_a_sentence_reads_in_lower_case(
    subject: str, expected: str
) -> None:
    assert subject_case(subject, frozenset(), frozenset({"shell"})) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The phone costs $799 and goes on sale on October 3.",
            [("The phone", ("costs",), "$799"), ("The phone", ("goes",), "on sale on October 3")],
        ),
        (
            "The app records meetings and transcribes them.",
            [("The app", ("records",), "meetings"), ("The app", ("transcribes",), "them")],
        ),
        # "and build": a base form after a verb is one predicate; "and demand": no verb.
        (
            "The firm will design and build the bridge.",
            [("The firm", ("will", "design"), "and build the bridge")],
        ),
        ("The plan covers supply and demand.", [("The plan", ("covers",), "supply and demand")]),
    ],
)  # fmt: skip
def test_and_with_a_present_tense_verb_opens_a_second_predicate(
    sentence: str, expected: list[tuple[str, tuple[str, ...], str]]
) -> None:
    clauses, _ = split_clauses(sentence)
    assert [(c.subject, c.verb.words, c.rest) for c in clauses] == expected
