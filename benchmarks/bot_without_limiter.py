"""`python -m benchmarks.bot_without_limiter run ...`: the real bot, outbound limiter opened.

Exactly `python -m bot run ...`, except that PTB's `AIORateLimiter` is built
with `overall_max_rate=0`: no bot-wide cap of 30 requests per second (Telegram's
broadcast limit, which the shipped bot rightly keeps). With the cap, a
throughput run measures the cap, not our code; without it, the run shows what
our handlers cost next to a bare echo bot. Only PTB's class is replaced, before
`bot.telegram.app` imports it; nothing of ours is patched. For benchmarks only.
"""

from __future__ import annotations

import sys
from typing import Any

from telegram import ext


class _Uncapped(ext.AIORateLimiter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "overall_max_rate": 0})


ext.AIORateLimiter = _Uncapped  # type: ignore[misc]

from bot.cli import main  # noqa: E402  (must come after the replacement above)

sys.exit(main())
