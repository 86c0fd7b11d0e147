"""👍/👎 under answers: offering the buttons, and recording a tap once.

A tap answers the callback with a toast, appends one line to `feedback.jsonl`
(`bot.feedback`), and turns the pair into a single "✓ thanks" button; the
message itself stays. The key is forgotten on the first tap, so a second tap,
or a tap on a pair from before a restart, records nothing.
"""

from __future__ import annotations

import contextlib
import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest

from bot import feedback, replies
from bot.matching import Kind, Match
from bot.telegram.context import BotContext, BotState

log = logging.getLogger("release_bot")


def offer(state: BotState, match: Match, reply: replies.Reply) -> replies.Reply:
    """`reply` with 👍/👎 under it when it answers a question (an entry or a quoted sentence)."""
    if state.feedback is None or match.kind is not Kind.ANSWER:
        return reply
    entry = match.entry.id if match.entry is not None else None
    rated = feedback.Rated(match.question, entry, match.score, match.language)
    key = state.feedback.remember(rated)
    return feedback.with_buttons(reply, key)


def record(state: BotState, data: str) -> tuple[feedback.Toast, str | None]:
    """Record the tap with callback `data` if its answer can still be rated: the toast to
    show, and the language of the rated answer (None when no answer is known)."""
    if data == feedback.DONE:
        return feedback.Toast.ALREADY, None
    parsed = feedback.parse_data(data)
    rated = None
    if parsed is not None and state.feedback is not None:
        rated = state.feedback.take(parsed[1])
    if parsed is None or rated is None:
        return feedback.Toast.EXPIRED, None
    verdict = parsed[0]
    state.live.vote(rated.entry, verdict)
    if state.feedback_log is not None:
        try:
            state.feedback_log.append(rated, verdict)
        except OSError as exc:
            log.warning("cannot append to the feedback log: %s", exc)
    return feedback.Toast.THANKS, rated.language


async def on_feedback(update: Update, context: BotContext, client_language: str) -> None:
    """Record a tap on 👍/👎 and answer it in the rated answer's language (the person's
    client language, `client_language`, when the answer is no longer known)."""
    query = update.callback_query
    if query is None:
        return
    state = context.state  # the tap budget was checked by handlers.on_button
    toast, language = record(state, query.data or "")
    strings = state.strings(language or client_language)
    with contextlib.suppress(BadRequest):
        await query.answer(strings[toast])
    message = query.message
    recorded = toast is feedback.Toast.THANKS
    if not recorded or not isinstance(message, Message) or not message.reply_markup:
        return
    rows = [
        [replies.Button(b.text, str(b.callback_data)) for b in row]
        for row in message.reply_markup.inline_keyboard
    ]
    keyboard = [
        [InlineKeyboardButton(b.text, callback_data=b.data) for b in row]
        for row in feedback.rated_rows(rows, strings["feedback_done"])
    ]
    with contextlib.suppress(BadRequest):  # too old to edit, or already "✓ thanks"
        await message.edit_reply_markup(InlineKeyboardMarkup(keyboard))
