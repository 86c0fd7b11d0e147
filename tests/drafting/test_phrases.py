"""Tests for bot/drafting/phrases.py: names, kinds of organisation, clause boundaries."""

from __future__ import annotations

import pytest

from bot.drafting.phrases import cut_out, find_entities, kinds_of, shorten

LOWER = frozenset({"during", "glaciers", "the"})  # written in lower case by the release


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Kia and Hyundai opened plants in Almaty.",
            ["Kia and Hyundai", "Kia", "Hyundai", "Almaty"],
        ),
        (
            "The Big Almaty Ring Road (BAKAD) is built by SK Ecoplant.",
            ["Big Almaty Ring Road", "BAKAD", "SK Ecoplant"],
        ),
        ("During the talks, Woo Won-shik met Dr. A. Smith.", ["Woo Won-shik", "Dr. A. Smith"]),
        ("Glaciers in the Swiss Alps lost ice.", ["Swiss Alps"]),
        ("The Bank of England raised rates.", ["Bank of England"]),
    ],
)
def test_the_names_of_a_sentence(sentence: str, names: list[str]) -> None:
    assert find_entities(sentence, LOWER) == names


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("Fenwick University", ["university"]),
        ("Nordlicht Robotics GmbH", ["company"]),
        ("Riverton City Council", ["council"]),
        ("Swiss National Science Foundation", ["foundation"]),
        ("Acme", []),
    ],
)
def test_what_kind_of_organisation_a_name_is(name: str, kinds: list[str]) -> None:
    assert kinds_of(name) == kinds


@pytest.mark.parametrize(
    ("text", "short"),
    [
        (
            "the plans online at the city library, which opens at nine",
            "the plans online at the city library",
        ),
        (
            "a very long phrase with many words that goes on and on beyond twelve words",
            "a very long phrase with many words that goes",
        ),
        ("and then something", ""),
        ("flights between Almaty and Seoul", "flights between Almaty and Seoul"),
    ],
)
def test_text_shortened_to_its_first_phrase(text: str, short: str) -> None:
    assert shorten(text) == short


def test_cutting_out_a_figure_takes_its_article_and_preposition_too() -> None:
    text = "Funding came from a $30 million loan through the state fund"
    start = text.index("$30")
    end = text.index(" through")
    assert cut_out(text, start, end) == "Funding came through the state fund"
