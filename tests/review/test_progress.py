"""bot/review/progress.py: a bar on a terminal, silence elsewhere."""

from __future__ import annotations

import io

from bot.review.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_that_reaches_100_percent_then_is_cleared() -> None:
    """The last update always draws (even within the redraw interval); close blanks the line."""
    out = Terminal()
    with Progress("reading logs", out) as bar:
        bar(1, 4)
        bar(4, 4)
    text = out.getvalue()
    assert "\rreading logs [########" in text and "100%" in text
    assert text.endswith("\r")


def test_a_pipe_gets_nothing() -> None:
    """Off a terminal (a pipe, a file, CI), nothing is written."""
    out = io.StringIO()
    with Progress("grouping", out) as bar:
        bar(5, 10)
        bar(10, 10)
    assert out.getvalue() == ""
