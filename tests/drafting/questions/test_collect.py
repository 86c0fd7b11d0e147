"""Tests for bot/drafting/questions/collect.py: tidy phrasings, roles, who or what."""

from __future__ import annotations

import pytest

from bot.drafting.questions.collect import (
    Known,
    QuestionList,
    noun_phrase,
    role_holders,
    who_or_what,
)


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
        # Capitalised only because a sentence starts with it: a thing.
        ("Construction", "What"),
        ("Admission", "What"),
        # A lower-case head noun is a thing whatever the name before it.
        ("Ticket machines", "What"),
        ("The new Kestrel Quay ferry terminal in Arlow", "What"),
        ("Arlow harbour", "What"),
        ("Moira Galbraith", "Who"),
        ("Drivers taking a car across", "Who"),  # a people noun
    ],
)
def test_who_for_people_and_organisations_what_for_things(subject: str, word: str) -> None:
    assert who_or_what(subject, Known(frozenset({"the", "drone"}))) == word


@pytest.mark.parametrize(
    ("subject", "phrase"),
    [
        ("Solar panels on the roof", "Solar panels"),
        ("Drivers taking a car across", "Drivers"),
        ("The two-storey building", "The two-storey building"),  # "-ing", but no object
        ("A reliable, warm terminal", "A reliable"),
        ("The wing that opens today", "The wing"),
    ],
)
def test_the_noun_phrase_a_subject_opens_with(subject: str, phrase: str) -> None:
    assert noun_phrase(subject) == phrase


def test_an_ungrammatical_question_is_dropped_and_a_keyword_kept() -> None:
    out = QuestionList()
    out.add("What are free")
    out.add("Are tickets free")
    out.add("What are free", question=False)
    assert out.items == ["Are tickets free?", "What are free"]


@pytest.mark.parametrize(
    ("subject", "aliases", "word"),
    [
        ("Parley", (("app", "Parley"),), "What"),  # "Parley, an app ...": a thing
        ("Parley", (), "Who"),  # a name the release says nothing of
        ("Quillstone Ltd", (("company", "Quillstone Ltd"),), "Who"),  # a company's kind
    ],
)
def test_a_name_the_release_calls_a_thing_is_asked_what(
    subject: str, aliases: tuple[tuple[str, str], ...], word: str
) -> None:
    assert who_or_what(subject, Known(frozenset(), aliases=aliases)) == word
