"""Tests for bot/drafting/quantities.py: numbers with what they count or measure."""

from __future__ import annotations

import pytest

from bot.drafting.quantities import find_quantities

# kind, noun, unit, of, owner, prep
Found = tuple[str, str, str, str, str, str]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 flights per week", [("count", "flights", "", "", "", "")]),
        ("twelve new stations", [("count", "new stations", "", "", "", "")]),
        ("a budget of €212 million", [("money", "", "euros", "", "budget", "of")]),
        ("contributed C$150 million", [("money", "", "dollars", "", "", "")]),  # prefixed $
        ("60% of the cost", [("percent", "", "", "the cost", "", "")]),
        ("every 6 minutes", [("every", "", "minutes", "", "", "")]),
        ("240 hectares", [("area", "", "hectares", "", "", "")]),
        ("6.8 km long", [("length", "", "kilometres", "", "", "")]),  # "long" is counted by no one
        ("1.5 GW plant", [("power", "plant", "gigawatts", "", "", "")]),
        ("four times more", [("bare", "times", "", "", "", "")]),
        ("bus route 14", []),  # an identifier
        ("FieldScout 2", []),  # a product's name
        ("in 2024", []),  # a year
        ("+49 30 1234", []),  # a phone number
        ("one of the first", []),  # a word number counting nothing
        ("within four minutes", [("duration", "", "minutes", "", "", "within")]),  # a unit
    ],
)
def test_a_number_with_what_it_counts(text: str, expected: list[Found]) -> None:
    found = [(q.kind, q.noun, q.unit, q.of, q.owner, q.prep) for q in find_quantities(text)]
    assert found == expected


def test_a_quantity_spans_its_noun_and_keeps_what_follows() -> None:
    text = "There are 15 flights per week between Kazakhstan and Korea"
    (quantity,) = find_quantities(text)
    assert text[quantity.start : quantity.end] == "15 flights"
    assert quantity.after == "per week between Kazakhstan and Korea"


@pytest.mark.parametrize(
    "text", ["depart at 7:10 a.m., arriving at 8:35 a.m.", "open from 9 am to 5 pm", "at 18:00"]
)
def test_a_time_of_day_is_no_quantity(text: str) -> None:
    assert find_quantities(text) == []


def test_a_count_next_to_a_time_of_day_is_still_found() -> None:
    found = find_quantities("with 22 operators at 6 a.m.")
    assert [(q.kind, q.noun) for q in found] == [("count", "operators")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle before its noun is part of what is counted ...
        (
            "twelve granular activated carbon filters",
            ("count", "granular activated carbon filters"),
        ),
        # ... a verb after a plural is not, nor a participle taking an object.
        ("30 volunteers planted trees", ("count", "volunteers")),
        ("a fleet of 23 aircraft serving 17 destinations", ("count", "aircraft")),
        # A scale before a noun counts the noun, though the release quotes dollars.
        ("a $5 fee for 16 million gallons", ("count", "gallons")),
        # After a comma an identifier noun ends a list item: "stage, twelve ..." counts.
        ("a new stage, twelve filters", ("count", "filters")),
    ],
)
def test_what_a_number_counts(text: str, expected: tuple[str, str]) -> None:
    found = [(q.kind, q.noun) for q in find_quantities(text)]
    assert expected in found


def test_stage_2_is_still_a_name() -> None:
    assert find_quantities("work on stage 2 begins") == []


def test_the_owner_of_a_figure_keeps_its_modifiers() -> None:
    (quantity,) = find_quantities("a two-year revenue guarantee of up to $2.1 million")
    assert quantity.owner == "two-year revenue guarantee"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fares start at $139 one way.", [("money", "")]),  # how the price is given
        ("Tickets cost £5 per person.", [("money", "")]),
        ("It is one way to save.", []),  # no count of ways
    ],
)
def test_how_a_price_is_given_is_no_noun(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.kind, q.noun) for q in find_quantities(text)] == expected


def test_a_figure_after_a_name_is_a_figure_when_a_word_like_every_opens_it() -> None:
    (quantity,) = find_quantities("buses leave Central Station every 20 minutes")
    assert quantity.kind == "every"
    assert find_quantities("buses to Central Station 20") == []  # a name's number
