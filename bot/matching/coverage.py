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

from typing import NamedTuple

from bot.language import COMMON_WORDS, QUESTION_WORDS
from bot.matching.index import Item, is_figure
from bot.matching.params import Params
from bot.matching.query import Query
from bot.matching.retrieve import Hit


class Coverage(NamedTuple):
    """How much of a question an entry accounts for."""

    share: float  # in [0, 1]
    # The question names something the entry lacks, or words the store never
    # saw carry `rare_doubt_share` of it or more: "Germany" in a five-word
    # question does, "planning" in a long question about flights does not.
    doubtful: bool


# Words beyond its names a question must ask for an entry that knows none of them to
# be doubtful.
_TOPIC_WORDS = 2


def coverage(query: Query, item: Item, params: Params) -> Coverage:
    """The share of `query` that `item` accounts for, and whether it is doubtful."""
    total = 0.0
    missing = 0.0
    doubt = False
    rare = 0.0
    # The question's own words beyond its names: what it asks of them.
    topic_words = known_topic_words = 0
    for word in query.words:
        if word in QUESTION_WORDS:
            continue
        weight = min(len(word), params.word_weight_cap)
        total += weight
        if word not in query.names and word not in COMMON_WORDS:
            topic_words += 1
            known_topic_words += word in item.vocabulary
        if word in item.vocabulary:
            # A name the entry states only in its answer ("Almaty" in the answer on
            # all flights) is mentioned in passing: the entry whose phrasings name
            # it ranks first.
            if word in query.names and word not in item.asked_about and not is_figure(word):
                missing += weight * params.passing_name_weight
            continue
        if word in query.foreign:
            if word in COMMON_WORDS or word in query.slips:
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
    # Only the names in common: "the opening hours of the lounge at <airport>" of an
    # entry that says nothing of lounges or opening, only the airport's name. One such
    # word may be a paraphrase ("does it work in Irish" of the languages it knows).
    if topic_words >= _TOPIC_WORDS and not known_topic_words:
        doubt = True
    return Coverage(1.0 - missing / total if total else 1.0, doubt)


def explained_similarity(hit: Hit, covered: Coverage, params: Params) -> float:
    """The similarity of an entry's best phrasing, with more say for the token-set
    ratio when the entry accounts for nearly all of the question (`explained`) and
    nothing in it is doubtful.

    Such an entry may match the question only in part, and the extra words are its
    own: "my grandpa lives in kyzylorda ... where else did he go in kazakhstan?"
    holds "where did Woo go in Kazakhstan" whole.
    """
    similarity = hit.similarity
    if not covered.doubtful and covered.share >= params.explained:
        share = params.explained_set_share
        similarity = max(similarity, similarity + share * (hit.subset - similarity))
    return similarity
