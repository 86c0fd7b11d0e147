"""Tests for bot/drafting/render.py: YAML of drafted entries, and merging into a curated store."""

from __future__ import annotations

import pytest
import yaml

from bot.drafting.render import entries_yaml, merge_text
from bot.store import Entry

DRAFTED = Entry(
    "plant-opened",
    "Plants",
    ("When did the plant open?", "plant"),
    "The plant opened on Monday.",
    "The plant opened on Monday.",
    ("lead",),
    draft=True,
)

CURATED = """\
# A curated store: comments and wrapping stay as they are.
document: release.txt
title: Acme
entries:
  - id: lead
    topic: Overview   # the lead
    questions: ["What happened?",
                "What is the news?"]
    answer: Acme opened a plant.
    source: Acme opened a plant.

smalltalk: []
"""


def test_entries_are_written_as_a_block_list_with_flow_follow_ups() -> None:
    assert entries_yaml([DRAFTED], indent=2, topics=True) == (
        "  # --- Plants " + "-" * 54 + "\n"
        "  - id: plant-opened\n"
        "    topic: Plants\n"
        "    questions:\n"
        "      - When did the plant open?\n"
        "      - plant\n"
        "    answer: The plant opened on Monday.\n"
        "    source: The plant opened on Monday.\n"
        "    follow_ups: [lead]\n"
        "    draft: true\n"
        "\n"
    )


def test_a_merge_keeps_every_curated_byte_and_adds_after_the_last_entry() -> None:
    merged = merge_text(CURATED, [DRAFTED], None)
    head, tail = CURATED.split("\nsmalltalk:")
    assert merged.startswith(head)
    assert merged.endswith("\nsmalltalk:" + tail)
    added = merged[len(head) : len(merged) - len(tail) - len("\nsmalltalk:")]
    assert added == "\n" + entries_yaml([DRAFTED], indent=2).rstrip("\n") + "\n"
    assert [e["id"] for e in yaml.safe_load(merged)["entries"]] == ["lead", "plant-opened"]


def test_a_merge_changes_only_the_document_value_when_asked() -> None:
    merged = merge_text(CURATED, [], "../release.txt")
    assert merged == CURATED.replace("document: release.txt", "document: ../release.txt")


@pytest.mark.parametrize("entries", [[], [DRAFTED]], ids=["nothing-added", "one-added"])
def test_a_merge_keeps_crlf_line_endings(entries: list[Entry]) -> None:
    crlf = CURATED.replace("\n", "\r\n")
    merged = merge_text(crlf, entries, None)
    assert merged.count("\n") == merged.count("\r\n")
    assert merged.replace("\r\n", "\n") == merge_text(CURATED, entries, None)


def test_a_store_whose_entries_are_a_flow_list_is_rewritten_from_its_data() -> None:
    flow = "document: release.txt\ntitle: Acme\nentries: []\n"
    merged = yaml.safe_load(merge_text(flow, [DRAFTED], None))
    assert [e["id"] for e in merged["entries"]] == ["plant-opened"]
    assert merged["entries"][0]["follow_ups"] == ["lead"]
