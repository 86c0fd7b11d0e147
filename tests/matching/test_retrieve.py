"""Tests for bot/matching/retrieve.py: each entry's best phrasing and its similarity."""

from __future__ import annotations

import dataclasses

from bot.matching import Matcher
from bot.matching.query import read
from bot.matching.retrieve import retrieve, shortlist


def test_each_item_once_with_its_best_phrasing(matcher: Matcher) -> None:
    query = read("how many flights between almaty and seoul", matcher.index, matcher.params)
    hits = retrieve(query, matcher.index, matcher.params)
    owners = [h.owner for h in hits]
    assert len(owners) == len(set(owners))
    assert all(0 < h.similarity <= 100 and 0 <= h.subset <= 100 for h in hits)
    best = max(hits, key=lambda h: h.similarity)
    assert matcher.index.items[best.owner].id == "flights-almaty-seoul"
    assert matcher.index.phrasings[best.phrasing].owner == best.owner


def test_only_phrasings_sharing_a_content_word_are_compared(matcher: Matcher) -> None:
    words = ("bakad",)
    numbers = shortlist("bakad", words, matcher.index, matcher.params)
    assert numbers and all("bakad" in matcher.index.phrasings[n].words for n in numbers)


def test_the_shortlist_stops_at_its_cap(matcher: Matcher) -> None:
    small = dataclasses.replace(matcher.params, shortlist_cap=5)
    numbers = shortlist("flight korea", ("flight", "korea"), matcher.index, small)
    rarest = min((matcher.index.postings[w] for w in ("flight", "korea")), key=len)
    assert len(rarest) >= 5  # so the first, rarest posting alone fills the cap
    assert numbers == rarest


def test_a_question_sharing_no_word_gets_the_nearest_phrasings(matcher: Matcher) -> None:
    """Question words are never looked up; a word no phrasing uses finds none."""
    numbers = shortlist(
        "how manyy flightz", ("how", "manyy", "flightz"), matcher.index, matcher.params
    )
    assert 0 < len(numbers) <= matcher.params.shortlist_nearest
