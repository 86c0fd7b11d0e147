"""Tests for bot/drafting/questions/figures.py: questions of each figure of a dense sentence."""

from __future__ import annotations

import pytest

from bot.drafting.clauses import split_clauses
from bot.drafting.questions.collect import QuestionList
from bot.drafting.questions.figures import figure_questions


def asked(sentence: str, subject: str) -> list[str]:
    clauses, _ = split_clauses(sentence)
    out = QuestionList()
    figure_questions(sentence, clauses[0] if clauses else None, subject, out)
    return out.items


def test_each_sum_of_a_list_gets_its_own_how_much() -> None:
    items = asked(
        "Funding came from a $12 million state loan, a $3.5 million federal grant and "
        "$2 million from the county's road reserves.",
        "funding",
    )
    assert items == [
        "How much is the state loan?",  # a loan is given, never "cost"
        "How much is the federal grant?",
        "How much came from the county's road reserves?",
    ]


def test_a_priced_project_is_asked_what_it_cost() -> None:
    items = asked("The bridge reopened after a $20 million restoration project.", "the bridge")
    assert items == [
        "How much is the restoration project?",
        "How much did the restoration project cost?",
    ]


def test_a_count_after_a_participle_takes_the_main_verb_and_subject() -> None:
    items = asked(
        "The depot will now hold 40 buses, serving roughly 90,000 riders across the valley.",
        "the depot",
    )
    assert "How many riders will the depot serve?" in items
    assert "How many riders are there?" in items
    assert "How many buses are there?" in items


def test_a_long_counted_noun_is_also_asked_by_its_last_two_words() -> None:
    items = asked("The upgrade adds twelve granular activated carbon filters.", "the upgrade")
    assert "How many granular activated carbon filters are there?" in items
    assert "How many carbon filters are there?" in items


def test_a_workforce_is_counted_as_people_who_work_there() -> None:
    items = asked("The site is run by a staff of 22 operators.", "the site")
    assert items == [
        "How many operators are there?",
        "How many operators does the site have?",
        "How many operators are in the staff?",
        "How big is the staff?",
        "How many operators work there?",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The trip is cut to 1 hour and 25 minutes.",  # a span, not a count of hours
        "The unit opens with 12 beds.",  # what the unit has, asked by the clause rules
        "The museum opened in 1998.",  # a year
    ],
)
def test_no_count_is_asked_of_a_span_a_possession_or_a_year(sentence: str) -> None:
    assert not [q for q in asked(sentence, "it") if q.startswith("How many")]


def test_a_time_within_which_something_is_done_is_asked_how_fast() -> None:
    items = asked("We can now spot a leak within four minutes and close the valve.", "we")
    assert items == ["How fast can we now spot a leak?", "How quickly can we now spot a leak?"]


def test_a_time_within_which_a_later_phrase_is_done_is_not_asked_of_the_main_verb() -> None:
    items = asked("The crew opened the depot, fixing leaks within two hours.", "the crew")
    assert not [q for q in items if q.startswith("How fast")]


def test_a_number_after_the_refers_back_and_is_not_counted() -> None:
    items = asked("The service cuts the journey between the two cities in half.", "the service")
    assert items == []


def test_a_count_that_ran_into_a_verb_and_its_price_is_not_asked() -> None:
    items = asked("A family ticket for two adults and three children costs £38.", "a ticket")
    assert not [q for q in items if "costs" in q]


def test_people_are_too_general_to_be_asked_how_many_there_are() -> None:
    assert "How many people are there?" not in asked("It employs 85 people.", "it")


def test_money_from_a_number_is_no_source() -> None:
    items = asked("The trust raised C$62 million from more than 9,000 donors.", "the trust")
    assert not [q for q in items if q.startswith("How much came from")]


def test_a_measure_of_something_is_not_asked_how_many_there_are() -> None:
    items = asked("The plant will treat up to 32 million gallons of water per day.", "the plant")
    assert "How many gallons are there?" not in items


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The new 1,200-seat concert hall will open on Friday.",
            [
                "How many seats does the concert hall have?",
                "What is the capacity of the concert hall?",
                "How big is the concert hall?",
            ],
        ),
        ("The six-storey wing adds a roof garden.", ["How many storeys does the wing have?"]),
        (
            "A 1.8-megawatt solar array built on the old beds supplies power.",
            ["What is the capacity of the solar array?", "How big is the solar array?"],
        ),
    ],
)
def test_a_thing_sized_by_its_parts_is_asked_how_many_it_has(
    sentence: str, expected: list[str]
) -> None:
    items = asked(sentence, "it")
    assert items[: len(expected)] == expected


def test_a_price_for_a_kind_of_person_is_asked_for_them() -> None:
    items = asked("Tickets cost $45 for adults and $20 for students.", "tickets")
    assert "How much are tickets for adults?" in items
    assert "How much are tickets for students?" in items
    assert not [
        q
        for q in asked("Fares start at $89 for tickets booked early.", "fares")
        if "for tickets" in q
    ]


def test_an_age_after_a_people_noun_is_no_count() -> None:
    assert asked("Passes cost €65, while children under 10 go free.", "passes") == []


def test_only_a_subject_that_holds_a_counted_group_is_asked_how_many_it_has() -> None:
    assert "How many aircraft does the airline have?" in asked(
        "The airline operates a fleet of 23 aircraft.", "the airline"
    )
    said = asked("The chief said the site is watched by a staff of 22 operators.", "the chief")
    assert "How many operators does the chief have?" not in said


def test_a_span_owned_by_a_noun_is_asked_how_long_it_is() -> None:
    items = asked("The clinic has a waiting time of under two weeks.", "the clinic")
    assert "How long is the waiting time?" in items


def test_a_sum_owned_by_the_subject_is_asked_how_much_it_is() -> None:
    items = asked("The grant of up to £50,000 is open to charities.", "the grant")
    assert "How much is the grant?" in items


def test_a_span_owned_by_something_that_does_not_last_is_not_asked_how_long() -> None:
    items = asked("The exhibition is the result of four years of work.", "the exhibition")
    assert "How long is the result?" not in items


def test_the_most_done_in_a_time_is_a_capacity_and_up_from_what_it_was_before() -> None:
    items = asked(
        "The plant will now treat up to 32 million gallons of water per day, up from 16 million.",
        "the plant",
    )
    assert items[:4] == [
        "What is the capacity of the plant?",
        "What is the plant’s capacity?",
        "What was the capacity of the plant before?",
        "What was the plant’s capacity before?",
    ]
    assert not [
        q for q in asked("It will treat up to 32 million gallons.", "the plant") if "capacity" in q
    ]
