"""Tests for bot/drafting/synonyms.py: the synonyms of a drafted store."""

from __future__ import annotations

import pytest

from bot.drafting.synonyms import draft_synonyms


@pytest.mark.parametrize(
    ("text", "term", "variants"),
    [
        ("The Big Almaty Ring Road (BAKAD) opened.", "bakad", ["big almaty ring road"]),
        (
            "The FAA (Federal Aviation Administration) agreed.",
            "faa",
            ["federal aviation administration"],
        ),
        ("The CEO spoke.", "ceo", ["chief executive officer", "chief executive"]),
        (
            # "Arlow" stands alone too: "the harbour authority" means the AHA.
            "The Arlow Harbour Authority (AHA) runs ferries from Arlow.",
            "aha",
            ["arlow harbour authority", "harbour authority"],
        ),
        (
            "The Arlow Harbour Authority (AHA) runs ferries.",
            "aha",
            ["arlow harbour authority"],
        ),
        ("Sales rose 5%.", "percent", ["per cent", "percentage", "pct"]),
        ("Two plants opened.", "plant", ["factory", "factories"]),  # used in the plural
        ("Delegates visited Seoul.", "visit", ["visits", "visiting", "visited"]),
        ("Prices rose.", "rise", ["rises", "rising", "rose", "risen"]),
        (
            # An everyday variant first, then the verb's own forms.
            "The firm will submit plans.",
            "submit",
            ["send in", "upload", "submits", "submitting", "submitted"],
        ),
        ("The city will commit funds.", "commit", ["commits", "committing", "committed"]),
        (
            "Visitors can photograph fungi.",
            "photograph",
            ["photo", "photos", "picture", "pictures", "photographs"],
        ),
        ("Price plans are monthly.", "month", ["monthly"]),
    ],
)
def test_a_term_the_release_uses_gets_its_variants(
    text: str, term: str, variants: list[str]
) -> None:
    assert draft_synonyms(text)[term] == variants


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The drone flies.", "ceo"),  # an everyday synonym the release never needs
        ("Acme (AC) opened.", "ac"),  # one word is no spelled-out name
        ("They have it.", "have"),  # an everyday verb
    ],
)
def test_no_synonyms_for_what_the_release_does_not_say(text: str, term: str) -> None:
    assert term not in draft_synonyms(text)
