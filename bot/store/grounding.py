"""The grounding lint: an answer may state only what the release states."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from bot.language import squash_whitespace, words
from bot.store.model import Store

# Ordinary words that may open an answer sentence without naming anything.
_PLAIN_OPENERS = words("plain_openers")

_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A capital that starts a word: the "OS" of "macOS" or "Phone" of "iPhone" is no name.
_CAPITALISED = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\"“(]\s*)$")


def ungrounded_claims(answer: str, source: str, document: str, published: str | None) -> list[str]:
    """Numbers, dates and capitalised names in `answer` that the release never states.

    A claim is grounded when it appears in the entry's source or anywhere in
    the document (the publication date counts as part of the document). The
    document is looked up in an index built once per document, so checking
    every entry of a long release takes time in proportion to its length.
    """
    index = _index(document)
    claims: list[str] = []
    rest = answer
    for date in _DATE.findall(answer):
        if date != published and date not in source and date not in index.dates:
            claims.append(date)
        rest = rest.replace(date, " ")
    for number in _NUMBER.findall(rest):
        if not _number_in(number, source) and number not in index.numbers:
            claims.append(number)
    for match in _CAPITALISED.finditer(rest):
        word = re.sub(r"[’']s$", "", match.group(0)).rstrip("’'-")
        if not word or _word_in(word, source, index.words):
            continue
        at_start = bool(_SENTENCE_START.search(rest[: match.start()]))
        if at_start and _word_in(word.lower(), source.lower(), index.lower_words):
            continue
        if at_start and word.lower() in _PLAIN_OPENERS:
            continue
        claims.append(word)
    return claims


def _number_in(number: str, text: str) -> bool:
    """Whether `text` states `number` on its own ("15", not the "15" of "2,150" or "1.15")."""
    return bool(re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", text))


_WORDISH = re.compile(r"[\w’'-]+")  # a word with its inner apostrophes and hyphens
_WORD_PART = re.compile(r"\w+")
_MANY_PARTS = 16  # a run with more word parts is searched, not indexed (all pairs would be many)


class _Index:
    """What a document states: its dates, numbers and whole words, as sets."""

    def __init__(self, document: str) -> None:
        self.dates = frozenset(re.findall(r"(?=(\d{4}-\d{2}-\d{2}))", document))
        # A number matches where it starts a number of the text not after "." or ","
        # and ends that number: exactly the numbers `_number_in` finds.
        self.numbers = frozenset(
            m.group(0)
            for m in _NUMBER.finditer(document)
            if not m.start() or document[m.start() - 1] not in ".,"
        )
        self.words = _Words(document)
        self.lower_words = _Words(document.lower())


class _Words:
    """Every stretch of a text that `\\bWORD\\b` can match, for WORD starting and ending in \\w.

    Such a stretch lies inside one run of word characters, apostrophes and hyphens
    ("Won-shik"), from the start of one of its word parts to the end of another.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        found: set[str] = set()
        self.long_runs: list[str] = []
        for run in _WORDISH.finditer(text):
            parts = [(p.start(), p.end()) for p in _WORD_PART.finditer(run.group(0))]
            if len(parts) > _MANY_PARTS:
                self.long_runs.append(run.group(0))
                continue
            word = run.group(0)
            for k, (start, _) in enumerate(parts):
                found.update(word[start:end] for _, end in parts[k:])
        self.found = frozenset(found)

    def __contains__(self, word: str) -> bool:
        pattern = rf"\b{re.escape(word)}\b"
        if not re.fullmatch(r"\w(?:[\w’'-]*\w)?", word):
            return bool(re.search(pattern, self.text))  # no word part on either side: search
        if word in self.found:
            return True
        return any(re.search(pattern, run) for run in self.long_runs)


def _word_in(word: str, source: str, words: _Words) -> bool:
    """Whether `\\bword\\b` matches the source or the document."""
    return bool(re.search(rf"\b{re.escape(word)}\b", source)) or word in words


@functools.lru_cache(maxsize=4)
def _indexed(document: str) -> _Index:
    return _Index(document)


class _LastIndex:
    """The index of the document checked last, found by identity.

    `lru_cache` alone would compare an equal but distinct copy of a long document
    character by character on every call; this makes that one comparison per copy.
    """

    def __init__(self) -> None:
        self.document: str | None = None
        self.index: _Index | None = None

    def __call__(self, document: str) -> _Index:
        if self.index is None or document is not self.document:
            self.document, self.index = document, _indexed(document)
        return self.index


_index = _LastIndex()


def uncited_sentences(store: Store, sentences: Sequence[str] | None = None) -> list[str]:
    """The sentences (by default the store's document's) that no entry's source quotes."""
    sources = [squash_whitespace(e.source) for e in store.entries if e.source]
    return [
        sentence
        for sentence in (store.document.sentences if sentences is None else sentences)
        if not any(s in sentence or sentence in s for s in sources)
    ]
