"""Tests for bot/store: loading, every validation problem, the grounding lint, coverage.

Each invalid store lives in tests/data/stores/invalid/ and ends with ``# expect:``
lines: the exact problems `check_store` must report, ``{file}`` standing for its path.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.store import (
    DEFAULT_STORE,
    Problem,
    Settings,
    StoreError,
    check_store,
    load_store,
    ungrounded_claims,
)
from tests.support import expected_problems

ROOT = Path(__file__).resolve().parents[2]
STORES = ROOT / "tests" / "data" / "stores"
GOOD = STORES / "good.yaml"
INVALID = sorted((STORES / "invalid").glob("*.yaml"))
GROUNDING: list[dict[str, Any]] = yaml.safe_load(
    (STORES / "grounding.yaml").read_text(encoding="utf-8")
)

# A valid store body for the cases that need a file written at test time.
TEMPLATE = """\
document: {document}
title: Acme
entries:
  - id: cost
    topic: The centre
    questions: ["How much did the centre cost?"]
    answer: The centre cost 1.5 million dollars.
    source: The centre cost 1.5 million dollars.
"""


# --- The shipped store --------------------------------------------------------------------


def test_shipped_store_loads_with_the_release_date_and_no_date_line_noise() -> None:
    store = load_store()
    assert store.path == DEFAULT_STORE
    assert store.published == "2024-08-16"
    assert store.document.published == "2024-08-16"
    assert store.document.body.startswith("The Ambassador of Kazakhstan")
    assert "Tell a friend" not in store.document.body
    assert len({e.id for e in store.entries}) == len(store.entries)


def test_check_command_passes_on_the_shipped_store() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith(f"{DEFAULT_STORE}: ok, ")


# --- A valid store ------------------------------------------------------------------------


def test_good_store_becomes_typed_frozen_objects() -> None:
    store = load_store(GOOD)
    assert store.title == "Acme & Co <opens> a research centre"
    assert store.published == "2024-03-05"
    assert store.document_path == STORES / "release.txt"
    assert store.settings == Settings(
        answer_threshold=75.0, clarify_threshold=60.0, margin=4.0, max_query_chars=200
    )
    assert dict(store.synonyms) == {
        "centre": ("center", "research center", "lab"),
        "engineer": ("engineers", "developers"),
    }
    assert [e.id for e in store.entries] == ["centre", "cost", "engineers", "budget"]
    assert [s.id for s in store.smalltalk] == ["greeting", "thanks"]
    assert store.topics == ("The centre", "Staff & <budget>")
    cost = store.entry("cost")
    assert cost is not None
    assert cost.questions == ("How much did the centre cost?", "centre cost")
    assert cost.follow_ups == ("centre", "budget")
    assert cost.line == 28  # the line of "- id: cost" in good.yaml
    assert store.entry("no-such-id") is None
    with pytest.raises(AttributeError):
        cost.answer = "changed"  # type: ignore[misc]


def test_source_may_differ_from_the_release_in_whitespace_only() -> None:
    """The engineers source breaks a line and triples a space; it still counts as verbatim."""
    engineers = load_store(GOOD).entry("engineers")
    assert engineers is not None
    assert engineers.source == "It will employ   40\nengineers by 2025."


def test_settings_default_when_the_store_has_none(tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text(
        (STORES / "release.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    store_file = tmp_path / "store.yaml"
    store_file.write_text(TEMPLATE.format(document="release.txt"), encoding="utf-8")
    store = load_store(store_file)
    assert store.settings == Settings()
    assert store.published == "2024-03-05"  # taken from the release's date line


def test_coverage_lists_the_release_sentences_no_entry_cites() -> None:
    report = check_store(GOOD)
    assert report.problems == []
    assert report.uncited == ["The mayor, Jane Doe, welcomed the investment."]


# --- Invalid stores -----------------------------------------------------------------------


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_check_store_reports_each_problem_with_file_line_and_id(path: Path) -> None:
    expected = expected_problems(path)
    assert expected, f"{path.name} has no '# expect:' lines"
    report = check_store(path)
    assert [str(p) for p in report.problems] == expected
    assert report.store is None


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_load_store_raises_store_error_listing_every_problem(path: Path) -> None:
    expected = expected_problems(path)
    more = f" (and {len(expected) - 1} more problems)" if len(expected) > 1 else ""
    with pytest.raises(StoreError, match=f"^{re.escape(expected[0] + more)}$") as caught:
        load_store(path)
    assert [str(p) for p in caught.value.problems] == expected


def test_non_utf8_store_file_is_one_problem(tmp_path: Path) -> None:
    store_file = tmp_path / "latin1.yaml"
    store_file.write_bytes(TEMPLATE.format(document="release.txt").encode() + b"# caf\xe9\n")
    with pytest.raises(
        StoreError,
        match=r"latin1\.yaml: cannot read store: it is not UTF-8 text: byte 0xe9 on line \d+$",
    ):
        load_store(store_file)


def test_non_utf8_document_is_a_problem_on_the_document_line(tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_bytes(b"date 2024-03-05\n\nCaf\xe9 opened.\n")
    store_file = tmp_path / "store.yaml"
    store_file.write_text(TEMPLATE.format(document="release.txt"), encoding="utf-8")
    assert [str(p) for p in check_store(store_file).problems] == [
        f"{store_file}:1: cannot read document 'release.txt':"
        " it is not UTF-8 text: byte 0xe9 on line 3"
    ]


def test_a_directory_given_as_the_store_is_a_plain_problem(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r": cannot read store: it is a directory$"):
        load_store(tmp_path)


def test_missing_store_file_is_one_problem(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(StoreError, match=r"nope\.yaml: store file not found$"):
        load_store(missing)


def test_problem_without_line_or_id_names_only_the_file() -> None:
    assert str(Problem("s.yaml", 0, None, "store file not found")) == "s.yaml: store file not found"
    assert str(Problem("s.yaml", 7, "cost", "duplicate id")) == "s.yaml:7: [cost] duplicate id"


# --- Grounding lint -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "case", GROUNDING, ids=[f"{c['answer'][:40]}->{c['claims']}" for c in GROUNDING]
)
def test_ungrounded_claims_reports_numbers_dates_and_names_the_release_never_states(
    case: dict[str, Any],
) -> None:
    store = load_store(GOOD)
    claims = ungrounded_claims(case["answer"], case["source"], store.document.flat, store.published)
    assert claims == case["claims"]
