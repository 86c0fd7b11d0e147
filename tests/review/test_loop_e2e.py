"""The operator loop end to end: the real `python -m bot run` against FakeBotApi on 127.0.0.1.

A person asks, gets answers with 👍/👎, taps; a question is missed. Then, on that
data directory: `review` shows the miss, `--suggest` proposes a phrasing, `--apply`
adds it to a copy of the store, `/reload` picks it up, and the same question is
answered. Expected replies and targets come from the matcher, not hard-coded.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot import feedback, replies
from bot.matching import Kind, Matcher
from bot.review.suggest import SUGGEST_FLOOR
from bot.store import Entry, Store, load_store
from bot.strings import ENGLISH
from tests.bot_process import START_TIMEOUT, assert_clean_exit, running_bot
from tests.fake_bot_api import Call, FakeBotApi
from tests.test_e2e import Conversation, keyboard

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
USER = 1001  # also the admin
ASKER = 2002  # asks in a group, chat -2002
DATA = ROOT / "tests" / "data" / "eval.yaml"


def missed_question(matcher: Matcher) -> tuple[str, str]:
    """An eval question the store misses today with an entry close enough to suggest.

    In-scope questions first (their labelled entry is usually the nearest).
    """
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    for item in [*data["in_scope"], *data["out_of_scope"]]:
        match = matcher.match(item["q"])
        if (
            match.kind is Kind.FALLBACK
            and match.passage is None
            and match.suggestions
            and match.suggestions[0].score >= SUGGEST_FLOOR
        ):
            return item["q"], match.suggestions[0].intent
    pytest.fail("no eval question is missed with an entry close enough to suggest")


def review(data: Path, store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "review",
            "--data-dir",
            str(data),
            "--store",
            str(store),
            *args,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def rating_row(call: Call) -> list[tuple[str, str]]:
    rows = (call.params.get("reply_markup") or {}).get("inline_keyboard", [])
    every = [(b["text"], b["callback_data"]) for row in rows for b in row]
    return [(text, data) for text, data in every if data.startswith(feedback.PREFIX)]


def bot_message(api: FakeBotApi, text: str, edited: bool = False) -> dict[str, Any]:
    """The bot's latest message to USER with `text` (edited, if asked), once the fake holds it."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        mine = [
            m
            for m in api.messages(USER)
            if m["from"]["is_bot"] and m.get("text") == text and ("edit_date" in m or not edited)
        ]
        if mine:
            return mine[-1]
        time.sleep(0.02)
    pytest.fail(f"no bot message {text[:40]!r}")


def tap(api: FakeBotApi, data: str, message_id: int) -> Call:
    """Press a button on bot message `message_id`; return the callback's answer."""
    seen = {id(c) for c in list(api.calls)}
    api.callback_query(data, user_id=USER, message_id=message_id)
    return api.wait_for(lambda c: id(c) not in seen and c.method == "answerCallbackQuery")


def test_taps_are_logged_and_a_miss_becomes_an_answer_after_review_apply_and_reload(
    fake_api: FakeBotApi,
    tmp_path: Path,
    store_copy: Path,
    bot_env: Callable[..., dict[str, str]],
    *,
    store: Store,
    matcher: Matcher,
    answerable: list[tuple[str, Entry]],
) -> None:
    """👍 is logged once, a second tap records nothing; review --apply + /reload answers a miss."""
    api, talk = fake_api, Conversation(fake_api)
    data = tmp_path / "data"
    missed, target = missed_question(matcher)
    question, entry = answerable[0]
    env = bot_env(
        TELEGRAM_BOT_TOKEN=api.token,
        TELEGRAM_API_URL=api.base_url,
        BOT_DATA_DIR=str(data),
        BOT_ADMIN_IDS=str(USER),
        BOT_USER_LIMIT="100",
    )
    with running_bot(env, tmp_path, "--store", str(store_copy)) as bot:
        api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)

        # An answer carries the follow-ups, then 👍 👎; a tap thanks, logs, and collapses the pair.
        call = talk.message(question)
        expected = replies.entry_reply(store, entry)
        assert call.params["text"] == expected.text
        assert keyboard(call) == [(b.text, b.data) for row in expected.buttons for b in row]
        (up, up_data), (down, down_data) = rating_row(call)
        assert (up, down) == ("👍", "👎") and len(down_data.encode()) <= 64
        sent_id = bot_message(api, call.params["text"])["message_id"]
        ack = tap(api, up_data, sent_id)
        assert ack.params["text"] == ENGLISH["feedback_thanks"]
        edited = bot_message(api, call.params["text"], edited=True)
        assert edited["message_id"] == sent_id
        rows = edited["reply_markup"]["inline_keyboard"]
        assert rows[-1] == [{"text": "✓ thanks", "callback_data": "f:done"}]
        assert [[b["callback_data"] for b in r] for r in rows[:-1]] == [
            [b.data for b in row] for row in expected.buttons
        ]
        # A second tap, on "✓ thanks" or on the old 👎 of the same pair, records nothing.
        assert tap(api, "f:done", sent_id).params["text"] == ENGLISH["feedback_already"]
        assert tap(api, down_data, sent_id).params["text"] == ENGLISH["feedback_expired"]
        assert len(api.calls_to("editMessageReplyMarkup")) == 1

        # In a group too, under the answer that quotes the asker.
        call = talk.message(f"@{api.bot_username} {question}", user_id=ASKER, chat_id=-ASKER)
        assert len(rating_row(call)) == 2

        # A miss, asked twice: "not in the release", no rating buttons.
        for _ in range(2):
            call = talk.message(missed)
            assert call.params["text"] == replies.html(matcher.match(missed), store).text
            assert rating_row(call) == []

        stats = talk.message("/stats").params["text"]
        assert f"1. {missed} (2x)" in stats and f"{entry.id}: 1 / 0" in stats

        # The operator's loop, on the bot's own data directory.
        votes = [json.loads(x) for x in (data / "feedback.jsonl").read_text("utf-8").splitlines()]
        assert votes == [
            {
                "time": votes[0]["time"],
                "question": question,
                "entry": entry.id,
                "score": matcher.match(question).score,
                "verdict": "up",
                "language": "en",
            }
        ]
        shown = review(data, store_copy)
        assert shown.returncode == 0, shown.stderr
        assert f"1. {missed!r} - asked 2x: 2 unanswered" in shown.stdout
        assert "   now: not in the release" in shown.stdout
        assert f"  {entry.id}  1 / 0" in shown.stdout
        before = store_copy.read_bytes()
        suggested = review(data, store_copy, "--suggest")
        assert f"[1] {target}: group 1, asked 2x" in suggested.stdout
        assert store_copy.read_bytes() == before  # --suggest writes nothing
        applied = review(data, store_copy, "--apply", "1")
        assert applied.returncode == 0, applied.stderr
        assert f"{target}: added 1 phrasing\n  - {missed}\n" in applied.stdout
        edited_store = load_store(store_copy)
        target_entry = edited_store.entry(target)
        assert target_entry is not None and target_entry.questions[-1] == missed

        reloaded = talk.message("/reload").params["text"]
        assert reloaded == f"Reloaded: {len(store.entries)} entries."
        call = talk.message(missed)
        assert call.params["text"] == replies.entry_reply(edited_store, target_entry).text
        assert len(rating_row(call)) == 2
        fixed = review(data, store_copy)
        assert f"   now: answers {target} (" in fixed.stdout and " - fixed" in fixed.stdout
        assert_clean_exit(bot)

    assert str(USER) not in (data / "feedback.jsonl").read_text("utf-8")
    assert "Ann" not in (data / "feedback.jsonl").read_text("utf-8")


def test_bot_feedback_0_sends_answers_without_rating_buttons(
    fake_api: FakeBotApi,
    tmp_path: Path,
    store_path: Path,
    bot_env: Callable[..., dict[str, str]],
    answerable: list[tuple[str, Entry]],
) -> None:
    """BOT_FEEDBACK=0: the same answer, no 👍/👎, and no feedback.jsonl."""
    env = bot_env(
        TELEGRAM_BOT_TOKEN=fake_api.token,
        TELEGRAM_API_URL=fake_api.base_url,
        BOT_DATA_DIR=str(tmp_path / "data"),
        BOT_FEEDBACK="0",
    )
    with running_bot(env, tmp_path, "--store", str(store_path)) as bot:
        fake_api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
        call = Conversation(fake_api).message(answerable[0][0])
        expected = replies.entry_reply(load_store(store_path), answerable[0][1])
        assert call.params["text"] == expected.text
        assert rating_row(call) == []
        assert_clean_exit(bot)
    assert not (tmp_path / "data" / "feedback.jsonl").exists()
