"""What handlers see: the bot's long-lived state, and a typed context that carries it.

`BotState` is created once in `build_application` and kept in `bot_data`;
handlers reach it as `context.state` (a `BotContext` property), never by a
string lookup, following PTB's `ContextTypes` pattern.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Config
from bot.feedback import FeedbackKeys, FeedbackLog
from bot.matching import Matchers
from bot.review.live import LiveReview
from bot.runtime import FloodGate, Heartbeat, RecentTaps, Stats, UnansweredLog, settle, unsettle
from bot.store import Store, StoreError, load_store
from bot.strings import Strings, strings_for

log = logging.getLogger("release_bot")

STATE_KEY = "state"  # the one bot_data key; read only through `BotContext.state`


@dataclass
class BotState:
    """Everything handlers need, created once in `build_application`."""

    config: Config
    store: Store
    matcher: Matchers  # one per language of the store
    gate: FloodGate  # messages and commands
    taps: FloodGate  # button taps: a budget of their own, so browsing never blocks a question
    recent_taps: RecentTaps  # a button tapped twice acts once
    stats: Stats
    unanswered: UnansweredLog
    heartbeat: Heartbeat
    feedback: FeedbackKeys | None = None  # None: BOT_FEEDBACK=0, no buttons
    feedback_log: FeedbackLog | None = None
    live: LiveReview = field(default_factory=LiveReview)  # misses and votes for /stats

    def strings(self, language: str) -> Strings:
        """What the bot says, in `language` ("en" for one it has no overlay for)."""
        return strings_for(self.matcher.store_for(language), language)

    def switch(self, store: Store) -> None:
        matcher = Matchers(store)  # built first, so no update sees a half-switched state
        unsettle()
        self.store, self.matcher = store, matcher
        settle()


class BotContext(CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The `context` of every handler: PTB's context plus typed access to `BotState`."""

    @property
    def state(self) -> BotState:
        return state_of(self.application)

    @property
    def store(self) -> Store:
        return self.state.store


# The application type the bot builds: the default one, with `BotContext` as its context.
BotApplication = Application[
    ExtBot[Any], BotContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any
]


def state_of(app: Application[Any, Any, Any, Any, Any, Any]) -> BotState:
    state: BotState = app.bot_data[STATE_KEY]
    return state


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
