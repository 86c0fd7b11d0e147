"""Outbound HTTP to the Bot API: retries, the outage log, and the heartbeat.

Outside an update (start-up, pings) a transient failure is retried a few times
and then surfaces. While an update is handled, `REPLY_DEADLINE` holds the time
its reply stops being worth sending (received + BOT_REPLY_MAX_AGE): a reply is
retried with backoff until the Bot API is back or that time has passed, and
then dropped with `ReplyExpiredError`. `Outage` turns a run of failures into one log
line when it starts and one when it ends.
"""

from __future__ import annotations

import asyncio
import logging
import time
from contextvars import ContextVar
from typing import Any

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest

from bot.runtime import Heartbeat

log = logging.getLogger("release_bot")

# Bot API methods that are safe to repeat: a second call changes nothing.
IDEMPOTENT = frozenset(
    {"getMe", "getUpdates", "setMyCommands", "deleteWebhook", "setWebhook", "getWebhookInfo"}
)
# Unix time after which the reply being sent is dropped; None outside an update.
REPLY_DEADLINE: ContextVar[float | None] = ContextVar("reply_deadline", default=None)
FIRST_DELAY = 0.25  # seconds before the first retry; doubled after each failure
MAX_DELAY = 2.0  # longest pause between retries outside an update
MAX_REPLY_DELAY = 5.0  # longest pause between retries of a reply during an outage


class ReplyExpiredError(NetworkError):
    """A reply could not be sent before its deadline (BOT_REPLY_MAX_AGE) passed."""


class Outage:
    """Tracks whether the Bot API answers; logs one line when an outage starts and ends.

    A failure that a retry fixes within `grace` seconds is no outage and logs nothing.
    While `quiet` (start-up, which reports its own failure in one line) nothing is logged.
    """

    def __init__(self, grace: float = 1.0) -> None:
        self.grace = grace
        self.quiet = False
        self._since: float | None = None
        self._logged = False

    @property
    def down(self) -> bool:
        return self._logged

    def failed(self, reason: str) -> None:
        now = time.monotonic()
        if self._since is None:
            self._since = now
        if not self._logged and not self.quiet and now - self._since >= self.grace:
            self._logged = True
            log.warning("Bot API unreachable (%s); holding replies and retrying", reason)

    def ok(self) -> None:
        if self._logged and self._since is not None:
            log.warning(
                "Bot API reachable again after %.0f s; sending held replies",
                time.monotonic() - self._since,
            )
        self._since, self._logged = None, False


def _never_sent(error: TimedOut) -> bool:
    """A timeout while connecting or waiting for a connection: the server saw nothing."""
    return isinstance(error.__cause__, (httpx.ConnectTimeout, httpx.PoolTimeout))


class ResilientRequest(HTTPXRequest):
    """HTTPXRequest that retries transient failures and records a heartbeat.

    A server error (5xx) or a dropped connection is retried with backoff: a few
    times outside an update, until `REPLY_DEADLINE` inside one. A success
    touches the heartbeat file. A read timeout is retried only for idempotent
    methods: Telegram may already have delivered a message whose reply timed
    out, and a retry would send it twice. 429s are left to `AIORateLimiter`,
    which honours `retry_after`.
    """

    def __init__(
        self, heartbeat: Heartbeat, retries: int = 4, outage: Outage | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self._heartbeat = heartbeat
        self._retries = retries
        self._outage = outage or Outage()

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        url = str(kwargs.get("url") or (args[0] if args else ""))
        repeatable = url.rsplit("/", 1)[-1] in IDEMPOTENT
        deadline = REPLY_DEADLINE.get()
        delay = FIRST_DELAY
        attempt = 0
        while True:
            try:
                code, payload = await super().do_request(*args, **kwargs)
            except TimedOut as exc:
                if not (repeatable or _never_sent(exc)):
                    raise
                self._give_up_or_note(exc, attempt, deadline, delay)
            except NetworkError as exc:
                self._give_up_or_note(exc, attempt, deadline, delay)
            else:
                if code < 500:
                    self._outage.ok()
                    if code < 400:
                        self._heartbeat.beat()
                    return code, payload
                if self._give_up_or_note(f"HTTP {code}", attempt, deadline, delay):
                    return code, payload
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_DELAY if deadline is None else MAX_REPLY_DELAY)
            attempt += 1

    def _give_up_or_note(
        self, failure: NetworkError | str, attempt: int, deadline: float | None, delay: float
    ) -> bool:
        """Record a failure; True (or the error raised) when it is time to stop retrying."""
        self._outage.failed(str(failure))
        if deadline is None:
            if attempt < self._retries:
                return False
            if isinstance(failure, NetworkError):
                raise failure
            return True
        if time.time() + delay < deadline:
            return False
        raise ReplyExpiredError(f"the Bot API did not take the reply in time: {failure}")
