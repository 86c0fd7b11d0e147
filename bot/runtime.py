"""State the running bot keeps between updates. Pure; no Telegram imports.

- `FloodGate`: the inbound per-user limit (one notice, then silence).
- `Stats`: counts of verdicts since start, for /stats.
- `UnansweredLog`: questions the release did not cover, for improving the store.
- `Heartbeat`: a file touched after each good exchange with the Bot API,
  read by `python -m bot health`.
"""

from __future__ import annotations

import json
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from bot.matching import Kind


class Gate(Enum):
    PASS = "pass"
    NOTIFY = "notify"  # the first message over the limit: tell the person once
    DROP = "drop"  # further messages in the same window: stay silent


@dataclass
class FloodGate:
    """At most `limit` messages per user in any `window` seconds."""

    limit: int
    window: float
    _seen: dict[int, deque[float]] = field(default_factory=dict)
    _notified: dict[int, float] = field(default_factory=dict)
    _swept: float | None = None

    def check(self, user_id: int, now: float | None = None) -> Gate:
        now = time.monotonic() if now is None else now
        if self._swept is None or now - self._swept >= self.window:
            self.forget_idle(now)  # at most once a window, so memory stays bounded
            self._swept = now
        times = self._seen.setdefault(user_id, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        if len(times) < self.limit:
            times.append(now)
            self._notified.pop(user_id, None)
            return Gate.PASS
        if user_id in self._notified:
            return Gate.DROP
        self._notified[user_id] = now
        return Gate.NOTIFY

    def forget_idle(self, now: float | None = None) -> None:
        """Drop users with no message in the window, so memory stays bounded."""
        now = time.monotonic() if now is None else now
        for user_id in [u for u, t in self._seen.items() if not t or now - t[-1] >= self.window]:
            self._seen.pop(user_id, None)
            self._notified.pop(user_id, None)


@dataclass
class Stats:
    started: float = field(default_factory=time.time)
    counts: Counter[str] = field(default_factory=Counter)

    def record(self, kind: Kind | str) -> None:
        self.counts[str(kind)] += 1

    def summary(self) -> str:
        hours = (time.time() - self.started) / 3600
        parts = [f"{name}: {self.counts.get(name, 0)}" for name in _STAT_ORDER]
        return f"Since start ({hours:.1f} h): " + ", ".join(parts)


_STAT_ORDER = ("answer", "clarify", "fallback", "smalltalk", "inline", "rate_limited")


@dataclass(frozen=True)
class UnansweredLog:
    """Appends one JSON line per uncovered question: time, text, best score. No user data."""

    path: Path

    def append(
        self, text: str, score: float, now: float | None = None, *, from_text: bool = False
    ) -> None:
        """Log one question; `from_text` marks one answered by a sentence, not an entry."""
        record: dict[str, object] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now)),
            "text": text,
            "score": score,
        }
        if from_text:
            record["answered_from_text"] = True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


@dataclass
class Heartbeat:
    """A file whose modification time says when the bot last talked to the Bot API."""

    path: Path
    every: float = 1.0  # write at most this often
    _last: float = 0.0

    def beat(self) -> None:
        now = time.monotonic()
        if now - self._last < self.every:
            return
        self._last = now
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.touch()  # sets the modification time to now, file or not
        except OSError:
            pass  # health turns red, which is the right signal; never stop the bot

    def age(self) -> float | None:
        """Seconds since the last beat, or None if there never was one."""
        try:
            return max(0.0, time.time() - self.path.stat().st_mtime)
        except OSError:
            return None
