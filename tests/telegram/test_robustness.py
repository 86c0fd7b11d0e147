"""Findings of a probe of the running bot, each reproduced through the real Application.

Forged or repeated button taps, a lone surrogate in a question, browsing against the
flood limit, an e-mail address that holds the bot's name, memory per new person and
the unanswered log's rotation: each test feeds real updates to `build_application`
and checks the Bot API calls (Telegram faked at the HTTP boundary, as in test_handlers).
"""

from __future__ import annotations

import json
import logging
import tracemalloc
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import replies
from bot.store import Entry, Store
from tests.telegram.harness import (
    BOT_USER,
    EXPIRED,
    GROUP,
    USER,
    Harness,
    answer_text,
    bot_message,
    callback,
    message,
    not_found_text,
    only_message,
    sent,
)

MakeBot = Callable[..., Awaitable[Harness]]


def names(calls: list[tuple[str, dict[str, Any]]]) -> list[str]:
    return [name for name, _ in calls]


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


# --- Forged button data ----------------------------------------------------------------


@pytest.mark.parametrize("data", ["t:²", "t:٣", "t:1²", "t:-1", "t: 1", "t:" + "9" * 5000])
async def test_forged_topic_data_is_answered_as_expired(
    tg: Harness, caplog: pytest.LogCaptureFixture, data: str
) -> None:
    """Topic data that is not plain ASCII digits stops the spinner with "expired"; no error."""
    calls = await tg.feed(callback(data))
    assert calls == [("answerCallbackQuery", {"callback_query_id": calls[0][1]["callback_query_id"],
                                              "text": EXPIRED})]  # fmt: skip
    assert errors(caplog) == []


_ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=70)  # surrogates included
# Digits and other numerals of every script ("²", "٣", "Ⅻ") and long runs of them.
_NUMERALS = st.text(st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=8) | (
    st.integers(4000, 6000).map("1".__mul__)
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # one app for all examples
)
@given(
    data=st.one_of(
        _ANY_TEXT,
        st.builds("t:".__add__, _ANY_TEXT),
        st.builds("a:".__add__, _ANY_TEXT),
        st.builds("t:{}".format, st.integers(-(10**9), 10**9)),
        st.builds("t:".__add__, _NUMERALS),
    ),
    user_id=st.integers(1, 2**40),
)
async def test_any_callback_data_is_answered_once_and_never_raises(
    tg: Harness, caplog: pytest.LogCaptureFixture, data: str, user_id: int
) -> None:
    """Whatever the data, the first call answers the callback, exactly once, and nothing fails."""
    caplog.clear()  # one app and one log for all examples
    calls = await tg.feed(callback(data, user_id=user_id))
    assert names(calls)[0] == "answerCallbackQuery"
    assert names(calls).count("answerCallbackQuery") == 1
    assert set(names(calls)) <= {"answerCallbackQuery", "sendMessage"}
    assert errors(caplog) == []


# --- A lone surrogate ----------------------------------------------------------------


async def test_off_topic_question_with_a_lone_surrogate_gets_the_honest_reply(
    tg: Harness, store: Store, fallback_question: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A lone surrogate (possible in a Bot API update) gets "not in the release", not an
    apology; the unanswered log stays valid UTF-8 and holds the text exactly."""
    question = fallback_question + " \udcff"
    params = only_message(await tg.say(question))
    assert params["text"] == not_found_text(store)
    assert errors(caplog) == []
    raw = tg.config.unanswered_log.read_bytes().decode("utf-8")
    assert json.loads(raw)["text"] == question


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # one app for all examples
)
@given(
    text=_ANY_TEXT.filter(lambda t: t.strip() and not t.startswith("/")),
    user_id=st.integers(1, 2**40),
    group=st.booleans(),
)
async def test_any_question_text_gets_one_reply_and_never_an_apology(
    tg: Harness, caplog: pytest.LogCaptureFixture, text: str, user_id: int, group: bool
) -> None:
    """Any text (lone surrogates, controls, emoji), in private or with a mention in a group,
    gets exactly one reply and logs no error."""
    caplog.clear()  # one app and one log for all examples
    if group:
        calls = await tg.say(f"@release_test_bot {text}", user_id=user_id, chat_id=-user_id)
    else:
        calls = await tg.say(text, user_id=user_id)
    assert names(calls) == ["sendMessage"]
    assert calls[0][1]["text"] != replies.SORRY
    assert errors(caplog) == []


# --- Flood limits: taps and messages -----------------------------------------------------


async def test_browsing_topics_quickly_never_blocks_the_next_question(
    tg: Harness, store: Store, answerable: list[tuple[str, Entry]]
) -> None:
    """With the default limits, 40 taps in a row (the probe reached 20 in 25 s) are all
    acted on, and a question after them is still answered."""
    for number in range(40):
        calls = await tg.feed(callback(f"t:{number % len(store.topics)}"))
        assert names(calls) == ["answerCallbackQuery", "sendMessage"]
        assert "text" not in calls[0][1]
    question, entry = answerable[0]
    assert [p["text"] for p in sent(await tg.say(question))] == [answer_text(entry)]


async def test_taps_over_their_limit_are_each_answered_with_a_notice(
    make_bot: MakeBot, store: Store
) -> None:
    """Every tap over the tap limit still stops the spinner, with a pop-up saying how long to
    wait; questions are unaffected."""
    tg = await make_bot(tap_limit=2)
    for _ in range(2):
        assert len(sent(await tg.feed(callback("t:0")))) == 1
    for _ in range(3):
        calls = await tg.feed(callback("t:0"))
        assert names(calls) == ["answerCallbackQuery"]
        assert calls[0][1]["text"] in {replies.taps_limited(s) for s in range(1, 61)}
    assert len(sent(await tg.say("/topics"))) == 1


# --- Mentions in groups ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "write to x@release_test_bot.com about the flights",
        "x@Release_Test_Bot.com How many flights are there?",
        "@release_test_bot_fan How many flights are there?",
    ],
)
async def test_an_email_address_with_the_bot_name_is_not_a_mention(tg: Harness, text: str) -> None:
    """The bot's name inside an e-mail address (or a longer username) makes no Bot API call."""
    assert await tg.say(text, chat_id=GROUP) == []


async def test_a_mention_after_emoji_is_found_by_its_utf16_offset(
    tg: Harness, answerable: list[tuple[str, Entry]]
) -> None:
    """Entity offsets count UTF-16 units: after emoji the mention is still found and removed."""
    question, entry = answerable[0]
    update = message(f"🇰🇿🇰🇷 @release_test_bot {question}", chat_id=GROUP)
    assert update["message"]["entities"][0]["offset"] == 9  # two flags: 4 units each, a space
    assert only_message(await tg.feed(update))["text"] == answer_text(entry)


async def test_a_text_mention_of_the_bot_counts(
    tg: Harness, answerable: list[tuple[str, Entry]]
) -> None:
    """A text mention entity that names the bot's user is a mention, as Telegram sends it."""
    question, entry = answerable[0]
    update = message(f"Bot, {question}", chat_id=GROUP)
    update["message"]["entities"] = [
        {"type": "text_mention", "offset": 0, "length": 3, "user": BOT_USER}
    ]
    assert only_message(await tg.feed(update))["text"] == answer_text(entry)


# --- Double taps -------------------------------------------------------------------------


async def test_a_button_tapped_twice_replies_once_and_answers_both(
    tg: Harness, store: Store
) -> None:
    """Two taps of one button on one message: both callbacks answered, one reply sent; the
    same data on another message, or other data, acts again."""
    entry = store.entries[0]
    first = callback(f"a:{entry.id}")
    again = callback(f"a:{entry.id}")
    again["callback_query"]["message"] = first["callback_query"]["message"]
    assert names(await tg.feed(first)) == ["answerCallbackQuery", "sendMessage"]
    calls = await tg.feed(again)
    assert calls == [("answerCallbackQuery", {"callback_query_id": again["callback_query"]["id"]})]
    assert names(await tg.feed(callback(f"a:{entry.id}"))) == [
        "answerCallbackQuery",
        "sendMessage",
    ]
    other = callback(f"a:{store.entries[1].id}")
    other["callback_query"]["message"] = first["callback_query"]["message"]
    assert names(await tg.feed(other)) == ["answerCallbackQuery", "sendMessage"]
    assert tg.state.stats.counts["answer"] == 3


# --- Memory per person -----------------------------------------------------------------


async def _chatter(tg: Harness, first_id: int, count: int) -> None:
    """`count` new people, each in a group of their own, say something not for the bot."""
    for user_id in range(first_id, first_id + count):
        assert await tg.say("hello everyone", user_id=user_id, chat_id=-user_id) == []


async def test_memory_does_not_grow_with_the_number_of_people(make_bot: MakeBot) -> None:
    """3,000 new people in 3,000 groups after a warm-up leave the heap where it was. PTB's
    sets of ids waiting for a persistence grew by about 150 bytes a person (455 KB here);
    they stay empty."""
    tg = await make_bot()
    await _chatter(tg, 10_000, 300)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        await _chatter(tg, 20_000, 3_000)
        growth = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert growth < 30_000, f"{growth} bytes for 3,000 people"
    assert tg.app._user_ids_to_be_updated_in_persistence == set()
    assert tg.app._chat_ids_to_be_updated_in_persistence == set()


# --- The unanswered log ------------------------------------------------------------------


async def test_unanswered_log_rotates_at_its_configured_size(
    make_bot: MakeBot, fallback_question: str
) -> None:
    """With a 1 KB cap and 2 kept files, many uncovered questions leave three files, each
    within the cap, holding the newest questions in order."""
    tg = await make_bot(log_max_bytes=1024, log_keep=2, user_limit=1000)
    for number in range(60):
        await tg.say(f"{fallback_question} #{number}")
    log = tg.config.unanswered_log
    files = sorted(p.name for p in log.parent.iterdir() if p.name.startswith(log.name))
    assert files == [log.name, f"{log.name}.1", f"{log.name}.2"]
    texts = []
    for path in (log.parent / files[2], log.parent / files[1], log):
        assert path.stat().st_size <= 1024
        texts += [json.loads(line)["text"] for line in path.read_text().splitlines()]
    numbers = [int(text.rsplit("#", 1)[1]) for text in texts]
    assert numbers == list(range(60 - len(numbers), 60))


async def test_group_reply_to_the_bot_is_still_a_question(
    tg: Harness, answerable: list[tuple[str, Entry]]
) -> None:
    """Without any mention, a reply to the bot's message is addressed to it."""
    question, entry = answerable[0]
    update = message(question, chat_id=GROUP, reply_to=bot_message(GROUP))
    assert only_message(await tg.feed(update))["text"] == answer_text(entry)


async def test_messages_over_the_limit_get_one_notice_with_the_wait(
    make_bot: MakeBot, answerable: list[tuple[str, Entry]]
) -> None:
    """The notice says how many seconds to wait (the window is a minute), in plain words."""
    tg = await make_bot(user_limit=1)
    question, _ = answerable[0]
    await tg.say(question)
    notice = only_message(await tg.say(question))["text"]
    assert notice in {replies.rate_limited(s) for s in range(55, 61)}
    assert await tg.say(question) == []
    assert USER in tg.state.gate._notified
