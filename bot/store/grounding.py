"""The grounding lint: an answer may state only what the release states."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.language import squash_whitespace, words
from bot.store.model import Store

# Ordinary words that may open an answer sentence without naming anything.
_PLAIN_OPENERS = words("plain_openers")

_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\"“(]\s*)$")


def ungrounded_claims(answer: str, source: str, document: str, published: str | None) -> list[str]:
    """Numbers, dates and capitalised names in `answer` that the release never states.

    A claim is grounded when it appears in the entry's source or anywhere in
    the document (the publication date counts as part of the document).
    """
    known = f"{source}\n{document}"
    claims: list[str] = []
    rest = answer
    for date in _DATE.findall(answer):
        if date != published and date not in known:
            claims.append(date)
        rest = rest.replace(date, " ")
    for number in _NUMBER.findall(rest):
        if not re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", known):
            claims.append(number)
    lowered = known.lower()
    for match in _CAPITALISED.finditer(rest):
        word = re.sub(r"[’']s$", "", match.group(0)).rstrip("’'-")
        if not word or re.search(rf"\b{re.escape(word)}\b", known):
            continue
        at_start = bool(_SENTENCE_START.search(rest[: match.start()]))
        if at_start and re.search(rf"\b{re.escape(word.lower())}\b", lowered):
            continue
        if at_start and word.lower() in _PLAIN_OPENERS:
            continue
        claims.append(word)
    return claims


def uncited_sentences(store: Store, sentences: Sequence[str] | None = None) -> list[str]:
    """The sentences (by default the store's document's) that no entry's source quotes."""
    sources = [squash_whitespace(e.source) for e in store.entries if e.source]
    return [
        sentence
        for sentence in (store.document.sentences if sentences is None else sentences)
        if not any(s in sentence or sentence in s for s in sources)
    ]
