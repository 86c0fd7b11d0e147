"""Arithmetic over stated figures: "How many more flights does Almaty-Seoul have than
Astana-Seoul?". Narrow on purpose: only the difference or sum of two counts of the
same unit, each the one count an entry's answer states, each entry told apart
from the other by a name the question uses."""

from __future__ import annotations

import re
from itertools import combinations

from bot.language import rows, stem
from bot.matching.index import Item, StoreIndex
from bot.matching.kinds.base import Asker, computed
from bot.matching.params import Params
from bot.matching.query import Query
from bot.matching.verdict import Candidate, Computed, Figure, Match

# Word (stemmed) -> the operation it asks for (data/arithmetic_words.txt).
OPERATIONS = {stem(word): row[0] for row in rows("arithmetic_words") for word in row[1:]}

# A count in an answer: a whole number and the unit after it ("13 flights per week").
_COUNT = re.compile(r"(?<![\w.,-])(\d+)\s+([A-Za-z][\w-]*(?:\s+(?:per|a|each)\s+\w+)?)")


def operation(query: Query) -> str | None:
    """ "difference" or "sum" when the question asks exactly one of them."""
    found = {OPERATIONS[t] for t in query.tokens if t in OPERATIONS}
    return found.pop() if len(found) == 1 else None


def stated_count(item: Item, index: StoreIndex) -> tuple[Figure, str] | None:
    """The one count an entry's answer states, and its unit word as a query has it."""
    if item.entry is None:
        return None
    counts = _COUNT.findall(item.entry.answer)
    if len(counts) != 1 or re.search(r"\d", _COUNT.sub("", item.entry.answer)):
        return None
    value, unit = counts[0]
    unit_tokens = index.tokens(unit.split()[0])
    if not unit_tokens:
        return None
    return Figure(item.id, int(value), unit), unit_tokens[0]


def _names(item: Item, index: StoreIndex) -> frozenset[str]:
    answer = item.entry.answer if item.entry else ""
    return frozenset(index.tokens(answer)) & index.names


def arithmetic(
    asker: Asker, query: Query, ranked: tuple[Candidate, ...], match: Match, params: Params
) -> Match | None:
    """Both figures and what they make, or None. A sum the store states itself (an entry
    already answers) is left to that entry."""
    op = operation(query)
    if op is None or (op == "sum" and match.answered):
        return None
    index = asker.index
    counts = []
    for candidate in ranked:
        item = index.by_id[candidate.intent]
        found = stated_count(item, index)
        if found is not None and found[1] in query.tokens:
            counts.append((item, found[0], found[1]))
    for (a, fa, ua), (b, fb, ub) in combinations(counts, 2):
        own_a, own_b = _names(a, index) - _names(b, index), _names(b, index) - _names(a, index)
        if ua != ub or not own_a or not own_b or not (own_a | own_b) <= query.asked_names:
            continue
        order = {fa.intent: _position(query, own_a), fb.intent: _position(query, own_b)}
        first, second = sorted((fa, fb), key=lambda f: order[f.intent])
        value = abs(fa.value - fb.value) if op == "difference" else fa.value + fb.value
        entry = index.by_id[first.intent].entry
        return computed(
            query,
            match,
            params,
            entry,
            figures=(first, second),
            result=Computed(op, value, fa.unit),
        )
    return None


def _position(query: Query, names: frozenset[str]) -> int:
    """Where the question first uses one of `names` (the figures' order in the reply)."""
    return next((i for i, t in enumerate(query.tokens) if t in names), len(query.tokens))
