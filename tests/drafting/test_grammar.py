"""Tests for bot/drafting/grammar.py: each grammar rule of a generated phrasing, and `check`.

Every rule has rows of phrasings it rejects (with a word of its finding) and rows it
lets through, so a change to one rule shows in its own rows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.drafting import grammar
from bot.drafting.grammar import Rule, draft_grammar_warnings, grammar_findings, is_grammatical
from bot.store import load_store
from tests.support import run_bot

ROOT = Path(__file__).resolve().parents[2]

REJECTED: list[tuple[Rule, str, str]] = [
    (grammar.what_about_a_statement, "What about the building cost £48 million?", "statement"),
    (grammar.what_about_a_statement, "What about the wing also houses a unit?", "statement"),
    (grammar.sentence_opener_mid_question, "How was It paid?", "'It'"),
    (grammar.sentence_opener_mid_question, "What will Inside, passengers find?", "'Inside'"),
    (grammar.plural_verb_without_subject, "What are free?", "no plural subject"),
    (grammar.plural_verb_without_subject, "Who are free to go?", "no plural"),
    (grammar.how_many_of_no_count, "How many pm is the terminal open?", "'how many pm'"),
    (grammar.auxiliary_without_subject, "How have for forty years islanders waited?", "'have'"),
    (grammar.who_is_a_thing, "Who is the first passenger terminal in the region?", "terminal"),
    (
        grammar.speaker_with_a_phrase,
        "What did Harbour Master Ingrid Solberg at the opening ceremony say?",
        "'at'",
    ),
    (grammar.there_before_a_verb, "How many passengers are there used the crossing?", "used"),
    (grammar.who_of_a_thing_passive, "Who can be bought at the desks?", "'bought'"),
    (grammar.who_of_a_thing_passive, "Who costs €12 for adults?", "'costs'"),
    (grammar.how_many_of_one, "How many roof does the building bring?", "'roof'"),
    (grammar.who_with_a_bare_verb, "Who run a hospital school?", "'run'"),
    (grammar.who_with_a_bare_verb, "Which school run a hospital school?", "'run'"),
]

ACCEPTED: list[tuple[Rule, str]] = [
    (grammar.what_about_a_statement, "What about 13 flights between Almaty and Seoul?"),
    (grammar.what_about_a_statement, "What about the Kazakh Ministry of Foreign Affairs?"),
    (grammar.sentence_opener_mid_question, "When does the terminal open in May?"),
    (grammar.sentence_opener_mid_question, "What does AHA stand for?"),
    (grammar.plural_verb_without_subject, "What are the opening hours of the terminal?"),
    (grammar.plural_verb_without_subject, "What are tickets sold for?"),
    (grammar.plural_verb_without_subject, "What are processed on a base station?"),
    (grammar.plural_verb_without_subject, "Who were surprised by the results?"),
    (grammar.how_many_of_no_count, "How many seats are in the waiting hall?"),
    (grammar.auxiliary_without_subject, "How long does the crossing to Inchcorran take?"),
    (grammar.who_is_a_thing, "Who is the chief executive of the Arlow Harbour Authority?"),
    (grammar.who_is_a_thing, "Who is the convener of the Island Council?"),
    (grammar.who_is_a_thing, "Who is the media contact?"),
    (grammar.who_is_a_thing, "Who is the CEO?"),
    (grammar.speaker_with_a_phrase, "What did the chief executive of the authority say?"),
    (grammar.speaker_with_a_phrase, "What did the chief of paediatrics at HRHS say?"),
    (grammar.there_before_a_verb, "How many beds are there in the wing?"),
    (grammar.who_of_a_thing_passive, "Who built the terminal?"),
    (grammar.who_of_a_thing_passive, "Who was appointed chair?"),
    (grammar.who_of_a_thing_passive, "Who has sold 3,000 drones?"),  # active
    (grammar.how_many_of_one, "How many flights per week are there?"),
    (grammar.how_many_of_one, "How many people does it employ?"),
    (grammar.who_with_a_bare_verb, "Who put it there?"),  # "put" is its own past
    (grammar.who_with_a_bare_verb, "Who can see it?"),
]


@pytest.mark.parametrize(("rule", "phrasing", "finding"), REJECTED)
def test_a_rule_rejects_its_kind_of_ungrammatical_phrasing(
    rule: Rule, phrasing: str, finding: str
) -> None:
    found = rule(phrasing)
    assert found is not None and finding in found
    assert not is_grammatical(phrasing)


@pytest.mark.parametrize(("rule", "phrasing"), ACCEPTED)
def test_a_rule_lets_a_grammatical_phrasing_through(rule: Rule, phrasing: str) -> None:
    assert rule(phrasing) is None


def test_every_rule_is_tested_and_keyword_phrasings_are_never_judged() -> None:
    assert {rule for rule, _, _ in REJECTED} == set(grammar.RULES)
    assert {rule for rule, _ in ACCEPTED} == set(grammar.RULES)
    assert grammar_findings("What are free") == []  # no question mark: a keyword phrasing


BAD_DRAFT = """\
document: release.txt
title: Test
published: 2024-08-16
entries:
  - id: flights
    topic: Flights
    questions:
      - How many flights are there?
      - What are free?
    answer: There are 13 flights a week.
    source: "13 flights a week"
    follow_ups: [curated]
    draft: true

  - id: curated
    topic: Flights
    questions:
      - What are weekly?
    answer: There are 13 flights a week.
    source: "13 flights a week"
    follow_ups: [flights]
"""


def _bad_draft(folder: Path) -> Path:
    (folder / "release.txt").write_text("date 2024-08-16\nThere are 13 flights a week.\n")
    store = folder / "store.yaml"
    store.write_text(BAD_DRAFT, encoding="utf-8")
    return store


def test_draft_warnings_name_file_line_and_entry_of_each_bad_phrasing(tmp_path: Path) -> None:
    store = _bad_draft(tmp_path)
    warnings = draft_grammar_warnings(load_store(store))
    # Only the draft entry is judged: a curated entry is the editor's own wording.
    assert [str(w) for w in warnings] == [
        f"{store}:9: [flights] ungrammatical phrasing 'What are free?': "
        "'What are' with no plural subject"
    ]


def test_check_prints_the_grammar_warnings_and_still_passes(tmp_path: Path) -> None:
    store = _bad_draft(tmp_path)
    result = run_bot("check", "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert f"warning: {store}:9: [flights] ungrammatical phrasing 'What are free?'" in (
        result.stdout
    )


def test_a_fresh_draft_has_no_grammar_warnings(tmp_path: Path) -> None:
    release = ROOT / "tests" / "data" / "releases" / "riverton-tram.html"
    shutil.copy(release, tmp_path / release.name)
    result = run_bot("build", str(tmp_path / release.name), "-o", str(tmp_path / "d.yaml"))
    assert result.returncode == 0, result.stderr
    assert draft_grammar_warnings(load_store(tmp_path / "d.yaml")) == []
