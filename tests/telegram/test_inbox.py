"""The inbox: a real SQLite file in a temporary folder."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bot.telegram.inbox import KEEP_DONE, Inbox, InboxError


def body(update_id: int) -> str:
    return json.dumps({"update_id": update_id, "message": {"text": f"q{update_id}"}})


@pytest.fixture
def inbox(tmp_path: Path) -> Inbox:
    return Inbox(tmp_path / "data" / "inbox.sqlite3", cap=10)


def test_added_updates_are_pending_in_update_order_and_survive_reopening(
    inbox: Inbox, tmp_path: Path
) -> None:
    """What is added is on disk: a second connection (a restarted bot) sees it, oldest first."""
    assert inbox.add([(7, body(7)), (5, body(5))], now=100.0) == 2
    inbox.close()
    again = Inbox(inbox.path, cap=10)
    assert [(p.update_id, p.body, p.received) for p in again.pending()] == [
        (5, body(5), 100.0),
        (7, body(7), 100.0),
    ]
    assert again.pending_count == 2 and again.room() == 8


def test_the_database_uses_the_wal_journal(inbox: Inbox) -> None:
    with sqlite3.connect(inbox.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_an_update_delivered_twice_is_stored_once(inbox: Inbox) -> None:
    assert inbox.add([(1, body(1))], now=1.0) == 1
    assert inbox.add([(1, body(1)), (2, body(2))], now=2.0) == 1
    assert [(p.update_id, p.received) for p in inbox.pending()] == [(1, 1.0), (2, 2.0)]
    assert inbox.pending_count == 2


def test_claim_gives_the_arrival_time_until_done_then_none(inbox: Inbox) -> None:
    inbox.add([(1, body(1))], now=50.0)
    assert inbox.claim(1, lambda: body(1)) == 50.0
    inbox.done(1, now=60.0)
    assert inbox.claim(1, lambda: body(1)) is None
    assert inbox.pending() == [] and inbox.pending_count == 0


def test_claim_of_an_unseen_update_stores_it_first(inbox: Inbox) -> None:
    """Webhook updates reach the inbox only through claim."""
    assert inbox.claim(9, lambda: body(9), now=70.0) == 70.0
    assert [(p.update_id, p.body) for p in inbox.pending()] == [(9, body(9))]


def test_done_twice_counts_once(inbox: Inbox) -> None:
    inbox.add([(1, body(1)), (2, body(2))])
    inbox.done(1)
    inbox.done(1)
    assert inbox.pending_count == 1


def test_prune_drops_confirmed_and_day_old_done_rows_and_never_pending_ones(inbox: Inbox) -> None:
    inbox.add([(i, body(i)) for i in (1, 2, 3, 4)], now=0.0)
    inbox.done(1, now=10.0)
    inbox.done(3, now=10.0)
    # Below offset 3: row 1 (done) goes, row 2 (pending) stays; row 3 is done but unconfirmed.
    assert inbox.prune(confirmed_below=3, now=20.0) == 1
    assert inbox.claim(3, lambda: body(3)) is None  # still known as done
    assert inbox.prune(now=10.0 + KEEP_DONE + 1) == 1  # row 3, done over a day ago
    assert [p.update_id for p in inbox.pending()] == [2, 4]


def test_prune_keeps_at_most_cap_rows_dropping_the_oldest_done(tmp_path: Path) -> None:
    inbox = Inbox(tmp_path / "inbox.sqlite3", cap=3)
    inbox.add([(i, body(i)) for i in range(1, 6)], now=0.0)
    for i in (4, 1, 2):
        inbox.done(i, now=float(i))
    assert inbox.prune(now=10.0) == 2  # 5 rows, cap 3: done rows 1 and 2 (oldest done) go
    assert inbox.claim(4, lambda: body(4)) is None
    assert [p.update_id for p in inbox.pending()] == [3, 5]


def test_room_is_zero_at_the_cap(tmp_path: Path) -> None:
    inbox = Inbox(tmp_path / "inbox.sqlite3", cap=2)
    inbox.add([(1, body(1)), (2, body(2))])
    assert inbox.room() == 0
    inbox.done(1)
    assert inbox.room() == 1


def test_an_unwritable_place_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(InboxError, match=r"cannot open the inbox .*file/inbox\.sqlite3"):
        Inbox(blocker / "inbox.sqlite3", cap=10)
