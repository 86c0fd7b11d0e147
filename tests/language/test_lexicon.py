"""Tests for bot/language/lexicon.py: word lists are data files, read once, never silently empty."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.language import MONTHS, NUMBER_WORDS, QUESTION_WORDS, STOPWORDS, lexicon
from bot.language.lexicon import LexiconError

DATA = Path(lexicon.__file__).with_name("data")


def test_a_missing_word_list_raises_and_names_the_file() -> None:
    with pytest.raises(LexiconError, match=r"word list .*no-such-list\.txt cannot be read"):
        lexicon.rows("no-such-list")


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.name)
def test_every_list_opens_with_a_header_and_holds_no_duplicates(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and len(lines[0]) > 10
    entries = [line for line in lines[1:] if line.strip()]
    assert entries, "a list with no entries"
    assert len(entries) == len(set(entries)), "duplicate entries"
    assert not any(line.lstrip().startswith("#") for line in lines[1:])


def test_lists_read_as_the_code_expects() -> None:
    assert len(MONTHS) == 12
    assert MONTHS[0] == ("january", "jan") and MONTHS[8] == ("september", "sep", "sept")
    assert {"who", "when", "how"} <= QUESTION_WORDS
    assert {"the", "please"} <= STOPWORDS and "us" not in STOPWORDS
    assert {"one", "twelve", "hundred", "dozen"} <= NUMBER_WORDS


def test_rows_keep_file_order_and_split_words() -> None:
    assert lexicon.rows("months")[-1] == ("december", "dec")
    assert lexicon.words("months") >= {"may", "sept", "december"}
