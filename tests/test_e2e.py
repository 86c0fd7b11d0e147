"""End to end: the real `python -m bot run` process against FakeBotApi on 127.0.0.1.

Expected replies come from the matcher and reply builders run in-process on the
same store snapshot the process loads, so no score or threshold is hard-coded.
Every wait is bounded, and every process is stopped in a `finally` by its pid.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot import replies
from bot.matching import Matcher
from bot.store import Entry, Store, load_store
from bot.telegram.app import COMMANDS
from tests.bot_process import (
    ROOT,
    START_TIMEOUT,
    BotProcess,
    Launch,
    assert_clean_exit,
    free_port,
    make_launch,
)
from tests.fake_bot_api import Call, FakeBotApi
from tests.support import PHOTO, STICKER

pytestmark = pytest.mark.e2e


USER = 1001  # also the admin
ASKER = 2002  # asks in a group, chat -2002
GROUP = -ASKER


# --- Running the bot --------------------------------------------------------------------


@pytest.fixture
def launch(
    fake_api: FakeBotApi, tmp_path: Path, store_path: Path, bot_env: Callable[..., dict[str, str]]
) -> Launch:
    """`launch(*args, **env)`: the bot on the store snapshot, talking to `fake_api`."""
    return make_launch(fake_api, tmp_path / "data", tmp_path, store_path, bot_env)


# --- Talking to it ------------------------------------------------------------------------


class Conversation:
    """Sends one thing at a time and waits for the bot's next matching call."""

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api

    def _after(self, act: Callable[[], Any], want: Callable[[Call], bool]) -> Call:
        seen = {id(c) for c in list(self.api.calls)}
        act()
        return self.api.wait_for(lambda c: id(c) not in seen and c.delivered and want(c))

    def message(
        self, text: str, *, user_id: int = USER, chat_id: int | None = None, **kw: Any
    ) -> Call:
        chat = user_id if chat_id is None else chat_id
        chat_type = "private" if chat > 0 else "group"

        def act() -> None:
            self.api.user_message(text, user_id=user_id, chat_type=chat_type, **kw)

        return self._after(act, lambda c: sent_to(c, chat))

    def tap(self, data: str, *, user_id: int = USER) -> tuple[Call, Call]:
        """Press a button on the bot's latest message; return (answerCallbackQuery, reply)."""
        seen = {id(c) for c in list(self.api.calls)}
        self.api.callback_query(data, user_id=user_id)
        ack = self.api.wait_for(
            lambda c: id(c) not in seen and c.method == "answerCallbackQuery" and c.delivered
        )
        reply = self.api.wait_for(lambda c: id(c) not in seen and sent_to(c, user_id))
        return ack, reply

    def stale_tap(self, data: str, *, user_id: int = USER) -> Call:
        """Press a button that means nothing any more; return the answerCallbackQuery."""
        return self._after(
            lambda: self.api.callback_query(data, user_id=user_id),
            lambda c: c.method == "answerCallbackQuery",
        )

    def inline(self, query: str) -> Call:
        return self._after(
            lambda: self.api.inline_query(query, user_id=USER),
            lambda c: c.method == "answerInlineQuery",
        )

    def last_from(self, chat_id: int, user_id: int) -> dict[str, Any]:
        mine = [m for m in self.api.messages(chat_id) if m["from"]["id"] == user_id]
        return mine[-1]


def sent_to(call: Call, chat_id: int) -> bool:
    return call.method == "sendMessage" and call.delivered and call.params["chat_id"] == chat_id


def keyboard(call: Call) -> list[tuple[str, str]]:
    """(text, data) of each button but 👍/👎 (tests/review/test_loop_e2e.py checks those)."""
    markup = call.params.get("reply_markup") or {"inline_keyboard": []}
    every = [(b["text"], b["callback_data"]) for row in markup["inline_keyboard"] for b in row]
    return [(text, data) for text, data in every if not data.startswith("f:")]


def expect(call: Call, reply: replies.Reply) -> None:
    """The call sent exactly `reply`, in HTML."""
    assert call.params["text"] == reply.text
    assert call.params["parse_mode"] == "HTML"
    assert keyboard(call) == [(b.text, b.data) for row in reply.buttons for b in row]


def quoted(call: Call) -> int | None:
    params = call.params.get("reply_parameters")
    return params["message_id"] if isinstance(params, dict) else None


def inline_ids(store: Store, matcher: Matcher, query: str) -> list[str]:
    return [
        c.intent
        for c in matcher.candidates(query)[:5]
        if store.entry(c.intent) and c.score >= store.settings.clarify_threshold
    ]


# --- The scripted conversation ------------------------------------------------------------


def test_polling_conversation_answers_everything_right_then_stops_cleanly(
    fake_api: FakeBotApi,
    launch: Launch,
    tmp_path: Path,
    *,
    store: Store,
    matcher: Matcher,
    answerable: list[tuple[str, Entry]],
    clarify_question: str,
    fallback_question: str,
) -> None:
    """30 private, group and inline exchanges get the right replies; health is green; SIGTERM."""
    api = fake_api
    talk = Conversation(api)
    kinds: Counter[str] = Counter()  # what /stats should count
    private_replies = 0

    def answered(question: str, **kw: Any) -> Call:
        nonlocal private_replies
        call = talk.message(question, **kw)
        match = matcher.match(question)
        expect(call, replies.html(match, store))
        kinds[match.kind.value] += 1
        private_replies += call.params["chat_id"] == USER
        return call

    def reply(call: Call, expected: replies.Reply) -> None:
        nonlocal private_replies
        expect(call, expected)
        private_replies += 1

    # One person drives the whole script, so the flood limit is raised above its length.
    with launch(BOT_ADMIN_IDS=str(USER), BOT_LOG_LEVEL="DEBUG", BOT_USER_LIMIT="100") as bot:
        api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
        assert api.my_commands() == [{"command": c, "description": d} for c, d in COMMANDS]

        # 1-4: commands and browsing.
        reply(talk.message("/start"), replies.start_reply(store))
        reply(talk.message("/help"), replies.help_reply(store))
        reply(talk.message("/topics"), replies.topics_reply(store))
        ack, call = talk.tap("t:0")
        assert "text" not in ack.params
        reply(call, replies.topic_reply(store, 0))

        # 5-6: a covered question, then its first follow-up button.
        question, entry = next((q, e) for q, e in answerable if e.follow_ups)
        call = answered(question)
        assert html.escape(entry.answer, quote=False) in call.params["text"]
        follow = store.entry(keyboard(call)[0][1].removeprefix("a:"))
        assert follow is not None
        reply(talk.tap(f"a:{follow.id}")[1], replies.entry_reply(store, follow))
        kinds["answer"] += 1

        # 7-11: a close call, a tap on its first suggestion, "None of these", a stale button.
        call = answered(clarify_question)
        assert call.params["text"] == "Did you mean…?"
        suggested = store.entry(keyboard(call)[0][1].removeprefix("a:"))
        assert suggested is not None
        ack, call = talk.tap(f"a:{suggested.id}")
        assert "text" not in ack.params
        reply(call, replies.entry_reply(store, suggested))
        kinds["answer"] += 1
        answered(clarify_question)
        reply(talk.tap("none")[1], replies.not_found(store))
        stale = talk.stale_tap("a:gone")
        assert stale.params["text"] == "That button has expired; please ask again."

        # 12-21: uncovered, small talk, bad input, non-text.
        answered(fallback_question)
        answered("hi")
        answered(("how many flights " * 700)[:10_000])
        answered("✈️✈️ flights 🇰🇿→🇰🇷??? 🤔")
        answered("how many\x07 flights\x1b[31m are\u200b there?\x7f")
        call = answered("<script>alert('x')</script> & <b>who met whom</b>?")
        assert "<script>" not in call.params["text"]
        answered("&lt;b&gt; &amp; &#0; <<>>")
        for extra in (STICKER, PHOTO):
            reply(talk.message("", extra=extra), replies.Reply(replies.NOT_TEXT))
        reply(talk.message("/frobnicate"), replies.Reply(replies.NOT_TEXT))

        # 22: the whole release (one message per chunk).
        chunks = replies.source_chunks(store)
        before = len(api.calls_to("sendMessage"))
        assert talk.message("/source").params["text"] == chunks[0]
        calls = api.wait_for_count("sendMessage", before + len(chunks))[before:]
        assert [c.params["text"] for c in calls] == chunks
        private_replies += len(chunks)

        # 23-24: inline mode, typed and empty.
        call = talk.inline(question)
        assert [r["id"] for r in call.params["results"]] == inline_ids(store, matcher, question)
        call = talk.inline("")
        assert [r["title"] for r in call.params["results"]] == list(store.topics)
        kinds["inline"] += 2

        # 25-29: a group: silence unless addressed, then answers quoting the asker.
        group_question = answerable[1][0]
        api.user_message(group_question, user_id=ASKER, chat_type="group")
        unaddressed = talk.last_from(GROUP, ASKER)["message_id"]
        for text, kw in [
            (f"@{api.bot_username} {group_question}", {}),
            (group_question, {"reply_to_bot": True}),
            (f"/ask {group_question}", {}),
            (f"/ask@{api.bot_username} {group_question}", {}),
        ]:
            call = talk.message(text, user_id=ASKER, chat_id=GROUP, **kw)
            assert quoted(call) == talk.last_from(GROUP, ASKER)["message_id"]
            expect(call, replies.html(matcher.match(group_question), store))
            kinds[matcher.match(group_question).kind.value] += 1

        # 30: the admin's /stats counts exactly what was asked.
        call = talk.message("/stats")
        private_replies += 1
        counts = ", ".join(
            f"{name}: {kinds[name]}"
            for name in ("answer", "clarify", "fallback", "smalltalk", "inline", "rate_limited")
        )
        first = call.params["text"].splitlines()[0]
        assert re.fullmatch(rf"Since start \(0\.\d h\): {counts}", first)

        health = bot.health()
        assert health.returncode == 0, health.stderr
        assert health.stdout.startswith("healthy: last heartbeat")
        time.sleep(0.3)  # let any stray reply arrive before counting
        assert_clean_exit(bot)

    delivered = api.delivered("sendMessage")
    assert sum(c.params["chat_id"] == USER for c in delivered) == private_replies
    assert sum(c.params["chat_id"] == GROUP for c in delivered) == 4
    assert not any(quoted(c) == unaddressed for c in delivered)
    assert len(api.delivered("answerCallbackQuery")) == 5
    logged = (tmp_path / "data" / "unanswered.jsonl").read_text(encoding="utf-8")
    assert json_texts(logged).count(fallback_question) == 1
    assert str(USER) not in logged


def json_texts(jsonl: str) -> list[str]:
    return [json.loads(line)["text"] for line in jsonl.splitlines()]


# --- Faults -------------------------------------------------------------------------------


def test_faults_on_send_and_poll_lose_and_duplicate_nothing(
    fake_api: FakeBotApi,
    launch: Launch,
    *,
    store: Store,
    matcher: Matcher,
    answerable: list[tuple[str, Entry]],
) -> None:
    """500s, 429s, drops and slow replies on sendMessage/getUpdates: each question answered once."""
    api = fake_api
    with launch() as bot:
        api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
        for fault in ("500", "429", "drop", "slow", "500"):
            api.inject("getUpdates", fault, retry_after=1, delay=1.0)
        for fault in ("500", "drop", "429", "slow", "500", "drop", "slow", "500"):
            api.inject("sendMessage", fault, retry_after=1, delay=1.0)

        asked: dict[int, str] = {}
        for wave in range(2):
            for i in range(6):
                user_id = 3000 + wave * 100 + i
                question = answerable[(wave * 6 + i) % len(answerable)][0]
                if i % 3 == 2:  # some in groups, addressed by mention
                    api.user_message(
                        f"@{api.bot_username} {question}", user_id=user_id, chat_type="group"
                    )
                    asked[-user_id] = question
                else:
                    api.user_message(question, user_id=user_id)
                    asked[user_id] = question
            if wave == 0:  # the second wave waits behind the getUpdates faults
                api.wait_for(lambda c: c.method == "getUpdates" and c.fault is not None)

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            counts = Counter(c.params["chat_id"] for c in api.delivered("sendMessage"))
            if all(counts[chat] for chat in asked):
                break
            time.sleep(0.1)
        time.sleep(1.5)  # long enough for a retried duplicate to show up
        counts = Counter(c.params["chat_id"] for c in api.delivered("sendMessage"))
        assert {chat: counts[chat] for chat in asked} == dict.fromkeys(asked, 1), api.summary(40)
        assert set(counts) == set(asked)
        for call in api.delivered("sendMessage"):
            question = asked[call.params["chat_id"]]
            expect(call, replies.html(matcher.match(question), store))
        faults = Counter((c.method, c.fault) for c in api.calls if c.fault)
        assert faults[("sendMessage", "500")] == 3 and faults[("sendMessage", "drop")] == 2
        assert faults[("sendMessage", "429")] == 1 and faults[("sendMessage", "slow")] == 2
        assert faults[("getUpdates", "429")] == 1 and faults[("getUpdates", "drop")] == 1
        assert api.pending_updates == []
        assert_clean_exit(bot)


# --- Webhook -------------------------------------------------------------------------------


def test_webhook_answers_delivered_updates_and_refuses_a_wrong_secret(
    fake_api: FakeBotApi,
    launch: Launch,
    *,
    store: Store,
    matcher: Matcher,
    answerable: list[tuple[str, Entry]],
) -> None:
    """--webhook: delivered updates are answered; a POST with a wrong secret gets 403, no reply."""
    api = fake_api
    port, health_port = free_port(), free_port()
    secret = "e2e-Secret_42"
    talk = Conversation(api)
    with launch(
        "--webhook",
        BOT_WEBHOOK_URL=f"http://127.0.0.1:{port}/telegram",
        BOT_WEBHOOK_SECRET=secret,
        BOT_LISTEN="127.0.0.1",
        PORT=str(port),
        BOT_HEALTH_PORT=str(health_port),
    ) as bot:
        set_webhook = api.wait_for(lambda c: c.method == "setWebhook", timeout=START_TIMEOUT)
        assert set_webhook.params["url"] == f"http://127.0.0.1:{port}/telegram"
        assert set_webhook.params["secret_token"] == secret
        question, entry = answerable[0]
        expect(talk.message(question), replies.entry_reply(store, entry))
        expect(talk.message("hi", user_id=USER + 1), replies.html(matcher.match("hi"), store))
        call = talk.message(f"@{api.bot_username} {question}", user_id=ASKER, chat_id=GROUP)
        assert quoted(call) == talk.last_from(GROUP, ASKER)["message_id"]
        call = talk.inline(question)
        assert [r["id"] for r in call.params["results"]] == inline_ids(store, matcher, question)

        forged = {
            "update_id": 999_000_001,
            "message": {
                "message_id": 77,
                "from": {"id": 4004, "is_bot": False, "first_name": "Mallory"},
                "chat": {"id": 4004, "type": "private", "first_name": "Mallory"},
                "date": int(time.time()),
                "text": question,
            },
        }
        assert api.post_raw_webhook(forged, "wrong") == 403
        assert api.post_raw_webhook({**forged, "update_id": 999_000_002}, None) == 403
        genuine = {
            **forged,
            "update_id": 999_000_003,
            "message": {
                **forged["message"],
                "chat": {"id": 4005, "type": "private", "first_name": "Ann"},
            },
        }
        assert api.post_raw_webhook(genuine, secret) == 200
        api.wait_for(lambda c: sent_to(c, 4005))
        time.sleep(0.3)
        assert not any(sent_to(c, 4004) for c in api.calls)

        health = bot.health()
        assert health.returncode == 0, health.stderr
        with urllib.request.urlopen(f"http://127.0.0.1:{health_port}/healthz", timeout=5) as got:
            assert got.status == 200
            assert got.read().decode().startswith("healthy: last heartbeat")
        assert_clean_exit(bot)


# --- Reload by signal ------------------------------------------------------------------------


def wait_for_log(bot: BotProcess, text: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while text not in bot.stderr():
        assert time.monotonic() < deadline, f"{text!r} not logged:\n{bot.stderr()[-2000:]}"
        time.sleep(0.05)


def test_sighup_reloads_an_edited_store_and_keeps_the_old_one_if_broken(
    fake_api: FakeBotApi,
    launch: Launch,
    tmp_path: Path,
    *,
    store_path: Path,
    store: Store,
    answerable: list[tuple[str, Entry]],
) -> None:
    """SIGHUP re-reads the store: new phrasings answer; a broken file is refused, bot goes on."""
    shutil.copytree(store_path.parent, tmp_path / "store")
    writable = tmp_path / "store" / store_path.name
    talk = Conversation(fake_api)
    new_question = "zebra crossing quiz"
    with launch(store=writable) as bot:
        fake_api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
        before = talk.message(new_question)
        expect(before, replies.html(Matcher(store).match(new_question), store))

        data = yaml.safe_load(writable.read_text(encoding="utf-8"))
        data["entries"][0]["questions"].append(new_question)
        writable.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        edited = load_store(writable)
        bot.proc.send_signal(signal.SIGHUP)
        wait_for_log(bot, f"store reloaded: {len(edited.entries)} entries")
        expect(talk.message(new_question), replies.entry_reply(edited, edited.entries[0]))

        writable.write_text("entries: [unclosed\n", encoding="utf-8")
        bot.proc.send_signal(signal.SIGHUP)
        wait_for_log(bot, "reload refused:")
        expect(talk.message(new_question), replies.entry_reply(edited, edited.entries[0]))
        question, entry = answerable[0]
        expect(talk.message(question), replies.entry_reply(edited, entry))
        assert_clean_exit(bot)


# --- Start-up failures ----------------------------------------------------------------------


STARTUP_FAILURES = {
    "missing-token": (
        [],
        {"TELEGRAM_BOT_TOKEN": ""},
        "release-bot: TELEGRAM_BOT_TOKEN is not set (get one from @BotFather)",
    ),
    "malformed-token": (
        [],
        {"TELEGRAM_BOT_TOKEN": "not-a-token"},
        "release-bot: TELEGRAM_BOT_TOKEN is malformed (expected digits, a colon, then letters)",
    ),
    "invalid-store": (
        ["--store", "/nonexistent"],
        {},
        "release-bot: invalid store: /nonexistent: store file not found",
    ),
    "bad-port": (
        ["--webhook"],
        {
            "PORT": "abc",
            "BOT_WEBHOOK_URL": "http://127.0.0.1:9/telegram",
            "BOT_WEBHOOK_SECRET": "s3cr3t",
        },
        "release-bot: PORT must be a number from 1 to 65535, not 'abc'",
    ),
}


@pytest.mark.parametrize("case", list(STARTUP_FAILURES))
def test_startup_failure_is_exit_2_and_one_line_before_any_request(
    fake_api: FakeBotApi,
    tmp_path: Path,
    *,
    store_path: Path,
    bot_env: Callable[..., dict[str, str]],
    case: str,
) -> None:
    """A missing/malformed token, a bad store or a bad setting: exit 2, one stderr line, no call."""
    args, settings, line = STARTUP_FAILURES[case]
    store_args = [] if "--store" in args else ["--store", str(store_path)]
    env = bot_env(
        **{
            "TELEGRAM_BOT_TOKEN": fake_api.token,
            "TELEGRAM_API_URL": fake_api.base_url,
            "BOT_DATA_DIR": str(tmp_path / "data"),
            **settings,
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run", *store_args, *args],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [line]
    assert fake_api.calls == []
    assert "not-a-token" not in result.stderr


def test_token_rejected_by_the_server_ends_with_one_line_and_no_token(
    fake_api: FakeBotApi,
    tmp_path: Path,
    *,
    store_path: Path,
    bot_env: Callable[..., dict[str, str]],
) -> None:
    """A well-formed token the Bot API refuses (401): exit 2, a one-line reason, token hidden."""
    wrong = "999999:wrong-but-well-formed"
    env = bot_env(
        TELEGRAM_BOT_TOKEN=wrong,
        TELEGRAM_API_URL=fake_api.base_url,
        BOT_DATA_DIR=str(tmp_path / "data"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--store", str(store_path)],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "release-bot: the Bot API rejected TELEGRAM_BOT_TOKEN"
    assert wrong not in result.stderr and wrong.split(":")[1] not in result.stderr


def test_health_is_red_before_the_bot_ever_ran(
    tmp_path: Path, bot_env: Callable[..., dict[str, str]]
) -> None:
    """`python -m bot health` exits 1 with one line when there is no heartbeat."""
    result = subprocess.run(
        [sys.executable, "-m", "bot", "health"],
        check=False,
        cwd=ROOT,
        env=bot_env(BOT_DATA_DIR=str(tmp_path / "empty")),
        capture_output=True,
        text=True,
        timeout=15,
    )
    assert (result.returncode, result.stderr) == (1, "unhealthy: no heartbeat yet\n")
