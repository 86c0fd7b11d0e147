"""What /stats shows about the loop since the bot started: misses, and 👍/👎 per entry.

Pure and bounded: at most `capacity` distinct unanswered texts are kept (later
new ones are only counted), so a long-running bot's memory stays flat.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bot.feedback import Verdict
from bot.matching import Kind
from bot.review.groups import group_counts
from bot.runtime import Stats

TOP_GROUPS = 5  # unanswered groups listed by /stats
_VERDICTS = (Kind.ANSWER, Kind.CLARIFY, Kind.FALLBACK)
_NAMES = {Kind.ANSWER: "answered", Kind.CLARIFY: "did you mean", Kind.FALLBACK: "not found"}


@dataclass
class LiveReview:
    """Unanswered questions and votes since start."""

    capacity: int = 10_000
    misses: Counter[str] = field(default_factory=Counter)
    untracked: int = 0  # misses not kept once `capacity` distinct texts were reached
    votes: Counter[tuple[str | None, Verdict]] = field(default_factory=Counter)

    def copy(self) -> LiveReview:
        """A snapshot that later misses and votes do not change (for another thread)."""
        return LiveReview(self.capacity, Counter(self.misses), self.untracked, Counter(self.votes))

    def miss(self, text: str) -> None:
        if text in self.misses or len(self.misses) < self.capacity:
            self.misses[text] += 1
        else:
            self.untracked += 1

    def vote(self, entry: str | None, verdict: Verdict) -> None:
        self.votes[entry, verdict] += 1

    def lines(self) -> list[str]:
        """The top unanswered groups and the votes per entry, as text lines."""
        lines = []
        groups = group_counts(self.misses)[:TOP_GROUPS]
        if groups:
            lines.append(f"Top {len(groups)} unanswered since start:")
            lines += [f"{i}. {g.leader} ({g.count}x)" for i, g in enumerate(groups, 1)]
        entries = sorted({e for e, _ in self.votes}, key=lambda e: e or "")
        if entries:
            lines.append("Feedback since start (👍 / 👎):")
            for entry in entries:
                up, down = self.votes[entry, Verdict.UP], self.votes[entry, Verdict.DOWN]
                lines.append(f"{entry or 'quoted sentence'}: {up} / {down}")
        return lines


def stats_text(stats: Stats, live: LiveReview) -> str:
    """The /stats reply: the counts line, verdict rates, top misses, votes per entry."""
    total = sum(stats.counts.get(str(kind), 0) for kind in _VERDICTS)
    rates = ", ".join(
        f"{_NAMES[kind]} {n} ({n / total:.0%})"
        for kind in _VERDICTS
        for n in [stats.counts.get(str(kind), 0)]
        if total
    )
    lines = [stats.summary()]
    if total:
        lines.append(f"Questions: {total}: {rates}")
    return "\n".join(lines + live.lines())
