"""`python -m bot health`: exit 0 only if the running bot talked to the Bot API recently.

The bot touches `$BOT_DATA_DIR/heartbeat` after every successful exchange
(a long poll returns at least every few seconds, and a periodic getMe keeps
it fresh in webhook mode). Needs no token and no network.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bot.runtime import Heartbeat

DEFAULT_MAX_AGE = 90.0  # seconds: several long-poll cycles and periodic pings


def check(args: argparse.Namespace) -> int:
    data_dir = Path(os.environ.get("BOT_DATA_DIR", "").strip() or "var")
    max_age = args.max_age if args.max_age is not None else DEFAULT_MAX_AGE
    age = Heartbeat(data_dir / "heartbeat").age()
    if age is None:
        print("unhealthy: no heartbeat yet", file=sys.stderr)
        return 1
    if age > max_age:
        print(f"unhealthy: last heartbeat {age:.0f}s ago (limit {max_age:.0f}s)", file=sys.stderr)
        return 1
    print(f"healthy: last heartbeat {age:.1f}s ago")
    return 0
