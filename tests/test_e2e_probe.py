"""End to end, for the findings of a probe: the real `python -m bot run` against FakeBotApi.

What people write and who they are never reaches a DEBUG log, and `health` turns red
while the Bot API fails and green when it is back. Launching, talking and stopping
the bot are the helpers of tests/test_e2e.py.
"""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest

from tests.fake_bot_api import FakeBotApi
from tests.test_e2e import (
    START_TIMEOUT,
    BotProcess,
    Conversation,
    Launch,
    assert_clean_exit,
    free_port,
    launch,
)

pytestmark = pytest.mark.e2e
__all__ = ["launch"]  # the fixture, used by name

PERSON = 777_123_456  # an id and a name that appear nowhere else
NAME = "Zephyrine"


def _wait_for_health(bot: BotProcess, healthy: bool, timeout: float) -> str:
    """Run `python -m bot health` until it says `healthy`; return its one line."""
    deadline = time.monotonic() + timeout
    result: subprocess.CompletedProcess[str] | None = None
    while time.monotonic() < deadline:
        result = bot.health()
        if (result.returncode == 0) is healthy:
            return (result.stdout + result.stderr).strip()
        time.sleep(0.2)
    assert result is not None
    pytest.fail(f"health never became {healthy}: {result.stdout}{result.stderr}")


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_debug_log_holds_no_names_ids_or_message_text(
    fake_api: FakeBotApi, launch: Launch, mode: str
) -> None:
    """At BOT_LOG_LEVEL=DEBUG, messages, taps and inline queries leave no name, user id or
    text in the log, which still shows each update and Bot API call."""
    api = fake_api
    talk = Conversation(api)
    secret_words = ["quixotically", "marmalade", "xylophonic", "zugzwang"]
    args: list[str] = []
    settings = {"BOT_LOG_LEVEL": "DEBUG"}
    if mode == "webhook":
        port = free_port()
        args = ["--webhook"]
        settings |= {
            "BOT_WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram",
            "BOT_WEBHOOK_SECRET": "probe-secret",
            "BOT_LISTEN": "127.0.0.1",
            "PORT": str(port),
            "BOT_HEALTH_PORT": "0",
        }
    with launch(*args, **settings) as bot:
        first = "setWebhook" if mode == "webhook" else "getUpdates"
        api.wait_for(lambda c: c.method == first, timeout=START_TIMEOUT)
        talk.message(f"Is {secret_words[0]} in the release?", user_id=PERSON, first_name=NAME)
        talk.message(f"{secret_words[1]} \udcff", user_id=PERSON, first_name=NAME)
        talk.message(
            f"@{api.bot_username} {secret_words[2]} flights?",
            user_id=PERSON,
            chat_id=-PERSON,
            first_name=NAME,
        )
        talk.tap("t:0", user_id=PERSON)
        api.inline_query(secret_words[3], user_id=PERSON)
        api.wait_for(lambda c: c.method == "answerInlineQuery")
        time.sleep(0.3)
        assert_clean_exit(bot)
        log = bot.stderr()
    assert "Processing update <update " in log  # DEBUG was on, and updates were logged
    assert "Calling Bot API endpoint `sendMessage`" in log
    leaks = [w for w in [*secret_words, NAME, str(PERSON)] if w in log]
    assert leaks == [], "\n".join(
        line for line in log.splitlines() if any(w in line for w in leaks)
    )
    assert re.search(r"\bAnn\b", log) is None  # the name FakeBotApi gives tappers
    assert "Logging error" not in log


def test_health_is_red_while_the_bot_api_fails_and_green_when_it_is_back(
    fake_api: FakeBotApi, launch: Launch, tmp_path: Path
) -> None:
    """Server errors on getUpdates make `health` red within seconds (not after 90 s) and
    say why; the first good exchange afterwards makes it green again."""
    api = fake_api
    with launch() as bot:
        api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
        assert _wait_for_health(bot, True, 10).startswith("healthy: last heartbeat")
        # Three rounds of polling, each a request and its one retry, fail: about 5 s of
        # outage with PTB's back-off (1 s, then 1.5 s, then 2.25 s).
        api.inject("getUpdates", "500", count=6)
        api.user_message("hi")  # ends the current long poll, so the next one meets the faults
        line = _wait_for_health(bot, False, 10)
        assert re.fullmatch(
            r"unhealthy: Bot API exchanges failing for \d+s \(the Bot API answered HTTP 500\)",
            line,
        )
        assert _wait_for_health(bot, True, 30).startswith("healthy: last heartbeat")
        assert (tmp_path / "data" / "heartbeat").read_text() == ""
        assert_clean_exit(bot)
