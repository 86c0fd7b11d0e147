"""The durable inbox: every fetched update is on disk until its reply is sent.

A small SQLite database in BOT_DATA_DIR (WAL journal). The poller writes each
batch of updates before the getUpdates call whose offset acknowledges them, so
an update Telegram will not deliver again is always here; the update processor
marks a row done once its handler has finished. At start-up, rows not done are
handled again; `update_id` is the key, so an update is answered once even when
Telegram delivers it a second time.

Bounded: done rows go once Telegram has confirmed them (or after a day, the
time Telegram keeps updates), and at most `cap` rows are kept; the poller stops
fetching while `room()` is 0 (the updates wait at Telegram meanwhile).
No Telegram imports: rows hold the update's JSON text.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS updates (
    update_id INTEGER PRIMARY KEY,
    body TEXT NOT NULL,      -- the update as the Bot API sent it (JSON)
    received REAL NOT NULL,  -- unix time it was first stored
    done REAL                -- unix time its handling finished; NULL while pending
)
"""
KEEP_DONE = 24 * 3600.0  # seconds: Telegram keeps an unconfirmed update for a day at most


class InboxError(Exception):
    """The inbox database cannot be opened or written; the message names the file."""


@dataclass(frozen=True)
class Pending:
    update_id: int
    body: str
    received: float


class Inbox:
    """Updates fetched and not yet answered, in a SQLite file."""

    def __init__(self, path: Path, cap: int) -> None:
        self.path = path
        self.cap = cap
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # autocommit: each statement is its own transaction unless grouped below.
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            # NORMAL: a commit survives the process being killed (-9 included); only a
            # power cut can lose the last few, which Telegram then delivers again.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_SCHEMA)
            self._db.execute("CREATE INDEX IF NOT EXISTS pending ON updates(done)")
        except (OSError, sqlite3.Error) as exc:
            raise InboxError(f"cannot open the inbox {path}: {exc}") from exc
        self._pending = self._count_pending()

    def close(self) -> None:
        self._db.close()

    def _count_pending(self) -> int:
        (count,) = self._db.execute("SELECT count(*) FROM updates WHERE done IS NULL").fetchone()
        return int(count)

    @property
    def pending_count(self) -> int:
        return self._pending

    def room(self) -> int:
        """How many more updates may be fetched before the cap is reached."""
        return max(0, self.cap - self._pending)

    def add(self, updates: list[tuple[int, str]], now: float | None = None) -> int:
        """Store (update_id, json) pairs in one transaction; return how many were new."""
        now = time.time() if now is None else now
        with self._transaction():
            before = self._db.total_changes
            self._db.executemany(
                "INSERT OR IGNORE INTO updates (update_id, body, received) VALUES (?, ?, ?)",
                [(update_id, body, now) for update_id, body in updates],
            )
            added = self._db.total_changes - before
        self._pending += added
        return added

    def claim(
        self, update_id: int, body: Callable[[], str], now: float | None = None
    ) -> float | None:
        """When the update was received if it still needs handling, else None (done already).

        An update the inbox has not seen (webhook mode) is stored first.
        """
        row = self._db.execute(
            "SELECT received, done FROM updates WHERE update_id = ?", (update_id,)
        ).fetchone()
        if row is None:
            now = time.time() if now is None else now
            self.add([(update_id, body())], now)
            return now
        received, done = row
        return None if done is not None else float(received)

    def done(self, update_id: int, now: float | None = None) -> None:
        now = time.time() if now is None else now
        cursor = self._db.execute(
            "UPDATE updates SET done = ? WHERE update_id = ? AND done IS NULL", (now, update_id)
        )
        self._pending -= cursor.rowcount

    def pending(self) -> list[Pending]:
        """Rows not done, oldest update first."""
        rows = self._db.execute(
            "SELECT update_id, body, received FROM updates WHERE done IS NULL ORDER BY update_id"
        ).fetchall()
        return [Pending(int(i), str(b), float(r)) for i, b, r in rows]

    def prune(self, confirmed_below: int | None = None, now: float | None = None) -> int:
        """Delete done rows Telegram will not deliver again; keep at most `cap` rows.

        `confirmed_below`: the offset of the last getUpdates that succeeded; Telegram
        never delivers an update below it again. Returns the number of rows deleted.
        """
        now = time.time() if now is None else now
        with self._transaction():
            before = self._db.total_changes
            self._db.execute(
                "DELETE FROM updates WHERE done IS NOT NULL AND (update_id < ? OR done < ?)",
                (confirmed_below if confirmed_below is not None else -1, now - KEEP_DONE),
            )
            (total,) = self._db.execute("SELECT count(*) FROM updates").fetchone()
            if total > self.cap:
                self._db.execute(
                    "DELETE FROM updates WHERE update_id IN (SELECT update_id FROM updates"
                    " WHERE done IS NOT NULL ORDER BY done LIMIT ?)",
                    (total - self.cap,),
                )
            return self._db.total_changes - before

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """BEGIN ... COMMIT (ROLLBACK on error) on an autocommit connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")
