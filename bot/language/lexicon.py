"""Word lists, loaded once from `bot/language/data/`.

Each list is a text file: a one-line ``#`` header saying what it holds, then
one entry per line (a line may hold several words, e.g. a month and its
abbreviations). A missing file is a broken install, so it raises
`LexiconError` instead of quietly becoming an empty list.
"""

from __future__ import annotations

import functools
from pathlib import Path

from bot.language.morphology import inflections, stem

DATA = Path(__file__).with_name("data")


class LexiconError(RuntimeError):
    """A word list that the package needs cannot be read."""


@functools.cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of list `name` in file order, each split into its words."""
    path = DATA / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        reason = exc.strerror or "unreadable"
        raise LexiconError(f"word list {path} cannot be read: {reason}") from exc
    return tuple(
        tuple(line.split())
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@functools.cache
def words(name: str) -> frozenset[str]:
    """Every word of list `name`, as a set."""
    return frozenset(word for row in rows(name) for word in row)


STOPWORDS = words("stopwords")
QUESTION_WORDS = words("question_words")
NUMBER_WORDS = words("number_words")
UNITS: dict[str, str] = {unit: row[0] for row in rows("units") for unit in row[1:]}
"""A unit -> what it measures: "km" -> "length", "euros" -> "money", "gw" -> "power"."""
MONTHS: tuple[tuple[str, ...], ...] = rows("months")
"""The twelve months in calendar order: each the full name, then its abbreviations."""


def _common_words() -> frozenset[str]:
    """Everyday English words (data/common_words.txt) in every regular form, stemmed.

    Such a word neither identifies a fact nor marks a question as off-topic,
    so matching gives it little weight either way.
    """
    return frozenset(stem(form) for word in words("common_words") for form in inflections(word))


COMMON_WORDS = _common_words()
