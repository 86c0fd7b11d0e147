"""The lowest of the prices a release says things start at: "the cheapest fare".

"Introductory fares start at $89 ...", "Standard fares will start at $139",
"The Plus fare ... will start at $209": each sentence is asked what its own fare
costs; only the lowest starting price answers "What is the cheapest fare?", so
that question is added to that sentence alone, once the whole release is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.drafting.questions.attributes import singular
from bot.drafting.questions.collect import noun_phrase
from bot.drafting.verbs import clean_word

_STARTS_AT = re.compile(
    r"^(?P<subject>[^,;]+?)(?:,[^,]+,)?\s+(?:will\s+)?(?:start|starts|begin|begins)\s+"
    r"(?:at|from)\s+(?P<cur>[$€£¥₸])\s?(?P<amount>\d[\d,]*(?:\.\d+)?)"
)


def starting_price(sentence: str) -> tuple[str, float] | None:
    """ "Standard economy fares will start at $139": ("fare", 139.0), or None."""
    found = _STARTS_AT.search(sentence)
    if not found:
        return None
    words = noun_phrase(found.group("subject")).split()
    head = clean_word(words[-1]) if words else ""
    if not head.isalpha():
        return None
    return singular(head), float(found.group("amount").replace(",", ""))


def cheapest_questions(sentences: Sequence[str]) -> dict[int, list[str]]:
    """For each kind of thing priced from a starting amount, the index of the sentence
    with the lowest amount, and the questions it answers."""
    by_head: dict[str, list[tuple[float, int]]] = {}
    for index, sentence in enumerate(sentences):
        price = starting_price(sentence)
        if price is not None:
            by_head.setdefault(price[0], []).append((price[1], index))
    chosen: dict[int, list[str]] = {}
    for head, prices in by_head.items():
        lowest = min(prices)
        if sum(1 for amount, _ in prices if amount == lowest[0]) > 1:
            continue  # a tie: no one cheapest
        chosen.setdefault(lowest[1], []).extend(
            [f"What is the cheapest {head}?", f"What is the lowest {head}?", f"cheapest {head}"]
        )
    return chosen
