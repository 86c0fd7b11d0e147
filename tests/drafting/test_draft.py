"""Tests for bot/drafting/draft.py: entries from facts, ids, follow-ups, small talk."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.drafting.draft import Slugs, draft
from bot.drafting.model import Draft, Release
from bot.drafting.read import read_release

RELEASE = (
    "date 2024-05-01\n\nAcme opens a plant\n\n"
    "BERLIN - Acme GmbH opened a battery plant in Berlin on Monday. It employs 300 people.\n\n"
    "The plant makes three products: batteries for cars, cells for phones, and packs for bikes.\n"
)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Draft:
    path = tmp_path_factory.mktemp("acme") / "acme.txt"
    path.write_text(RELEASE, encoding="utf-8")
    release: Release = read_release(path)
    return draft(release, "acme.txt")


@pytest.mark.parametrize(
    ("texts", "ids"),
    [
        (
            ["Acme opened a plant", "Acme opened a plant!"],
            ["acme-opened-plant", "acme-opened-plant-2"],
        ),
        (["the of", "..."], ["fact", "fact-2"]),  # nothing but stopwords
        (["greeting"], ["greeting-2"]),  # taken already (small talk)
        (["Über café"], ["fact"]),  # only ASCII words make an id
    ],
)
def test_ids_are_made_from_content_words_and_never_repeat(texts: list[str], ids: list[str]) -> None:
    slugs = Slugs({"greeting"})
    assert [slugs.take(text) for text in texts] == ids


def test_many_repeats_of_one_id_get_the_next_free_number() -> None:
    slugs = Slugs({"plant-3"})
    assert [slugs.take("plant") for _ in range(4)] == ["plant", "plant-2", "plant-4", "plant-5"]


def test_every_entry_is_a_draft_and_follows_up_on_its_neighbours(drafted: Draft) -> None:
    ids = [e.id for e in drafted.entries]
    assert ids == [
        "acme-opens-plant",
        "berlin-acme-gmbh-opened",
        "employs-300-people",
        "plant-makes-three-products",
        "batteries-cars",
        "cells-phones",
        "packs-bikes",
        "publication-date",
    ]
    assert all(e.draft for e in drafted.entries)
    by_id = {e.id: e for e in drafted.entries}
    # A list item follows up on its whole sentence first, then on its neighbours.
    assert by_id["cells-phones"].follow_ups == (
        "plant-makes-three-products",
        "packs-bikes",
        "batteries-cars",
    )


def test_the_lead_gets_the_summary_questions_and_the_title_the_headline_ones(
    drafted: Draft,
) -> None:
    by_id = {e.id: e for e in drafted.entries}
    assert "What is the release about?" in by_id["berlin-acme-gmbh-opened"].questions
    assert by_id["acme-opens-plant"].questions[:2] == ("What is the headline?", "headline")


def test_no_question_is_asked_by_two_entries(drafted: Draft) -> None:
    asked = [q.lower() for e in drafted.entries for q in e.questions]
    assert len(asked) == len(set(asked))


def test_small_talk_names_the_topics(drafted: Draft) -> None:
    assert [t.id for t in drafted.smalltalk] == [
        "greeting",
        "thanks",
        "identity",
        "capabilities",
        "goodbye",
    ]
    assert drafted.smalltalk[3].answer.startswith("Ask me about Overview")


def test_a_merge_drafts_only_the_facts_inside_the_kept_sentences(
    tmp_path: Path,
) -> None:
    path = tmp_path / "acme.txt"
    path.write_text(RELEASE, encoding="utf-8")
    merged = draft(
        read_release(path),
        "acme.txt",
        keep=["It employs 300 people."],
        taken_ids=["employs-300-people"],
        neighbours=[("curated-lead", 60)],
    )
    assert [e.id for e in merged.entries] == ["employs-300-people-2"]
    assert merged.entries[0].follow_ups == ("curated-lead",)
    assert merged.smalltalk == ()
