"""Tests for bot/matching/index.py: the tables built once per store."""

from __future__ import annotations

from pathlib import Path

from bot.drafting import build
from bot.matching import Matcher
from bot.matching.index import targets
from bot.store import load_store


def test_the_release_subjects_are_its_most_named_names(matcher: Matcher) -> None:
    index = matcher.index
    assert index.subjects == {"kazakhstan", "korea"}
    assert {"almaty", "astana", "seoul", "doosan"} <= index.names
    assert not index.subjects & index.names
    assert index.names | index.subjects == index.all_names


def test_every_phrasing_belongs_to_one_item_and_is_in_the_postings(matcher: Matcher) -> None:
    index = matcher.index
    assert len(index.phrasings) == len(index.phrasing_texts)
    for number, phrasing in enumerate(index.phrasings):
        assert 0 <= phrasing.owner < len(index.items)
        assert phrasing.text == " ".join(phrasing.words)
        assert all(number in index.postings[w] for w in phrasing.words)
    assert sum(len(i.bare) for i in index.items) == len(index.phrasings)
    assert set(index.by_id) == {i.id for i in index.items}


def test_an_entry_knows_its_answer_and_every_variant_of_its_terms(matcher: Matcher) -> None:
    """BAKAD stands for the Big Almaty Ring Road; a variant that only describes a name
    by a subject ("kazakh capital" for Astana) teaches no word ("capital")."""
    bakad = matcher.index.by_id["bakad"]
    assert {"bakad", "ring", "road"} <= bakad.vocabulary
    assert "capital" not in matcher.index.by_id["flights-astana-seoul"].vocabulary
    assert matcher.index.by_id["flights-total"].figures
    assert not matcher.index.by_id["congratulations"].figures


def test_destinations(matcher: Matcher) -> None:
    assert targets(["ambassador", "of", "kazakhstan", "to", "korea"]) == ("korea",)
    assert targets(["flights", "between", "korea", "and", "kazakhstan"]) == ()
    assert matcher.index.destination(("seoul", "korea")) == "korea"
    assert matcher.index.destination(("seoul",)) is None


def test_a_text_that_goes_to_both_subjects_has_no_destination(matcher: Matcher) -> None:
    """ "figures for Korea and Kazakhstan" go to neither: a question "investor in
    Kazakhstan" is no swap of a phrasing that names both after "for"."""
    tokens = ["figure", "for", "korea", "and", "kazakhstan"]
    assert targets(tokens) == ("korea", "kazakhstan")
    assert matcher.index.destination(targets(tokens)) is None
    assert targets(["trade", "in", "korea", "and", "more"]) == ("korea", "more")
    assert matcher.index.destination(targets(["investor", "in", "kazakhstan"])) == "kazakhstan"
    found = matcher.findings_for(
        "Is Korea the 5th biggest investor in Kazakhstan?", "trade-investment"
    )
    assert found is not None
    assert "destination_swap" not in {f.check for f in found}


def test_a_word_the_release_also_writes_in_lower_case_is_no_name(tmp_path: Path) -> None:
    """'Fungi' in 'The Secret Life of Fungi' is the everyday 'fungi' of the release."""
    release = tmp_path / "fungi.txt"
    release.write_text(
        "date 2026-11-10\n\nMuseum opens fungi show\n\n"
        "The Brackwater Museum will open The Secret Life of Fungi on 5 December 2026. "
        "More than 300 fungi are on show, lent by Agnes Thornbury.\n",
        encoding="utf-8",
    )
    build(release, tmp_path / "fungi.yaml")
    names = Matcher(load_store(tmp_path / "fungi.yaml")).index.all_names
    assert "fungi" not in names
    assert {"brackwater", "thornbury", "secret"} <= names


def test_a_translated_name_is_a_subject_only_when_its_english_name_is_one(
    russian: Matcher,
) -> None:
    """ "Kazakhstan" is a subject in Russian too ("Казахстан"); "the Kazakh MFA" or "the
    Kazakhstan-Korea Parliamentary Friendship Group" only names one: its words ("МИД",
    "группа", "дружба") are names, not subjects to swap."""
    index = russian.index
    assert {"казахста", "коре"} <= index.subjects
    assert not {"мид", "групп", "дружб", "президент"} & index.subjects
    assert {"мид", "групп"} <= index.all_names


def test_a_russian_adjective_of_a_subject_is_that_subject(russian: Matcher) -> None:
    """ "казахстанско-корейской группе" names both subjects, as "Kazakh-Korean" does in
    English, so no entry on the Kazakhstan-Korea group is taken for the other subject."""
    query = russian.score("какую группу дружбы возглавлял У Вон Сик, казахстанско-корейскую?")
    assert {"казахста", "коре"} <= query.query.asked_names
    assert query.candidates[0].intent == "friendship-group"
    assert "subject_swap" not in query.candidates[0].checks
