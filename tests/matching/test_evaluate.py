"""Tests for bot/matching/evaluate.py: the quality gate on tests/data/eval.yaml, the eval
file itself, and how cases are loaded, scored and summarised."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.language import normalise
from bot.matching import Kind, Matcher
from bot.matching.evaluate import Case, EvalFileError, load_cases, report, run, summarise, sweep
from bot.store import load_store

DATA = Path(__file__).resolve().parents[1] / "data"
EVAL_FILE = DATA / "eval.yaml"
STORES = DATA / "stores"

# The issue-2 targets: at least 95% of in-scope questions answered with their
# entry and 95% of out-of-scope ones not answered. Measured on 2026-11-28:
# 95.4%, 98.9% and 98.3% on 348 + 180 questions. Batches 4 and 6 were written
# blind and scored 90.9% / 97.7% and 91.1% / 93.5% before anything was tuned on
# them; every later change a miss led to came with new questions (batches 5, 7,
# 8). A change that makes the matcher worse fails here; raise these as the
# matcher improves, never lower them to make a change pass.
MIN_ACCURACY = 0.95  # in-scope questions answered with the labelled entry
MIN_REJECTION = 0.98  # out-of-scope questions not answered
MIN_OFFERED = 0.975  # in-scope answered, or offered first in "did you mean"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_store())


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return load_cases(EVAL_FILE)


def _misses(matcher: Matcher, cases: list[Case], in_scope: bool) -> str:
    summary = summarise(matcher, run(matcher, cases), matcher.params)
    return "\n".join(
        f"  {m.kind.value:9} {m.score:5.1f} expected {m.case.intent or '-'} got {m.intent or '-'}"
        f"  {m.case.question!r}"
        for m in summary.misses
        if (m.case.intent is not None) == in_scope
    )


# --- The gate -----------------------------------------------------------------------------


def test_gate_in_scope_accuracy(matcher: Matcher, cases: list[Case]) -> None:
    summary = summarise(matcher, run(matcher, cases), matcher.params)
    assert summary.accuracy >= MIN_ACCURACY, (
        f"in-scope accuracy {summary.accuracy:.1%} < {MIN_ACCURACY:.0%}; misses:\n"
        + _misses(matcher, cases, in_scope=True)
    )


def test_gate_out_of_scope_rejection(matcher: Matcher, cases: list[Case]) -> None:
    summary = summarise(matcher, run(matcher, cases), matcher.params)
    assert summary.rejection >= MIN_REJECTION, (
        f"out-of-scope rejection {summary.rejection:.1%} < {MIN_REJECTION:.0%}; answered:\n"
        + _misses(matcher, cases, in_scope=False)
    )


def test_gate_right_entry_is_answered_or_offered_first(matcher: Matcher, cases: list[Case]) -> None:
    """Nearly every covered question reaches its entry: answered, or the first suggestion."""
    summary = summarise(matcher, run(matcher, cases), matcher.params)
    assert summary.offered >= MIN_OFFERED, f"offered {summary.offered:.1%} < {MIN_OFFERED:.0%}"


# --- The eval file ------------------------------------------------------------------------


def test_eval_file_is_large_enough(cases: list[Case]) -> None:
    assert sum(c.intent is not None for c in cases) >= 150
    assert sum(c.intent is None for c in cases) >= 40


def test_every_eval_intent_is_a_store_entry(cases: list[Case]) -> None:
    ids = {e.id for e in load_store().entries}
    assert sorted({c.intent for c in cases if c.intent is not None} - ids) == []


def test_no_eval_question_is_a_store_phrasing(cases: list[Case]) -> None:
    """The eval must measure paraphrases, not lookups of phrasings the store already lists."""
    store = load_store()
    questions = [q for e in store.entries for q in e.questions]
    questions += [q for s in store.smalltalk for q in s.questions]
    phrasings = {normalise(q) for q in questions}
    assert sorted(c.question for c in cases if normalise(c.question) in phrasings) == []


# --- Loading cases ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("in_scope: [", "1: bad YAML (while parsing a flow node)"),
        ("in_scope:\n  - {q: one, intent: cost}\n  - {q: two: intent}\n", "3: bad YAML ("),
        ("in_scope:\n  - {q: 'one', intent: cost}\n\tout_of_scope: []\n", "3: bad YAML ("),
        ("- just a list", "expected a mapping with in_scope and out_of_scope"),
        ("in_scope: []\nout_of_scope: []", "no questions"),
        ("in_scope: 5", "in_scope must be a list of questions"),
        ("out_of_scope: {q: hi}", "out_of_scope must be a list of questions"),
        ("in_scope:\n  - {question: hi, intent: cost}", "2: every item needs a text 'q'"),
        ("in_scope:\n\n  - {q: 3, intent: cost}", "3: every item needs a text 'q'"),
        ("in_scope:\n  - {q: hi}", "2: in-scope question 'hi' needs an intent"),
        ("out_of_scope:\n  - q: fine\n  - hi", "3: every item needs a text 'q'"),
    ],
)
def test_load_cases_rejects_bad_files_naming_the_file_and_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "eval.yaml"
    path.write_text(content, encoding="utf-8")
    separator = "" if message[0].isdigit() else " "
    with pytest.raises(EvalFileError, match=f"^{re.escape(f'{path}:{separator}{message}')}"):
        load_cases(path)


def test_an_unknown_intent_is_an_error_naming_the_id_and_its_line(tmp_path: Path) -> None:
    """A typo in a label would otherwise count as a silent miss."""
    path = tmp_path / "eval.yaml"
    path.write_text(
        "in_scope:\n  - {q: How much, intent: cost}\n  - q: Where?\n    intent: centr\n",
        encoding="utf-8",
    )
    assert len(load_cases(path)) == 2  # without the store's ids nothing is checked
    with pytest.raises(EvalFileError, match=rf"^{re.escape(str(path))}:3: unknown intent 'centr'"):
        load_cases(path, known={"cost", "centre"})


def test_cases_know_their_line() -> None:
    lines = [case.line for case in load_cases(STORES / "good-eval.yaml")]
    assert lines == [4, 5, 6, 8]


def test_load_cases_rejects_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvalFileError, match=r"nope\.yaml: cannot read \(FileNotFoundError\)$"):
        load_cases(tmp_path / "nope.yaml")


def test_load_cases_rejects_a_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"in_scope:\n  - {q: caf\xe9, intent: cost}\n")
    with pytest.raises(EvalFileError, match=r"latin1\.yaml: cannot read \(UnicodeDecodeError\)$"):
        load_cases(path)


def test_load_cases_reads_in_scope_then_out_of_scope() -> None:
    assert load_cases(STORES / "good-eval.yaml") == [
        Case("How much did the centre cost?", "cost"),
        Case("Where is the research centre?", "centre"),
        Case("budget rules", "cost"),
        Case("What is the capital of France?", None),
    ]


# --- Scoring ------------------------------------------------------------------------------


def test_summary_counts_right_answers_and_rejections() -> None:
    """good-eval.yaml mislabels "budget rules" on purpose: it is the one miss."""
    small = Matcher(load_store(STORES / "good.yaml"))
    summary = summarise(small, run(small, load_cases(STORES / "good-eval.yaml")), small.params)
    assert (summary.in_scope, summary.out_of_scope) == (3, 1)
    assert summary.accuracy == pytest.approx(2 / 3)
    assert summary.rejection == 1.0
    assert summary.clarify_rate == 0.0
    assert [(m.case.question, m.kind, m.intent) for m in summary.misses] == [
        ("budget rules", Kind.ANSWER, "budget")
    ]


def test_sweep_above_every_score_answers_nothing() -> None:
    small = Matcher(load_store(STORES / "good.yaml"))
    scored = run(small, load_cases(STORES / "good-eval.yaml"))
    [(threshold, row)] = sweep(small, scored, [100.5])
    assert threshold == 100.5
    assert (row.accuracy, row.rejection) == (0.0, 1.0)


def test_report_text_starts_with_the_summary() -> None:
    small = Matcher(load_store(STORES / "good.yaml"))
    summary, text = report(small, load_cases(STORES / "good-eval.yaml"))
    assert summary.in_scope == 3
    assert text.splitlines()[:6] == [
        "questions: 3 in scope, 1 out of scope",
        "in-scope accuracy:      66.7%",
        "out-of-scope rejected: 100.0%",
        "clarify rate:            0.0%",
        "in-scope answered or offered first in 'did you mean':  66.7%",
        "(answer >= 75, clarify >= 60, margin 4)",
    ]
