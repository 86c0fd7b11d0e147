"""`python -m bot review` as an operator runs it: output, exit codes, one-line errors, no writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.matching import Matcher
from tests.support import run_bot


def log(folder: Path, *texts: str, torn: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"time": "2026-11-20T10:00:00Z", "text": t, "score": 30.0}) for t in texts]
    tail = '{"time": "2026-11-2' if torn else ""
    (folder / "unanswered.jsonl").write_text("\n".join(lines) + "\n" + tail, encoding="utf-8")
    return folder


def test_review_prints_groups_and_counts_a_torn_line(
    tmp_path: Path, store_path: Path, fallback_question: str, matcher: Matcher
) -> None:
    """Exit 0; the summary counts the torn line; the group shows the reply now; stderr is empty."""
    data = log(tmp_path / "var", fallback_question, fallback_question, torn=True)
    result = run_bot("review", "--data-dir", str(data), "--store", str(store_path))
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == "Read 3 lines from unanswered.jsonl; skipped 1 torn or invalid."
    assert f"1. {fallback_question!r} - asked 2x: 2 unanswered" in lines
    best = matcher.match(fallback_question).score
    assert f"   now: not in the release (best {best:.1f})" in lines


def test_data_dir_defaults_to_bot_data_dir(
    tmp_path: Path, store_path: Path, fallback_question: str
) -> None:
    """Without --data-dir, $BOT_DATA_DIR is read."""
    data = log(tmp_path / "elsewhere", fallback_question)
    result = run_bot("review", "--store", str(store_path), env={"BOT_DATA_DIR": str(data)})
    assert result.returncode == 0 and fallback_question in result.stdout


def test_suggest_writes_nothing(tmp_path: Path, store_copy: Path, clarify_question: str) -> None:
    """--suggest prints a numbered suggestion and leaves the store and the logs as they were."""
    data = log(tmp_path / "var", clarify_question)
    files = [store_copy, data / "unanswered.jsonl"]
    before = [(p.read_bytes(), p.stat().st_mtime_ns) for p in files]
    listing = sorted(p.name for p in tmp_path.rglob("*"))
    result = run_bot("review", "--data-dir", str(data), "--store", str(store_copy), "--suggest")
    assert result.returncode == 0, result.stderr
    assert "1 suggestions; apply with: python -m bot review --apply N [N ...]" in result.stdout
    assert "\n[1] " in result.stdout
    assert [(p.read_bytes(), p.stat().st_mtime_ns) for p in files] == before
    assert sorted(p.name for p in tmp_path.rglob("*")) == listing


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["--since", "soon"], "release-bot: --since must be a date like 2024-08-20, not 'soon'"),
        (["--apply", "3"], "release-bot: no suggestion 3 (there are none; see review --suggest)"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, store_path: Path, args: list[str], line: str
) -> None:
    """A bad option value or an unknown suggestion number: one stderr line, exit 2, no traceback."""
    data = log(tmp_path / "var", "what is the weather in Paris")
    result = run_bot("review", "--data-dir", str(data), "--store", str(store_path), *args)
    assert (result.returncode, result.stderr, result.stdout) == (2, line + "\n", "")


def test_missing_data_directory_is_one_line(tmp_path: Path, store_path: Path) -> None:
    """A data directory that does not exist is named in the error."""
    result = run_bot("review", "--data-dir", str(tmp_path / "nope"), "--store", str(store_path))
    assert result.returncode == 2
    assert result.stderr == (
        f"release-bot: {tmp_path / 'nope'}: no such data directory "
        "(set --data-dir or BOT_DATA_DIR)\n"
    )


def test_apply_on_a_store_broken_meanwhile_changes_nothing_and_exits_2(
    tmp_path: Path, store_copy: Path, clarify_question: str
) -> None:
    """A store broken since --suggest: --apply reports its problems and writes nothing."""
    data = log(tmp_path / "var", clarify_question)
    text = store_copy.read_text(encoding="utf-8")
    first_source = text.index("    source:")
    broken = (
        text[:first_source]
        + "    source: a sentence the release never says\n"
        + text[text.index("\n", first_source) + 1 :]
    )
    store_copy.write_text(broken, encoding="utf-8")
    result = run_bot("review", "--data-dir", str(data), "--store", str(store_copy), "--apply", "1")
    assert result.returncode == 2  # the store is invalid before anything is applied
    assert result.stderr.startswith(f"release-bot: invalid store: {store_copy}:")
    assert store_copy.read_text(encoding="utf-8") == broken
