"""Logging for the running bot: one stderr handler that never prints the token."""

from __future__ import annotations

import logging
import sys


class RedactToken(logging.Filter):
    """Replaces the bot token in every record, whatever logger produced it."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._token:
            return True
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            trace = logging.Formatter().formatException(record.exc_info)
            if self._token in trace:
                # Fold the traceback into the (already formatted) message, so
                # nothing downstream formats the token back in.
                message = f"{message}\n{trace}"
                record.exc_info = None
                record.exc_text = None
        if self._token in message or record.exc_info is None:
            record.msg = message.replace(self._token, "[TOKEN]")
            record.args = None
        return True


def setup_logging(level: str, token: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactToken(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL, and the URL carries the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
