"""What a check looks at (`Pair`: a question and one entry's best phrasing) and what it
finds (`Finding`), shared by the checks of `checks` and `limits`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from bot.matching.index import Item, Phrasing, StoreIndex
from bot.matching.params import Params
from bot.matching.query import Query


@dataclass(frozen=True)
class Finding:
    """What one check found about one entry for one question."""

    check: str  # the check's name
    factor: float = 1.0  # the score is multiplied by this
    doubtful: bool = False  # the entry needs `doubt_margin` more points to be answered
    swapped: bool = False  # the entry is never answered, only offered
    drop: bool = False  # the entry is no candidate at all


class Pair(NamedTuple):
    """A question and one entry's best phrasing for it: what a check looks at."""

    query: Query
    item: Item
    phrasing: Phrasing
    tables: StoreIndex  # the store's tables


Check = Callable[[Pair, Params], Finding | None]
