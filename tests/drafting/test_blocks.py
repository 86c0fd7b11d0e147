"""Tests for bot/drafting/blocks.py: the title and date a release gives itself."""

from __future__ import annotations

import pytest

from bot.drafting.blocks import published_in, release_title, trim
from bot.drafting.model import Block


@pytest.mark.parametrize(
    ("blocks", "title"),
    [
        ([Block("title", "Acme opens a plant"), Block("para", "Text.")], "Acme opens a plant"),
        ([Block("para", "BERLIN - Acme opened a plant. It is big.")], "Acme opened a plant"),
        ([Block("title", "..."), Block("para", "Acme opened.")], "Acme opened"),
        ([Block("para", "...")], "Press release"),
    ],
    ids=["title", "first-sentence", "title-without-letters", "nothing"],
)
def test_the_title_of_a_release(blocks: list[Block], title: str) -> None:
    assert release_title(blocks) == title


def test_a_long_title_is_cut_at_a_word() -> None:
    text = "The Ambassador of Kazakhstan to the South Korea held a meeting with the Speaker"
    assert trim(text, 40) == "The Ambassador of Kazakhstan to the…"


@pytest.mark.parametrize(
    ("blocks", "date"),
    [
        ([Block("title", "On 1 May 2020"), Block("para", "BERLIN, March 4, 2025 - Acme.")],
         "2025-03-04"),
        ([Block("para", "Acme."), Block("para", "More."), Block("para", "Even more."),
          Block("para", "On 1 May 2025.")], None),  # only the first few blocks count
    ],
)  # fmt: skip
def test_the_date_of_the_dateline(blocks: list[Block], date: str | None) -> None:
    assert published_in(blocks) == date
