"""Settings of the running bot, read once from the environment (flags may override).

`load_config` returns a frozen `Config` or raises `ConfigError` with one line
that names the variable and what is wrong with it. The token is never part
of any message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge import DEFAULT_STORE

TELEGRAM_API_URL = "https://api.telegram.org/bot"
_TOKEN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{5,}$")
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class ConfigError(Exception):
    """A setting is missing or malformed; the message is one line for the operator."""


@dataclass(frozen=True)
class Config:
    token: str = field(repr=False)
    knowledge: Path = DEFAULT_STORE
    log_level: str = "INFO"
    admin_ids: frozenset[int] = frozenset()
    api_url: str = TELEGRAM_API_URL
    webhook: bool = False
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    listen: str = "0.0.0.0"
    port: int = 8080
    health_port: int = 8081  # webhook mode: GET /healthz on this port (0: none)
    data_dir: Path = Path("var")
    # Inbound flood limit: at most `user_limit` messages per `user_window` seconds
    # (BOT_USER_LIMIT sets the count; the window is a minute).
    user_limit: int = 20
    user_window: float = 60.0
    # Button taps have a budget of their own (BOT_TAP_LIMIT per minute), so browsing the
    # topics never uses up the one for questions: a person reading answers taps about once
    # every few seconds, and 60 a minute leaves room for quick bursts.
    tap_limit: int = 60
    tap_window: float = 60.0
    # unanswered.jsonl is rotated once it would pass BOT_UNANSWERED_MAX_KB kilobytes;
    # BOT_UNANSWERED_KEEP rotated files (.1 newest) are kept.
    unanswered_max_kb: int = 10 * 1024
    unanswered_keep: int = 5
    # Durable inbox and outages (bot/telegram/inbox.py, transport.py, serve.py).
    inbox_cap: int = 10_000  # BOT_INBOX_CAP: most updates kept; 0 turns the inbox off
    reply_max_age: float = 600.0  # BOT_REPLY_MAX_AGE: seconds a reply is retried, then dropped
    stop_timeout: float = 6.0  # BOT_STOP_TIMEOUT: seconds to finish replies after SIGTERM

    @property
    def unanswered_log(self) -> Path:
        return self.data_dir / "unanswered.jsonl"

    @property
    def heartbeat(self) -> Path:
        return self.data_dir / "heartbeat"

    @property
    def inbox(self) -> Path:
        return self.data_dir / "inbox.sqlite3"


def _whole(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    """A whole number from `low` to `high`, or ConfigError naming the variable."""
    text = env.get(name, "").strip() or str(default)
    if not text.isdigit() or not low <= int(text) <= high:
        raise ConfigError(f"{name} must be a whole number from {low} to {high}, not {text!r}")
    return int(text)


def load_config(
    env: Mapping[str, str], *, store: str | None = None, webhook: bool = False
) -> Config:
    """Build the configuration from `env`; raise `ConfigError` on the first bad setting."""
    token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set (get one from @BotFather)")
    if not _TOKEN.match(token):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN is malformed (expected digits, a colon, then letters)"
        )

    level = env.get("BOT_LOG_LEVEL", "INFO").strip().upper() or "INFO"
    if level not in _LOG_LEVELS:
        raise ConfigError(f"BOT_LOG_LEVEL must be one of {', '.join(_LOG_LEVELS)}, not {level!r}")

    admins: set[int] = set()
    for part in re.split(r"[,\s]+", env.get("BOT_ADMIN_IDS", "").strip()):
        if not part:
            continue
        if not re.fullmatch(r"-?\d+", part):
            raise ConfigError(f"BOT_ADMIN_IDS must be numeric Telegram user ids, not {part!r}")
        admins.add(int(part))

    api_url = env.get("TELEGRAM_API_URL", "").strip() or TELEGRAM_API_URL
    if not re.match(r"^https?://[^\s/]+", api_url):
        raise ConfigError(f"TELEGRAM_API_URL must be an http(s) URL, not {api_url!r}")

    knowledge = Path(store or env.get("BOT_KNOWLEDGE", "").strip() or DEFAULT_STORE)
    port_text = env.get("PORT", "8080").strip() or "8080"
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ConfigError(f"PORT must be a number from 1 to 65535, not {port_text!r}")

    health_text = env.get("BOT_HEALTH_PORT", "").strip() or "8081"
    if not health_text.isdigit() or not 0 <= int(health_text) < 65536:
        raise ConfigError(f"BOT_HEALTH_PORT must be a number from 0 to 65535, not {health_text!r}")

    limit_text = env.get("BOT_USER_LIMIT", "").strip() or "20"
    if not limit_text.isdigit() or int(limit_text) < 1:
        raise ConfigError(f"BOT_USER_LIMIT must be a positive whole number, not {limit_text!r}")

    webhook_url = env.get("BOT_WEBHOOK_URL", "").strip() or None
    secret = env.get("BOT_WEBHOOK_SECRET", "").strip() or None
    if webhook:
        if not webhook_url or not re.match(r"^https?://", webhook_url):
            raise ConfigError("BOT_WEBHOOK_URL must be set to the bot's public URL for --webhook")
        if not secret or not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise ConfigError(
                "BOT_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ or - for --webhook"
            )

    if webhook and int(health_text) == int(port_text):
        raise ConfigError(f"BOT_HEALTH_PORT must differ from PORT ({port_text}), or be 0")

    return Config(
        token=token,
        knowledge=knowledge,
        log_level=level,
        admin_ids=frozenset(admins),
        api_url=api_url,
        webhook=webhook,
        webhook_url=webhook_url,
        webhook_secret=secret,
        listen=env.get("BOT_LISTEN", "").strip() or "0.0.0.0",
        port=int(port_text),
        data_dir=Path(env.get("BOT_DATA_DIR", "").strip() or "var"),
        user_limit=int(limit_text),
        tap_limit=_count(env, "BOT_TAP_LIMIT", 60, lowest=1),
        unanswered_max_kb=_count(env, "BOT_UNANSWERED_MAX_KB", 10 * 1024, lowest=1),
        unanswered_keep=_count(env, "BOT_UNANSWERED_KEEP", 5, lowest=0),
        health_port=int(health_text),
        inbox_cap=_whole(env, "BOT_INBOX_CAP", 10_000, 0, 10_000_000),
        reply_max_age=_whole(env, "BOT_REPLY_MAX_AGE", 600, 1, 86_400),
        stop_timeout=_whole(env, "BOT_STOP_TIMEOUT", 6, 0, 3_600),
    )


def _count(env: Mapping[str, str], name: str, default: int, *, lowest: int) -> int:
    """A whole number of at least `lowest` (ASCII digits only: int() takes "²" too)."""
    text = env.get(name, "").strip() or str(default)
    if not re.fullmatch(r"[0-9]{1,9}", text) or int(text) < lowest:
        what = "a positive whole number" if lowest > 0 else "a whole number (0 or more)"
        raise ConfigError(f"{name} must be {what}, not {text!r}")
    return int(text)
