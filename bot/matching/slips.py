"""Slips of typing English that a word-by-word typo correction misses: a question word
with a letter left out at the start of a question ("wen", "hw"); a doubled letter
typed once or a letter typed twice, where the result is a rare word of its own
("meting" for "meeting"); and an everyday word mistyped (`is_slip`: "afect", "wich",
"dose"), which says as little as the word it stands for."""

from __future__ import annotations

import functools

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.language import COMMON_WORDS, QUESTION_WORDS, STOPWORDS
from bot.language.morphology import is_english_word


def doubling_slip(token: str, word: str) -> bool:
    """Whether `token` is `word` with a doubled letter typed once or a letter typed twice,
    and is no everyday word: "meting" is a rare word of its own, but asked of a
    release that says "meeting", the slip is far likelier ("comittee", "buisness" aside)."""
    if token in COMMON_WORDS or abs(len(token) - len(word)) != 1:
        return False
    short, long = sorted((token, word), key=len)
    return any(
        long[i] == long[i - 1] and long[:i] + long[i + 1 :] == short for i in range(1, len(long))
    )


def question_word(first: str) -> str:
    """The question word a question's first word is typed for when one letter of it was
    left out ("wen", "wat", "wich", "hw"), else `first`. Only a word no everyday list
    has: "hen" or "wen" open no question, "how" and "who" are themselves."""
    if first in _FUNCTION_WORDS or first in COMMON_WORDS or not first.isalpha():
        return first
    return _QUESTION_DELETIONS.get(first, first)


def _deletions(found: frozenset[str]) -> dict[str, str]:
    """Each word of `found` of three or more letters with one letter left out, when it
    is left out of that word alone."""
    seen: dict[str, set[str]] = {}
    for word in found:
        if len(word) >= 3:
            for i in range(len(word)):
                seen.setdefault(word[:i] + word[i + 1 :], set()).add(word)
    return {short: next(iter(full)) for short, full in seen.items() if len(full) == 1}


_FUNCTION_WORDS = STOPWORDS | QUESTION_WORDS
_QUESTION_DELETIONS = _deletions((QUESTION_WORDS | {"what"}) - {"many", "much"})


# Everyday words a typo may be of: function words, and everyday words (`is_slip`).
_EVERYDAY = tuple(sorted(STOPWORDS | QUESTION_WORDS | COMMON_WORDS))
_SLIP_MIN = 4  # shorter words are never slips
_SLIP_EVERYDAY_MIN = 5  # a four-letter word is a slip of a function word only ("wich")
_SLIP_LONG = 8  # from this length, two edits


@functools.lru_cache(maxsize=65536)
def is_slip(word: str) -> bool:
    """Whether `word` is an everyday word mistyped: one no dictionary knows an edit away
    from one (two for 8+ letters; a swap of two letters is one edit): "afect",
    "menshioned", "wich"; or a function word with two letters swapped ("dose"). Such a
    word says little, like the word it stands for.
    A name no list has ("Busan") is no slip: it is no edit from an everyday word."""
    if len(word) < _SLIP_MIN or not word.isalpha():
        return False
    if is_english_word(word):
        return word in _SWAPPED_FUNCTION_WORDS  # "dose" for "does", "form" for "from"
    limit = 1 if len(word) < _SLIP_LONG else 2
    lists = _EVERYDAY_BY_LENGTH if len(word) >= _SLIP_EVERYDAY_MIN else _FUNCTION_BY_LENGTH
    choices = [w for n in range(len(word) - limit, len(word) + limit + 1) for w in lists.get(n, ())]
    found = process.extractOne(
        word, choices, scorer=OSA.distance, processor=None, score_cutoff=limit
    )
    return found is not None


def _by_length(found: tuple[str, ...]) -> dict[int, tuple[str, ...]]:
    """`found` grouped by length: a word an edit or two off has a length near it."""
    grouped: dict[int, list[str]] = {}
    for word in found:
        grouped.setdefault(len(word), []).append(word)
    return {n: tuple(ws) for n, ws in grouped.items()}


def _swapped(found: tuple[str, ...]) -> frozenset[str]:
    """Each word of `found` with two letters next to each other swapped."""
    return frozenset(
        w[:i] + w[i + 1] + w[i] + w[i + 2 :] for w in found for i in range(len(w) - 1)
    ) - frozenset(found)


# A word of its own that is also a function word with two letters swapped ("dose"):
# in a question, the slip is far likelier than the word.
_SWAPPED_FUNCTION_WORDS = _swapped(tuple(sorted(_FUNCTION_WORDS)))
_EVERYDAY_BY_LENGTH = _by_length(_EVERYDAY)
_FUNCTION_BY_LENGTH = _by_length(tuple(sorted(_FUNCTION_WORDS)))
