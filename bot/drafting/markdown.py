"""Markdown releases: blocks of plain text without the markup."""

from __future__ import annotations

import html
import re
from pathlib import Path

from bot.drafting.blocks import LIST_MARKER, extracted_release, published_in, release_title
from bot.drafting.dates import first_date
from bot.drafting.model import Block, Release
from bot.language import (
    squash_whitespace,
)

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


_MD_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")


_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")


_MD_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


_MD_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")


_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def from_markdown(path: Path, raw: str) -> Release:
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, str] = {}
    front = re.match(r"^---\n(.*?)\n(?:---|\.\.\.)\n", text, re.DOTALL)
    if front:
        for line in front.group(1).splitlines():
            key, _, value = line.partition(":")
            meta[key.strip().lower()] = value.strip().strip("\"'")
        text = text[front.end() :]
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    blocks: list[Block] = []
    pending: list[str] = []
    kind = "para"
    fence: str | None = None

    def flush() -> None:
        nonlocal pending, kind
        cleaned = _md_inline(" ".join(pending))
        if cleaned:
            blocks.append(Block(kind, cleaned))
        pending, kind = [], "para"

    def heading(level: int, value: str) -> None:
        cleaned = _md_inline(value)
        if cleaned:
            first_title = level == 1 and not any(b.kind == "title" for b in blocks)
            blocks.append(Block("title" if first_title else "heading", cleaned))

    for line in text.split("\n"):
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        opening = _MD_FENCE.match(line)
        if opening:
            flush()
            fence = opening.group(1)[:3]
            continue
        if not line.strip():
            flush()
            continue
        match = _MD_HEADING.match(line)
        if match:
            flush()
            heading(len(match.group(1)), match.group(2))
            continue
        setext = _MD_SETEXT.match(line)
        if setext and len(pending) == 1 and kind == "para":
            value, pending = pending[0], []
            heading(1 if setext.group(1)[0] == "=" else 2, value)
            continue
        if _MD_RULE.match(line) or _MD_REFERENCE.match(line) or _MD_TABLE_RULE.match(line):
            flush()
            continue
        marker = LIST_MARKER.match(line)
        if marker:
            flush()
            kind = "item"
            pending.append(line[marker.end() :])
            continue
        plain = re.sub(r"^\s{0,3}(?:>\s?)+", "", line)
        if plain.strip().startswith("|") and plain.strip().endswith("|"):
            cells = [c.strip() for c in plain.strip().strip("|").split("|")]
            plain = "; ".join(c for c in cells if c)
        pending.append(plain)
    flush()
    title = _md_inline(meta.get("title", "")) or release_title(blocks)
    published = first_date(meta.get("date", "")) or published_in(blocks)
    return extracted_release(path, "markdown", blocks, title, published)


def _md_inline(text: str) -> str:
    """Markdown inline syntax to plain text: links keep their words, images go."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"!\[[^\]]*\]\[[^\]]*\]", " ", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
    text = re.sub(r"<(?:[^>@\s]+@[^>\s]+)>", lambda m: m.group(0)[1:-1], text)
    text = re.sub(r"</?[A-Za-z][^>]*>", " ", text)
    text = re.sub(r"`+([^`]*)`+", r"\1", text)
    for mark in (r"\*\*", "__", r"~~"):
        text = re.sub(rf"{mark}(?=\S)(.+?)(?<=\S){mark}", r"\1", text)
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])", r"\1", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>])", r"\1", text)
    return squash_whitespace(html.unescape(text))
