"""Tests for bot/drafting/facts.py: the facts of a release, in reading order."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.drafting.facts import (
    Fact,
    _next_subject,
    completed_superlative,
    lower_case_words,
    mid_sentence_names,
    named_event,
    release_facts,
)
from bot.drafting.model import Block, Release
from bot.store import parse_document

LEAD = "BERLIN - Acme GmbH opened a battery plant in Berlin on Monday. It employs 300 people."
LISTED = (
    "The plant makes three products: batteries for cars, cells for phones, and packs for bikes."
)
QUOTED = (
    '"We are proud," said Anna Berg, chief executive officer of Acme. '
    '"The plant runs on solar power."'
)
TEXT = f"date 2024-05-01\n\nAcme opens a plant\n\n{LEAD}\n\n{LISTED}\n\n{QUOTED}\n"
BLOCKS = (
    Block("title", "Acme opens a plant"),
    Block("para", LEAD),
    Block("para", LISTED),
    Block("para", QUOTED),
)


@pytest.fixture(scope="module")
def facts() -> list[Fact]:
    release = Release(Path("acme.txt"), "text", TEXT, False, BLOCKS, "Acme opens a plant", None)
    return release_facts(release, parse_document(TEXT).flat, "2024-05-01")


# source, answer, role, parent (index of the whole sentence's fact)
EXPECTED = [
    ("Acme opens a plant", "Acme opens a plant.", "title", None),
    (
        "BERLIN - Acme GmbH opened a battery plant in Berlin on Monday.",
        "Acme GmbH opened a battery plant in Berlin on Monday.",  # the dateline goes
        "lead",
        None,
    ),
    ("It employs 300 people.", "Acme GmbH employs 300 people.", "", None),  # "It" resolved
    (LISTED, LISTED, "", None),
    ("batteries for cars", "The plant makes three products: batteries for cars.", "", 3),
    ("cells for phones", "The plant makes three products: cells for phones.", "", 3),
    ("packs for bikes", "The plant makes three products: packs for bikes.", "", 3),
    (
        '"We are proud," said Anna Berg, chief executive officer of Acme.',
        '"We are proud," said Anna Berg, chief executive officer of Acme.',
        "",
        None,
    ),
    (
        '"The plant runs on solar power."',
        "Anna Berg said: “The plant runs on solar power.”",  # the quote goes on: its speaker
        "",
        None,
    ),
]


def test_every_sentence_clause_and_list_item_is_a_fact(facts: list[Fact]) -> None:
    assert [(f.source, f.answer, f.role, f.parent) for f in facts] == EXPECTED


def test_a_fact_knows_where_its_source_starts_in_the_release(facts: list[Fact]) -> None:
    flat = parse_document(TEXT).flat
    assert all(flat[f.position : f.position + len(f.source)] == f.source for f in facts)


def test_a_quote_that_goes_on_is_asked_about_its_speaker(facts: list[Fact]) -> None:
    assert facts[-1].questions[0] == "What else did Anna Berg say?"


def test_names_are_the_words_capitalised_mid_sentence() -> None:
    names = mid_sentence_names("Shares of Shell rose. Construction began, Arlow said.")
    assert names == {"shell", "arlow"}


def test_words_written_in_lower_case_exclude_addresses() -> None:
    words = lower_case_words("Write to press@acme.example or see www.acme.example for plants.")
    assert {"to", "see", "plants", "plant", "for"} <= words
    assert not {"press", "acme", "www", "example"} & words


@pytest.mark.parametrize(
    ("sentence", "previous", "completed"),
    [
        (
            "The oldest is a dried earthstar.",
            "More than 300 specimens",
            "The oldest specimen is a dried earthstar.",
        ),
        ("The first was built in 1990.", "Three ferries", "The first ferry was built in 1990."),
        ("The oldest is a dried earthstar.", "The museum", "The oldest is a dried earthstar."),
        ("The museum is old.", "More than 300 specimens", "The museum is old."),
    ],
)
def test_a_superlative_without_its_noun_takes_the_previous_subject_s(
    sentence: str, previous: str, completed: str
) -> None:
    assert completed_superlative(sentence, previous) == completed


@pytest.mark.parametrize(
    ("found", "subject"),
    [
        ("The Brackwater Museum of Natural History", "The Brackwater Museum of Natural History"),
        ("the new passenger terminal on the north pier", ""),  # too long for "It"
        ("It", ""),
        ("The drone", "The drone"),
    ],
)
def test_what_it_stands_for_in_the_next_sentence(found: str, subject: str) -> None:
    assert _next_subject(found) == subject


def test_it_after_a_sentence_about_its_part_is_the_thing_before() -> None:
    text = (
        "date 2025-01-01\n\nMuseum news\n\nThe Arlow Museum was founded in 1869. Entry to its"
        " galleries is free. It welcomed 780,000 visitors in 2024.\n"
    )
    blocks = (Block("title", "Museum news"), Block("para", text.split("\n\n")[2].strip()))
    release = Release(Path("m.txt"), "text", text, False, blocks, "Museum news", None)
    facts = release_facts(release, parse_document(text).flat, "2025-01-01")
    welcomed = next(f for f in facts if "welcomed" in f.source)
    assert welcomed.answer == "The Arlow Museum welcomed 780,000 visitors in 2024."


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("The public can tour it at a community open house on Saturday.", "open house"),
        ("A free concert closes the festival.", "festival"),
        ("The wing opens on Monday.", ""),
    ],
)
def test_the_event_a_sentence_names(sentence: str, event: str) -> None:
    assert named_event(sentence) == event


def test_a_booking_sentence_after_an_event_asks_about_booking_for_it() -> None:
    text = (
        "date 2025-01-01\n\nWing news\n\nThe public can tour the wing at a community open"
        " house on Saturday. Places are free but must be booked in advance.\n"
    )
    blocks = (Block("title", "Wing news"), Block("para", text.split("\n\n")[2].strip()))
    release = Release(Path("w.txt"), "text", text, False, blocks, "Wing news", None)
    facts = release_facts(release, parse_document(text).flat, "2025-01-01")
    booked = next(f for f in facts if "booked" in f.source)
    assert "Do I need to book for the open house?" in booked.questions
    toured = next(f for f in facts if "tour" in f.source)
    assert not any("book for" in q for q in toured.questions)


def test_a_generic_description_is_asked_as_what_it_describes_across_paragraphs() -> None:
    lead = "OSLO, May 4, 2026 - The new Fjord Quay library will open on 1 June."
    later = "The three-storey building cost €12 million. It was paid for by the city."
    text = f"date 2026-05-04\n\nLibrary opens\n\n{lead}\n\n{later}\n"
    blocks = (Block("title", "Library opens"), Block("para", lead), Block("para", later))
    release = Release(Path("lib.txt"), "text", text, False, blocks, "Library opens", None)
    facts = release_facts(release, parse_document(text).flat, None)
    cost = next(f for f in facts if f.source.startswith("The three-storey"))
    paid = next(f for f in facts if f.source.startswith("It was paid"))
    assert "How much did the three-storey building cost?" in cost.questions
    assert "How much did the new Fjord Quay library cost?" in cost.questions
    assert "How was the new Fjord Quay library paid?" in paid.questions


def test_a_subject_that_is_no_generic_description_is_asked_as_it_is() -> None:
    text = "date 2026-05-04\n\nT\n\nThe library opens in June. The café sells cakes.\n"
    blocks = (
        Block("title", "T"),
        Block("para", "The library opens in June. The café sells cakes."),
    )
    release = Release(Path("lib.txt"), "text", text, False, blocks, "T", None)
    facts = release_facts(release, parse_document(text).flat, None)
    cafe = next(f for f in facts if f.source.startswith("The café"))
    assert not [q for q in cafe.questions if "library" in q]


def test_a_generic_description_does_not_stand_for_a_plural_or_a_quantifier() -> None:
    text = (
        "date 2026-05-04\n\nT\n\nSome of the smaller glaciers could vanish. "
        "The four-year project was funded by the city.\n"
    )
    body = (
        "Some of the smaller glaciers could vanish. The four-year project was funded by the city."
    )
    release = Release(
        Path("g.txt"), "text", text, False, (Block("title", "T"), Block("para", body)), "T", None
    )
    facts = release_facts(release, parse_document(text).flat, None)
    funded = next(f for f in facts if f.source.startswith("The four-year"))
    assert not [q for q in funded.questions if "glaciers" in q]
