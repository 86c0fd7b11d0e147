"""Health of the running bot: `python -m bot health`, and a health route for webhook mode.

The bot touches `$BOT_DATA_DIR/heartbeat` after every successful exchange with
the Bot API (a long poll returns at least every few seconds, and a periodic
getMe keeps it fresh in webhook mode). Both checks read only that file: no
token, no network.
"""

from __future__ import annotations

import argparse
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bot.config import data_dir
from bot.runtime import Heartbeat

DEFAULT_MAX_AGE = 90.0  # seconds: several long-poll cycles and periodic pings
HEALTH_PATH = "/healthz"


def verdict(heartbeat: Heartbeat, max_age: float = DEFAULT_MAX_AGE) -> tuple[bool, str]:
    """Whether the heartbeat is fresh, and a one-line reason."""
    age = heartbeat.age()
    if age is None:
        return False, "unhealthy: no heartbeat yet"
    if age > max_age:
        return False, f"unhealthy: last heartbeat {age:.0f}s ago (limit {max_age:.0f}s)"
    return True, f"healthy: last heartbeat {age:.1f}s ago"


def check(args: argparse.Namespace) -> int:
    """`python -m bot health`: exit 0 only if the heartbeat is fresh."""
    max_age = args.max_age if args.max_age is not None else DEFAULT_MAX_AGE
    healthy, reason = verdict(Heartbeat(data_dir() / "heartbeat"), max_age)
    print(reason, file=sys.stdout if healthy else sys.stderr)
    return 0 if healthy else 1


class HealthServer:
    """Serves GET /healthz: 200 when the heartbeat is fresh, 503 otherwise.

    Webhook mode has a port anyway, so a load balancer or orchestrator can
    probe this instead of running a command in the container.
    """

    def __init__(self, heartbeat: Heartbeat, host: str, port: int) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path.split("?", 1)[0] != HEALTH_PATH:
                    self.send_error(404)
                    return
                healthy, reason = verdict(heartbeat)
                body = (reason + "\n").encode()
                self.send_response(200 if healthy else 503)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass  # probes every few seconds would drown the bot's own log

        self._server = ThreadingHTTPServer((host, port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
