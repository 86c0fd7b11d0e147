"""The Telegram edge: the real Application and handlers, Telegram faked at the HTTP boundary.

Each test builds the application with `build_application`, feeds it `Update`
objects made from Bot API dicts, and checks the exact Bot API calls it made.
`RecordingRequest` answers the few methods the bot is allowed to use; any other
method is refused and reported, and the `make_bot` fixture fails the test.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import logging
import os
import re
import shutil
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from telegram import Bot, Update
from telegram.error import NetworkError, RetryAfter, TimedOut
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

from bot import replies
from bot.config import Config
from bot.matching import Matcher
from bot.runtime import Heartbeat
from bot.store import Entry, Store, StoreError, load_store
from bot.telegram_app import (
    COMMANDS,
    BotState,
    RedactToken,
    ResilientRequest,
    build_application,
    setup_logging,
)
from tests.fake_bot_api import FakeBotApi, decode_param
from tests.support import PHOTO, STICKER

TOKEN = "123456:TEST-token"  # FakeBotApi's default, and what `make_config` uses
BOT_USER = {
    "id": int(TOKEN.split(":", maxsplit=1)[0]),
    "is_bot": True,
    "first_name": "Release Test Bot",
    "username": "release_test_bot",
}
USER = 1001
ADMIN = 42
GROUP = -5005
NOW = int(time.time())
EXPIRED = "That button has expired; please ask again."
NOT_ADMIN = "Only the bot's administrators can do that."

# --- The HTTP boundary ------------------------------------------------------------------

Call = tuple[str, dict[str, Any]]


class RecordingRequest(BaseRequest):
    """Records (method, decoded params) of every Bot API call and returns canned results.

    Only getMe, sendMessage, answerCallbackQuery, answerInlineQuery and
    setMyCommands are served; any other method gets a 404 and is listed in
    `unexpected`. `fail(method, code, description)` makes the next call fail.
    """

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.unexpected: list[str] = []
        self._failures: dict[str, deque[tuple[int, str]]] = {}
        self._message_ids = itertools.count(9000)

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def fail(self, method: str, code: int, description: str) -> None:
        self._failures.setdefault(method, deque()).append((code, description))

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        raw = request_data.json_parameters if request_data else {}
        params = {key: decode_param(key, value) for key, value in raw.items()}
        self.calls.append((name, params))
        failures = self._failures.get(name)
        if failures:
            code, description = failures.popleft()
            return code, _body({"ok": False, "error_code": code, "description": description})
        if name == "getMe":
            result: Any = BOT_USER
        elif name == "sendMessage":
            result = self._message(params)
        elif name in ("answerCallbackQuery", "answerInlineQuery", "setMyCommands"):
            result = True
        else:
            self.unexpected.append(name)
            return 404, _body({"ok": False, "error_code": 404, "description": "Not Found"})
        return 200, _body({"ok": True, "result": result})

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "from": BOT_USER,
            "chat": chat(chat_id),
            "date": NOW,
            "text": params["text"],
        }
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        return message


def _body(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload).encode("utf-8")


# --- Update factories ------------------------------------------------------------------

_ids = itertools.count(1)


def user(user_id: int = USER) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Ann", "language_code": "en"}


def chat(chat_id: int) -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "Ann"}
    return {"id": chat_id, "type": "group", "title": "Test group"}


def bot_message(chat_id: int, text: str = "An earlier answer") -> dict[str, Any]:
    return {
        "message_id": next(_ids),
        "from": BOT_USER,
        "chat": chat(chat_id),
        "date": NOW,
        "text": text,
    }


def message(
    text: str | None,
    *,
    user_id: int = USER,
    chat_id: int | None = None,
    reply_to: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A `message` update; a leading /command gets its bot_command entity."""
    body: dict[str, Any] = {
        "message_id": next(_ids),
        "from": user(user_id),
        "chat": chat(user_id if chat_id is None else chat_id),
        "date": NOW,
    }
    if text is not None:
        body["text"] = text
        if text.startswith("/"):
            length = len(text.split()[0].encode("utf-16-le")) // 2
            body["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    if reply_to is not None:
        body["reply_to_message"] = reply_to
    body.update(extra)
    return {"update_id": next(_ids), "message": body}


def callback(data: str, *, user_id: int = USER, chat_id: int | None = None) -> dict[str, Any]:
    chat_id = user_id if chat_id is None else chat_id
    query = {
        "id": str(next(_ids)),
        "from": user(user_id),
        "chat_instance": "42",
        "data": data,
        "message": bot_message(chat_id),
    }
    return {"update_id": next(_ids), "callback_query": query}


def inline(query: str, *, user_id: int = USER) -> dict[str, Any]:
    body = {"id": str(next(_ids)), "from": user(user_id), "query": query, "offset": ""}
    return {"update_id": next(_ids), "inline_query": body}


# --- Harness -------------------------------------------------------------------------------


@dataclass
class Harness:
    app: Application  # type: ignore[type-arg]
    request: RecordingRequest
    updates_request: RecordingRequest
    config: Config
    started: list[Call] = field(default_factory=list)

    @property
    def state(self) -> BotState:
        state: BotState = self.app.bot_data["state"]
        return state

    async def feed(self, update: dict[str, Any]) -> list[Call]:
        """Process one update; return the Bot API calls it caused."""
        start = len(self.request.calls)
        await self.app.process_update(Update.de_json(update, self.app.bot))
        return self.request.calls[start:]

    async def say(self, text: str | None, **kwargs: Any) -> list[Call]:
        return await self.feed(message(text, **kwargs))


@pytest.fixture
async def make_bot(
    make_config: Callable[..., Config], store: Store
) -> AsyncIterator[Callable[..., Awaitable[Harness]]]:
    """Build and initialise applications; afterwards shut them down and check no stray calls."""
    made: list[Harness] = []

    async def make(store_: Store | None = None, **overrides: Any) -> Harness:
        config = make_config(**overrides)
        request, updates_request = RecordingRequest(), RecordingRequest()
        app = build_application(
            config, store_ or store, request=request, updates_request=updates_request
        )
        await app.initialize()
        harness = Harness(app, request, updates_request, config, list(request.calls))
        made.append(harness)
        return harness

    yield make
    for harness in made:
        await harness.app.shutdown()
        assert harness.request.unexpected == [], "the bot called a method it should not use"
        assert harness.updates_request.calls == [], "handlers must never poll for updates"


@pytest.fixture
async def tg(make_bot: Callable[..., Awaitable[Harness]]) -> Harness:
    return await make_bot()


# --- Expectations ----------------------------------------------------------------------


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def label(text: str) -> str:
    """A button caption: at most 60 characters, an ellipsis when cut."""
    return text if len(text) <= 60 else text[:59] + "…"


def answer_text(entry: Entry) -> str:
    quote = f"<blockquote>{esc(entry.source)}</blockquote>"
    return f"{esc(entry.answer)}\n\n<i>From the release:</i>\n{quote}"


def answer_button(store: Store, entry_id: str) -> tuple[str, str]:
    entry = store.entry(entry_id)
    assert entry is not None
    return label(entry.questions[0]), f"a:{entry.id}"


def follow_up_buttons(store: Store, entry: Entry) -> list[tuple[str, str]]:
    return [answer_button(store, f) for f in entry.follow_ups[:3] if store.entry(f)]


def topic_buttons(store: Store) -> list[tuple[str, str]]:
    return [(label(topic), f"t:{i}") for i, topic in enumerate(store.topics)]


def not_found_text(store: Store) -> str:
    return esc(
        "Sorry, I could not find that in the release. I can answer questions about: "
        + ", ".join(store.topics)
        + "."
    )


def sent(calls: list[Call]) -> list[dict[str, Any]]:
    """The sendMessage parameters among `calls`, in order."""
    return [params for name, params in calls if name == "sendMessage"]


def only_message(calls: list[Call]) -> dict[str, Any]:
    """The one call made, which must be a sendMessage in HTML without link previews."""
    assert [name for name, _ in calls] == ["sendMessage"]
    params = calls[0][1]
    assert params["parse_mode"] == "HTML"
    assert params["link_preview_options"] == {"is_disabled": True}
    return params


def buttons(params: dict[str, Any]) -> list[tuple[str, str]]:
    """(text, callback_data) of each button; every row holds exactly one button."""
    if "reply_markup" not in params:
        return []
    rows = params["reply_markup"]["inline_keyboard"]
    assert all(len(row) == 1 for row in rows)
    result = [(row[0]["text"], row[0]["callback_data"]) for row in rows]
    for text, data in result:
        assert len(text) <= 60 and len(data.encode()) <= 64
    return result


def quoted(params: dict[str, Any]) -> int | None:
    """The id of the message this one replies to, if any."""
    if "reply_parameters" in params:
        return int(params["reply_parameters"]["message_id"])
    return params.get("reply_to_message_id")


class _TagChecker(HTMLParser):
    ALLOWED = frozenset({"b", "i", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.bad: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.ALLOWED or attrs:
            self.bad.append(tag)
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.bad.append(f"/{tag}")


def assert_safe_html(text: str) -> None:
    """Only <b>, <i>, <blockquote>, balanced; every other < > & is escaped."""
    checker = _TagChecker()
    checker.feed(text)
    checker.close()
    assert checker.bad == [] and checker.open == []
    bare = re.sub(r"</?(?:b|i|blockquote)>", "", text)
    assert "<" not in bare and ">" not in bare
    assert re.search(r"&(?!(?:amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);)", bare) is None


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
        "In any chat, type my username and a question to answer inline."
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


async def test_flood_limit_sends_one_notice_then_stays_silent(
    make_bot: Callable[..., Awaitable[Harness]], answerable: list[tuple[str, Entry]]
) -> None:
    """Over the per-user limit: one RATE_LIMITED notice, then no reply; others are unaffected."""
    tg = await make_bot(user_limit=3)
    question, entry = answerable[0]
    texts = [[p["text"] for p in sent(await tg.say(question))] for _ in range(6)]
    assert texts == [[answer_text(entry)]] * 3 + [[replies.RATE_LIMITED], [], []]
    assert [p["text"] for p in sent(await tg.say(question, user_id=2002))] == [answer_text(entry)]
    assert tg.state.stats.counts["rate_limited"] == 3


async def test_flood_limit_covers_commands_and_buttons(
    make_bot: Callable[..., Awaitable[Harness]], store: Store
) -> None:
    """Commands and button taps count against the limit; a tap over it is answered, not acted on."""
    tg = await make_bot(user_limit=2)
    assert len(sent(await tg.say("/help"))) == 1
    assert len(sent(await tg.say("/topics"))) == 1
    calls = await tg.feed(callback(f"a:{store.entries[0].id}"))
    assert [method for method, _ in calls] == ["answerCallbackQuery"]
    assert calls[0][1]["text"] == replies.RATE_LIMITED


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
    assert texts == [[replies.ADMINS_ONLY]] * 2 + [[replies.RATE_LIMITED], []]


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
    assert params["text"] == (
        "Since start (0.0 h): answer: 2, clarify: 1, fallback: 1, smalltalk: 1, "
        "inline: 1, rate_limited: 0"
    )


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


# --- Start-up, shutdown, outbound requests, logging ---------------------------------------


async def test_post_init_registers_the_commands_and_starts_the_pinger(tg: Harness) -> None:
    """post_init publishes the command menu; post_shutdown stops the ping task."""
    assert tg.started == [("getMe", {})]
    assert tg.app.post_init is not None and tg.app.post_shutdown is not None
    await tg.app.post_init(tg.app)
    assert tg.request.calls[-1] == (
        "setMyCommands",
        {"commands": [{"command": c, "description": d} for c, d in COMMANDS]},
    )
    pinger = tg.app.bot_data["pinger"]
    assert isinstance(pinger, asyncio.Task) and not pinger.done()
    await tg.app.post_shutdown(tg.app)
    assert pinger.cancelled() and "pinger" not in tg.app.bot_data


async def test_resilient_request_retries_500s_and_drops_then_beats(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    """A 500 and a dropped connection are retried; the success touches the heartbeat."""
    heartbeat = Heartbeat(tmp_path / "heartbeat", every=0.0)
    fake_api.inject("getMe", "500")
    fake_api.inject("getMe", "drop")
    bot = Bot(TOKEN, base_url=fake_api.base_url, request=ResilientRequest(heartbeat, retries=2))
    async with bot:
        assert bot.username == fake_api.bot_username
    assert [c.fault for c in fake_api.calls_to("getMe")] == ["500", "drop", None]
    assert heartbeat.age() is not None


async def test_resilient_request_gives_up_after_its_retries(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    """After `retries` more 500s the error surfaces, and the failures write no heartbeat."""
    heartbeat = Heartbeat(tmp_path / "heartbeat", every=0.0)
    request = ResilientRequest(heartbeat, retries=2)
    async with Bot(TOKEN, base_url=fake_api.base_url, request=request) as bot:
        os.utime(heartbeat.path, (1000.0, 1000.0))
        fake_api.inject("getMe", "500", count=3)
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.get_me()
    assert [c.fault for c in fake_api.calls_to("getMe")] == [None, "500", "500", "500"]
    assert heartbeat.path.stat().st_mtime == 1000.0


async def test_resilient_request_does_not_resend_a_message_after_a_read_timeout(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    """A sendMessage whose reply timed out may have been delivered: it is not sent again."""
    request = ResilientRequest(Heartbeat(tmp_path / "heartbeat"), read_timeout=0.3)
    async with Bot(TOKEN, base_url=fake_api.base_url, request=request) as bot:
        fake_api.inject("sendMessage", "slow", delay=1.0)
        with pytest.raises(TimedOut):
            await bot.send_message(USER, "once")
    assert len(fake_api.calls_to("sendMessage")) == 1


async def test_resilient_request_repeats_an_idempotent_call_after_a_read_timeout(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    """getMe changes nothing on the server, so a timed-out one is simply asked again."""
    request = ResilientRequest(Heartbeat(tmp_path / "heartbeat"), read_timeout=0.3)
    async with Bot(TOKEN, base_url=fake_api.base_url, request=request) as bot:
        fake_api.inject("getMe", "slow", delay=1.0)
        assert (await bot.get_me()).id == fake_api.bot_id
    assert len(fake_api.calls_to("getMe")) >= 3


async def test_resilient_request_leaves_429_to_the_rate_limiter(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    """A 429 is not retried by the request class: it surfaces as RetryAfter at once."""
    heartbeat = Heartbeat(tmp_path / "heartbeat", every=0.0)
    request = ResilientRequest(heartbeat, retries=2)
    async with Bot(TOKEN, base_url=fake_api.base_url, request=request) as bot:
        fake_api.inject("getMe", "429", retry_after=3)
        with pytest.raises(RetryAfter) as info:
            await bot.get_me()
    assert info.value.retry_after.total_seconds() == 3  # type: ignore[union-attr]
    assert [c.fault for c in fake_api.calls_to("getMe")] == [None, "429"]


def test_redact_token_hides_it_in_messages_args_and_tracebacks() -> None:
    """The logging filter replaces the token wherever it appears in a record."""
    records = []
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{TOKEN}/getMe failed")
    except RuntimeError as exc:
        records.append(
            logging.LogRecord("x", logging.ERROR, __file__, 1, "boom %s", (TOKEN,), None)
        )
        records.append(
            logging.LogRecord(
                "x",
                logging.ERROR,
                __file__,
                1,
                "failed",
                (),
                (RuntimeError, exc, exc.__traceback__),
            )
        )
    redact = RedactToken(TOKEN)
    formatter = logging.Formatter()
    for record in records:
        assert redact.filter(record) is True
        text = formatter.format(record)
        assert TOKEN not in text and "[TOKEN]" in text


def test_redact_token_survives_a_percent_sign_in_the_traceback() -> None:
    """A traceback with the token and a % sign is folded in without re-formatting."""
    try:
        raise RuntimeError(f"100% failed at https://api.telegram.org/bot{TOKEN}/getMe")
    except RuntimeError as exc:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "error in %s", ("message",), (RuntimeError, exc, None)
        )
    assert RedactToken(TOKEN).filter(record) is True
    text = logging.Formatter().format(record)
    assert TOKEN not in text and text.startswith("error in message\n")


def test_setup_logging_quietens_httpx_and_redacts(tmp_path: Path) -> None:
    """setup_logging puts one redacting stderr handler on the root; httpx logs only warnings."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    saved_httpx = logging.getLogger("httpx").level, logging.getLogger("httpcore").level
    try:
        setup_logging("DEBUG", TOKEN)
        assert root.level == logging.DEBUG
        assert len(root.handlers) == 1
        assert any(isinstance(f, RedactToken) for f in root.handlers[0].filters)
        assert logging.getLogger("httpx").level == logging.WARNING
        assert logging.getLogger("httpcore").level == logging.WARNING
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        logging.getLogger("httpx").setLevel(saved_httpx[0])
        logging.getLogger("httpcore").setLevel(saved_httpx[1])


def test_every_callback_data_fits_in_64_bytes(store: Store) -> None:
    """Every button the store can produce has callback data Telegram accepts."""
    datas = [f"a:{e.id}" for e in store.entries] + [d for _, d in topic_buttons(store)]
    assert max(len(d.encode()) for d in datas) <= 64
