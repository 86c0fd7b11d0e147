"""Logging for the running bot: one stderr handler that never prints the token, and never
what people wrote or who they are."""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping

from telegram import TelegramObject, Update


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


class HidePeople(logging.Filter):
    """Keeps people's names, ids and messages out of python-telegram-bot's log records.

    At DEBUG, PTB logs every update it processes and the parameters and result
    of every Bot API call, which hold names, user ids and message text. In a
    record from a `telegram` logger, each argument that carries such data (a
    Telegram object, a dict or list, JSON text) is replaced by a short
    placeholder; an update keeps its update_id. Numbers, method names and
    exceptions stay, so the log still shows what happened.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith("telegram") or not record.args:
            return True
        if isinstance(record.args, Mapping):
            record.args = {key: _placeholder(value) for key, value in record.args.items()}
        else:
            record.args = tuple(_placeholder(value) for value in record.args)
        return True


def _placeholder(value: object) -> object:
    """`value` if it cannot hold what a person wrote, else a placeholder that says what it was."""
    if value is None or isinstance(value, (bool, int, float, BaseException)):
        return value
    if isinstance(value, Update):
        return f"<update {value.update_id}>"
    if isinstance(value, TelegramObject):
        return f"<{type(value).__name__}>"
    if isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(v, int) for v in value):
        return value  # update ids ("Getting updates: [...]")
    if isinstance(value, str) and len(value) <= 100 and not value.lstrip().startswith(("{", "[")):
        return value  # a method name, a log prefix: not a payload
    return f"<{type(value).__name__} hidden>"


def setup_logging(level: str, token: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(HidePeople())  # first: RedactToken formats the message
    handler.addFilter(RedactToken(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL, and the URL carries the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
