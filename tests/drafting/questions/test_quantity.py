"""Tests for bot/drafting/questions/quantity.py: the questions of a number, by its kind."""

from __future__ import annotations

import pytest

from bot.drafting.clauses import split_clauses
from bot.drafting.quantities import find_quantities
from bot.drafting.questions.collect import QuestionList
from bot.drafting.questions.quantity import quantity_questions

# sentence, its subject as a question writes it, the questions of the clause's first number
CASES = [
    (
        "There are 15 flights per week between Kazakhstan and Korea.",
        "there",
        [
            "How many flights per week are there between Kazakhstan and Korea?",
            "number of flights per week",
        ],
    ),
    (
        "The drone flies for up to 95 minutes on a single charge.",
        "the drone",
        [
            "How long does the drone fly on a single charge?",
            "How many minutes does the drone fly on a single charge?",
        ],
    ),
    (
        "It costs €7,900, including the base station.",
        "the drone",
        [
            "What is the price of the drone?",
            "How much is the drone?",
            "What is included in the price?",
            "How much does the drone cost?",
            "How many euros does the drone cost?",
        ],
    ),
    ("Farms get a discount of 30%.", "farms", [
        "How big is the discount?",
        "What is the discount?",
    ]),
    (
        "The glaciers lost 12 percent of their volume.",
        "the glaciers",
        [
            "How much of their volume did the glaciers lose?",
            "What percentage of their volume did the glaciers lose?",
            "What share of their volume did the glaciers lose?",
        ],
    ),
    ("FieldScout 2 weighs 4.2 kg.", "FieldScout 2", [
        "How much does FieldScout 2 weigh?",
        "How heavy is FieldScout 2?",
    ]),
    ("The drone can cover 240 hectares per flight.", "the drone", [
        "How many hectares can the drone cover?",
        "How much area can the drone cover?",
    ]),
    ("Trams will run every 6 minutes.", "trams", [
        "How often will trams run?",
        "How frequent are trams?",
    ]),
    ("The glacier retreated 450 metres.", "the glacier", [
        "How far did the glacier retreat?",
        "How many metres did the glacier retreat?",
    ]),
    ("The city spent €212 million on the line.", "the city", [
        "How much did the city spend on the line?",
        "How many euros did the city spend on the line?",
    ]),
    ("The line is 6.8 km long.", "the line", [
        "How long is the line?",
        "How many kilometres is the line long?",
    ]),
    ("The council voted 31 to 8.", "the council", []),  # a score, not a count
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "subject", "expected"), CASES)
def test_a_number_is_asked_about_by_its_kind(
    sentence: str, subject: str, expected: list[str]
) -> None:
    clause = split_clauses(sentence)[0][0]
    quantity = find_quantities(clause.rest)[0]
    out = QuestionList()
    quantity_questions(quantity, clause.rest, subject, clause.verb, out, there=subject == "there")
    assert out.items == expected


def test_a_number_counted_inside_a_relative_clause_asks_nothing() -> None:
    clause = split_clauses("The city has plans that include 3 new lines.")[0][0]
    quantity = find_quantities(clause.rest)[0]
    out = QuestionList()
    quantity_questions(quantity, clause.rest, "the city", clause.verb, out, there=False)
    assert out.items == []


@pytest.mark.parametrize(
    "sentence", ["The garden is open from 9 am to 7 pm.", "The desk is staffed until 5 p.m."]
)
def test_a_clock_time_is_no_number_of_anything(sentence: str) -> None:
    clause = split_clauses(sentence)[0][0]
    assert find_quantities(clause.rest) == []  # so no "How many pm", no "number of am"


def test_a_figure_of_a_later_participle_phrase_is_not_asked_of_the_main_verb() -> None:
    sentence = "The route will operate 11 trips a week, cutting the journey to 1 hour."
    clause = split_clauses(sentence)[0][0]
    out = QuestionList()
    for quantity in find_quantities(clause.rest):
        quantity_questions(quantity, clause.rest, "the route", clause.verb, out, there=False)
    assert "How long will the route operate?" not in out.items
    assert "How many trips a week will the route operate?" in out.items


def test_a_word_number_with_only_a_unit_is_left_to_the_figure_rules() -> None:
    sentence = "A new walkway links the terminal to the station, two minutes away."
    clause = split_clauses(sentence)[0][0]
    out = QuestionList()
    for quantity in find_quantities(clause.rest):
        quantity_questions(quantity, clause.rest, "a new walkway", clause.verb, out, there=False)
    assert out.items == []


def test_a_length_of_something_is_asked_how_many_units_of_it() -> None:
    sentence = "The department operates 640 miles of water mains and nine reservoirs."
    clause = split_clauses(sentence)[0][0]
    quantity = find_quantities(clause.rest)[0]
    out = QuestionList()
    quantity_questions(quantity, clause.rest, "the department", clause.verb, out, there=False)
    assert out.items == ["How many miles of water mains does the department operate?"]


def test_a_sum_that_prices_a_noun_after_a_preposition_is_not_asked_of_the_verb() -> None:
    sentence = "The hall will open on Friday, after a three-year, $95 million building project."
    clause = split_clauses(sentence)[0][0]
    out = QuestionList()
    for quantity in find_quantities(clause.rest):
        quantity_questions(quantity, clause.rest, "the hall", clause.verb, out, there=False)
    assert not [q for q in out.items if q.startswith("How much will the hall open")]


def test_a_frequency_after_a_named_place_is_asked_how_often_of_the_verb_and_object() -> None:
    sentence = "Ferries will leave Arlow every 45 minutes between 6:15 am and 10:30 pm."
    clause = split_clauses(sentence)[0][0]
    out = QuestionList()
    for quantity in find_quantities(clause.rest):
        quantity_questions(quantity, clause.rest, "ferries", clause.verb, out, there=False)
    assert out.items == [
        "How often will ferries leave?",
        "How frequent are ferries?",
        "How often will ferries leave Arlow?",
    ]
