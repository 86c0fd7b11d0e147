"""Korean written without its spaces, split into the words it runs together."""

from __future__ import annotations

import pytest

from bot.matching.spacing import split_run

KNOWN = frozenset(
    {"한국", "국회의장", "국회", "의장", "이름", "알마티", "서울", "주", "몇", "회", "우"}
)


@pytest.mark.parametrize(
    ("word", "pieces"),
    [
        ("한국국회의장이름", ["한국", "국회의장", "이름"]),  # the fewest words
        ("알마티서울", ["알마티", "서울"]),
        ("이름서울", ["이름", "서울"]),
        ("우의장", ["우", "의장"]),
        ("국회의장", ["국회의장"]),  # a known word stays whole
        ("국회의쟝", ["국회의쟝"]),  # a typo is left to the typo corrector
        ("sk서울", ["sk서울"]),  # not all Hangul
    ],
)
def test_a_run_of_known_words_is_split(word: str, pieces: list[str]) -> None:
    assert split_run(word, KNOWN) == pieces


def test_a_word_the_glossary_reads_whole_is_not_split() -> None:
    assert split_run("주중", KNOWN, {"주중"}) == ["주중"]  # "in China", not "week" + ...
    assert split_run("서울이름", set(), KNOWN) == ["서울", "이름"]


def test_a_korean_question_typed_without_spaces_is_answered() -> None:
    from bot.matching.languages import Matchers
    from bot.store import load_store

    matchers = Matchers(load_store(), lazy=True)
    assert matchers.match("한국국회의장이름").intent == "speaker"
    assert matchers.match("카자흐스탄한국항공편주몇회").intent == "flights-total"


def test_a_run_ending_in_one_syllable_is_split_only_before_filler() -> None:
    known = {"좋아졌", "대", "주", "몇", "회"}
    assert split_run("좋아졌대", known) == ["좋아졌대"]  # 대: an ending, not a word
    assert split_run("주몇회", known, tails={"회"}) == ["주", "몇", "회"]
