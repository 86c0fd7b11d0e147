"""State the running bot keeps between updates. Pure; no Telegram imports.

- `FloodGate`: an inbound per-user limit (one notice, then silence); the bot
  keeps one for messages and one for button taps.
- `RecentTaps`: remembers taps for a few seconds, so a double tap acts once.
- `Stats`: counts of verdicts since start, for /stats.
- `UnansweredLog`: questions the release did not cover, for improving the store;
  rotated by size.
- `Heartbeat`: a file touched after each good exchange with the Bot API and
  marked when one fails, read by `python -m bot health`.
- `settle`: keeps the garbage collector off the store and matchers once built.
"""

from __future__ import annotations

import gc
import json
import math
import os
import time
from collections import Counter, deque
from collections.abc import Hashable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from bot.matching import Kind


def settle() -> None:
    """Take what is alive now (the store and its matchers, just built) out of the garbage
    collector's sight until the next `unsettle`.

    They live until a reload, and at 100,000 entries they are about nine million
    objects: a full collection walking them, due now and then as replies allocate,
    stalled one question for seconds (17 s measured on a busy 2-core machine; 0 ms
    with them frozen). Frozen objects are still freed by reference counting.
    """
    gc.collect()
    gc.freeze()


def unsettle() -> None:
    """Hand frozen objects back to the collector, before a reload replaces them (so the
    old matchers' reference cycles are collected, not kept for good)."""
    gc.unfreeze()


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

    def wait(self, user_id: int, now: float | None = None) -> int:
        """Whole seconds until `user_id` may send again (0: now), for the notice."""
        now = time.monotonic() if now is None else now
        times = self._seen.get(user_id)
        if not times or len(times) < self.limit:
            return 0
        return max(1, math.ceil(self.window - (now - times[0])))

    def forget_idle(self, now: float | None = None) -> None:
        """Drop users with no message in the window, so memory stays bounded."""
        now = time.monotonic() if now is None else now
        for user_id in [u for u, t in self._seen.items() if not t or now - t[-1] >= self.window]:
            self._seen.pop(user_id, None)
            self._notified.pop(user_id, None)


@dataclass
class RecentTaps:
    """Remembers each tap key (message and button data) for `window` seconds.

    `first` is True for a key not seen within the window, so a button tapped
    twice acts once. At most `capacity` keys are kept; the oldest go first.
    """

    window: float = 5.0
    capacity: int = 10_000
    _seen: dict[Hashable, float] = field(default_factory=dict)  # insertion order is time order

    def first(self, key: Hashable, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        while self._seen:
            oldest, seen_at = next(iter(self._seen.items()))
            if now - seen_at < self.window and len(self._seen) < self.capacity:
                break
            del self._seen[oldest]
        if key in self._seen:
            return False
        self._seen[key] = now
        return True


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
    """Appends one JSON line per uncovered question: time, text, best score. No user data.

    The file is only ever appended to. When the next line would take it past
    `max_bytes`, it is first rotated: `unanswered.jsonl` becomes
    `unanswered.jsonl.1`, `.1` becomes `.2` and so on, and the oldest beyond
    `keep` is deleted (with `keep` 0, the full file is simply deleted).
    """

    path: Path
    max_bytes: int = 10 * 1024 * 1024
    keep: int = 5

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
        # Text stays readable UTF-8; a lone surrogate (not encodable, but possible in
        # a Telegram update) becomes a JSON escape such as \udcff, which reads back as it was.
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._make_room(len(line))
        with self.path.open("ab") as handle:
            handle.write(line)

    def rotated(self, number: int) -> Path:
        """The path of the `number`-th rotated file (1 is the newest)."""
        return self.path.with_name(f"{self.path.name}.{number}")

    def _make_room(self, size: int) -> None:
        try:
            current = self.path.stat().st_size
        except FileNotFoundError:
            return
        if current == 0 or current + size <= self.max_bytes:
            return
        if self.keep < 1:
            self.path.unlink()
            return
        for number in range(self.keep - 1, 0, -1):
            if self.rotated(number).exists():
                self.rotated(number).replace(self.rotated(number + 1))
        self.path.replace(self.rotated(1))


@dataclass
class Heartbeat:
    """A file that says when the bot last talked to the Bot API, and whether it still can.

    Its modification time is the last successful exchange. While exchanges fail
    (the Bot API is down or unreachable, or refuses the token), the file also
    holds one JSON line: since when, and why. The next success empties it.
    """

    path: Path
    every: float = 1.0  # write at most this often while all is well
    _last: float = 0.0
    _failing: bool = False

    def beat(self) -> None:
        """Record a successful exchange."""
        now = time.monotonic()
        if not self._failing and now - self._last < self.every:
            return
        self._last = now
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self._failing:
                self.path.write_bytes(b"")  # also sets the modification time to now
            else:
                self.path.touch()  # sets the modification time to now, file or not
            self._failing = False
        except OSError:
            pass  # health turns red, which is the right signal; never stop the bot

    def fail(self, reason: str) -> None:
        """Record a failed exchange; `reason` is short and never holds the token or a URL."""
        if self._failing:
            return  # keep the time the trouble started
        record = json.dumps({"failing_since": time.time(), "reason": reason})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            last_ok = self.path.stat().st_mtime if self.path.exists() else None
            spare = self.path.with_name(self.path.name + ".tmp")
            spare.write_text(record + "\n", encoding="utf-8")
            if last_ok is not None:  # the modification time still says when it last worked
                os.utime(spare, (last_ok, last_ok))
            spare.replace(self.path)  # at once: a reader never sees half a line
            self._failing = True
        except OSError:
            pass

    def exchange(self, status: int) -> None:
        """Record an exchange by its HTTP status.

        Any answer of the Bot API is a success, including a refused message
        (400, 403) or a flood wait (429), except a server error (5xx) and a
        refusal of the bot itself: 401 and 404 (the token is revoked or wrong)
        and 409 (another process is polling with the same token).
        """
        if status >= 500 or status in (401, 404, 409):
            self.fail(f"the Bot API answered HTTP {status}")
        else:
            self.beat()

    def age(self) -> float | None:
        """Seconds since the last beat, or None if there never was one."""
        try:
            return max(0.0, time.time() - self.path.stat().st_mtime)
        except OSError:
            return None

    def failure(self) -> tuple[float, str] | None:
        """(seconds since exchanges began to fail, why), or None while they succeed."""
        try:
            text = self.path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        if not text:
            return None
        try:
            record = json.loads(text)
            since, reason = float(record["failing_since"]), str(record["reason"])
        except (ValueError, TypeError, KeyError):
            return max(0.0, self.age() or 0.0), "unreadable heartbeat file"
        return max(0.0, time.time() - since), reason
