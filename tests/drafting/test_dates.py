"""Tests for bot/drafting/dates.py: dates as releases write them, and datelines."""

from __future__ import annotations

import pytest

from bot.drafting.dates import WHEN, dateline_place, find_dates, strip_dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date 2024-08-16", ["2024-08-16"]),
        ("on 16 August 2024 in", ["2024-08-16"]),
        ("BERLIN, August 16, 2024 -", ["2024-08-16"]),
        ("Aug. 16, 2024 and 1 May 2025", ["2024-08-16", "2025-05-01"]),
        ("the 16th of August", []),
        ("2024-02-30 is no date", []),
        ("in 2021", []),
    ],
)
def test_find_dates_reads_the_ways_releases_write_dates(text: str, expected: list[str]) -> None:
    assert [iso for _, iso in find_dates(text)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("BERLIN, March 4, 2025 - Acme today opened a plant.", "Acme today opened a plant."),
        ("ZURICH, Switzerland, August 16, 2024 – A study shows.", "A study shows."),
        ("NEW YORK -- Acme opened a plant.", "Acme opened a plant."),
        ("Acme - the company - opened a plant.", "Acme - the company - opened a plant."),
    ],
)
def test_a_dateline_is_stripped_but_a_dash_inside_a_sentence_is_not(
    sentence: str, expected: str
) -> None:
    assert strip_dateline(sentence) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("approved on Tuesday", ["on Tuesday"]),
        ("to begin in spring 2025", ["in spring 2025"]),
        ("since 1990 and by the end of 2026", ["since 1990", "by the end of 2026"]),
        ("on 16 August 2024", ["on 16 August 2024"]),
        ("next year", ["next year"]),
        ("1.5 million and 2024-02", []),
        ("in March", []),
        # A day and month without a year is a date too, with its weekday.
        ("opens on Monday 2 November, the", ["on Monday 2 November"]),
        ("takes place on Saturday, September 26, from", ["on Saturday, September 26"]),
        ("began in September 2024", ["in September 2024"]),
    ],
)
def test_a_time_is_found_with_its_preposition(text: str, expected: list[str]) -> None:
    assert [m.group(0) for m in WHEN.finditer(text)] == expected


@pytest.mark.parametrize(
    ("lead", "place"),
    [
        ("MARLOW HEIGHTS, Ostrava County, November 24, 2026 — The city said ...", "Marlow Heights"),
        ("Cork, 3 March 2026 - Parley today ...", "Cork"),
        ("The city said on Monday - after a vote - that ...", ""),  # no dateline
    ],
)
def test_the_place_of_a_dateline(lead: str, place: str) -> None:
    assert dateline_place(lead) == place
