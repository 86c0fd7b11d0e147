"""Tests proving tests/fake_bot_api.py speaks the Bot API well enough for real PTB.

Every test talks to the fake over real HTTP with python-telegram-bot's own
``telegram.Bot`` / ``Application`` (no mocking of PTB).  Async code runs via
``asyncio.run`` inside sync tests so no pytest-asyncio configuration is needed.
Each test is bounded to a few seconds.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Awaitable, Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)

from tests.fake_bot_api import Call, FakeBotApi, UploadedFile, decode_param

T = TypeVar("T")


def run(coro_fn: Callable[[], Awaitable[T]], limit: float = 15.0) -> T:
    """Run an async test body with a hard time bound."""

    async def bounded() -> T:
        return await asyncio.wait_for(coro_fn(), timeout=limit)

    return asyncio.run(bounded())


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as server:
        yield server


def make_bot(api: FakeBotApi, token: str | None = None) -> Bot:
    return Bot(token or api.token, base_url=api.base_url)


def retry_seconds(exc: RetryAfter) -> float:
    value = exc.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


# ---------------------------------------------------------------------------
# basic methods
# ---------------------------------------------------------------------------


def test_get_me_and_send_message(api: FakeBotApi) -> None:
    async def body() -> None:
        async with make_bot(api) as bot:  # initialize() calls getMe
            me = await bot.get_me()
            assert me.id == api.bot_id == 123456
            assert me.username == "release_test_bot" and me.is_bot
            markup = InlineKeyboardMarkup(
                [[InlineKeyboardButton("Ship it", callback_data="ship:1")]]
            )
            msg = await bot.send_message(chat_id=1001, text="123", reply_markup=markup)
            assert msg.text == "123" and msg.chat.id == 1001 and msg.chat.type == "private"
            assert msg.from_user is not None and msg.from_user.id == api.bot_id
            assert msg.reply_markup == markup
            second = await bot.send_message(chat_id=-1001, text="group hello")
            assert second.message_id > msg.message_id
            assert second.chat.type == "group"

    run(body)
    (call,) = api.delivered("sendMessage")[:1]
    assert call.params["chat_id"] == 1001
    assert call.params["text"] == "123"  # text params are never int-decoded
    assert call.raw["text"] == "123"
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "ship:1"
    assert [m["text"] for m in api.messages(1001)] == ["123"]
    assert len(api.calls_to("getMe")) == 2


def test_edit_delete_commands_and_misc(api: FakeBotApi) -> None:
    async def body() -> None:
        async with make_bot(api) as bot:
            msg = await bot.send_message(1001, "v1")
            edited = await bot.edit_message_text("v2", chat_id=1001, message_id=msg.message_id)
            assert isinstance(edited, object) and getattr(edited, "text", None) == "v2"
            with pytest.raises(BadRequest, match="not modified"):
                await bot.edit_message_text("v2", chat_id=1001, message_id=msg.message_id)
            kb = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="x")]])
            await bot.edit_message_reply_markup(
                chat_id=1001, message_id=msg.message_id, reply_markup=kb
            )
            assert await bot.delete_message(1001, msg.message_id) is True
            with pytest.raises(BadRequest, match="not found"):
                await bot.delete_message(1001, msg.message_id)
            with pytest.raises(BadRequest, match="text is empty"):
                await bot.send_message(1001, "")
            await bot.set_my_commands([("release", "Cut a release"), ("status", "Show status")])
            cmds = await bot.get_my_commands()
            assert [c.command for c in cmds] == ["release", "status"]
            await bot.delete_my_commands()
            assert await bot.get_my_commands() == ()
            assert await bot.send_chat_action(1001, "typing") is True
            assert await bot.answer_callback_query("42", text="done") is True
            assert await bot.answer_inline_query("7", results=[]) is True
            with pytest.raises(EndPointNotFound):
                await bot.do_api_request("noSuchMethod")

    run(body)
    assert api.calls_to("noSuchMethod")  # unknown methods are recorded too
    assert api.delivered("setMyCommands")[0].params["commands"][0] == {
        "command": "release",
        "description": "Cut a release",
    }
    assert api.messages(1001) == []


def test_wrong_token_is_unauthorized(api: FakeBotApi) -> None:
    async def body() -> None:
        bot = make_bot(api, token="999:wrong")
        with pytest.raises(InvalidToken):
            await bot.initialize()
        await bot.shutdown()

    run(body)
    assert api.calls == []


def test_multipart_upload_is_decoded(api: FakeBotApi) -> None:
    async def body() -> None:
        async with make_bot(api) as bot:
            msg = await bot.send_document(
                1001, document=b"changelog \xe2\x9c\x93", filename="CHANGES.md", caption="v1.2 ✓"
            )
            assert msg.document is not None and msg.document.file_name == "CHANGES.md"
            assert msg.caption == "v1.2 ✓"

    run(body)
    call = api.delivered("sendDocument")[0]
    doc = call.params["document"]
    assert isinstance(doc, UploadedFile)
    assert doc.filename == "CHANGES.md" and doc.data == b"changelog \xe2\x9c\x93"
    assert call.params["chat_id"] == 1001 and call.params["caption"] == "v1.2 ✓"


def test_decode_param_rules() -> None:
    assert decode_param("chat_id", "-1001") == -1001
    assert decode_param("disable_notification", "true") is True
    assert decode_param("allowed_updates", '["message"]') == ["message"]
    assert decode_param("reply_markup", '{"inline_keyboard": []}') == {"inline_keyboard": []}
    assert decode_param("text", "[1, 2]") == "[1, 2]"
    assert decode_param("text", "42") == "42"
    assert decode_param("callback_query_id", "123") == "123"
    assert decode_param("chat_id", "@channel") == "@channel"
    assert decode_param("x", "007") == "007"


# ---------------------------------------------------------------------------
# getUpdates
# ---------------------------------------------------------------------------


def test_long_poll_returns_injected_update(api: FakeBotApi) -> None:
    async def body() -> None:
        async with make_bot(api) as bot:
            started = time.monotonic()
            assert await bot.get_updates(timeout=1) == ()
            assert 0.8 < time.monotonic() - started < 3.0

            threading.Timer(0.3, lambda: api.user_message("/release 1.2")).start()
            started = time.monotonic()
            updates = await bot.get_updates(
                timeout=10, allowed_updates=["message", "callback_query"]
            )
            assert time.monotonic() - started < 3.0
            assert len(updates) == 1
            msg = updates[0].message
            assert msg is not None and msg.text == "/release 1.2" and msg.chat.id == 1001
            assert msg.entities[0].type == "bot_command" and msg.entities[0].length == 8
            assert msg.from_user is not None and msg.from_user.first_name == "Ann"

            # not confirmed yet -> returned again; confirmed by offset -> gone
            again = await bot.get_updates(timeout=0)
            assert [u.update_id for u in again] == [updates[0].update_id]
            assert await bot.get_updates(offset=updates[0].update_id + 1, timeout=0) == ()

    run(body)
    assert api.calls_to("getUpdates")[1].params["allowed_updates"] == ["message", "callback_query"]
    assert api.allowed_updates == {"message", "callback_query"}
    assert api.pending_updates == []


def test_offset_limit_and_update_kinds(api: FakeBotApi) -> None:
    ids = [
        api.add_update(
            {"message": {"message_id": 900 + i, "date": 0, "chat": {"id": 5, "type": "private"}}}
        )
        for i in range(4)
    ]
    assert ids == sorted(ids) and len(set(ids)) == 4
    cb = api.callback_query("ship:2", chat_id=-77)
    iq = api.inline_query("rel")
    group = api.user_message("hi all", user_id=5, chat_type="supergroup", reply_to_bot=True)

    async def body() -> None:
        async with make_bot(api) as bot:
            first_two = await bot.get_updates(limit=2)
            assert [u.update_id for u in first_two] == ids[:2]
            # negative offset keeps only the last N, forgetting everything before
            last = await bot.get_updates(offset=-3)
            assert [u.update_id for u in last] == [cb, iq, group]
            kinds = await bot.get_updates(offset=cb)
            assert kinds[0].callback_query is not None
            assert kinds[0].callback_query.data == "ship:2"
            cq_msg = kinds[0].callback_query.message
            assert cq_msg is not None and cq_msg.chat.id == -77
            assert kinds[1].inline_query is not None and kinds[1].inline_query.query == "rel"
            gmsg = kinds[2].message
            assert gmsg is not None and gmsg.chat.type == "supergroup" and gmsg.chat.id < 0
            assert gmsg.reply_to_message is not None
            assert gmsg.reply_to_message.from_user is not None
            assert gmsg.reply_to_message.from_user.id == api.bot_id

    run(body)


def test_stop_is_prompt_during_long_poll() -> None:
    api = FakeBotApi()
    api.start()
    url = f"{api.base_url}{api.token}/getUpdates?timeout=30"
    result: dict[str, Any] = {}

    def poll() -> None:
        try:
            with urllib.request.urlopen(url, timeout=10) as resp:
                result["body"] = json.loads(resp.read())
        except Exception as exc:  # connection closed by stop() is fine too
            result["error"] = exc

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    api.wait_for_count("getUpdates", 1, timeout=2)
    started = time.monotonic()
    api.stop()
    assert time.monotonic() - started < 2.0
    thread.join(timeout=3)
    assert not thread.is_alive()
    assert result.get("body", {"result": []})["result"] == []


# ---------------------------------------------------------------------------
# fault injection
# ---------------------------------------------------------------------------


def test_429_surfaces_as_retry_after(api: FakeBotApi, monkeypatch: pytest.MonkeyPatch) -> None:
    # Without PTB_TIMEDELTA, PTB 22 emits a deprecation warning when building RetryAfter,
    # which the project's ``filterwarnings = error`` would turn into the raised exception.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")

    async def body() -> None:
        async with make_bot(api) as bot:
            api.inject("sendMessage", "429", retry_after=7)
            with pytest.raises(RetryAfter) as info:
                await bot.send_message(1001, "flood")
            assert retry_seconds(info.value) == 7
            await bot.send_message(1001, "flood")

    run(body)
    calls = api.calls_to("sendMessage")
    assert [c.fault for c in calls] == ["429", None]
    assert len(api.delivered("sendMessage")) == 1
    assert api.messages(1001)[0]["text"] == "flood"


def test_500_drop_and_slow_faults(api: FakeBotApi) -> None:
    async def body() -> None:
        async with make_bot(api) as bot:
            api.inject("*", "500")
            with pytest.raises(NetworkError, match="Internal Server Error"):
                await bot.send_message(1001, "a")
            api.inject("sendMessage", "drop", count=2)
            for _ in range(2):
                with pytest.raises(NetworkError) as info:
                    await bot.send_message(1001, "b")
                assert not isinstance(info.value, TimedOut)
            api.inject("sendMessage", "slow", delay=0.6)
            started = time.monotonic()
            msg = await bot.send_message(1001, "c")
            assert time.monotonic() - started >= 0.55
            assert msg.text == "c"

    run(body)
    assert [c.fault for c in api.calls_to("sendMessage")] == ["500", "drop", "drop", "slow"]
    assert [c.params["text"] for c in api.delivered("sendMessage")] == ["c"]


def test_wait_for_reports_recent_calls_on_timeout(api: FakeBotApi) -> None:
    async def body() -> None:
        async with make_bot(api):
            pass

    run(body)
    with pytest.raises(AssertionError, match="getMe"):
        api.wait_for(lambda c: c.method == "sendMessage", timeout=0.3)
    assert api.wait_for(lambda c: c.method == "getMe", timeout=0.3).fault is None
    with pytest.raises(AssertionError, match="expected 2 calls to getMe"):
        api.wait_for_count("getMe", 2, timeout=0.2)


# ---------------------------------------------------------------------------
# webhook
# ---------------------------------------------------------------------------


class Receiver:
    """A tiny webhook endpoint: records (secret header, body); can fail the first N posts."""

    def __init__(self, secret: str, fail_first: int = 0) -> None:
        self.secret = secret
        self.fail_first = fail_first
        self.received: list[tuple[str | None, dict[str, Any]]] = []
        self.attempts = 0
        self.cond = threading.Condition()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                header = self.headers.get("X-Telegram-Bot-Api-Secret-Token")
                with outer.cond:
                    outer.attempts += 1
                    if header != outer.secret:
                        status = 403
                    elif outer.fail_first > 0:
                        outer.fail_first -= 1
                        status = 500
                    else:
                        status = 200
                        outer.received.append((header, body))
                        outer.cond.notify_all()
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def wait(self, n: int, timeout: float = 5.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        with self.cond:
            while len(self.received) < n:
                remaining = deadline - time.monotonic()
                assert remaining > 0, f"only {len(self.received)} webhook posts received"
                self.cond.wait(remaining)
            return [b for _, b in self.received]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=3)


def test_webhook_delivery_with_secret_and_retry(api: FakeBotApi) -> None:
    receiver = Receiver(secret="s3cr3t", fail_first=2)
    try:
        first = api.user_message("queued before webhook")

        async def body() -> None:
            async with make_bot(api) as bot:
                assert await bot.set_webhook(receiver.url, secret_token="s3cr3t") is True
                second = api.user_message("/status")
                bodies = await asyncio.to_thread(receiver.wait, 2)
                assert [b["update_id"] for b in bodies] == [first, second]
                assert bodies[1]["message"]["text"] == "/status"
                assert Update.de_json(bodies[1], bot).message is not None
                assert all(h == "s3cr3t" for h, _ in receiver.received)
                assert receiver.attempts >= 4  # two 500s were retried

                # The fake marks a delivery done just after the receiver has it.
                for _ in range(50):
                    info = await bot.get_webhook_info()
                    if info.pending_update_count == 0:
                        break
                    await asyncio.sleep(0.05)
                assert info.url == receiver.url and info.pending_update_count == 0
                assert info.last_error_message is None or "500" in info.last_error_message
                with pytest.raises(Conflict):
                    await bot.get_updates(timeout=0)

                assert api.post_raw_webhook({"update_id": 1}, secret="nope") == 403
                assert api.post_raw_webhook({"update_id": 1}, secret=None) == 403
                assert api.post_raw_webhook({"update_id": 1}, secret="s3cr3t") == 200

                assert await bot.delete_webhook(drop_pending_updates=True) is True
                api.user_message("polled again")
                updates = await bot.get_updates(timeout=1)
                assert [u.message.text for u in updates if u.message] == ["polled again"]
                assert (await bot.get_webhook_info()).url == ""

        run(body)
        assert api.delivered("setWebhook")[0].params["secret_token"] == "s3cr3t"
    finally:
        receiver.close()


# ---------------------------------------------------------------------------
# a real PTB Application, polling
# ---------------------------------------------------------------------------


def test_application_polling_end_to_end(api: FakeBotApi) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="go")]])
        await update.effective_message.reply_text(f"hello {context.args}", reply_markup=keyboard)

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("ok")
        await query.edit_message_text(f"pressed {query.data}")

    async def body() -> None:
        app = Application.builder().token(api.token).base_url(api.base_url).build()
        app.add_handler(CommandHandler("start", start))
        app.add_handler(CallbackQueryHandler(pressed))
        async with app:
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(
                timeout=1, poll_interval=0, allowed_updates=Update.ALL_TYPES
            )
            api.user_message("/start now")
            sent: Call = await asyncio.to_thread(
                api.wait_for, lambda c: c.method == "sendMessage" and c.delivered, 5.0
            )
            assert sent.params["text"] == "hello ['now']"
            api.callback_query("go")
            edit = await asyncio.to_thread(
                api.wait_for, lambda c: c.method == "editMessageText", 5.0
            )
            assert edit.params["text"] == "pressed go"
            await asyncio.to_thread(api.wait_for, lambda c: c.method == "answerCallbackQuery", 5.0)
            started = time.monotonic()
            await app.updater.stop()
            await app.stop()
            assert time.monotonic() - started < 3.0

    run(body)
    assert api.calls_to("deleteWebhook")  # PTB's polling bootstrap
    assert [m["text"] for m in api.messages(1001) if m["from"]["id"] == api.bot_id] == [
        "pressed go"
    ]
    assert api.pending_updates == []  # the final cleanup getUpdates confirmed everything


# ---------------------------------------------------------------------------
# outages
# ---------------------------------------------------------------------------


def test_502_outage_of_one_method_fails_it_and_serves_the_rest(api: FakeBotApi) -> None:
    """During a sendMessage outage, sends get 502 (recorded as "outage"), getMe still works."""

    async def body() -> None:
        async with make_bot(api) as bot:
            api.begin_outage("502", methods=("sendMessage",))
            with pytest.raises(NetworkError, match="Bad Gateway"):
                await bot.send_message(1001, "lost")
            assert (await bot.get_me()).id == api.bot_id
            api.end_outage()
            assert (await bot.send_message(1001, "back")).text == "back"

    run(body)
    assert [c.fault for c in api.calls_to("sendMessage")] == ["outage", None]
    assert [m["text"] for m in api.messages(1001)] == ["back"]


def test_502_outage_cuts_a_pending_long_poll_short(api: FakeBotApi) -> None:
    """A long poll waiting when an outage begins ends at once with a 502."""

    async def body() -> None:
        async with make_bot(api) as bot:
            poll = asyncio.create_task(bot.get_updates(timeout=10))
            await asyncio.sleep(0.3)
            started = time.monotonic()
            api.begin_outage()
            with pytest.raises(NetworkError, match="Bad Gateway"):
                await poll
            assert time.monotonic() - started < 2.0

    run(body)


def test_refused_outage_closes_the_port_and_reopens_the_same_one(api: FakeBotApi) -> None:
    """ "refuse" closes the port (nothing recorded); end_outage serves on the same port again."""
    port = api.port

    async def body() -> None:
        async with make_bot(api) as bot:
            calls = len(api.calls)
            api.begin_outage("refuse")
            with pytest.raises(NetworkError):
                await bot.get_me()
            assert len(api.calls) == calls
            api.end_outage()
            assert (await bot.get_me()).id == api.bot_id

    run(body)
    assert api.port == port


def test_outage_arguments_are_checked(api: FakeBotApi) -> None:
    with pytest.raises(ValueError, match="unknown outage"):
        api.begin_outage("503")
    with pytest.raises(ValueError, match="covers every method"):
        api.begin_outage("refuse", methods=("sendMessage",))


def test_a_new_outage_replaces_the_current_one(api: FakeBotApi) -> None:
    """sendMessage down, then everything down, with no gap in between."""

    async def body() -> None:
        async with make_bot(api) as bot:
            api.begin_outage("502", methods=("sendMessage",))
            assert (await bot.get_me()).id == api.bot_id
            api.begin_outage("502")
            with pytest.raises(NetworkError, match="Bad Gateway"):
                await bot.get_me()
            api.end_outage()
            assert (await bot.get_me()).id == api.bot_id

    run(body)
