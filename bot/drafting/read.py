"""Reading a release file (plain text, Markdown or saved HTML) into `Release` blocks."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from bot.drafting.blocks import LIST_MARKER, published_in, release_title
from bot.drafting.markdown import from_markdown
from bot.drafting.model import Block, BuildError, Release, printable
from bot.drafting.webpage import from_html
from bot.errors import describe
from bot.language import (
    STOPWORDS,
    squash_whitespace,
)
from bot.store import (
    parse_document,
)

_FORMATS = {
    ".txt": "text",
    ".text": "text",
    "": "",  # no extension: sniffed
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def read_release(path: Path) -> Release:
    """Read a release file; raise `BuildError` (one line) when it cannot be drafted."""
    suffix = path.suffix.lower()
    if suffix not in _FORMATS:
        raise BuildError(f"{path}: unsupported file type {suffix!r} (use .txt, .md or .html)")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BuildError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise BuildError(f"{path}: is a directory, not a release") from None
    except OSError as exc:
        raise BuildError(f"{path}: cannot read ({describe(exc)})") from None
    text = _decode(path, data, suffix)
    if not text.strip():
        raise BuildError(f"{path}: the release is empty")
    fmt = _FORMATS[suffix] or _sniff(text)
    if fmt == "html":
        release = from_html(path, text)
    elif fmt == "markdown":
        release = from_markdown(path, text)
    else:
        release = _from_plain(path, text, bom=data.startswith(b"\xef\xbb\xbf"))
    if not any(b.kind != "heading" for b in release.blocks):
        raise BuildError(f"{path}: no release text found")
    return release


def _decode(path: Path, data: bytes, suffix: str) -> str:
    binary = f"{path}: not a text file (binary, or not UTF-8)"
    if b"\x00" in data:
        raise BuildError(binary)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""
        charset = re.search(rb"charset\s*=\s*[\"']?([\w-]+)", data[:4096], re.IGNORECASE)
        if suffix in (".html", ".htm", ".xhtml") and charset:
            try:
                text = data.decode(charset.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                text = ""
        if not text:
            raise BuildError(binary) from None
    # A few stray control characters (a form feed per page of a PDF copy) are text;
    # many are a binary file that happens to decode.
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    if controls > max(8, len(text) // 100):
        raise BuildError(binary)
    return text


def _sniff(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    return "text"


def _from_plain(path: Path, raw: str, *, bom: bool) -> Release:
    text = raw.lstrip("\ufeff")
    document = parse_document(text)
    blocks = _plain_blocks(document.body)
    published = document.published or published_in(blocks)
    return Release(
        path, "text", text, bom, tuple(blocks), printable(release_title(blocks)), published
    )


def _plain_blocks(body: str) -> list[Block]:
    """Paragraphs, list items and heading lines of plain text, in order."""
    blocks: list[Block] = []
    for number, paragraph in enumerate(re.split(r"\n\s*\n", body)):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        pending: list[str] = []
        at_top = True  # heading lines only open a paragraph
        for index, line in enumerate(lines):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            marker = LIST_MARKER.match(line)
            if marker and (len(lines) > 1 or index == 0) and not LIST_MARKER.match(line[1:]):
                if pending:
                    blocks.append(Block("para", squash_whitespace(" ".join(pending))))
                    pending = []
                blocks.append(Block("item", squash_whitespace(line[marker.end() :])))
                at_top = False
                continue
            # Past the title lines, a paragraph opens with one heading at most: the line
            # after "About X" that ends before "Ontario." is a wrapped sentence.
            heading_done = number > 0 and index > 0
            if at_top and not heading_done and _heading_like(line, following):
                first = not blocks
                kind = "title" if first else "subtitle" if number == 0 else "heading"
                blocks.append(Block(kind, squash_whitespace(line)))
                continue
            at_top = False
            pending.append(line)
        if pending:
            blocks.append(Block("para", squash_whitespace(" ".join(pending))))
    return blocks


def _heading_like(line: str, following: str) -> bool:
    """A short line without closing punctuation that opens a paragraph: a heading."""
    words = line.split()
    if not words or len(words) > 14 or len(line) > 120:
        return False
    if line[-1] in ".,;:-–—" or line.count(",") > 1 or ":" in line:
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    if words[-1].lower() in STOPWORDS:
        return False  # a wrapped sentence, cut after "the" or "of"
    return not following or following[0].isupper() or following[0].isdigit()
