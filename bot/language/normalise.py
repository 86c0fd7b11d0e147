"""Folding text for comparison. Pure: strings in, strings out."""

from __future__ import annotations

import re
import unicodedata

# Characters that carry no meaning for matching: punctuation, symbols, emoji.
_NON_WORD = re.compile(r"[^\w\s]+", re.UNICODE)
_SPACES = re.compile(r"\s+")
_CONTROL = dict.fromkeys(c for c in range(0x20) if chr(c) not in "\t\n\r")


def normalise(text: str) -> str:
    """Fold text for comparison: NFKC, case, punctuation and whitespace.

    >>> normalise("  Who MET  the Speaker?! ")
    'who met the speaker'
    """
    text = unicodedata.normalize("NFKC", text).translate(_CONTROL).casefold()
    # Apostrophes inside words ("Korea's", "SK Ecoplant’s") drop the possessive.
    text = re.sub(r"['’`]s\b", "", text)
    text = _NON_WORD.sub(" ", text.replace("_", " "))
    return _SPACES.sub(" ", text).strip()


def squash_whitespace(text: str) -> str:
    """Collapse every run of whitespace to one space (for verbatim-quote checks)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()
