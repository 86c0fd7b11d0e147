"""Throughput baseline: a bare PTB echo bot. `python -m benchmarks.echo_bot [--no-rate-limiter]`.

One `MessageHandler` that replies with the same text (HTML-escaped, as our bot
escapes everything it sends). It is built with the same `ApplicationBuilder`
settings as `bot.telegram.app.build_application` where they cost the same for
both: `Defaults(parse_mode=HTML)`, `AIORateLimiter(max_retries=5)` (unless
`--no-rate-limiter`), an `HTTPXRequest` pool of 16 connections for outgoing
calls, `concurrent_updates(8)` and 10-second long polls (PTB's `run_polling`;
our bot has a poller of its own with the same timeout). It has none of our
bot's own work: no matcher, no reply building, no per-user flood gate, no
heartbeat or retrying request class, no inbox, no `setMyCommands`.

Reads TELEGRAM_BOT_TOKEN and TELEGRAM_API_URL like the real bot; meant only
for `benchmarks/throughput.py`, against a fake Bot API on 127.0.0.1.
"""

from __future__ import annotations

import html
import os
import signal
import sys

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ContextTypes,
    Defaults,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None and message.text is not None:
        await message.reply_text(html.escape(message.text))


def main(argv: list[str]) -> int:
    builder = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_URL"])
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .request(HTTPXRequest(connection_pool_size=16))
        .get_updates_request(HTTPXRequest())
        .concurrent_updates(8)
    )
    app: Application  # type: ignore[type-arg]
    if "--no-rate-limiter" in argv:
        app = builder.build()
    else:
        app = builder.rate_limiter(AIORateLimiter(max_retries=5)).build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.run_polling(
        allowed_updates=[Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY],
        stop_signals=(signal.SIGINT, signal.SIGTERM),
        bootstrap_retries=3,
        timeout=10,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
