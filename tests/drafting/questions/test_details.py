"""Tests for bot/drafting/questions/details.py: where, by when, until when, what number."""

from __future__ import annotations

import pytest

from bot.drafting.questions.collect import QuestionList
from bot.drafting.questions.details import detail_questions


def asked(text: str, subject: str = "") -> list[str]:
    out = QuestionList()
    detail_questions(text, subject, out)
    return out.items


def test_a_located_thing_is_asked_where_it_is() -> None:
    text = "The museum shop, located in the west hall near Door 2, is open daily."
    assert asked(text, "the museum shop") == [
        "Where is the museum shop?",
        "Where is the museum shop located?",
    ]


def test_an_address_after_a_place_is_its_address() -> None:
    text = "Visitors are welcome at the depot, 12 Harbour Road, on Saturday."
    assert asked(text) == ["What is the address of the depot?", "Where is the depot?"]


def test_a_date_after_a_participle_is_a_deadline() -> None:
    items = asked("Fares start at $40 for seats booked by March 3, 2027.")
    assert items == ["What is the deadline to book?", "By when do I have to book?"]
    assert asked("Forms submitted by Friday, May 2 are read first.")[0] == (
        "What is the deadline to submit?"
    )


def test_an_offer_for_an_activity_through_a_date_is_asked_until_when() -> None:
    assert asked("Passes are valid for travel through June 15, 2027.") == [
        "Until when can I travel?"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Customers can also book by phone at 1-800-555-0172.",
        "Groups should book at least two weeks ahead by calling 555-0148.",
    ],
)
def test_a_number_to_call_for_something(text: str) -> None:
    assert asked(text) == ["What is the phone number to book?", "What number do I call to book?"]


def test_a_participle_whose_base_is_unsure_is_not_asked() -> None:
    assert asked("Seats priced by March 3 sell out.") == []  # "pric" or "price": unsure


def test_work_done_by_a_named_firm_is_asked_who_did_it() -> None:
    text = "Building was led by Ostra Builders, with interior design by Lund & Holm Studio."
    assert asked(text) == ["Who did the interior design?"]


def test_a_clause_that_adds_something_is_asked_what_was_added() -> None:
    assert asked("The upgrade adds a new filter stage and a control room.") == ["What was added?"]
    assert asked("The upgrade, which the city approved, adds a filter stage.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oban has been the most-requested destination for years.", ["Why Oban?"]),
        ("The Brackwater Museum is the largest in the county.", ["Why Brackwater Museum?"]),
        ("The museum is the largest in the county.", []),  # no name to ask why of
    ],
)
def test_a_name_said_to_be_the_most_of_something_is_asked_why(
    text: str, expected: list[str]
) -> None:
    assert asked(text) == expected
