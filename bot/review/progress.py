"""A progress bar on stderr for long reviews, drawn only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

_EVERY = 0.1  # seconds between redraws
_WIDTH = 30


class Progress:
    """Call it with (done, total) as work goes on; `close()` clears the line.

    Silent when the stream is not a terminal (a pipe, a file, a test).
    """

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.shown = self.stream.isatty()
        self.label = label
        self._drawn = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.shown or total <= 0 or (now - self._drawn < _EVERY and done < total):
            return
        self._drawn = now
        share = min(1.0, done / total)
        bar = "#" * round(share * _WIDTH)
        self.stream.write(f"\r{self.label} [{bar:<{_WIDTH}}] {share:4.0%}")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * (len(self.label) + _WIDTH + 8) + "\r")
            self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
