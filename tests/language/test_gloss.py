"""Tests for bot/language/gloss.py: a question read word by word as English.

The glossaries are the shipped ones (bot/language/data/gloss_*.txt); the names
come from a small table given here, as an overlay's names table would give them.
"""

from __future__ import annotations

import pytest

from bot.language.gloss import Glossary, build_glossary

NAMES = {
    "Woo Won-shik": ("У Вон Сик", "У Вон Сика", "우원식"),
    "Almaty": ("Алматы", "Алма-Ата", "알마티"),
}


@pytest.fixture(scope="module", params=["ru", "kk", "ko"])
def glossary(request: pytest.FixtureRequest) -> Glossary:
    return build_glossary(request.param, NAMES)


@pytest.fixture(params=["ru", "kk", "ko"])
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize(
    ("language", "question", "gloss"),
    [
        # Inflected words are found by the listed form that starts them.
        ("ru", "Сколько рейсов в неделю?", "how many flights per week"),
        ("ru", "сколько рейсов из Алма-Аты", "how many flights from Almaty"),
        ("kk", "Аптасына қанша рейс бар?", "per week how many flights is there"),
        # Everyday Kazakh verbs and nouns, and auxiliary verbs left out as filler.
        ("kk", "Doosan салатын станция", "doosan build power plant"),
        ("kk", "У Вон Сик қандай рөл атқарды", "Woo Won-shik which role perform"),
        ("kk", "рейстер ықпал етіп жатыр", "flights contribute"),
        # Kazakh arithmetic: "how many more", and adding up ("қосқанда").
        ("kk", "Астана рейстерінен нешеуге көп", "astana flights to how many more"),
        ("kk", "рейстерді қосқанда қанша", "flights combined how many"),
        # "қаншалықты" asks how (to what extent), not how much it costs.
        ("kk", "қаншалықты маңызды", "how important"),
        ("ko", "주당 몇 편의 항공편이 있나요?", "per week how many flights flights is there"),
        # Everyday clipped words: "м/у" (between), "нац" (national), "кол-во" (number).
        ("ru", "рейсы м/у алматы и сеулом", "flights between almaty and seoul"),
        ("ru", "нац собрание", "national assembly"),
        ("ru", "кол-во рейсов", "number flights"),
        # Names, as the names table spells them, become the English name.
        ("ru", "Кто такой У Вон Сик?", "whos Woo Won-shik"),
        ("ko", "우원식은 누구예요", "woo won-shik who"),
    ],
)
def test_words_and_names_are_read_as_english(
    language: str, question: str, gloss: str | None
) -> None:
    assert build_glossary(language, NAMES).read(question) == gloss


def test_a_word_the_glossary_does_not_know_is_kept_for_the_matcher_to_count() -> None:
    assert build_glossary("ru").read("сколько стоит квазиблямба").endswith("квазиблямба")


@pytest.mark.parametrize(
    ("question", "opens_with_is"),
    [
        ("Между Казахстаном и Кореей 20 рейсов в неделю, верно?", True),  # no question word
        ("Бывал ли он в Алматы", True),  # the particle ли
        ("Сколько рейсов в неделю?", False),  # a question word: not a yes/no check
        ("рейсы в неделю", False),  # keywords without a question mark
        # A tag put last, with no question mark: "yes", "true", "correct".
        ("между казахстаном и кореей 20 рейсов в неделю да", True),
        ("школу открыли в алматы правда", True),
        ("у вон сик спикер верно", True),
        ("правда о рейсах", False),  # "true" first is no tag
    ],
)
def test_a_yes_no_check_is_put_as_english_puts_one(question: str, opens_with_is: bool) -> None:
    assert build_glossary("ru", NAMES).read(question).startswith("is ") is opens_with_is


def test_a_one_syllable_korean_form_takes_a_particle_but_never_starts_a_longer_word() -> None:
    korean = build_glossary("ko")
    assert korean.word("나는") == korean.word("나") == "i"  # "I" with a topic particle
    assert korean.word("나이는") != "i"  # "age" is not "I"


def test_a_filler_word_the_glossary_does_not_know_is_dropped(glossary: Glossary) -> None:
    for word in glossary.analyser.stopwords:
        if glossary.word(word) is None:
            assert word not in glossary.read(f"{word} {word}").split()
            return
    pytest.skip(f"every {glossary.language} filler word has a reading")


def test_every_reading_is_plain_english(language: str) -> None:
    """Readings are what the English matcher reads: Latin letters, digits, - and _;
    the shipped glossary with the shipped overlay's names."""
    from bot.store import load_store

    names = load_store().overlays[language].names
    glossary = build_glossary(language, names)
    readings = [*glossary.words.values(), *(r for p in glossary.phrases.values() for _, r in p)]
    assert len(readings) > 1000
    assert [r for r in readings if not r.isascii()] == []


def test_words_the_glossary_cannot_read_are_named() -> None:
    russian = build_glossary("ru", NAMES)
    assert russian.unread("Школу открыли в казну?") == ["казну"]
    assert russian.unread("Сколько рейсов из Алматы в 2024?") == []  # names and figures aside


@pytest.mark.parametrize(
    ("question", "gloss"),
    [
        ("한국이 카자흐스탄의 5번째 투자국인가요?", "is korea kazakhstan 5th investor"),
        ("2위", "2nd"),
        ("주 13회", "week 13"),
        ("2024년 8월 16일자인가요?", "is 2024 august 16"),
    ],
)
def test_a_korean_figure_is_read_with_its_counter(question: str, gloss: str) -> None:
    korean = build_glossary("ko", NAMES)
    assert korean.read(question) == gloss
    assert not korean.unread(question)


def test_a_korean_form_cut_short_by_the_fold_never_displaces_a_word_as_written() -> None:
    korean = build_glossary("ko")
    # "누구의" (whose) and "어디에나" (everywhere) fold to "누구" and "어디".
    assert korean.word("누구") == "who" and korean.word("어디") == "where"


@pytest.mark.parametrize(
    ("question", "gloss"),
    [
        ("이 기사 언제 나온 거예요", "this news when published"),  # 거: filler, not "stuff"
        ("고맙다고 한 게", "thanks"),  # 한 after a verb says "did", never "one"
        ("회담 상대", "meeting counterpart"),
    ],
)
def test_everyday_korean_words_are_read_and_filler_is_dropped(question: str, gloss: str) -> None:
    assert build_glossary("ko", NAMES).read(question) == gloss


@pytest.mark.parametrize(
    ("question", "checks"),
    [
        ("두산 발전소 완공 시기는?", False),  # a noun and its topic particle: "what about"
        ("알마티-서울 노선 운항 항공사는?", False),
        ("두산 발전소 용량이 2GW예요?", True),  # the copula: a yes/no check
        ("우원식은 국회의장인가요?", True),
    ],
)
def test_a_korean_question_ending_on_a_topic_is_no_yes_no_check(
    question: str, checks: bool
) -> None:
    assert build_glossary("ko", NAMES).read(question).startswith("is ") is checks


def test_a_korean_phrase_word_takes_a_particle_but_never_starts_a_compound() -> None:
    from bot.store import load_store

    korean = build_glossary("ko", load_store().overlays["ko"].names)  # "대한민국 국회" in it
    assert korean.read("대한민국 국회의장").endswith("korea speaker")  # not the Assembly
    assert "national" in korean.read("대한민국 국회는")
    assert korean.read("의장이 정치 대화 수준이 높다고 했나요?").startswith("is ")


def test_a_korean_university_the_release_does_not_name_is_read_as_its_name() -> None:
    # 연세대 is Yonsei University, not 연세 ("age", honorific) and a syllable.
    assert "yonsei" in build_glossary("ko").read("연세대 도움으로 세워졌나요?")


@pytest.mark.parametrize(
    ("question", "gloss"),
    [
        ("얼마나 중요한 나라", "how important country"),  # 얼마나 + adjective: how
        ("얼마나 많이", "how_many"),
    ],
)
def test_korean_eolmana_asks_how_and_how_many_only_with_many(question: str, gloss: str) -> None:
    assert build_glossary("ko").read(question).replace("how many", "how_many") == gloss


def test_kazakh_words_of_one_reading_are_found_together() -> None:
    kazakh = build_glossary("kk")
    assert {"рейс", "ушкым"} <= set(kazakh.forms["flights"])  # folded forms
    assert build_glossary("ru").forms == {}  # Russian reads an unknown word as English


def test_a_kazakh_or_russian_name_written_with_a_capital_keeps_it() -> None:
    kazakh = build_glossary("kk", NAMES)
    assert "Japan" in kazakh.read("У Вон Сик Жапонияда болды ма?").split()
    assert "japan" in kazakh.read("жапонияда болды ма?").split()  # not written as a name
    assert "Japan" in build_glossary("ru").read("Был ли он в Японии?").split()  # Russian too


@pytest.mark.parametrize(
    ("question", "gloss"),
    [
        ("Корея 3-ші серіктес пе?", "is korea 3rd partner"),  # hyphened
        ("Корея 5інші инвестор ма?", "is korea 5th investor"),  # glued
        ("Корея 11 ші инвестор ма?", "is korea 11th investor"),  # set apart
    ],
)
def test_a_kazakh_figure_with_its_ordinal_ending_is_an_english_ordinal(
    question: str, gloss: str
) -> None:
    assert build_glossary("kk", {"South Korea": ("Корея",)}).read(question) == gloss


@pytest.mark.parametrize("question", ["Алматыдан 13", "13 15 рейс", "2024"])
def test_a_kazakh_figure_with_no_ordinal_ending_is_the_figure(question: str) -> None:
    """A figure last in a question, or before another figure, is no ordinal (and reading
    it never runs past the question's end)."""
    gloss = build_glossary("kk", NAMES).read(question)
    assert not any(word.endswith(("st", "nd", "rd", "th")) for word in gloss.split()), gloss


def test_a_kazakh_name_in_the_locative_is_read_with_in() -> None:
    kazakh = build_glossary("kk", {**NAMES, "Kyzylorda": ("Қызылорда", "Қызылордада")})
    assert kazakh.read("Алматыда не ашылды") == "in almaty what open"
    assert kazakh.read("Қызылордада не ашылды") == "in kyzylorda what open"
    # A name that ends like a locative is the name alone.
    assert kazakh.read("Қызылорда туралы") == "kyzylorda about"
    assert build_glossary("kk").read("мектепте") == "school"  # not a name: as it was
    # A place written with a capital is a name too, though the release never names it.
    assert build_glossary("kk").read("дүкендер Шымкентте ашылды ма").split()[-3:] == [
        "in",
        "Shymkent",
        "open",
    ]


def test_an_unknown_kazakh_word_before_a_kind_of_place_or_body_is_its_name() -> None:
    kazakh = build_glossary("kk")
    assert kazakh.unread("мектеп назарбаев университетінде ашылды ма") == []
    assert kazakh.unread("мектеп сәтбаев атындағы университетте") == []
    assert kazakh.unread("назарбаев рейсті ашты ма") == ["назарбаев"]  # no kind after it


@pytest.mark.parametrize(
    ("question", "gloss"),
    [
        # Everyday words around the release: living, flows, lists, ranks, news, sums.
        ("шымкентте тұрамын", "shymkent live"),
        ("туристер ағыны", "tourism flow"),
        ("жобаларды тізіп бересің бе", "is project list"),  # "бересің бе": a request
        ("неше саты жоғары", "how many step high"),
        ("новостьтан оқыдым", "news read"),
        ("жалпы саннан алып тастасақ", "total number minus"),
        # Auxiliary verbs after a converb and Russian fillers say nothing.
        ("салып жатқан зауыт", "build plant"),
        ("короче, түсіндіріп жіберші", "explaining"),
    ],
)
def test_everyday_kazakh_words_are_read_and_auxiliaries_are_dropped(
    question: str, gloss: str
) -> None:
    assert build_glossary("kk").read(question) == gloss


def test_kazakh_to_give_a_price_is_to_assess() -> None:
    # "баға берді" (gave a mark) assesses; "баға" alone is a price.
    kazakh = build_glossary("kk")
    assert kazakh.read("спикер қатынас туралы қандай баға берді") == (
        "speaker relations about which appreciate"
    )
    assert kazakh.read("билет бағасы") == "ticket price"


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("возраста", "age"),  # the listed form with an inflectional ending
        ("опубликована", "publish"),  # a word derived from a listed stem: its meaning
        ("поздравление", "congratulate"),
        ("возрастание", "growth"),  # a rise, no age: another word, not read as "age"
        ("должность", "position"),  # a post, no "must"
        ("чтобы", "чтобы"),  # a form of three letters takes an ending only: no "what"
    ],
)
def test_a_russian_word_longer_than_a_form_is_read_by_it_only_when_safe(
    word: str, reading: str
) -> None:
    assert build_glossary("ru").word(word) == reading


def test_a_derived_word_never_takes_a_reading_that_sets_the_kind_of_question() -> None:
    """A rest that is no inflectional ending may carry a content word, never a question
    word or an attribute the release may not state."""
    glossary = build_glossary("ru")
    assert glossary.word("возрастом") == "age"  # an inflectional ending: the same word
    assert glossary.word("возрастишко") == "возрастишко"  # derived: kept unread, not "age"
    assert glossary.word("кольцевую") == "ring"  # derived, a content word: read


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("странами", "country"),  # not "strange" ("странн"), a later row of the same stem
        ("оценил", "appreciate"),  # not "worth" ("оценен")
    ],
)
def test_a_stem_two_rows_share_is_read_by_the_earlier_row(word: str, reading: str) -> None:
    assert build_glossary("ru").word(word) == reading


def test_an_unread_word_is_read_as_the_word_it_is_a_typo_of() -> None:
    glossary = build_glossary("ru")

    def mend(word: str) -> str:
        return {"рэйсов": "рейсов", "сколько": "колько"}.get(word, word)

    assert glossary.read("сколько рэйсов", mend) == "how many flights"  # a known word: kept
    assert glossary.unread("сколько рэйсов", mend) == []
    assert glossary.unread("сколько рэйсов") == ["рэйсов"]


def test_a_capitalised_word_inside_a_sentence_is_a_name_not_an_unread_word() -> None:
    """The English check reads it as the other value the question gives."""
    glossary = build_glossary("ru")
    assert glossary.unread("Завод строят в Карагандинской области?") == []
    assert glossary.unread("Школу открыли при КазНУ имени аль-Фараби?") == []
    assert glossary.unread("завод строят карагандинские компании?") == ["карагандинские"]
    # the first word of a sentence is capitalised whatever it is
    assert glossary.unread("Карагандинские компании строят завод?") == ["карагандинские"]


def test_russian_months_are_read() -> None:
    glossary = build_glossary("ru")
    assert glossary.read("опубликована 16 августа 2024 года") == "publish 16 august 2024 years"
    assert glossary.read("в мае") == "in may"


def test_a_name_written_with_a_capital_keeps_it_in_the_gloss() -> None:
    """The English checks tell a name the release does not use by its capital."""
    glossary = build_glossary("ru")
    assert glossary.read("Посол Казахстана в Японии?") == "is ambassador Kazakhstan in Japan"
    assert glossary.read("посол казахстана в японии?") == "is ambassador kazakhstan in japan"


def test_an_ambassador_in_a_country_is_the_ambassador_to_it() -> None:
    assert build_glossary("ru").read("кто посол в Корее") == "who ambassador to Korea"


def test_is_it_true_that_opens_a_check_not_a_what_question() -> None:
    glossary = build_glossary("ru")
    assert glossary.read("Правда, что Doosan строит атомную станцию?") == (
        "is it true Doosan build nuclear power plant"
    )


@pytest.mark.parametrize(
    ("question", "gloss"),
    [
        ("대사 이름이랑 국회의장 이름", "ambassador name and speaker name"),  # 이랑
        ("현대랑 기아 공장", "hyundai and kia plant"),  # 랑
        ("기사 날짜 언제고 어디서 나왔어", "news date when and where published"),  # 언제고
        ("몇 편이고 몇 위예요", "how many flights and which"),  # the copula's 고
        ("대사하고 의장 이름", "ambassador and speaker name"),  # 하고 after a noun
    ],
)
def test_a_korean_word_that_joins_the_next_reads_as_and(question: str, gloss: str) -> None:
    assert build_glossary("ko", NAMES).read(question) == gloss


@pytest.mark.parametrize(
    "question",
    ["발전소 짓는 거 참고 사고", "우원식이랑 만났어?"],  # 참고, 사고 are words; 랑 last: "with"
)
def test_a_korean_word_that_only_ends_like_and_joins_nothing(question: str) -> None:
    from bot.language.korean import joined_korean

    assert joined_korean(question) == question


@pytest.mark.parametrize(
    ("question", "checks"),
    [
        ("홍범도 유해 2021년에 봉환된 거 맞나요", True),  # no "?" typed: the ending asks
        ("한국이 카자흐 3위 교역국이래매", True),  # hearsay put to the listener
        ("BAKAD 공사에 SK에코플랜트 참여하는 거 맞음 ㅋㅋ", True),  # texted 음, then laughter
        ("두산 발전소 2GW짜리 맞죠", True),
        ("두산 발전소 용량 알려줘", False),  # a request
        ("두산 발전소 용량 말해 주세요", False),
        ("두산 발전소", False),  # a keyword: no ending
        ("두산 발전소 언제 완공돼요", False),  # a question word: no check
    ],
)
def test_a_korean_question_without_a_question_mark_is_a_check_by_its_ending(
    question: str, checks: bool
) -> None:
    assert build_glossary("ko", NAMES).read(question).startswith("is ") is checks


def test_korean_hearsay_put_to_the_listener_is_a_check_whatever_the_word() -> None:
    # "교역국이래매" is read by its start ("교역"), so the fold leaves it whole.
    assert build_glossary("ko", NAMES).read("한국이 카자흐 3위 교역국이래매").startswith("is ")


@pytest.mark.parametrize(
    ("question", "gloss"),
    [
        ("하늘길 몇 편", "flights how many flights"),  # flights
        ("에너지 시설", "energy facility"),  # building
        ("회사 동료가", "company colleague"),  # people a chatty question mentions
        ("의제 활동", "agenda activity"),  # meetings
        ("둘을 합하면", "two add"),  # arithmetic
    ],
)
def test_everyday_korean_words_around_the_release_are_read(question: str, gloss: str) -> None:
    assert build_glossary("ko", NAMES).read(question) == gloss


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("каие", "which"),  # a letter left out of "какие"
        ("сколко", "how_many"),
        ("какйе", "which"),  # two letters swapped
        ("хто", "хто"),  # too short: one letter from "кто" and from "что"
        ("квазиблямба", "квазиблямба"),
    ],
)
def test_a_russian_question_word_mistyped_is_read_as_it(word: str, reading: str) -> None:
    assert build_glossary("ru").word(word) == reading


def test_an_unread_word_before_region_or_city_names_a_place() -> None:
    """ "в павлодарской области": a place the release does not name, read as a name
    (so the English yes/no check may put it), though written without a capital."""
    glossary = build_glossary("ru")
    assert glossary.unread("завод построили в павлодарской области?") == []
    assert glossary.unread("завод построили в павлодарской?") == ["павлодарской"]
