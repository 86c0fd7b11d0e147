"""Tests for bot/matching/evaluate.py: the quality gate on tests/data/eval.yaml, the eval
file itself, and how cases are loaded, scored and summarised."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from bot.language import normalise
from bot.matching import Kind, Matcher
from bot.matching.evaluate import (
    Case,
    EvalFileError,
    SweepError,
    load_cases,
    parse_sweep,
    report,
    run,
    summarise,
    sweep,
    sweep_parameter,
)
from bot.store import load_store
from tests.support import run_bot

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
# 2026-11-29 (issue 12): 96.0% / 99.0% / 98.4% on 375 + 195 questions.
MIN_ACCURACY = 0.96  # in-scope questions answered with the labelled entry
MIN_REJECTION = 0.989  # out-of-scope questions not answered
MIN_OFFERED = 0.984  # in-scope answered, or offered first in "did you mean"


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


# The English blind batches (tests/data/blind/en-batch*.yaml): right, right or offered
# first, declined. Measured 2026-11-29 after issue 12's rules (python -m bot eval FILE);
# raise them as the matcher improves. Batch 4 was read after round 1 (81.2% / 91.2% /
# 97.5% unseen) and its misses' causes fixed in round 2: it is tuned on now too.
BLIND_FLOORS = {
    "en-batch.yaml": (0.925, 0.987, 1.0),
    "en-batch2.yaml": (0.9, 0.987, 1.0),
    "en-batch3.yaml": (0.937, 0.987, 1.0),
    "en-batch4.yaml": (0.91, 0.975, 1.0),  # "work together" dropped: it taught "together"
}


@pytest.mark.parametrize("name", sorted(BLIND_FLOORS))
def test_blind_batches_hold_their_measured_figures(matcher: Matcher, name: str) -> None:
    cases = load_cases(DATA / "blind" / name)
    summary = summarise(matcher, run(matcher, cases), matcher.params)
    accuracy, offered, rejection = BLIND_FLOORS[name]
    assert summary.accuracy >= accuracy
    assert summary.offered >= offered
    assert summary.rejection >= rejection


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
    missing = r"nope\.yaml: cannot read \(it does not exist\)$"
    with pytest.raises(EvalFileError, match=missing):
        load_cases(tmp_path / "nope.yaml")


def test_load_cases_rejects_a_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"in_scope:\n  - {q: caf\xe9, intent: cost}\n")
    undecodable = r"latin1\.yaml: cannot read \(it is not UTF-8 text: byte 0xe9 on line 2\)$"
    with pytest.raises(EvalFileError, match=undecodable):
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


# --- Sweeping any parameter ------------------------------------------------------------------


def test_sweeping_a_verdict_parameter_matches_a_matcher_built_with_it(
    matcher: Matcher, cases: list[Case]
) -> None:
    """A verdict-stage sweep reuses one scoring; a score-stage sweep rebuilds the matcher.
    Either way each row is what a matcher built with that value scores."""
    for name, value in [("doubt_margin", 5.0), ("off_entry_word_weight", 0.6)]:
        [(swept, row)] = sweep_parameter(matcher, cases, name, [value])
        other = Matcher(matcher.store, dataclasses.replace(matcher.params, **{name: value}))
        direct = summarise(other, run(other, cases))
        assert swept == value
        assert (row.accuracy, row.rejection, row.clarify_rate, row.offered) == (
            direct.accuracy,
            direct.rejection,
            direct.clarify_rate,
            direct.offered,
        )
    [(_, same)] = sweep_parameter(matcher, cases, "doubt_margin", [matcher.params.doubt_margin])
    assert same == summarise(matcher, run(matcher, cases))


@pytest.mark.parametrize(
    ("spec", "name", "values"),
    [
        ("answer_threshold=60:70:5", "answer_threshold", [60.0, 65.0, 70.0]),
        ("off_entry_word_weight=0.3:0.7:0.1", "off_entry_word_weight", [0.3, 0.4, 0.5, 0.6, 0.7]),
        ("max_query_words=40:40:1", "max_query_words", [40.0]),
    ],
)
def test_parse_sweep(spec: str, name: str, values: list[float]) -> None:
    assert parse_sweep(spec) == (name, values)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("nope=1:2:1", "unknown parameter 'nope'"),
        ("margin=1:2", "expected margin=FROM:TO:STEP"),
        ("margin=2:1:1", "needs FROM <= TO"),
        ("margin=0:1:0", "needs FROM <= TO"),
        ("min_typo_len=3:4:0.5", "min_typo_len takes whole numbers"),
    ],
)
def test_parse_sweep_rejects_bad_specs(spec: str, message: str) -> None:
    with pytest.raises(SweepError, match=re.escape(message)):
        parse_sweep(spec)


def test_eval_sweep_prints_one_row_per_value() -> None:
    result = run_bot("eval", str(EVAL_FILE), "--sweep", "doubt_margin=0:20:10")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "sweep of doubt_margin over 570 questions (current value 10)"
    assert lines[1].split() == ["doubt_margin", "accuracy", "rejection", "clarify", "offered-first"]
    assert [line.split()[0] for line in lines[2:]] == ["0", "10", "20"]
    assert lines[3].endswith("<- current") and "96.3%" in lines[3] and "99.0%" in lines[3]


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ("in_scope:\n  - {q: hi, intent: speakr}\n", (), ":2: unknown intent 'speakr'"),
        ("in_scope:\n  - {q: hi, intent: speaker}\n  - [\n", (), ":4: bad YAML ("),
        ("in_scope:\n  - {q: hi, intent: speaker}\n", ("--sweep", "x=1:2:1"), "unknown parameter"),
    ],
)
def test_eval_errors_are_one_line_and_exit_2(
    tmp_path: Path, content: str, args: tuple[str, ...], message: str
) -> None:
    path = tmp_path / "eval.yaml"
    path.write_text(content, encoding="utf-8")
    result = run_bot("eval", str(path), *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_report_by_kind_counts_a_yes_no_put_the_wrong_way_as_wrong(
    matcher: Matcher, tmp_path: Path
) -> None:
    """Items with `kind:` get a table per kind; a yes/no check whose kind says its premise
    is false and that gets "Yes" (or true and "No") is listed, and not right anywhere:
    the headline accuracy does not count it either."""
    path = tmp_path / "kinds.yaml"
    path.write_text(
        "in_scope:\n"
        '  - {q: "Are there 15 flights a week between Kazakhstan and Korea?",'
        " intent: flights-total, kind: yesno-false}\n"
        '  - {q: "Are there 20 flights a week between Kazakhstan and Korea?",'
        " intent: flights-total, kind: yesno-false}\n"
        '  - {q: "who is the ambassador", intent: ambassador, kind: plain}\n'
        "out_of_scope:\n"
        '  - {q: "How old is Woo Won-shik?", kind: unstated-attribute}\n',
        encoding="utf-8",
    )
    cases = load_cases(path)
    assert [c.kind for c in cases] == ["yesno-false", "yesno-false", "plain", "unstated-attribute"]
    summary, text = report(matcher, cases)
    assert summary.accuracy == 2 / 3  # the right entry, but "Yes" to a false premise
    assert [o.case.question for o in summary.wrong_forms] == [cases[0].question]
    by_kind = text.split("by kind")[1].splitlines()[1:4]
    assert [line.split()[:2] for line in by_kind] == [
        ["yesno-false", "1/2"],
        ["plain", "1/1"],
        ["unstated-attribute", "1/1"],
    ]
    assert "yes/no checks put the wrong way (1):" in text


def test_a_two_part_item_is_right_only_when_the_reply_holds_both_entries(
    matcher: Matcher, tmp_path: Path
) -> None:
    """`also:` names the entry of a two-part item's second question: a reply that answers
    the first part alone, or the second with another entry, is not right."""
    path = tmp_path / "parts.yaml"
    asked = "Who is the ambassador and how many flights a week are there in all?"
    path.write_text(
        "in_scope:\n"
        f'  - {{q: "{asked}", intent: ambassador, also: flights-total, kind: two-part}}\n'
        f'  - {{q: "{asked}", intent: ambassador, also: speaker, kind: two-part}}\n'
        f'  - {{q: "{asked}", intent: ambassador, kind: two-part}}\n',
        encoding="utf-8",
    )
    cases = load_cases(path, {e.id for e in matcher.store.entries})
    assert [c.also for c in cases] == ["flights-total", "speaker", None]
    summary = summarise(matcher, run(matcher, cases), matcher.params)
    assert summary.outcomes[0].parts == ("ambassador", "flights-total")
    assert [o.right for o in summary.outcomes] == [True, False, True]


def test_an_also_naming_no_entry_is_an_error(matcher: Matcher, tmp_path: Path) -> None:
    path = tmp_path / "parts.yaml"
    path.write_text(
        'in_scope:\n  - {q: "who and when", intent: ambassador, also: nobody}\n', encoding="utf-8"
    )
    with pytest.raises(EvalFileError, match=r"parts.yaml:2: unknown intent 'nobody'"):
        load_cases(path, {e.id for e in matcher.store.entries})
