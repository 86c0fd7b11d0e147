"""Tests for bot/language/analysis.py: fold, filler words and stems per language."""

from __future__ import annotations

import pytest

from bot.language.analysis import (
    analyser,
    asks_in_kazakh,
    declined_russian,
    stem_kazakh,
    stem_korean,
    stem_russian,
)


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
        ("алматыдан", "алмат"),  # ablative, then the possessive -ы
        ("ел", "ел"),  # too short to strip
        ("тобындагы", "тоб"),  # possessive, locative, then "what is in it"
        ("елшисине", "елш"),  # possessive + dative
        ("кайтарылды", "кайтар"),  # passive + past
        ("салатын", "сал"),  # participle
        ("жатырмын", "жатыр"),  # personal ending
        ("айтыныз", "айт"),  # polite imperative
    ],
)
def test_kazakh_endings_are_stripped_in_layers(word: str, stem: str) -> None:
    assert stem_kazakh(word) == stem


@pytest.mark.parametrize(
    "forms",
    [
        ("салып", "салады", "салу", "салган", "салатын"),  # one verb, five forms
        ("тобы", "тобын", "тобында", "тобындагы"),
        ("кездесу", "кездести", "кездеседи"),
    ],
)
def test_the_forms_of_a_kazakh_word_share_one_stem(forms: tuple[str, ...]) -> None:
    assert len({stem_kazakh(form) for form in forms}) == 1


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Қазақстанның Кореядағы елшісі", "казакстаннын to кореядагы елшиси"),
        ("Сеулге рейс", "to сеулге рейс"),  # dative: to
        ("ел", "ел"),  # too short to carry a case ending
    ],
)
def test_a_kazakh_word_in_the_locative_or_dative_is_marked_as_a_destination(
    text: str, folded: str
) -> None:
    assert analyser("kk").fold(text) == folded
    assert analyser("kk").terms(text) == folded.replace("to ", "")


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
    from bot.language.korean import fold_korean

    assert fold_korean("Woo Won-shik이 누구예요?") == "woo won shik 이 누구"
    assert fold_korean("Kia랑 Hyundai") == "kia 랑 hyundai"
    assert fold_korean("13회") == "13회"  # a figure keeps its counter
    assert fold_korean("주13회") == "주 13회"  # set apart from the word before it


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("회인가요", "회"),  # the copula after a one-syllable noun
        ("번이에요", "번"),
        ("뭐예요", "뭐"),
        ("발표했나요", "발표"),  # 하다 after a noun
        ("개설됐어요", "개설"),  # 되다 after a noun
        ("발표한", "발표"),
        ("만났나요", "만났"),  # a verb keeps its stem
        ("서울은요", "서울"),  # endings stack: 요, then 은
        ("카자흐스탄에서", "카자흐스탄"),
        ("서울과기대가", "서울과기대"),
        ("2020년이었죠", "2020"),
        ("있나요", "있나"),  # a verb stem of one syllable keeps its ending (but 요)
        ("사는데", "사는데"),
        ("했어요", "했어"),  # all ending but 요: read by the glossary as "did"
        ("도로", "도로"),  # two syllables ending like a particle are a word
        ("회의", "회의"),
        ("나이", "나이"),
        ("공장도", "공장도"),  # "also" is read by the glossary
        ("얼마나", "얼마나"),  # 나 ends more words than it follows
        ("회사들이", "회사"),  # the plural 들, then 이
        ("어디임", "어디"),  # the nominal copula
        ("모임", "모임"),  # a word of two syllables ending in 임 stays
        ("뭐뭐", "뭐"),  # said twice, as a list is asked for
        ("누구누구", "누구"),
    ],
)
def test_a_korean_word_loses_its_endings_and_particles(word: str, folded: str) -> None:
    from bot.language.korean import fold_korean

    assert fold_korean(word) == folded


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("맞음", "맞"),  # the nominal 음 after a verb stem the glossary knows
        ("맞냐", "맞"),  # casual question endings
        ("맞냐고", "맞"),
        ("있냐", "있"),
        ("뭐임", "뭐"),
        ("누구얌", "누구얌"),  # read by its start "누구", as the glossary and the store do
        ("거임", "거"),
        ("건지", "건"),
        ("5위래", "5위"),  # hearsay after a figure
        ("2위이래매", "2위"),
        ("2기가와트짜리라던데", "2기가와트짜리"),
        ("하시더라구요", "하"),  # honorific, then hearsay
        ("진출했다던데", "진출했다던데"),  # "진출" starts it: left for the stem
        ("참여", "참여"),  # not 참 (true) and an ending: 여 is no spoken ending
        ("시대", "시대"),  # nor 시 and hearsay 대
        ("다음", "다음"),  # a word the glossary knows is kept whole
        ("처음", "처음"),  # 처 is no word: 음 stays
        ("사는데", "사는데"),  # read longer ("사는", lives), never "사" (four)
    ],
)
def test_a_spoken_korean_ending_goes_when_a_known_word_is_left(word: str, folded: str) -> None:
    from bot.language.korean import fold_korean

    assert fold_korean(word) == folded


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("나왓어", "나왔"),  # ㅆ typed without the shift key
        ("잇나요", "잇나"),  # listed as a filler form already
        ("애기도", "얘기도"),  # ㅒ typed as ㅐ, the particle 도 kept
        ("없엇어요", "없었"),
        ("갯수", "갯수"),  # no known word one shifted letter away: kept
        ("에", "에"),  # a particle, no slip of "예" (yes)
        ("사고", "사고"),  # an initial consonant is as typed: no slip of "싸고"
    ],
)
def test_a_korean_word_typed_without_the_shift_key_is_read_as_meant(word: str, folded: str) -> None:
    from bot.language.korean import fold_korean

    assert fold_korean(word) == folded


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("5번째", "5위"),  # every ordinal counter as one
        ("5위", "5위"),
        ("13편", "13회"),  # every counter of times as one
        ("13번이에요", "13회"),
        ("2024년 8월 16일자인가요", "2024 8월 16"),  # a date as 2024-08-16 reads
        ("2024-08-16", "2024 8월 16"),
        ("1GW", "1gw"),
    ],
)
def test_a_korean_figure_is_written_with_one_counter(text: str, folded: str) -> None:
    from bot.language.korean import fold_korean

    assert fold_korean(text) == folded


def test_a_korean_particle_standing_alone_is_filler() -> None:
    korean = analyser("ko")
    assert korean.words("Kia 랑 Hyundai") == ["kia", "hyundai"]
    assert "랑" in korean.stopwords and "도" not in korean.stopwords


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("1 ГВт-тық станция", "1 гвт станция"),  # an ending hyphened to an abbreviation
        ("SK-ның жобасы", "sk жобасы"),  # or to a Latin name
        ("5-ші орын", "5 ши орын"),  # a figure keeps it: an ordinal
        ("Нұр-Сұлтан", "нур султан"),  # a name written with a hyphen stays whole
    ],
)
def test_a_kazakh_ending_hyphened_to_an_abbreviation_is_dropped(text: str, folded: str) -> None:
    assert analyser("kk").fold(text) == folded


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Мектеп қай университетте ашылды", True),  # the question word stands late
        ("рейс канша", True),  # Kazakh typed with Russian letters
        ("Тоқаев не айтты", True),  # "не" (what) with a Kazakh letter
        ("Сәлем, мен студентпін", False),
        ("я не знаю", False),  # Russian "не" (not)
    ],
)
def test_a_kazakh_question_word_is_found_wherever_it_stands(text: str, asks: bool) -> None:
    assert asks_in_kazakh(text) is asks


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


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Ву Вон Шик", {"Ву Вон Шика", "Ву Вон Шику", "Ву Вон Шиком", "Ву Вон Шике"}),
        ("Кзыл-Орда", {"Кзыл-Орды", "Кзыл-Орде", "Кзыл-Орду", "Кзыл-Ордой"}),
        ("Корея", {"Кореи", "Корее", "Корею", "Кореей"}),
        ("Хон Бом До", set()),  # a name ending in another vowel does not decline
        ("Seoultech", set()),  # nor one in Latin letters
    ],
)
def test_a_russian_name_is_declined_by_its_last_word(name: str, forms: set[str]) -> None:
    assert forms <= set(declined_russian(name))
    assert bool(declined_russian(name)) is bool(forms)
