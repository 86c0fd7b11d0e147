"""A self-contained fake of Telegram's Bot API HTTP server for end-to-end tests.

The real bot process (python-telegram-bot, configured with
``base_url=FakeBotApi.base_url``) talks to this server over real HTTP, exactly as
it would talk to ``https://api.telegram.org/bot``.  Tests drive the *incoming*
side (``user_message``, ``callback_query``, ``inline_query``, ``add_update``),
inspect the *outgoing* side (``calls``, ``wait_for``, ``delivered``, ``messages``)
and inject faults (``inject``: HTTP 500, HTTP 429 flood control, dropped
connections, slow responses) or a whole outage (``begin_outage``/``end_outage``:
HTTP 502 for some or all methods, or the port refusing connections).

Standard library only: ``http.server.ThreadingHTTPServer`` served from a daemon
thread, plus a daemon thread that delivers updates to a webhook when one is set.

Wire format (as sent by PTB 22.x, see ``telegram/request/_requestdata.py``):
every call is ``POST {base_url}{token}/{method}``; parameters arrive as
``application/x-www-form-urlencoded`` (or ``multipart/form-data`` when files are
uploaded).  PTB sends ``str`` values verbatim and JSON-dumps everything else
(ints, bools, lists, dicts such as ``reply_markup``, ``results``, ``commands``,
``allowed_updates``).  ``application/json`` bodies and GET query strings are
accepted as well.

Parameter decoding (``Call.raw`` vs ``Call.params``):

* ``Call.raw`` maps each parameter to the exact string received (uploaded
  files appear there as their file name).
* ``Call.params`` holds decoded values, produced by :func:`decode_param`: a value
  that parses as a JSON object/array is decoded; ``"true"``/``"false"`` become
  ``bool``; a canonical integer literal (``"42"``, ``"-1001"``) becomes ``int``;
  everything else stays ``str``.  Free-text and string-id parameters listed in
  :data:`TEXT_PARAMS` (``text``, ``caption``, ``callback_query_id``, ...) are
  *never* converted, so ``sendMessage(text="123")`` records ``params["text"] ==
  "123"``.  Uploaded files become :class:`UploadedFile`.

Deliberate differences from the real service (kept small and documented):

* ``setWebhook`` accepts ``http://`` URLs (the bot's local webhook server is
  plain HTTP); delivery is strictly sequential (``max_connections`` ignored).
* Unknown numeric chat ids are accepted (a chat object is synthesised: positive
  id -> private, ``-100xxxxxxxxxx`` -> supergroup, other negative -> group); a
  non-numeric ``@username`` chat id gives ``400 Bad Request: chat not found``.
* ``parse_mode`` is not interpreted; ``entities`` are echoed if given.
* Only inline keyboards are echoed back as ``reply_markup`` (like Telegram).
* ``allowed_updates`` is persistent (like Telegram) and applied when updates are
  handed out (getUpdates/webhook); updates of non-allowed types are discarded at
  that point.  The default excludes ``chat_member``, ``message_reaction`` and
  ``message_reaction_count``, as Telegram does.

Every blocking wait is bounded; :meth:`FakeBotApi.stop` wakes pending long polls
and closes open connections, so it returns promptly.
"""

from __future__ import annotations

import contextlib
import copy
import http.client
import json
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

__all__ = [
    "ALL_UPDATE_TYPES",
    "DEFAULT_ALLOWED_UPDATES",
    "FAULTS",
    "OUTAGES",
    "TEXT_PARAMS",
    "Call",
    "FakeApiError",
    "FakeBotApi",
    "UploadedFile",
    "decode_param",
]

JSONDict = dict[str, Any]

#: Outage kinds accepted by :meth:`FakeBotApi.begin_outage`.
OUTAGES: frozenset[str] = frozenset({"502", "refuse"})

#: Fault kinds accepted by :meth:`FakeBotApi.inject`.
FAULTS: frozenset[str] = frozenset({"500", "429", "drop", "slow"})

#: Parameters that are always kept as the raw string (never JSON/int/bool-decoded).
TEXT_PARAMS: frozenset[str] = frozenset(
    {
        "text",
        "caption",
        "query",
        "title",
        "description",
        "short_description",
        "name",
        "first_name",
        "last_name",
        "secret_token",
        "url",
        "message_text",
        "switch_pm_text",
        "switch_pm_parameter",
        "next_offset",
        "callback_query_id",
        "inline_query_id",
        "inline_message_id",
        "shipping_query_id",
        "pre_checkout_query_id",
        "business_connection_id",
        "file_id",
        "custom_emoji_id",
        "message_effect_id",
        "gift_id",
        "language_code",
        "emoji",
        "ip_address",
        "parse_mode",
        "action",
    }
)

ALL_UPDATE_TYPES: tuple[str, ...] = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "business_connection",
    "business_message",
    "edited_business_message",
    "deleted_business_messages",
    "message_reaction",
    "message_reaction_count",
    "inline_query",
    "chosen_inline_result",
    "callback_query",
    "shipping_query",
    "pre_checkout_query",
    "purchased_paid_media",
    "poll",
    "poll_answer",
    "my_chat_member",
    "chat_member",
    "chat_join_request",
    "chat_boost",
    "removed_chat_boost",
)

#: What Telegram delivers when ``allowed_updates`` was never set (or set to ``[]``).
DEFAULT_ALLOWED_UPDATES: frozenset[str] = frozenset(ALL_UPDATE_TYPES) - {
    "chat_member",
    "message_reaction",
    "message_reaction_count",
}

_INT_RE = re.compile(r"^-?(?:0|[1-9][0-9]{0,18})$")
_PATH_RE = re.compile(r"^/bot([^/]*)/([^/]+)/?$")
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_MAX_POLL_TIMEOUT = 50.0
_MAX_SLOW_DELAY = 60.0
_WEBHOOK_HTTP_TIMEOUT = 5.0
_MAX_TEXT_LEN = 4096

_KNOWN_METHODS: tuple[str, ...] = (
    "getMe",
    "getUpdates",
    "sendMessage",
    "sendDocument",
    "editMessageText",
    "editMessageReplyMarkup",
    "deleteMessage",
    "answerCallbackQuery",
    "answerInlineQuery",
    "setMyCommands",
    "getMyCommands",
    "deleteMyCommands",
    "setWebhook",
    "deleteWebhook",
    "getWebhookInfo",
    "sendChatAction",
    "close",
    "logOut",
)


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Call:
    """One request received by the fake.

    ``fault`` is ``None`` for a normally handled call, otherwise the injected
    fault kind (``"500"``, ``"429"``, ``"drop"``, ``"slow"``), or ``"outage"`` for a
    502 answered during :meth:`FakeBotApi.begin_outage`.  ``"slow"`` calls
    are still handled normally (after the delay).  ``raw`` holds the undecoded
    parameter strings (see the module docstring).
    """

    method: str
    params: JSONDict
    time: float
    fault: str | None = None
    raw: dict[str, str] = field(default_factory=dict)

    @property
    def delivered(self) -> bool:
        """True if the call was handled normally (no fault, or only delayed)."""
        return self.fault is None or self.fault == "slow"


class FakeApiError(Exception):
    """Raise from a custom handler (see :meth:`FakeBotApi.set_handler`) to return ok=false."""

    def __init__(self, code: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> JSONDict:
        body: JSONDict = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def decode_param(key: str, value: str) -> Any:
    """Decode one raw form value into a plain Python value (rules in the module docstring)."""
    if key in TEXT_PARAMS:
        return value
    stripped = value.strip()
    if stripped[:1] in ("{", "["):
        try:
            decoded = json.loads(stripped)
        except ValueError:
            return value
        if isinstance(decoded, dict | list):
            return decoded
        return value
    if value == "true":
        return True
    if value == "false":
        return False
    if _INT_RE.match(value):
        return int(value)
    return value


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _update_type(update: JSONDict) -> str | None:
    for key in update:
        if key != "update_id":
            return key
    return None


@dataclass
class _Fault:
    method: str
    fault: str
    remaining: int
    retry_after: int
    delay: float


@dataclass
class _Webhook:
    url: str
    secret_token: str | None
    max_connections: int


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, fake: FakeBotApi, port: int = 0) -> None:
        self.fake = fake
        self.open_connections: set[socket.socket] = set()
        self.conn_lock = threading.Lock()
        super().__init__(("127.0.0.1", port), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Quiet: client disconnects (e.g. a cancelled long poll) are expected.
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        with self.server.conn_lock:
            self.server.open_connections.add(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.server.conn_lock:
                self.server.open_connections.discard(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        self._serve()

    def do_GET(self) -> None:
        self._serve()

    # -- plumbing -------------------------------------------------------

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks: list[bytes] = []
            while True:
                size_line = self.rfile.readline(65537)
                size = int(size_line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline(65537)
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _send_json(self, status: int, payload: JSONDict) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            self.close_connection = True

    def _serve(self) -> None:
        fake = self.server.fake
        split = urllib.parse.urlsplit(self.path)
        body = self._read_body()
        match = _PATH_RE.match(split.path)
        if match is None:
            self._send_json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        token = urllib.parse.unquote(match.group(1))
        if token != fake.token:
            self._send_json(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        try:
            raw, params = _parse_params(split.query, body, self.headers.get("Content-Type", ""))
        except ValueError as exc:
            self._send_json(
                400,
                {"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"},
            )
            return
        status, payload = fake._handle(match.group(2), raw, params)
        if payload is None:  # "drop" fault: close without any response
            self.close_connection = True
            return
        self._send_json(status, payload)


def _parse_params(query: str, body: bytes, content_type: str) -> tuple[dict[str, str], JSONDict]:
    raw: dict[str, str] = {}
    params: JSONDict = {}

    def add_text(key: str, value: str) -> None:
        raw[key] = value
        params[key] = decode_param(key, value)

    for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True):
        add_text(key, value)
    ctype = content_type.split(";", 1)[0].strip().lower()
    if not body:
        return raw, params
    if ctype == "application/json":
        try:
            data = json.loads(body.decode("utf-8"))
        except ValueError as exc:
            raise ValueError("can't parse JSON body") from exc
        if not isinstance(data, dict):
            raise ValueError("JSON body must be an object")
        for key, value in data.items():
            raw[key] = value if isinstance(value, str) else json.dumps(value)
            params[key] = value
    elif ctype == "multipart/form-data":
        header = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
        message = BytesParser(policy=policy.HTTP).parsebytes(header + body)
        if not isinstance(message, EmailMessage) or not message.is_multipart():
            raise ValueError("can't parse multipart body")
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if not isinstance(name, str):
                continue
            payload = part.get_payload(decode=True)
            data_bytes = payload if isinstance(payload, bytes) else b""
            filename = part.get_filename()
            if filename is not None:
                raw[name] = filename
                params[name] = UploadedFile(filename, part.get_content_type(), data_bytes)
            else:
                add_text(name, data_bytes.decode("utf-8", errors="replace"))
    else:  # form-urlencoded (PTB's default) or anything else that looks like it
        text = body.decode("utf-8", errors="replace")
        for key, value in urllib.parse.parse_qsl(text, keep_blank_values=True):
            add_text(key, value)
    return raw, params


class FakeBotApi:
    """Fake Telegram Bot API server; see the module docstring for the overall contract."""

    def __init__(
        self, token: str = "123456:TEST-token", bot_username: str = "release_test_bot"
    ) -> None:
        prefix = token.split(":", 1)[0]
        if not prefix.isdigit():
            raise ValueError(f"token must look like '<bot id>:<secret>', got {token!r}")
        self.token: str = token
        self.bot_id: int = int(prefix)
        self.bot_username: str = bot_username
        self.bot_user: JSONDict = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Release Test Bot",
            "username": bot_username,
        }
        self.calls: list[Call] = []

        self._lock = threading.RLock()
        self._cond = threading.Condition(self._lock)
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._serve_thread: threading.Thread | None = None
        self._webhook_thread: threading.Thread | None = None
        self._webhook_conn: http.client.HTTPConnection | None = None

        self._pending: deque[JSONDict] = deque()
        self._next_update_id = 100_000_001
        self._next_message_id = 1
        self._next_query_id = 1
        self._poll_generation = 0
        self._allowed_updates: frozenset[str] = DEFAULT_ALLOWED_UPDATES
        self._webhook: _Webhook | None = None
        self._webhook_generation = 0
        self._last_webhook_error: tuple[int, str] | None = None
        self._faults: list[_Fault] = []
        self._outage: tuple[str, frozenset[str]] | None = None
        self._port = 0  # kept across a "refuse" outage, so the bot finds us again
        self._chats: dict[int, JSONDict] = {}
        self._messages: dict[tuple[int, int], JSONDict] = {}
        self._last_bot_message: dict[int, int] = {}
        self._commands: dict[tuple[str, str], list[JSONDict]] = {}
        self._custom: dict[str, Callable[[JSONDict], Any]] = {}
        self._canonical = {name.lower(): name for name in _KNOWN_METHODS}

    # ------------------------------------------------------------------
    # lifecycle
    # ------------------------------------------------------------------

    def start(self) -> None:
        """Bind 127.0.0.1 on a random free port and serve in daemon threads."""
        if self._server is not None:
            raise RuntimeError("FakeBotApi already started")
        self._stopping.clear()
        self._listen()
        self._webhook_thread = threading.Thread(
            target=self._webhook_loop, name="FakeBotApi-webhook", daemon=True
        )
        self._webhook_thread.start()

    def _listen(self) -> None:
        self._server = _Server(self, self._port)
        self._port = int(self._server.server_address[1])
        self._serve_thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="FakeBotApi-http",
            daemon=True,
        )
        self._serve_thread.start()

    def _close_listener(self) -> None:
        """Stop serving HTTP: close the port and every open connection."""
        server = self._server
        if server is None:
            return
        server.shutdown()
        server.server_close()
        with server.conn_lock:
            open_connections = list(server.open_connections)
        for sock in open_connections:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        if self._serve_thread is not None:
            self._serve_thread.join(timeout=5.0)
        self._server = None
        self._serve_thread = None

    def stop(self) -> None:
        """Shut down promptly: wake long polls, close connections, join the threads."""
        self._stopping.set()
        with self._cond:
            self._cond.notify_all()
            conn = self._webhook_conn
        if conn is not None and conn.sock is not None:
            with contextlib.suppress(OSError):
                conn.sock.shutdown(socket.SHUT_RDWR)
        self._close_listener()
        if self._webhook_thread is not None:
            self._webhook_thread.join(timeout=5.0)
        self._webhook_thread = None

    def __enter__(self) -> FakeBotApi:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if not self._port:
            raise RuntimeError("FakeBotApi is not running")
        return self._port

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/bot`` - PTB appends the token itself."""
        return f"http://127.0.0.1:{self.port}/bot"

    # ------------------------------------------------------------------
    # incoming traffic (what users send to the bot)
    # ------------------------------------------------------------------

    def add_update(self, update: dict[str, Any]) -> int:
        """Queue an update (``update_id`` is assigned, monotonic) and return its id."""
        with self._cond:
            update_id = self._next_update_id
            self._next_update_id += 1
            queued = {
                "update_id": update_id,
                **{k: v for k, v in update.items() if k != "update_id"},
            }
            self._pending.append(queued)
            self._cond.notify_all()
            return update_id

    def user_message(
        self,
        text: str,
        *,
        user_id: int = 1001,
        chat_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Ann",
        reply_to_bot: bool = False,
        entities: list[dict[str, Any]] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> int:
        """Queue a ``message`` update from a user; returns the update_id.

        ``chat_id`` defaults to ``user_id`` for private chats, ``-user_id`` for
        groups and ``-100<user_id:010d>`` for supergroups/channels.  A leading
        ``/command`` gets a ``bot_command`` entity unless ``entities`` already has
        one at offset 0.  ``text == ""`` omits the text field (use ``extra`` for
        e.g. a sticker).  The message's id is available via :meth:`messages`.
        """
        user = self._user(user_id, first_name)
        chat = self._ensure_chat(user_id, chat_id, chat_type, first_name)
        with self._lock:
            message: JSONDict = {
                "message_id": self._new_message_id(),
                "from": user,
                "chat": dict(chat),
                "date": int(time.time()),
            }
            if text:
                message["text"] = text
            all_entities = [dict(e) for e in entities or []]
            if text.startswith("/") and not any(
                e.get("type") == "bot_command" and e.get("offset") == 0 for e in all_entities
            ):
                word = text.split(maxsplit=1)[0]
                all_entities.insert(
                    0, {"type": "bot_command", "offset": 0, "length": _utf16_len(word)}
                )
            if all_entities and text:
                message["entities"] = all_entities
            if reply_to_bot:
                message["reply_to_message"] = self._bot_message_for(chat["id"], None)
            if extra:
                message.update(extra)
            self._store_message(message)
            return self.add_update({"message": copy.deepcopy(message)})

    def callback_query(
        self,
        data: str,
        *,
        user_id: int = 1001,
        chat_id: int | None = None,
        message_id: int | None = None,
    ) -> int:
        """Queue a ``callback_query`` update pressed on a bot message; returns the update_id.

        The message is the bot message ``message_id`` in the chat if known, else
        the bot's latest message in that chat, else a synthesised bot message.
        """
        user = self._user(user_id, "Ann")
        with self._lock:
            chat = self._ensure_chat(user_id, chat_id, None, "Ann")
            message = self._bot_message_for(chat["id"], message_id)
            query: JSONDict = {
                "id": self._new_query_id(),
                "from": user,
                "message": message,
                "chat_instance": str(abs(chat["id"]) * 7 + 13),
                "data": data,
            }
            return self.add_update({"callback_query": query})

    def inline_query(self, query: str, *, user_id: int = 1001) -> int:
        """Queue an ``inline_query`` update; returns the update_id."""
        with self._lock:
            inline: JSONDict = {
                "id": self._new_query_id(),
                "from": self._user(user_id, "Ann"),
                "query": query,
                "offset": "",
                "chat_type": "sender",
            }
            return self.add_update({"inline_query": inline})

    # ------------------------------------------------------------------
    # outgoing traffic (what the bot did)
    # ------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        """All recorded calls to ``method`` (faulted ones included), in arrival order."""
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def delivered(self, method: str) -> list[Call]:
        """Calls to ``method`` that were handled normally (fault is None or "slow")."""
        with self._lock:
            return [c for c in self.calls if c.method == method and c.delivered]

    def wait_for(self, predicate: Callable[[Call], bool], timeout: float = 10.0) -> Call:
        """Return the first recorded call (past or future) matching ``predicate``.

        Raises AssertionError with a summary of recent calls after ``timeout``.
        """
        deadline = time.monotonic() + timeout
        checked = 0
        with self._cond:
            while True:
                while checked < len(self.calls):
                    call = self.calls[checked]
                    checked += 1
                    if predicate(call):
                        return call
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"no matching call within {timeout}s; recent calls:\n{self.summary()}"
                    )
                self._cond.wait(min(remaining, 0.5))

    def wait_for_count(self, method: str, n: int, timeout: float = 10.0) -> list[Call]:
        """Wait until at least ``n`` calls to ``method`` were recorded; return them all."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                matching = [c for c in self.calls if c.method == method]
                if len(matching) >= n:
                    return matching
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"expected {n} calls to {method} within {timeout}s, got {len(matching)};"
                        f" recent calls:\n{self.summary()}"
                    )
                self._cond.wait(min(remaining, 0.5))

    def summary(self, last: int = 25) -> str:
        """Human-readable list of the most recent calls (for assertion messages)."""
        with self._lock:
            recent = self.calls[-last:]
            skipped = len(self.calls) - len(recent)
        lines = [f"  ... {skipped} earlier calls"] if skipped else []
        for call in recent:
            params = json.dumps(call.raw, ensure_ascii=False)
            if len(params) > 200:
                params = params[:197] + "..."
            flag = f" [fault={call.fault}]" if call.fault else ""
            lines.append(f"  {call.method}{flag} {params}")
        return "\n".join(lines) or "  (no calls)"

    def messages(self, chat_id: int) -> list[dict[str, Any]]:
        """Current (edited, not deleted) messages in a chat, user and bot, oldest first."""
        with self._lock:
            return [copy.deepcopy(m) for (c, _), m in self._messages.items() if c == chat_id]

    def my_commands(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, Any]]:
        """The command list currently stored by setMyCommands for a scope/language."""
        with self._lock:
            return [
                dict(c) for c in self._commands.get(self._commands_key(scope, language_code), [])
            ]

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates queued but not yet confirmed (getUpdates) or delivered (webhook)."""
        with self._lock:
            return list(self._pending)

    @property
    def allowed_updates(self) -> frozenset[str]:
        with self._lock:
            return self._allowed_updates

    @property
    def webhook_url(self) -> str:
        with self._lock:
            return self._webhook.url if self._webhook else ""

    def set_handler(self, method: str, handler: Callable[[dict[str, Any]], Any]) -> None:
        """Serve an extra (or override a built-in) method: ``handler(params) -> result``.

        The handler may raise :class:`FakeApiError` to answer ok=false.
        """
        with self._lock:
            self._canonical.setdefault(method.lower(), method)
            self._custom[self._canonical[method.lower()]] = handler

    # ------------------------------------------------------------------
    # fault injection
    # ------------------------------------------------------------------

    def inject(
        self,
        method: str,
        fault: str,
        *,
        count: int = 1,
        retry_after: int = 1,
        delay: float = 1.0,
    ) -> None:
        """Make the next ``count`` requests to ``method`` ("*" = any) fail with ``fault``.

        Faults: "500" (HTTP 500), "429" (HTTP 429 + parameters.retry_after),
        "drop" (connection closed without a response), "slow" (sleep ``delay``
        seconds, then handle normally).  Injections are consumed in FIFO order.
        """
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; expected one of {sorted(FAULTS)}")
        if count < 1:
            raise ValueError("count must be >= 1")
        name = method if method == "*" else self._canonical.get(method.lower(), method)
        with self._lock:
            self._faults.append(
                _Fault(name, fault, count, retry_after, min(delay, _MAX_SLOW_DELAY))
            )

    # ------------------------------------------------------------------
    # outages
    # ------------------------------------------------------------------

    def begin_outage(self, kind: str = "502", methods: tuple[str, ...] = ("*",)) -> None:
        """Make the Bot API unavailable until :meth:`end_outage`.

        "502": every request to ``methods`` ("*" = any) gets HTTP 502 Bad Gateway,
        recorded with ``fault="outage"``; pending long polls are cut short with a 502.
        "refuse": the port is closed (all methods), so connections are refused and
        nothing is recorded; open connections are closed.
        An outage already in progress is replaced at once (no moment of service between).
        """
        if kind not in OUTAGES:
            raise ValueError(f"unknown outage {kind!r}; expected one of {sorted(OUTAGES)}")
        if kind == "refuse" and methods != ("*",):
            raise ValueError('a "refuse" outage covers every method')
        names = frozenset(m if m == "*" else self._canonical.get(m.lower(), m) for m in methods)
        with self._cond:
            previous, self._outage = self._outage, (kind, names)
            self._cond.notify_all()
        if kind == "refuse" and (previous is None or previous[0] != "refuse"):
            self._close_listener()
        elif kind != "refuse" and previous is not None and previous[0] == "refuse":
            self._listen()

    def end_outage(self) -> None:
        """Serve normally again (on the same port)."""
        with self._cond:
            outage, self._outage = self._outage, None
            self._cond.notify_all()
        if outage is not None and outage[0] == "refuse" and not self._stopping.is_set():
            self._listen()

    def _in_outage(self, method: str) -> bool:
        outage = self._outage
        return outage is not None and bool({"*", method} & outage[1])

    # ------------------------------------------------------------------
    # webhook helpers
    # ------------------------------------------------------------------

    def post_raw_webhook(self, body: dict[str, Any], secret: str | None) -> int:
        """POST ``body`` to the webhook URL (no secret header if ``secret`` is None).

        Returns the HTTP status; connection errors propagate.
        """
        with self._lock:
            if self._webhook is None:
                raise RuntimeError("no webhook is set")
            url = self._webhook.url
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        request = urllib.request.Request(
            url, data=json.dumps(body).encode("utf-8"), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=_WEBHOOK_HTTP_TIMEOUT) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)

    # ------------------------------------------------------------------
    # request handling (called from server threads)
    # ------------------------------------------------------------------

    def _handle(
        self, method_in: str, raw: dict[str, str], params: JSONDict
    ) -> tuple[int, JSONDict | None]:
        now = time.time()
        with self._cond:
            method = self._canonical.get(method_in.lower(), method_in)
            if self._in_outage(method):
                self.calls.append(Call(method, params, now, "outage", raw))
                self._cond.notify_all()
                return 502, FakeApiError(502, "Bad Gateway").payload()
            fault = self._take_fault(method)
            self.calls.append(Call(method, params, now, fault.fault if fault else None, raw))
            self._cond.notify_all()
        if fault is not None:
            if fault.fault == "drop":
                return 0, None
            if fault.fault == "500":
                return 500, FakeApiError(500, "Internal Server Error").payload()
            if fault.fault == "429":
                return 429, FakeApiError(
                    429,
                    f"Too Many Requests: retry after {fault.retry_after}",
                    retry_after=fault.retry_after,
                ).payload()
            # "slow"
            self._stopping.wait(fault.delay)
        try:
            handler = self._custom.get(method) or self._builtin_handler(method)
            if handler is None:
                raise FakeApiError(404, "Not Found")
            result = handler(params)
        except FakeApiError as exc:
            return exc.code, exc.payload()
        return 200, {"ok": True, "result": result}

    def _builtin_handler(self, method: str) -> Callable[[JSONDict], Any] | None:
        if method not in _KNOWN_METHODS:
            return None
        snake = re.sub(r"(?<!^)([A-Z])", r"_\1", method).lower()
        handler: Callable[[JSONDict], Any] = getattr(self, f"_api_{snake}")
        return handler

    def _take_fault(self, method: str) -> _Fault | None:
        for fault in self._faults:
            if fault.method in ("*", method) and fault.remaining > 0:
                fault.remaining -= 1
                if fault.remaining == 0:
                    self._faults.remove(fault)
                return fault
        return None

    # -- helpers ---------------------------------------------------------

    @staticmethod
    def _require(params: JSONDict, name: str) -> Any:
        value = params.get(name)
        if value is None or value == "":
            raise FakeApiError(400, f"Bad Request: {name} is empty")
        return value

    @staticmethod
    def _int_param(params: JSONDict, name: str, default: int) -> int:
        value = params.get(name, default)
        try:
            return int(value)
        except (TypeError, ValueError):
            raise FakeApiError(400, f"Bad Request: {name} must be an integer") from None

    @staticmethod
    def _user(user_id: int, first_name: str) -> JSONDict:
        return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "en"}

    def _new_message_id(self) -> int:
        with self._lock:
            message_id = self._next_message_id
            self._next_message_id += 1
            return message_id

    def _new_query_id(self) -> str:
        with self._lock:
            query_id = self._next_query_id
            self._next_query_id += 1
            return f"{self.bot_id}{query_id:08d}"

    def _ensure_chat(
        self, user_id: int, chat_id: int | None, chat_type: str | None, first_name: str
    ) -> JSONDict:
        with self._lock:
            if chat_type is None:  # use what we know, default private
                cid = user_id if chat_id is None else chat_id
                return self._chat_obj(cid)
            if chat_id is None:
                if chat_type == "private":
                    chat_id = user_id
                elif chat_type == "group":
                    chat_id = -abs(user_id)
                else:
                    chat_id = -(1_000_000_000_000 + abs(user_id))
            chat: JSONDict = {"id": chat_id, "type": chat_type}
            if chat_type == "private":
                chat["first_name"] = first_name
            else:
                chat["title"] = f"Test {chat_type.title()} {abs(chat_id)}"
            self._chats[chat_id] = chat
            return dict(chat)

    def _chat_obj(self, chat_id: Any) -> JSONDict:
        if isinstance(chat_id, str):
            if not _INT_RE.match(chat_id):
                raise FakeApiError(400, "Bad Request: chat not found")
            chat_id = int(chat_id)
        if not isinstance(chat_id, int) or isinstance(chat_id, bool):
            raise FakeApiError(400, "Bad Request: chat not found")
        with self._lock:
            known = self._chats.get(chat_id)
            if known is not None:
                return dict(known)
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": "User"}
        if chat_id <= -1_000_000_000_000:  # "-100" + 10 digits
            return {"id": chat_id, "type": "supergroup", "title": f"Chat {chat_id}"}
        return {"id": chat_id, "type": "group", "title": f"Chat {chat_id}"}

    def _store_message(self, message: JSONDict) -> None:
        with self._lock:
            chat_id = int(message["chat"]["id"])
            self._messages[(chat_id, int(message["message_id"]))] = message
            if message.get("from", {}).get("id") == self.bot_id:
                self._last_bot_message[chat_id] = int(message["message_id"])

    def _bot_message_for(self, chat_id: int, message_id: int | None) -> JSONDict:
        """A copy of a bot message in the chat (given id, else latest, else synthesised)."""
        with self._lock:
            if message_id is None:
                message_id = self._last_bot_message.get(chat_id)
            if message_id is not None and (chat_id, message_id) in self._messages:
                return copy.deepcopy(self._messages[(chat_id, message_id)])
            message: JSONDict = {
                "message_id": message_id if message_id is not None else self._new_message_id(),
                "from": dict(self.bot_user),
                "chat": self._chat_obj(chat_id),
                "date": int(time.time()),
                "text": "(bot message)",
            }
            self._store_message(message)
            return copy.deepcopy(message)

    @staticmethod
    def _check_text(text: Any) -> str:
        if not isinstance(text, str) or not text.strip():
            raise FakeApiError(400, "Bad Request: message text is empty")
        if _utf16_len(text) > _MAX_TEXT_LEN:
            raise FakeApiError(400, "Bad Request: message is too long")
        return text

    @staticmethod
    def _inline_markup(params: JSONDict) -> JSONDict | None:
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            return markup
        return None

    def _find_message_for_edit(
        self, params: JSONDict
    ) -> tuple[tuple[int, int] | None, JSONDict | None]:
        if params.get("inline_message_id"):
            return None, None
        chat = self._chat_obj(self._require(params, "chat_id"))
        message_id = self._int_param(params, "message_id", 0)
        if message_id == 0:
            raise FakeApiError(400, "Bad Request: message identifier is not specified")
        key = (int(chat["id"]), message_id)
        message = self._messages.get(key)
        if message is None:
            raise FakeApiError(400, "Bad Request: message to edit not found")
        if message.get("from", {}).get("id") != self.bot_id:
            raise FakeApiError(400, "Bad Request: message can't be edited")
        return key, message

    def _deliverable(self) -> list[JSONDict]:
        """Drop queued updates of non-allowed types; return the rest (lock held)."""
        allowed = self._allowed_updates
        kept = deque(u for u in self._pending if _update_type(u) in allowed)
        if len(kept) != len(self._pending):
            self._pending = kept
        return list(self._pending)

    def _set_allowed_updates(self, params: JSONDict) -> None:
        value = params.get("allowed_updates")
        if value is None:
            return
        if not isinstance(value, list):
            raise FakeApiError(400, "Bad Request: can't parse allowed updates")
        self._allowed_updates = frozenset(str(v) for v in value) or DEFAULT_ALLOWED_UPDATES

    @staticmethod
    def _commands_key(scope: Any, language_code: Any) -> tuple[str, str]:
        if not scope or scope == {"type": "default"}:
            scope_key = "default"
        else:
            scope_key = json.dumps(scope, sort_keys=True)
        return scope_key, str(language_code or "")

    # -- Bot API methods --------------------------------------------------

    def _api_get_me(self, params: JSONDict) -> JSONDict:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _api_get_updates(self, params: JSONDict) -> list[JSONDict]:
        offset = self._int_param(params, "offset", 0)
        limit = max(1, min(100, self._int_param(params, "limit", 100)))
        try:
            timeout = float(params.get("timeout", 0) or 0)
        except (TypeError, ValueError):
            raise FakeApiError(400, "Bad Request: timeout must be a number") from None
        timeout = max(0.0, min(_MAX_POLL_TIMEOUT, timeout))
        deadline = time.monotonic() + timeout
        with self._cond:
            if self._webhook is not None:
                raise FakeApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active;"
                    " use deleteWebhook to delete the webhook first",
                )
            self._set_allowed_updates(params)
            if offset > 0:
                while self._pending and self._pending[0]["update_id"] < offset:
                    self._pending.popleft()
            elif offset < 0:
                while len(self._pending) > -offset:
                    self._pending.popleft()
            # A newer getUpdates terminates an older pending one (like Telegram).
            self._poll_generation += 1
            generation = self._poll_generation
            self._cond.notify_all()
            while True:
                if self._stopping.is_set():
                    return []
                if generation != self._poll_generation:
                    raise FakeApiError(
                        409,
                        "Conflict: terminated by other getUpdates request;"
                        " make sure that only one bot instance is running",
                    )
                if self._webhook is not None:
                    raise FakeApiError(409, "Conflict: terminated by setWebhook request")
                if self._in_outage("getUpdates"):
                    raise FakeApiError(502, "Bad Gateway")
                ready = self._deliverable()[:limit]
                if ready:
                    return ready
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return []
                self._cond.wait(min(remaining, 1.0))

    def _api_send_message(self, params: JSONDict) -> JSONDict:
        chat = self._chat_obj(self._require(params, "chat_id"))
        text = self._check_text(params.get("text"))
        with self._lock:
            message: JSONDict = {
                "message_id": self._new_message_id(),
                "from": dict(self.bot_user),
                "chat": chat,
                "date": int(time.time()),
                "text": text,
            }
            if isinstance(params.get("entities"), list):
                message["entities"] = params["entities"]
            markup = self._inline_markup(params)
            if markup is not None:
                message["reply_markup"] = markup
            reply_to: Any = params.get("reply_to_message_id")
            reply_parameters = params.get("reply_parameters")
            if isinstance(reply_parameters, dict):
                reply_to = reply_parameters.get("message_id")
            if isinstance(reply_to, int):
                original = self._messages.get((int(chat["id"]), reply_to))
                if original is not None:
                    quoted = copy.deepcopy(original)
                    quoted.pop("reply_to_message", None)
                    message["reply_to_message"] = quoted
                elif not (
                    isinstance(reply_parameters, dict)
                    and reply_parameters.get("allow_sending_without_reply")
                ):
                    raise FakeApiError(400, "Bad Request: message to be replied not found")
            self._store_message(message)
            return copy.deepcopy(message)

    def _api_send_document(self, params: JSONDict) -> JSONDict:
        chat = self._chat_obj(self._require(params, "chat_id"))
        document = self._require(params, "document")
        with self._lock:
            message_id = self._new_message_id()
            doc: JSONDict = {"file_id": f"DOC{message_id}", "file_unique_id": f"U{message_id}"}
            if isinstance(document, UploadedFile):
                doc.update(
                    file_name=document.filename,
                    mime_type=document.content_type,
                    file_size=len(document.data),
                )
            message: JSONDict = {
                "message_id": message_id,
                "from": dict(self.bot_user),
                "chat": chat,
                "date": int(time.time()),
                "document": doc,
            }
            if isinstance(params.get("caption"), str) and params["caption"]:
                message["caption"] = params["caption"]
            self._store_message(message)
            return copy.deepcopy(message)

    def _api_edit_message_text(self, params: JSONDict) -> JSONDict | bool:
        text = self._check_text(params.get("text"))
        with self._lock:
            key, message = self._find_message_for_edit(params)
            if key is None or message is None:
                return True
            markup = self._inline_markup(params)
            if message.get("text") == text and message.get("reply_markup") == markup:
                raise FakeApiError(
                    400,
                    "Bad Request: message is not modified: specified new message content and"
                    " reply markup are exactly the same as a current content and reply markup"
                    " of the message",
                )
            message["text"] = text
            message.pop("entities", None)
            if isinstance(params.get("entities"), list):
                message["entities"] = params["entities"]
            if markup is None:
                message.pop("reply_markup", None)
            else:
                message["reply_markup"] = markup
            message["edit_date"] = int(time.time())
            return copy.deepcopy(message)

    def _api_edit_message_reply_markup(self, params: JSONDict) -> JSONDict | bool:
        with self._lock:
            key, message = self._find_message_for_edit(params)
            if key is None or message is None:
                return True
            markup = self._inline_markup(params)
            if message.get("reply_markup") == markup:
                raise FakeApiError(
                    400,
                    "Bad Request: message is not modified: specified new message content and"
                    " reply markup are exactly the same as a current content and reply markup"
                    " of the message",
                )
            if markup is None:
                message.pop("reply_markup", None)
            else:
                message["reply_markup"] = markup
            message["edit_date"] = int(time.time())
            return copy.deepcopy(message)

    def _api_delete_message(self, params: JSONDict) -> bool:
        chat = self._chat_obj(self._require(params, "chat_id"))
        message_id = self._int_param(params, "message_id", 0)
        with self._lock:
            key = (int(chat["id"]), message_id)
            if self._messages.pop(key, None) is None:
                raise FakeApiError(400, "Bad Request: message to delete not found")
            if self._last_bot_message.get(key[0]) == message_id:
                del self._last_bot_message[key[0]]
        return True

    def _api_answer_callback_query(self, params: JSONDict) -> bool:
        self._require(params, "callback_query_id")
        return True

    def _api_answer_inline_query(self, params: JSONDict) -> bool:
        self._require(params, "inline_query_id")
        if not isinstance(params.get("results"), list):
            raise FakeApiError(400, "Bad Request: can't parse inline query results")
        return True

    def _api_set_my_commands(self, params: JSONDict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise FakeApiError(400, "Bad Request: can't parse commands")
        cleaned: list[JSONDict] = []
        for entry in commands:
            if not isinstance(entry, dict):
                raise FakeApiError(400, "Bad Request: can't parse BotCommand")
            command = str(entry.get("command", "")).lstrip("/")
            description = str(entry.get("description", ""))
            if not _COMMAND_RE.match(command):
                raise FakeApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise FakeApiError(400, "Bad Request: command description is empty or too long")
            cleaned.append({"command": command, "description": description})
        with self._lock:
            self._commands[self._commands_key(params.get("scope"), params.get("language_code"))] = (
                cleaned
            )
        return True

    def _api_get_my_commands(self, params: JSONDict) -> list[JSONDict]:
        with self._lock:
            key = self._commands_key(params.get("scope"), params.get("language_code"))
            return [dict(c) for c in self._commands.get(key, [])]

    def _api_delete_my_commands(self, params: JSONDict) -> bool:
        with self._lock:
            self._commands.pop(
                self._commands_key(params.get("scope"), params.get("language_code")), None
            )
        return True

    def _api_set_webhook(self, params: JSONDict) -> bool:
        url = params.get("url", "")
        if not isinstance(url, str):
            raise FakeApiError(400, "Bad Request: bad webhook: invalid URL")
        if url == "":
            return self._api_delete_webhook(params)
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise FakeApiError(400, "Bad Request: bad webhook: unsupported URL protocol")
        secret = params.get("secret_token")
        if secret is not None and (
            not isinstance(secret, str) or not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret)
        ):
            raise FakeApiError(400, "Bad Request: secret token contains unallowed characters")
        with self._cond:
            self._set_allowed_updates(params)
            if params.get("drop_pending_updates") is True:
                self._pending.clear()
            self._webhook = _Webhook(url, secret, self._int_param(params, "max_connections", 40))
            self._webhook_generation += 1
            self._last_webhook_error = None
            self._cond.notify_all()
        return True

    def _api_delete_webhook(self, params: JSONDict) -> bool:
        with self._cond:
            if params.get("drop_pending_updates") is True:
                self._pending.clear()
            if self._webhook is not None:
                self._webhook = None
                self._webhook_generation += 1
            self._last_webhook_error = None
            self._cond.notify_all()
        return True

    def _api_get_webhook_info(self, params: JSONDict) -> JSONDict:
        with self._lock:
            info: JSONDict = {
                "url": self._webhook.url if self._webhook else "",
                "has_custom_certificate": False,
                "pending_update_count": len(self._deliverable()),
            }
            if self._webhook is not None:
                info["max_connections"] = self._webhook.max_connections
                if self._allowed_updates != DEFAULT_ALLOWED_UPDATES:
                    info["allowed_updates"] = sorted(self._allowed_updates)
                if self._last_webhook_error is not None:
                    info["last_error_date"], info["last_error_message"] = self._last_webhook_error
            return info

    def _api_send_chat_action(self, params: JSONDict) -> bool:
        self._chat_obj(self._require(params, "chat_id"))
        self._require(params, "action")
        return True

    def _api_close(self, params: JSONDict) -> bool:
        return True

    def _api_log_out(self, params: JSONDict) -> bool:
        return True

    # ------------------------------------------------------------------
    # webhook delivery thread
    # ------------------------------------------------------------------

    def _webhook_loop(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            with self._cond:
                target: tuple[_Webhook, int, JSONDict] | None = None
                if self._webhook is not None:
                    ready = self._deliverable()
                    if ready:
                        target = (self._webhook, self._webhook_generation, ready[0])
                if target is None:
                    failures = 0
                    self._cond.wait(0.5)
                    continue
            webhook, generation, update = target
            error = self._post_update(webhook, update)
            with self._cond:
                if error is None:
                    failures = 0
                    if self._pending and self._pending[0] is update:
                        self._pending.popleft()
                        self._cond.notify_all()
                    continue
                if generation == self._webhook_generation:
                    self._last_webhook_error = (int(time.time()), error)
                failures += 1
            self._stopping.wait(min(0.05 * 2 ** min(failures, 5), 1.0))

    def _post_update(self, webhook: _Webhook, update: JSONDict) -> str | None:
        """POST one update; return None on 2xx, else an error description."""
        split = urllib.parse.urlsplit(webhook.url)
        host = split.hostname or "127.0.0.1"
        conn_cls = (
            http.client.HTTPSConnection if split.scheme == "https" else http.client.HTTPConnection
        )
        conn = conn_cls(host, split.port, timeout=_WEBHOOK_HTTP_TIMEOUT)
        path = split.path or "/"
        if split.query:
            path += "?" + split.query
        headers = {"Content-Type": "application/json"}
        if webhook.secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = webhook.secret_token
        with self._lock:
            self._webhook_conn = conn
        try:
            if self._stopping.is_set():
                return "stopping"
            conn.request("POST", path, body=json.dumps(update).encode("utf-8"), headers=headers)
            response = conn.getresponse()
            response.read()
            if 200 <= response.status <= 299:
                return None
            return f"Wrong response from the webhook: {response.status} {response.reason}"
        except (OSError, http.client.HTTPException) as exc:
            return f"Connection failed: {exc!r}"
        finally:
            with self._lock:
                self._webhook_conn = None
            conn.close()
