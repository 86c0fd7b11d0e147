"""A topic for each block of a release."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from bot.drafting.blocks import trim
from bot.drafting.model import Block, printable
from bot.drafting.phrases import BYLINE, CONTACT, NOT_TOPICS, find_entities
from bot.drafting.verbs import base_form
from bot.drafting.vocabulary import PREPOSITIONS, VERBS
from bot.language import (
    COMMON_WORDS,
    STOPWORDS,
    split_sentences,
    squash_whitespace,
)


def block_topics(blocks: Sequence[Block], lower_words: frozenset[str]) -> list[str]:
    """A topic per block: its heading, else "Overview" for the lead, else its main name or word."""
    candidates: dict[int, dict[str, float]] = {}
    spread: Counter[str] = Counter()  # in how many blocks each candidate occurs
    for index, block in enumerate(blocks):
        if block.kind in ("para", "item"):
            counts = _candidates(block, lower_words)
            candidates[index] = {k: v for k, v in counts.items() if not NOT_TOPICS.match(k)}
            spread.update(set(counts))
    total = max(1, len(candidates))
    topics: list[str] = []
    heading = ""
    lead_seen = False
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            heading = trim(block.text, 40)
        topic = _fixed_topic(block, heading)
        if topic is None and not lead_seen:
            lead_seen, topic = True, "Overview"
        if topic is None:
            topic = _main_word(block, candidates.get(index, {}), total, spread)
        topics.append(topic)
    return [squash_whitespace(printable(t)) or "Details" for t in topics]


def _candidates(block: Block, lower_words: frozenset[str]) -> dict[str, float]:
    """The names (1.5 each time) and rarer lower-case words (1 each) of a block."""
    counts: dict[str, float] = {}
    for sentence in split_sentences(block.text):
        for entity in find_entities(sentence, lower_words):
            if len(entity.split()) <= 4 and not re.search(r"\d", entity):
                counts[entity] = counts.get(entity, 0.0) + 1.5
    for word in re.findall(r"\b[a-z][a-z-]{3,}\b", block.text):
        if word in STOPWORDS or word in COMMON_WORDS or word.endswith(("ed", "ing", "ly")):
            continue
        if word in PREPOSITIONS or base_form(word) in VERBS:
            continue
        counts[word] = counts.get(word, 0.0) + 1.0
    return counts


def _fixed_topic(block: Block, heading: str) -> str | None:
    """The topic a block has by its place: the heading it is under, Overview, Contact."""
    if block.kind == "heading":
        return heading
    if block.kind in ("title", "subtitle") or BYLINE.match(block.text):
        return "Overview"
    if heading:
        return heading
    if CONTACT.match(block.text):
        return "Contact"
    return None


def _main_word(block: Block, counts: dict[str, float], total: int, spread: Counter[str]) -> str:
    """The candidate most frequent here and rarest elsewhere (tf-idf), first seen on a tie."""
    best = max(
        counts,
        key=lambda k: (counts[k] * math.log((total + 1) / spread[k]), -block.text.find(k)),
        default="",
    )
    return best[0].upper() + best[1:] if best else "Details"
