"""Tests for bot/matching/languages.py: questions in Russian, Kazakh and Korean."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.matching import Kind, Matchers
from bot.matching.languages import language_view, untranslated, view_synonyms
from bot.store import Store


@pytest.fixture(scope="module")
def matchers(store: Store) -> Matchers:
    return Matchers(store)


@pytest.mark.parametrize(
    ("question", "language", "entry"),
    [
        ("Сколько рейсов в неделю между Казахстаном и Кореей?", "ru", "flights-total"),
        ("сколько рейсов в неделю между казахстаном и кореей", "ru", "flights-total"),
        ("Қазақстан мен Корея арасында аптасына қанша рейс бар?", "kk", "flights-total"),
        ("카자흐스탄과 한국 사이에 주당 몇 편의 항공편이 있나요?", "ko", "flights-total"),
        ("Doosan электростанция где?", "ru", "doosan-power-plant"),
        ("How many flights per week are there between Kazakhstan and Korea?", "en", None),
    ],
)
def test_a_question_is_answered_in_its_own_language(
    matchers: Matchers, store: Store, question: str, language: str, entry: str | None
) -> None:
    match = matchers.match(question)
    assert match.language == language
    assert match.kind is Kind.ANSWER and match.entry is not None
    if entry is not None:
        assert match.entry.id == entry
        overlay = store.overlays[language]
        assert match.entry.answer == overlay.entries[entry].answer  # the translated answer
        assert match.entry.source == store.entry(entry).source  # the English quote  # type: ignore[union-attr]


def test_a_language_without_an_overlay_gets_a_fallback_naming_it(matchers: Matchers) -> None:
    match = matchers.match("これは何ですか")
    assert (match.kind, match.language) == (Kind.FALLBACK, "ja")
    assert matchers.candidates("これは何ですか") == []


def test_the_telegram_language_code_breaks_ties(matchers: Matchers) -> None:
    """Kazakh typed without Kazakh letters is read as Kazakh for someone whose client is."""
    assert matchers.language_of("рейстер саны", "kk") == "kk"
    assert matchers.language_of("рейстер саны", "en") == "ru"


def test_the_view_keeps_ids_sources_and_follow_ups_and_takes_the_translation(store: Store) -> None:
    overlay = store.overlays["ru"]
    view = language_view(store, overlay)
    assert view.language == "ru"
    assert [e.id for e in view.entries] == [e.id for e in store.entries]
    for english, russian in zip(store.entries, view.entries, strict=True):
        assert russian.source == english.source and russian.follow_ups == english.follow_ups
        assert russian.questions == overlay.entries[english.id].questions
        assert russian.topic == overlay.topics[english.topic]


def test_names_and_question_words_become_synonyms(store: Store) -> None:
    table = view_synonyms(store.overlays["ru"])
    assert "when" in table and "когда" in table["when"] and "в каком году" in table["when"]
    almaty = store.overlays["ru"].names["Almaty"]
    assert "Almaty" in table[almaty[0]]  # the English name reads as the Russian one


def test_a_russian_name_is_read_in_every_case_its_table_does_not_list(store: Store) -> None:
    """The names table lists "Кзыл-Орда" and "Ву Вон Шик" in one case only."""
    table = view_synonyms(store.overlays["ru"])
    kyzylorda = table[store.overlays["ru"].names["Kyzylorda"][0]]
    assert {"Кзыл-Орде", "Кзыл-Орды"} <= set(kyzylorda)
    woo = table[store.overlays["ru"].names["Woo Won-shik"][0]]
    assert {"Ву Вон Шика", "Ву Вон Шиком"} <= set(woo)
    assert not {"Алматыа", "Алматые"} & set(table[store.overlays["ru"].names["Almaty"][0]])


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("спикер нац собрания", "парламент"),
        ("рейсы м/у странами", "межд"),
        ("кол-во рейсов", "количеств"),
    ],
)
def test_a_clipped_russian_word_is_read_as_the_store_word(
    matchers: Matchers, question: str, word: str
) -> None:
    """ "нац", "м/у", "кол-во": clipped as people type them (the overlay's synonyms)."""
    russian = matchers.matcher_for("ru")
    assert russian is not None and word in russian.prepare(question)


def test_an_untranslated_entry_is_answered_in_english_and_says_so(store: Store) -> None:
    overlay = store.overlays["ru"]
    entries = {k: v for k, v in overlay.entries.items() if k != "bakad"}
    partial = dataclasses.replace(overlay, entries=entries)
    view = language_view(store, partial)
    bakad = view.entry("bakad")
    assert bakad is not None and bakad.answer == store.entry("bakad").answer  # type: ignore[union-attr]
    assert untranslated(view, "bakad") and not untranslated(view, "flights-total")
    assert not untranslated(store, "bakad")  # the English store translates nothing


def test_english_is_matched_exactly_as_before(matchers: Matchers, store: Store) -> None:
    from bot.matching import Matcher

    plain = Matcher(store)
    for question in ("kazakh ambassador name", "what is bakad", "Who was speaker before Woo?"):
        assert matchers.match(question) == plain.match(question)


# Measured on each language's eval set (all of it written blind; see README "Languages").
# A yes/no check put the wrong way counts as wrong. These are floors against regressions,
# not the targets of 90% answered and 95% declined (each set was tuned on).
FLOORS = {"ru": (0.97, 0.95), "kk": (0.95, 1.0), "ko": (0.96, 0.97)}


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_each_language_holds_its_measured_figures(matchers: Matchers, language: str) -> None:
    from pathlib import Path

    from bot.matching.evaluate import load_cases, report

    path = Path(__file__).resolve().parents[1] / "data" / f"eval.{language}.yaml"
    cases = [c for c in load_cases(path) if matchers.language_of(c.question) == language]
    summary, _ = report(matchers.matchers[language], cases)
    accuracy, rejection = FLOORS[language]
    assert summary.in_scope >= 90 and summary.out_of_scope >= 40
    assert summary.accuracy >= accuracy
    assert summary.rejection >= rejection


@pytest.mark.parametrize(
    ("question", "retried"),
    [
        ("Астана Сеул рейстер", True),  # a Kazakh plural typed with Russian letters
        ("Алматы мен Сеул арасында аптасына канша рейс бар", True),
        ("какая погода завтра в москве", False),  # Russian through and through
    ],
)
def test_a_russian_question_is_tried_on_kazakh_only_with_a_kazakh_word(
    matchers: Matchers, question: str, retried: bool
) -> None:
    russian = matchers.matcher_for("ru")
    assert russian is not None and russian.sibling is not None
    assert russian._sibling_words(russian.score(question).query) is retried


@pytest.mark.parametrize(
    ("question", "language", "entry"),
    [
        ("skolko reisov almaty seul v nedelyu", "ru", "flights-almaty-seoul"),
        ("Almaty Seul reisteri aptasyna qansha", "kk", "flights-almaty-seoul"),
    ],
)
def test_russian_and_kazakh_typed_in_latin_letters_are_answered_in_them(
    matchers: Matchers, question: str, language: str, entry: str
) -> None:
    match = matchers.match(question)
    assert (match.kind, match.intent, match.language) == (Kind.ANSWER, entry, language)


@pytest.mark.parametrize(
    "question",
    ["What is the weather in Paris tomorrow?", "Wie viele Flüge gibt es pro Woche?", "xyzzy plugh"],
)
def test_an_english_or_other_latin_question_is_not_read_as_russian(
    matchers: Matchers, question: str
) -> None:
    match = matchers.match(question)
    assert not match.answered and match.language in ("en", "de")


def test_a_korean_ambassador_in_the_other_country_is_someone_else(matchers: Matchers) -> None:
    """주한 (in Korea) and 주카자흐스탄 (in Kazakhstan) say where an ambassador serves."""
    korean = matchers.matcher_for("ko")
    assert korean is not None
    ours = korean.candidates("주한 카자흐스탄 대사는 누구예요")[0]
    assert ours.intent == "ambassador" and not ours.swapped
    theirs = [
        c
        for c in korean.candidates("주카자흐스탄 한국 대사는 누구예요")
        if c.intent == "ambassador"
    ]
    assert theirs and theirs[0].swapped


def test_a_korean_president_is_not_the_president_of_kazakhstan_unless_named(
    matchers: Matchers,
) -> None:
    assert not matchers.match("지금 한국 대통령은 누구예요").answered
    assert matchers.match("카자흐스탄 대통령에게 왜 감사했나요").intent == "hong-beom-do"


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("알마티에 어떤 한국 편의점이 생겼어요", "which"),  # 어떤: which, not how
        ("기아 공장은 어느 도시에 있나요", "where"),  # 어느 도시: where, and a city
        ("면담은 어떻게 끝났나요", "how"),
        ("대학교 설립 연도", "when"),  # the year of something: when
    ],
)
def test_korean_question_words_are_read_as_the_english_ones(
    matchers: Matchers, question: str, word: str
) -> None:
    korean = matchers.matcher_for("ko")
    assert korean is not None
    assert word in korean.prepare(question)


def test_korean_han_ka_is_korea_and_kazakhstan(matchers: Matchers) -> None:
    korean = matchers.matcher_for("ko")
    assert korean is not None
    words = korean.prepare("한-카 경제 협력")
    assert "한국" in words and "카자" in words


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("카자흐스탄에 있는 한국 자동차 공정 어떤거 있어요", "kia-hyundai"),  # 공정: 공장 typed
        ("우원식 의장은 어떤 친선 단체를 이끌었나요", "friendship-group"),  # 이끌었: 이끈
    ],
)
def test_korean_verb_forms_and_typos_reach_the_store_word(
    matchers: Matchers, question: str, intent: str
) -> None:
    assert matchers.match(question).intent == intent


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("의장이 고맙다고 한 이유", "감사"),  # as the English store's gratitude: thank, grateful
        ("돈을 넣는 나라", "투자"),  # colloquial: to put money in
        ("도시를 빙 두르는 도로", "순환"),  # encircling: a ring road's 순환
    ],
)
def test_everyday_korean_paraphrases_read_as_the_store_words(
    matchers: Matchers, question: str, word: str
) -> None:
    korean = matchers.matcher_for("ko")
    assert korean is not None
    assert word in korean.prepare(question)


def test_korean_discourse_fillers_say_nothing(matchers: Matchers) -> None:
    korean = matchers.matcher_for("ko")
    assert korean is not None
    assert korean.prepare("그래서 결국 면담 결과는") == korean.prepare("면담 결과는")


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("Қазақстанның Кореядағы елшісі кім?", True),  # Kazakhstan's ambassador in Korea
        ("Кореяның Қазақстандағы елшісі кім?", False),  # Korea's in Kazakhstan: someone else
        # The bare locative of a subject says where too.
        ("Қазақстан елшісі Кореяда кім?", True),
        ("Корея елшісі Қазақстанда кім?", False),
    ],
)
def test_a_kazakh_locative_says_where_an_ambassador_is(
    matchers: Matchers, question: str, answered: bool
) -> None:
    match = matchers.match(question)
    assert (match.answered, match.intent if answered else None) == (
        answered,
        "ambassador" if answered else None,
    )


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("Корея Қазақстанның төртінші сауда серіктесі ме?", True),  # the 4th, as stated
        ("Қазақстанның үшінші сауда серіктесі қай ел?", False),  # the 3rd is not stated
        ("Қазақстанның ең ірі сауда серіктесі қай ел?", False),  # the largest: the 1st
    ],
)
def test_a_kazakh_ordinal_is_a_figure_the_entry_must_state(
    matchers: Matchers, question: str, answered: bool
) -> None:
    assert matchers.match(question).answered is answered


def test_a_kazakh_president_is_no_president_of_kazakhstan_unless_it_says_so(
    matchers: Matchers,
) -> None:
    korean = matchers.match("Кореяның президенті кім?")
    assert not korean.answered
    assert matchers.match("Қазақстан Президенті кім?").intent == "hong-beom-do"


def test_a_kazakh_question_combining_two_counts_is_worked_out(matchers: Matchers) -> None:
    match = matchers.match("Астана–Сеул мен Алматы–Сеул рейстерін қосқанда аптасына қанша?")
    assert match.result is not None and match.result.operation == "sum"


def test_korean_the_adjective_is_no_other_subject_than_korea(matchers: Matchers) -> None:
    # "корей парламенті" (the Korean parliament) asks about the parliament of Korea.
    kazakh = matchers.matcher_for("kk")
    assert kazakh is not None
    found = kazakh.findings_for("корей парламентінің басшысы кім", "speaker") or []
    assert "subject_swap" not in {f.check for f in found}
    assert matchers.match("корей парламентінің басшысы кім").intent == "speaker"


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("екі мемлекеттің қарым-қатынасы", "ел"),  # state: a country
        ("саяси байланыстар қандай", "катынас"),  # ties: relations
        ("елші спикермен жолықты ма", "кездес"),  # came across: met
        ("екі жақ не туралы келісті", "тарап"),  # the two sides: the parties
    ],
)
def test_everyday_kazakh_paraphrases_read_as_the_store_words(
    matchers: Matchers, question: str, word: str
) -> None:
    kazakh = matchers.matcher_for("kk")
    assert kazakh is not None
    assert word in kazakh.prepare(question)


def test_kazakh_need_says_nothing_of_what_is_asked(matchers: Matchers) -> None:
    kazakh = matchers.matcher_for("kk")
    assert kazakh is not None
    assert "керек" not in kazakh.prepare("спикер кімге алғыс айтты, сабаққа керек еді")


def test_kazakh_typed_with_russian_letters_is_offered_by_kazakh_when_russian_offers_nothing(
    matchers: Matchers,
) -> None:
    # A misspelt "диалог" keeps Kazakh below the answer bar: its "did you mean" is shown,
    # where the Russian store has nothing to offer.
    match = matchers.match("спикер саяси диолог жайлы не деди")
    assert match.kind is Kind.CLARIFY and match.language == "kk"
    assert match.suggestions[0].intent == "political-dialogue"
    # Russian that offers an entry keeps its own reading.
    assert matchers.match("сколько рейсов в неделю между астана и сеул").language == "ru"


def test_a_kazakh_locative_of_a_subject_with_no_destination_in_the_entry_changes_nothing(
    matchers: Matchers,
) -> None:
    # Projects in Kazakhstan: the entry's phrasings go nowhere, so nothing is swapped.
    assert matchers.match("Қазақстанда қандай бірлескен жобалар бар").intent == "projects-all"


@pytest.mark.parametrize(
    "question", ["біздің елші кіммен кездесті", "бізге айтыңызшы, елші кіммен кездесті"]
)
def test_kazakh_personal_pronouns_say_nothing_of_what_is_asked(
    matchers: Matchers, question: str
) -> None:
    # "our ambassador", "tell us": the pronoun is no word the entry must hold.
    match = matchers.match(question)
    assert match.answered and match.intent == "meeting"


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("чьё было решение вернуть останки", "whose"),  # a question word, not a content word
        ("до чего договорились стороны", "what"),  # "до чего" asks what, not "before"
    ],
)
def test_russian_question_words_are_read_as_the_english_ones(
    matchers: Matchers, question: str, word: str
) -> None:
    russian = matchers.matcher_for("ru")
    assert russian is not None
    tokens = russian.score(question).query.tokens
    assert word in tokens and "before" not in tokens


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("сколько рейсов из южной столицы в сеул", "flights-almaty-seoul"),  # Almaty's byname
        ("сколько рейсов летает из столицы казахстана в сеул", "flights-astana-seoul"),
        ("с кем виделся посол", "meeting"),  # an everyday word for meeting
        ("коротко о чем новость", "meeting"),
        ("как часто туда летают самолеты из алматы в сеул", "flights-almaty-seoul"),  # filler
        ("какие торговые точки открылись в алматы", "cu-stores"),
        ("кто содействовал открытию школы ии", "ai-school"),  # a form of "содействие"
        ("кто строит электростанцию на юге казахстана", "doosan-power-plant"),
    ],
)
def test_everyday_russian_words_and_bynames_are_read(
    matchers: Matchers, question: str, entry: str
) -> None:
    match = matchers.match(question)
    assert (match.kind, match.intent, match.language) == (Kind.ANSWER, entry, "ru")


# Words people type in the four languages, figures with and without their endings,
# and the punctuation between them: a question made of any of these is matched.
_PIECES = (
    "сколько рейсов Алматы 13 2024 5-ші 3 ші қанша рейс аптасына Кореяда ма ли да "
    "항공편 몇 편 13회 5번째 이고, 랑 ㅎㅎ Doosan SK BAKAD ? ! . , - ( ) 1 ГВт-тық"
).split()


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from(["", "ru", "kk", "ko"]))
def test_any_mix_of_words_and_figures_is_matched_without_error(
    matchers: Matchers, pieces: list[str], hint: str
) -> None:
    """Never an exception, whatever order the words come in (a figure last in a Kazakh
    question once read past the question's end)."""
    match = matchers.match(" ".join(pieces), hint or None)
    assert match.language in ("en", "ru", "kk", "ko")


@pytest.mark.parametrize("question", ["какой итог беседы посла", "каким был итог переговоров"])
def test_russian_kakoy_asks_which_not_how(matchers: Matchers, question: str) -> None:
    """ "какой" asks which or what (data/to_english_ru.txt), as "какие" does; read as
    "how", it made entries whose phrasings never ask "how" another kind of question."""
    russian = matchers.matcher_for("ru")
    assert russian is not None
    words = russian.prepare(question)
    assert "which" in words and "how" not in words


def test_russian_u_nas_is_the_askers_country(matchers: Matchers) -> None:
    """ "у нас" (where we are): Kazakhstan, to the people the release is written for."""
    russian = matchers.matcher_for("ru")
    assert russian is not None
    assert "казахста" in russian.prepare("какие заводы работают у нас")


def test_russian_sobirayut_is_assembling_not_going_to() -> None:
    from bot.language.gloss import build_glossary

    assert build_glossary("ru").read("где собирают машины") == "where production automobile"


@pytest.mark.parametrize(
    "question",
    ["на какие специальности берут в школу ии", "какие дисциплины преподают в школе ии"],
)
def test_what_a_school_teaches_is_an_attribute_the_release_does_not_state(
    matchers: Matchers, question: str
) -> None:
    """Specialties, disciplines, courses (data/unstated_attributes.txt): the entry on the
    school's opening does not answer them."""
    match = matchers.match(question)
    assert not (match.answered and match.intent == "ai-school")
