"""Tests for bot/drafting/topics.py: a topic for each block of a release."""

from __future__ import annotations

from bot.drafting.model import Block
from bot.drafting.topics import block_topics


def test_topics_come_from_headings_the_lead_and_each_blocks_main_word() -> None:
    blocks = [
        Block("title", "Acme opens plant"),
        Block("para", "BERLIN - Acme opened a plant in Berlin on Monday."),  # the lead
        Block("para", "The plant makes batteries. Batteries power cars."),
        Block("heading", "About Acme"),
        Block("para", "Acme was founded in 2001."),
        Block("para", "Media contact: Anna Keller"),  # under a heading: the heading
    ]
    lower = frozenset({"the", "batteries", "plant"})
    assert block_topics(blocks, lower) == [
        "Overview",
        "Overview",
        "Batteries",
        "About Acme",
        "About Acme",
        "About Acme",
    ]


def test_a_contact_block_outside_a_section_is_contact() -> None:
    blocks = [Block("para", "Acme opened a plant in Berlin."), Block("para", "Press contact: Ann")]
    assert block_topics(blocks, frozenset()) == ["Overview", "Contact"]
