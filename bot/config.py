"""Settings, read from the environment (flags may override): the one module that reads it.

`load_config` returns a frozen `Config` for the running bot, or raises
`ConfigError` with one line that names the variable and what is wrong with
it. The token is never part of any message. `store_path` and `data_dir` are
the two settings the other commands need without a token.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.store import DEFAULT_STORE

TELEGRAM_API_URL = "https://api.telegram.org/bot"
_TOKEN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{5,}$")
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_DIGITS = re.compile(r"[0-9]+")
_INTEGER = re.compile(r"-?[0-9]+")


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


Environ = Mapping[str, str]


def _environ(env: Environ | None) -> Environ:
    return os.environ if env is None else env


def _setting(env: Environ, name: str, default: str = "") -> str:
    """The variable's value without surrounding whitespace; blank or unset means `default`."""
    return env.get(name, "").strip() or default


def store_path(flag: str | None = None, env: Environ | None = None) -> Path:
    """The store to use: `--store`, else $BOT_KNOWLEDGE, else the shipped store."""
    return Path(flag or _setting(_environ(env), "BOT_KNOWLEDGE") or DEFAULT_STORE)


def data_dir(env: Environ | None = None) -> Path:
    """Where the unanswered log and the heartbeat live: $BOT_DATA_DIR, else ./var."""
    return Path(_setting(_environ(env), "BOT_DATA_DIR", "var"))


def load_config(
    env: Environ | None = None, *, store: str | None = None, webhook: bool = False
) -> Config:
    """Build the configuration from `env` (default: the process environment).

    Raises `ConfigError` on the first bad setting, in the order they are read here.
    """
    env = _environ(env)
    token = _token(env)
    log_level = _log_level(env)
    admin_ids = _admin_ids(env)
    api_url = _api_url(env)
    port = _port(env, "PORT", "8080", lowest=1)
    health_port = _port(env, "BOT_HEALTH_PORT", "8081", lowest=0)
    user_limit = _whole_number(
        env, "BOT_USER_LIMIT", "20", lowest=1, highest=None, what="a positive whole number"
    )
    webhook_url, secret = _webhook(env, webhook, port, health_port)
    return Config(
        token=token,
        knowledge=store_path(store, env),
        log_level=log_level,
        admin_ids=admin_ids,
        api_url=api_url,
        webhook=webhook,
        webhook_url=webhook_url,
        webhook_secret=secret,
        listen=_setting(env, "BOT_LISTEN", "0.0.0.0"),
        port=port,
        data_dir=data_dir(env),
        user_limit=user_limit,
        health_port=health_port,
    )


# --- One reader per setting (each raises ConfigError naming its variable) ------------


def _token(env: Environ) -> str:
    token = _setting(env, "TELEGRAM_BOT_TOKEN")
    if not token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set (get one from @BotFather)")
    if not _TOKEN.match(token):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN is malformed (expected digits, a colon, then letters)"
        )
    return token


def _log_level(env: Environ) -> str:
    level = _setting(env, "BOT_LOG_LEVEL", "INFO").upper()
    if level not in _LOG_LEVELS:
        raise ConfigError(f"BOT_LOG_LEVEL must be one of {', '.join(_LOG_LEVELS)}, not {level!r}")
    return level


def _admin_ids(env: Environ) -> frozenset[int]:
    admins: set[int] = set()
    for part in re.split(r"[,\s]+", _setting(env, "BOT_ADMIN_IDS")):
        if not part:
            continue
        if not _INTEGER.fullmatch(part):
            raise ConfigError(f"BOT_ADMIN_IDS must be numeric Telegram user ids, not {part!r}")
        admins.add(int(part))
    return frozenset(admins)


def _api_url(env: Environ) -> str:
    api_url = _setting(env, "TELEGRAM_API_URL", TELEGRAM_API_URL)
    if not re.match(r"^https?://[^\s/]+", api_url):
        raise ConfigError(f"TELEGRAM_API_URL must be an http(s) URL, not {api_url!r}")
    return api_url


def _port(env: Environ, name: str, default: str, *, lowest: int) -> int:
    what = f"a number from {lowest} to 65535"
    return _whole_number(env, name, default, lowest=lowest, highest=65535, what=what)


def _whole_number(
    env: Environ, name: str, default: str, *, lowest: int, highest: int | None, what: str
) -> int:
    """A whole number in [lowest, highest] (ASCII digits only: int() takes other scripts too)."""
    text = _setting(env, name, default)
    value = int(text) if _DIGITS.fullmatch(text) else None
    if value is None or value < lowest or (highest is not None and value > highest):
        raise ConfigError(f"{name} must be {what}, not {text!r}")
    return value


def _webhook(
    env: Environ, webhook: bool, port: int, health_port: int
) -> tuple[str | None, str | None]:
    """The webhook URL and secret; both required, and checked, only for --webhook."""
    url = _setting(env, "BOT_WEBHOOK_URL") or None
    secret = _setting(env, "BOT_WEBHOOK_SECRET") or None
    if not webhook:
        return url, secret
    if not url or not re.match(r"^https?://", url):
        raise ConfigError("BOT_WEBHOOK_URL must be set to the bot's public URL for --webhook")
    if not secret or not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        raise ConfigError(
            "BOT_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ or - for --webhook"
        )
    if health_port == port:
        raise ConfigError(f"BOT_HEALTH_PORT must differ from PORT ({port}), or be 0")
    return url, secret
