"""Splitting prose into sentences, keeping abbreviations, initials and decimals intact."""

from __future__ import annotations

import re

from bot.language.lexicon import words
from bot.language.normalise import squash_whitespace

# Abbreviations after which a full stop does not end a sentence ("Dr.", "e.g.").
_ABBREVIATIONS = words("abbreviations")
# Company endings ("Inc.") whose full stop may also end the sentence.
_COMPANY_ENDINGS = words("company_endings")
# Words that, capitalised after an abbreviation's full stop, start a new sentence.
_SENTENCE_OPENERS = words("sentence_openers")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)")


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviations, initials and decimals intact.

    >>> split_sentences("Dr. A. Smith paid 1.5 mln. He left. Then U.S. officials came.")
    ['Dr. A. Smith paid 1.5 mln.', 'He left.', 'Then U.S. officials came.']
    >>> split_sentences("It opened in the U.S. The next step is Europe.")
    ['It opened in the U.S.', 'The next step is Europe.']
    """
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        for block in _headline_blocks(paragraph):
            sentences.extend(_split_block(squash_whitespace(block)))
    return sentences


def _headline_blocks(paragraph: str) -> list[str]:
    """Split off short unpunctuated lines followed by a capitalised line: headlines."""
    blocks: list[str] = []
    current: list[str] = []
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        current.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        headline = (
            len(line.split()) <= _HEADLINE_WORDS
            and not re.search(r"[.!?:;,\-–—]$", line)
            and following[:1].isupper()
        )
        if headline:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def _split_block(flat: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(flat):
        end = match.end()
        before = flat[start : match.start()]
        last_word = before.rsplit(" ", 1)[-1].lower() if before else ""
        following = flat[end:].lstrip()
        if match.group(0).startswith(".") and _keeps_sentence_open(last_word, following):
            continue
        sentence = flat[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = end
    tail = flat[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _keeps_sentence_open(last_word: str, following: str) -> bool:
    """True when a full stop after `last_word` is not the end of a sentence."""
    word = last_word.lstrip("(\"'“‘")
    next_word = following.split(" ", 1)[0] if following else ""
    if next_word[:1] in ("-", "–", "—"):  # a dateline: "BOULDER, Colo. - A team ..."
        return True
    dotted = re.fullmatch(r"(?:[a-z]\.)+[a-z]\.?", word) is not None  # "u.s", "e.g"
    if (dotted or word.rstrip(".") in _COMPANY_ENDINGS) and next_word in _SENTENCE_OPENERS:
        return False  # "... in the U.S. The next step ..."
    if word.rstrip(".") in _ABBREVIATIONS or word in _ABBREVIATIONS or dotted:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "A. Smith"
        return True
    # A lower-case continuation means the stop was inside the sentence.
    return bool(following) and following[0].islower()


_HEADLINE_WORDS = 12
