"""Tests for bot/drafting/aliases.py: what a release calls its names later."""

from __future__ import annotations

import pytest

from bot.drafting.aliases import main_name, release_aliases, with_names
from bot.drafting.facts import lower_case_words


@pytest.mark.parametrize(
    ("text", "aliases"),
    [
        (
            "Quillstone launched Parley, an app that records meetings. The app runs offline.",
            (("app", "Parley"),),
        ),
        (
            # A name headed by a noun the release writes in lower case: "the museum".
            # The release says "the Brackwater Museum ...": so does the alias.
            "The Brackwater Museum of Natural History opens today. The museum is free.",
            (("museum", "the Brackwater Museum of Natural History"),),
        ),
        (
            # The kind of a company's name ("Ltd"), the shorter of its spellings.
            "Quillstone Ltd launched it. Quillstone Ltd grew. The company employs 42 people.",
            (("company", "Quillstone Ltd"),),
        ),
        (
            # Two museums: "the museum" is neither.
            "The Arlow Museum and the Brackwater Museum agreed. The museum is free.",
            (),
        ),
        (
            # A person's role is no alias of the person.
            "It was founded by Arjun Mehta, its chief technology officer. The officer spoke.",
            (),
        ),
        ("Parley, an app that records meetings, is new.", ()),  # never "the app"
        (
            # The name as written, with its possessive.
            "Marlowe Children's Wing to open\nThe Marlowe Children's Wing opens today. The wing"
            " has 64 beds.",
            (("wing", "the Marlowe Children's Wing"),),
        ),
    ],
)
def test_a_noun_the_release_uses_for_one_name_is_its_alias(
    text: str, aliases: tuple[tuple[str, str], ...]
) -> None:
    assert release_aliases(text, lower_case_words(text)) == aliases


def test_the_main_name_is_the_one_most_sentences_mention() -> None:
    text = (
        "Quillstone launched Parley. Parley runs offline. Parley costs €9. Quillstone is in Cork."
    )
    assert main_name(text, lower_case_words(text)) == "Parley"


def test_questions_about_the_alias_are_asked_with_the_name_and_back() -> None:
    questions = [
        "Who is the app for?",
        "app",
        "What does the company say?",
        "Who is Parley?",  # a definition: never "Who is the app?"
        "Who sponsors Hidden Kingdom?",
        "When did the Arlow Museum open?",  # one "the", never "the the museum"
    ]
    aliases = (
        ("app", "Parley"),
        ("company", "Quillstone"),
        ("exhibition", "Hidden Kingdom"),
        ("museum", "Arlow Museum"),
    )
    assert with_names(questions, aliases) == [
        "Who is Parley for?",
        "What does Quillstone say?",
        "Who sponsors the exhibition?",
        "When did the museum open?",
    ]
