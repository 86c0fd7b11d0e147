"""What the three readers share: list markers, the title, the date, the extracted text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from bot.drafting.dates import first_date, strip_dateline
from bot.drafting.model import Block, Release, printable
from bot.language import split_sentences

LIST_MARKER = re.compile(r"^\s*(?:[-*+•–—]|\d{1,2}[.)])\s+(?=\S)")


def extracted_release(
    path: Path, fmt: str, blocks: list[Block], title: str, published: str | None
) -> Release:
    """The plain text written next to the store, for a release extracted from markup."""
    body = "\n\n".join(b.text for b in blocks)
    text = (f"date {published}\n\n" if published else "") + body + "\n"
    return Release(path, fmt, text, True, tuple(blocks), printable(title), published)


def published_in(blocks: Sequence[Block]) -> str | None:
    """The date of the dateline: the first date in the first few blocks after the title."""
    lead = [b.text for b in blocks if b.kind not in ("title", "heading")][:3]
    return first_date(" ".join(lead)[:600])


def release_title(blocks: Sequence[Block]) -> str:
    """The release's title, or its first sentence trimmed; text with no letters never is."""
    for block in blocks:
        if block.kind == "title" and re.search(r"\w", block.text):
            return block.text
    for block in blocks:
        if block.kind != "heading":
            sentences = split_sentences(block.text)
            title = trim(sentences[0] if sentences else block.text)
            if re.search(r"\w", title):
                return title
    return "Press release"


def trim(text: str, limit: int = 90) -> str:
    text = strip_dateline(text).rstrip(" .")
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"
