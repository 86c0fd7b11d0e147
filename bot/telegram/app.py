"""Wiring: `build_application` registers every handler; `run` serves until stopped."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from typing import Any

from telegram import BotCommand
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    Job,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot import replies
from bot.config import Config, ConfigError, load_config
from bot.feedback import FeedbackKeys, FeedbackLog
from bot.health import HEALTH_PATH, HealthServer
from bot.matching import Matchers
from bot.runtime import FloodGate, Heartbeat, RecentTaps, Stats, UnansweredLog, settle
from bot.store import Store, load_store
from bot.telegram import handlers as h
from bot.telegram.context import (
    STATE_KEY,
    BotApplication,
    BotContext,
    BotState,
    reload_store,
    state_of,
)
from bot.telegram.inbox import Inbox, InboxError
from bot.telegram.logs import setup_logging
from bot.telegram.processing import InboxProcessor, StoringQueue
from bot.telegram.serve import Parts, serve
from bot.telegram.transport import Outage, ResilientRequest

log = logging.getLogger("release_bot")

ALLOWED_UPDATES = h.ALLOWED_UPDATES
COMMANDS = [
    ("start", "What this bot is for"),
    ("help", "How to ask"),
    ("topics", "Browse the topics"),
    ("source", "Read the whole release"),
    ("ask", "Ask a question (in groups)"),
]
PING_EVERY = 30.0  # seconds between getMe pings that keep the heartbeat fresh


class WithoutPersistence(Application[Any, Any, Any, Any, Any, Any]):
    """PTB's Application, without the bookkeeping for a persistence this bot does not have.

    After each update, `Application._mark_for_persistence_update` adds the chat
    and user ids to sets that only `update_persistence` empties, and that returns
    at once when there is no persistence: PTB 22 would keep every id it ever saw,
    about 150 bytes per new person. Nothing is marked while there is no persistence.
    """

    def _mark_for_persistence_update(
        self, *, update: object | None = None, job: Job[Any] | None = None
    ) -> None:
        if self.persistence is not None:
            super()._mark_for_persistence_update(update=update, job=job)


def build_application(
    config: Config,
    store: Store,
    *,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
) -> BotApplication:
    """Create the application with every handler registered. Nothing connects yet."""
    return build(config, store, request=request, updates_request=updates_request).app


def build(
    config: Config,
    store: Store,
    *,
    inbox: Inbox | None = None,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
) -> Parts:
    """The application and what `serve` needs beside it (inbox, processor, outage log)."""
    heartbeat = Heartbeat(config.heartbeat)
    outage = Outage()
    processor = InboxProcessor(inbox, config.reply_max_age, max_concurrent=8)
    state = BotState(
        config=config,
        store=store,
        matcher=Matchers(store),
        gate=FloodGate(config.user_limit, config.user_window),
        taps=FloodGate(config.tap_limit, config.tap_window),
        recent_taps=RecentTaps(),
        stats=Stats(),
        unanswered=UnansweredLog(config.unanswered_log, config.log_max_bytes, config.log_keep),
        heartbeat=heartbeat,
        feedback=FeedbackKeys() if config.feedback else None,
        feedback_log=FeedbackLog(config.feedback_log, config.log_max_bytes, config.log_keep),
    )
    builder = ApplicationBuilder()
    if inbox is not None and config.webhook:
        builder = builder.update_queue(StoringQueue(inbox))
    app = (
        builder.application_class(WithoutPersistence)
        .token(config.token)
        .base_url(config.api_url)
        .context_types(ContextTypes(context=BotContext))
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .rate_limiter(AIORateLimiter(max_retries=5))
        .request(request or ResilientRequest(heartbeat, outage=outage, connection_pool_size=16))
        .get_updates_request(updates_request or ResilientRequest(heartbeat, 1, outage))
        .concurrent_updates(processor)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    app.bot_data[STATE_KEY] = state
    _add_handlers(app)
    return Parts(app, config, inbox, processor, outage)


def _add_handlers(app: BotApplication) -> None:
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    # Commands first: a command is also text, and must not reach the question handlers.
    app.add_handler(CommandHandler("start", h.replying(replies.start_reply)))
    app.add_handler(CommandHandler("help", h.replying(replies.help_reply)))
    app.add_handler(CommandHandler("topics", h.replying(replies.topics_reply)))
    app.add_handler(CommandHandler("source", h.on_source))
    app.add_handler(CommandHandler("ask", h.on_ask))
    app.add_handler(CommandHandler("reload", h.on_reload))
    app.add_handler(CommandHandler("stats", h.on_stats))
    # A message sent through our own inline mode is an answer already, not a question.
    questions = filters.TEXT & ~filters.COMMAND & ~filters.VIA_BOT
    app.add_handler(MessageHandler(private & questions, h.on_private_text))
    app.add_handler(MessageHandler(groups & questions, h.on_group_text))
    # Anything else in a private chat (stickers, photos, voice, unknown commands).
    app.add_handler(
        MessageHandler(private & ~filters.StatusUpdate.ALL & ~filters.VIA_BOT, h.on_not_text)
    )
    app.add_handler(CallbackQueryHandler(h.on_button))
    app.add_handler(InlineQueryHandler(h.on_inline))
    app.add_error_handler(h.on_error)


async def _post_init(app: BotApplication) -> None:
    state = state_of(app)
    await app.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError, RuntimeError):
        loop.add_signal_handler(signal.SIGHUP, lambda: reload_store(state))  # it logs
    app.bot_data["pinger"] = asyncio.create_task(_ping(app))
    if state.config.webhook and state.config.health_port:
        health = HealthServer(state.heartbeat, state.config.listen, state.config.health_port)
        health.start()
        app.bot_data["health"] = health
        log.info("health route on port %d%s", health.port, HEALTH_PATH)
    log.info("ready as @%s with %d entries", app.bot.username, len(state.store.entries))


async def _post_shutdown(app: BotApplication) -> None:
    health: HealthServer | None = app.bot_data.pop("health", None)
    if health is not None:
        health.stop()
    task: asyncio.Task[None] | None = app.bot_data.pop("pinger", None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _ping(app: BotApplication) -> None:
    """Keep the heartbeat honest when no updates arrive (webhook mode, quiet chats)."""
    while True:
        await asyncio.sleep(PING_EVERY)
        try:
            await app.bot.get_me()
        except TelegramError as exc:
            log.warning("Bot API ping failed: %s", exc)


def run(args: argparse.Namespace, env: dict[str, str] | None = None) -> int:
    """`python -m bot run [--webhook]`: validate everything, then serve until stopped."""
    try:
        config = load_config(env, store=args.store, webhook=args.webhook)
        inbox = Inbox(config.inbox, config.inbox_cap) if config.inbox_cap else None
    except (ConfigError, InboxError) as exc:
        print(f"release-bot: {exc}", file=sys.stderr)
        return 2
    store = load_store(config.knowledge)  # StoreError is reported by the CLI, exit 2
    setup_logging(config.log_level, config.token)
    try:
        parts = build(config, store, inbox=inbox)
        settle()  # the store and matchers are built: keep the collector off them
        asyncio.run(serve(parts))
    # Start-up failures end in one line, not a traceback (InvalidToken holds the token).
    except InvalidToken:
        print("release-bot: the Bot API rejected TELEGRAM_BOT_TOKEN", file=sys.stderr)
        return 2
    except (TelegramError, TimeoutError) as exc:
        reason = str(exc).replace(config.token, "[TOKEN]") or "no answer in time"
        print(
            f"release-bot: cannot reach the Bot API at {config.api_url}: {reason}", file=sys.stderr
        )
        return 2
    except OSError as exc:
        print(f"release-bot: could not start: {exc}", file=sys.stderr)
        return 1
    log.info("stopped")
    return 0
