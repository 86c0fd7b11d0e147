"""Tests for bot/drafting/verbs.py: the main verb group of a clause, base forms, questions."""

from __future__ import annotations

import pytest

from bot.drafting.verbs import Verb, base_form, find_verb, in_tense_of, inverted_clause


@pytest.mark.parametrize(
    ("clause", "index", "words", "tense"),
    [
        ("The council approved the plan", 2, ("approved",), "past"),
        ("The team, led by Dr. A. Smith, found that ice melts", 7, ("found",), "past"),
        ("The plans that are created automatically save time", 6, ("save",), "plural"),
        ("The researchers now plan a second study", 3, ("plan",), "plural"),
        ("It will also add two lines", 1, ("will", "also", "add"), "aux"),
        ("FieldScout 2 weighs 4.2 kg", 2, ("weighs",), "present"),
        ("The city has 12 parks", 2, ("has",), "have"),
        ("The minister is in Seoul", 2, ("is",), "be"),
        ("Trams run every 6 minutes", 1, ("run",), "plural"),
        # A participle after "with" describes a noun: the verb comes later.
        ("An open day with guided tours opens today", 6, ("opens",), "present"),
    ],
    ids=[
        "past",
        "aside",
        "relative",
        "adverb",
        "modal",
        "present",
        "have",
        "be",
        "plural",
        "participle-after-with",
    ],
)
def test_the_main_verb_group_of_a_clause(
    clause: str, index: int, words: tuple[str, ...], tense: str
) -> None:
    assert find_verb(clause.split()) == Verb(index, words, tense)


@pytest.mark.parametrize(
    "clause",
    [
        "The new tram line",
        "A map of the results",
        "The plans of the city",
        "A day with guided tours",
    ],
)
def test_a_noun_phrase_has_no_verb(clause: str) -> None:
    assert find_verb(clause.split()) is None


@pytest.mark.parametrize(
    ("form", "base"),
    [
        ("approved", "approve"),
        ("flies", "fly"),
        ("planned", "plan"),
        ("noted", "note"),
        ("combined", "combine"),
        ("took", "take"),
        ("visits", "visit"),
        ("pushes", "push"),
        ("agreed", "agree"),
        ("shipped", "ship"),
        ("studies", "study"),
    ],
)
def test_the_base_form_of_a_verb(form: str, base: str) -> None:
    assert base_form(form) == base


@pytest.mark.parametrize(
    ("verb", "tail", "question"),
    [
        (Verb(2, ("approved",), "past"), "the plan", "did the council approve the plan"),
        (Verb(2, ("approves",), "present"), "", "does the council approve"),
        (Verb(2, ("will", "approve"), "aux"), "it", "will the council approve it"),
        (Verb(2, ("is",), "be"), "open", "is the council open"),
        (Verb(2, ("has",), "have"), "", "does the council have"),
        (Verb(2, ("approve",), "plural"), "", "do the council approve"),
    ],
)
def test_a_statement_turned_into_a_question(verb: Verb, tail: str, question: str) -> None:
    assert inverted_clause("the council", verb, tail) == question


@pytest.mark.parametrize(
    ("words", "tense", "subject", "expected"),
    [
        (("will", "depart"), "aux", "flights", "will flights arrive"),
        (("left",), "past", "the ferry", "did the ferry arrive"),
        (("departs",), "present", "the ferry", "does the ferry arrive"),
        (("depart",), "plural", "ferries", "do ferries arrive"),
    ],
)
def test_a_participle_takes_the_tense_of_the_main_verb(
    words: tuple[str, ...], tense: str, subject: str, expected: str
) -> None:
    verb = in_tense_of(Verb(0, words, tense), "arrive", subject)
    assert inverted_clause(subject, verb, "") == expected
