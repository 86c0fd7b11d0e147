"""A topic for each block of a release."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence

from bot.drafting.blocks import trim
from bot.drafting.model import Block, printable
from bot.drafting.phrases import BYLINE, CONTACT, NOT_TOPICS, find_entities
from bot.drafting.questions.collect import noun_phrase
from bot.drafting.verbs import base_form, clean_word
from bot.drafting.vocabulary import (
    ADVERBS,
    DETERMINERS,
    IRREGULAR,
    PEOPLE,
    PREPOSITIONS,
    PRONOUNS,
    VERBS,
)
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


def placed_topics(blocks: Sequence[Block]) -> list[bool]:
    """For each block, whether its topic is fixed by its place (title, lead, heading, contact).

    A block whose topic is only its main word lends each sentence the topic of its own
    subject instead (see `subject_topic`).
    """
    placed: list[bool] = []
    heading = ""
    lead_seen = False
    for block in blocks:
        if block.kind == "heading":
            heading = block.text
        fixed = _fixed_topic(block, heading) is not None
        if not fixed and not lead_seen:
            lead_seen = fixed = True
        placed.append(fixed)
    return placed


def subject_topic(subject: str, lower_words: frozenset[str] = frozenset()) -> str:
    """A topic from a sentence's subject: a name of two words or more ("Scottish Government"),
    or a compound noun ("Bus line", "Car park"); "" for anything vaguer (one word, a person).
    """
    phrase = [w.strip(",;:") for w in noun_phrase(subject).split()]
    while phrase and (phrase[0].lower() in DETERMINERS or re.search(r"\d", phrase[0])):
        phrase = phrase[1:]
    while phrase and re.search(r"\d", phrase[-1]):
        phrase = phrase[:-1]  # "bus line 7": filed under the bus line
    if phrase and phrase[0].lower() in lower_words:
        phrase[0] = phrase[0].lower()  # capitalised only as the first word of its sentence
    vague = PRONOUNS | STOPWORDS | (PEOPLE if phrase and phrase[-1].islower() else frozenset())
    if len(phrase) < 2 or clean_word(phrase[-1]) in vague:
        return ""
    if phrase[-1][:1].isupper():  # a name: all of it
        names = list(itertools.takewhile(lambda w: w[:1].isupper(), reversed(phrase)))
        topic = " ".join(reversed(names[:4])) if len(names) >= 2 else ""
    else:
        topic = " ".join(phrase[-2:]) if phrase[-2][:1].islower() else ""
    verb_like = phrase[-1].lower() in VERBS | IRREGULAR.keys() or phrase[-1].endswith("ed")
    if not topic or verb_like or any(w.lower() in ADVERBS for w in phrase):
        return ""  # a verb read into the subject ("a school run by", "services now spread")
    return topic[0].upper() + topic[1:]
