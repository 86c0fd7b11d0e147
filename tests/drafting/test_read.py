"""Tests for bot/drafting/read.py: reading plain-text, Markdown and HTML releases into blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.drafting import read_release

ROOT = Path(__file__).resolve().parents[2]
RELEASES = ROOT / "tests" / "data" / "releases"
SHIPPED = ROOT / "knowledge" / "release.txt"


def test_html_release_keeps_the_article_and_drops_page_furniture() -> None:
    release = read_release(RELEASES / "riverton-tram.html")
    assert release.format == "html"
    assert release.copy
    assert release.title == "Council approves Line 4 tram extension to Northgate"
    assert release.published == "2024-11-05"
    assert release.text.startswith("date 2024-11-05\n\nCouncil approves Line 4 tram extension")
    text = release.text
    assert "Riverton City Council on Tuesday approved a 6.8 km extension of tram Line 4" in text
    assert "St. Mary’s Hospital" in text  # &#8217; decoded
    assert "budget of €212 million" in text  # &euro; and &nbsp; decoded
    assert "Cost & funding" in text  # &amp; decoded
    for furniture in (
        "cookies",  # the cookie banner
        "gtag",  # a script
        "font-family",  # a style
        "Contact us",  # the menu
        "Share on",  # share buttons
        "Related news",  # an aside
        "All rights reserved",  # the footer
        "Search",  # a form
    ):
        assert furniture not in text, furniture


def test_markdown_release_loses_its_marks_and_link_urls() -> None:
    release = read_release(RELEASES / "fieldscout.md")
    assert release.format == "markdown"
    assert release.title == (
        "Nordlicht Robotics launches FieldScout 2, a solar-powered crop-scouting drone"
    )
    assert release.published == "2025-03-04"
    text = release.text
    assert "Berlin, March 4, 2025 – Nordlicht Robotics GmbH today announced" in text
    assert "pending approval by the Federal Aviation Administration (FAA)." in text
    for mark in ("**", "](", "http", "# ", "![", "*Lena", "---"):
        assert mark not in text, mark
    items = [b.text for b in release.blocks if b.kind == "item"]
    assert len(items) == 3
    assert items[0].startswith("A multispectral camera")


def test_plain_release_is_cited_as_it_is_with_title_and_date_from_its_text() -> None:
    path = RELEASES / "glacier-study.txt"
    release = read_release(path)
    assert (release.format, release.copy) == ("text", False)
    assert release.text == path.read_text(encoding="utf-8")
    assert release.title == "Satellite method reveals record ice loss at Alpine glaciers"
    assert release.published == "2024-08-16"  # "ZURICH, Switzerland, August 16, 2024 -"


def test_shipped_release_takes_its_date_line_and_a_trimmed_first_sentence_as_title() -> None:
    release = read_release(SHIPPED)
    assert release.published == "2024-08-16"
    assert release.title.startswith("The Ambassador of Kazakhstan to the South Korea")
    assert len(release.title) <= 91
    assert "Tell a friend" not in " ".join(b.text for b in release.blocks)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            # A heading, then a sentence wrapped before a capitalised word: one heading.
            "Title line\n\nAbout Halloway Health\nHalloway Health runs three hospitals in"
            " south-western\nOntario. It employs 6,400 people.\n",
            ["title", "heading", "para"],
        ),
        (
            # The title paragraph may hold a title and a subtitle line.
            "Wing to open\nNew building brings care under one roof\n\nThe wing opens today.\n",
            ["title", "subtitle", "para"],
        ),
        (
            "Title line\n\nRoute and stops\nThe line adds seven stops.\n",
            ["title", "heading", "para"],
        ),
    ],
)
def test_a_paragraph_opens_with_one_heading_line_at_most(
    tmp_path: Path, text: str, kinds: list[str]
) -> None:
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    assert [block.kind for block in read_release(path).blocks] == kinds
