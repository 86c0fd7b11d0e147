"""Markdown releases: blocks of plain text without the markup, parsed by markdown-it-py.

Headings, paragraphs, list items, block quotes and tables become blocks; code,
rules, images and link targets are dropped, link words kept. A YAML front
matter's ``title:`` and ``date:`` count over what the text says.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.drafting.blocks import extracted_release, published_in, release_title
from bot.drafting.dates import first_date
from bot.drafting.model import Block, Release
from bot.language import squash_whitespace

# CommonMark, plus the tables and ~~strikethrough~~ that releases written on GitHub use.
_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_FRONT_MATTER = re.compile(r"^---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def from_markdown(path: Path, raw: str) -> Release:
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    meta, text = _front_matter(text)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    blocks = _Blocks().read(_PARSER.parse(text))
    title = _inline_markdown(meta.get("title", "")) or release_title(blocks)
    published = first_date(meta.get("date", "")) or published_in(blocks)
    return extracted_release(path, "markdown", blocks, title, published)


def _inline_markdown(text: str) -> str:
    """ "**FieldScout 2** launched" -> "FieldScout 2 launched"."""
    parsed = _PARSER.parseInline(text) if text else []
    return inline_text(parsed[0].children or []) if parsed else ""


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """The ``key: value`` lines of a leading ``---`` block, and the text after it."""
    front = _FRONT_MATTER.match(text)
    if not front:
        return {}, text
    meta: dict[str, str] = {}
    for line in front.group(1).splitlines():
        key, _, value = line.partition(":")
        meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[front.end() :]


class _Blocks:
    """Walks markdown-it's block tokens, keeping the text of each block and its kind."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.items = 0  # how deep inside list items the walk is
        self.row: list[str] = []  # the cells of the table row being read
        self.rows: list[str] = []  # the body rows of the table being read

    def read(self, tokens: list[Token]) -> list[Block]:
        for index, token in enumerate(tokens):
            opened = tokens[index - 1] if index else None
            self._token(token, opened)
        return self.blocks

    def _token(self, token: Token, opened: Token | None) -> None:
        if token.type == "list_item_open":
            self.items += 1
        elif token.type == "list_item_close":
            self.items -= 1
        elif token.type == "inline" and opened is not None:
            self._inline(inline_text(token.children or []), opened)
        elif token.type == "html_block":
            self._add("para", squash_whitespace(_TAG.sub(" ", token.content)))
        elif token.type == "tr_close":
            self.rows.append("; ".join(cell for cell in self.row if cell))
            self.row = []
        elif token.type == "thead_close":
            self._add("para", " ".join(self.rows))  # the header row is a block of its own
            self.rows = []
        elif token.type == "table_close":
            self._add("para", " ".join(self.rows))
            self.rows = []

    def _inline(self, text: str, opened: Token) -> None:
        if opened.type == "heading_open":
            first_title = opened.tag == "h1" and not any(b.kind == "title" for b in self.blocks)
            self._add("title" if first_title else "heading", text)
        elif opened.type in ("th_open", "td_open"):
            self.row.append(text)
        else:
            self._add("item" if self.items else "para", text)

    def _add(self, kind: str, text: str) -> None:
        if text:
            self.blocks.append(Block(kind, text))


def inline_text(tokens: list[Token]) -> str:
    """The words of inline Markdown: links keep their words; images, tags and marks go."""
    parts: list[str] = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak", "html_inline", "image"):
            parts.append(" ")
    return squash_whitespace("".join(parts))
