"""Questions about an attribute the release does not state: "How old is Woo?"."""

from __future__ import annotations

from dataclasses import replace

from bot.matching.kinds.base import Asker
from bot.matching.params import Params
from bot.matching.query import Query
from bot.matching.verdict import Candidate, Form, Kind, Match

# The checks (`bot.matching.checks`) that find an attribute the entry does not state.
UNSTATED_CHECKS = frozenset({"unstated_attribute", "uncounted", "no_time", "no_future"})


def unstated(
    asker: Asker, query: Query, ranked: tuple[Candidate, ...], match: Match, params: Params
) -> Match | None:
    """Not answered, and the best entry was held back because it does not state what is
    asked: the reply says so and offers the closest entries."""
    if match.answered or not ranked or not UNSTATED_CHECKS & set(ranked[0].checks):
        return None
    return replace(
        match, kind=Kind.CLARIFY if match.suggestions else match.kind, form=Form.UNSTATED
    )
