"""Matching a question to the store: a pipeline of named stages (see `pipeline`).

The public names: `Matcher` (build once per store; `match` a question), its
verdict `Match` of a `Kind`, the `Candidate`s behind it, and `Params`.
"""

from bot.matching.languages import Matchers
from bot.matching.params import Params
from bot.matching.pipeline import Matcher, Scored
from bot.matching.verdict import Candidate, Computed, Figure, Form, Kind, Match

__all__ = [
    "Candidate",
    "Computed",
    "Figure",
    "Form",
    "Kind",
    "Match",
    "Matcher",
    "Matchers",
    "Params",
    "Scored",
]
