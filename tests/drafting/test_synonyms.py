"""Tests for bot/drafting/synonyms.py: the synonyms of a drafted store."""

from __future__ import annotations

import pytest

from bot.drafting.synonyms import draft_synonyms
from bot.language import SynonymTable
from bot.matching.index import tokenise


@pytest.mark.parametrize(
    ("text", "term", "variants"),
    [
        ("The Big Almaty Ring Road (BAKAD) opened.", "bakad", ["big almaty ring road"]),
        (
            "The FAA (Federal Aviation Administration) agreed.",
            "faa",
            ["federal aviation administration"],
        ),
        (
            "The CEO spoke.",
            "ceo",
            ["chief executive officer", "chief executive", "chief executives", "boss", "bosses"],
        ),
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
        ("Sales rose 5%.", "percent", ["per cent", "percentage", "percentages", "pct"]),
        ("Two plants opened.", "plant", ["factory", "factories"]),  # used in the plural
        ("Delegates visited Seoul.", "visit", ["visits", "visiting", "visited"]),
        ("The firm will commit funds.", "commit", ["commits", "committing", "committed"]),
        (
            # An everyday variant first, then the verb's own forms.
            "The firm will submit plans.",
            "submit",
            [
                *("send in", "sends in", "sending in", "sent in"),
                *("upload", "uploads", "uploading", "uploaded"),
                *("submits", "submitting", "submitted"),
            ],
        ),
        ("The city will commit funds.", "commit", ["commits", "committing", "committed"]),
        (
            "Visitors can photograph fungi.",
            "photograph",
            ["photo", "photos", "picture", "pictures"],
        ),
        (
            "Price plans are monthly.",
            "month",
            ["monthly", "monthlies", "per month", "a month", "each month", "every month"],
        ),
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


@pytest.mark.parametrize(
    ("text", "written", "asked"),
    [
        # Everyday words people ask with, for the word the release writes.
        ("Embraer E175 jets fly the route.", "jets", "planes"),
        ("Its fleet of 23 aircraft flies daily.", "aircraft", "jet"),
        ("The flight is landing at 8:30 p.m.", "landing", "arrives"),
        ("Flights arrive at 8:35 a.m.", "arrive", "lands"),
        ("Flights depart Tollmouth at 7:10 a.m.", "depart", "leaves"),
        ("It brings 38,000 additional visitors.", "additional", "extra"),
        ("Standard economy fares start at $139.", "standard", "regular"),
        ("Tickets go on sale on Tuesday.", "tickets", "fares"),
        ("Introductory fares start at $89.", "introductory", "intro"),
        ("It supplies 40 percent of the plant's electricity.", "electricity", "power"),
        ("The filters remove taste and odor compounds.", "odor", "smell"),
        ("They cut byproducts by half.", "cut", "reduced"),
        ("Water rates will rise by 3.5 percent.", "rates", "bills"),
        ("Water rates will rise by 3.5 percent.", "rise", "going up"),
        ("Funding came from a federal grant.", "funding", "money"),
        ("A staff of 22 operators monitors it.", "staff", "employees"),
        ("Pupils visit the museum.", "pupils", "students"),
        ("Closed-toe shoes are required.", "required", "need"),
        ("Trams run every day.", "every day", "daily"),
        ("Residents can view the full plans.", "view", "see"),
    ],
)
def test_an_everyday_word_asked_reads_as_the_word_written(
    text: str, written: str, asked: str
) -> None:
    """The drafted store's synonyms make the two words one token for the matcher."""
    table = SynonymTable(draft_synonyms(text))
    assert tokenise(table, asked) == tokenise(table, written)


def test_an_earlier_line_takes_a_shared_variant() -> None:
    """ "planes" is the aircraft of a release about an airline's fleet, the flights of
    a release that never says "aircraft", "jet" or "plane"."""
    assert "planes" in draft_synonyms("Its fleet of 23 aircraft flies daily.")["aircraft"]
    assert "planes" not in draft_synonyms("Its fleet of 23 aircraft flies daily.").get("flight", [])
    assert "planes" in draft_synonyms("Two flights a day leave Arlow.").get("flight", [])


@pytest.mark.parametrize(
    ("text", "term", "absent"),
    [
        ("Children under 5 travel free of charge.", "free", "cost"),  # no word of its own
        ("Prices start at $139.", "cost", "priceds"),  # a participle has no plural
        ("The kiosk is tiny.", "small", "tinies"),  # an adjective has no plural
    ],
)
def test_variant_forms_are_words_people_write(text: str, term: str, absent: str) -> None:
    assert absent not in draft_synonyms(text).get(term, [])
