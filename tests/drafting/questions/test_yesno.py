"""Tests for bot/drafting/questions/yesno.py and launch.py: is there, does it, who is it for,
who makes it, when does it open. Each row is a sentence and the questions one rule asks."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.drafting.questions.collect import QuestionList
from bot.drafting.questions.launch import (
    available_questions,
    lasting_questions,
    maker_questions,
    opened_questions,
    plans_questions,
    platform_questions,
    street_questions,
    took_questions,
)
from bot.drafting.questions.tested import who_tested_questions
from bot.drafting.questions.yesno import (
    access_questions,
    can_do_questions,
    existence_questions,
    feature_questions,
    for_whom_questions,
)

TextRule = Callable[[str, QuestionList], None]

CASES: list[tuple[TextRule, str, list[str]]] = [
    (
        existence_questions,
        "A free plan covers up to five hours a month.",
        ["Is there a free plan?"],
    ),
    (existence_questions, "An audio guide is available for £3.", ["Is there an audio guide?"]),
    (existence_questions, "A public beta ran for six months.", ["Is there a public beta?"]),
    (
        existence_questions,
        "On the fourth floor, a hospital school run by the board will open.",
        ["Is there a hospital school?"],
    ),
    (
        existence_questions,
        "A new covered walkway links the terminal to the station.",
        ["Is there a new covered walkway?"],
    ),
    (
        # An offered thing, its figure left out.
        existence_questions,
        "Schools and registered charities receive a 50% discount.",
        ["Is there a discount?"],
    ),
    (existence_questions, "A reliable, warm and step-free terminal makes a difference.", []),
    (existence_questions, "Until now, a child could be treated on three floors.", []),
    (existence_questions, "The museum is open daily.", []),
    (
        feature_questions,
        "Works offline, for example on a train or in a building with poor Wi-Fi",
        ["Does it work offline?", "Can it work offline?"],
    ),
    (
        feature_questions,
        "Exports to Word and PDF, and connects to Microsoft Teams and Zoom",
        [
            "Does it export to Word and PDF?",
            "Can it export to Word and PDF?",
            "What can I export to?",
            "What does it export to?",
            "Does it connect to Microsoft Teams and Zoom?",
            "Can it connect to Microsoft Teams and Zoom?",
            "Does it work with Microsoft Teams and Zoom?",
            "What can I connect to?",
            "What does it connect to?",
        ],
    ),
    (feature_questions, "Live transcript that appears a second after people speak", []),
    (
        can_do_questions,
        "Visitors can photograph fungi on their walks and submit records through the app.",
        [
            "Can visitors photograph fungi on their walks?",
            "Can I photograph fungi on my walks?",
            "Can visitors submit records through the app?",
            "Can I submit records through the app?",
            "What can visitors do?",
            "Is there anything for visitors to do?",
        ],
    ),
    (
        can_do_questions,
        'A "spore print" table where children can make prints from real mushroom caps',
        [
            "Can children make prints from real mushroom caps?",
            "Can I make prints from real mushroom caps?",
            "What can children do?",
            "Is there anything for children to do?",
        ],
    ),
    (can_do_questions, "The drone can cover 240 hectares.", []),  # no person
    (
        maker_questions,
        "Quillstone Software Ltd today launched Parley, an app that records meetings.",
        ["Who makes Parley?", "Who is behind Parley?", "Which company makes Parley?"],
    ),
    (maker_questions, "The council launched a consultation.", []),
    (
        opened_questions,
        "The Brackwater Museum will open Hidden Kingdom: The Secret Life of Fungi on Saturday"
        " 5 December 2026.",
        [
            "When does Hidden Kingdom open?",
            "When will Hidden Kingdom open?",
            "When does Hidden Kingdom start?",
        ],
    ),
    (opened_questions, "The museum is open Tuesday to Sunday from 10:00 to 17:30.", []),
    (opened_questions, "The museum will open Hidden Kingdom.", []),  # no date said
]


@pytest.mark.parametrize(("rule", "sentence", "expected"), CASES)
def test_what_exists_and_what_it_does_is_asked_yes_or_no(
    rule: TextRule, sentence: str, expected: list[str]
) -> None:
    out = QuestionList()
    rule(sentence, out)
    assert out.items == expected


def test_a_feature_is_also_asked_of_the_name_the_release_is_about() -> None:
    out = QuestionList()
    feature_questions("Works offline, for example on a train", out, "Parley")
    assert out.items == [
        "Does it work offline?",
        "Does Parley work offline?",
        "Can it work offline?",
    ]


@pytest.mark.parametrize(
    ("sentence", "subject", "expected"),
    [
        (
            "The company says this makes the app suitable for councils and law firms.",
            "",
            ["Who is the app for?", "Who is the app suitable for?"],
        ),
        (
            "The course is designed for beginners.",
            "The course",
            ["Who is the course for?", "Who is the course suitable for?"],
        ),
        ("The app records meetings.", "The app", []),
    ],
)
def test_who_a_thing_is_for(sentence: str, subject: str, expected: list[str]) -> None:
    out = QuestionList()
    for_whom_questions(sentence, subject, out)
    assert out.items == expected


@pytest.mark.parametrize(
    ("sentence", "subject", "expected"),
    [
        (
            "The exhibition runs until 30 August 2027.",
            "the exhibition",
            [
                "How long does the exhibition run?",
                "Until when does the exhibition run?",
                "When does the exhibition end?",
            ],
        ),
        (
            "A public beta ran for six months.",
            "a public beta",
            ["How long did the public beta run?"],
        ),
        (
            "The festival will last for 3 days.",
            "the festival",
            ["How long will the festival last?"],
        ),
        ("The bus runs every 20 minutes.", "the bus", []),
    ],
)
def test_how_long_a_thing_runs(sentence: str, subject: str, expected: list[str]) -> None:
    out = QuestionList()
    lasting_questions(sentence, subject, out)
    assert out.items == expected


SubjectRule = Callable[[str, str, QuestionList], None]


@pytest.mark.parametrize(
    ("rule", "sentence", "subject", "expected"),
    [
        (
            platform_questions,
            "Parley runs on Windows 11 and on macOS 14 or later and needs 16 GB of memory.",
            "Parley",
            [
                "What does Parley run on?",
                "Which platforms does Parley run on?",
                "Does Parley run on Windows 11?",
                "Does Parley run on macOS 14?",
                "What does Parley need?",
                "What are the system requirements?",
            ],
        ),
        (platform_questions, "The ferry runs on time.", "the ferry", []),
        (
            available_questions,
            "Parley is available from today at quillstone.example.ie/parley.",
            "Parley",
            [
                "Where can I get Parley?",
                "Where is Parley available?",
                "Where can I download Parley?",
                "When is Parley available?",
            ],
        ),
        (
            available_questions,
            "The guide is available at the Visitor Centre.",
            "the guide",
            ["Where can I get the guide?", "Where is the guide available?"],
        ),
        (available_questions, "Support is available by chat.", "support", []),
    ],
)
def test_where_and_on_what_a_product_runs(
    rule: SubjectRule, sentence: str, subject: str, expected: list[str]
) -> None:
    out = QuestionList()
    rule(sentence, subject, out)
    assert out.items == expected


@pytest.mark.parametrize(
    ("sentence", "subject", "expected"),
    [
        (
            "In independent tests by the Dublin Speech Lab, it reached a word error rate of 6%.",
            "Parley",
            ["Who tested it?", "Who tested Parley?", "Who did the tests?"],
        ),
        (
            "The review by the council found no faults.",
            "",
            ["Who reviewed it?", "Who did the review?"],
        ),
        ("The tests went well.", "the tests", []),
    ],
)
def test_who_tested_a_thing(sentence: str, subject: str, expected: list[str]) -> None:
    out = QuestionList()
    who_tested_questions(sentence, subject, out)
    assert out.items == expected


def test_an_opening_asks_which_kind_of_place_opens_it_as_the_release_calls_it() -> None:
    out = QuestionList()
    sentence = "The Brackwater Museum will open Hidden Kingdom on Saturday 5 December 2026."
    opened_questions(sentence, out, frozenset({"museum"}))
    assert out.items == [
        "When does Hidden Kingdom open?",
        "When will Hidden Kingdom open?",
        "When does Hidden Kingdom start?",
        "Which museum opens Hidden Kingdom?",
        "Where can I see Hidden Kingdom?",
    ]


@pytest.mark.parametrize(
    ("sentence", "subject", "expected"),
    [
        (
            "Hidden Kingdom is the result of four years of work by our scientists.",
            "Hidden Kingdom",
            [
                "How long did Hidden Kingdom take?",
                "How long did Hidden Kingdom take to make?",
                "How long did the work take?",
            ],
        ),
        (
            "Arlow harbour completes the building after two years of construction.",
            "",
            [
                "How long did it take?",
                "How long did it take to make?",
                "How long did the work take?",
            ],
        ),
        ("The work starts in four years.", "the work", []),
    ],
)
def test_years_of_work_ask_how_long_it_took(
    sentence: str, subject: str, expected: list[str]
) -> None:
    out = QuestionList()
    took_questions(sentence, subject, out)
    assert out.items == expected


@pytest.mark.parametrize(
    ("sentence", "subject", "expected"),
    [
        (
            "It is the first exhibition we have designed to be fully accessible, with tactile"
            " models and British Sign Language videos throughout.",
            "Hidden Kingdom",
            [
                "Is it accessible?",
                "Is Hidden Kingdom accessible?",
                "Is it accessible for disabled visitors?",
                "Is it wheelchair accessible?",
            ],
        ),
        (
            "A reliable, warm and step-free terminal makes a real difference.",
            "a reliable",  # no name: asked of "it" only
            [
                "Is it accessible?",
                "Is it accessible for disabled visitors?",
                "Is it wheelchair accessible?",
            ],
        ),
        ("The terminal is warm.", "the terminal", []),
    ],
)
def test_accessibility_is_asked_yes_or_no(sentence: str, subject: str, expected: list[str]) -> None:
    out = QuestionList()
    access_questions(sentence, subject, out)
    assert out.items == expected


@pytest.mark.parametrize(
    ("sentence", "subject", "expected"),
    [
        (
            "The six-storey wing on Gilmour Street adds 64 inpatient beds.",
            "the six-storey wing",
            ["Where is the six-storey wing?", "What is the address of the six-storey wing?"],
        ),
        ("Some parking on Queen Street will be removed.", "some parking", []),
        ("The wing adds 64 beds.", "the wing", []),
    ],
)
def test_a_street_asks_where_the_thing_is(sentence: str, subject: str, expected: list[str]) -> None:
    out = QuestionList()
    street_questions(sentence, subject, out)
    assert out.items == expected


@pytest.mark.parametrize(
    ("sentence", "subject", "expected"),
    [
        (
            "The researchers now plan to apply the method to glaciers in the Andes.",
            "the researchers",
            [
                "What is next?",
                "What are the next steps?",
                "What do the researchers plan to do next?",
                "What is next for the researchers?",
            ],
        ),
        ("The plan was approved.", "the plan", []),
    ],
)
def test_a_plan_asks_what_is_next(sentence: str, subject: str, expected: list[str]) -> None:
    out = QuestionList()
    plans_questions(sentence, subject, out)
    assert out.items == expected
