"""Tests for bot/drafting/questions/about.py: questions about speakers, people and agents."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.drafting.questions.about import (
    appointed_questions,
    made_by_questions,
    nominal_questions,
    people_questions,
    role_variants,
    speech_questions,
    topic_of,
    who_said,
)
from bot.drafting.questions.collect import QuestionList

Rule = Callable[[str, QuestionList], None]


@pytest.mark.parametrize(
    ("rule", "sentence", "expected"),
    [
        (
            speech_questions,
            '"FieldScout 2 weighs 4.2 kg," said Lena Vogt, chief executive officer of Nordlicht '
            "Robotics.",
            [
                "What did Lena Vogt say?",
                "What did the chief executive officer of Nordlicht Robotics say?",
                "What did Lena Vogt say about FieldScout 2?",
                "Who said FieldScout 2 weighs 4.2 kg?",
            ],
        ),
        (
            people_questions,
            "Media contact: Anna Keller, press@x.com, +49 30 1234 5678",
            [
                "Who is the media contact?",
                "media contact",
                "What is the email address of the media contact?",
                "What is the phone number of the media contact?",
            ],
        ),
        (
            people_questions,
            "The team, led by Dr. A. Smith, mapped 40 glaciers.",
            ["Who is Dr. A. Smith?", "Who led the team?"],
        ),
        (
            # "is" is no part of the noun: never "Who funded the festival is?".
            people_questions,
            "The festival is funded by Dunmore County Council.",
            [],
        ),
        (
            people_questions,
            "The Federal Aviation Administration (FAA) approved it.",
            ["What is FAA?", "What does FAA stand for?"],
        ),
        (
            nominal_questions,
            "the construction of the 6.8 km line by Doosan Engineering",
            [
                "Who is building the 6.8 km line?",
                "What is Doosan Engineering building?",
                "Which company is building the line?",
            ],
        ),
        (speech_questions, "The drone weighs 4.2 kg.", []),
        (
            speech_questions,
            '"It was hard," said Dr. Priya Natarajan, chief of paediatrics at HRHS.',
            [
                "What did Dr. Priya Natarajan say?",
                "What did the chief of paediatrics at HRHS say?",
            ],
        ),
        (
            speech_questions,
            '"We are proud," Harbour Master Ingrid Solberg said at the opening ceremony.',
            ["What did Ingrid Solberg say?", "What did the master say?"],
        ),
        (
            people_questions,
            "Councillor Euan Reid, convener of the Island Council, said it.",
            [
                "Who is the convener of the Island Council?",
                "Who is the convener of the council?",
                "Who is Councillor Euan Reid?",
                "Who is Euan Reid?",
                "Who is the Councillor?",
            ],
        ),
    ],
    ids=[
        "speech",
        "contact",
        "led-by",
        "passive-is-no-noun",
        "acronym",
        "construction-by",
        "no-speech",
        "speaker-with-abbreviation",
        "name-first-speech",
        "titled-name",
    ],
)
def test_questions_about_who(rule: Rule, sentence: str, expected: list[str]) -> None:
    out = QuestionList()
    rule(sentence, out)
    assert out.items == expected


@pytest.mark.parametrize(
    ("quote", "topic"),
    [
        ("FieldScout 2 weighs 4.2 kg", "FieldScout 2"),
        ("the new camera is great", "the new camera"),
        ("We are proud", ""),
    ],
)
def test_what_a_quote_is_about(quote: str, topic: str) -> None:
    assert topic_of(quote) == topic


@pytest.mark.parametrize(
    ("role", "lower_words", "variants"),
    [
        (
            "head of mycology at the museum and curator of the exhibition",
            frozenset(),
            [
                "head of mycology at the museum and curator of the exhibition",
                "head of mycology at the museum",
                "curator of the exhibition",
            ],
        ),
        (
            # The release writes "the museum": the director of the museum.
            "director of the Brackwater Museum of Natural History",
            frozenset({"museum"}),
            ["director of the Brackwater Museum of Natural History", "director of the museum"],
        ),
        (
            "director of the Brackwater Museum of Natural History",
            frozenset(),
            ["director of the Brackwater Museum of Natural History"],
        ),
        ("its chief technology officer", frozenset(), ["chief technology officer"]),
        (
            # Both roles are held at Quillstone.
            "chief executive officer and co-founder of Quillstone",
            frozenset(),
            [
                "chief executive officer and co-founder of Quillstone",
                "chief executive officer of Quillstone",
                "co-founder of Quillstone",
            ],
        ),
        (
            "head of digital services at Cork County Council",
            frozenset(),
            [
                "head of digital services at Cork County Council",
                "head of digital services at the council",
            ],
        ),
    ],
)
def test_a_role_is_asked_part_by_part_and_by_its_organisation_s_kind(
    role: str, lower_words: frozenset[str], variants: list[str]
) -> None:
    assert role_variants(role, lower_words) == variants


def test_a_speaker_s_role_at_an_organisation_named_with_of_is_asked() -> None:
    out = QuestionList()
    people_questions(
        '"It is done," said Helen Ashdown, director of the Brackwater Museum of Natural History.',
        out,
        frozenset({"museum"}),
    )
    assert out.items == [
        "Who is the director of the Brackwater Museum of Natural History?",
        "Who is the director of the museum?",
        "Who is Helen Ashdown?",
    ]


@pytest.mark.parametrize(
    ("quote", "asked"),
    [
        (
            "Most people only notice a fungus when it pops up as a mushroom, but that is like"
            " judging an apple tree by a single apple",
            [
                "Who said most people only notice a fungus when it pops up",
                "Who said that is like judging an apple tree by a single apple",
            ],
        ),
        (
            # A clause without its subject says "they"; a word the release writes in lower
            # case loses its capital.
            "Customers loved the notes but could not let recordings go to a server abroad",
            [
                "Who said customers loved the notes",
                "Who said they could not let recordings go to a server abroad",
            ],
        ),
        (
            "Hidden Kingdom is the result of four years of work.",
            [
                "Who said Hidden Kingdom is the result of four years of work",
            ],
        ),
        ("We are proud.", []),  # too short to be asked about
    ],
)
def test_a_quote_is_asked_who_said_it(quote: str, asked: list[str]) -> None:
    assert who_said(quote, frozenset({"customers"})) == asked


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The oldest specimen is a dried earthstar collected in 1887 by the naturalist Agnes"
            " Thornbury.",
            ["Who collected the oldest specimen?"],
        ),
        ("The prize was a bronze medal made by Anna Berg.", ["Who made the prize?"]),
        ("The oldest specimen is a dried earthstar.", []),
    ],
)
def test_a_thing_that_is_one_made_by_someone_asks_who_made_it(
    sentence: str, expected: list[str]
) -> None:
    out = QuestionList()
    made_by_questions(sentence, out)
    assert out.items == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Jane Roe has been appointed chief executive officer of Acme Robotics, effective"
            " 1 March 2026.",
            [
                "Who is the new chief executive officer?",
                "Who is the new chief executive officer of Acme Robotics?",
                "Who has been appointed chief executive officer?",
                "When does Jane Roe start?",
                "When does Jane Roe take up the post?",
            ],
        ),
        (
            "Tom Lee will be named director.",
            [
                "Who is the new director?",
                "Who has been appointed director?",
            ],
        ),
        ("The council approved the plan.", []),
    ],
)
def test_an_appointment_asks_who_the_new_holder_is(sentence: str, expected: list[str]) -> None:
    out = QuestionList()
    appointed_questions(sentence, out)
    assert out.items == expected
