"""Tests for bot/drafting/questions/sentence.py: all the questions of one sentence."""

from __future__ import annotations

import pytest

from bot.drafting.questions import sentence
from bot.drafting.questions.collect import Known
from bot.drafting.questions.sentence import sentence_questions

KNOWN = Known(frozenset("the drone council team".split()), (("speaker", "Woo Won-shik"),))


def test_a_sentence_gets_its_rules_questions_then_names_then_phrases() -> None:
    text = (
        "The team, led by Dr. A. Smith, mapped 40 glaciers, press service of the ministry reports."
    )
    assert sentence_questions(text, KNOWN) == (
        [
            "Who is Dr. A. Smith?",
            "Who led the team?",
            "Who reported this?",
            "What is the source of the news?",
            "Where does this news come from?",
            "Who mapped 40 glaciers?",
            "How many glaciers did the team map?",
            "number of glaciers",
            "How many glaciers are there?",  # the figure alone (questions/figures.py)
            "Dr. A. Smith",
            "led by Dr. A. Smith",
            "mapped 40 glaciers",
            "press service of the ministry reports",
        ],
        "The team",
    )


def test_a_sentence_without_a_verb_is_asked_what_about() -> None:
    assert sentence_questions("press service of the Kazakh MFA reports.", KNOWN) == (
        ["What about press service of the Kazakh MFA reports?", "Kazakh MFA"],
        "",
    )


@pytest.mark.parametrize(
    ("subject", "hint", "speaker", "resolved"),
    [
        ("It", "the drone", "", "the drone"),
        ("Its wings", "the drone", "", "the drone’s wings"),
        ("Their wings", "the drones", "", "the drones’ wings"),
        ("We", "", "Dr. Smith", "Dr. Smith"),
        ("It", "", "", "It"),  # nothing to resolve it to
        ("The council", "the drone", "", "The council"),
    ],
)
def test_a_pronoun_subject_stands_for_the_previous_subject_or_the_speaker(
    subject: str, hint: str, speaker: str, resolved: str
) -> None:
    assert sentence._resolved_subject(subject, hint, speaker) == resolved


def test_a_long_sentence_is_cut_into_keyword_phrases() -> None:
    text = (
        "During the conversation, the Kazakh diplomat congratulated the interlocutor on his "
        "election as the head of the legislative body"
    )
    assert sentence._chunks(text) == [
        "Kazakh diplomat congratulated the interlocutor",
        "on his election as the head",
        "of the legislative body",
    ]


def test_a_participle_opener_dates_itself_not_the_main_verb() -> None:
    questions, _ = sentence_questions(
        "Founded in 1911, the department operates two plants.", Known(frozenset())
    )
    assert "When was the department founded?" in questions
    assert not [q for q in questions if q.startswith("When does")]


def test_each_clause_asks_its_own_times() -> None:
    questions, _ = sentence_questions(
        "The museum opens at 9 am, and the cafe will close at 6 pm.", Known(frozenset())
    )
    assert "What time will the cafe close?" in questions
