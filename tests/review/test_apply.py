"""bot/review/apply.py: phrasings go in as new lines, every other byte stays, or nothing changes."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from bot.matching import Kind, Match
from bot.review.apply import Added, ApplyError, apply, choose
from bot.review.groups import Group
from bot.review.report import Finding
from bot.review.suggest import Suggestion
from bot.store import load_store


def suggestion(entry: str, *phrasings: str, number: int = 1) -> Suggestion:
    finding = Finding(
        1, Group(((phrasings[0], 1),)), 1, Counter(), Match("", Kind.FALLBACK, 0.0), ()
    )
    return Suggestion(number, entry, phrasings, (), finding)


def without(text: str, lines: list[str]) -> str:
    kept = text.splitlines(keepends=True)
    for line in lines:
        kept.remove(line)
    return "".join(kept)


def test_new_phrasings_are_inserted_after_the_entrys_last_question(store_copy: Path) -> None:
    """Only new lines appear, indented like their neighbours; removing them gives the old bytes."""
    before = store_copy.read_text(encoding="utf-8")
    store = load_store(store_copy)
    first, last = store.entries[0], store.entries[-1]
    added = apply(
        store_copy,
        [
            suggestion(first.id, "zebra crossing quiz", "what's the zebra: quiz?"),
            suggestion(last.id, "a question for the last entry", number=2),
        ],
    )
    assert added == [
        Added(first.id, ("zebra crossing quiz", "what's the zebra: quiz?")),
        Added(last.id, ("a question for the last entry",)),
    ]
    after = store_copy.read_text(encoding="utf-8")
    new_lines = [
        line for line in after.splitlines(keepends=True) if "zebra" in line or "last entry" in line
    ]
    assert len(new_lines) == 3
    assert without(after, new_lines) == before
    reloaded = load_store(store_copy)
    assert reloaded.entry(first.id).questions == (  # type: ignore[union-attr]
        *first.questions,
        "zebra crossing quiz",
        "what's the zebra: quiz?",
    )
    assert reloaded.entry(last.id).questions[-1] == "a question for the last entry"  # type: ignore[union-attr]
    assert not [p for p in store_copy.parent.iterdir() if p.name.startswith(".")]


def test_a_store_that_would_not_validate_is_left_untouched(store_copy: Path) -> None:
    """A phrasing another entry already has: refused with the checker's problem, file unchanged."""
    before = store_copy.read_bytes()
    store = load_store(store_copy)
    taken = store.entries[1].questions[0]
    with pytest.raises(ApplyError, match="does not validate; nothing was changed") as caught:
        apply(store_copy, [suggestion(store.entries[0].id, taken.upper())])
    (problem,) = caught.value.problems
    assert (problem.file, problem.entry_id) == (str(store_copy), store.entries[1].id)
    assert problem.message == f"question {taken!r} is also under {store.entries[0].id!r}"
    assert store_copy.read_bytes() == before
    assert not [p for p in store_copy.parent.iterdir() if p.name.startswith(".")]  # no temp left


def test_flow_style_questions_are_refused_with_a_clear_reason(tmp_path: Path) -> None:
    """An entry whose questions are a [flow, list] cannot be edited line by line: refused."""
    store = tmp_path / "s.yaml"
    store.write_text("entries:\n  - id: x\n    questions: [a, b]\n", encoding="utf-8")
    with pytest.raises(ApplyError, match=r"entry 'x' lists its questions in \[brackets\]"):
        apply(store, [suggestion("x", "c")])
    assert store.read_text(encoding="utf-8") == "entries:\n  - id: x\n    questions: [a, b]\n"


def test_phrasings_already_there_add_nothing_and_write_nothing(store_copy: Path) -> None:
    """Applying a phrasing the entry has (in any case) changes no byte."""
    before = store_copy.read_bytes()
    entry = load_store(store_copy).entries[0]
    assert apply(store_copy, [suggestion(entry.id, entry.questions[0].upper())]) == []
    assert store_copy.read_bytes() == before


def test_choose_takes_numbers_once_and_refuses_unknown_ones() -> None:
    """--apply 2 1 2 gives suggestions 2 then 1; --apply 9 names the range."""
    found = [suggestion("a", "x", number=1), suggestion("b", "y", number=2)]
    assert [s.number for s in choose(found, [2, 1, 2])] == [2, 1]
    with pytest.raises(
        ApplyError, match=r"^no suggestion 9 \(there are 1 to 2; see review --suggest\)$"
    ):
        choose(found, [9])


def test_a_last_question_over_two_lines_and_a_missing_final_newline(tmp_path: Path) -> None:
    """The new item goes after every line of a wrapped last question; the file's end is mended."""
    stores = Path(__file__).resolve().parents[1] / "data" / "stores"
    shutil.copy(stores / "release.txt", tmp_path / "release.txt")
    text = (stores / "good.yaml").read_text(encoding="utf-8")
    wrapped = text.replace(
        "      - research centre location\n",
        '      - "research centre\n        location"\n      # the next key follows\n',
    ).rstrip("\n")
    store = tmp_path / "good.yaml"
    store.write_text(wrapped, encoding="utf-8")
    apply(store, [suggestion("centre", "where is the lab"), suggestion("engineers", "staff count")])
    after = store.read_text(encoding="utf-8")
    assert '        location"\n      - where is the lab\n      # the next key follows\n' in after
    added = ["      - where is the lab\n", "      - staff count\n"]
    assert without(after, added) == wrapped + "\n"
    questions = load_store(store).entry("centre").questions  # type: ignore[union-attr]
    assert questions[-2:] == ("research centre location", "where is the lab")
