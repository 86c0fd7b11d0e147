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

from bot.store import DEFAULT_STORE

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

    @property
    def unanswered_log(self) -> Path:
        return self.data_dir / "unanswered.jsonl"

    @property
    def heartbeat(self) -> Path:
        return self.data_dir / "heartbeat"


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
        health_port=int(health_text),
    )
