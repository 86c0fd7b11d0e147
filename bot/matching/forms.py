"""Other forms of a word the store may know it by (Russian): the other aspect of a verb,
and two glossary readings that are forms of one English word."""

from __future__ import annotations

from bot.language.morphology import english_stem
from bot.matching.index import StoreIndex

_MIN_ASPECT_ROOT = 4  # letters a stem keeps without its prefix ("хвал" of "похвал")


def other_aspect(stemmed: str, index: StoreIndex) -> str | None:
    """The store's stem that `stemmed` is with a verb prefix taken off (`Analyser.prefixes`:
    "построил" is the store's "строил") or the everyday perfective one put before it
    (`Analyser.perfective`: "хвал" is "похвал"); None if there is none. Only one prefix,
    never swapped for another ("отказал" is no "сказал"), and no other put on: "говор"
    (say) is no "переговор" (talks), nor "заговор"."""
    made = index.language.perfective
    if made and len(stemmed) >= _MIN_ASPECT_ROOT and made + stemmed in index.vocabulary:
        return made + stemmed
    for prefix in index.language.prefixes:
        root = stemmed[len(prefix) :]
        if (
            stemmed.startswith(prefix)
            and len(root) >= _MIN_ASPECT_ROOT
            and root in index.vocabulary
        ):
            return root
    return None


def same_reading(one: str | None, other: str) -> bool:
    """Whether two glossary readings are forms of one English word ("end", "ended")."""
    if one is None:
        return False
    return [english_stem(w) for w in one.split("_")] == [english_stem(w) for w in other.split("_")]
