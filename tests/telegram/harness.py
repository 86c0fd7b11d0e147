"""Telegram faked at the HTTP boundary, for the handler and wiring tests.

`RecordingRequest` answers the few methods the bot is allowed to use; any other
method is refused and reported, and the `make_bot` fixture (tests/telegram/conftest.py)
fails the test. Factories build Bot API update dicts; `Harness` feeds them to the real
application built by `build_application`.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import time
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from telegram import Update
from telegram.request import BaseRequest, RequestData

from bot.config import Config
from bot.store import Entry, Store
from bot.telegram.context import BotApplication, BotState, state_of
from tests.fake_bot_api import decode_param, text_entities

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

    Only getMe, sendMessage, answerCallbackQuery, answerInlineQuery,
    setMyCommands and editMessageReplyMarkup are served; any other method gets
    a 404 and is listed in `unexpected`. `fail(method, code, description)` makes the next call fail.
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
        elif name in (
            "answerCallbackQuery",
            "answerInlineQuery",
            "setMyCommands",
            "editMessageReplyMarkup",
        ):
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
    """A `message` update; entities as Telegram marks them (/command, mentions, e-mails)."""
    body: dict[str, Any] = {
        "message_id": next(_ids),
        "from": user(user_id),
        "chat": chat(user_id if chat_id is None else chat_id),
        "date": NOW,
    }
    if text is not None:
        body["text"] = text
        entities = text_entities(text)
        if text.startswith("/"):
            length = len(text.split()[0].encode("utf-16-le")) // 2
            entities.insert(0, {"type": "bot_command", "offset": 0, "length": length})
        if entities:
            body["entities"] = entities
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


def tap_on(params: dict[str, Any], data: str, user_id: int = USER) -> dict[str, Any]:
    """A callback update from a tap on the message the bot sent with `params`."""
    message = {
        "message_id": next(_ids),
        "from": {"id": 123456, "is_bot": True, "first_name": "Bot", "username": "release_test_bot"},
        "chat": chat(int(params["chat_id"])),
        "date": NOW,
        "text": "the answer",
        "reply_markup": params["reply_markup"],
    }
    query = {
        "id": str(next(_ids)),
        "from": user(user_id),
        "chat_instance": "1",
        "data": data,
        "message": message,
    }
    return {"update_id": next(_ids), "callback_query": query}


def inline(query: str, *, user_id: int = USER) -> dict[str, Any]:
    body = {"id": str(next(_ids)), "from": user(user_id), "query": query, "offset": ""}
    return {"update_id": next(_ids), "inline_query": body}


# --- Harness -------------------------------------------------------------------------------


@dataclass
class Harness:
    app: BotApplication
    request: RecordingRequest
    updates_request: RecordingRequest
    config: Config
    started: list[Call] = field(default_factory=list)

    @property
    def state(self) -> BotState:
        return state_of(self.app)

    async def feed(self, update: dict[str, Any]) -> list[Call]:
        """Process one update; return the Bot API calls it caused."""
        start = len(self.request.calls)
        await self.app.process_update(Update.de_json(update, self.app.bot))
        return self.request.calls[start:]

    async def say(self, text: str | None, **kwargs: Any) -> list[Call]:
        return await self.feed(message(text, **kwargs))


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
    """(text, callback_data) of each button but the 👍/👎 row; each row holds one button.

    The 👍/👎 row is read by `feedback_row` (tests/telegram/test_feedback.py).
    """
    if "reply_markup" not in params:
        return []
    rows = [r for r in params["reply_markup"]["inline_keyboard"] if r not in feedback_rows(params)]
    assert all(len(row) == 1 for row in rows)
    result = [(row[0]["text"], row[0]["callback_data"]) for row in rows]
    for text, data in result:
        assert len(text) <= 60 and len(data.encode()) <= 64
    return result


def feedback_rows(params: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The rows of 👍/👎 (or "✓ thanks") buttons under a message."""
    rows = (params.get("reply_markup") or {}).get("inline_keyboard", [])
    return [r for r in rows if any(b["callback_data"].startswith("f:") for b in r)]


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
