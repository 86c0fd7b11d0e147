"""Tests for bot/drafting/topics.py: a topic for each block of a release."""

from __future__ import annotations

import pytest

from bot.drafting.model import Block
from bot.drafting.topics import block_topics, placed_topics, subject_topic


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


def test_only_a_block_without_a_place_topic_files_sentences_by_subject() -> None:
    blocks = [
        Block("title", "Acme opens plant"),
        Block("para", "BERLIN - Acme opened a plant in Berlin on Monday."),  # the lead
        Block("para", "The plant makes batteries."),  # topic by its main word only
        Block("heading", "About Acme"),
        Block("para", "Acme was founded in 2001."),
        Block("para", "Media contact: Anna Keller"),
    ]
    assert placed_topics(blocks) == [True, True, False, True, True, True]


@pytest.mark.parametrize(
    ("subject", "topic"),
    [
        ("The new bus line 7", "Bus line"),  # a compound noun
        ("A short-stay car park with 140 spaces", "Car park"),
        ("the Scottish Government", "Scottish Government"),  # a name of two words or more
        ("Moira Galbraith", "Moira Galbraith"),
        ("Solar panels on the roof", "Solar panels"),  # "solar": lower case in the release
        ("The terminal", ""),  # one word: too vague
        ("It", ""),
        ("Drivers taking a car across", ""),  # people
        ("a hospital school run", ""),  # a verb read into the subject
        ("Children's services now spread", ""),
    ],
)
def test_a_topic_from_a_sentence_subject(subject: str, topic: str) -> None:
    assert subject_topic(subject, frozenset({"solar", "the"})) == topic
