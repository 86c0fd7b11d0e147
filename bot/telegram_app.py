"""The Telegram edge: wiring, handlers and the `run` command.

Handlers read the update, call the pure core (`Matcher`, `bot.replies`) and
send what it returned. Everything is registered in `build_application`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import html
import logging
import re
import signal
import sys
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest

from bot import replies
from bot.config import Config, ConfigError, load_config
from bot.health import HEALTH_PATH, HealthServer
from bot.matching import Kind, Matcher
from bot.runtime import FloodGate, Gate, Heartbeat, Stats, UnansweredLog
from bot.store import Store, StoreError, load_store

log = logging.getLogger("release_bot")

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
COMMANDS = [
    ("start", "What this bot is for"),
    ("help", "How to ask"),
    ("topics", "Browse the topics"),
    ("source", "Read the whole release"),
    ("ask", "Ask a question (in groups)"),
]
PING_EVERY = 30.0  # seconds between getMe pings that keep the heartbeat fresh


# --- State kept for the life of the application ---------------------------------------


@dataclass
class BotState:
    """Everything handlers need, created once in `build_application`."""

    config: Config
    store: Store
    matcher: Matcher
    gate: FloodGate
    stats: Stats
    unanswered: UnansweredLog
    heartbeat: Heartbeat

    def switch(self, store: Store) -> None:
        matcher = Matcher(store)  # built first, so no update sees a half-switched state
        self.store, self.matcher = store, matcher


def state_of(context: ContextTypes.DEFAULT_TYPE) -> BotState:
    state: BotState = context.bot_data["state"]
    return state


# --- Outbound requests ---------------------------------------------------------------


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


# --- Sending ------------------------------------------------------------------------------


def markup(reply: replies.Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.text, callback_data=b.data) for b in row] for row in reply.buttons]
    )


async def send(message: Message, reply: replies.Reply, *, quote: bool = False) -> None:
    """Send `reply` to the chat of `message` (as a reply to it when `quote`)."""
    # A reply still goes out if the asker deleted their message in the meantime.
    reply_options: dict[str, Any] = {"allow_sending_without_reply": True} if quote else {}
    try:
        await message.reply_text(
            reply.text,
            reply_markup=markup(reply),
            do_quote=quote,
            **reply_options,
            disable_web_page_preview=True,
        )
    except Forbidden:
        log.info("cannot write to chat %s: the bot was blocked or removed", message.chat.type)


# --- Answering questions -------------------------------------------------------------


def answer(state: BotState, text: str) -> replies.Reply:
    """Match a question, count it, log it if uncovered, and build the reply."""
    if not text.strip():
        return replies.Reply(replies.EMPTY_QUESTION)
    match = state.matcher.match(text)
    state.stats.record(match.kind)
    # No entry covered it: a gap in the store, even when a sentence of the release helped.
    if match.kind is Kind.FALLBACK or match.passage is not None:
        try:
            state.unanswered.append(
                match.question, match.score, from_text=match.passage is not None
            )
        except OSError as exc:
            log.warning("cannot append to the unanswered-questions log: %s", exc)
    return replies.html(match, state.store)


async def admitted(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Apply the per-user flood limit; tell the person once when they hit it."""
    user = update.effective_user
    message = update.effective_message
    if user is None:
        return True
    state = state_of(context)
    verdict = state.gate.check(user.id)
    if verdict is Gate.PASS:
        return True
    state.stats.record("rate_limited")
    if verdict is Gate.NOTIFY and message is not None:
        await send(message, replies.Reply(replies.RATE_LIMITED))
    return False


async def on_private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or message.text is None or not await admitted(update, context):
        return
    await send(message, answer(state_of(context), message.text))


async def on_group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In groups, answer only when mentioned or replied to; stay silent otherwise."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    question = addressed_question(message, context.bot.username, context.bot.id)
    if question is None or not await admitted(update, context):
        return
    await send(message, answer(state_of(context), question), quote=True)


def addressed_question(message: Message, username: str, bot_id: int) -> str | None:
    """The question in a group message meant for the bot, or None if it is not for us."""
    text = message.text or ""
    mention = re.compile(rf"@{re.escape(username)}\b", re.IGNORECASE)
    mentioned = bool(username) and mention.search(text) is not None
    replied = message.reply_to_message is not None and (
        message.reply_to_message.from_user is not None
        and message.reply_to_message.from_user.id == bot_id
    )
    if not (mentioned or replied):
        return None
    return " ".join(mention.sub(" ", text).split())


async def on_ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not await admitted(update, context):
        return
    question = " ".join(context.args or [])
    if not question:
        await send(
            message, replies.Reply("Ask like this: /ask How many flights are there?"), quote=True
        )
        return
    quote = message.chat.type != ChatType.PRIVATE
    await send(message, answer(state_of(context), question), quote=quote)


async def on_not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not await admitted(update, context):
        return
    await send(message, replies.Reply(replies.NOT_TEXT))


# --- Commands -----------------------------------------------------------------------------


Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def flood_limited(handler: Handler) -> Handler:
    """Apply the per-user flood limit before a command handler runs."""

    @functools.wraps(handler)
    async def limited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if await admitted(update, context):
            await handler(update, context)

    return limited


def replying(build: Callable[[Store], replies.Reply]) -> Handler:
    """A command whose reply depends only on the store (/start, /help, /topics)."""

    @flood_limited
    async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_message:
            await send(update.effective_message, build(state_of(context).store))

    return handler


@flood_limited
async def on_source(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None:
        return
    for chunk in replies.source_chunks(state_of(context).store):
        await send(message, replies.Reply(chunk))


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user = update.effective_user
    return user is not None and user.id in state_of(context).config.admin_ids


def admin_only(handler: Handler) -> Handler:
    """Run a command only for BOT_ADMIN_IDS; tell anyone else politely."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if is_admin(update, context):
            await handler(update, context)
        elif update.effective_message:
            await send(update.effective_message, replies.Reply(replies.ADMINS_ONLY))

    return guarded


@flood_limited
@admin_only
async def on_reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message:
        report = reload_store(state_of(context))
        await send(update.effective_message, replies.Reply(html.escape(report)))


@flood_limited
@admin_only
async def on_stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message:
        summary = state_of(context).stats.summary()
        await send(update.effective_message, replies.Reply(html.escape(summary)))


def reload_store(state: BotState) -> str:
    """Re-read the store; switch to it only if it validates. Returns a one-line report."""
    try:
        store = load_store(state.config.knowledge)
    except StoreError as exc:
        log.warning("reload refused: %s", exc)
        return f"Reload refused, still using the previous store: {exc}"
    state.switch(store)
    log.info("store reloaded: %d entries", len(store.entries))
    return f"Reloaded: {len(store.entries)} entries."


# --- Buttons and inline mode -----------------------------------------------------------


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None:
        return
    state = state_of(context)
    user = update.effective_user
    if user is not None and state.gate.check(user.id) is not Gate.PASS:
        state.stats.record("rate_limited")
        with contextlib.suppress(BadRequest):
            await query.answer(replies.RATE_LIMITED)
        return
    reply, answered = replies.for_button(state.store, query.data or "")
    if answered:
        state.stats.record(Kind.ANSWER)
    # Always answer the callback, even for a stale button, so the spinner stops.
    with contextlib.suppress(BadRequest):
        await query.answer(None if reply else replies.EXPIRED_BUTTON)
    if reply is None:
        return
    if isinstance(query.message, Message):
        await send(query.message, reply)
    elif update.effective_chat is not None:
        # A button under a message older than 48 hours: the message itself is
        # no longer available, but its chat is.
        with contextlib.suppress(Forbidden):
            await context.bot.send_message(
                update.effective_chat.id, reply.text, reply_markup=markup(reply)
            )


async def on_inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.inline_query
    if query is None:
        return
    state = state_of(context)
    state.stats.record("inline")
    candidates = state.matcher.candidates(query.query) if query.query.strip() else []
    results = [
        InlineQueryResultArticle(
            id=article.id,
            title=article.title,
            description=article.description,
            input_message_content=InputTextMessageContent(article.text, parse_mode=ParseMode.HTML),
        )
        for article in replies.inline_articles(state.store, query.query, candidates)
    ]
    with contextlib.suppress(BadRequest):
        await query.answer(results, cache_time=60, is_personal=False)


# --- Errors ---------------------------------------------------------------------------------


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error with the update's kind and chat type; apologise where possible."""
    error = context.error
    kind = chat_type = "-"
    if isinstance(update, Update):
        kind = next((name for name in ALLOWED_UPDATES if getattr(update, name, None)), "other")
        if update.effective_chat:
            chat_type = update.effective_chat.type
    if isinstance(error, (RetryAfter, NetworkError)) and not isinstance(update, Update):
        log.warning("network trouble talking to the Bot API: %s", error)
        return
    log.error("error handling %s update in %s chat", kind, chat_type, exc_info=error)
    if isinstance(update, Update) and update.effective_message and kind == "message":
        with contextlib.suppress(TelegramError):
            await update.effective_message.reply_text(html.escape(replies.SORRY))


# --- Wiring ---------------------------------------------------------------------------------


def build_application(
    config: Config,
    store: Store,
    *,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
) -> Application:  # type: ignore[type-arg]
    """Create the application with every handler registered. Nothing connects yet."""
    heartbeat = Heartbeat(config.heartbeat)
    state = BotState(
        config=config,
        store=store,
        matcher=Matcher(store),
        gate=FloodGate(config.user_limit, config.user_window),
        stats=Stats(),
        unanswered=UnansweredLog(config.unanswered_log),
        heartbeat=heartbeat,
    )
    builder = (
        ApplicationBuilder()
        .token(config.token)
        .base_url(config.api_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .rate_limiter(AIORateLimiter(max_retries=5))
        .request(request or ResilientRequest(heartbeat, connection_pool_size=16))
        .get_updates_request(updates_request or ResilientRequest(heartbeat, retries=1))
        .concurrent_updates(8)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    app = builder.build()
    app.bot_data["state"] = state

    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    # Commands first: a command is also text, and must not reach the question handlers.
    app.add_handler(CommandHandler("start", replying(replies.start_reply)))
    app.add_handler(CommandHandler("help", replying(replies.help_reply)))
    app.add_handler(CommandHandler("topics", replying(replies.topics_reply)))
    app.add_handler(CommandHandler("source", on_source))
    app.add_handler(CommandHandler("ask", on_ask))
    app.add_handler(CommandHandler("reload", on_reload))
    app.add_handler(CommandHandler("stats", on_stats))
    # A message sent through our own inline mode is an answer already, not a question.
    questions = filters.TEXT & ~filters.COMMAND & ~filters.VIA_BOT
    app.add_handler(MessageHandler(private & questions, on_private_text))
    app.add_handler(MessageHandler(groups & questions, on_group_text))
    # Anything else in a private chat (stickers, photos, voice, unknown commands).
    app.add_handler(
        MessageHandler(private & ~filters.StatusUpdate.ALL & ~filters.VIA_BOT, on_not_text)
    )
    app.add_handler(CallbackQueryHandler(on_button))
    app.add_handler(InlineQueryHandler(on_inline))
    app.add_error_handler(on_error)
    return app


async def _post_init(app: Application) -> None:  # type: ignore[type-arg]
    state: BotState = app.bot_data["state"]
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


async def _post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
    health: HealthServer | None = app.bot_data.pop("health", None)
    if health is not None:
        health.stop()
    task: asyncio.Task[None] | None = app.bot_data.pop("pinger", None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _ping(app: Application) -> None:  # type: ignore[type-arg]
    """Keep the heartbeat honest when no updates arrive (webhook mode, quiet chats)."""
    while True:
        await asyncio.sleep(PING_EVERY)
        try:
            await app.bot.get_me()
        except TelegramError as exc:
            log.warning("Bot API ping failed: %s", exc)


# --- Logging ----------------------------------------------------------------------------------


class RedactToken(logging.Filter):
    """Replaces the bot token in every record, whatever logger produced it."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._token:
            return True
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            trace = logging.Formatter().formatException(record.exc_info)
            if self._token in trace:
                # Fold the traceback into the (already formatted) message, so
                # nothing downstream formats the token back in.
                message = f"{message}\n{trace}"
                record.exc_info = None
                record.exc_text = None
        if self._token in message or record.exc_info is None:
            record.msg = message.replace(self._token, "[TOKEN]")
            record.args = None
        return True


def setup_logging(level: str, token: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactToken(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL, and the URL carries the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


# --- Entry point ------------------------------------------------------------------------------


def run(args: argparse.Namespace, env: dict[str, str] | None = None) -> int:
    """`python -m bot run [--webhook]`: validate everything, then serve until stopped."""
    try:
        config = load_config(env, store=args.store, webhook=args.webhook)
    except ConfigError as exc:
        print(f"release-bot: {exc}", file=sys.stderr)
        return 2
    store = load_store(config.knowledge)  # StoreError is reported by the CLI, exit 2
    setup_logging(config.log_level, config.token)
    app = build_application(config, store)
    stop_signals: Sequence[int] = (signal.SIGINT, signal.SIGTERM)
    try:
        if config.webhook:
            app.run_webhook(
                listen=config.listen,
                port=config.port,
                url_path="telegram",
                webhook_url=config.webhook_url,
                secret_token=config.webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
                stop_signals=stop_signals,
                bootstrap_retries=3,
            )
        else:
            app.run_polling(
                allowed_updates=ALLOWED_UPDATES,
                stop_signals=stop_signals,
                bootstrap_retries=3,
                timeout=10,
            )
    # Start-up failures end in one line, not an uncaught traceback (InvalidToken holds the token).
    except InvalidToken:
        print("release-bot: the Bot API rejected TELEGRAM_BOT_TOKEN", file=sys.stderr)
        return 2
    except (TelegramError, OSError) as exc:
        reason = str(exc).replace(config.token, "[TOKEN]")
        print(f"release-bot: could not start: {reason}", file=sys.stderr)
        return 1
    log.info("stopped")
    return 0
