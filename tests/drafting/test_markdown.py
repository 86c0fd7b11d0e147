"""Tests for bot/drafting/markdown.py: Markdown releases read with markdown-it-py."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.drafting.markdown import from_markdown

EDGE_CASES = """\
---
title: "**Acme** opens a plant"
date: 2025-01-02
---

Acme opens a plant
==================

The plant cost *€5 million* and [employs](http://x.y "t") 40 people.
A hard break\\
and more.

* First item that goes on
  over two lines
  * A nested item
* Second item

  with a second paragraph

> A quoted paragraph.

| Name | Value |
| ---- | ----- |
| a | 1 |
| b | 2 |

<div class="note">Some <b>HTML</b> text</div>

See [the site][site] and <https://example.com>. <!-- a comment -->

[site]: https://example.com

    indented code is not text

```
fenced code is not text either
```

---

Escaped \\*stars\\* and &amp; entities &euro;. ![an image](a.png)
"""

BLOCKS = [
    ("title", "Acme opens a plant"),
    ("para", "The plant cost €5 million and employs 40 people. A hard break and more."),
    ("item", "First item that goes on over two lines"),
    ("item", "A nested item"),
    ("item", "Second item"),
    ("item", "with a second paragraph"),
    ("para", "A quoted paragraph."),
    ("para", "Name; Value"),
    ("para", "a; 1 b; 2"),
    ("para", "Some HTML text"),
    ("para", "See the site and https://example.com."),
    ("para", "Escaped *stars* and & entities €."),
]


@pytest.fixture(scope="module")
def blocks(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    path = tmp_path_factory.mktemp("md") / "edge.md"
    release = from_markdown(path, EDGE_CASES)
    assert (release.title, release.published) == ("Acme opens a plant", "2025-01-02")
    return [(b.kind, b.text) for b in release.blocks]


@pytest.mark.parametrize(("index", "block"), list(enumerate(BLOCKS)))
def test_markdown_becomes_blocks_of_plain_text(
    blocks: list[tuple[str, str]], index: int, block: tuple[str, str]
) -> None:
    assert blocks[index] == block


def test_code_rules_and_images_are_not_release_text(blocks: list[tuple[str, str]]) -> None:
    assert len(blocks) == len(BLOCKS)
    assert not any("code" in text or "image" in text for _, text in blocks)


def test_front_matter_title_and_date_count_over_the_text() -> None:
    release = from_markdown(Path("r.md"), "---\ntitle: Meta title\n---\n\n# Heading\n\nText.\n")
    assert release.title == "Meta title"
    assert release.text == "Heading\n\nText.\n"  # no date: no date line
