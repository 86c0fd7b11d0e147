"""Tests for bot/language (folding, word forms, word lists, synonyms, sentences)."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

from bot.language import (
    COMMON_WORDS,
    SynonymTable,
    inflections,
    normalise,
    split_sentences,
    squash_whitespace,
    stem,
)
from bot.store import Document, parse_document

ROOT = Path(__file__).resolve().parents[2]
MINI_RELEASE = ROOT / "tests" / "data" / "stores" / "release.txt"


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("skim", {"skims", "skimmed", "skimming"}),
        ("live", {"lives", "lived", "living"}),
        ("carry", {"carries", "carried", "carrying"}),
    ],
)
def test_inflections_cover_the_regular_endings(word: str, forms: set[str]) -> None:
    assert forms <= inflections(word)


def test_everyday_words_are_known_in_every_regular_form() -> None:
    """common_words.txt lists "skim" once; "skimming" is everyday too. Topics are not."""
    assert {"skim", "skimming", "skimmed", "living"} <= COMMON_WORDS
    assert not {"germany", "price", "capital", "age"} & COMMON_WORDS


@pytest.mark.parametrize("module", ["morphology", "normalise", "sentences"])
def test_docstring_examples_hold(module: str) -> None:
    result = doctest.testmod(importlib.import_module(f"bot.language.{module}"))
    assert result.attempted >= 1
    assert result.failed == 0


# --- normalise ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Who MET  the Speaker?! ", "who met the speaker"),  # case, punctuation, spaces
        ("ＢＡＫＡＤ", "bakad"),  # NFKC: full-width letters
        ("ﬂights", "flights"),  # NFKC: ligature
        ("Straße", "strasse"),  # casefold, not just lower()
        ("Korea's economy", "korea economy"),  # possessive dropped
        ("SK Ecoplant’s plant", "sk ecoplant plant"),  # typographic apostrophe too
        ("Korea`s", "korea"),  # and a backtick
        ("don't", "don t"),  # other apostrophes split the word
        ("Woo Won-shik", "woo won shik"),  # hyphens separate words
        ("snake_case", "snake case"),  # underscores are not word characters here
        ("1.5 GW", "1 5 gw"),
        ("“Quoted” — dash…", "quoted dash"),
        ("flights ✈️ 🇰🇿", "flights"),  # emoji are not words
        ("a\x00b\x07c", "abc"),  # control characters vanish
        ("tab\there\nnew\r\nline", "tab here new line"),  # whitespace controls are spaces
        ("Ünïcödé Алматы 서울", "ünïcödé алматы 서울"),  # other scripts keep their letters
        ("?!...", ""),
        ("", ""),
    ],
)
def test_normalise_folds_form_case_punctuation_and_whitespace(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_normalise_is_idempotent_on_the_release() -> None:
    once = normalise((ROOT / "knowledge" / "release.txt").read_text(encoding="utf-8"))
    assert normalise(once) == once


# --- stem ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("flights", "flight"),
        ("plants", "plant"),
        ("cities", "city"),
        ("flight", "flight"),
        ("business", "business"),  # -ss is not a plural
        ("status", "status"),  # nor is -us
        ("analysis", "analysis"),  # nor -is
        ("gas", "gas"),  # too short to strip
        ("ties", "tie"),  # too short for -ies -> -y, still a plural
        ("", ""),
    ],
)
def test_stem_strips_plural_endings_only(word: str, expected: str) -> None:
    assert stem(word) == expected


# --- SynonymTable -------------------------------------------------------------------------


def test_synonyms_prefer_the_longest_variant() -> None:
    table = SynonymTable({"bakad": ["big almaty ring road", "ring road"], "almaty": ["alma ata"]})
    assert table.apply("who builds the big almaty ring road") == "who builds the bakad"
    assert table.apply("the ring road in alma ata") == "the bakad in almaty"


def test_synonyms_match_whole_words_only() -> None:
    table = SynonymTable({"korea": ["rok"], "kazakhstan": ["kz"]})
    assert table.apply("rok and kz") == "korea and kazakhstan"
    assert table.apply("rocky kzt broken") == "rocky kzt broken"


def test_synonym_variants_are_normalised_like_questions() -> None:
    table = SynonymTable({"Woo Won-shik": ["Woo Wonshik", "Speaker Woo"]})
    assert table.apply(normalise("Who is Speaker Woo?")) == "who is woo won shik"
    assert table.apply(normalise("Woo Wonshik")) == "woo won shik"


def test_a_second_pass_reads_a_variant_written_with_canonical_words() -> None:
    """ "head of korean legislature": the first pass makes "head of korea parliament",
    which the second reads as the variant it is."""
    synonyms = {
        "korea": ["korean"],
        "parliament": ["legislature"],
        "speaker": ["head of korea parliament"],
    }
    once, twice = SynonymTable(synonyms), SynonymTable(synonyms, passes=2)
    assert once.apply("head of korean legislature") == "head of korea parliament"
    assert twice.apply("head of korean legislature") == "speaker"
    assert twice.apply("the korean speaker") == "the korea speaker"


def test_empty_synonym_table_changes_nothing() -> None:
    assert SynonymTable({}).apply("anything at all") == "anything at all"


# --- split_sentences ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. A. Smith paid 1.5 mln. He left.",
            ["Dr. A. Smith paid 1.5 mln.", "He left."],
        ),
        ("He met U.S. officials. They left.", ["He met U.S. officials.", "They left."]),
        (
            "Gen. Hong Beom-do was reburied. It was 2021.",
            ["Gen. Hong Beom-do was reburied.", "It was 2021."],
        ),
        (
            "Profits rose 2.5% to 1,200.5 in 2023. Sales fell.",
            ["Profits rose 2.5% to 1,200.5 in 2023.", "Sales fell."],
        ),
        ("It grew, e.g. in Almaty. Next.", ["It grew, e.g. in Almaty.", "Next."]),
        ("Mr. J. R. Smith spoke. Ms. Lee agreed.", ["Mr. J. R. Smith spoke.", "Ms. Lee agreed."]),
        ("He said: “We agree.” Then they left.", ["He said: “We agree.”", "Then they left."]),
        ("Really?! Yes!", ["Really?!", "Yes!"]),
        ("Version 1.5 is out. and it is fast.", ["Version 1.5 is out. and it is fast."]),
        (
            "One.\n\nTwo wraps\nover lines. Three.",
            ["One.", "Two wraps over lines.", "Three."],
        ),
        ("No final stop", ["No final stop"]),
        ("", []),
    ],
)
def test_split_sentences_keeps_abbreviations_initials_and_decimals(
    text: str, expected: list[str]
) -> None:
    assert split_sentences(text) == expected


def test_split_sentences_of_the_test_release() -> None:
    body = parse_document(MINI_RELEASE.read_text(encoding="utf-8")).body
    assert split_sentences(body) == [
        "Acme Corp. opened a research centre in Springfield on 4 March, "
        "Dr. J. Smith told the U.S. press.",
        "The centre cost 1.5 million dollars.",
        "It will employ 40 engineers by 2025.",
        "Their R&D budget must stay <5% of sales & >2% of profit, the company said.",
        "The mayor, Jane Doe, welcomed the investment.",
    ]


# --- parse_document -----------------------------------------------------------------------


def test_parse_document_reads_the_date_line_as_metadata_and_drops_its_noise() -> None:
    doc = parse_document(" date 2024-08-16 Tell a friend\n\nFirst line.\n\n\nSecond   line.\n")
    assert doc == Document(
        published="2024-08-16",
        body="First line.\n\n\nSecond   line.",
        sentences=("First line.", "Second line."),
    )
    assert doc.flat == "First line. Second line."


def test_parse_document_without_a_date_line_keeps_everything() -> None:
    doc = parse_document("Tell a friend\ndate 2024-08-16\nBody.")
    assert doc.published is None
    assert doc.body == "Tell a friend\ndate 2024-08-16\nBody."


def test_parse_document_date_keyword_is_case_insensitive() -> None:
    assert parse_document("DATE 2024-01-02\nBody.").published == "2024-01-02"


def test_parse_document_of_an_empty_text() -> None:
    assert parse_document("") == Document(None, "", ())


def test_the_shipped_release_body_starts_after_the_date_line() -> None:
    doc = parse_document((ROOT / "knowledge" / "release.txt").read_text(encoding="utf-8"))
    assert doc.published == "2024-08-16"
    assert doc.body.startswith("The Ambassador of Kazakhstan to the South Korea")
    assert "Tell a friend" not in doc.body
    assert all("Tell a friend" not in s for s in doc.sentences)


def test_squash_whitespace_collapses_runs_and_applies_nfkc() -> None:
    assert squash_whitespace("  a \n\t b\u00a0c  ") == "a b c"
    assert squash_whitespace("ﬁne") == "fine"


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Tram line approved\nThe council voted on Tuesday.",
            ["Tram line approved", "The council voted on Tuesday."],
        ),
        (
            "It opened in the U.S. The next step is Europe.",
            ["It opened in the U.S.", "The next step is Europe."],
        ),
        ("BOULDER, Colo. - A team found it.", ["BOULDER, Colo. - A team found it."]),
        ("Contact: J. Doe, tel. 555 0100.", ["Contact: J. Doe, tel. 555 0100."]),
        ("Acme Inc. The firm grew.", ["Acme Inc.", "The firm grew."]),
        ("Acme Inc. shares rose.", ["Acme Inc. shares rose."]),
    ],
)
def test_split_sentences_handles_headlines_datelines_and_abbreviations_at_the_end(
    text: str, sentences: list[str]
) -> None:
    """A headline line, a dotted abbreviation ending a sentence, a dateline, 'tel.'."""
    assert split_sentences(text) == sentences


def test_a_long_enough_term_keeps_its_rewrite_under_an_ending() -> None:
    table = SynonymTable({"астана": ["нур султан"], "age": ["жас"]}, endings=("дан", "нан", "ады"))
    assert table.apply("нур султаннан сеулге") == "астана сеулге"  # "Нұр-Сұлтан" + "нан"
    assert table.apply("не жасады") == "не жасады"  # "жас" is too short to take one
    assert table.apply("жас") == "age"
    assert SynonymTable({"астана": ["нур султан"]}).apply("нур султаннан") == "нур султаннан"
