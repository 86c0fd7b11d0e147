"""The handlers: the real Application, Telegram faked at the HTTP boundary.

Each test builds the application with `build_application` (the `tg` and `make_bot`
fixtures), feeds it `Update` objects made from Bot API dicts, and checks the exact
Bot API calls it made.
"""

from __future__ import annotations

import gc
import html
import json
import logging
import re
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from telegram import Update

from bot import replies
from bot.config import Config
from bot.matching import Matcher
from bot.runtime import Heartbeat
from bot.store import Entry, Store, StoreError, load_store
from bot.telegram.app import build_application
from bot.telegram.transport import ResilientRequest
from tests.fake_bot_api import FakeBotApi
from tests.support import PHOTO, STICKER
from tests.telegram.harness import (
    ADMIN,
    BOT_USER,
    EXPIRED,
    GROUP,
    NOT_ADMIN,
    USER,
    Harness,
    answer_button,
    answer_text,
    assert_safe_html,
    bot_message,
    buttons,
    callback,
    chat,
    esc,
    follow_up_buttons,
    inline,
    message,
    not_found_text,
    only_message,
    quoted,
    sent,
    topic_buttons,
    user,
)

# --- Commands --------------------------------------------------------------------------


async def test_start_greets_with_title_date_and_three_example_questions(
    tg: Harness, store: Store
) -> None:
    """/start names the release (title, date) and offers its first three questions as buttons."""
    assert store.published
    params = only_message(await tg.say("/start"))
    assert params["chat_id"] == USER
    assert params["text"] == (
        f"Hello! I answer questions about the press release <b>{esc(store.title)}</b> "
        f"({esc(store.published)}).\n\nAsk me in your own words, or try one of these:"
    )
    assert buttons(params) == [answer_button(store, e.id) for e in store.entries[:3]]
    assert quoted(params) is None


async def test_help_explains_how_to_ask(tg: Harness) -> None:
    """/help lists the commands and how to ask in groups and inline, with no buttons."""
    params = only_message(await tg.say("/help"))
    assert params["text"] == (
        "Ask any question about the release and I will answer with a quote from it.\n\n"
        "/topics – browse the topics\n"
        "/source – read the whole release\n"
        "/ask QUESTION – ask in a group\n\n"
        "In groups, mention me or reply to my message. "
        "In any chat, type my username and a question to answer inline.\n\n"
        "I understand English, Russian, Kazakh and Korean."
    )
    assert "reply_markup" not in params


async def test_topics_shows_a_button_per_topic(tg: Harness, store: Store) -> None:
    """/topics offers one button per topic, in store order."""
    params = only_message(await tg.say("/topics"))
    assert params["text"] == "Pick a topic:"
    assert buttons(params) == topic_buttons(store)


async def test_tapping_a_topic_lists_its_questions(tg: Harness, store: Store) -> None:
    """A topic button is answered once and sends that topic's questions as buttons."""
    index = len(store.topics) - 1
    topic = store.topics[index]
    calls = await tg.feed(callback(f"t:{index}"))
    assert [name for name, _ in calls] == ["answerCallbackQuery", "sendMessage"]
    assert "text" not in calls[0][1]
    params = calls[1][1]
    assert params["text"] == f"<b>{esc(topic)}</b>: what would you like to know?"
    assert buttons(params) == [answer_button(store, e.id) for e in store.entries_for(topic)]


def long_store(folder: Path, store_path: Path) -> Path:
    """A copy of the store whose release has extra HTML-laden and very long paragraphs."""
    shutil.copytree(store_path.parent, folder)
    store = load_store(folder / store_path.name)
    extra = [
        "Tags like <b>bold</b> & entities like &amp; must arrive as text, not markup.",
        " ".join(f"word{i} <x> & y" for i in range(700)),  # one paragraph of ~9800 chars
        "A" * 5000,  # a paragraph without a single space
        "The end > the beginning & \"quotes\" stay 'as they are'.",
    ]
    raw = store.document_path.read_text(encoding="utf-8")
    store.document_path.write_text(raw.rstrip() + "\n\n" + "\n\n".join(extra) + "\n", "utf-8")
    return folder / store_path.name


async def test_source_sends_the_whole_release_escaped_in_chunks_under_4096(
    make_bot: Callable[..., Awaitable[Harness]], store_path: Path, tmp_path: Path
) -> None:
    """/source splits a long release into escaped messages under 4096 chars that add up to it."""
    big = load_store(long_store(tmp_path / "big", store_path))
    tg = await make_bot(big, knowledge=big.path)
    calls = await tg.say("/source")
    chunks = [params["text"] for params in sent(calls)]
    assert len(calls) == len(chunks) >= 4
    for params in sent(calls):
        assert params["parse_mode"] == "HTML" and "reply_markup" not in params
    for chunk in chunks:
        assert len(chunk.encode("utf-16-le")) // 2 <= 4096
        assert chunk == esc(html.unescape(chunk)), "every chunk is fully escaped"
    # Same characters in the same order; only whitespace at the cuts may differ.
    assert "".join(html.unescape("".join(chunks)).split()) == "".join(big.document.body.split())


async def test_source_of_the_shipped_release_is_its_paragraphs(tg: Harness, store: Store) -> None:
    """/source of the shipped release sends its paragraphs, escaped, blank-line separated."""
    paragraphs = [p.strip() for p in store.document.body.split("\n") if p.strip()]
    texts = [params["text"] for params in sent(await tg.say("/source"))]
    assert "\n\n".join(texts) == esc("\n\n".join(paragraphs))


# --- Questions in private ------------------------------------------------------------


async def test_private_question_gets_answer_quote_and_follow_ups(
    tg: Harness, store: Store, answerable: list[tuple[str, Entry]]
) -> None:
    """A covered question gets the answer, the release sentence in a blockquote, follow-ups."""
    question, entry = next((q, e) for q, e in answerable if e.follow_ups)
    params = only_message(await tg.say(question))
    assert params["chat_id"] == USER
    assert params["text"] == answer_text(entry)
    assert buttons(params) == follow_up_buttons(store, entry)
    assert quoted(params) is None


@pytest.mark.parametrize("index", range(4))
async def test_several_covered_questions_get_their_own_answer(
    tg: Harness, answerable: list[tuple[str, Entry]], index: int
) -> None:
    """Questions spread over the store each get their own entry's answer."""
    question, entry = answerable[index * len(answerable) // 4]
    assert only_message(await tg.say(question))["text"] == answer_text(entry)


async def test_close_call_asks_did_you_mean_with_none_of_these(
    tg: Harness, store: Store, matcher: Matcher, clarify_question: str
) -> None:
    """A near miss offers the close entries as buttons plus "None of these"."""
    match = matcher.match(clarify_question)
    params = only_message(await tg.say(clarify_question))
    assert params["text"] == "Did you mean…?"
    assert buttons(params) == [
        *(answer_button(store, c.intent) for c in match.suggestions),
        ("None of these", "none"),
    ]


async def test_tapping_a_suggestion_answers_it_and_acknowledges_once(
    tg: Harness, store: Store, matcher: Matcher, clarify_question: str
) -> None:
    """Tapping "a:<id>" calls answerCallbackQuery exactly once (no text), then sends the answer."""
    intent = matcher.match(clarify_question).suggestions[0].intent
    entry = store.entry(intent)
    assert entry is not None
    update = callback(f"a:{intent}")
    calls = await tg.feed(update)
    assert [name for name, _ in calls] == ["answerCallbackQuery", "sendMessage"]
    assert calls[0][1] == {"callback_query_id": update["callback_query"]["id"]}
    assert calls[1][1]["chat_id"] == USER
    assert calls[1][1]["text"] == answer_text(entry)
    assert buttons(calls[1][1]) == follow_up_buttons(store, entry)
    assert tg.state.stats.counts["answer"] == 1


async def test_none_of_these_is_an_honest_not_found(tg: Harness, store: Store) -> None:
    """The "None of these" button says the release does not cover it and offers the topics."""
    calls = await tg.feed(callback("none"))
    assert [name for name, _ in calls] == ["answerCallbackQuery", "sendMessage"]
    assert calls[1][1]["text"] == not_found_text(store)
    assert buttons(calls[1][1]) == topic_buttons(store)


@pytest.mark.parametrize("data", ["a:no-such-entry", "t:999", "t:x", "garbage", "a:", ""])
async def test_stale_or_garbage_button_is_still_acknowledged(
    tg: Harness, store: Store, data: str
) -> None:
    """Any button, even one that no longer means anything, stops the spinner exactly once."""
    calls = await tg.feed(callback(data))
    names = [name for name, _ in calls]
    assert names.count("answerCallbackQuery") == 1 and names[0] == "answerCallbackQuery"
    if data == "t:999":  # an out-of-range topic falls back to the topic list
        assert calls[0][1].get("text") is None
        assert [p["text"] for p in sent(calls)] == ["Pick a topic:"]
    else:
        assert calls[0][1]["text"] == EXPIRED
        assert sent(calls) == []


async def test_fallback_is_honest_offers_topics_and_logs_the_question(
    tg: Harness, store: Store, matcher: Matcher, fallback_question: str
) -> None:
    """An uncovered question gets "not in the release" + topic buttons; the log gets one line."""
    match = matcher.match(fallback_question)
    params = only_message(await tg.say(fallback_question))
    assert params["text"] == not_found_text(store)
    assert buttons(params) == [
        *(answer_button(store, c.intent) for c in match.suggestions),
        *topic_buttons(store),
    ]
    lines = tg.config.unanswered_log.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) == {"time", "text", "score"}  # and nothing about the user
    assert record["text"] == fallback_question
    assert record["score"] == match.score
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", record["time"])
    assert str(USER) not in lines[0] and "Ann" not in lines[0]


async def test_answered_questions_are_not_logged(
    tg: Harness, answerable: list[tuple[str, Entry]]
) -> None:
    """Only uncovered questions reach the unanswered log."""
    await tg.say(answerable[0][0])
    await tg.say("hi")
    assert not tg.config.unanswered_log.exists()


async def test_fallback_still_answers_when_the_log_cannot_be_written(
    make_bot: Callable[..., Awaitable[Harness]],
    tmp_path: Path,
    store: Store,
    fallback_question: str,
) -> None:
    """An unwritable data folder does not stop the reply."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    tg = await make_bot(data_dir=blocker)
    assert only_message(await tg.say(fallback_question))["text"] == not_found_text(store)


async def test_smalltalk_hi_gets_the_greeting(tg: Harness, smalltalk_hi: Any) -> None:
    """ "hi" gets the store's greeting, escaped, with no buttons."""
    params = only_message(await tg.say("hi"))
    assert params["text"] == esc(smalltalk_hi.smalltalk.answer)
    assert "reply_markup" not in params


@pytest.mark.parametrize("extra", [STICKER, PHOTO], ids=["sticker", "photo"])
async def test_non_text_in_private_gets_the_not_text_line(
    tg: Harness, extra: dict[str, Any]
) -> None:
    """A sticker or photo in private gets the one-line "please type" reply."""
    params = only_message(await tg.say(None, **extra))
    assert params["text"] == replies.NOT_TEXT


async def test_unknown_command_in_private_gets_the_not_text_line(tg: Harness) -> None:
    """An unknown /command is not treated as a question."""
    assert only_message(await tg.say("/frobnicate now"))["text"] == replies.NOT_TEXT


@pytest.mark.parametrize(
    "question",
    [
        "<b>How many flights are there?</b>",
        "<script>alert('x')</script> & </blockquote> who met whom?",
        "a < b > c & d &amp; &lt;i&gt;",
        "What is the weather like <i>in Paris</i>?",
        "<" * 500,
        "hi <b>",
    ],
)
async def test_html_in_a_question_never_breaks_the_reply(
    tg: Harness, store: Store, matcher: Matcher, question: str
) -> None:
    """Whatever markup a question holds, the reply is the matcher's verdict in safe HTML."""
    params = only_message(await tg.say(question))
    assert params["text"] == replies.html(matcher.match(question), store).text
    assert_safe_html(params["text"])
    assert "<script>" not in params["text"] and "<b>How" not in params["text"]


async def test_every_entry_answer_is_safe_html(store: Store) -> None:
    """Each entry's answer, and each topic reply, is well-formed HTML with only allowed tags."""
    for entry in store.entries:
        assert_safe_html(replies.entry_reply(store, entry).text)
    for index in range(len(store.topics)):
        assert_safe_html(replies.topic_reply(store, index).text)
    assert_safe_html(replies.start_reply(store).text)


# --- Groups --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["How many flights are there?", "hi everyone", "/frobnicate", "@someone_else how are you"],
)
async def test_group_message_not_for_the_bot_gets_no_call_at_all(tg: Harness, text: str) -> None:
    """In a group, a message without mention, reply or /ask makes no Bot API call."""
    assert await tg.say(text, chat_id=GROUP) == []
    assert await tg.say(None, chat_id=GROUP, **STICKER) == []


async def test_group_reply_to_another_user_is_ignored(tg: Harness) -> None:
    """A reply to a person's message (not the bot's) is not addressed to the bot."""
    other = {**bot_message(GROUP), "from": user(777)}
    assert await tg.say("How many flights are there?", chat_id=GROUP, reply_to=other) == []


def _group_update(kind: str, question: str) -> dict[str, Any]:
    if kind == "mention":
        return message(f"@release_test_bot {question}", chat_id=GROUP)
    if kind == "mention-upper":
        return message(f"{question} @Release_Test_Bot", chat_id=GROUP)
    if kind == "reply":
        return message(question, chat_id=GROUP, reply_to=bot_message(GROUP))
    if kind == "ask":
        return message(f"/ask {question}", chat_id=GROUP)
    return message(f"/ask@release_test_bot {question}", chat_id=GROUP)


@pytest.mark.parametrize("kind", ["mention", "mention-upper", "reply", "ask", "ask-at-bot"])
async def test_group_question_for_the_bot_is_answered_as_a_reply(
    tg: Harness, answerable: list[tuple[str, Entry]], kind: str
) -> None:
    """A mention, a reply to the bot or /ask in a group is answered as a reply to the asker."""
    question, entry = answerable[1]
    update = _group_update(kind, question)
    params = only_message(await tg.feed(update))
    assert params["chat_id"] == GROUP
    assert quoted(params) == update["message"]["message_id"]
    assert params["text"] == answer_text(entry)


async def test_mention_of_a_longer_username_is_not_a_mention(tg: Harness) -> None:
    """ "@release_test_bot2" is another bot: no reply."""
    assert await tg.say("@release_test_bot2 How many flights are there?", chat_id=GROUP) == []


async def test_bare_ask_explains_how_to_ask(tg: Harness) -> None:
    """/ask with no question replies with an example, quoting the asker."""
    update = message("/ask", chat_id=GROUP)
    params = only_message(await tg.feed(update))
    assert params["text"] == "Ask like this: /ask How many flights are there?"
    assert quoted(params) == update["message"]["message_id"]


async def test_ask_in_private_is_answered_without_quoting(
    tg: Harness, answerable: list[tuple[str, Entry]]
) -> None:
    """/ask QUESTION also works in private, as a plain message."""
    question, entry = answerable[2]
    params = only_message(await tg.say(f"/ask {question}"))
    assert params["text"] == answer_text(entry)
    assert quoted(params) is None


# --- Inline mode ------------------------------------------------------------------------


async def test_inline_query_offers_matching_answers_as_articles(
    tg: Harness, store: Store, matcher: Matcher, answerable: list[tuple[str, Entry]]
) -> None:
    """Typed text gives up to 5 articles: close entries, best first, each with its HTML answer."""
    question, entry = answerable[0]
    update = inline(question)
    calls = await tg.feed(update)
    assert [name for name, _ in calls] == ["answerInlineQuery"]
    params = calls[0][1]
    assert params["inline_query_id"] == update["inline_query"]["id"]
    assert params["cache_time"] == 60 and params["is_personal"] is False
    expected = [
        c.intent
        for c in matcher.candidates(question)[:5]
        if store.entry(c.intent) and c.score >= store.settings.clarify_threshold
    ]
    results = params["results"]
    assert [r["id"] for r in results] == expected
    assert results[0] == {
        "type": "article",
        "id": entry.id,
        "title": entry.questions[0],
        "description": entry.answer[:100],
        "input_message_content": {"message_text": answer_text(entry), "parse_mode": "HTML"},
    }
    assert tg.state.stats.counts["inline"] == 1


async def test_empty_inline_query_offers_one_article_per_topic(tg: Harness, store: Store) -> None:
    """An empty inline query lists the topics, each article holding that topic's answers."""
    calls = await tg.feed(inline(""))
    results = calls[0][1]["results"]
    assert [(r["id"], r["title"]) for r in results] == [
        (f"t{i}", topic) for i, topic in enumerate(store.topics)
    ]
    for result, topic in zip(results, store.topics, strict=True):
        content = result["input_message_content"]
        assert content["parse_mode"] == "HTML"
        assert content["message_text"] == "\n\n".join(
            html.escape(e.answer, quote=False) for e in store.entries_for(topic)
        )
        assert len(content["message_text"]) <= 4096
        assert len(result["description"]) <= 100


async def test_inline_query_with_nothing_close_offers_nothing(
    tg: Harness, fallback_question: str
) -> None:
    """An inline query the release does not cover answers with an empty list."""
    calls = await tg.feed(inline(fallback_question))
    assert calls == [("answerInlineQuery", calls[0][1])]
    assert calls[0][1]["results"] == []


# --- Limits, admin commands, errors ---------------------------------------------------


def notice_within_a_minute(text: str) -> bool:
    """`text` is the flood notice, with a wait of at most the one-minute window."""
    return text in {replies.rate_limited(seconds) for seconds in range(1, 61)}


async def test_flood_limit_sends_one_notice_then_stays_silent(
    make_bot: Callable[..., Awaitable[Harness]], answerable: list[tuple[str, Entry]]
) -> None:
    """Over the per-user limit: one notice saying how long to wait, then no reply; others are
    unaffected."""
    tg = await make_bot(user_limit=3)
    question, entry = answerable[0]
    texts = [[p["text"] for p in sent(await tg.say(question))] for _ in range(6)]
    assert texts[:3] == [[answer_text(entry)]] * 3
    assert len(texts[3]) == 1 and notice_within_a_minute(texts[3][0])
    assert texts[4:] == [[], []]
    assert [p["text"] for p in sent(await tg.say(question, user_id=2002))] == [answer_text(entry)]
    assert tg.state.stats.counts["rate_limited"] == 3


async def test_flood_limit_covers_commands_and_taps_have_their_own(
    make_bot: Callable[..., Awaitable[Harness]], store: Store
) -> None:
    """Commands count against the message limit, taps against the tap limit; a tap over its
    limit is answered with a notice, not acted on."""
    tg = await make_bot(user_limit=2, tap_limit=1)
    assert len(sent(await tg.say("/help"))) == 1
    assert len(sent(await tg.say("/topics"))) == 1
    calls = await tg.feed(callback(f"a:{store.entries[0].id}"))  # messages used up: still acts
    assert [method for method, _ in calls] == ["answerCallbackQuery", "sendMessage"]
    calls = await tg.feed(callback(f"a:{store.entries[1].id}"))
    assert [method for method, _ in calls] == ["answerCallbackQuery"]
    assert calls[0][1]["text"] in {replies.taps_limited(seconds) for seconds in range(1, 61)}


async def test_bare_mention_in_a_group_gets_a_hint_not_a_refusal(tg: Harness) -> None:
    """A group message that is only the bot's name is answered with how to ask."""
    update = message("@release_test_bot", chat_id=GROUP)
    params = only_message(await tg.feed(update))
    assert params["text"] == replies.EMPTY_QUESTION
    assert quoted(params) == update["message"]["message_id"]


async def test_group_reply_survives_a_deleted_question(
    tg: Harness, answerable: list[tuple[str, Entry]]
) -> None:
    """Group answers allow sending without the replied-to message (the asker may delete it)."""
    question, _ = answerable[0]
    params = only_message(await tg.feed(message(f"@release_test_bot {question}", chat_id=GROUP)))
    assert params["reply_parameters"]["allow_sending_without_reply"] is True


async def test_button_under_an_old_message_still_gets_its_answer(tg: Harness, store: Store) -> None:
    """A tap under a message Telegram no longer shows (date 0) is answered in the chat."""
    entry = store.entries[0]
    update = callback(f"a:{entry.id}")
    update["callback_query"]["message"] = {"chat": chat(USER), "message_id": 5, "date": 0}
    calls = await tg.feed(update)
    assert [name for name, _ in calls] == ["answerCallbackQuery", "sendMessage"]
    assert calls[1][1]["chat_id"] == USER
    assert calls[1][1]["text"] == answer_text(entry)


async def test_message_sent_through_our_inline_mode_is_not_answered(
    tg: Harness, answerable: list[tuple[str, Entry]]
) -> None:
    """Picking an inline result in the bot's own chat posts an answer; it is not a question."""
    question, _ = answerable[0]
    assert await tg.say(question, via_bot=BOT_USER) == []


async def test_admin_commands_count_against_the_flood_limit(
    make_bot: Callable[..., Awaitable[Harness]],
) -> None:
    """Non-admins repeating /stats get one refusal per message, then the notice, then silence."""
    tg = await make_bot(user_limit=2)
    texts = [[p["text"] for p in sent(await tg.say("/stats"))] for _ in range(4)]
    assert texts[:2] == [[replies.ADMINS_ONLY]] * 2
    assert len(texts[2]) == 1 and notice_within_a_minute(texts[2][0])
    assert texts[3] == []


async def test_stats_for_an_admin_counts_each_kind(
    make_bot: Callable[..., Awaitable[Harness]],
    answerable: list[tuple[str, Entry]],
    fallback_question: str,
    clarify_question: str,
) -> None:
    """/stats from an admin reports the counts since start in one line."""
    tg = await make_bot(admin_ids=frozenset({ADMIN}))
    for question in (answerable[0][0], answerable[1][0], fallback_question, clarify_question, "hi"):
        await tg.say(question, user_id=USER)
    await tg.feed(inline(""))
    params = only_message(await tg.say("/stats", user_id=ADMIN))
    assert params["text"].splitlines()[:2] == [
        "Since start (0.0 h): answer: 2, clarify: 1, fallback: 1, smalltalk: 1, "
        "inline: 1, rate_limited: 0",
        "Questions: 4: answered 2 (50%), did you mean 1 (25%), not found 1 (25%)",
    ]


@pytest.mark.parametrize("command", ["/stats", "/reload"])
async def test_admin_commands_are_refused_to_others(
    make_bot: Callable[..., Awaitable[Harness]], command: str
) -> None:
    """/stats and /reload from a non-admin get a polite refusal and change nothing."""
    tg = await make_bot(admin_ids=frozenset({ADMIN}))
    store_before = tg.state.store
    params = only_message(await tg.say(command, user_id=USER))
    assert params["text"] == NOT_ADMIN
    assert tg.state.store is store_before


@pytest.fixture
def writable_store(tmp_path: Path, store_path: Path) -> Path:
    shutil.copytree(store_path.parent, tmp_path / "store")
    return tmp_path / "store" / store_path.name


async def test_reload_by_an_admin_switches_to_the_edited_store(
    make_bot: Callable[..., Awaitable[Harness]], writable_store: Path, store: Store
) -> None:
    """After editing the store, /reload reports the entry count and new phrasings answer."""
    tg = await make_bot(knowledge=writable_store, admin_ids=frozenset({ADMIN}))
    new_question = "zebra crossing quiz"
    assert sent(await tg.say(new_question))[0]["text"] == not_found_text(store)
    data = yaml.safe_load(writable_store.read_text(encoding="utf-8"))
    data["entries"][0]["questions"].append(new_question)
    writable_store.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    params = only_message(await tg.say("/reload", user_id=ADMIN))
    assert params["text"] == f"Reloaded: {len(store.entries)} entries."
    assert sent(await tg.say(new_question))[0]["text"] == answer_text(store.entries[0])
    # The new matchers are kept out of the garbage collector's sight (`runtime.settle`).
    built = tg.state.matcher
    try:
        assert gc.get_freeze_count() > 0 and not any(o is built for o in gc.get_objects())
    finally:
        gc.unfreeze()


async def test_reload_of_an_invalid_store_keeps_the_old_one_and_says_why(
    make_bot: Callable[..., Awaitable[Harness]],
    writable_store: Path,
    answerable: list[tuple[str, Entry]],
) -> None:
    """A broken store is refused with its first problem; questions still get the old answers."""
    tg = await make_bot(knowledge=writable_store, admin_ids=frozenset({ADMIN}))
    store_before = tg.state.store
    writable_store.write_text("title: [unclosed\nentries: {\n", encoding="utf-8")
    with pytest.raises(StoreError) as problem:
        load_store(writable_store)
    params = only_message(await tg.say("/reload", user_id=ADMIN))
    assert params["text"] == html.escape(
        f"Reload refused, still using the previous store: {problem.value}"
    )
    assert str(writable_store.name) in params["text"]
    assert tg.state.store is store_before
    question, entry = answerable[0]
    assert sent(await tg.say(question))[0]["text"] == answer_text(entry)


async def test_failed_send_gets_an_apology_not_a_traceback_and_logs_no_token(
    tg: Harness,
    answerable: list[tuple[str, Entry]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A handler that fails logs the error (never the token) and the user gets SORRY only."""
    caplog.set_level(logging.DEBUG)
    tg.request.fail("sendMessage", 400, "Bad Request: can't parse entities")
    calls = await tg.say(answerable[0][0])
    texts = [params["text"] for params in sent(calls)]
    assert len(texts) == 2  # the failed answer, then the apology
    assert texts[1] == replies.SORRY
    assert not any("Traceback" in t or "Error" in t for t in texts)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [(r.name, r.getMessage()) for r in errors] == [
        ("release_bot", "error handling message update in private chat")
    ]
    assert errors[0].exc_info is not None
    assert tg.config.token not in caplog.text
    assert all(tg.config.token not in logging.Formatter().format(r) for r in caplog.records)


async def test_failed_button_is_logged_without_an_apology(
    tg: Harness, answerable: list[tuple[str, Entry]], caplog: pytest.LogCaptureFixture
) -> None:
    """A failure while answering a button is logged; no apology message is attempted."""
    tg.request.fail("sendMessage", 400, "Bad Request: chat not found")
    calls = await tg.feed(callback(f"a:{answerable[0][1].id}"))
    assert [name for name, _ in calls] == ["answerCallbackQuery", "sendMessage"]
    assert "error handling callback_query update in private chat" in caplog.text


async def test_blocked_user_is_logged_quietly(
    tg: Harness, answerable: list[tuple[str, Entry]], caplog: pytest.LogCaptureFixture
) -> None:
    """Forbidden (bot blocked) is expected: logged at INFO, no error, no second attempt."""
    caplog.set_level(logging.INFO)
    tg.request.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    calls = await tg.say(answerable[0][0])
    assert [name for name, _ in calls] == ["sendMessage"]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert "cannot write to chat private: the bot was blocked or removed" in caplog.text


def test_every_callback_data_fits_in_64_bytes(store: Store) -> None:
    """Every button the store can produce has callback data Telegram accepts."""
    datas = [f"a:{e.id}" for e in store.entries] + [d for _, d in topic_buttons(store)]
    assert max(len(d.encode()) for d in datas) <= 64


async def test_a_send_that_timed_out_is_one_warning_without_apology_or_traceback(
    fake_api: FakeBotApi,
    make_config: Callable[..., Config],
    store: Store,
    answerable: list[tuple[str, Entry]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A sendMessage whose answer never came may have arrived: not repeated, no apology."""
    config = make_config(api_url=fake_api.base_url)
    request = ResilientRequest(Heartbeat(config.heartbeat), read_timeout=0.3)
    app = build_application(config, store, request=request)
    async with app:
        fake_api.inject("sendMessage", "slow", delay=1.0)
        await app.process_update(Update.de_json(message(answerable[0][0]), app.bot))
    assert len(fake_api.calls_to("sendMessage")) == 1
    ours = [r for r in caplog.records if r.name == "release_bot"]
    assert [r.getMessage().split(":")[0] for r in ours] == [
        "reply to a message update in a private chat dropped"
    ]
    assert all(r.exc_info is None for r in caplog.records)
