"""The Poller against the fake Bot API: store first, acknowledge after, pause when full."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.config import Config
from bot.store import Store
from bot.telegram.app import build
from bot.telegram.handlers import ALLOWED_UPDATES
from bot.telegram.inbox import Inbox
from bot.telegram.polling import Poller
from bot.telegram.serve import Parts
from tests.fake_bot_api import FakeApiError, FakeBotApi

MakeParts = Callable[..., Parts]


@pytest.fixture
async def make_parts(
    fake_api: FakeBotApi, make_config: Callable[..., Config], store: Store, tmp_path: Path
) -> AsyncIterator[MakeParts]:
    made: list[Parts] = []

    def make(cap: int = 100) -> Parts:
        config = make_config(api_url=fake_api.base_url)
        parts = build(config, store, inbox=Inbox(tmp_path / "inbox.sqlite3", cap=cap))
        made.append(parts)
        return parts

    yield make
    for parts in made:
        if parts.inbox is not None:
            parts.inbox.close()


@contextlib.asynccontextmanager
async def polling(parts: Parts) -> AsyncIterator[None]:
    """The poller running (handlers are not: fetched updates wait in the queue)."""
    async with parts.app.bot:
        task = asyncio.create_task(Poller(parts.app, parts.inbox, ALLOWED_UPDATES, 1).run())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


def stored_ids(path: Path) -> set[int]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return {row[0] for row in db.execute("SELECT update_id FROM updates")}


async def test_every_update_is_in_the_inbox_before_its_offset_is_sent(
    make_parts: MakeParts, fake_api: FakeBotApi
) -> None:
    """At each getUpdates the fake checks: every id below the offset is already on disk."""
    parts = make_parts(cap=1000)
    assert parts.inbox is not None
    path = parts.inbox.path
    violations: list[tuple[int, set[int]]] = []
    handed_out: set[int] = set()

    def checked(params: dict[str, Any]) -> Any:
        offset = int(params.get("offset", 0) or 0)
        missing = {i for i in handed_out if i < offset} - stored_ids(path)
        if missing:
            violations.append((offset, missing))
        result = fake_api._api_get_updates(params)
        handed_out.update(u["update_id"] for u in result)
        return result

    fake_api.set_handler("getUpdates", checked)
    ids = [fake_api.user_message(f"question {i}") for i in range(250)]
    async with polling(parts):
        for _ in range(100):
            if parts.app.update_queue.qsize() == 250 and not fake_api.pending_updates:
                break
            await asyncio.sleep(0.05)
    assert violations == []
    assert sorted(handed_out) == ids
    queued = [parts.app.update_queue.get_nowait().update_id for _ in range(250)]
    assert queued == ids
    assert [p.update_id for p in parts.inbox.pending()] == ids


async def test_a_full_inbox_pauses_fetching_and_says_so_once(
    make_parts: MakeParts, fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    """Cap 3, nothing answered: three updates are fetched, the other two wait at Telegram."""
    parts = make_parts(cap=3)
    assert parts.inbox is not None
    ids = [fake_api.user_message(f"question {i}") for i in range(5)]
    async with polling(parts):
        await asyncio.sleep(1.5)
    assert [c.params["limit"] for c in fake_api.calls_to("getUpdates")] == [3]
    assert [p.update_id for p in parts.inbox.pending()] == ids[:3]
    assert parts.app.update_queue.qsize() == 3
    assert caplog.text.count("inbox full (3 updates waiting): fetching paused") == 1


async def test_polling_rides_out_an_outage_without_a_traceback(
    make_parts: MakeParts, fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    """Port closed for 2 s: polling resumes by itself; two log lines, no traceback."""
    caplog.set_level(logging.INFO)
    parts = make_parts()
    async with polling(parts):
        await asyncio.sleep(0.3)
        fake_api.begin_outage("refuse")
        await asyncio.sleep(2.0)
        fake_api.user_message("asked during the outage")
        fake_api.end_outage()
        for _ in range(100):
            if parts.app.update_queue.qsize():
                break
            await asyncio.sleep(0.05)
    assert parts.app.update_queue.qsize() == 1
    ours = [r.getMessage() for r in caplog.records if r.name == "release_bot"]
    assert len(ours) == 2 and ours[0].startswith("Bot API unreachable")
    assert ours[1].startswith("Bot API reachable again after")
    assert all(r.exc_info is None for r in caplog.records)


async def test_a_conflict_is_logged_once_until_polling_works_again(
    make_parts: MakeParts, fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    """Another instance polling (409 on every call): one warning, not one per retry."""
    parts = make_parts()

    def conflict(params: dict[str, Any]) -> Any:
        raise FakeApiError(409, "Conflict: terminated by other getUpdates request")

    fake_api.set_handler("getUpdates", conflict)
    async with polling(parts):
        await asyncio.sleep(2.5)
    assert len(fake_api.calls_to("getUpdates")) >= 3
    warnings = [r.getMessage() for r in caplog.records if r.name == "release_bot"]
    assert warnings == [
        "getUpdates refused (another instance polling?):"
        " Conflict: terminated by other getUpdates request"
    ]
