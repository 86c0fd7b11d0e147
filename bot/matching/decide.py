"""Decision: ranked candidates in, a verdict out, under the thresholds of `Params`.

`answer` when the best candidate clears `answer_threshold` (plus `doubt_margin`
if it is doubtful), leads the runner-up by `margin`, and is not swapped;
`clarify` with up to `max_clarify` entries above `clarify_threshold`; otherwise
`fallback`, still offering entries above `suggestion_floor`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.matching.index import Item
from bot.matching.params import Params
from bot.matching.verdict import Candidate, Kind, Match


def decide(
    shown: str, ranked: Sequence[Candidate], items: Mapping[str, Item], params: Params
) -> Match:
    """The verdict on the question `shown`, from its candidates best first."""
    if not ranked:
        return Match(shown, Kind.FALLBACK, 0.0)
    top = ranked[0]
    item = items[top.intent]
    runner_up = next((c for c in ranked[1:] if c.intent != top.intent), None)
    lead = top.score - runner_up.score if runner_up else top.score
    bar = params.answer_threshold + (params.doubt_margin if top.doubtful else 0.0)
    if top.score >= bar and lead >= params.margin and not top.swapped:
        if item.smalltalk is not None:
            return Match(shown, Kind.SMALLTALK, top.score, smalltalk=item.smalltalk)
        return Match(shown, Kind.ANSWER, top.score, entry=item.entry)
    entries = [c for c in ranked if items[c.intent].entry is not None]
    close = tuple(c for c in entries if c.score >= params.clarify_threshold)
    if close:
        return Match(shown, Kind.CLARIFY, top.score, suggestions=close[: params.max_clarify])
    weak = tuple(c for c in entries if c.score >= params.suggestion_floor)
    return Match(shown, Kind.FALLBACK, top.score, suggestions=weak[: params.max_clarify])
