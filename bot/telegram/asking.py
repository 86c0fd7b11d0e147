"""One question's turn, apart from Telegram: match it, count it, keep a gap for the
operator, and build the reply. Handlers read the update, call `ask`, send the reply."""

from __future__ import annotations

import html
import logging

from bot import replies
from bot.matching import Kind
from bot.telegram import feedback
from bot.telegram.context import BotState

log = logging.getLogger("release_bot")


def client_language(state: BotState, hint: str | None) -> str:
    """The language of a Telegram `language_code` ("ru", "ko-KR") if the bot speaks it,
    else English: the language of what is said to a message with no question in it."""
    code = (hint or "en").split("-", 1)[0].lower()
    return code if code in state.matcher.languages else "en"


def ask(state: BotState, text: str, hint: str | None = None) -> replies.Reply:
    """Match a question in its language, count it, log it if uncovered, and build the reply.

    `hint` is the person's Telegram language code: it only breaks ties (a question
    of digits alone, Kazakh typed without Kazakh letters).
    """
    if not text.strip():
        strings = state.strings(client_language(state, hint))
        return replies.Reply(html.escape(strings["empty_question"], quote=False))
    match = state.matcher.match(text, hint)
    state.stats.record(match.kind)
    # No entry covered it: a gap in the store, even when a sentence of the release helped.
    if match.kind is Kind.FALLBACK or match.passage is not None:
        state.live.miss(match.question)
        try:
            state.unanswered.append(
                match.question, match.score, from_text=match.passage is not None
            )
        except OSError as exc:
            log.warning("cannot append to the unanswered-questions log: %s", exc)
    store = state.matcher.store_for(match.language)
    return feedback.offer(state, match, replies.html(match, store))
