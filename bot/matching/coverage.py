"""Coverage: the share of a question's meaning that one entry accounts for, in [0, 1].

Each content word of the question weighs its length (long words carry meaning,
filler is short; capped at `word_weight_cap`). A word the entry does not know
counts against it: fully for a name the entry never mentions, by
`off_entry_word_weight` for a word the store uses elsewhere, by
`common_word_weight` for an everyday word nobody here uses. A rare word the
store never saw ("Germany", "GDP") weighs `rare_word_weight`, however short or
long: it is the point of the question.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.language import COMMON_WORDS, QUESTION_WORDS
from bot.matching.index import Item, is_figure
from bot.matching.params import Params
from bot.matching.query import Query


@dataclass(frozen=True)
class Coverage:
    """How much of a question an entry accounts for."""

    share: float  # in [0, 1]
    # The question names something the entry lacks, or words the store never
    # saw carry `rare_doubt_share` of it or more: "Germany" in a five-word
    # question does, "planning" in a long question about flights does not.
    doubtful: bool


def coverage(query: Query, item: Item, params: Params) -> Coverage:
    """The share of `query` that `item` accounts for, and whether it is doubtful."""
    total = 0.0
    missing = 0.0
    doubt = False
    rare = 0.0
    for word in query.words:
        if word in QUESTION_WORDS:
            continue
        weight = min(len(word), params.word_weight_cap)
        total += weight
        if word in item.vocabulary:
            # A name the entry states only in its answer ("Almaty" in the answer on
            # all flights) is mentioned in passing: the entry whose phrasings name
            # it ranks first.
            if word in query.names and word not in item.asked_about and not is_figure(word):
                missing += weight * params.passing_name_weight
            continue
        if word in query.foreign:
            if word in COMMON_WORDS:
                missing += weight * params.common_word_weight
            else:
                total += params.rare_word_weight - weight
                missing += params.rare_word_weight
                rare += params.rare_word_weight
        elif word in query.names:
            missing += weight
            doubt = True
        else:
            missing += weight * params.off_entry_word_weight
    if rare and rare >= params.rare_doubt_share * total:
        doubt = True
    return Coverage(1.0 - missing / total if total else 1.0, doubt)
