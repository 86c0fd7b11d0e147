"""The release itself: its date line, its body and the body's sentences."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bot.language import split_sentences, squash_whitespace

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    """A release as the bot reads it: its date, its body, and the body's sentences."""

    published: str | None
    body: str
    sentences: tuple[str, ...]

    @functools.cached_property
    def flat(self) -> str:
        """The body with whitespace squashed, for verbatim-quote checks (computed once)."""
        return squash_whitespace(self.body)


def parse_document(raw: str) -> Document:
    """Read a release: a leading ``date YYYY-MM-DD`` line is metadata.

    Anything else on that line (a share-widget leftover such as "Tell a
    friend") is noise: it is dropped from the body, so nothing can cite it.
    """
    lines = raw.splitlines()
    published = None
    if lines:
        match = _DATE_LINE.match(lines[0])
        if match:
            published = match.group(1)
            lines = lines[1:]
    body = "\n".join(lines).strip()
    return Document(published, body, tuple(split_sentences(body)))
