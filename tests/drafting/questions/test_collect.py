"""Tests for bot/drafting/questions/collect.py: tidy phrasings, roles, who or what."""

from __future__ import annotations

import pytest

from bot.drafting.questions.collect import Known, QuestionList, role_holders, who_or_what


def test_phrasings_are_tidied_and_never_repeated() -> None:
    out = QuestionList()
    out.add("how many flights are there  ,")
    out.add("How many flights are there?")  # the same question
    out.add("Kia and Hyundai", question=False)
    out.add("the of and")  # only stopwords
    out.add("U.S.", question=False)
    assert out.items == ["How many flights are there?", "Kia and Hyundai", "U.S."]


@pytest.mark.parametrize(
    ("text", "holders"),
    [
        (
            "The Ambassador of Kazakhstan to the South Korea, Nurgali Arystanov, held a meeting "
            "with the Speaker of the National Assembly of the Republic of Korea, Woo Won-shik.",
            (("ambassador", "Nurgali Arystanov"), ("speaker", "Woo Won-shik")),
        ),
        ("Speaker Woo Won-shik noted the dialogue.", (("speaker", "Woo Won-shik"),)),
        ("The speaker noted the dialogue.", ()),
    ],
)
def test_who_holds_a_role(text: str, holders: tuple[tuple[str, str], ...]) -> None:
    assert role_holders(text) == holders


@pytest.mark.parametrize(
    ("subject", "word"),
    [
        ("The council", "Who"),  # a body of people
        ("Nordlicht Robotics", "Who"),  # a name
        ("Fenwick University", "Who"),
        ("Dr. Smith", "Who"),
        ("FieldScout 2", "What"),  # a name with a number: a product
        ("the drone", "What"),
    ],
)
def test_who_for_people_and_organisations_what_for_things(subject: str, word: str) -> None:
    assert who_or_what(subject, Known(frozenset({"the", "drone"}))) == word
