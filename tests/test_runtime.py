"""FloodGate, Stats, UnansweredLog and Heartbeat: the state the bot keeps between updates."""

from __future__ import annotations

import calendar
import gc
import json
import os
import re
import time
from pathlib import Path

import pytest

from bot.matching import Kind, Matchers
from bot.runtime import (
    FloodGate,
    Gate,
    Heartbeat,
    RecentTaps,
    Stats,
    UnansweredLog,
    settle,
    unsettle,
)
from bot.store import load_store

# --- FloodGate --------------------------------------------------------------------


def test_flood_gate_passes_up_to_the_limit_then_notifies_once_then_drops() -> None:
    """Within one window: `limit` passes, one NOTIFY, then DROP for every further message."""
    gate = FloodGate(limit=3, window=60.0)
    verdicts = [gate.check(7, now=100.0 + i) for i in range(6)]
    assert verdicts == [Gate.PASS] * 3 + [Gate.NOTIFY] + [Gate.DROP] * 2


def test_flood_gate_counts_each_user_separately() -> None:
    """One user hitting the limit does not affect another."""
    gate = FloodGate(limit=1, window=60.0)
    assert gate.check(1, now=0.0) is Gate.PASS
    assert gate.check(1, now=1.0) is Gate.NOTIFY
    assert gate.check(2, now=2.0) is Gate.PASS


def test_flood_gate_window_slides() -> None:
    """A message passes again once the oldest one is `window` seconds old."""
    gate = FloodGate(limit=2, window=10.0)
    assert [gate.check(1, now=t) for t in (0.0, 5.0, 9.9)] == [Gate.PASS, Gate.PASS, Gate.NOTIFY]
    assert gate.check(1, now=10.0) is Gate.PASS  # the message at 0.0 left the window
    assert gate.check(1, now=10.5) is Gate.NOTIFY  # a new notice after passing again


def test_flood_gate_dropped_messages_do_not_extend_the_window() -> None:
    """Messages refused while over the limit are not counted against the person."""
    gate = FloodGate(limit=1, window=10.0)
    assert gate.check(1, now=0.0) is Gate.PASS
    assert [gate.check(1, now=t) for t in (1.0, 2.0, 9.0)] == [Gate.NOTIFY, Gate.DROP, Gate.DROP]
    assert gate.check(1, now=10.0) is Gate.PASS


def test_flood_gate_forgets_idle_users() -> None:
    """forget_idle drops users silent for a whole window and keeps the active ones."""
    gate = FloodGate(limit=1, window=10.0)
    gate.check(1, now=0.0)
    gate.check(1, now=1.0)  # notified
    gate.check(2, now=8.0)
    gate.forget_idle(now=12.0)
    assert set(gate._seen) == {2}
    assert gate._notified == {}
    assert gate.check(1, now=12.0) is Gate.PASS


def test_flood_gate_forgets_idle_users_by_itself() -> None:
    """check() sweeps idle users at most once a window, so a long-running bot stays small."""
    gate = FloodGate(limit=2, window=10.0)
    for user_id in range(100):
        gate.check(user_id, now=0.0)
    assert len(gate._seen) == 100
    gate.check(1000, now=5.0)  # within the window: no sweep yet
    assert len(gate._seen) == 101
    gate.check(1000, now=12.0)  # a window later: everyone idle since 0.0 is dropped
    assert set(gate._seen) == {1000}


def test_flood_gate_says_how_long_until_the_next_message_passes() -> None:
    """wait() is 0 under the limit, then the whole seconds until the oldest message leaves."""
    gate = FloodGate(limit=2, window=60.0)
    assert gate.wait(1, now=0.0) == 0
    gate.check(1, now=0.0)
    gate.check(1, now=10.0)
    assert gate.wait(1, now=20.5) == 40  # 39.5 s, rounded up
    assert gate.wait(1, now=59.99) == 1  # never "0 seconds" while still over
    assert gate.wait(2, now=20.0) == 0


# --- RecentTaps ---------------------------------------------------------------------


def test_recent_taps_lets_a_key_through_once_per_window() -> None:
    """The same key is first once within the window, and first again after it."""
    taps = RecentTaps(window=5.0)
    assert taps.first((1, 10, "t:0"), now=0.0) is True
    assert taps.first((1, 10, "t:0"), now=4.9) is False
    assert taps.first((1, 10, "t:1"), now=4.9) is True  # other data
    assert taps.first((1, 11, "t:0"), now=4.9) is True  # other message
    assert taps.first((1, 10, "t:0"), now=5.0) is True


def test_recent_taps_stays_within_its_capacity() -> None:
    """Many distinct taps within the window keep at most `capacity` keys, dropping the oldest."""
    taps = RecentTaps(window=60.0, capacity=100)
    for number in range(1000):
        assert taps.first(number, now=number / 1000)
    assert len(taps._seen) == 100
    assert taps.first(999, now=1.0) is False  # the newest are kept
    assert taps.first(0, now=1.0) is True  # the oldest were dropped


def test_recent_taps_forgets_old_keys_as_time_passes() -> None:
    """Keys older than the window are dropped on the next tap, so memory follows the tap rate."""
    taps = RecentTaps(window=5.0)
    for number in range(50):
        taps.first(number, now=0.0)
    taps.first("later", now=6.0)
    assert list(taps._seen) == ["later"]


# --- Stats ------------------------------------------------------------------------


def test_stats_summary_lists_every_kind_in_a_fixed_order() -> None:
    """The summary names all six counters, in order, with zeros for the unseen ones."""
    stats = Stats(started=time.time())
    for kind in (Kind.ANSWER, Kind.ANSWER, Kind.FALLBACK, "inline", "rate_limited"):
        stats.record(kind)
    assert stats.summary() == (
        "Since start (0.0 h): answer: 2, clarify: 0, fallback: 1, smalltalk: 0, "
        "inline: 1, rate_limited: 1"
    )


def test_stats_summary_shows_hours_since_start() -> None:
    """The uptime is shown in hours with one decimal."""
    stats = Stats(started=time.time() - 2.5 * 3600)
    assert stats.summary().startswith("Since start (2.5 h): answer: 0,")


# --- UnansweredLog ----------------------------------------------------------------


def test_unanswered_log_appends_one_json_line_per_question(tmp_path: Path) -> None:
    """Each call appends exactly {time, text, score}, creating the folder; text stays UTF-8."""
    log = UnansweredLog(tmp_path / "new" / "unanswered.jsonl")
    log.append("Où est <b>Astana</b>?", 41.5, now=0.0)
    log.append("second", 0.0, now=86400.0 + 61.0)
    raw = log.path.read_text(encoding="utf-8")
    assert "Où" in raw  # not \u-escaped
    lines = [json.loads(line) for line in raw.splitlines()]
    assert lines == [
        {"time": "1970-01-01T00:00:00Z", "text": "Où est <b>Astana</b>?", "score": 41.5},
        {"time": "1970-01-02T00:01:01Z", "text": "second", "score": 0.0},
    ]


def test_unanswered_log_time_defaults_to_now_in_utc(tmp_path: Path) -> None:
    """Without `now`, the time is the current UTC time in ISO 8601 with a Z."""
    log = UnansweredLog(tmp_path / "u.jsonl")
    log.append("q", 1.0)
    record = json.loads(log.path.read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", record["time"])
    stamp = calendar.timegm(time.strptime(record["time"], "%Y-%m-%dT%H:%M:%SZ"))
    assert abs(stamp - time.time()) < 5


def test_unanswered_log_keeps_a_lone_surrogate_as_a_json_escape(tmp_path: Path) -> None:
    """A question holding a lone surrogate is logged as valid UTF-8 JSON that reads back exactly."""
    log = UnansweredLog(tmp_path / "u.jsonl")
    log.append("weather \udcff in Paris é?", 10.0, now=0.0)
    raw = log.path.read_bytes().decode("utf-8")  # strict: the file is valid UTF-8
    assert "\\udcff" in raw and "é" in raw
    assert json.loads(raw)["text"] == "weather \udcff in Paris é?"


def _lines(log: UnansweredLog, *paths: Path) -> list[str]:
    return [json.loads(line)["text"] for p in paths for line in p.read_text().splitlines()]


def test_unanswered_log_rotates_by_size_and_keeps_the_newest_files(tmp_path: Path) -> None:
    """Past max_bytes the file moves to .1 (.1 to .2 ...); beyond `keep` the oldest is deleted."""
    log = UnansweredLog(tmp_path / "u.jsonl", max_bytes=200, keep=2)
    line_size = len(json.dumps({"time": "1970-01-01T00:00:00Z", "text": "q00", "score": 1.0})) + 1
    per_file = 200 // line_size
    total = per_file * 4 + 1
    for number in range(total):
        log.append(f"q{number:02}", 1.0, now=0.0)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["u.jsonl", "u.jsonl.1", "u.jsonl.2"]
    for path in (log.path, log.rotated(1), log.rotated(2)):
        assert path.stat().st_size <= 200
    kept = _lines(log, log.rotated(2), log.rotated(1), log.path)
    # Oldest first and nothing in between lost: the newest 2 * per_file + 1 questions.
    assert kept == [f"q{n:02}" for n in range(total - 2 * per_file - 1, total)]


def test_unanswered_log_only_appends_between_rotations(tmp_path: Path) -> None:
    """Earlier bytes of the current file never change; a rotation moves the file whole."""
    log = UnansweredLog(tmp_path / "u.jsonl", max_bytes=1000, keep=1)
    log.append("first", 1.0, now=0.0)
    before = log.path.read_bytes()
    log.append("second", 2.0, now=0.0)
    assert log.path.read_bytes().startswith(before)
    while not log.rotated(1).exists():
        log.append("more", 3.0, now=0.0)
    assert log.rotated(1).read_bytes().startswith(before)
    assert _lines(log, log.path) == ["more"]


def test_unanswered_log_with_keep_zero_starts_afresh(tmp_path: Path) -> None:
    """keep=0: a full file is deleted, not renamed; no numbered files appear."""
    log = UnansweredLog(tmp_path / "u.jsonl", max_bytes=150, keep=0)
    for number in range(10):
        log.append(f"q{number}", 1.0, now=0.0)
    assert [p.name for p in tmp_path.iterdir()] == ["u.jsonl"]
    assert _lines(log, log.path)[-1] == "q9"


def test_unanswered_log_writes_a_line_longer_than_the_cap_alone(tmp_path: Path) -> None:
    """A line bigger than max_bytes still gets written, in a file of its own."""
    log = UnansweredLog(tmp_path / "u.jsonl", max_bytes=10, keep=3)
    log.append("a long question", 1.0, now=0.0)
    log.append("another long one", 1.0, now=0.0)
    assert _lines(log, log.rotated(1)) == ["a long question"]
    assert _lines(log, log.path) == ["another long one"]


# --- Heartbeat --------------------------------------------------------------------


def test_heartbeat_has_no_age_before_the_first_beat(tmp_path: Path) -> None:
    """age() is None while the file does not exist."""
    assert Heartbeat(tmp_path / "heartbeat").age() is None


def test_heartbeat_beat_creates_the_file_and_age_is_fresh(tmp_path: Path) -> None:
    """beat() creates the file (and its folder); age() is then close to zero."""
    beat = Heartbeat(tmp_path / "data" / "heartbeat")
    beat.beat()
    age = beat.age()
    assert beat.path.exists()
    assert age is not None and 0.0 <= age < 2.0


def test_heartbeat_age_reflects_the_file_time(tmp_path: Path) -> None:
    """age() is the seconds since the file was last modified."""
    beat = Heartbeat(tmp_path / "heartbeat")
    beat.beat()
    past = time.time() - 120
    os.utime(beat.path, (past, past))
    age = beat.age()
    assert age is not None and 119.0 <= age < 125.0


def test_heartbeat_writes_at_most_once_per_interval(tmp_path: Path) -> None:
    """A second beat within `every` seconds leaves the file alone; after it, touches it."""
    beat = Heartbeat(tmp_path / "heartbeat", every=0.2)
    beat.beat()
    os.utime(beat.path, (1000.0, 1000.0))
    beat.beat()
    assert beat.path.stat().st_mtime == 1000.0
    time.sleep(0.25)
    beat.beat()
    assert beat.path.stat().st_mtime > time.time() - 5


def test_heartbeat_never_raises_when_it_cannot_write(tmp_path: Path) -> None:
    """An unwritable location leaves age() None instead of stopping the bot."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    beat = Heartbeat(blocker / "heartbeat")
    beat.beat()
    assert beat.age() is None


def test_heartbeat_failure_is_recorded_with_its_start_and_keeps_the_last_success(
    tmp_path: Path,
) -> None:
    """fail() writes since when and why, keeps the time of the last success; beat() clears it."""
    beat = Heartbeat(tmp_path / "heartbeat")
    beat.beat()
    os.utime(beat.path, (1000.0, 1000.0))
    assert beat.failure() is None
    beat.fail("the Bot API answered HTTP 502")
    time.sleep(0.05)
    beat.fail("ConnectError")  # still failing: the start and the first reason stay
    failure = beat.failure()
    assert failure is not None and 0.05 <= failure[0] < 2.0
    assert failure[1] == "the Bot API answered HTTP 502"
    assert beat.path.stat().st_mtime == 1000.0
    beat.beat()  # the next success clears at once, even within `every`
    assert beat.failure() is None
    age = beat.age()
    assert age is not None and age < 2.0


def test_heartbeat_failure_before_any_success(tmp_path: Path) -> None:
    """A bot that never got through is failing too (the file appears, with the reason)."""
    beat = Heartbeat(tmp_path / "data" / "heartbeat")
    beat.fail("ConnectError")
    failure = beat.failure()
    assert failure is not None and failure[1] == "ConnectError"


@pytest.mark.parametrize(
    ("status", "failing"),
    [(200, False), (400, False), (403, False), (429, False), (401, True), (404, True),
     (409, True), (500, True), (502, True), (503, True)],
)  # fmt: skip
def test_heartbeat_exchange_sorts_http_statuses(tmp_path: Path, status: int, failing: bool) -> None:
    """Server errors and refusals of the bot itself are failures; any other answer is a success."""
    beat = Heartbeat(tmp_path / "heartbeat", every=0.0)
    beat.exchange(status)
    assert (beat.failure() is not None) is failing
    assert beat.age() is not None


def test_heartbeat_with_unreadable_content_is_a_failure(tmp_path: Path) -> None:
    """A heartbeat file holding something else than the failure line reads as a failure."""
    path = tmp_path / "heartbeat"
    path.write_text("[1, 2]\n")
    failure = Heartbeat(path).failure()
    assert failure is not None and failure[1] == "unreadable heartbeat file"


def test_health_verdict_is_red_at_once_while_exchanges_fail(tmp_path: Path) -> None:
    """A fresh heartbeat does not hide a failing Bot API: health names the failure and its age."""
    from bot.health import verdict

    beat = Heartbeat(tmp_path / "heartbeat")
    beat.beat()
    beat.fail("the Bot API answered HTTP 502")
    healthy, reason = verdict(beat)
    assert not healthy
    assert reason == "unhealthy: Bot API exchanges failing for 0s (the Bot API answered HTTP 502)"
    beat.beat()
    assert verdict(beat)[0] is True


# --- The health route (bot/health.py) ------------------------------------------------------


def _get(port: int, path: str) -> tuple[int, str]:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_health_route_follows_the_heartbeat(tmp_path: Path) -> None:
    """GET /healthz is 503 before any heartbeat, 200 after one; other paths are 404."""
    from bot.health import HealthServer

    heartbeat = Heartbeat(tmp_path / "heartbeat")
    server = HealthServer(heartbeat, "127.0.0.1", 0)
    server.start()
    try:
        status, body = _get(server.port, "/healthz")
        assert (status, body) == (503, "unhealthy: no heartbeat yet\n")
        heartbeat.beat()
        status, body = _get(server.port, "/healthz")
        assert status == 200 and body.startswith("healthy: last heartbeat")
        assert _get(server.port, "/")[0] == 404
    finally:
        server.stop()


def test_health_route_reports_a_stale_heartbeat(tmp_path: Path) -> None:
    """A heartbeat older than the limit makes the route answer 503 with its age."""
    import os

    from bot.health import DEFAULT_MAX_AGE, HealthServer

    path = tmp_path / "heartbeat"
    path.touch()
    old = path.stat().st_mtime - DEFAULT_MAX_AGE - 30
    os.utime(path, (old, old))
    server = HealthServer(Heartbeat(path), "127.0.0.1", 0)
    server.start()
    try:
        status, body = _get(server.port, "/healthz")
        assert status == 503 and body.startswith("unhealthy: last heartbeat 12")
    finally:
        server.stop()


def test_unanswered_log_marks_questions_answered_from_the_text(tmp_path: Path) -> None:
    """A question no entry covered but a sentence answered is logged, marked as such."""
    log = UnansweredLog(tmp_path / "u.jsonl")
    log.append("who helped the school?", 88.0, now=0, from_text=True)
    assert json.loads(log.path.read_text(encoding="utf-8")) == {
        "time": "1970-01-01T00:00:00Z",
        "text": "who helped the school?",
        "score": 88.0,
        "answered_from_text": True,
    }


# --- settle -----------------------------------------------------------------------


def _tracked(thing: object) -> bool:
    """Whether the garbage collector would walk `thing` in a full collection."""
    return any(o is thing for o in gc.get_objects())


def test_settle_takes_built_matchers_out_of_the_collectors_sight_until_unsettled() -> None:
    matchers = Matchers(load_store())
    english = matchers.matchers["en"]
    assert _tracked(english)
    try:
        settle()
        assert gc.get_freeze_count() > 0
        assert not _tracked(english)
    finally:
        unsettle()
    assert _tracked(english) and gc.get_freeze_count() == 0
