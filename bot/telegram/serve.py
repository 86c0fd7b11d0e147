"""Start, serve until a signal, and stop within a bounded time.

Replaces PTB's `run_polling`/`run_webhook` loop so that shutdown is ours:

1. SIGTERM or SIGINT: stop fetching (cancel the long poll, or close the webhook
   server), then let updates already fetched finish for up to BOT_STOP_TIMEOUT
   seconds (less when the Bot API is down: waiting would not help).
2. Then nothing new is started; replies already under way get `FINISH_GRACE`
   seconds, and whatever is still unanswered stays in the inbox and is answered
   after the next start. Exit 0 within BOT_STOP_TIMEOUT + `SHUTDOWN_SLACK`.
3. A second signal exits at once (code 128 + signal number); the inbox keeps
   everything not answered.

Start-up is bounded too: the first exchange with the Bot API must succeed
within `STARTUP_TIMEOUT`, or the caller reports one line and exits.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import time
from dataclasses import dataclass

from telegram import Update

from bot.config import Config
from bot.telegram.context import BotApplication
from bot.telegram.handlers import ALLOWED_UPDATES
from bot.telegram.inbox import Inbox
from bot.telegram.polling import Poller
from bot.telegram.processing import InboxProcessor
from bot.telegram.transport import Outage

log = logging.getLogger("release_bot")

STARTUP_TIMEOUT = 15.0  # seconds for getMe (with its retries) at start
SHUTDOWN_SLACK = 3.0  # seconds after the drain: FINISH_GRACE, then closing connections
FINISH_GRACE = 2.0  # seconds for replies already on their way when the drain ends
DRAIN_CHECK = 0.2  # seconds between checks while draining


@dataclass
class Parts:
    """What `serve` runs: the application and the pieces `build_application` made for it."""

    app: BotApplication
    config: Config
    inbox: Inbox | None
    processor: InboxProcessor
    outage: Outage


async def serve(parts: Parts) -> None:
    """Run until SIGTERM/SIGINT; raise a TelegramError or TimeoutError if start-up fails."""
    app, config = parts.app, parts.config
    stop = asyncio.Event()
    _on_signals(stop)
    parts.outage.quiet = True  # a failed start-up is one line from the caller, not a log
    await asyncio.wait_for(app.initialize(), STARTUP_TIMEOUT)
    poll: asyncio.Task[None] | None = None
    try:
        if app.post_init:
            await app.post_init(app)
        _replay(parts)
        if config.webhook:
            await _start_webhook(app, config)
        await app.start()
        parts.outage.quiet = False
        if not config.webhook:
            poller = Poller(app, parts.inbox, ALLOWED_UPDATES)
            poll = asyncio.create_task(poller.run(), name="poller")
        await _until(stop, poll)
        await _stop(parts, poll)
    finally:
        if app.running:  # start-up or the poller failed: do not wait for queued updates
            parts.processor.closing = True
            parts.processor.cancel_active()
            await app.stop()
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
        if parts.inbox is not None:
            parts.inbox.close()


def _on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()

    def received(signum: int) -> None:
        if not stop.is_set():
            log.info("%s: stopping", signal.Signals(signum).name)
            stop.set()
            return
        log.warning(
            "second %s: exiting now; unanswered updates stay in the inbox",
            signal.Signals(signum).name,
        )
        os._exit(128 + signum)  # nothing to flush: the inbox commits every change

    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, received, signum)


def _replay(parts: Parts) -> None:
    """Queue what the last run fetched and did not answer, before anything new."""
    if parts.inbox is None:
        return
    rows = parts.inbox.pending()
    for row in rows:
        parts.app.update_queue.put_nowait(Update.de_json(json.loads(row.body), parts.app.bot))
    if rows:
        log.info("answering %d updates left from the previous run", len(rows))


async def _start_webhook(app: BotApplication, config: Config) -> None:
    assert app.updater is not None
    await app.updater.start_webhook(
        listen=config.listen,
        port=config.port,
        url_path="telegram",
        webhook_url=config.webhook_url,
        secret_token=config.webhook_secret,
        allowed_updates=ALLOWED_UPDATES,
        bootstrap_retries=3,
    )


async def _until(stop: asyncio.Event, poll: asyncio.Task[None] | None) -> None:
    """Wait for a stop signal; a poller that fails (token revoked) ends the wait too."""
    waiter = asyncio.create_task(stop.wait())
    await asyncio.wait({waiter, *([poll] if poll else [])}, return_when=asyncio.FIRST_COMPLETED)
    waiter.cancel()
    if poll is not None and poll.done():
        poll.result()  # raises what ended it


async def _stop(parts: Parts, poll: asyncio.Task[None] | None) -> None:
    """Stop fetching, let fetched updates finish for a while, keep the rest in the inbox."""
    app = parts.app
    if poll is not None:
        poll.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await poll
    if app.updater is not None and app.updater.running:
        await app.updater.stop()
    deadline = time.monotonic() + parts.config.stop_timeout
    drained = asyncio.create_task(app.update_queue.join())
    while not drained.done() and time.monotonic() < deadline and not parts.outage.down:
        await asyncio.wait({drained}, timeout=DRAIN_CHECK)
    if not drained.done():
        drained.cancel()
        parts.processor.closing = True  # nothing new starts; what waits stays in the inbox
        # A reply cancelled mid-request may have reached Telegram and would be sent again
        # after the restart: let those under way finish, unless the Bot API is down.
        await parts.processor.wait_active(0 if parts.outage.down else FINISH_GRACE)
        parts.processor.cancel_active()
        if parts.inbox is None:
            log.warning("stopped before answering everything (no inbox: the rest is lost)")
        else:
            log.warning(
                "stopped before answering everything: %d updates kept in the inbox",
                parts.inbox.pending_count,
            )
    await app.stop()
    if app.post_stop:
        await app.post_stop(app)
