"""Tests for bot/drafting/progress.py: build's progress line, on a terminal only."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

from bot.drafting.progress import TerminalProgress, terminal_progress

ROOT = Path(__file__).resolve().parents[2]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_line_is_rewritten_in_place_and_cleared_at_the_end() -> None:
    stream = _Terminal()
    progress = TerminalProgress(stream, interval=0)
    progress("drafting blocks", 1, 4)
    progress("drafting blocks", 4, 4)
    progress("checking the draft", 0, 1)
    progress.close()
    widest = len("drafting blocks: 100% (4 of 4)")
    assert stream.getvalue() == (
        "\rdrafting blocks: 25% (1 of 4)"
        "\rdrafting blocks: 100% (4 of 4)"
        "\r" + "checking the draft ...".ljust(widest) + "\r" + " " * widest + "\r"
    )


def test_updates_come_at_most_once_per_interval_but_the_last_always_shows() -> None:
    stream = _Terminal()
    progress = TerminalProgress(stream, interval=3600)
    for done in range(1, 101):
        progress("drafting blocks", done, 100)
    assert (
        stream.getvalue() == "\rdrafting blocks: 1% (1 of 100)\rdrafting blocks: 100% (100 of 100)"
    )


def test_no_progress_when_the_stream_is_not_a_terminal() -> None:
    assert terminal_progress(io.StringIO()) is None


def test_build_shows_progress_on_a_terminal_stderr(tmp_path: Path) -> None:
    """`python -m bot build` with stderr on a pseudo-terminal draws, then clears, the line."""
    master, slave = pty.openpty()
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "bot",
                "build",
                "knowledge/release.txt",
                "-o",
                str(tmp_path / "s.yaml"),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=slave,
            timeout=120,
            check=False,
        )
    finally:
        os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal is closed once everything is read
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert result.returncode == 0
    text = shown.decode("utf-8")
    assert "drafting blocks: 100%" in text
    assert "checking the draft ..." in text
    assert text.endswith("\r")  # the line is cleared: the summary on stdout stands alone
