"""Suggestions: which phrasings to add to which entry, and which eval questions to write.

One suggestion per group with wordings the bot still gets wrong, numbered in the order of
`Review.findings` (largest group first), so `review --suggest` and
`review --apply N` agree as long as the logs and the store have not changed.
The target is the nearest entry the group did not dislike, if it is close
enough to be a plausible home for the question. One wording of the group is
held back as an eval question: the store learns the others, and the eval set
checks the held-back one, so it keeps measuring matching, not memory.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import yaml

from bot.language import normalise, squash_whitespace
from bot.matching import Matcher
from bot.review.report import NEAREST, Finding, Review, describe
from bot.store import Store
from bot.store.reader import MAX_QUESTION_CHARS

# Nearest-entry score (0-100) below which a group gets no suggestion: the
# matcher's own floor for offering an entry at all ("Perhaps one of these
# helps"). Below it, the question is off-topic or needs a new entry.
SUGGEST_FLOOR = 45.0
MAX_PHRASINGS = 5  # phrasings suggested per group, most frequent first
MAX_CHECKED = 30  # wordings of a group run through the matcher, most frequent first
EVAL_FILE = "tests/data/eval.yaml"


@dataclass(frozen=True)
class Suggestion:
    number: int
    entry: str
    phrasings: tuple[str, ...]
    eval_questions: tuple[str, ...]
    finding: Finding


def suggestions(review: Review, store: Store) -> list[Suggestion]:
    """A numbered suggestion for each group with wordings its target entry does not answer.

    The target of a fixed group is the entry that answers it now (its other
    wordings may still miss); of any other group, the nearest entry it did
    not dislike, if close enough.
    """
    matcher = Matcher(store)
    known = {normalise(q) for e in store.entries for q in e.questions}
    known |= {normalise(q) for s in store.smalltalk for q in s.questions}
    found: list[Suggestion] = []
    for finding in review.findings:
        target = _target(finding)
        if target is None:
            continue
        wordings = [
            w for w in _new_wordings(finding, known) if _belongs(matcher, w, target, finding)
        ]
        wordings = wordings[: MAX_PHRASINGS + 1]
        if not wordings:
            continue
        held = wordings[-1:] if len(wordings) > 1 else []
        phrasings = tuple(wordings[: len(wordings) - len(held)])
        known |= {normalise(p) for p in phrasings}  # a later group does not repeat them
        found.append(Suggestion(len(found) + 1, target, phrasings, tuple(held), finding))
    return found


def _target(finding: Finding) -> str | None:
    """The entry that answers the group now, else the nearest close one it did not dislike."""
    if finding.fixed and finding.now.entry is not None:
        return finding.now.entry.id
    for candidate in finding.nearest:
        if candidate.score >= SUGGEST_FLOOR and not finding.disliked[candidate.intent]:
            return candidate.intent
    return None


def _belongs(matcher: Matcher, wording: str, target: str, finding: Finding) -> bool:
    """Whether `wording` should become a phrasing of `target`.

    Not if the bot answers it with an entry the group did not dislike (the
    target, or another entry: a group can mix asks about the same names), nor
    if the target is not among its nearest entries.
    """
    scored = matcher.score(wording)
    ranked = scored.candidates
    verdict = matcher.verdict(scored)
    entry = verdict.entry
    if verdict.answered and entry is not None and not finding.disliked[entry.id]:
        return False
    near = [c for c in ranked if matcher.store.entry(c.intent) is not None][:NEAREST]
    return any(c.intent == target and c.score >= SUGGEST_FLOOR for c in near)


def _new_wordings(finding: Finding, known: set[str]) -> list[str]:
    """The group's wordings as phrasings: tidy, short enough, no store phrasing, no repeats.

    At most `MAX_CHECKED` of them, most frequent first (each costs a match).
    """
    seen = set(known)
    wordings = []
    for text, _ in finding.group.texts[:MAX_CHECKED]:
        tidy = squash_whitespace(text)
        key = normalise(tidy)
        if key and key not in seen and len(tidy) <= MAX_QUESTION_CHARS:
            seen.add(key)
            wordings.append(tidy)
    return wordings


# --- Text for the operator ---------------------------------------------------------


def yaml_list(items: list[str]) -> list[str]:
    """`items` as the lines of a YAML block list ("- text"), quoted only where needed."""
    dumped = yaml.safe_dump(items, allow_unicode=True, width=1_000_000, default_flow_style=False)
    return dumped.splitlines()


def eval_line(question: str, entry: str) -> str:
    """One in_scope item of the eval file, as its other items are written."""
    return f"- {{q: {json.dumps(question, ensure_ascii=False)}, intent: {entry}}}"


def render_suggestion(suggestion: Suggestion, store_name: str) -> list[str]:
    finding = suggestion.finding
    lines = [
        f"[{suggestion.number}] {suggestion.entry}: group {finding.number}, "
        f"asked {finding.group.count}x; now {describe(finding.now)}",
        f"    # add to the questions of entry {suggestion.entry} in {store_name}:",
        f"    - id: {suggestion.entry}",
        "      questions:",
        *(f"        {line}" for line in yaml_list(list(suggestion.phrasings))),
    ]
    if suggestion.eval_questions:
        lines.append(f"    # and to {EVAL_FILE}, under in_scope:")
        lines += [f"    {eval_line(q, suggestion.entry)}" for q in suggestion.eval_questions]
    else:
        lines.append(
            f"    # and write one differently worded question for {suggestion.entry} "
            f"in {EVAL_FILE} (in_scope)"
        )
    return lines


def render_suggestions(found: list[Suggestion], store_name: str) -> str:
    if not found:
        return "No suggestions: every group is answered now, or has no entry close enough."
    lines = [
        f"{len(found)} suggestions; apply with: python -m bot review --apply N [N ...]",
    ]
    for suggestion in found:
        lines += ["", *render_suggestion(suggestion, store_name)]
    return "\n".join(lines)
