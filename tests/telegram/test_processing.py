"""InboxProcessor with the real application, the real inbox and the fake Bot API over HTTP."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.config import Config
from bot.store import Entry, Store
from bot.telegram.app import build
from bot.telegram.inbox import Inbox
from bot.telegram.serve import Parts
from tests.fake_bot_api import FakeBotApi
from tests.telegram.harness import message

Question = Callable[[str], Update]
READ_ONLY = "attempt to write a readonly database"


@pytest.fixture
async def parts(
    fake_api: FakeBotApi, make_config: Callable[..., Config], store: Store, tmp_path: Path
) -> AsyncIterator[Parts]:
    config = make_config(api_url=fake_api.base_url, reply_max_age=5.0)
    built = build(config, store, inbox=Inbox(tmp_path / "inbox.sqlite3", cap=100))
    await built.app.initialize()
    yield built
    await built.app.shutdown()
    assert built.inbox is not None
    built.inbox.close()


@pytest.fixture
def question(parts: Parts) -> Question:
    return lambda text: Update.de_json(message(text), parts.app.bot)


async def handle(parts: Parts, update: Update) -> None:
    """Hand an update to the processor exactly as the application does."""
    await parts.processor.process_update(update, parts.app.process_update(update))


def pending_ids(parts: Parts) -> list[int]:
    assert parts.inbox is not None
    return [p.update_id for p in parts.inbox.pending()]


async def test_an_update_is_answered_once_and_marked_done(
    parts: Parts, fake_api: FakeBotApi, question: Question, answerable: list[tuple[str, Entry]]
) -> None:
    """The same update_id handed over twice (Telegram re-delivering it) is answered once."""
    update = question(answerable[0][0])
    await handle(parts, update)
    await handle(parts, update)
    assert len(fake_api.delivered("sendMessage")) == 1
    assert pending_ids(parts) == []


async def test_concurrent_copies_of_one_update_are_answered_once(
    parts: Parts, fake_api: FakeBotApi, question: Question, answerable: list[tuple[str, Entry]]
) -> None:
    """A copy arriving while the first is still being handled is skipped."""
    update = question(answerable[0][0])
    fake_api.inject("sendMessage", "slow", delay=0.5)
    await asyncio.gather(handle(parts, update), handle(parts, update))
    assert len(fake_api.calls_to("sendMessage")) == 1


async def test_a_reply_waits_out_an_outage_with_one_log_line_each_way(
    parts: Parts,
    fake_api: FakeBotApi,
    question: Question,
    answerable: list[tuple[str, Entry]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """502s for 2.5 s: the reply is retried, sent once afterwards; start and end logged once."""
    caplog.set_level(logging.INFO)
    fake_api.begin_outage("502", methods=("sendMessage",))
    task = asyncio.create_task(handle(parts, question(answerable[0][0])))
    await asyncio.sleep(2.5)
    assert not task.done() and pending_ids(parts) != []
    fake_api.end_outage()
    await asyncio.wait_for(task, 10)
    assert len(fake_api.delivered("sendMessage")) == 1
    assert len(fake_api.calls_to("sendMessage")) >= 3
    lines = [r.getMessage() for r in caplog.records if r.name == "release_bot"]
    assert [line.split(" (")[0].split(" after")[0] for line in lines] == [
        "Bot API unreachable",
        "Bot API reachable again",
    ]
    assert all(r.exc_info is None for r in caplog.records)
    assert pending_ids(parts) == []


async def test_a_reply_still_blocked_at_its_max_age_is_dropped_with_one_line(
    parts: Parts,
    fake_api: FakeBotApi,
    question: Question,
    answerable: list[tuple[str, Entry]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """BOT_REPLY_MAX_AGE (5 s here) passes during the outage: dropped, logged, no traceback."""
    fake_api.begin_outage("502", methods=("sendMessage",))
    started = time.monotonic()
    await asyncio.wait_for(handle(parts, question(answerable[0][0])), 10)
    assert 1.0 < time.monotonic() - started <= 5.5
    dropped = [r for r in caplog.records if "dropped" in r.getMessage()]
    assert [r.getMessage().split(":")[0] for r in dropped] == [
        "reply to a message update in a private chat dropped"
    ]
    assert all(r.exc_info is None for r in caplog.records)
    assert all(c.fault == "outage" for c in fake_api.calls_to("sendMessage"))
    assert pending_ids(parts) == []


async def test_the_webhook_queue_stores_an_update_as_it_is_queued(
    fake_api: FakeBotApi, make_config: Callable[..., Config], store: Store, tmp_path: Path
) -> None:
    """Webhook mode: the update is in the inbox before PTB's webhook server answers Telegram."""
    config = make_config(api_url=fake_api.base_url, webhook=True)
    built = build(config, store, inbox=Inbox(tmp_path / "inbox.sqlite3", cap=100))
    raw = message("How many flights are there?")
    await built.app.update_queue.put(Update.de_json(raw, built.app.bot))
    assert pending_ids(built) == [raw["update_id"]]
    assert built.inbox is not None
    built.inbox.close()


async def test_an_update_older_than_the_max_age_is_dropped_unanswered(
    parts: Parts, fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    """An update left from long ago (say, the bot was down for hours) is not answered now."""
    assert parts.inbox is not None
    raw: dict[str, Any] = message("How many flights are there?")
    parts.inbox.add([(raw["update_id"], "{}")], now=time.time() - 60)
    await handle(parts, Update.de_json(raw, parts.app.bot))
    assert fake_api.calls_to("sendMessage") == []
    assert f"dropped update {raw['update_id']} unanswered: it waited 60 s" in caplog.text
    assert pending_ids(parts) == []


async def test_a_cancelled_update_stays_pending_and_closing_skips_new_ones(
    parts: Parts, fake_api: FakeBotApi, question: Question, answerable: list[tuple[str, Entry]]
) -> None:
    """Shutdown: cancelled work is kept for the next start; nothing new is started."""
    fake_api.inject("sendMessage", "slow", delay=5.0)
    first = question(answerable[0][0])
    task = asyncio.create_task(handle(parts, first))
    await asyncio.sleep(0.3)
    assert parts.processor.cancel_active() == 1
    with pytest.raises(asyncio.CancelledError):
        await task
    parts.processor.closing = True
    second = question(answerable[1][0])
    await handle(parts, second)
    assert pending_ids(parts) == [first.update_id]
    assert len(fake_api.calls_to("sendMessage")) == 1


async def test_an_inbox_that_fails_to_write_still_lets_the_reply_out(
    parts: Parts,
    fake_api: FakeBotApi,
    question: Question,
    answerable: list[tuple[str, Entry]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A read-only inbox file: the question is answered; one error line each, no traceback."""
    assert parts.inbox is not None
    parts.inbox.close()
    parts.inbox._db = sqlite3.connect(f"file:{parts.inbox.path}?mode=ro", uri=True)
    update = question(answerable[0][0])
    await handle(parts, update)
    assert len(fake_api.delivered("sendMessage")) == 1
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [
        f"cannot look up update {update.update_id} in the inbox: {READ_ONLY}",
        f"cannot mark update {update.update_id} done in the inbox: {READ_ONLY}",
    ]
    assert all(r.exc_info is None for r in caplog.records)
