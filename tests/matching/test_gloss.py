"""Tests for bot/matching/gloss.py: the English gloss as a second reading.

`combine` is pure: its rules are checked on verdicts built here. The end-to-end
rows run the real `Matchers` on the shipped store and its overlays.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.matching import Candidate, Form, Kind, Match, Matchers
from bot.matching.gloss import combine, in_language
from bot.store import Store, load_store


@pytest.fixture(scope="module")
def shipped() -> Store:
    return load_store()


@pytest.fixture(scope="module")
def matchers(shipped: Store) -> Matchers:
    return Matchers(shipped)


def _answer(store: Store, intent: str, form: Form = Form.PLAIN) -> Match:
    return Match("q", Kind.ANSWER, 90.0, entry=store.entry(intent), form=form)


def _offer(intent: str, form: Form = Form.PLAIN) -> Match:
    return Match("q", Kind.CLARIFY, 60.0, suggestions=(Candidate(intent, "q", 60.0),), form=form)


def test_a_question_kind_the_english_stages_saw_is_kept_when_both_readings_agree(
    shipped: Store,
) -> None:
    native = _offer("flights-total")
    glossed = _answer(shipped, "flights-total", Form.NO)
    for mine in (native, _answer(shipped, "flights-total")):
        taken = combine(mine, glossed, fully_read=True)
        assert (taken.form, taken.intent) == (Form.NO, "flights-total")


def test_a_question_kind_about_another_entry_is_not_taken(shipped: Store) -> None:
    native = _offer("speaker")
    assert combine(native, _answer(shipped, "flights-total", Form.NO), fully_read=True) is native


def test_a_plain_gloss_answer_never_answers_on_its_own(shipped: Store) -> None:
    """Word by word, endings are lost: a plain English answer is no evidence alone."""
    native = _offer("ambassador")
    assert combine(native, _answer(shipped, "ambassador"), fully_read=True) is native


def test_an_unstated_attribute_holds_back_the_native_answer(shipped: Store) -> None:
    unstated = _offer("speaker", Form.UNSTATED)
    assert combine(_answer(shipped, "speaker"), unstated, fully_read=True).form is Form.UNSTATED
    # ...but not an answer about another entry.
    other = _answer(shipped, "flights-total")
    assert combine(other, unstated, fully_read=True) is other


def test_small_talk_stays_small_talk(shipped: Store) -> None:
    talk = Match("привет", Kind.SMALLTALK, 100.0, smalltalk=shipped.smalltalk[0])
    assert combine(talk, _answer(shipped, "flights-total", Form.YES), fully_read=True) is talk


def test_an_english_verdict_is_shown_in_the_asker_language(matchers: Matchers) -> None:
    russian = matchers.store_for("ru")
    english = Match(
        "q",
        Kind.ANSWER,
        90.0,
        entry=matchers.store.entry("flights-total"),
        suggestions=(Candidate("speaker", "Who is the speaker?", 60.0),),
    )
    shown = in_language(english, russian)
    assert shown.language == "ru"
    assert shown.entry == russian.entry("flights-total")
    assert shown.suggestions[0].question == russian.entry("speaker").questions[0]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("question", "form", "intent"),
    [
        ("Между Казахстаном и Кореей 20 рейсов в неделю, верно?", Form.NO, "flights-total"),
        ("Останки Хон Бом До вернули в 2019 году?", Form.NO, "hong-beom-do"),
        ("Сколько лет У Вон Сику?", Form.UNSTATED, None),
        ("Между Алматы и Сеулом 13 рейсов в неделю, так?", Form.YES, "flights-almaty-seoul"),
        ("Сколько рейсов в неделю между Алматы и Сеулом?", Form.PLAIN, "flights-almaty-seoul"),
    ],
)
def test_questions_in_russian_are_put_as_their_kind_asks(
    matchers: Matchers, question: str, form: Form, intent: str | None
) -> None:
    match = matchers.match(question)
    assert (match.form, match.intent, match.language) == (form, intent, "ru")
    if intent is not None:
        assert match.entry == matchers.store_for("ru").entry(intent)  # the Russian answer


def test_a_gloss_with_an_unread_word_puts_no_yes_no_check(shipped: Store) -> None:
    """An unread word (not a capitalised name) would look like another value to the
    English check."""
    native = _offer("ai-school")
    for form in (Form.YES, Form.NO):
        assert combine(native, _answer(shipped, "ai-school", form), fully_read=False) is native
    parts = _answer(shipped, "ai-school", Form.PARTS)
    assert combine(native, parts, fully_read=False).form is Form.PARTS


def test_a_verdict_from_the_gloss_keeps_the_question_as_asked(shipped: Store) -> None:
    native = Match("Сколько лет У Вон Сику?", Kind.CLARIFY, 60.0, cut=True, language="ru")
    glossed = Match(
        "how many year woo won-shik",
        Kind.ANSWER,
        90.0,
        entry=shipped.entry("flights-total"),
        form=Form.NO,
    )
    taken = combine(native, glossed, fully_read=True)
    assert taken.form is Form.NO
    assert (taken.question, taken.cut) == ("Сколько лет У Вон Сику?", True)


def test_an_unstated_gloss_about_another_entry_does_not_hold_back_an_offer(
    shipped: Store,
) -> None:
    native = _offer("flights-almaty-seoul")
    assert combine(native, _offer("speaker", Form.UNSTATED), fully_read=True) is native


def test_an_offer_the_gloss_answers_alike_is_answered_from_the_agreement_score(
    shipped: Store,
) -> None:
    native = _offer("ambassador")  # offered at 60
    glossed = _answer(shipped, "ambassador")
    assert combine(native, glossed, fully_read=True, agreement=56).intent == "ambassador"
    assert combine(native, glossed, fully_read=True, agreement=56).answered
    assert combine(native, glossed, fully_read=True, agreement=64) is native  # below the score
    assert combine(native, glossed, fully_read=True) is native  # off unless a language sets it
    other = _answer(shipped, "meeting")
    assert combine(native, other, fully_read=True, agreement=56) is native  # another entry


@pytest.mark.parametrize("flag", ["doubtful", "swapped"])
def test_a_doubtful_or_swapped_offer_is_never_answered_by_agreement(
    shipped: Store, flag: str
) -> None:
    candidate = Candidate("ambassador", "q", 60.0, **{flag: True})
    native = Match("q", Kind.CLARIFY, 60.0, suggestions=(candidate,))
    assert combine(native, _answer(shipped, "ambassador"), fully_read=True, agreement=56) is native


def test_the_kazakh_overlay_sets_its_agreement_score(matchers: Matchers) -> None:
    kazakh = matchers.matcher_for("kk")
    assert kazakh is not None and kazakh.params.gloss_agreement < 100
    assert matchers.english.params.gloss_agreement == 100


def test_the_russian_overlay_sets_its_agreement_score(matchers: Matchers) -> None:
    """A Russian question the store's own reading only offers, that the gloss answers
    alike, is answered ("занимался" is a word no phrasing of the entry uses)."""
    russian = matchers.matcher_for("ru")
    assert russian is not None and russian.params.gloss_agreement < 100
    question = "чем занимался у вон сик в группе дружбы с казахстаном"
    assert russian._own_verdict(russian.score(question)).kind is Kind.CLARIFY
    assert russian.match(question).intent == "friendship-group"


def test_a_sum_is_about_an_entry_that_states_both_figures(shipped: Store) -> None:
    """The native reading offers the entry on all flights ("15: 13 from Almaty, 2 from
    Astana"); the gloss adds up the two route entries' figures, which that entry
    states too: the sum is taken. An entry that states neither figure keeps its offer."""
    from bot.matching.verdict import Computed, Figure

    glossed = replace(
        _answer(shipped, "flights-almaty-seoul", Form.ARITHMETIC),
        figures=(
            Figure("flights-almaty-seoul", 13, "flights per week"),
            Figure("flights-astana-seoul", 2, "flights per week"),
        ),
        result=Computed("sum", 15, "flights per week"),
    )
    total = _offer("flights-total")
    assert combine(total, glossed, fully_read=True) is total  # no store: not known
    assert combine(total, glossed, fully_read=True, store=shipped).form is Form.ARITHMETIC
    other = _offer("cu-stores")
    assert combine(other, glossed, fully_read=True, store=shipped) is other


def test_a_russian_sum_of_two_routes_is_worked_out(matchers: Matchers) -> None:
    match = matchers.match("сколько рейсов из Алматы и из Астаны вместе взятых")
    assert (match.kind, match.form, match.language) == (Kind.ANSWER, Form.ARITHMETIC, "ru")
    assert match.result is not None and match.result.value == 15


@pytest.mark.parametrize(
    ("question", "form"),
    [
        ("Правда, что Doosan строит атомную станцию?", Form.NO),  # combined-cycle
        ("Правда ли, что Doosan строит электростанцию в Туркестанской области?", Form.YES),
        ("Арыстанов посол во Франции?", Form.NO),  # "посол в": the ambassador to
    ],
)
def test_russian_checks_with_another_value_are_put_as_no(
    matchers: Matchers, question: str, form: Form
) -> None:
    match = matchers.match(question)
    assert (match.kind, match.form, match.language) == (Kind.ANSWER, form, "ru")


def test_a_check_whether_another_ministry_published_is_no_yes_on_the_date(
    matchers: Matchers,
) -> None:
    """The release's date is no answer to who published it: never "Yes" on the date."""
    match = matchers.match("Новость опубликовал МИД Кореи?")
    assert not (match.answered and match.form is Form.YES)


def test_a_yes_is_taken_only_about_an_entry_the_native_reading_offers(shipped: Store) -> None:
    """An entry the native reading barely finds (below the offer bar, tied with another)
    is not confirmed by the gloss's "Yes"; one it offers is."""
    weak = Match("q", Kind.FALLBACK, 48.0, suggestions=(Candidate("bakad", "q", 48.0),))
    yes = _answer(shipped, "bakad", Form.YES)
    assert combine(weak, yes, fully_read=True, offer=52.0) is weak
    assert combine(_offer("bakad"), yes, fully_read=True, offer=52.0).form is Form.YES
    no = _answer(shipped, "bakad", Form.NO)  # a "No" states the fact: still taken
    assert combine(weak, no, fully_read=True, offer=52.0).form is Form.NO


def test_a_russian_check_about_an_entry_barely_found_is_no_yes(matchers: Matchers) -> None:
    match = matchers.match("БАКАД строит Doosan?")
    assert not (match.answered and match.form is Form.YES)


def test_a_yes_is_not_taken_where_the_native_reading_found_another_thing(shipped: Store) -> None:
    """The store's reading found the question names something in the entry's place
    (`Candidate.swapped`): a "No" may still be put, never a "Yes"."""
    swapped = Candidate("bakad", "q", 60.0, swapped=True, checks=("beyond_named",))
    native = Match("q", Kind.CLARIFY, 60.0, suggestions=(swapped,))
    assert combine(native, _answer(shipped, "bakad", Form.YES), fully_read=True) is native
    assert combine(native, _answer(shipped, "bakad", Form.NO), fully_read=True).form is Form.NO
    plain = _offer("bakad")
    assert combine(plain, _answer(shipped, "bakad", Form.YES), fully_read=True).form is Form.YES
    # A swap the English stages check too (the order of two subjects): the gloss decides.
    order = Candidate("bakad", "q", 60.0, swapped=True, checks=("subject_swap",))
    native = Match("q", Kind.CLARIFY, 60.0, suggestions=(order,))
    assert combine(native, _answer(shipped, "bakad", Form.YES), fully_read=True).form is Form.YES
