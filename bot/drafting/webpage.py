"""Saved HTML pages: the article's blocks, without scripts, menus and other page furniture."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from bot.drafting.blocks import extracted_release, published_in, release_title
from bot.drafting.dates import first_date
from bot.drafting.model import Block, Release
from bot.language import (
    squash_whitespace,
    words,
)

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


_BLOCK_TAGS = frozenset(
    """
    p div section article main header footer aside nav ul ol li dl dt dd table thead tbody
    tfoot tr td th blockquote pre figure figcaption address h1 h2 h3 h4 h5 h6 form fieldset
    details summary caption center
    """.split()
)


# Never text of the release: code, styling, controls, menus, asides.
_SKIP_TAGS = frozenset(
    """
    script style noscript template svg math iframe canvas object embed form button select
    textarea nav aside footer figure dialog
    """.split()
)


# class/id words of page furniture (menus, share buttons, cookie banners, related links).
_FURNITURE = words("page_furniture")


_FURNITURE_ROLES = frozenset("navigation banner contentinfo complementary search dialog".split())


_FURNITURE_TEXT = re.compile(
    r"^(?:share(?: on| this)?\b|tweet\b|print\b|e-?mail\b|read more\b|back to top\b|"
    r"skip to\b|subscribe\b|follow us\b|tell a friend\b|©|copyright\b|related\b)|"
    r"all rights reserved|we use cookies",
    re.IGNORECASE,
)


_META_DATES = frozenset(
    """
    article:published_time datepublished date dc.date dc.date.issued pubdate publish-date
    og:published_time parsely-pub-date sailthru.date publication_date
    """.split()
)


class _HtmlText(HTMLParser):
    """Collects the readable blocks of a page, skipping scripts, styles and page furniture."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, opens the main content)
        self.skip_depth: int | None = None
        self.buffer: list[str] = []
        self.link_chars = 0
        self.in_link = 0
        self.in_title = False
        self.title: list[str] = []
        self.dates: list[str] = []
        self.blocks: list[tuple[str, str, bool, float]] = []  # kind, text, in main, link share

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta_date(values)
            return
        if tag == "time" and values.get("datetime") and self.skip_depth is None:
            self.dates.append(values["datetime"])
        if tag in _VOID:
            if tag in ("br", "hr") and self.skip_depth is None:
                self._flush()
            return
        if self.skip_depth is None and tag in _BLOCK_TAGS:
            self._flush()
        self._open(tag, values)

    def _meta_date(self, values: dict[str, str]) -> None:
        """ "<meta property="article:published_time" content="...">": a publication date."""
        key = values.get("property") or values.get("name") or values.get("itemprop") or ""
        if key.lower() in _META_DATES and values.get("content"):
            self.dates.append(values["content"])

    def _open(self, tag: str, values: dict[str, str]) -> None:
        main = tag in ("article", "main") or values.get("role") == "main"
        main = main or values.get("itemprop") == "articleBody"
        self.stack.append((tag, main))
        if self.skip_depth is None and self._furniture(tag, values):
            self.skip_depth = len(self.stack)
        if tag == "title":
            self.in_title = True
        elif tag == "a":
            self.in_link += 1

    def _furniture(self, tag: str, values: dict[str, str]) -> bool:
        if tag in _SKIP_TAGS or (tag == "header" and not self._in_main()):
            return True
        if "hidden" in values or values.get("aria-hidden") == "true":
            return True
        if re.search(r"display\s*:\s*none", values.get("style", "")):
            return True
        if values.get("role", "").lower() in _FURNITURE_ROLES:
            return True
        words = re.split(r"[\s_-]+", f"{values.get('class', '')} {values.get('id', '')}".lower())
        return any(w in _FURNITURE for w in words)

    def _in_main(self) -> bool:
        return any(main for _, main in self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or all(t != tag for t, _ in self.stack):
            return
        while self.stack:
            if self.skip_depth is None and self.stack[-1][0] in _BLOCK_TAGS:
                self._flush()
            open_tag, _ = self.stack.pop()
            if self.skip_depth is not None and len(self.stack) < self.skip_depth:
                self.skip_depth = None
            if open_tag == "title":
                self.in_title = False
            elif open_tag == "a":
                self.in_link = max(0, self.in_link - 1)
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.skip_depth is not None:
            return
        self.buffer.append(data)
        if self.in_link:
            self.link_chars += len(data.strip())

    def _flush(self) -> None:
        text = squash_whitespace("".join(self.buffer))
        links, self.buffer, self.link_chars = self.link_chars, [], 0
        if not text:
            return
        tags = [t for t, _ in self.stack]
        level = next((t for t in reversed(tags) if re.fullmatch(r"h[1-6]", t)), None)
        kind = level or ("item" if "li" in tags else "para")
        self.blocks.append((kind, text, self._in_main(), links / max(1, len(text))))

    def close(self) -> None:
        super().close()
        self._flush()


def from_html(path: Path, raw: str) -> Release:
    parser = _HtmlText()
    parser.feed(raw)
    parser.close()
    blocks = _readable_blocks(parser.blocks)
    page_title = _page_title(squash_whitespace(html.unescape("".join(parser.title))))
    title = next((b.text for b in blocks if b.kind == "title"), "") or page_title
    # An ISO timestamp ("2025-02-03T09:00:00Z") dates the page by its date part.
    dates = (first_date(re.sub(r"T\d.*$", "", d.strip())) for d in parser.dates)
    published = next((d for d in dates if d), None) or published_in(blocks)
    return extracted_release(path, "html", blocks, title or release_title(blocks), published)


def _readable_blocks(found: list[tuple[str, str, bool, float]]) -> list[Block]:
    """The blocks of the main content (when marked), without link rows and page furniture."""
    if any(in_main for _, _, in_main, _ in found):
        first_h1 = next((b for b in found if b[0] == "h1"), None)
        found = [b for b in found if b[2] or b is first_h1]
    blocks: list[Block] = []
    for kind, text, _, links in found:
        if links > 0.5 and len(text.split()) <= 20:
            continue  # a row of links: a menu, tags or "share on ..."
        if _FURNITURE_TEXT.search(text) and len(text.split()) <= 20:
            continue
        if blocks and blocks[-1].text == text:
            continue
        if kind == "h1" and not any(b.kind == "title" for b in blocks):
            blocks.append(Block("title", text))
        elif kind.startswith("h"):
            blocks.append(Block("heading", text))
        else:
            blocks.append(Block(kind, text))
    return blocks


def _page_title(text: str) -> str:
    """A page <title> without the site name: "Tram approved | City of X" -> "Tram approved"."""
    parts = [p.strip() for p in re.split(r"\s+[|–—•·]\s+|\s+-\s+", text) if p.strip()]
    return parts[0] if parts else ""
