"""Tests for bot/replies.py: plain and HTML replies for every verdict, escaping, and
splitting the release into Telegram-sized chunks.

The test store (tests/data/stores/good.yaml) puts ``<``, ``&`` and ``>`` in its title,
a topic, an answer, a source and a small-talk answer, so escaping shows everywhere.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.matching import Candidate, Kind, Match, Matcher
from bot.replies import (
    MAX_BUTTON_TEXT,
    MAX_CALLBACK_DATA,
    MAX_MESSAGE,
    Button,
    Reply,
    for_button,
    plain,
    rate_limited,
    source_chunks,
    start_reply,
    taps_limited,
    topic_reply,
    topics_reply,
)
from bot.replies import html as html_reply
from bot.store import Entry, SmallTalk, Store, load_store
from tests.support import run_python

ROOT = Path(__file__).resolve().parent.parent
STORES = Path(__file__).resolve().parent / "data" / "stores"
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|#x?[0-9a-f]+);", re.IGNORECASE)

NOT_FOUND = (
    "Sorry, I could not find that in the release. "
    "I can answer questions about: The centre, Staff & <budget>."
)
TOPIC_BUTTONS = ((Button("The centre", "t:0"),), (Button("Staff & <budget>", "t:1"),))


@pytest.fixture(scope="module")
def store() -> Store:
    return load_store(STORES / "good.yaml")


def _entry(store: Store, entry_id: str) -> Entry:
    entry = store.entry(entry_id)
    assert entry is not None
    return entry


def _talk(store: Store, talk_id: str) -> SmallTalk:
    return next(s for s in store.smalltalk if s.id == talk_id)


def _suggestions() -> tuple[Candidate, ...]:
    return (Candidate("cost", "centre cost", 70.0), Candidate("centre", "lab", 64.5))


# --- Answers ------------------------------------------------------------------------------


def test_plain_answer_quotes_its_source(store: Store) -> None:
    match = Match("budget?", Kind.ANSWER, 91.0, entry=_entry(store, "budget"))
    assert plain(match, store) == (
        "The R&D budget must stay <5% of sales & >2% of profit.\n\n"
        'From the release: "Their R&D budget must stay <5% of sales & >2% of profit"'
    )


def test_html_answer_escapes_answer_and_source(store: Store) -> None:
    match = Match("budget?", Kind.ANSWER, 91.0, entry=_entry(store, "budget"))
    assert html_reply(match, store) == Reply(
        "The R&amp;D budget must stay &lt;5% of sales &amp; &gt;2% of profit.\n\n"
        "<i>From the release:</i>\n"
        "<blockquote>Their R&amp;D budget must stay &lt;5% of sales &amp; &gt;2% of profit"
        "</blockquote>"
    )


def test_a_sentence_answer_is_quoted_as_the_release_says(store: Store) -> None:
    """An answer taken from the text is the sentence itself, quoted and escaped."""
    sentence = "Their R&D budget must stay <5% of sales & >2% of profit."
    match = Match("budget?", Kind.ANSWER, 88.0, passage=sentence)
    assert plain(match, store) == f'The release says: "{sentence}"'
    assert html_reply(match, store) == Reply(
        "<i>The release says:</i>\n<blockquote>Their R&amp;D budget must stay &lt;5% of sales"
        " &amp; &gt;2% of profit.</blockquote>"
    )


def test_html_answer_offers_follow_ups_as_buttons(store: Store) -> None:
    reply = html_reply(Match("cost?", Kind.ANSWER, 99.0, entry=_entry(store, "cost")), store)
    assert reply.buttons == (
        (Button("Where did Acme open its research centre?", "a:centre"),),
        (Button("What is the R&D budget?", "a:budget"),),
    )


def test_real_matcher_answer_reaches_telegram_escaped(store: Store) -> None:
    match = Matcher(store).match("What is the R&D budget?")
    assert match.kind is Kind.ANSWER
    assert html_reply(match, store).text.startswith("The R&amp;D budget must stay &lt;5%")


# --- Small talk ---------------------------------------------------------------------------


def test_plain_smalltalk_is_the_answer_as_written(store: Store) -> None:
    match = Match("hi", Kind.SMALLTALK, 100.0, smalltalk=_talk(store, "greeting"))
    assert plain(match, store) == "Hello! Ask me about the <centre> & its budget."


def test_html_smalltalk_is_escaped_and_has_no_buttons(store: Store) -> None:
    match = Match("hi", Kind.SMALLTALK, 100.0, smalltalk=_talk(store, "greeting"))
    assert html_reply(match, store) == Reply(
        "Hello! Ask me about the &lt;centre&gt; &amp; its budget."
    )


# --- Did you mean -------------------------------------------------------------------------


def test_plain_clarify_lists_each_entrys_first_question(store: Store) -> None:
    match = Match("centre?", Kind.CLARIFY, 70.0, suggestions=_suggestions())
    assert plain(match, store) == (
        "Did you mean:\n"
        "  1. How much did the centre cost?\n"
        "  2. Where did Acme open its research centre?"
    )


def test_html_clarify_offers_a_button_per_suggestion_and_none_of_these(store: Store) -> None:
    match = Match("centre?", Kind.CLARIFY, 70.0, suggestions=_suggestions())
    assert html_reply(match, store) == Reply(
        "Did you mean…?",
        (
            (Button("How much did the centre cost?", "a:cost"),),
            (Button("Where did Acme open its research centre?", "a:centre"),),
            (Button("None of these", "none"),),
        ),
    )


# --- Fallback -----------------------------------------------------------------------------


def test_plain_fallback_names_the_topics(store: Store) -> None:
    assert plain(Match("capital of France?", Kind.FALLBACK, 3.0), store) == NOT_FOUND


def test_plain_fallback_with_weak_suggestions_offers_them(store: Store) -> None:
    match = Match("centre?", Kind.FALLBACK, 50.0, suggestions=_suggestions())
    assert plain(match, store) == (
        NOT_FOUND + "\nPerhaps one of these helps:\n"
        "  1. How much did the centre cost?\n"
        "  2. Where did Acme open its research centre?"
    )


def test_html_fallback_escapes_topics_and_offers_topic_buttons(store: Store) -> None:
    """Button labels are plain text for Telegram, so they stay unescaped."""
    assert html_reply(Match("?", Kind.FALLBACK, 0.0), store) == Reply(
        html.escape(NOT_FOUND, quote=False), TOPIC_BUTTONS
    )


def test_html_fallback_puts_suggestions_before_topics(store: Store) -> None:
    match = Match("centre?", Kind.FALLBACK, 50.0, suggestions=_suggestions())
    assert html_reply(match, store).buttons == (
        (Button("How much did the centre cost?", "a:cost"),),
        (Button("Where did Acme open its research centre?", "a:centre"),),
        *TOPIC_BUTTONS,
    )


# --- Other messages -----------------------------------------------------------------------


def test_start_reply_escapes_the_title_and_cuts_long_button_labels(store: Store) -> None:
    reply = start_reply(store)
    assert reply.text.startswith(
        "Hello! I answer questions about the press release "
        "<b>Acme &amp; Co &lt;opens&gt; a research centre</b> (2024-03-05)."
    )
    long_label = reply.buttons[2][0].text
    assert long_label == "How many engineers will the new research centre in Springfi…"
    assert len(long_label) == MAX_BUTTON_TEXT


def test_topic_reply_escapes_the_topic_and_lists_its_entries(store: Store) -> None:
    reply = topic_reply(store, 1)
    assert reply.text == "<b>Staff &amp; &lt;budget&gt;</b>: what would you like to know?"
    assert [row[0].data for row in reply.buttons] == ["a:engineers", "a:budget"]


def test_topic_reply_out_of_range_shows_all_topics(store: Store) -> None:
    assert topic_reply(store, 7) == topics_reply(store) == Reply("Pick a topic:", TOPIC_BUTTONS)


def test_shipped_store_buttons_fit_telegram_limits() -> None:
    shipped = load_store()
    for reply in (start_reply(shipped), topics_reply(shipped)):
        for row in reply.buttons:
            for button in row:
                assert len(button.data.encode()) <= MAX_CALLBACK_DATA
                assert len(button.text) <= MAX_BUTTON_TEXT


# --- source_chunks ------------------------------------------------------------------------


def _words(chunks: list[str]) -> list[str]:
    return html.unescape(" ".join(chunks)).split()


def test_short_release_is_one_chunk_of_escaped_paragraphs(store: Store) -> None:
    assert source_chunks(store) == [
        "Acme Corp. opened a research centre in Springfield on 4 March, "
        "Dr. J. Smith told the U.S. press. The centre cost 1.5 million dollars.\n\n"
        "It will employ 40 engineers by 2025. Their R&amp;D budget must stay &lt;5% of sales "
        "&amp; &gt;2% of profit, the company said.\n\n"
        "The mayor, Jane Doe, welcomed the investment."
    ]


def test_shipped_release_fits_one_message_and_keeps_every_word() -> None:
    shipped = load_store()
    chunks = source_chunks(shipped)
    assert len(chunks) == 1
    assert len(chunks[0]) <= MAX_MESSAGE
    assert _words(chunks) == shipped.document.body.split()


@pytest.mark.parametrize("limit", [20, 33, 47, 64, 100, 128, 150, 200, 4096])
def test_chunks_fit_the_limit_and_split_between_words(store: Store, limit: int) -> None:
    chunks = source_chunks(store, limit)
    assert all(0 < len(c) <= limit for c in chunks)
    assert all(c == c.strip() for c in chunks)
    assert _words(chunks) == store.document.body.split()  # whole words, all of them, in order
    assert all(_ENTITY.sub("", c).count("&") == 0 for c in chunks)


def test_paragraphs_that_fit_are_never_split(store: Store) -> None:
    paragraphs = [
        html.escape(" ".join(p.split()), quote=False)
        for p in store.document.body.split("\n\n")
        if p.strip()
    ]
    limit = max(len(p) for p in paragraphs)
    chunks = source_chunks(store, limit)
    assert [p for c in chunks for p in c.split("\n\n")] == paragraphs


def test_hard_wrapped_lines_stay_in_one_paragraph() -> None:
    wrapped = load_store(STORES / "long-url.yaml")
    first = source_chunks(wrapped)[0]
    assert first.startswith(
        "Globex announced a partnership with Initech today. The agreement was signed in "
        "Berlin by both chief executives and covers three years of joint research on "
        "battery storage.\n\nFull terms are at "
    )


@pytest.mark.parametrize("limit", range(8, 260, 3))
def test_a_long_url_is_cut_between_html_entities_never_inside_one(limit: int) -> None:
    wrapped = load_store(STORES / "long-url.yaml")
    chunks = source_chunks(wrapped, limit)
    assert all(0 < len(c) <= limit for c in chunks)
    assert all(_ENTITY.sub("", c).count("&") == 0 for c in chunks), chunks
    flat = "".join(html.unescape("".join(chunks)).split())
    assert flat == "".join(wrapped.document.body.split())


def test_a_limit_shorter_than_an_entity_still_ends() -> None:
    """It used to loop forever when a chunk started with an entity longer than the limit."""
    code = (
        "from bot.store import load_store\n"
        "from bot.replies import source_chunks\n"
        "chunks = source_chunks(load_store('tests/data/stores/long-url.yaml'), 4)\n"
        "assert all(len(c) <= 4 for c in chunks)\n"
        "print(len(chunks) > 0)\n"
    )
    assert run_python(code, timeout=30) == "True\n"


def test_an_overlong_entry_still_fits_in_one_telegram_message(store: Store) -> None:
    """A huge answer and an &-heavy source are cut at word boundaries to fit 4096 characters."""
    from dataclasses import replace

    from bot.replies import MAX_MESSAGE, entry_reply

    entry = replace(_entry(store, "budget"), answer="word " * 2000, source="R&D & more " * 1000)
    text = entry_reply(store, entry).text
    assert len(text) <= MAX_MESSAGE
    assert text.endswith("…</blockquote>") and "word word" in text
    assert "<blockquote>R&amp;D &amp; more R&amp;D" in text


# --- Button data --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    ["t:²", "t:٣", "t:1²", "t:", "t:-1", "t:+1", "t: 1", "t:1 ", "t:1\n", "t:1_0", "t:" + "9" * 7],
)
def test_topic_data_that_is_not_plain_ascii_digits_is_stale_not_an_error(
    store: Store, data: str
) -> None:
    """Forged topic data (superscripts, other scripts, signs, spaces, huge numbers): stale."""
    assert for_button(store, data) == (None, False)


def test_topic_data_in_and_out_of_range(store: Store) -> None:
    """t:N shows topic N; a number past the last topic (a changed store) shows the topic list."""
    assert for_button(store, "t:0") == (topic_reply(store, 0), False)
    assert for_button(store, "t:000") == (topic_reply(store, 0), False)
    assert for_button(store, "t:999999") == (topics_reply(store), False)


_ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=80)  # surrogates too
# Digits and other numerals of every script ("²", "٣", "Ⅻ") and long runs of them.
_NUMERALS = st.text(st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=8) | (
    st.integers(4000, 6000).map("1".__mul__)
)


@settings(max_examples=500, deadline=None)
@given(
    data=st.one_of(
        _ANY_TEXT,
        st.builds("t:".__add__, _ANY_TEXT),
        st.builds("a:".__add__, _ANY_TEXT),
        st.builds("t:".__add__, _NUMERALS),
        st.sampled_from(["none", "t:0", "a:"]),
    )
)
def test_any_button_data_gives_a_reply_or_none_and_never_raises(store: Store, data: str) -> None:
    """Whatever the callback data, for_button returns; only a:<known id> counts as an answer."""
    reply, answered = for_button(store, data)
    assert reply is None or isinstance(reply, Reply)
    assert answered == (data.startswith("a:") and store.entry(data[2:]) is not None)
    if reply is not None and not answered:
        topic = data.startswith("t:") and data[2:].isascii() and data[2:].isdigit()
        assert data == "none" or topic


# --- Flood notices ------------------------------------------------------------------------


def test_rate_limit_notices_say_how_long_to_wait() -> None:
    """The notices name the wait in seconds, and the tap pop-up fits Telegram's 200 characters."""
    assert rate_limited(1) == (
        "You are sending messages faster than I can answer them. "
        "Please wait a second, then ask again."
    )
    assert rate_limited(42).endswith("Please wait 42 seconds, then ask again.")
    assert taps_limited(7) == (
        "That is a lot of taps in a short time. Please wait 7 seconds, then tap again."
    )
    assert len(taps_limited(3600)) <= 200


# --- A long message read only in part (Match.cut) ----------------------------------------


@pytest.mark.parametrize("kind", list(Kind))
def test_a_reply_to_a_message_read_in_part_says_which_part(store: Store, kind: Kind) -> None:
    """Plain and HTML replies start with a note quoting what was read, then the usual reply."""
    entry = _entry(store, "cost") if kind is Kind.ANSWER else None
    talk = _talk(store, store.smalltalk[0].id) if kind is Kind.SMALLTALK else None
    suggestions = _suggestions() if kind is Kind.CLARIFY else ()
    whole = Match("How much <did> it cost?", kind, 80.0, entry, talk, suggestions)
    cut = Match("How much <did> it cost?", kind, 80.0, entry, talk, suggestions, cut=True)
    note = '(Your message was long; I answered only: "How much <did> it cost?")'
    assert plain(cut, store) == f"{note}\n\n{plain(whole, store)}"
    full = html_reply(whole, store)
    assert html_reply(cut, store) == Reply(
        f"<i>{html.escape(note, quote=False)}</i>\n\n{full.text}", full.buttons
    )


# --- Other languages -------------------------------------------------------------------


def test_button_data_carries_the_language_of_its_message() -> None:
    from bot.replies import button_language

    assert button_language("a:ru:flights-total") == ("ru", "a:flights-total")
    assert button_language("t:ko:3") == ("ko", "t:3")
    assert button_language("none:kk") == ("kk", "none")
    assert button_language("a:flights-total") == ("en", "a:flights-total")
    assert button_language("a:ab") == ("en", "a:ab")  # a two-letter id is an id
    assert button_language("t:²:1") == ("en", "t:²:1")  # not a language: stale, as before


def test_a_translated_clarify_offers_translated_questions_and_labels() -> None:
    from bot.matching import Candidate
    from bot.matching.languages import language_view

    store = load_store()  # the shipped store and its overlays
    russian = language_view(store, store.overlays["ru"])
    offered = (Candidate("flights-total", "x", 60.0), Candidate("flights-almaty-seoul", "y", 58.0))
    reply = html_reply(Match("рейсы", Kind.CLARIFY, 60.0, suggestions=offered), russian)
    assert reply.text == "Вы имели в виду…?"
    assert [b.data for row in reply.buttons for b in row] == [
        "a:ru:flights-total",
        "a:ru:flights-almaty-seoul",
        "none:ru",
    ]
    assert reply.buttons[0][0].text == store.overlays["ru"].entries["flights-total"].questions[0]
    assert reply.buttons[-1][0].text == "Ничего из этого"


# --- Question kinds (bot/matching/kinds), on the shipped store -----------------------------


@pytest.fixture(scope="module")
def shipped() -> tuple[Matcher, Store]:
    release = load_store()
    return Matcher(release), release


@pytest.mark.parametrize(
    ("question", "plain_start", "html_start"),
    [
        ("is korea kazakhstan's 3rd largest investor?", "No: By full-year", "No: By full-year"),
        (
            "are there 2 flights a week from astana to seoul?",
            "Yes: There are 2",
            "Yes: There are 2",
        ),
        (
            "how many more weekly flights leave from almaty than from astana",
            "Difference: 13 - 2 = 11 flights per week.",
            "<b>Difference: 13 - 2 = 11 flights per week.</b>",
        ),
        (
            "who is the ambassador and when was the release published?",
            "Nurgali Arystanov is the Ambassador",
            "Nurgali Arystanov is the Ambassador",
        ),
        ("how old is nurgali arystanov", "The release does not say. Did you mean:", "The release"),
    ],
)
def test_question_kinds_are_put_as_they_ask(
    shipped: tuple[Matcher, Store], question: str, plain_start: str, html_start: str
) -> None:
    matcher, release = shipped
    match = matcher.match(question)
    assert plain(match, release).startswith(plain_start)
    assert html_reply(match, release).text.startswith(html_start)


def test_two_part_reply_holds_both_answers(shipped: tuple[Matcher, Store]) -> None:
    matcher, release = shipped
    match = matcher.match("who is the ambassador and when was the release published?")
    text = plain(match, release)
    for part in match.parts:
        assert part.entry is not None and part.entry.answer in text


def test_unstated_reply_offers_the_closest_entries_as_buttons(
    shipped: tuple[Matcher, Store],
) -> None:
    matcher, release = shipped
    reply = html_reply(matcher.match("how old is nurgali arystanov"), release)
    assert reply.text == "The release does not say. Did you mean…?"
    assert reply.buttons[-1] == (Button("None of these", "none"),)


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("Между Казахстаном и Кореей 20 рейсов в неделю, верно?", "Нет: "),
        ("Между Алматы и Сеулом 13 рейсов в неделю, так?", "Да: "),
        ("Сколько лет У Вон Сику?", "В релизе об этом не сказано. "),
        (
            "На сколько рейсов в неделю из Алматы в Сеул больше, чем из Астаны в Сеул?",
            "Разница: 13 - 2 = 11.",  # the unit is English words: left out
        ),
    ],
)
def test_question_kinds_are_put_in_the_asker_language(question: str, start: str) -> None:
    from bot.matching import Matchers

    matchers = Matchers(load_store(), lazy=True)
    match = matchers.match(question)
    russian = matchers.store_for("ru")
    assert plain(match, russian).startswith(start)
    assert html_reply(match, russian).text.removeprefix("<b>").startswith(start)


def test_the_long_message_note_is_in_the_asker_language() -> None:
    from bot.matching.languages import language_view

    store = load_store()
    russian = language_view(store, store.overlays["ru"])
    match = Match("сколько рейсов", Kind.FALLBACK, 10.0, cut=True, language="ru")
    assert plain(match, russian).startswith("(Сообщение длинное; я ответил только на: «")
