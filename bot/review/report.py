"""What the logs say about the store: grouped misses and dislikes, and what the bot says now.

`build_review` groups the questions the bot missed (`unanswered.jsonl`) and
the ones whose answer was disliked (👎 in `feedback.jsonl`), then runs the
real `Matcher` on each group's leading wording: a miss fixed since it was
logged shows as fixed. `render` prints it for the operator.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.feedback import Verdict
from bot.matching import Candidate, Kind, Match, Matcher
from bot.review.groups import Group, group_index
from bot.review.logs import Logs
from bot.store import Store

NEAREST = 3  # entries shown per group, with their scores
SHOWN_WORDINGS = 4  # other wordings shown per group before "+N more"
SHOWN_DISLIKED = 3  # disliked entries named per group; the rest are summed


@dataclass(frozen=True)
class Finding:
    """One group of questions: how often missed or disliked, and the bot's reply now."""

    number: int  # 1-based, largest group first
    group: Group
    unanswered: int  # lines of unanswered.jsonl in this group
    disliked: Counter[str | None]  # 👎 per answering entry (None: a quoted sentence)
    now: Match
    nearest: tuple[Candidate, ...]  # entries only, best first

    @property
    def fixed(self) -> bool:
        """The bot now answers with an entry, and nobody disliked that entry here."""
        entry = self.now.entry
        return entry is not None and self.now.answered and not self.disliked[entry.id]


@dataclass(frozen=True)
class Votes:
    up: int = 0
    down: int = 0


@dataclass(frozen=True)
class Review:
    logs: Logs
    findings: tuple[Finding, ...]  # the largest groups, each with the bot's reply now
    groups: int  # groups found in all, `findings` included
    votes: dict[str | None, Votes] = field(default_factory=dict)  # per entry, since `--since`


def build_review(
    logs: Logs,
    store: Store,
    *,
    top: int = 0,
    grouping: Callable[[int, int], None] | None = None,
    matching: Callable[[int, int], None] | None = None,
) -> Review:
    """Group the misses and dislikes in `logs`; ask the matcher about the `top` largest now.

    `top` 0 asks about every group. The matcher takes about a millisecond a
    group, and a long log has a long tail of questions asked once, so the
    command's default looks at the largest groups only.
    """
    downs = [v for v in logs.votes if v.verdict is Verdict.DOWN]
    asked = Counter(m.text for m in logs.misses) + Counter(v.question for v in downs)
    groups, where = group_index(asked, grouping)
    unanswered: Counter[int] = Counter(where[m.text] for m in logs.misses)
    disliked: dict[int, Counter[str | None]] = {}
    for vote in downs:
        disliked.setdefault(where[vote.question], Counter())[vote.entry] += 1
    matcher = Matcher(store)
    findings = []
    shown = groups[:top] if top > 0 else groups
    for i, group in enumerate(shown):
        scored = matcher.score(group.leader)
        ranked = scored.candidates
        now = matcher.verdict(scored)
        nearest = tuple(c for c in ranked if store.entry(c.intent) is not None)[:NEAREST]
        findings.append(
            Finding(i + 1, group, unanswered[i], disliked.get(i, Counter()), now, nearest)
        )
        if matching is not None and (i % 64 == 63 or i + 1 == len(shown)):
            matching(i + 1, len(shown))
    return Review(logs, tuple(findings), len(groups), _votes(logs))


def _votes(logs: Logs) -> dict[str | None, Votes]:
    ups = Counter(v.entry for v in logs.votes if v.verdict is Verdict.UP)
    downs = Counter(v.entry for v in logs.votes if v.verdict is Verdict.DOWN)
    entries = sorted(set(ups) | set(downs), key=lambda e: (-downs[e], -ups[e], e or ""))
    return {e: Votes(ups[e], downs[e]) for e in entries}


# --- Text for the operator ---------------------------------------------------------


def describe(match: Match) -> str:
    """The bot's verdict in a few words: "answers flights-total (72.4)"."""
    if match.kind is Kind.ANSWER and match.entry is not None:
        return f"answers {match.entry.id} ({match.score:.1f})"
    if match.kind is Kind.ANSWER:
        return f"quotes a sentence of the release ({match.score:.1f})"
    if match.kind is Kind.CLARIFY:
        offered = ", ".join(c.intent for c in match.suggestions)
        return f"did you mean: {offered} (best {match.score:.1f})"
    if match.kind is Kind.SMALLTALK and match.smalltalk is not None:
        return f"small talk {match.smalltalk.id} ({match.score:.1f})"
    return f"not in the release (best {match.score:.1f})"


def summary_line(logs: Logs) -> str:
    names = ", ".join(p.name for p in logs.files) or "no log files"
    line = f"Read {logs.lines:,} lines from {names}"
    if logs.skipped:
        line += f"; skipped {logs.skipped:,} torn or invalid"
    return line + "."


def render_finding(finding: Finding) -> list[str]:
    group = finding.group
    asked = [f"{finding.unanswered} unanswered"] if finding.unanswered else []
    most = _most(finding)
    named = most[:SHOWN_DISLIKED]
    asked += [f"{n} disliked ({entry or 'a quoted sentence'})" for entry, n in named]
    if len(most) > SHOWN_DISLIKED:
        asked.append(f"{sum(n for _, n in most[SHOWN_DISLIKED:])} disliked (other entries)")
    lines = [f"{finding.number}. {group.leader!r} - asked {group.count}x: {', '.join(asked)}"]
    others = group.texts[1 : 1 + SHOWN_WORDINGS]
    if others:
        more = len(group.texts) - 1 - len(others)
        also = ", ".join(f"{t!r} ({n})" for t, n in others)
        lines.append(f"   also: {also}" + (f", +{more} more" if more else ""))
    state = " - fixed" if finding.fixed else ""
    lines.append(f"   now: {describe(finding.now)}{state}")
    near = ", ".join(f"{c.intent} {c.score:.1f}" for c in finding.nearest) or "none"
    lines.append(f"   nearest: {near}")
    return lines


def _most(finding: Finding) -> list[tuple[str | None, int]]:
    return sorted(finding.disliked.items(), key=lambda t: (-t[1], t[0] or ""))


def render(review: Review) -> str:
    """The review as text: a summary, the groups looked at, votes per entry."""
    logs, findings = review.logs, review.findings
    fixed = sum(f.fixed for f in findings)
    lines = [
        summary_line(logs),
        f"{len(logs.misses):,} unanswered and "
        f"{sum(v.down for v in review.votes.values()):,} disliked questions "
        f"in {review.groups:,} groups.",
    ]
    if len(findings) < review.groups:
        lines.append(
            f"The {len(findings)} largest groups ({fixed} answered now; --top 0 shows all):"
        )
    elif findings:
        lines.append(f"{fixed} of them answered now.")
    for finding in findings:
        lines += ["", *render_finding(finding)]
    if review.votes:
        lines += ["", "Feedback per entry (👍 / 👎):"]
        width = max(len(e or "(quoted sentence)") for e in review.votes)
        for entry, votes in review.votes.items():
            lines.append(f"  {entry or '(quoted sentence)':<{width}}  {votes.up} / {votes.down}")
    return "\n".join(lines)
