"""End to end, the real bot process against the fake Bot API: nothing lost, nothing twice.

kill -9 with questions fetched, a 30-second outage with 300 questions queued,
SIGTERM during an outage, a second signal, and start-up with the Bot API
unreachable. Every wait is bounded; processes are stopped by their pid.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from bot import replies
from bot.config import Config
from bot.matching import Matcher
from bot.store import Entry, Store
from bot.telegram.serve import SHUTDOWN_SLACK
from tests.bot_process import ROOT, START_TIMEOUT, Launch, free_port, make_launch
from tests.fake_bot_api import FakeBotApi

pytestmark = pytest.mark.e2e

STOP_BOUND = Config(token="1:x").stop_timeout + SHUTDOWN_SLACK  # the documented bound
OUTAGE = 30.0  # seconds: the outage the bot must ride out without losing a reply


@pytest.fixture
def launch(
    fake_api: FakeBotApi, tmp_path: Path, store_path: Path, bot_env: Callable[..., dict[str, str]]
) -> Launch:
    return make_launch(fake_api, tmp_path / "data", tmp_path, store_path, bot_env)


def ask(api: FakeBotApi, answerable: list[tuple[str, Entry]], n: int) -> dict[int, str]:
    """Queue `n` questions, each from a user of its own (the flood limit is per user)."""
    asked: dict[int, str] = {}
    for i in range(n):
        user_id = 10_000 + i
        asked[user_id] = answerable[i % len(answerable)][0]
        api.user_message(asked[user_id], user_id=user_id)
    return asked


def replies_per_chat(api: FakeBotApi) -> Counter[int]:
    return Counter(c.params["chat_id"] for c in api.delivered("sendMessage"))


def wait_until(condition: Callable[[], bool], timeout: float, what: str, api: FakeBotApi) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} not within {timeout}s:\n{api.summary(10)}")
        time.sleep(0.1)


def assert_answered_once(
    api: FakeBotApi, asked: dict[int, str], store: Store, matcher: Matcher, timeout: float
) -> None:
    """Every question answered right, exactly once (after a pause long enough for a repeat)."""
    wait_until(lambda: len(replies_per_chat(api)) >= len(asked), timeout, "all answers", api)
    time.sleep(1.5)
    assert replies_per_chat(api) == Counter(dict.fromkeys(asked, 1))
    for call in api.delivered("sendMessage"):
        expected = replies.html(matcher.match(asked[call.params["chat_id"]]), store)
        assert call.params["text"] == expected.text


def test_kill_9_with_100_questions_fetched_then_a_restart_answers_each_once(
    fake_api: FakeBotApi,
    launch: Launch,
    *,
    store: Store,
    matcher: Matcher,
    answerable: list[tuple[str, Entry]],
) -> None:
    """Replies cannot go out; 100 questions fetched and acknowledged; kill -9; all answered."""
    api = fake_api
    api.begin_outage("502", methods=("sendMessage",))
    with launch() as bot:
        api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
        asked = ask(api, answerable, 100)
        # Acknowledged: Telegram would never deliver these again; only the inbox has them.
        wait_until(lambda: not api.pending_updates, 20, "all 100 acknowledged", api)
        bot.proc.kill()
        bot.proc.wait(timeout=10)
    assert api.delivered("sendMessage") == []
    api.end_outage()
    with launch() as bot:
        assert_answered_once(api, asked, store, matcher, timeout=30)
        assert "answering 100 updates left from the previous run" in bot.stderr()
        code, _ = bot.terminate(STOP_BOUND)
        assert code == 0 and "Traceback" not in bot.stderr()


def test_a_30_second_outage_with_300_questions_queued_loses_no_reply(
    fake_api: FakeBotApi,
    launch: Launch,
    *,
    store: Store,
    matcher: Matcher,
    answerable: list[tuple[str, Entry]],
) -> None:
    """The port closes while 300 questions are being answered; all 300 answered after it."""
    api = fake_api
    with launch() as bot:
        api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
        asked = ask(api, answerable, 300)
        wait_until(lambda: len(api.delivered("sendMessage")) >= 10, 20, "first replies", api)
        api.begin_outage("refuse")
        outage_began = time.monotonic()
        time.sleep(OUTAGE)
        answered_during = len(replies_per_chat(api))
        api.end_outage()
        assert answered_during < 300, "the outage came too late to test anything"
        assert_answered_once(api, asked, store, matcher, timeout=60)
        stderr = bot.stderr()
        assert stderr.count("Bot API unreachable") == 1, stderr[-3000:]
        assert stderr.count("Bot API reachable again after") == 1, stderr[-3000:]
        assert "Traceback" not in stderr and "dropped" not in stderr, stderr[-3000:]
        assert time.monotonic() - outage_began < OUTAGE + 60
        code, _ = bot.terminate(STOP_BOUND)
        assert code == 0


def test_sigterm_during_an_outage_exits_0_in_time_and_keeps_the_questions(
    fake_api: FakeBotApi,
    launch: Launch,
    *,
    store: Store,
    matcher: Matcher,
    answerable: list[tuple[str, Entry]],
) -> None:
    """Bot API down with 20 questions fetched: exit 0 within the bound; answered after restart."""
    api = fake_api
    api.begin_outage("502", methods=("sendMessage",))
    with launch() as bot:
        api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
        asked = ask(api, answerable, 20)
        wait_until(lambda: not api.pending_updates, 20, "all 20 acknowledged", api)
        api.begin_outage("502")  # now everything is down
        time.sleep(1.5)
        code, took = bot.terminate(STOP_BOUND + 5)
        stderr = bot.stderr()
        assert (code, "Traceback" in stderr) == (0, False), stderr[-3000:]
        assert took < STOP_BOUND
        assert "updates kept in the inbox" in stderr
    api.end_outage()
    with launch() as bot:
        assert_answered_once(api, asked, store, matcher, timeout=30)
        bot.terminate(STOP_BOUND)


def test_a_second_signal_exits_at_once_and_the_inbox_keeps_the_rest(
    fake_api: FakeBotApi,
    launch: Launch,
    *,
    answerable: list[tuple[str, Entry]],
) -> None:
    """SIGTERM starts a slow drain; SIGINT ends it now (130); a restart answers what was left."""
    api = fake_api
    with launch(BOT_STOP_TIMEOUT="60") as bot:
        api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
        api.inject("sendMessage", "slow", count=1000, delay=3.0)
        asked = ask(api, answerable, 40)
        wait_until(lambda: not api.pending_updates, 20, "all 40 acknowledged", api)
        bot.proc.send_signal(signal.SIGTERM)
        time.sleep(1.0)
        code, took = bot.terminate(5, signal.SIGINT)
        stderr = bot.stderr()
        assert code == 128 + signal.SIGINT and took < 2.0
        assert "second SIGINT: exiting now" in stderr
        for noise in ("Traceback", "Task was destroyed", "Event loop is closed"):
            assert noise not in stderr, stderr[-3000:]
    in_flight = len(api.calls_to("sendMessage"))
    assert in_flight <= 8  # at most the updates handled concurrently were under way
    api._faults.clear()
    with launch() as bot:
        wait_until(lambda: len(replies_per_chat(api)) == len(asked), 30, "all answers", api)
        time.sleep(1.5)
        counts = replies_per_chat(api)
        # A reply under way at the second signal may have reached Telegram: it can repeat.
        assert set(counts) == set(asked) and sum(counts.values()) <= len(asked) + in_flight
        bot.terminate(STOP_BOUND)


def test_start_up_with_the_bot_api_unreachable_is_one_line_and_exit_2(
    tmp_path: Path, store_path: Path, bot_env: Callable[..., dict[str, str]]
) -> None:
    """Nothing listens at TELEGRAM_API_URL: one line on stderr, exit 2, within 10 s."""
    url = f"http://127.0.0.1:{free_port()}/bot"
    env = bot_env(
        TELEGRAM_BOT_TOKEN="123456:TEST-token",
        TELEGRAM_API_URL=url,
        BOT_DATA_DIR=str(tmp_path / "data"),
    )
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--store", str(store_path)],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    took = time.monotonic() - started
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"release-bot: cannot reach the Bot API at {url}:"
    )
    assert "TEST-token" not in result.stderr
    assert took < 10


def test_an_inbox_that_cannot_be_opened_is_one_line_and_exit_2(
    fake_api: FakeBotApi, tmp_path: Path, store_path: Path, bot_env: Callable[..., dict[str, str]]
) -> None:
    """BOT_DATA_DIR is a file: one line naming the inbox, exit 2, no request made."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    env = bot_env(
        TELEGRAM_BOT_TOKEN=fake_api.token,
        TELEGRAM_API_URL=fake_api.base_url,
        BOT_DATA_DIR=str(blocker),
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--store", str(store_path)],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"release-bot: cannot open the inbox {blocker}/inbox.sqlite3: [Errno 17] File exists:"
        f" '{blocker}'"
    ]
    assert fake_api.calls == []


def test_sigterm_under_load_exits_in_time_and_the_restart_answers_the_rest_once(
    fake_api: FakeBotApi,
    launch: Launch,
    *,
    store: Store,
    matcher: Matcher,
    answerable: list[tuple[str, Entry]],
) -> None:
    """300 queued at 30 replies/s, SIGTERM after 2 s: exit 0 in time; none lost, none twice."""
    api = fake_api
    with launch(BOT_STOP_TIMEOUT="2") as bot:
        api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
        asked = ask(api, answerable, 300)
        wait_until(lambda: len(api.delivered("sendMessage")) >= 10, 20, "first replies", api)
        time.sleep(2.0)
        code, took = bot.terminate(2 + SHUTDOWN_SLACK + 5)
        stderr = bot.stderr()
        assert code == 0 and "Traceback" not in stderr, stderr[-3000:]
        assert took < 2 + SHUTDOWN_SLACK
        answered = len(replies_per_chat(api))
        assert answered < 300, "the load drained before SIGTERM: nothing was tested"
        assert f"{300 - answered} updates kept in the inbox" in stderr, stderr[-3000:]
    with launch() as bot:
        assert_answered_once(api, asked, store, matcher, timeout=60)
        bot.terminate(STOP_BOUND)
