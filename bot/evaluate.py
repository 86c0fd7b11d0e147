"""Scoring the matcher against a labelled question set (`python -m bot eval FILE`).

The file has two lists: ``in_scope`` items ``{q, intent}`` and
``out_of_scope`` items ``{q, kind}``. An in-scope question counts as right
when the bot answers it with the labelled entry; an out-of-scope one counts
as rejected when the bot does not answer it (a fallback, or a "did you mean"
that leaves the choice to the person).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from bot.errors import describe
from bot.matcher import Candidate, Kind, Matcher
from bot.store import Settings


class EvalFileError(Exception):
    """The evaluation file cannot be read; the message says where."""


@dataclass(frozen=True)
class Case:
    question: str
    intent: str | None  # None: out of scope


@dataclass(frozen=True)
class Outcome:
    case: Case
    kind: Kind
    intent: str | None
    score: float
    first_suggestion: str | None = None  # for a "did you mean", the first candidate

    @property
    def right(self) -> bool:
        if self.case.intent is None:
            return self.kind is not Kind.ANSWER
        return self.kind is Kind.ANSWER and self.intent == self.case.intent


@dataclass(frozen=True)
class Summary:
    in_scope: int
    out_of_scope: int
    accuracy: float  # in-scope answered with the right entry
    rejection: float  # out-of-scope not answered
    clarify_rate: float  # share of all questions that got "did you mean"
    offered: float  # in-scope answered right, or offered first in "did you mean"
    misses: tuple[Outcome, ...]


def load_cases(path: str | Path) -> list[Case]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(f"{path}: cannot read ({describe(exc)})") from None
    except yaml.YAMLError as exc:
        raise EvalFileError(f"{path}: bad YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise EvalFileError(f"{path}: expected a mapping with in_scope and out_of_scope")
    for section in ("in_scope", "out_of_scope"):
        if not isinstance(data.get(section) or [], list):
            raise EvalFileError(f"{path}: {section} must be a list of questions")
    cases = [Case(_q(item, path), _intent(item, path)) for item in data.get("in_scope") or []]
    cases += [Case(_q(item, path), None) for item in data.get("out_of_scope") or []]
    if not cases:
        raise EvalFileError(f"{path}: no questions")
    return cases


def _q(item: Any, path: str | Path) -> str:
    if not isinstance(item, dict) or not isinstance(item.get("q"), str):
        raise EvalFileError(f"{path}: every item needs a text 'q' (got {item!r})")
    return str(item["q"])


def _intent(item: dict[str, Any], path: str | Path) -> str:
    intent = item.get("intent")
    if not isinstance(intent, str):
        raise EvalFileError(f"{path}: in-scope question {item.get('q')!r} needs an intent")
    return intent


def run(matcher: Matcher, cases: Iterable[Case]) -> list[tuple[Case, list[Candidate]]]:
    """Score every case once; decisions under any settings reuse these."""
    return [(case, matcher.candidates(case.question)) for case in cases]


def summarise(
    matcher: Matcher, scored: list[tuple[Case, list[Candidate]]], settings: Settings
) -> Summary:
    outcomes = []
    for case, ranked in scored:
        # As the bot decides: the verdict, then a sentence of the release for a fallback.
        match = matcher.from_text(matcher.decide(case.question, ranked, settings))
        first = match.suggestions[0].intent if match.kind is Kind.CLARIFY else None
        outcomes.append(Outcome(case, match.kind, match.intent, match.score, first))
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
    )


def sweep(
    matcher: Matcher, scored: list[tuple[Case, list[Candidate]]], thresholds: Iterable[float]
) -> list[tuple[float, Summary]]:
    base = matcher.settings
    rows = []
    for threshold in thresholds:
        settings = replace(
            base,
            answer_threshold=threshold,
            clarify_threshold=min(base.clarify_threshold, threshold),
        )
        rows.append((threshold, summarise(matcher, scored, settings)))
    return rows


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 1.0


def report(matcher: Matcher, cases: list[Case]) -> tuple[Summary, str]:
    """The full text report printed by `python -m bot eval`."""
    scored = run(matcher, cases)
    summary = summarise(matcher, scored, matcher.settings)
    settings = matcher.settings
    lines = [
        f"questions: {summary.in_scope} in scope, {summary.out_of_scope} out of scope",
        f"in-scope accuracy:     {summary.accuracy:6.1%}",
        f"out-of-scope rejected: {summary.rejection:6.1%}",
        f"clarify rate:          {summary.clarify_rate:6.1%}",
        f"in-scope answered or offered first in 'did you mean': {summary.offered:6.1%}",
        f"(answer >= {settings.answer_threshold:g}, clarify >= {settings.clarify_threshold:g}, "
        f"margin {settings.margin:g})",
        "",
        f"misses ({len(summary.misses)}):",
    ]
    for miss in summary.misses:
        expected = miss.case.intent or "(out of scope)"
        got = miss.intent or "-"
        lines.append(
            f"  {miss.kind.value:9} {miss.score:5.1f}  expected {expected:22} got {got:22} "
            f"{miss.case.question!r}"
        )
    lines += ["", "threshold sweep (answer threshold: accuracy / rejection / clarify rate):"]
    thresholds = sorted({*range(50, 100, 4), settings.answer_threshold})
    for threshold, row in sweep(matcher, scored, thresholds):
        marker = "  <- current" if threshold == settings.answer_threshold else ""
        lines.append(
            f"  {threshold:5.1f}  {row.accuracy:6.1%}  {row.rejection:6.1%}  "
            f"{row.clarify_rate:6.1%}{marker}"
        )
    return summary, "\n".join(lines)
