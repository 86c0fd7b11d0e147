"""Logging set-up: the token never reaches a log line."""

from __future__ import annotations

import logging
from pathlib import Path

from bot.telegram.logs import RedactToken, setup_logging
from tests.telegram.harness import TOKEN


def test_redact_token_hides_it_in_messages_args_and_tracebacks() -> None:
    """The logging filter replaces the token wherever it appears in a record."""
    records = []
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{TOKEN}/getMe failed")
    except RuntimeError as exc:
        records.append(
            logging.LogRecord("x", logging.ERROR, __file__, 1, "boom %s", (TOKEN,), None)
        )
        records.append(
            logging.LogRecord(
                "x",
                logging.ERROR,
                __file__,
                1,
                "failed",
                (),
                (RuntimeError, exc, exc.__traceback__),
            )
        )
    redact = RedactToken(TOKEN)
    formatter = logging.Formatter()
    for record in records:
        assert redact.filter(record) is True
        text = formatter.format(record)
        assert TOKEN not in text and "[TOKEN]" in text


def test_redact_token_survives_a_percent_sign_in_the_traceback() -> None:
    """A traceback with the token and a % sign is folded in without re-formatting."""
    try:
        raise RuntimeError(f"100% failed at https://api.telegram.org/bot{TOKEN}/getMe")
    except RuntimeError as exc:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "error in %s", ("message",), (RuntimeError, exc, None)
        )
    assert RedactToken(TOKEN).filter(record) is True
    text = logging.Formatter().format(record)
    assert TOKEN not in text and text.startswith("error in message\n")


def test_setup_logging_quietens_httpx_and_redacts(tmp_path: Path) -> None:
    """setup_logging puts one redacting stderr handler on the root; httpx logs only warnings."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    saved_httpx = logging.getLogger("httpx").level, logging.getLogger("httpcore").level
    try:
        setup_logging("DEBUG", TOKEN)
        assert root.level == logging.DEBUG
        assert len(root.handlers) == 1
        assert any(isinstance(f, RedactToken) for f in root.handlers[0].filters)
        assert logging.getLogger("httpx").level == logging.WARNING
        assert logging.getLogger("httpcore").level == logging.WARNING
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        logging.getLogger("httpx").setLevel(saved_httpx[0])
        logging.getLogger("httpcore").setLevel(saved_httpx[1])
