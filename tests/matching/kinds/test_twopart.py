"""Tests for bot/matching/kinds/twopart.py: where a message's second question starts,
what an elliptical second question borrows from the first, and both answers."""

from __future__ import annotations

import pytest

from bot.matching import Form, Kind, Matcher, Matchers
from bot.matching.kinds.twopart import completed, parts
from bot.store import Store


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("who met and when", ["who met", "when"]),
        # a preposition before the question word opens the second question too
        (
            "who met the speaker, and in which city was it",
            ["who met the speaker", "in which city was it"],
        ),
        ("what did they agree on and for how long", ["what did they agree on", "for how long"]),
        ("flights to and from Seoul", ["flights to and from Seoul"]),  # no question word
        # a sign typed for "and"
        ("which car plants + where are the stores", ["which car plants", "where are the stores"]),
        ("who built bakad & who built the plant", ["who built bakad", "who built the plant"]),
        ("when was it out / who put it out", ["when was it out", "who put it out"]),
        ("kia/hyundai plants", ["kia/hyundai plants"]),  # no question after the sign
        ("what is 13+2", ["what is 13+2"]),
    ],
)
def test_parts(text: str, pieces: list[str]) -> None:
    assert parts(text) == pieces


@pytest.mark.parametrize(
    ("second", "first", "read_as"),
    [
        # names and question words only: the first question's other words are borrowed
        ("how many to Almaty", "how many flights leave Astana", "how many to Almaty flights leave"),
        ("who built BAKAD", "who met Woo", "who built BAKAD"),  # a word of its own
    ],
)
def test_an_elliptical_second_question_borrows_from_the_first(
    matcher: Matcher, second: str, first: str, read_as: str
) -> None:
    assert completed(second, first, matcher) == read_as


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        (
            "How many flights per week connect Almaty and Seoul, and how many Astana and Seoul?",
            ("flights-almaty-seoul", "flights-astana-seoul"),
        ),
        (
            "Who builds the plant in Turkestan, and in which city did CU open stores?",
            ("doosan-power-plant", "cu-stores"),
        ),
        # the first part alone: an entry that does not state the flights ("uncounted");
        # two parts are answered before that is said
        (
            "Who is the speaker of the National Assembly, and how many flights are there a week?",
            ("speaker", "flights-total"),
        ),
    ],
)
def test_both_parts_are_answered(matcher: Matcher, question: str, intents: tuple[str, str]) -> None:
    match = matcher.match(question)
    assert (match.kind, match.form) == (Kind.ANSWER, Form.PARTS)
    assert tuple(part.intent for part in match.parts) == intents


def test_two_questions_one_entry_answers_are_one_answer(matcher: Matcher) -> None:
    """Read whole, the message is only a "did you mean"; each part is answered by the
    same entry, which answers the message."""
    question = "How did the conversation end, and what did the two sides agree on?"
    assert matcher.plain_verdict(question, matcher.params).kind is Kind.CLARIFY
    match = matcher.match(question)
    assert (match.kind, match.form, match.intent) == (Kind.ANSWER, Form.PLAIN, "meeting-outcome")


@pytest.mark.parametrize(
    "question",
    [
        # read alone, "how old is he" fits how old the release is; he is the ambassador
        "Who is the ambassador and how old is he?",
        "Who is the speaker and where was he born?",
    ],
)
def test_a_pronoun_part_asks_about_what_the_first_part_names(
    matcher: Matcher, question: str
) -> None:
    assert matcher.plain_verdict("how old is he", matcher.params).answered
    match = matcher.match(question)
    assert not match.answered and match.form is Form.UNSTATED


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("대사는 누구이고, 면담은 어떻게 끝났나요?", ["대사는 누구이고", "면담은 어떻게 끝났나요"]),
        ("두산은 뭘 짓고 있고, SK는요?", ["두산은 뭘 짓고 있고", "SK는요"]),
        ("알마티, 아스타나 항공편", ["알마티, 아스타나 항공편"]),  # a comma alone joins no clauses
    ],
)
def test_a_korean_clause_ending_in_go_and_a_comma_joins_two_questions(
    text: str, pieces: list[str]
) -> None:
    assert parts(text) == pieces


def test_both_parts_of_a_korean_question_are_answered() -> None:
    from bot.matching.languages import Matchers
    from bot.store import load_store

    found = Matchers(load_store(), lazy=True).match("이 소식 언제 나온 거고, 누가 발표했어요?")
    assert [part.intent for part in found.parts] == ["publication-date", "news-source"]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # Kazakh: "және" or ", ал" between two halves that each ask something.
        ("Кездесу қашан өтті және онда кім болды?", ["Кездесу қашан өтті", "онда кім болды"]),
        ("Doosan не салады, ал Kia қайда?", ["Doosan не салады", "Kia қайда"]),
        # "..., ал X ше?": the first question asked again of X.
        ("Kia қайда, ал Hyundai ше?", ["Kia қайда", "Hyundai ше"]),
        ("Kia, ал Hyundai ше?", ["Kia, ал Hyundai ше"]),  # the first half asks nothing
        # "және" between two names of one question splits nothing.
        (
            "Алматы және Астана арасында қанша рейс бар?",
            ["Алматы және Астана арасында қанша рейс бар"],
        ),
        # Two questions run on after a comma or a question mark, each with its question word.
        ("Спикер кім, ол қайда барды", ["Спикер кім", "ол қайда барды"]),
        ("Рейс неше? Қай әуежайдан ұшады", ["Рейс неше", "Қай әуежайдан ұшады"]),
        ("Bakad кім салады, Doosan ше?", ["Bakad кім салады", "Doosan ше"]),
        # A clause that asks nothing joins the question before it (or the first one).
        (
            "Сәлем, мектеп қашан ашылды, кім көмектесті, білесің бе",
            ["Сәлем мектеп қашан ашылды", "кім көмектесті білесің бе"],
        ),
        # One question word: one question, however many commas.
        ("Сәлем, айтшы, рейс неше", ["Сәлем, айтшы, рейс неше"]),
        # "не" asks in a clause of Russian letters when the message has a Kazakh one.
        ("Kia зауыты қайда? Doosan не салады?", ["Kia зауыты қайда", "Doosan не салады"]),
        # "не" is Russian "not" too: without a Kazakh letter it splits nothing.
        ("Кто встретился, не знаю, когда", ["Кто встретился, не знаю, когда"]),
    ],
)
def test_kazakh_parts(text: str, pieces: list[str]) -> None:
    assert parts(text) == pieces


def test_both_parts_of_a_kazakh_question_are_answered(store: Store) -> None:
    kazakh = Matchers(store).matcher_for("kk")
    assert kazakh is not None
    match = kazakh.match("Тоқаевқа не үшін алғыс айтты және CU дүкендері қайда ашылды?")
    assert match.form is Form.PARTS
    assert [part.intent for part in match.parts] == ["hong-beom-do", "cu-stores"]


def test_two_kazakh_questions_run_on_after_a_question_mark_are_both_answered(
    store: Store,
) -> None:
    # The second question has no mark of its own: it is read with the first, not dropped.
    kazakh = Matchers(store).matcher_for("kk")
    assert kazakh is not None
    match = kazakh.match("Алматыдан Сеулге аптасына неше рейс бар? Туризмге әсері қандай")
    assert match.form is Form.PARTS
    assert [part.intent for part in match.parts] == ["flights-almaty-seoul", "flights-tourism"]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # a conjunction, then a question word (a preposition may come first)
        ("кто провёл встречу и когда вышла новость", ["кто провёл встречу", "когда вышла новость"]),
        ("где строят БАКАД, а также кто его строит", ["где строят БАКАД", "кто его строит"]),
        ("кто такой У Вон Сик и о чём он говорил", ["кто такой У Вон Сик", "о чём он говорил"]),
        # a question mark, then a conjunction: the second question may lack a question word
        ("Кто построит станцию? А где?", ["Кто построит станцию", "где"]),
        ("Сколько рейсов из Алматы? А из Астаны?", ["Сколько рейсов из Алматы", "из Астаны"]),
        # "и" between two names, no question word after it: one question
        ("сколько рейсов между Астаной и Сеулом", ["сколько рейсов между Астаной и Сеулом"]),
    ],
)
def test_russian_parts(text: str, pieces: list[str]) -> None:
    assert parts(text, "ru") == pieces


def test_a_language_with_no_joins_of_its_own_is_split_as_english() -> None:
    assert parts("who met and when", "ko") == ["who met", "when"]
    assert parts("кто провёл встречу и когда вышла новость") == [
        "кто провёл встречу и когда вышла новость"
    ]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("Кто построил БАКАД и когда опубликовали новость?", ("bakad", "publication-date")),
        (
            "Сколько рейсов в неделю из Астаны в Сеул? А из Алматы?",
            ("flights-astana-seoul", "flights-almaty-seoul"),
        ),
    ],
)
def test_both_russian_parts_are_answered(
    russian: Matcher, question: str, intents: tuple[str, str]
) -> None:
    match = russian.match(question)
    assert (match.kind, match.form) == (Kind.ANSWER, Form.PARTS)
    assert tuple(part.intent for part in match.parts) == intents
