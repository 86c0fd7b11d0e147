"""Tests for bot/strings.py: the strings a person sees, in their language."""

from __future__ import annotations

import re

import pytest

from bot.store import Store
from bot.store.overlay import STRINGS
from bot.strings import ENGLISH, strings_for


def test_english_has_every_string_an_overlay_must_translate_with_the_same_placeholders() -> None:
    assert set(ENGLISH) == set(STRINGS)
    for key, text in ENGLISH.items():
        assert set(re.findall(r"\{(\w+)\}", text)) == STRINGS[key], key


@pytest.mark.parametrize("language", ["ru", "kk", "ko"])
def test_the_shipped_overlays_translate_every_string_and_topic(store: Store, language: str) -> None:
    strings = strings_for(store, language)
    assert strings.language == language
    for key in STRINGS:
        assert strings[key] and strings[key] != ENGLISH[key], key
    for topic in store.topics:
        assert strings.topic(topic) != topic


def test_a_language_without_an_overlay_gets_english(store: Store) -> None:
    strings = strings_for(store, "de")
    assert strings.language == "en"
    assert strings.format("question_cut", limit="2000") == (
        "Your message was long, so I read only its first 2000 characters."
    )
    assert strings.topic("Flights") == "Flights"
