"""Tests for bot/language/translit.py: Russian and Kazakh typed in Latin letters."""

from __future__ import annotations

import pytest

from bot.language.translit import to_cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("skolko", "сколко"),  # no soft sign typed: the typo matcher finds "сколько"
        ("reisov", "рейсов"),  # i after a vowel is й
        ("kakoy", "какой"),
        ("nedelyu", "неделю"),  # digraphs first
        ("vstrechalsya", "встречался"),
        ("druzhby", "дружбы"),
        ("shchedryi", "щедрый"),
        ("qansha", "канша"),  # Kazakh q, folded as the Kazakh store folds қ
        ("aptasyna", "аптасына"),
        ("2024", "2024"),  # not letters: kept
    ],
)
def test_a_latin_word_is_spelt_in_cyrillic(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic
