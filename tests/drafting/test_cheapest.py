"""Tests for bot/drafting/cheapest.py: the lowest starting price answers "the cheapest"."""

from __future__ import annotations

from bot.drafting.cheapest import cheapest_questions, starting_price

SENTENCES = [
    "The ferry sails twice a day.",
    "Flexible fares will start at $139 one way.",
    "Saver fares start at $89 including taxes for tickets booked by May 1.",
    "The Club fare, which adds a lounge pass, will start at $209.",
    "Day passes start at €12.",
]


def test_a_starting_price_and_what_it_prices() -> None:
    assert starting_price(SENTENCES[1]) == ("fare", 139.0)
    assert starting_price(SENTENCES[3]) == ("fare", 209.0)  # past the aside
    assert starting_price(SENTENCES[0]) is None


def test_only_the_lowest_starting_price_of_a_kind_is_the_cheapest() -> None:
    chosen = cheapest_questions(SENTENCES)
    assert chosen == {
        2: ["What is the cheapest fare?", "What is the lowest fare?", "cheapest fare"],
        4: ["What is the cheapest pass?", "What is the lowest pass?", "cheapest pass"],
    }


def test_a_tie_has_no_cheapest() -> None:
    assert cheapest_questions(["Adult fares start at $5.", "Child fares start at $5."]) == {}
