"""Tests for bot/language/detect.py: the language of a question from its script and letters."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.language import detect
from bot.language.detect import SUPPORTED, language_of


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("How many flights per week are there between Kazakhstan and Korea?", "en"),
        ("Сколько рейсов в неделю между Казахстаном и Кореей?", "ru"),
        ("Сколько рейсов в неделю между Казахстаном и Кореей? ёлки", "ru"),
        ("Қазақстан мен Корея арасында аптасына қанша рейс бар?", "kk"),
        ("ҚАЗАҚСТАН", "kk"),  # upper-case Kazakh letters count too
        ("카자흐스탄과 한국 사이에 주당 몇 편의 항공편이 있나요?", "ko"),
        ("Doosan электростанция где?", "ru"),  # a Latin name in a Russian question
        ("Doosan 발전소 어디?", "ko"),
        ("Woo Won-shik 누구", "ko"),
        ("これは何ですか", "ja"),
        ("这是什么", "zh"),
        ("ما هو هذا", "ar"),
        ("Τι είναι αυτό;", "el"),
    ],
)
def test_the_script_and_letters_decide(text: str, language: str) -> None:
    assert language_of(text) == language


@pytest.mark.parametrize(
    ("text", "hint", "language"),
    [
        ("сколько рейсов", "kk", "kk"),  # Kazakh typed without its own letters
        ("сколько рейсов", "ru", "ru"),
        ("сколько рейсов", "en", "ru"),  # the hint never overrides the script
        ("How many flights?", "ru", "en"),
        ("15?", "ko", "ko"),  # no letters at all: the person's own language
        ("15?", "de", "en"),  # ... if the bot speaks it
        ("👍", None, "en"),
    ],
)
def test_the_telegram_language_code_only_breaks_ties(
    text: str, hint: str | None, language: str
) -> None:
    assert language_of(text, hint) == language


def test_docstring_examples_hold() -> None:
    assert doctest.testmod(detect).failed == 0


@given(st.text(max_size=200), st.one_of(st.none(), st.text(max_size=10)))
def test_any_text_gets_a_language_code(text: str, hint: str | None) -> None:
    language = language_of(text, hint)
    assert language in SUPPORTED or (language.isalpha() and len(language) == 2)
