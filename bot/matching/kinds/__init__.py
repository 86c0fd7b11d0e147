"""Question kinds: named stages that run after the verdict and change how it is put.

`refine` hands a plain verdict to each stage in `STAGES` order; the first that
recognises its kind of question returns the new verdict:

1. `twopart.two_part`: two questions in one message, each answered on its own
   (first: one part may ask what an entry that answers the other does not state).
2. `spans.spans`: the years or places between two stated years or ranks ("how many
   years before 2024 ...", "how many places apart ..."): both figures and the span
   (before `unstated`, which would say no entry states such a count).
3. `conversions.conversions`: the best entry's amount in the period or unit asked
   ("how many flights per day" of "15 flights per week", "in megawatts" of "1 GW").
4. `unstated.unstated`: the question asks an attribute the release does not
   state (the `unstated_attribute`, `uncounted`, `no_time` and `no_future` checks
   found it): "the release does not say", the closest entries offered.
5. `arithmetic.arithmetic`: the difference or sum of two counts the entries
   state ("how many more flights ... than ..."): both figures and the result.
6. `yesno.yes_no`: a yes/no check: "Yes: <answer>" when the entry confirms it,
   "No: <answer>" when it gives a stated attribute another value.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.matching.checks import asks_future, asks_time, counted_words, unstated_in
from bot.matching.kinds.arithmetic import arithmetic, operation
from bot.matching.kinds.base import Asker
from bot.matching.kinds.conversions import asked_units, conversions
from bot.matching.kinds.spans import spans
from bot.matching.kinds.twopart import parts, two_part
from bot.matching.kinds.unstated import unstated
from bot.matching.kinds.yesno import OPENERS, asks_yes_no, yes_no
from bot.matching.params import Params
from bot.matching.query import Query, question_part
from bot.matching.verdict import Candidate, Match

Stage = Callable[[Asker, Query, tuple[Candidate, ...], Match, Params], Match | None]

# The stages, in the order they are tried.
STAGES: tuple[Stage, ...] = (two_part, spans, conversions, unstated, arithmetic, yes_no)


def refine(
    asker: Asker, query: Query, ranked: tuple[Candidate, ...], match: Match, params: Params
) -> Match:
    """`match` put as its kind of question asks, or unchanged."""
    for stage in STAGES:
        found = stage(asker, query, ranked, match, params)
        if found is not None:
            return found
    return match


def could_refine(query: Query) -> bool:
    """Whether any stage could put `query` another way, from its words alone (cheap):
    each stage first needs one of these, so a question with none is put plainly."""
    return (
        bool(unstated_in(query, ()))  # `unstated`: an age, a cost, a predecessor
        or counted_words(query.tokens) is not None  # `unstated` "how many", `spans`
        or asks_time(query)  # `unstated`: "what time ...?"
        or asks_future(query)  # `unstated`: "what will ... next?"
        or len(asked_units(query)) == 1  # `conversions`
        or operation(query) is not None  # `arithmetic`
        or len(parts(query.shown)) == 2  # `two_part`
        or asks_yes_no(query)  # `yes_no`
        or _part_asks_yes_no(query.shown)  # `yes_no` of a chatty message's question
    )


def _part_asks_yes_no(message: str) -> bool:
    """Whether the question part of a chatty message ("My grandpa spoke of General Hong.
    Did the meeting mention him?") opens with an auxiliary: it is what gets matched."""
    part = question_part(message)
    opening = part.lower().split()[:2] if part else []
    return bool(opening) and opening[0] in OPENERS and opening[1:] != ["you"]


__all__ = ["STAGES", "Asker", "could_refine", "refine"]
