"""A one-line progress report for `build` on a terminal ("drafting: 40% (120 of 300 blocks)")."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

Progress = Callable[[str, int, int], None]
"""Called with a stage, how much of it is done and its total (blocks, entries ...)."""


class TerminalProgress:
    """Rewrites one line of a terminal at most every `interval` seconds, clears it at the end."""

    def __init__(self, stream: TextIO, *, interval: float = 0.2) -> None:
        self.stream = stream
        self.interval = interval
        self._last: float | None = None  # the first update always shows
        self._width = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        recent = self._last is not None and now - self._last < self.interval
        if done < total and recent:
            return
        self._last = now
        if total <= 1:
            self._write(f"{stage} ...")  # one step: no count to show
            return
        self._write(f"{stage}: {100 * done // total}% ({done:,} of {total:,})")

    def close(self) -> None:
        if self._width:
            self._write("")
            self.stream.write("\r")
            self.stream.flush()

    def _write(self, line: str) -> None:
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = max(self._width, len(line))


def terminal_progress(stream: TextIO) -> TerminalProgress | None:
    """A progress report on `stream` if it is a terminal; None (no report) otherwise."""
    try:
        return TerminalProgress(stream) if stream.isatty() else None
    except (AttributeError, ValueError):  # a closed or replaced stream
        return None
