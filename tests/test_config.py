"""load_config: each environment variable, its default, and the one-line error it gives."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import bot
from bot.config import TELEGRAM_API_URL, Config, ConfigError, data_dir, load_config, store_path
from bot.store import DEFAULT_STORE

TOKEN = "123456:ABC-def_ghi"
WEBHOOK = {"BOT_WEBHOOK_URL": "https://bot.example.org/telegram", "BOT_WEBHOOK_SECRET": "s3cr3t"}


def env(**settings: str) -> dict[str, str]:
    return {"TELEGRAM_BOT_TOKEN": TOKEN, **settings}


def error_of(settings: dict[str, str], **kwargs: object) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(settings, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message
    return message


def test_defaults_with_only_a_token() -> None:
    """With only a token set, every other setting has its documented default."""
    config = load_config(env())
    assert config == Config(
        token=TOKEN,
        knowledge=DEFAULT_STORE,
        log_level="INFO",
        admin_ids=frozenset(),
        api_url=TELEGRAM_API_URL,
        webhook=False,
        webhook_url=None,
        webhook_secret=None,
        listen="0.0.0.0",
        port=8080,
        data_dir=Path("var"),
    )
    assert config.unanswered_log == Path("var/unanswered.jsonl")
    assert config.heartbeat == Path("var/heartbeat")


@pytest.mark.parametrize("token", [None, "", "   "])
def test_missing_token_is_one_line_naming_the_variable(token: str | None) -> None:
    """An unset or blank TELEGRAM_BOT_TOKEN names the variable and where to get a token."""
    settings = {} if token is None else {"TELEGRAM_BOT_TOKEN": token}
    assert error_of(settings) == "TELEGRAM_BOT_TOKEN is not set (get one from @BotFather)"


@pytest.mark.parametrize("token", ["not-a-token", "12:abcdef", "123456:", "123456:ab cd ef"])
def test_malformed_token_is_refused_without_echoing_it(token: str) -> None:
    """A malformed token is reported as such, and the message never repeats the token."""
    message = error_of({"TELEGRAM_BOT_TOKEN": token})
    assert message == "TELEGRAM_BOT_TOKEN is malformed (expected digits, a colon, then letters)"


def test_token_is_stripped_and_hidden_from_repr() -> None:
    """Surrounding whitespace is dropped and repr(config) shows neither token nor secret."""
    config = load_config(env(TELEGRAM_BOT_TOKEN=f"  {TOKEN}\n", **WEBHOOK), webhook=True)
    assert config.token == TOKEN
    assert TOKEN not in repr(config)
    assert "s3cr3t" not in repr(config)


@pytest.mark.parametrize(
    ("value", "level"), [("debug", "DEBUG"), (" Warning ", "WARNING"), ("", "INFO")]
)
def test_log_level_is_case_insensitive(value: str, level: str) -> None:
    """BOT_LOG_LEVEL accepts any case; blank means INFO."""
    assert load_config(env(BOT_LOG_LEVEL=value)).log_level == level


def test_unknown_log_level_lists_the_choices() -> None:
    """An unknown BOT_LOG_LEVEL lists the valid levels and quotes what was given."""
    assert error_of(env(BOT_LOG_LEVEL="loud")) == (
        "BOT_LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, not 'LOUD'"
    )


def test_admin_ids_split_on_commas_and_spaces() -> None:
    """BOT_ADMIN_IDS takes numeric ids separated by commas and/or whitespace."""
    config = load_config(env(BOT_ADMIN_IDS=" 42, 7  -1001,,9 "))
    assert config.admin_ids == frozenset({42, 7, -1001, 9})


def test_non_numeric_admin_id_is_named() -> None:
    """A non-numeric entry in BOT_ADMIN_IDS is quoted in the error."""
    assert error_of(env(BOT_ADMIN_IDS="42,@alice")) == (
        "BOT_ADMIN_IDS must be numeric Telegram user ids, not '@alice'"
    )


def test_api_url_can_point_at_a_local_server() -> None:
    """TELEGRAM_API_URL replaces the official endpoint (blank keeps it)."""
    assert load_config(env(TELEGRAM_API_URL="http://127.0.0.1:8081/bot")).api_url == (
        "http://127.0.0.1:8081/bot"
    )
    assert load_config(env(TELEGRAM_API_URL=" ")).api_url == TELEGRAM_API_URL


@pytest.mark.parametrize("url", ["ftp://example.org/bot", "127.0.0.1:8081/bot", "http:// x"])
def test_api_url_must_be_http(url: str) -> None:
    """A TELEGRAM_API_URL that is not http(s) is quoted in the error."""
    assert error_of(env(TELEGRAM_API_URL=url)) == (
        f"TELEGRAM_API_URL must be an http(s) URL, not {url!r}"
    )


def test_store_flag_beats_bot_knowledge_which_beats_the_default() -> None:
    """--store overrides BOT_KNOWLEDGE, which overrides the shipped store."""
    assert load_config(env(BOT_KNOWLEDGE="from/env.yaml")).knowledge == Path("from/env.yaml")
    flagged = load_config(env(BOT_KNOWLEDGE="from/env.yaml"), store="from/flag.yaml")
    assert flagged.knowledge == Path("from/flag.yaml")


@pytest.mark.parametrize(("value", "port"), [("443", 443), (" 65535 ", 65535), ("", 8080)])
def test_port_accepts_1_to_65535(value: str, port: int) -> None:
    """PORT is a number from 1 to 65535; blank means 8080."""
    assert load_config(env(PORT=value)).port == port


@pytest.mark.parametrize("value", ["abc", "0", "65536", "-1", "80.5", "²", "٣٣"])
def test_bad_port_is_quoted(value: str) -> None:
    """A PORT outside 1-65535 or not a number is quoted in the error."""
    assert error_of(env(PORT=value)) == f"PORT must be a number from 1 to 65535, not {value!r}"


def test_webhook_settings_are_read() -> None:
    """With --webhook, the URL, secret, listen address and port come from the environment."""
    config = load_config(env(**WEBHOOK, BOT_LISTEN="127.0.0.1", PORT="8443"), webhook=True)
    assert (config.webhook, config.webhook_url, config.webhook_secret) == (
        True,
        "https://bot.example.org/telegram",
        "s3cr3t",
    )
    assert (config.listen, config.port) == ("127.0.0.1", 8443)


def test_webhook_settings_are_optional_without_webhook() -> None:
    """Polling needs neither BOT_WEBHOOK_URL nor BOT_WEBHOOK_SECRET."""
    config = load_config(env())
    assert (config.webhook, config.webhook_url, config.webhook_secret) == (False, None, None)


@pytest.mark.parametrize("url", [None, "", "bot.example.org/telegram"])
def test_webhook_needs_an_http_url(url: str | None) -> None:
    """--webhook without an http(s) BOT_WEBHOOK_URL says what to set."""
    settings = env(BOT_WEBHOOK_SECRET="s3cr3t")
    if url is not None:
        settings["BOT_WEBHOOK_URL"] = url
    assert error_of(settings, webhook=True) == (
        "BOT_WEBHOOK_URL must be set to the bot's public URL for --webhook"
    )


@pytest.mark.parametrize("secret", [None, "has space", "x" * 257, "ünïcode"])
def test_webhook_secret_must_be_telegram_safe(secret: str | None) -> None:
    """--webhook needs a BOT_WEBHOOK_SECRET of 1-256 characters Telegram allows, never echoed."""
    settings = env(BOT_WEBHOOK_URL="https://bot.example.org/telegram")
    if secret is not None:
        settings["BOT_WEBHOOK_SECRET"] = secret
    message = error_of(settings, webhook=True)
    assert message == (
        "BOT_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ or - for --webhook"
    )


def test_data_dir_holds_the_log_and_heartbeat() -> None:
    """BOT_DATA_DIR is where the unanswered log and the heartbeat live."""
    config = load_config(env(BOT_DATA_DIR="/srv/bot"))
    assert config.data_dir == Path("/srv/bot")
    assert config.unanswered_log == Path("/srv/bot/unanswered.jsonl")
    assert config.heartbeat == Path("/srv/bot/heartbeat")


def test_first_bad_setting_wins() -> None:
    """With several bad settings, the error names the token first (the order they are read)."""
    assert error_of({"PORT": "abc", "BOT_LOG_LEVEL": "loud"}).startswith("TELEGRAM_BOT_TOKEN")


def test_user_limit_is_read_from_the_environment() -> None:
    """BOT_USER_LIMIT sets how many messages a person may send per minute."""
    assert load_config(env(BOT_USER_LIMIT="50")).user_limit == 50
    assert load_config(env()).user_limit == 20


@pytest.mark.parametrize("value", ["0", "-3", "many", "2.5"])
def test_bad_user_limit_is_quoted(value: str) -> None:
    """A user limit that is not a positive whole number is one line naming it."""
    assert error_of(env(BOT_USER_LIMIT=value)) == (
        f"BOT_USER_LIMIT must be a positive whole number, not {value!r}"
    )


def test_health_port_defaults_and_can_be_turned_off() -> None:
    """BOT_HEALTH_PORT is 8081 by default; 0 turns the webhook-mode health route off."""
    assert load_config(env()).health_port == 8081
    assert load_config(env(BOT_HEALTH_PORT="0")).health_port == 0


def test_bad_health_port_is_quoted() -> None:
    """A health port that is not a port number is one line naming it."""
    assert error_of(env(BOT_HEALTH_PORT="x")) == (
        "BOT_HEALTH_PORT must be a number from 0 to 65535, not 'x'"
    )


def test_webhook_health_port_must_differ_from_the_webhook_port() -> None:
    """In webhook mode the health route cannot share the webhook's port."""
    settings = env(
        BOT_WEBHOOK_URL="https://bot.example.com/telegram",
        BOT_WEBHOOK_SECRET="s3cret",
        PORT="9000",
        BOT_HEALTH_PORT="9000",
    )
    assert error_of(settings, webhook=True) == (
        "BOT_HEALTH_PORT must differ from PORT (9000), or be 0"
    )


@pytest.mark.parametrize("name", ["BOT_HEALTH_PORT", "BOT_USER_LIMIT"])
def test_digits_of_other_scripts_are_refused(name: str) -> None:
    """Only ASCII digits make a number ("²" passes str.isdigit but int() refuses it)."""
    message = error_of(env(**{name: "²"}))
    assert message.startswith(f"{name} must be ") and message.endswith(", not '²'")


# --- Settings read without a token: the store and the data folder ------------------------


@pytest.mark.parametrize(
    ("flag", "settings", "expected"),
    [
        ("flag.yaml", {"BOT_KNOWLEDGE": "env.yaml"}, Path("flag.yaml")),
        (None, {"BOT_KNOWLEDGE": " env.yaml "}, Path("env.yaml")),
        (None, {"BOT_KNOWLEDGE": "  "}, DEFAULT_STORE),
        (None, {}, DEFAULT_STORE),
    ],
)
def test_store_path_is_the_flag_then_bot_knowledge_then_the_shipped_store(
    flag: str | None, settings: dict[str, str], expected: Path
) -> None:
    """store_path: --store, else $BOT_KNOWLEDGE (blank is unset), else the shipped store."""
    assert store_path(flag, settings) == expected


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"BOT_DATA_DIR": "/srv/bot "}, Path("/srv/bot")),
        ({"BOT_DATA_DIR": ""}, Path("var")),
        ({}, Path("var")),
    ],
)
def test_data_dir_is_bot_data_dir_else_var(settings: dict[str, str], expected: Path) -> None:
    """data_dir: $BOT_DATA_DIR (blank is unset), else ./var, as load_config reads it."""
    assert data_dir(settings) == expected
    assert load_config(env(**settings)).data_dir == expected


def test_the_process_environment_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without an explicit mapping, every reader uses the process environment."""
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("BOT_KNOWLEDGE", "from/env.yaml")
    monkeypatch.setenv("BOT_DATA_DIR", "from/env")
    config = load_config()
    assert (config.token, config.knowledge, config.data_dir) == (
        TOKEN,
        Path("from/env.yaml"),
        Path("from/env"),
    )
    assert (store_path(), data_dir()) == (Path("from/env.yaml"), Path("from/env"))


def _reads_the_environment(tree: ast.AST) -> list[int]:
    """Lines that touch os.environ, os.environb or os.getenv (or import them)."""
    names = {"environ", "environb", "getenv", "getenvb"}
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in names:
            lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            lines += [node.lineno for alias in node.names if alias.name in names]
    return lines


def test_only_config_reads_the_environment() -> None:
    """bot/config.py is the one module of the package that reads environment variables."""
    package = Path(bot.__file__).parent
    readers = {
        str(path.relative_to(package)): lines
        for path in sorted(package.rglob("*.py"))
        if (lines := _reads_the_environment(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert set(readers) == {"config.py"}, readers
