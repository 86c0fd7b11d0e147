"""Feedback on answers: the 👍/👎 buttons' data and the log they feed. Pure; no Telegram.

A tap on 👍 or 👎 under an answer appends one line to `feedback.jsonl`:
time, question, entry id (None for an answer quoted from the release), score
and verdict. Nothing about the person or the chat is written.

Callback data is capped at 64 bytes and a question can be 300 characters, so a
button carries only a short random key; `FeedbackKeys` maps the key to the
answer it rates, in memory, for the most recent `capacity` answers. A key that
was forgotten (an old answer, or a restart) is "expired": the tap still gets a
polite toast, and nothing is recorded.
"""

from __future__ import annotations

import itertools
import json
import secrets
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from bot.replies import Button, Reply
from bot.strings import ENGLISH

PREFIX = "f:"  # every feedback button's callback data starts with it
DONE = PREFIX + "done"  # the "✓ thanks" button that replaces a rated pair
UP_TEXT, DOWN_TEXT = "👍", "👎"


class Toast(StrEnum):
    """What a tap gets back, as the key of its text in the strings table (`bot.strings`)."""

    THANKS = "feedback_thanks"  # recorded
    ALREADY = "feedback_already"  # a tap on "✓ thanks"
    EXPIRED = "feedback_expired"  # an answer no longer remembered: nothing recorded


# Answers remembered for rating. An entry is a short question and an id (well
# under 1 KB), so the map stays below about 5 MB; older answers expire.
DEFAULT_CAPACITY = 5000


class Verdict(StrEnum):
    UP = "up"
    DOWN = "down"


_CODES = {Verdict.UP: "u", Verdict.DOWN: "d"}


@dataclass(frozen=True)
class Rated:
    """The answer a pair of buttons rates: what was asked, which entry answered, how well."""

    question: str
    entry: str | None  # None: a sentence of the release answered, no entry
    score: float
    language: str = "en"  # the language the question was read in, and the answer given in


def button_data(verdict: Verdict, key: str) -> str:
    """The callback data of one button ("f:u:KEY"), well under Telegram's 64 bytes."""
    return f"{PREFIX}{_CODES[verdict]}:{key}"


def parse_data(data: str) -> tuple[Verdict, str] | None:
    """(verdict, key) from callback data; None for "✓ thanks", other buttons or forged data."""
    parts = data.split(":")
    if len(parts) != 3 or parts[0] + ":" != PREFIX:
        return None
    verdict = next((v for v, code in _CODES.items() if code == parts[1]), None)
    return (verdict, parts[2]) if verdict is not None and parts[2] else None


@dataclass
class FeedbackKeys:
    """The most recent answers that can still be rated, by key. Each key rates once."""

    capacity: int = DEFAULT_CAPACITY
    _answers: OrderedDict[str, Rated] = field(default_factory=OrderedDict)

    def remember(self, rated: Rated) -> str:
        """Store `rated` under a new random key (no clash with keys of an earlier run)."""
        key = secrets.token_urlsafe(6)
        while key in self._answers:  # pragma: no cover - 2**48 keys
            key = secrets.token_urlsafe(6)
        self._answers[key] = rated
        while len(self._answers) > self.capacity:
            self._answers.popitem(last=False)
        return key

    def take(self, key: str) -> Rated | None:
        """The answer for `key`, forgotten at once so a second tap records nothing."""
        return self._answers.pop(key, None)

    def __len__(self) -> int:
        return len(self._answers)


def with_buttons(reply: Reply, key: str) -> Reply:
    """`reply` with a 👍 👎 row under its other buttons."""
    row = (
        Button(UP_TEXT, button_data(Verdict.UP, key)),
        Button(DOWN_TEXT, button_data(Verdict.DOWN, key)),
    )
    return Reply(reply.text, (*reply.buttons, row))


def rated_rows(
    rows: Sequence[Sequence[Button]], done_text: str = ENGLISH["feedback_done"]
) -> tuple[tuple[Button, ...], ...]:
    """The buttons after a rating: the 👍 👎 row becomes one "✓ thanks" button."""
    done = (Button(done_text, DONE),)
    return tuple(
        done if any(b.data.startswith(PREFIX) for b in row) else tuple(row) for row in rows
    )


@dataclass(frozen=True)
class FeedbackLog:
    """Appends one JSON line per tap to `path`: time, question, entry, score, verdict,
    language.

    Append-only and rotated by size like the unanswered-questions log: when the
    next line would take the file past `max_bytes`, `feedback.jsonl` becomes
    `feedback.jsonl.1`, `.1` becomes `.2`, and files beyond `keep` are deleted.
    """

    path: Path
    max_bytes: int = 10 * 1024 * 1024
    keep: int = 5

    def append(self, rated: Rated, verdict: Verdict, now: float | None = None) -> None:
        record = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now)),
            "question": rated.question,
            "entry": rated.entry,
            "score": rated.score,
            "verdict": verdict.value,
            "language": rated.language,
        }
        # A lone surrogate (possible in a Telegram update) becomes a JSON escape, not an error.
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")
        append_rotated(self.path, line, self.max_bytes, self.keep)


def append_rotated(path: Path, line: bytes, max_bytes: int, keep: int) -> None:
    """Append `line` in one write, first rotating `path` if the line would take it past."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        size = 0
    if size and size + len(line) > max_bytes:
        _rotate(path, keep)
    with path.open("ab") as handle:
        handle.write(line)


def _rotate(path: Path, keep: int) -> None:
    """NAME -> NAME.1 -> NAME.2 ... ; the file beyond `keep` is deleted (keep 0: NAME itself)."""
    if keep < 1:
        path.unlink()
        return
    numbered = [path.with_name(f"{path.name}.{n}") for n in range(1, keep + 1)]
    numbered[-1].unlink(missing_ok=True)
    for newer, older in reversed(list(itertools.pairwise(numbered))):
        if newer.exists():
            newer.replace(older)
    path.replace(numbered[0])
