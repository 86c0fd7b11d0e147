"""Tests for bot/language/morphology.py: verb_forms (lemminflect)."""

from __future__ import annotations

import pytest

from bot.language.morphology import suffix_root, verb_forms


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("visit", ("visits", "visiting", "visited")),
        ("commit", ("commits", "committing", "committed")),  # not "commiting", "commited"
        ("submit", ("submits", "submitting", "submitted")),
        ("begin", ("begins", "beginning", "began", "begun")),
        ("take", ("takes", "taking", "took", "taken")),
        ("fly", ("flies", "flying", "flew", "flown")),
        ("agree", ("agrees", "agreeing", "agreed")),
        ("cut", ("cuts", "cutting")),  # not "cutted"
        ("set", ("sets", "setting")),  # not "setted"
        ("zorble", ("zorbles", "zorbling", "zorbled")),  # unknown: lemminflect's rules
    ],
)
def test_the_other_forms_of_a_verb(base: str, forms: tuple[str, ...]) -> None:
    assert verb_forms(base) == forms


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("approved", "approv"),
        ("approval", "approv"),
        ("meetings", "meet"),
        ("plan", "plan"),  # three letters stay
        ("stations", "stat"),  # "ations" would leave two letters: "ions" goes
    ],
)
def test_suffix_root_strips_one_ending(word: str, root: str) -> None:
    assert suffix_root(word) == root
