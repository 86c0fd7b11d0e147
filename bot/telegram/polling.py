"""Long polling that stores every update in the inbox before Telegram forgets it.

Telegram drops an update once a getUpdates call asks for a higher `offset`.
`Poller` therefore writes each batch to the inbox *before* its next call,
which carries the offset that acknowledges the batch; only then are the
updates queued for the handlers. It replaces PTB's `Updater.start_polling`
(which queues a batch first and acknowledges it with the next call) so that
this order is guaranteed in one place.

Network trouble and 5xx are retried with backoff (at most `MAX_DELAY` apart,
so polling resumes soon after an outage) and logged by `Outage`, never with a
traceback. While the inbox is full, fetching pauses; the updates wait at
Telegram.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Sequence

from telegram import Update
from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError

from bot.telegram.context import BotApplication
from bot.telegram.inbox import Inbox

log = logging.getLogger("release_bot")

FIRST_DELAY = 0.5  # seconds before polling again after a failure; doubled each time
MAX_DELAY = 3.0  # longest pause: how late polling may notice that the Bot API is back
FULL_PAUSE = 0.5  # seconds between checks while the inbox is full
BATCH = 100  # the most updates getUpdates returns at once


class Poller:
    def __init__(
        self,
        app: BotApplication,
        inbox: Inbox | None,
        allowed_updates: Sequence[str],
        timeout: int = 10,
    ) -> None:
        self._app = app
        self._inbox = inbox
        self._allowed = list(allowed_updates)
        self._timeout = timeout
        self._offset = 0
        self._full = False
        self._conflict = False  # a 409 was logged and no poll has succeeded since

    async def run(self) -> None:
        """Fetch until cancelled; raises only for a token the Bot API rejects."""
        await self._app.bot.delete_webhook()  # polling and a webhook exclude each other
        delay = FIRST_DELAY
        while True:
            limit = self._room()
            if limit == 0:
                await asyncio.sleep(FULL_PAUSE)
                continue
            try:
                updates = await self._app.bot.get_updates(
                    offset=self._offset,
                    limit=limit,
                    timeout=self._timeout,
                    allowed_updates=self._allowed,
                )
            except RetryAfter as exc:
                await asyncio.sleep(_seconds(exc))
                continue
            except InvalidToken:
                raise
            except TelegramError as exc:
                if isinstance(exc, Conflict) and not self._conflict:
                    self._conflict = True
                    log.warning("getUpdates refused (another instance polling?): %s", exc)
                await asyncio.sleep(delay)
                delay = min(delay * 2, MAX_DELAY)
                continue
            delay, self._conflict = FIRST_DELAY, False
            try:
                self._store(updates)
            except sqlite3.Error as exc:  # not acknowledged: Telegram delivers them again
                log.error("cannot write the inbox: %s", exc)
                await asyncio.sleep(MAX_DELAY)
                continue
            for update in updates:
                self._app.update_queue.put_nowait(update)
            if updates:
                self._offset = updates[-1].update_id + 1

    def _room(self) -> int:
        if self._inbox is None:
            return BATCH
        room = min(BATCH, self._inbox.room())
        if (room == 0) != self._full:
            self._full = room == 0
            if self._full:
                log.warning("inbox full (%d updates waiting): fetching paused", self._inbox.cap)
            else:
                log.warning("inbox has room again: fetching resumed")
        return room

    def _store(self, updates: tuple[Update, ...]) -> None:
        """Write a batch to the inbox, before the next call's offset acknowledges it."""
        if self._inbox is None:
            return
        self._inbox.prune(confirmed_below=self._offset)  # the call just made confirmed these
        if updates:
            self._inbox.add([(u.update_id, u.to_json()) for u in updates])


def _seconds(error: RetryAfter) -> float:
    after = error.retry_after
    return after if isinstance(after, (int, float)) else after.total_seconds()
