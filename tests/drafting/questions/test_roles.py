"""Tests for bot/drafting/questions/roles.py: roles in lower case, civic roles of the town."""

from __future__ import annotations

from bot.drafting.questions.collect import Known, QuestionList
from bot.drafting.questions.roles import role_questions


def asked(body: str, known: Known) -> list[str]:
    out = QuestionList()
    role_questions(body, out, known)
    return out.items


def test_a_lower_case_role_after_its_body_is_asked_both_ways() -> None:
    items = asked(
        "Plant superintendent Rafael Dunstan-Iwu said the systems are monitored.",
        Known(frozenset()),
    )
    assert items == [
        "Who is the superintendent?",
        "Who is Rafael Dunstan-Iwu?",
        "Who is the plant superintendent?",
        "Who is the superintendent of the plant?",
    ]


def test_the_body_of_a_role_is_asked_by_its_full_name_when_the_release_has_one() -> None:
    known = Known(frozenset(), entities=("Ostmark Harbour Trust", "Ostmark"))
    items = asked('"We are glad," said trust chair Ann Lee-Park.', known)
    assert "Who chairs the trust?" in items
    assert "Who is the chair of Ostmark Harbour Trust?" in items
    assert "Who chairs Ostmark Harbour Trust?" in items


def test_a_word_before_the_role_that_is_no_body_is_not_asked() -> None:
    items = asked('"We are glad," said chair Ann Lee-Park.', Known(frozenset()))
    assert items == ["Who is the chair?", "Who is Ann Lee-Park?"]


def test_a_capitalised_role_is_left_to_the_people_rules_but_a_mayor_gets_the_town() -> None:
    body = '"It is a good day," said Mayor Theodora Vance-Okafor.'
    assert asked(body, Known(frozenset(), place="Marlow Heights")) == [
        "Who is the mayor of Marlow Heights?"
    ]
    assert asked(body, Known(frozenset())) == []
    assert asked("said Minister Jon Hale.", Known(frozenset(), place="Oslo")) == []
