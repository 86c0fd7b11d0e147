"""Tests for bot/drafting/webpage.py: the article of a saved HTML page, without furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.drafting.webpage import from_html

PAGE = """<!doctype html><html><head><title>Plant opens | Acme News</title>
<meta property="article:published_time" content="2025-02-03T09:00:00Z">
<script>var x = "<p>not text</p>";</script><style>p { color: red }</style></head>
<body><nav class="menu"><a href="/">Home</a> <a href="/news">News</a></nav>
<header><p>Site header</p></header>
<main><h1>Acme opens a plant</h1>
<p>Acme opened a plant in Berlin.<br>It employs 300 people.</p>
<ul><li>Batteries for cars</li><li>Cells for phones</li></ul>
<div class="share-buttons"><a href="#">Share on X</a></div>
<p hidden>A hidden paragraph.</p>
<p style="display: none">Another hidden one.</p>
<p><a href="/a">Tag one</a> <a href="/b">Tag two</a></p>
<h2>About Acme</h2><p>Acme makes batteries &amp; cells.</p></main>
<aside><p>Related news</p></aside><footer><p>All rights reserved</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def page() -> list[tuple[str, str]]:
    release = from_html(Path("page.html"), PAGE)
    assert (release.title, release.published) == ("Acme opens a plant", "2025-02-03")
    return [(b.kind, b.text) for b in release.blocks]


def test_the_article_is_read_block_by_block(page: list[tuple[str, str]]) -> None:
    assert page == [
        ("title", "Acme opens a plant"),
        ("para", "Acme opened a plant in Berlin."),
        ("para", "It employs 300 people."),
        ("item", "Batteries for cars"),
        ("item", "Cells for phones"),
        ("heading", "About Acme"),
        ("para", "Acme makes batteries & cells."),
    ]


def test_a_page_without_a_main_element_keeps_its_text_and_takes_the_page_title() -> None:
    release = from_html(Path("p.html"), "<title>Tram approved | City</title><p>The tram runs.</p>")
    assert release.title == "Tram approved"
    assert [(b.kind, b.text) for b in release.blocks] == [("para", "The tram runs.")]
