"""Scoring the matcher against a labelled question set (`python -m bot eval FILE`).

The file has two lists: ``in_scope`` items ``{q, intent}`` and
``out_of_scope`` items ``{q, kind}``. An in-scope question counts as right
when the bot answers it with the labelled entry; an out-of-scope one counts
as rejected when the bot does not answer it (a fallback, or a "did you mean"
that leaves the choice to the person).

Every question goes through `Matcher.score` and `Matcher.verdict`, the very
two halves of `Matcher.match`. `sweep_parameter` re-runs them for each value
of any `Params` field: `python -m bot eval FILE --sweep NAME=FROM:TO:STEP`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from bot.errors import describe
from bot.matching.params import Params, stage
from bot.matching.pipeline import Matcher, Scored
from bot.matching.verdict import Form, Kind, Match
from bot.store import Store


class EvalFileError(Exception):
    """The evaluation file cannot be read; the message says where."""


class SweepError(ValueError):
    """A `--sweep` argument that names no parameter or no range; the message says why."""


@dataclass(frozen=True)
class Case:
    question: str
    intent: str | None  # None: out of scope
    line: int = field(default=0, compare=False)  # where the item is in the file (1-based)
    kind: str | None = field(default=None, compare=False)  # the item's `kind:`, if any
    # A two-part item's second entry (`also:`): right only when the reply holds it too.
    also: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Outcome:
    case: Case
    kind: Kind
    intent: str | None
    score: float
    first_suggestion: str | None = None  # for a "did you mean", the first candidate
    form: Form = Form.PLAIN  # how the verdict was put (a yes/no check: Form.YES, Form.NO)
    parts: tuple[str | None, ...] = ()  # Form.PARTS: the entry each part is answered with

    @property
    def right(self) -> bool:
        """Out of scope: not answered. In scope: answered with the expected entry (and,
        for a two-part item, with its `also` entry too), and a yes/no check put the right
        way (`wrong_form`)."""
        if self.case.intent is None:
            return self.kind is not Kind.ANSWER
        entry = self.kind is Kind.ANSWER and (
            self.intent == self.case.intent or self.case.intent in self.parts
        )
        if self.case.also is not None and self.case.also not in (self.intent, *self.parts):
            return False
        return entry and not self.wrong_form

    @property
    def wrong_form(self) -> bool:
        """A "Yes" to an item of kind `yesno-false`, or a "No" to one of `yesno-true`."""
        return WRONG_FORMS.get(self.case.kind or "") is self.form


@dataclass(frozen=True)
class Summary:
    in_scope: int
    out_of_scope: int
    accuracy: float  # in-scope answered with the right entry
    rejection: float  # out-of-scope not answered
    clarify_rate: float  # share of all questions that got "did you mean"
    offered: float  # in-scope answered right, or offered first in "did you mean"
    misses: tuple[Outcome, ...]
    # Right entries put the wrong way, not counted as right: "Yes" to a yes/no check
    # whose kind says its premise is false, "No" to one whose premise is true.
    wrong_forms: tuple[Outcome, ...] = ()
    outcomes: tuple[Outcome, ...] = ()  # every question's, in file order


# An item's `kind:` -> the yes/no form that contradicts it.
WRONG_FORMS = {"yesno-false": Form.YES, "yesno-true": Form.NO}


# --- Loading ------------------------------------------------------------------------------


def load_cases(path: str | Path, known: Collection[str] | None = None) -> list[Case]:
    """The cases of an eval file, in-scope first. With `known` (the store's entry ids),
    an in-scope intent outside it is an error naming the id and its line."""
    data, lines = _parse(path)
    if not isinstance(data, dict):
        raise EvalFileError(f"{path}: expected a mapping with in_scope and out_of_scope")
    for section in ("in_scope", "out_of_scope"):
        if not isinstance(data.get(section) or [], list):
            raise EvalFileError(f"{path}: {section} must be a list of questions")
    cases = [
        Case(
            _q(item, f"{path}:{line}"),
            _intent(item, f"{path}:{line}"),
            line,
            _kind(item),
            _also(item, f"{path}:{line}"),
        )
        for item, line in zip(data.get("in_scope") or [], lines["in_scope"], strict=True)
    ]
    cases += [
        Case(_q(item, f"{path}:{line}"), None, line, _kind(item))
        for item, line in zip(data.get("out_of_scope") or [], lines["out_of_scope"], strict=True)
    ]
    if not cases:
        raise EvalFileError(f"{path}: no questions")
    for case in cases:
        for intent in (case.intent, case.also):
            if known is not None and intent is not None and intent not in known:
                raise EvalFileError(
                    f"{path}:{case.line}: unknown intent {intent!r} (no entry has that id)"
                )
    return cases


def _parse(path: str | Path) -> tuple[Any, dict[str, list[int]]]:
    """The file's data, and the line of each item of its two lists."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(f"{path}: cannot read ({describe(exc)})") from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise EvalFileError(f"{where}: bad YAML ({str(exc).splitlines()[0]})") from None
    except yaml.YAMLError as exc:
        raise EvalFileError(f"{path}: bad YAML ({str(exc).splitlines()[0]})") from None
    finally:
        loader.dispose()
    lines: dict[str, list[int]] = {"in_scope": [], "out_of_scope": []}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value in lines and isinstance(value, yaml.SequenceNode):
                lines[key.value] = [item.start_mark.line + 1 for item in value.value]
    return data, lines


def _q(item: Any, where: str) -> str:
    if not isinstance(item, dict) or not isinstance(item.get("q"), str):
        raise EvalFileError(f"{where}: every item needs a text 'q' (got {item!r})")
    return str(item["q"])


def _kind(item: dict[str, Any]) -> str | None:
    kind = item.get("kind")
    return kind if isinstance(kind, str) else None


def _also(item: dict[str, Any], where: str) -> str | None:
    also = item.get("also")
    if also is not None and not isinstance(also, str):
        raise EvalFileError(f"{where}: 'also' must be an entry id (got {also!r})")
    return also


def _intent(item: dict[str, Any], where: str) -> str:
    intent = item.get("intent")
    if not isinstance(intent, str):
        raise EvalFileError(f"{where}: in-scope question {item.get('q')!r} needs an intent")
    return intent


# --- Scoring ------------------------------------------------------------------------------


def run(matcher: Matcher, cases: Iterable[Case]) -> list[tuple[Case, Scored]]:
    """Score every case once; verdicts under any verdict-stage parameters reuse these."""
    return [(case, matcher.score(case.question)) for case in cases]


def summarise(
    matcher: Matcher, scored: Sequence[tuple[Case, Scored]], params: Params | None = None
) -> Summary:
    """How the bot does on `scored` under `params`: each verdict as `Matcher.match` gives it."""
    outcomes = []
    for case, done in scored:
        match = matcher.verdict(done, params)
        first = match.suggestions[0].intent if match.kind is Kind.CLARIFY else None
        intent = answered_intent(match, case, matcher.store)
        parts = tuple(part.intent for part in match.parts)
        outcomes.append(Outcome(case, match.kind, intent, match.score, first, match.form, parts))
    inside = [o for o in outcomes if o.case.intent is not None]
    outside = [o for o in outcomes if o.case.intent is None]
    return Summary(
        in_scope=len(inside),
        out_of_scope=len(outside),
        accuracy=_share(o.right for o in inside),
        rejection=_share(o.right for o in outside),
        clarify_rate=_share(o.kind is Kind.CLARIFY for o in outcomes),
        offered=_share(o.right or o.first_suggestion == o.case.intent for o in inside),
        misses=tuple(o for o in outcomes if not o.right),
        wrong_forms=tuple(
            o
            for o in outcomes
            if o.wrong_form and o.kind is Kind.ANSWER and o.intent == o.case.intent
        ),
        outcomes=tuple(outcomes),
    )


def answered_intent(match: Match, case: Case, store: Store) -> str | None:
    """The entry `match` answers `case` with. A sum or difference of two figures
    (`Form.ARITHMETIC`) is the expected entry's answer too when that entry states both
    figures: "13 - 2 = 11" answers a question labelled with the entry on all flights
    ("15 flights: 13 from Almaty, 2 from Astana") as well as the two route entries."""
    expected = store.entry(case.intent) if case.intent else None
    if match.form is Form.ARITHMETIC and expected is not None and match.figures:
        stated = set(re.findall(r"\d+", expected.answer))
        if all(str(f.value) in stated for f in match.figures):
            return expected.id
    return match.intent


def sweep(
    matcher: Matcher, scored: Sequence[tuple[Case, Scored]], thresholds: Iterable[float]
) -> list[tuple[float, Summary]]:
    """The answer threshold swept, the clarify threshold kept at or below it."""
    base = matcher.params
    rows = []
    for threshold in thresholds:
        params = replace(
            base,
            answer_threshold=threshold,
            clarify_threshold=min(base.clarify_threshold, threshold),
        )
        rows.append((threshold, summarise(matcher, scored, params)))
    return rows


def parse_sweep(spec: str) -> tuple[str, list[float]]:
    """ "name=from:to:step" -> the parameter's name and its values, `to` included."""
    name, _, span = spec.partition("=")
    names = [f.name for f in fields(Params)]
    if name not in names:
        raise SweepError(f"--sweep: unknown parameter {name!r} (one of: {', '.join(names)})")
    try:
        start, stop, step = (float(part) for part in span.split(":"))
    except ValueError:
        raise SweepError(f"--sweep: expected {name}=FROM:TO:STEP, got {spec!r}") from None
    if step <= 0 or stop < start or (stop - start) / step > 1000:
        raise SweepError(f"--sweep: {spec!r} needs FROM <= TO and at most 1,000 steps of STEP > 0")
    count = int((stop - start) / step + 1e-9) + 1
    values = [round(start + i * step, 10) for i in range(count)]
    if isinstance(getattr(Params(), name), int) and any(v != int(v) for v in values):
        raise SweepError(f"--sweep: {name} takes whole numbers, got {spec!r}")
    return name, values


def sweep_parameter(
    matcher: Matcher, cases: Sequence[Case], name: str, values: Iterable[float]
) -> list[tuple[float, Summary]]:
    """Each value of the `Params` field `name` with how the bot does under it.

    A verdict-stage field reuses one scoring of the cases; any other builds a
    matcher with that value and scores them again.
    """
    kind = type(getattr(matcher.params, name))
    scored = run(matcher, cases) if stage(name) == "verdict" else None
    rows = []
    for value in values:
        params = replace(matcher.params, **{name: kind(value)})
        if scored is not None:
            rows.append((value, summarise(matcher, scored, params)))
        else:
            other = matcher.rebuilt(params)
            rows.append((value, summarise(other, run(other, cases))))
    return rows


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 1.0


# --- Reports ------------------------------------------------------------------------------


def report(matcher: Matcher, cases: list[Case]) -> tuple[Summary, str]:
    """The full text report printed by `python -m bot eval`."""
    scored = run(matcher, cases)
    summary = summarise(matcher, scored)
    params = matcher.params
    lines = [
        f"questions: {summary.in_scope} in scope, {summary.out_of_scope} out of scope",
        f"in-scope accuracy:     {summary.accuracy:6.1%}",
        f"out-of-scope rejected: {summary.rejection:6.1%}",
        f"clarify rate:          {summary.clarify_rate:6.1%}",
        f"in-scope answered or offered first in 'did you mean': {summary.offered:6.1%}",
        f"(answer >= {params.answer_threshold:g}, clarify >= {params.clarify_threshold:g}, "
        f"margin {params.margin:g})",
        "",
        f"misses ({len(summary.misses)}):",
    ]
    lines += [_miss_line(miss) for miss in summary.misses]
    if summary.wrong_forms:
        lines += ["", f"yes/no checks put the wrong way ({len(summary.wrong_forms)}):"]
        lines += [f"  {o.form.value:3} {_miss_line(o).strip()}" for o in summary.wrong_forms]
    lines += _by_kind(summary)
    lines += ["", "threshold sweep (answer threshold: accuracy / rejection / clarify rate):"]
    thresholds = sorted({*range(50, 100, 4), params.answer_threshold})
    for threshold, row in sweep(matcher, scored, thresholds):
        marker = "  <- current" if threshold == params.answer_threshold else ""
        lines.append(
            f"  {threshold:5.1f}  {row.accuracy:6.1%}  {row.rejection:6.1%}  "
            f"{row.clarify_rate:6.1%}{marker}"
        )
    return summary, "\n".join(lines)


def _miss_line(outcome: Outcome) -> str:
    expected = outcome.case.intent or "(out of scope)"
    got = outcome.intent or "-"
    kind = f"[{outcome.case.kind}] " if outcome.case.kind else ""
    return (
        f"  {outcome.kind.value:9} {outcome.score:5.1f}  expected {expected:22} got {got:22} "
        f"{kind}{outcome.case.question!r}"
    )


def _by_kind(summary: Summary) -> list[str]:
    """Per `kind:` of the file's items (none: no lines): right, and right or offered
    first (in scope only; a yes/no check put the wrong way is not right here)."""
    kinds = dict.fromkeys(o.case.kind for o in summary.outcomes if o.case.kind)
    if not kinds:
        return []
    lines = ["", "by kind (right / right or offered first; a yes/no put the wrong way is wrong):"]
    for kind in kinds:
        mine = [o for o in summary.outcomes if o.case.kind == kind]
        right = [o.right for o in mine]
        firsts = [o.case.intent is not None and o.first_suggestion == o.case.intent for o in mine]
        offered = [r or first for r, first in zip(right, firsts, strict=True)]
        lines.append(
            f"  {kind:20} {sum(right):3}/{len(mine):<3} {_share(right):6.1%}   "
            f"{sum(offered):3}/{len(mine):<3} {_share(offered):6.1%}"
        )
    return lines


def sweep_report(matcher: Matcher, cases: Sequence[Case], spec: str) -> str:
    """The text printed by `python -m bot eval FILE --sweep NAME=FROM:TO:STEP`."""
    name, values = parse_sweep(spec)
    current = getattr(matcher.params, name)
    width = max(12, len(name))
    lines = [
        f"sweep of {name} over {len(cases)} questions (current value {current:g})",
        f"  {name:>{width}}  accuracy  rejection  clarify  offered-first",
    ]
    for value, row in sweep_parameter(matcher, cases, name, values):
        marker = "  <- current" if value == current else ""
        lines.append(
            f"  {value:{width}g}  {row.accuracy:8.1%}  {row.rejection:9.1%}  "
            f"{row.clarify_rate:7.1%}  {row.offered:13.1%}{marker}"
        )
    return "\n".join(lines)
