"""Tests for bot/language/analysis.py: fold, filler words and stems per language."""

from __future__ import annotations

import pytest

from bot.language.analysis import analyser, stem_kazakh, stem_korean, stem_russian


@pytest.mark.parametrize(
    ("language", "first", "second"),
    [
        # The same content words, written differently, analyse alike.
        (
            "ru",
            "Сколько рейсов между Казахстаном и Кореей?",
            "рейсы между казахстане корея сколько",
        ),
        ("ru", "Где построят ТЭЦ? ёлка", "где построят тэц елка"),
        (
            "kk",
            "Қазақстан мен Корея арасында қанша рейс бар?",
            "казакстан корея арасында канша рейс",
        ),
        ("kk", "рейстердің саны", "рейс саны"),
        ("ko", "카자흐스탄과 한국 사이의 항공편은 있나요?", "카자흐스탄 한국 사이 항공편"),
        ("en", "How many flights are there?", "flight many how"),
    ],
)
def test_variants_of_a_question_analyse_to_the_same_words(
    language: str, first: str, second: str
) -> None:
    an = analyser(language)
    assert sorted(an.words(first)) == sorted(an.words(second))


@pytest.mark.parametrize(
    ("word", "stem"), [("рейсов", "рейс"), ("казахстаном", "казахстан"), ("кореей", "коре")]
)
def test_russian_words_use_the_snowball_stemmer(word: str, stem: str) -> None:
    assert stem_russian(word) == stem


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("рейстердин", "рейс"),  # plural + genitive, folded
        ("сеулге", "сеул"),  # dative
        ("алматыдан", "алма"),  # ablative, then the possessive -ы
        ("ел", "ел"),  # too short to strip
    ],
)
def test_kazakh_endings_are_stripped_in_layers(word: str, stem: str) -> None:
    assert stem_kazakh(word) == stem


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("카자흐스탄과", "카자"),
        ("카자흐스탄", "카자"),  # the same stem with and without the particle
        ("발표했나요", "발표"),  # verb endings go too
        ("발표한", "발표"),
        ("서울에서", "서울"),
        ("회의", "회의"),  # two syllables stay whole
        ("SK에코플랜트", "SK에코플랜트"),  # a word not starting in Hangul is kept
    ],
)
def test_korean_words_are_read_by_their_first_two_syllables(word: str, stem: str) -> None:
    assert stem_korean(word) == stem


def test_kazakh_letters_fold_to_their_russian_look_alikes() -> None:
    assert (
        analyser("kk").fold("Әлем ғана Қазақ өңір ұлы үй һ і") == "алем гана казак онир улы уй х и"
    )


def test_an_unknown_language_has_no_analyser() -> None:
    with pytest.raises(KeyError, match="no analyser for language 'de'"):
        analyser("de")


def test_korean_typos_are_compared_letter_by_letter() -> None:
    """One wrong vowel in a syllable block is one letter of five, not a whole syllable."""
    from rapidfuzz import fuzz

    from bot.language.analysis import analyser

    korean = analyser("ko")
    typo, word = korean.spelling("국휘의장"), korean.spelling("국회의장")
    assert fuzz.ratio(typo, word) > fuzz.ratio("국휘의장", "국회의장")
    assert korean.written(word) == "국회의장"
    assert analyser("ru").spelling("рейс") == "рейс"  # other languages as written


def test_a_korean_particle_glued_to_a_latin_name_is_set_apart() -> None:
    from bot.language.analysis import fold_korean

    assert fold_korean("Woo Won-shik이 누구예요?") == "woo won shik 이 누구예요"
    assert fold_korean("Kia랑 Hyundai") == "kia 랑 hyundai"
    assert fold_korean("13회") == "13회"  # a figure keeps its counter


@pytest.mark.parametrize(
    ("typo", "word"),
    [
        ("пасол", "посол"),  # an unstressed о written а
        ("рэйсов", "рейсов"),  # э for е
        ("кореиских", "корейских"),  # и for й
        ("искуственого", "искусственного"),  # doubled letters written single
        ("автамабильные", "автомобильные"),
    ],
)
def test_russian_typos_made_by_ear_sound_like_the_word(typo: str, word: str) -> None:
    from bot.language.analysis import sound_russian

    assert sound_russian(typo) == sound_russian(word)
    assert sound_russian("рейс") != sound_russian("район")
    assert sound_russian("премьер") != sound_russian("пример")  # the soft sign is heard


def test_only_russian_compares_typos_by_sound() -> None:
    assert analyser("ru").sounds is not None
    assert all(analyser(language).sounds is None for language in ("en", "kk", "ko"))
