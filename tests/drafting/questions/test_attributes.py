"""Tests for bot/drafting/questions/attributes.py: each attribute rule on its own.

Every row is a sentence (and its subject where the rule needs one), the rule, and
the questions that rule alone asks, so a change to one rule shows in its own rows.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.drafting.questions import attributes as rules
from bot.drafting.questions.collect import Known, QuestionList

SubjectRule = Callable[[str, str, QuestionList], None]
TextRule = Callable[[str, QuestionList], None]

WITH_SUBJECT: list[tuple[str, str, SubjectRule, list[str]]] = [
    (
        "The terminal is open daily from 5:45 am to 11:00 pm.",
        "The terminal",
        rules.hours_questions,
        [
            "What are the opening hours of the terminal?",
            "When is the terminal open?",
            "What time does the terminal open?",
            "What time does the terminal close?",
            "What are the hours of the terminal?",
            "What are the terminal hours?",
        ],
    ),
    (
        # A range after a comma, and the hours named by the thing ("customer support hours").
        "Customer support is available by chat from Monday to Friday, 8:00 to 18:00.",
        "customer support",
        rules.hours_questions,
        ["What are the hours of customer support?", "What are the customer support hours?"],
    ),
    (
        "Other visitors are welcome daily from 10 am to 8 pm.",
        "Other visitors",
        rules.hours_questions,
        ["What are the visiting hours?", "What are the hours of other visitors?"],
    ),
    (
        "The buses leave every 20 minutes between 6 am and 11 pm.",
        "The buses",
        rules.hours_questions,
        [
            "What are the hours of the buses?",
            "What time is the first bus?",
            "What time is the last bus?",
        ],
    ),
    ("The public can tour it from 10 am to 2 pm.", "the public", rules.hours_questions, []),
    ("The bridge opens in May.", "The bridge", rules.hours_questions, []),
    (
        "The wing cost C$212 million to build.",
        "The wing",
        rules.price_questions,
        [
            "How much did the wing cost?",
            "How much does the wing cost?",
            "How much is the wing?",
            "What is the price of the wing?",
        ],
    ),
    (
        "A single adult fare stays at £4.80.",
        "A single adult fare",
        rules.price_questions,
        [
            "How much did a single adult fare cost?",
            "How much does a single adult fare cost?",
            "How much is a single adult fare?",
            "What is the price of a single adult fare?",
        ],
    ),
    (
        "Families can buy a weekly parking pass for C$25 at the desk.",
        "Families",
        rules.price_questions,
        [
            "How much did a weekly parking pass cost?",
            "How much does a weekly parking pass cost?",
            "How much is a weekly parking pass?",
            "What is the price of a weekly parking pass?",
        ],
    ),
    ("The station has 140 spaces.", "The station", rules.price_questions, []),
    (
        "Tickets for the concert cost £25.",
        "Tickets",
        rules.price_questions,
        [
            "How much did Tickets cost?",
            "How much do Tickets cost?",
            "How much are Tickets?",
            "What is the price of Tickets?",
        ],
    ),
    (
        "Tickets can be bought at the desks in the hall.",
        "tickets",
        rules.where_to_get_questions,
        ["Where can I buy tickets?", "Where can tickets be bought?"],
    ),
    ("The hall can be seen from the pier.", "the hall", rules.where_to_get_questions, []),
    (
        "The Marlowe Wing will admit its first patients on Monday, October 5.",
        "The Marlowe Wing",
        rules.opening_questions,
        [
            "When does the Marlowe Wing open?",
            "When will the Marlowe Wing open?",
            "What is the opening date of the Marlowe Wing?",
        ],
    ),
    (
        "An open day with guided tours takes place on Saturday 31 October.",
        "An open day",
        rules.event_questions,
        ["When is the open day?", "When does the open day take place?"],
    ),
    ("The fair takes place in the hall.", "The fair", rules.event_questions, []),
    (
        "Construction began in 2024 and was carried out by Dunmore Building Ltd.",
        "Construction",
        rules.done_by_questions,
        ["Who built it?", "Which company built it?", "Who did the construction?"],
    ),
    ("The survey was carried out by Acme Ltd.", "The survey", rules.done_by_questions, []),
    (
        "Drivers should check in no later than 20 minutes before departure.",
        "Drivers",
        rules.deadline_questions,
        [
            "When must drivers check in?",
            "When should drivers check in?",
            "How early should drivers check in?",
        ],
    ),
    (
        "The Authority is a trust port established in 1872.",
        "The Authority",
        rules.founding_questions,
        ["When was the Authority founded?", "When was the Authority established?"],
    ),
    (
        "The six-storey wing adds 64 inpatient beds.",
        "The six-storey wing",
        rules.count_questions,
        [
            "How many inpatient beds does the six-storey wing have?",
            "How many beds does the six-storey wing have?",
        ],
    ),
    (
        "The wing houses a care unit (PICU) with 12 beds.",
        "",
        rules.count_questions,
        ["How many beds does the care unit have?"],
    ),
    ("The council approved 12 projects.", "The council", rules.count_questions, []),
]

WITHOUT_SUBJECT: list[tuple[str, TextRule, list[str]]] = [
    (
        "Places are free but must be booked in advance.",
        rules.booking_questions,
        ["Do I need to book?", "Do I have to book in advance?", "Is booking required?"],
    ),
    ("The hall was booked in 2024.", rules.booking_questions, []),
    (
        "A walkway links the terminal to Arlow railway station, a walk of four minutes.",
        rules.distance_questions,
        [
            "How far is it to Arlow railway station?",
            "How far is Arlow railway station?",
            "How long is the walk to Arlow railway station?",
        ],
    ),
    (
        "The terminal serves the crossing to the island, which takes 35 minutes.",
        rules.duration_questions,
        [
            "How long is the crossing to the island?",
            "How long does the crossing to the island take?",
        ],
    ),
    (
        "The terminal replaces the old hall on the pier, which will be demolished next year.",
        rules.future_questions,
        [
            "What happens to the old hall?",
            "What will happen to the old hall?",
        ],
    ),
    (
        "The wing adds 64 beds for children up to the age of 17.",
        rules.age_questions,
        ["What is the age limit?", "Up to what age?"],
    ),
    ("The wing adds 64 beds.", rules.age_questions, []),
]


@pytest.mark.parametrize(("text", "subject", "rule", "expected"), WITH_SUBJECT)
def test_an_attribute_rule_asks_of_a_sentence_and_its_subject(
    text: str, subject: str, rule: SubjectRule, expected: list[str]
) -> None:
    out = QuestionList()
    rule(text, subject, out)
    assert out.items == expected


@pytest.mark.parametrize(("text", "rule", "expected"), WITHOUT_SUBJECT)
def test_an_attribute_rule_asks_of_a_sentence(
    text: str, rule: TextRule, expected: list[str]
) -> None:
    out = QuestionList()
    rule(text, out)
    assert out.items == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Admission is free.", ["Is admission free?"]),
        ("Places are free.", ["Are places free?"]),
        (
            "A fare stays at £4.80; children under 5 travel free.",
            [
                "Do children under 5 travel free?",
                "Do children under 5 pay?",
                "Do children under 5 have to pay?",
            ],
        ),
        (
            # Free for members: do members pay.
            "Members of the museum enter free of charge.",
            [
                "Do Members of the museum enter free?",
                "Do Members pay?",
                "Do Members have to pay?",
            ],
        ),
        (
            "The car park opens on the same day; the first 30 minutes of parking are free.",
            ["Are the first 30 minutes of parking free?", "Is parking free?"],
        ),
        ("The ferry runs hourly.", []),
    ],
)
def test_free_questions_ask_whether_a_thing_is_free(text: str, expected: list[str]) -> None:
    out = QuestionList()
    rules.free_questions(text, out, frozenset({"admission", "places"}))
    assert out.items == expected


@pytest.mark.parametrize(
    ("plural", "one"), [("buses", "bus"), ("ferries", "ferry"), ("trains", "train")]
)
def test_singular_of_a_plural_noun(plural: str, one: str) -> None:
    assert rules.singular(plural) == one


@pytest.mark.parametrize(
    ("agent", "activity"),
    [("visitors", "visiting"), ("drivers", "driving"), ("ferries", ""), ("Customers", "")],
)
def test_activity_of_an_agent_noun(agent: str, activity: str) -> None:
    assert rules.activity_of(agent) == activity


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("The terminal in Arlow", "the terminal"),
        ("Drivers taking a car across", "drivers"),
        ("Tickets", "tickets"),  # written in lower case elsewhere
        ("Admission", "admission"),  # the noun of a thing
        ("Shell", "Shell"),  # an everyday word, but the release capitalises it mid-sentence
        ("Kestrel Quay", "Kestrel Quay"),
    ],
)
def test_a_subject_as_it_reads_mid_question(subject: str, expected: str) -> None:
    known = Known(frozenset({"tickets"}), names=frozenset({"shell"}))
    assert rules.mid_question(subject, known) == expected


@pytest.mark.parametrize(
    ("questions", "published", "expected"),
    [
        (
            ["How many passengers used the crossing in 2025?"],
            "2026-10-14",
            [
                "How many passengers used the crossing in 2025?",
                "How many passengers used the crossing last year?",
            ],
        ),
        (
            ["When will it open in 2026?", "in 2026"],  # a keyword phrasing stays as it is
            "2026-10-14",
            ["When will it open in 2026?", "When will it open this year?", "in 2026"],
        ),
        (["What happened in 1990?"], "2026-10-14", ["What happened in 1990?"]),
        (["What happened in 2025?"], None, ["What happened in 2025?"]),
    ],
)
def test_a_year_near_the_release_date_is_also_asked_in_words(
    questions: list[str], published: str | None, expected: list[str]
) -> None:
    assert rules.relative_years(questions, published) == expected
