"""Conversions of a stated amount into the period or unit a question asks: "How many
flights per day?" of "15 flights per week", "the capacity in megawatts" of "a 1 GW
plant". Narrow on purpose: the best entry states one such amount, and the question
asks for exactly one other period or unit of the same measure (data/conversions.txt).
"""

from __future__ import annotations

import re

from bot.language import rows, stem
from bot.matching.checks import counted_words
from bot.matching.kinds.base import Asker, computed
from bot.matching.params import Params
from bot.matching.query import Query
from bot.matching.verdict import Candidate, Computed, Figure, Match

# A unit's every name (stemmed) -> (what it measures, its size, its own name).
UNITS: dict[str, tuple[str, float, str]] = {
    stem(name): (measure, float(size), unit)
    for unit, measure, size, *names in rows("conversions")
    for name in (unit, *names)
}
_PERIODS = "|".join(u for u, (m, _, own) in UNITS.items() if m == "period" and u == own)
# "15 flights per week": a count, what it counts, and its period.
_RATE = re.compile(rf"(\d+(?:\.\d+)?)\s+([A-Za-z]\w*)\s+(?:per|a|each|every)\s+({_PERIODS})\b")
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*-?\s*([A-Za-z]\w*)")
# Checks after which the best entry is about something else, or does not state it.
_OTHER = frozenset(
    {"subject_swap", "other_name_swap", "destination_swap", "unknown_name", "figure_swap"}
    | {"unstated_attribute", "no_time", "no_future", "no_date"}
)
_ASKING = frozenset({"in", "per", "a", "an", "each", "every"})  # "in megawatts", "per day"


def conversions(
    asker: Asker, query: Query, ranked: tuple[Candidate, ...], match: Match, params: Params
) -> Match | None:
    """The best entry's amount in the asked period or unit, or None."""
    if not ranked or _OTHER & set(ranked[0].checks) or ranked[0].score < params.clarify_threshold:
        return None
    entry = asker.index.by_id[ranked[0].intent].entry
    asked = asked_units(query)
    if entry is None or len(asked) != 1:
        return None
    (measure, size, unit), word = asked.popitem()
    size = _length_given(query, unit) or size
    stated = _stated(entry.answer, measure, query)
    if stated is None or UNITS[stem(stated[2].lower())][2] == unit:
        return None
    value, what, own = stated
    # A rate per a longer period is more; an amount in a larger unit is fewer of them.
    ratio = size / UNITS[stem(own.lower())][1]
    converted = value * ratio if measure == "period" else value / ratio
    figure = Figure(entry.id, _plain(value), f"{what} per {own}" if what else own)
    result = Computed("conversion", _plain(converted), f"{what} per {unit}" if what else word)
    return computed(query, match, params, entry, figures=(figure,), result=result)


# "a 52-week year": the length of a period the question gives, in another period.
_LENGTH = re.compile(r"\b(\d+)[\s-]+([a-z]+) ([a-z]+)\b")


def _length_given(query: Query, unit: str) -> float | None:
    """The size of the period `unit` as the question gives it ("a 52-week year": 52
    weeks), or None: the answer is worked out with the question's own year."""
    for count, part, whole in _LENGTH.findall(query.shown.lower()):
        inner, outer = UNITS.get(stem(part)), UNITS.get(stem(whole))
        if inner and outer and inner[0] == outer[0] == "period" and outer[2] == unit:
            return int(count) * inner[1]
    return None


def asked_units(query: Query) -> dict[tuple[str, float, str], str]:
    """The periods and units the question asks an amount in: after "in", "per", "a" or
    in a "how many" question; each with the word the question uses."""
    words = query.text.split()
    asks_amount = counted_words(query.tokens) is not None
    found = {}
    for i, word in enumerate(words):
        unit = UNITS.get(stem(word))
        if unit and (asks_amount or (i and words[i - 1] in _ASKING)):
            found[unit] = word
    return found


def _stated(answer: str, measure: str, query: Query) -> tuple[float, str, str] | None:
    """The one amount of `measure` the answer states: its value, what it counts (for a
    period) and its unit as the answer writes it."""
    if measure == "period":
        found = [(float(v), what, period) for v, what, period in _RATE.findall(answer)]
        found = [f for f in found if stem(f[1].lower()) in query.tokens] or found
    else:
        found = [
            (float(v), "", u)
            for v, u in _AMOUNT.findall(answer)
            if UNITS.get(stem(u.lower()), ("",))[0] == measure
        ]
    return found[0] if len(found) == 1 else None


def _plain(value: float) -> float:
    """A whole number as such ("1000", not "1000.0"); any other to one decimal."""
    return int(value) if abs(value - round(value)) < 1e-9 else round(value, 1)
