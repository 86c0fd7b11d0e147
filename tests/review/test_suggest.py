"""bot/review/suggest.py: which entry, which phrasings, which eval question, and when none."""

from __future__ import annotations

import yaml

from bot.feedback import Verdict
from bot.matching import Kind, Matcher
from bot.review.logs import Logs, Miss, Vote
from bot.review.report import build_review
from bot.review.suggest import SUGGEST_FLOOR, render_suggestions, suggestions
from bot.store import Entry, Store

WHEN = "2026-11-20T10:00:00Z"


def misses(*texts: str) -> Logs:
    return Logs(misses=[Miss(WHEN, t, 30.0) for t in texts], lines=len(texts))


def test_a_did_you_mean_group_suggests_its_wordings_for_the_nearest_entry(
    store: Store, matcher: Matcher, clarify_question: str
) -> None:
    """The most asked wording becomes a phrasing of the first offered entry; another is held out."""
    other = clarify_question.rstrip("?") + " please tell me"
    review = build_review(misses(clarify_question, clarify_question, other), store)
    assert len(review.findings) == 1 and len(review.findings[0].group.texts) == 2
    (found,) = suggestions(review, store)
    assert found.number == 1
    assert found.entry == matcher.match(clarify_question).suggestions[0].intent
    assert found.phrasings == (clarify_question,)
    assert found.eval_questions == (other,)


def test_the_yaml_snippet_parses_to_the_entry_and_its_new_phrasings(
    store: Store, clarify_question: str
) -> None:
    """The printed snippet is valid YAML; the eval line is a valid in_scope item."""
    other = clarify_question.rstrip("?") + " please tell me"
    review = build_review(misses(clarify_question, clarify_question, other), store)
    (found,) = suggestions(review, store)
    text = render_suggestions([found], "release.yaml")
    lines = text.splitlines()
    snippet = "\n".join(line[4:] for line in lines[3:] if not line.strip().startswith("#"))
    entry_part, eval_part = snippet.split("\n- {q:")
    assert yaml.safe_load(entry_part) == [{"id": found.entry, "questions": [clarify_question]}]
    assert yaml.safe_load("- {q:" + eval_part) == [{"q": other, "intent": found.entry}]


def test_fixed_groups_and_far_questions_get_no_suggestion(
    store: Store, matcher: Matcher, answerable: list[tuple[str, Entry]], fallback_question: str
) -> None:
    """A question answered now, or one no entry comes near, is not suggested anywhere."""
    review = build_review(misses(answerable[0][0], fallback_question), store)
    (far,) = [f for f in review.findings if f.group.leader == fallback_question]
    best = max((c.score for c in far.nearest), default=0.0)
    assert matcher.match(fallback_question).kind is Kind.FALLBACK and best < SUGGEST_FLOOR
    assert suggestions(review, store) == []
    assert render_suggestions([], "x").startswith("No suggestions")


def test_a_disliked_entry_is_never_the_target(
    store: Store, answerable: list[tuple[str, Entry]]
) -> None:
    """👎 on entry X: the suggestion goes to the nearest other entry, or nowhere."""
    question, entry = answerable[2]
    logs = Logs(votes=[Vote(WHEN, question + " ok", entry.id, 80.0, Verdict.DOWN)])
    review = build_review(logs, store)
    assert all(s.entry != entry.id for s in suggestions(review, store))


def test_wordings_the_store_already_has_are_not_suggested(
    store: Store, clarify_question: str
) -> None:
    """An entry's existing phrasing in a group is left out of the suggestion."""
    review = build_review(misses(clarify_question), store)
    (found,) = suggestions(review, store)
    phrasing = store.entries[0].questions[0]
    again = build_review(misses(clarify_question, phrasing.upper()), store)
    assert all(phrasing.upper() not in s.phrasings for s in suggestions(again, store))
    assert found.phrasings == (clarify_question,)
