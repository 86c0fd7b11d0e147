"""The update processor: each update handled once, marked done in the inbox when finished.

PTB hands every update to a `BaseUpdateProcessor` together with the coroutine
that runs its handlers. `InboxProcessor` limits concurrency (as PTB's simple
processor does) and around each update:

- skips it when the inbox says it is done, or the same `update_id` is already
  being handled (Telegram may deliver again what the inbox replays);
- drops it with a log line when it is older than BOT_REPLY_MAX_AGE;
- sets `REPLY_DEADLINE`, so its replies are retried through an outage until then;
- marks it done when its handlers finished; an update cancelled at shutdown stays
  pending and is handled at the next start.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import sqlite3
import time
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.telegram.inbox import Inbox
from bot.telegram.transport import REPLY_DEADLINE

log = logging.getLogger("release_bot")


class InboxProcessor(BaseUpdateProcessor):
    def __init__(self, inbox: Inbox | None, max_age: float, max_concurrent: int) -> None:
        super().__init__(max_concurrent)
        self.inbox = inbox
        self.max_age = max_age
        self.closing = False  # set at shutdown: leave what has not started in the inbox
        self._active: dict[int, asyncio.Task[Any]] = {}

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    @property
    def active(self) -> int:
        return len(self._active)

    async def wait_active(self, timeout: float) -> None:
        """Give the updates being handled up to `timeout` seconds to finish."""
        if self._active and timeout > 0:
            await asyncio.wait(list(self._active.values()), timeout=timeout)

    def cancel_active(self) -> int:
        """Cancel the updates being handled (they stay pending); return how many."""
        for task in self._active.values():
            task.cancel()
        return len(self._active)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if not isinstance(update, Update):
            await coroutine
            return
        received = None if self.closing else self._claim(update)
        if received is None:
            _discard(coroutine)
            return
        age = time.time() - received
        if age > self.max_age:
            log.warning(
                "dropped update %d unanswered: it waited %.0f s (BOT_REPLY_MAX_AGE is %.0f s)",
                update.update_id,
                age,
                self.max_age,
            )
            self._finish(update.update_id)
            _discard(coroutine)
            return
        task = asyncio.current_task()
        assert task is not None
        self._active[update.update_id] = task
        token = REPLY_DEADLINE.set(received + self.max_age)
        try:
            await coroutine
        finally:
            REPLY_DEADLINE.reset(token)
            del self._active[update.update_id]
        self._finish(update.update_id)

    def _claim(self, update: Update) -> float | None:
        """When the update arrived, or None if it is done or being handled already."""
        if update.update_id in self._active:
            return None
        if self.inbox is None:
            return time.time()
        try:
            return self.inbox.claim(update.update_id, update.to_json)
        except sqlite3.Error as exc:  # answer it all the same; it may come again after a crash
            log.error("cannot look up update %d in the inbox: %s", update.update_id, exc)
            return time.time()

    def _finish(self, update_id: int) -> None:
        if self.inbox is None:
            return
        try:
            self.inbox.done(update_id)
        except sqlite3.Error as exc:  # answered; at worst it is answered again after a restart
            log.error("cannot mark update %d done in the inbox: %s", update_id, exc)


class StoringQueue(asyncio.Queue[object]):
    """The update queue in webhook mode: each update is stored as it is queued.

    PTB's webhook server queues an update before it answers Telegram's POST, so
    the update is on disk before the 200 that acknowledges it. (In polling mode
    `Poller` stores whole batches itself.) Should the write fail, the POST fails
    and Telegram delivers the update again later.
    """

    def __init__(self, inbox: Inbox) -> None:
        super().__init__()
        self._inbox = inbox

    def put_nowait(self, item: object) -> None:
        if isinstance(item, Update):
            self._inbox.add([(item.update_id, item.to_json())])
        super().put_nowait(item)


def _discard(coroutine: Awaitable[Any]) -> None:
    """Close a handler coroutine that will not run (no 'never awaited' warning)."""
    if inspect.iscoroutine(coroutine):
        coroutine.close()
