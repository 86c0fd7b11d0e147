"""Spans between stated years and ranks: "How many years before 2024 were the remains
returned?", "How many places apart are the two ranks?", "How many rank ahead of it?".

Narrow on purpose, like `arithmetic`: a year counts when an entry states exactly one
and the question names what the entry is about; a rank when the words after it in
the entry (and after no other rank there) are in the question.
"""

from __future__ import annotations

import re

from bot.language import COMMON_WORDS, QUESTION_WORDS, rows, words
from bot.matching.checks import counted_words, following
from bot.matching.index import CAPITALISED, Item, StoreIndex
from bot.matching.kinds.base import Asker, computed
from bot.matching.params import Params
from bot.matching.query import Query
from bot.matching.verdict import Candidate, Computed, Figure, Match

# A counted word -> "year" or "rank" (data/span_units.txt).
SPAN_UNITS = {word: row[0] for row in rows("span_units") for word in row[1:]}
AHEAD = words("rank_ahead_words")
PUBLICATION = words("publication_words")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_RANK = re.compile(r"(\d+)(?:st|nd|rd|th)\b")
_SINGULAR = {"years": "year", "places": "place", "places ahead": "place ahead"}
# The checks that say an entry is about another name than the question's.
_OTHER_NAME = frozenset({"subject_swap", "other_name_swap", "destination_swap", "unknown_name"})


def spans(
    asker: Asker, query: Query, ranked: tuple[Candidate, ...], match: Match, params: Params
) -> Match | None:
    """The span between two stated years or ranks, or None."""
    counted = counted_words(query.tokens)
    if not counted or counted == ("much",) or match.answered:
        return None
    fitting = [c for c in ranked if not _OTHER_NAME & set(c.checks)]
    if SPAN_UNITS.get(counted[0]) == "year":
        found = _years(query, fitting, asker.index)
    elif SPAN_UNITS.get(counted[0]) == "rank" or AHEAD & set(query.tokens):
        found = _ranks(query, fitting[:1], asker.index)
    else:
        found = None
    if found is None:
        return None
    first, second, value, unit = found
    entry = asker.index.by_id[first.intent].entry
    result = Computed("difference", value, unit if value != 1 else _SINGULAR[unit])
    return computed(query, match, params, entry, figures=(first, second), result=result)


def _years(
    query: Query, ranked: list[Candidate], index: StoreIndex
) -> tuple[Figure, Figure, float, str] | None:
    """Two years, each the one an entry the question names states, or one such and one
    the question gives: their difference in years, the first the question names first."""
    asked = {t: i for i, t in reversed(list(enumerate(query.tokens)))}
    found = [(asked[t], Figure("", int(t), "the year asked")) for t in asked if _YEAR.fullmatch(t)]
    published: set[str] = set()  # entries asked about as the release coming out
    for candidate in ranked:
        item = index.by_id[candidate.intent]
        years = set(_YEAR.findall(item.entry.answer)) if item.entry else set()
        markers = _markers(item, index, query)
        if markers and markers <= PUBLICATION:
            published.add(item.id)
        if len(years) == 1 and markers:
            year = int(years.pop())
            if all(f.value != year for _, f in found):
                at = min(asked[t] for t in markers)
                found.append((at, Figure(item.id, year, "the year it states")))
    figures = [f for _, f in sorted(found, key=lambda pair: pair[0])]
    # The release coming out is when the span is counted to: the other entry is the one
    # asked about ("how many years before this news came out were the remains returned").
    entries = sorted((f for f in figures if f.intent), key=lambda f: f.intent in published)
    if len(figures) != 2 or not entries:
        return None
    first, second = entries[0], next(f for f in figures if f is not entries[0])
    return first, second, abs(first.value - second.value), "years"


def _ranks(
    query: Query, ranked: list[Candidate], index: StoreIndex
) -> tuple[Figure, Figure, float, str] | None:
    """The best entry's ranks the question names: two of them, the places between; one,
    with "ahead", the places ahead of it."""
    # Words the entry does not account for ("in the world economy") ask about other ranks.
    if not ranked or ranked[0].doubtful or (item := index.by_id[ranked[0].intent]).entry is None:
        return None
    said = index.tokens(item.entry.answer)
    places = {i: int(m[1]) for i, t in enumerate(said) if (m := _RANK.fullmatch(t))}
    after = {i: following(said, i) for i in places}
    asked = []
    for i, value in places.items():
        own = after[i] - set().union(*(after[j] for j in places if j != i))
        if own & query.asked:
            asked.append(Figure(item.id, value, " ".join(sorted(own))))
    if len(asked) == 2:
        return asked[0], asked[1], abs(asked[0].value - asked[1].value), "places"
    if len(asked) == 1 and AHEAD & set(query.tokens):
        return asked[0], Figure("", 1, "the first place"), asked[0].value - 1, "places ahead"
    return None


def _markers(item: Item, index: StoreIndex, query: Query) -> set[str]:
    """The question's words that say it is about the entry: a name of its answer (the
    release's subjects aside), a word for the release coming out that the entry is asked
    with ("published"), or else two or more of its rarer words ("the trade statistics");
    none when it names none of these."""
    named = _own_names(item, index) & query.asked_names
    if named:
        return named
    # "before this news came out": the release's publishing, of an entry asked about it.
    published = PUBLICATION & item.vocabulary & query.asked
    if published:
        return set(published)
    said = set(index.tokens(item.entry.answer)) if item.entry else set()
    rare = said & query.asked - QUESTION_WORDS - COMMON_WORDS - index.subjects
    return rare if len(rare) >= 2 else set()


def _own_names(item: Item, index: StoreIndex) -> set[str]:
    """The names an entry's answer gives, the release's subjects aside."""
    answer = item.entry.answer if item.entry else ""
    named = {t for m in CAPITALISED.finditer(answer) for t in index.tokens(m[0])}
    return named - index.subjects
