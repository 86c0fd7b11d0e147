"""Two slips of typing English that a word-by-word typo correction misses: a question
word with a letter left out at the start of a question ("wen", "hw"), and a doubled
letter typed once or a letter typed twice, where the result is a rare word of its own
("meting" for "meeting")."""

from __future__ import annotations

from bot.language import COMMON_WORDS, QUESTION_WORDS, STOPWORDS


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
