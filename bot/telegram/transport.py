"""Outbound HTTP to the Bot API: retries of transient failures, and the heartbeat."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest

from bot.runtime import Heartbeat

# Bot API methods that are safe to repeat: a second call changes nothing.
IDEMPOTENT = frozenset(
    {"getMe", "getUpdates", "setMyCommands", "deleteWebhook", "setWebhook", "getWebhookInfo"}
)


class ResilientRequest(HTTPXRequest):
    """HTTPXRequest that retries transient failures and records a heartbeat.

    A server error (5xx) or a dropped connection is retried a few times with a
    short backoff; a success touches the heartbeat file. A read timeout is
    retried only for idempotent methods: Telegram may already have delivered a
    message whose reply timed out, and a retry would send it twice. 429s are
    left to `AIORateLimiter`, which honours `retry_after`.
    """

    def __init__(self, heartbeat: Heartbeat, retries: int = 4, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._heartbeat = heartbeat
        self._retries = retries

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        url = str(kwargs.get("url") or (args[0] if args else ""))
        repeatable = url.rsplit("/", 1)[-1] in IDEMPOTENT
        delay = 0.25
        for attempt in range(self._retries + 1):
            try:
                code, payload = await super().do_request(*args, **kwargs)
            except TimedOut:
                if attempt == self._retries or not repeatable:
                    raise
            except NetworkError:
                if attempt == self._retries:
                    raise
            else:
                if code < 500 or attempt == self._retries:
                    if code < 400:
                        self._heartbeat.beat()
                    return code, payload
            await asyncio.sleep(delay)
            delay = min(delay * 2, 2.0)
        raise AssertionError("unreachable")  # pragma: no cover
