"""Tests for bot/drafting/answers.py: standalone answers, clauses and list items of sentences."""

from __future__ import annotations

import pytest

from bot.drafting.answers import compound_parts, list_items, standalone_answer


@pytest.mark.parametrize(
    ("sentence", "context", "answer"),
    [
        ("It weighs 4.2 kg.", {"subject": "FieldScout 2"}, "FieldScout 2 weighs 4.2 kg."),
        (
            "Its wings carry solar cells.",
            {"subject": "The drone"},
            "The drone’s wings carry solar cells.",
        ),
        ('"We were surprised," she said.', {}, '"We were surprised," she said.'),
        (
            "A multispectral camera",
            {"intro": "Key features"},
            "Key features: A multispectral camera.",
        ),
        ('"This is great.', {"speaker": "Lena Vogt"}, "Lena Vogt said: “This is great.”"),
        ("BERLIN, March 4, 2025 - Acme opened a plant", {}, "Acme opened a plant."),
        ("the plant opened.", {}, "The plant opened."),
    ],
    ids=["it", "its", "said", "intro", "speaker", "dateline", "capital"],
)
def test_a_sentence_made_to_stand_alone(
    sentence: str, context: dict[str, str], answer: str
) -> None:
    assert standalone_answer(sentence, **context) == answer


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        (
            "During construction, bus route 14 will be diverted along Mill Road, and some "
            "parking on Queen Street will be removed.",
            [
                (
                    "During construction, bus route 14 will be diverted along Mill Road",
                    "During construction, bus route 14 will be diverted along Mill Road.",
                ),
                (
                    "some parking on Queen Street will be removed",
                    "During construction, some parking on Queen Street will be removed.",
                ),
            ],
        ),
        (
            "It employs 85 people and has sold more than 3,000 drones in 14 countries.",
            [
                ("It employs 85 people", "Nordlicht Robotics employs 85 people."),
                (
                    "has sold more than 3,000 drones in 14 countries",
                    "Nordlicht Robotics has sold more than 3,000 drones in 14 countries.",
                ),
            ],
        ),
        ("The company was founded in 2019 in Berlin by Lena Vogt and Jonas Berg.", None),
        ('"We sold 3,000 drones and opened a plant," she said.', None),
    ],
    ids=["opener-shared", "subject-borrowed", "one-clause", "quoted"],
)
def test_a_sentence_stating_several_things_in_clauses(
    sentence: str, parts: list[tuple[str, str]] | None
) -> None:
    assert compound_parts(sentence, "Nordlicht Robotics") == parts


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "There are several projects: Kia and Hyundai automobile plants, the opening of "
            "several stores in Almaty, as well as the construction of a road.",
            (
                "colon",
                "There are several projects",
                [
                    "Kia and Hyundai automobile plants",
                    "the opening of several stores in Almaty",
                    "the construction of a road",
                ],
            ),
        ),
        (
            "Currently, there are 15 flights per week (13 flights between Almaty and Seoul, "
            "2 flights between Astana and Seoul).",
            (
                "paren",
                "Currently, there are 15 flights per week",
                ["13 flights between Almaty and Seoul", "2 flights between Astana and Seoul"],
            ),
        ),
        ("He visited Astana, Almaty, and Kyzylorda.", None),  # single words: one fact
    ],
    ids=["colon", "parentheses", "names"],
)
def test_the_items_of_a_list_like_sentence(
    sentence: str, expected: tuple[str, str, list[str]] | None
) -> None:
    assert list_items(sentence) == expected
