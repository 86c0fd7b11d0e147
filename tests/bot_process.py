"""The real `python -m bot run` process, for end-to-end tests: start, signal, always stop."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT = 20.0
STOP_TIMEOUT = 5.0


@dataclass
class BotProcess:
    proc: subprocess.Popen[bytes]
    stderr_path: Path
    env: dict[str, str]

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def health(self) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", "health"],
            check=False,
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=15,
        )

    def terminate(
        self, within: float = STOP_TIMEOUT + 5, signum: int = signal.SIGTERM
    ) -> tuple[int, float]:
        """Signal the process; return its exit code and how long it took to exit."""
        started = time.monotonic()
        self.proc.send_signal(signum)
        try:
            code = self.proc.wait(timeout=within)
        except subprocess.TimeoutExpired:
            pytest.fail(f"no exit within {within}s of a signal:\n{self.stderr()[-3000:]}")
        return code, time.monotonic() - started


@contextmanager
def running_bot(env: dict[str, str], logs: Path, *args: str) -> Iterator[BotProcess]:
    """Start `python -m bot run ARGS`; always stop it (by its pid) afterwards."""
    runs = len(list(logs.glob("stderr*.log")))  # a restarted bot logs to a file of its own
    stderr_path = logs / ("stderr.log" if runs == 0 else f"stderr-{runs + 1}.log")
    with stderr_path.open("wb") as stderr, (logs / "stdout.log").open("ab") as stdout:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", *args],
            cwd=ROOT,
            env=env,
            stdout=stdout,
            stderr=stderr,
        )
    try:
        yield BotProcess(proc, stderr_path, env)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


Launch = Callable[..., AbstractContextManager[BotProcess]]


def make_launch(
    fake_api: FakeBotApi,
    data_dir: Path,
    logs: Path,
    store_path: Path,
    env: Callable[..., dict[str, str]],
) -> Launch:
    """`launch(*args, **env)`: the bot on `store_path`, talking to `fake_api`."""

    def start(
        *args: str, store: Path = store_path, **settings: str
    ) -> AbstractContextManager[BotProcess]:
        bot_env = env(
            TELEGRAM_BOT_TOKEN=fake_api.token,
            TELEGRAM_API_URL=fake_api.base_url,
            BOT_DATA_DIR=str(data_dir),
            **settings,
        )
        return running_bot(bot_env, logs, "--store", str(store), *args)

    return start


def assert_clean_exit(bot: BotProcess) -> None:
    """SIGTERM ends the bot with exit 0 within 5 s; stderr has no traceback and no token."""
    code, took = bot.terminate()
    stderr = bot.stderr()
    assert code == 0, stderr[-3000:]
    assert took < STOP_TIMEOUT
    assert "Traceback" not in stderr, stderr[-3000:]
    assert bot.env["TELEGRAM_BOT_TOKEN"] not in stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
