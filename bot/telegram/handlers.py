"""Handlers: read the update, call the pure core (`Matcher`, `bot.replies`), send the reply.

Every handler takes a `BotContext`, whose `state` holds the store, matcher,
flood gate and counters. Registration and its order live in `bot.telegram.app`.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import html
import logging
from collections import Counter
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import (
    BadRequest,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot import replies
from bot.feedback import PREFIX as FEEDBACK_PREFIX
from bot.matching import Kind
from bot.review.live import stats_text
from bot.runtime import Gate, Stats
from bot.store import Store
from bot.telegram import feedback
from bot.telegram.asking import ask, client_language
from bot.telegram.context import BotContext, BotState, reload_store
from bot.telegram.transport import ReplyExpiredError

log = logging.getLogger("release_bot")

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]

Handler = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


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


def language_code(update: Update) -> str | None:
    """The person's Telegram client language ("ru", "ko", ...), if Telegram says."""
    user = update.effective_user
    return user.language_code if user is not None else None


async def admitted(update: Update, context: BotContext) -> bool:
    """Apply the per-user flood limit; tell the person once when they hit it."""
    user = update.effective_user
    message = update.effective_message
    if user is None:
        return True
    state = context.state
    verdict = state.gate.check(user.id)
    if verdict is Gate.PASS:
        return True
    state.stats.record("rate_limited")
    if verdict is Gate.NOTIFY and message is not None:
        strings = state.strings(user_language(update, state))
        text = replies.flood_notice(state.gate.wait(user.id), strings)
        await send(message, replies.Reply(html.escape(text, quote=False)))
    return False


async def on_private_text(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None or message.text is None or not await admitted(update, context):
        return
    await send(message, ask(context.state, message.text, language_code(update)))


async def on_group_text(update: Update, context: BotContext) -> None:
    """In groups, answer only when mentioned or replied to; stay silent otherwise."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    question = addressed_question(message, context.bot.username, context.bot.id)
    if question is None or not await admitted(update, context):
        return
    await send(message, ask(context.state, question, language_code(update)), quote=True)


def addressed_question(message: Message, username: str, bot_id: int) -> str | None:
    """The question in a group message meant for the bot, or None if it is not for us.

    Only what Telegram marks counts: a mention entity of the bot's username, a
    text mention of the bot, or a reply to the bot's message. The name inside an
    e-mail address (x@bot_name.com is an email entity) or a longer username is no
    mention. The question is the text without the mentions of the bot.
    """
    text = message.text or ""
    units = text.encode("utf-16-le", "surrogatepass")  # entity offsets count UTF-16 units
    spans = []
    for entity in message.entities:
        start, end = 2 * entity.offset, 2 * (entity.offset + entity.length)
        named = units[start:end].decode("utf-16-le", "surrogatepass")
        if (entity.type == MessageEntity.MENTION and named.lower() == f"@{username}".lower()) or (
            entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id
        ):
            spans.append((start, end))
    replied = message.reply_to_message is not None and (
        message.reply_to_message.from_user is not None
        and message.reply_to_message.from_user.id == bot_id
    )
    if not (spans or replied):
        return None
    for start, end in reversed(spans):
        units = units[:start] + " ".encode("utf-16-le") + units[end:]
    return " ".join(units.decode("utf-16-le", "surrogatepass").split())


async def on_ask(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None or not await admitted(update, context):
        return
    question = " ".join(context.args or [])
    if not question:
        await send(message, notice(update, context.state, "ask_usage"), quote=True)
        return
    quote = message.chat.type != ChatType.PRIVATE
    await send(message, ask(context.state, question, language_code(update)), quote=quote)


async def on_not_text(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None or not await admitted(update, context):
        return
    await send(message, notice(update, context.state, "not_text"))


# --- Commands -----------------------------------------------------------------------------


def flood_limited(handler: Handler) -> Handler:
    """Apply the per-user flood limit before a command handler runs."""

    @functools.wraps(handler)
    async def limited(update: Update, context: BotContext) -> None:
        if await admitted(update, context):
            await handler(update, context)

    return limited


def user_language(update: Update, state: BotState) -> str:
    """The person's client language if the bot speaks it, else English."""
    return client_language(state, language_code(update))


def notice(update: Update, state: BotState, key: str) -> replies.Reply:
    """The bot's string `key` (`bot.strings`) as a reply in the person's client language:
    what is said to a message with no question to read the language from."""
    return replies.Reply(html.escape(state.strings(user_language(update, state))[key], quote=False))


def replying(build: Callable[[Store], replies.Reply]) -> Handler:
    """A command whose reply depends only on the store (/start, /help, /topics)."""

    @flood_limited
    async def handler(update: Update, context: BotContext) -> None:
        if update.effective_message:
            # /start, /help and /topics speak the language of the person's Telegram client.
            store = context.state.matcher.store_for(user_language(update, context.state))
            await send(update.effective_message, build(store))

    return handler


@flood_limited
async def on_source(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None:
        return
    for chunk in replies.source_chunks(context.store):
        await send(message, replies.Reply(chunk))


def is_admin(update: Update, context: BotContext) -> bool:
    user = update.effective_user
    return user is not None and user.id in context.state.config.admin_ids


def admin_only(handler: Handler) -> Handler:
    """Run a command only for BOT_ADMIN_IDS; tell anyone else politely."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: BotContext) -> None:
        if is_admin(update, context):
            await handler(update, context)
        elif update.effective_message:
            await send(update.effective_message, notice(update, context.state, "admins_only"))

    return guarded


@flood_limited
@admin_only
async def on_reload(update: Update, context: BotContext) -> None:
    if update.effective_message:
        report = reload_store(context.state)
        await send(update.effective_message, replies.Reply(html.escape(report)))


@flood_limited
@admin_only
async def on_stats(update: Update, context: BotContext) -> None:
    if update.effective_message:
        # Grouping thousands of misses takes up to a second: off the event loop, on a copy.
        state = context.state
        stats = Stats(state.stats.started, Counter(state.stats.counts))
        live = state.live.copy()
        summary = await asyncio.to_thread(stats_text, stats, live)
        await send(update.effective_message, replies.Reply(html.escape(summary)))


# --- Buttons and inline mode -----------------------------------------------------------


async def on_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    if query is None:
        return
    state = context.state
    refusal = tap_refused(query, state)
    if refusal is not None:  # answered all the same, so the spinner stops
        with contextlib.suppress(BadRequest):
            await query.answer(refusal or None)
        return
    if (query.data or "").startswith(FEEDBACK_PREFIX):  # 👍/👎 and "✓ thanks"
        await feedback.on_feedback(update, context, user_language(update, state))
        return
    language, data = replies.button_language(query.data or "")
    reply, answered = replies.for_button(state.matcher.store_for(language), data)
    if answered:
        state.stats.record(Kind.ANSWER)
    # Always answer the callback, even for a stale button, so the spinner stops.
    with contextlib.suppress(BadRequest):
        expired = state.strings(language)["expired_button"]
        await query.answer(None if reply else expired)
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


def tap_refused(query: CallbackQuery, state: BotState) -> str | None:
    """Why a tap is not acted on: "" for a repeat of a recent tap, the notice for a tap over
    the tap limit, or None to act on it.

    A repeat is the same data on the same message within a few seconds (a double
    tap, or a second tap while the first answer was on its way); it costs no budget.
    """
    where: object = query.inline_message_id or query.id
    if query.message is not None:
        where = (query.message.chat.id, query.message.message_id)
    if not state.recent_taps.first((where, query.data)):
        return ""
    user_id = query.from_user.id
    if state.taps.check(user_id) is Gate.PASS:
        return None
    state.stats.record("rate_limited")
    return replies.taps_limited(state.taps.wait(user_id))


async def on_inline(update: Update, context: BotContext) -> None:
    query = update.inline_query
    if query is None:
        return
    state = context.state
    state.stats.record("inline")
    hint = language_code(update)
    language = state.matcher.language_of(query.query, hint)
    candidates = state.matcher.candidates(query.query, hint) if query.query.strip() else []
    results = [
        InlineQueryResultArticle(
            id=article.id,
            title=article.title,
            description=article.description,
            input_message_content=InputTextMessageContent(article.text, parse_mode=ParseMode.HTML),
        )
        for article in replies.inline_articles(
            state.matcher.store_for(language), query.query, candidates
        )
    ]
    with contextlib.suppress(BadRequest):
        await query.answer(results, cache_time=60, is_personal=False)


# --- Errors ---------------------------------------------------------------------------------


async def on_error(update: object, context: BotContext) -> None:
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
    if isinstance(error, (ReplyExpiredError, TimedOut)):
        # Expired after an outage (logged when it began), or a send that timed out and may
        # have arrived: one line, no traceback; an apology would not get through either.
        log.warning("reply to a %s update in a %s chat dropped: %s", kind, chat_type, error)
        return
    log.error("error handling %s update in %s chat", kind, chat_type, exc_info=error)
    if isinstance(update, Update) and update.effective_message and kind == "message":
        with contextlib.suppress(TelegramError):
            sorry = notice(update, context.state, "sorry")
            await update.effective_message.reply_text(sorry.text)
