"""Retrieval: each item's best phrasing for a question, with its similarity in [0, 100].

Only phrasings that share a content word with the question are compared (the
postings of `StoreIndex`), so a big store costs little more than a small one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rapidfuzz import fuzz, process

from bot.language import QUESTION_WORDS
from bot.matching.index import StoreIndex
from bot.matching.params import Params
from bot.matching.query import Query


class Hit(NamedTuple):
    """An item's best phrasing for one question."""

    owner: int  # position of the item in `StoreIndex.items`
    phrasing: int  # position of the phrasing in `StoreIndex.phrasings`
    similarity: float  # whole-string and word-order-free ratios, with a share of `subset`
    subset: float  # rapidfuzz's token-set ratio: 100 when one side's words hold the other's


def retrieve(query: Query, index: StoreIndex, params: Params) -> list[Hit]:
    """Each item's best phrasing, in the order the shortlist first reached the item."""
    text = " ".join(query.words)
    best: dict[int, tuple[float, int, float]] = {}
    for number, similarity, subset in similarities(
        text, shortlist(text, query.words, index, params), index, params
    ):
        owner = index.phrasings[number].owner
        if similarity > best.get(owner, (0.0, 0, 0.0))[0]:
            best[owner] = (similarity, number, subset)
    return [Hit(owner, number, sim, subset) for owner, (sim, number, subset) in best.items()]


def shortlist(text: str, words: Sequence[str], index: StoreIndex, params: Params) -> list[int]:
    """The phrasings worth scoring: those sharing a content word with the question.

    Rarest words first, up to `shortlist_cap` phrasings. A question sharing no
    word with the store (a paraphrase, an unknown topic) gets rapidfuzz's
    `shortlist_nearest` nearest phrasings instead.
    """
    postings = sorted(
        (index.postings[w] for w in set(words) - QUESTION_WORDS if w in index.postings), key=len
    )
    chosen: dict[int, None] = {}
    for posting in postings:
        chosen.update(dict.fromkeys(posting))
        if len(chosen) >= params.shortlist_cap:
            break
    if chosen:
        return list(chosen)
    nearest = process.extract(
        text,
        index.phrasing_texts,
        scorer=fuzz.token_set_ratio,
        processor=None,
        limit=params.shortlist_nearest,
        score_cutoff=params.suggestion_floor,
    )
    return [number for _, _, number in nearest]


def similarities(
    text: str, numbers: Sequence[int], index: StoreIndex, params: Params
) -> list[tuple[int, float, float]]:
    """Similarity of `text` to each phrasing in `numbers`, in [0, 100], with the
    token-set ratio it includes."""
    if not numbers:
        return []
    choices = [index.phrasing_texts[i] for i in numbers]
    whole = [0.0] * len(choices)
    subset = [0.0] * len(choices)
    for scorer in (fuzz.ratio, fuzz.token_sort_ratio):
        for _, score, position in process.extract(
            text, choices, scorer=scorer, processor=None, limit=None
        ):
            whole[position] = max(whole[position], score)
    for _, score, position in process.extract(
        text, choices, scorer=fuzz.token_set_ratio, processor=None, limit=None
    ):
        subset[position] = score
    # The token-set ratio is 100 whenever one side's words are a subset of the
    # other's; it gets a minority say, so it rescues paraphrases with extra words
    # without making every one-word overlap a perfect match.
    share = params.set_ratio_share
    return [
        (number, (1 - share) * w + share * max(w, s), s)
        for number, w, s in zip(numbers, whole, subset, strict=True)
    ]
