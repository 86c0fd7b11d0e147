"""A second reading of a question in another language: its English gloss.

The translated store (`languages.language_view`) reads a Russian question
against Russian phrasings; the gloss (`bot.language.gloss`) reads it as
English against the English store, with every question-kind stage English
has. `combine` weighs the two readings:

- both answer with the same entry: answered, put as the gloss puts it (a
  yes/no check, two parts), because the English stages saw the question's kind;
- one answers and the other's best candidate is that entry: answered;
- one answers, the other holds a different best candidate: did you mean both;
- only one reading answers, and the other has no candidate: that one answers
  when its score clears `Params.gloss_alone_threshold`.

A verdict from the English store is shown in the asker's language:
`in_language` swaps each entry for the translated one of the same id.
"""

from __future__ import annotations

from dataclasses import replace

from bot.language.gloss import Glossary
from bot.matching.params import Params
from bot.matching.verdict import Candidate, Form, Kind, Match
from bot.store import Store


def in_language(match: Match, store: Store) -> Match:
    """`match` of the English store put in the language of `store` (a translated view)."""
    entry = store.entry(match.entry.id) if match.entry is not None else None
    talk = None
    if match.smalltalk is not None:
        talk = next((t for t in store.smalltalk if t.id == match.smalltalk.id), match.smalltalk)
    return replace(
        match,
        entry=entry,
        smalltalk=talk,
        suggestions=tuple(_candidate(c, store) for c in match.suggestions),
        parts=tuple(in_language(part, store) for part in match.parts),
        language=store.language,
    )


def _candidate(candidate: Candidate, store: Store) -> Candidate:
    entry = store.entry(candidate.intent)
    if entry is None or not entry.questions:
        return candidate
    return replace(candidate, question=entry.questions[0])


def combine(native: Match, glossed: Match, params: Params) -> Match:
    """One verdict from the two readings of a question (see the module's rules)."""
    if native.kind is Kind.SMALLTALK:
        return native
    mine, theirs = _best(native), _best(glossed)
    if native.answered and glossed.answered and mine == theirs:
        return glossed if glossed.form is not Form.PLAIN else native
    if glossed.answered and glossed.entry is not None and mine == theirs:
        return glossed
    if native.answered and mine == theirs:
        return native
    if native.answered or glossed.answered:
        if mine is not None and theirs is not None and mine != theirs:
            return _both(native, glossed)
        alone = native if native.answered else glossed
        return alone if alone.score >= params.gloss_alone_threshold else _offer(alone)
    return _offers(native, glossed)


def _best(match: Match) -> str | None:
    """The entry a reading puts first: its answer, or its first suggestion."""
    if match.answered:
        return match.intent if match.entry is not None else None
    return match.suggestions[0].intent if match.suggestions else None


def _offer(match: Match) -> Match:
    """An answer not sure enough on its own, offered as "did you mean"."""
    if match.entry is None:
        return replace(match, kind=Kind.FALLBACK, passage=None, form=Form.PLAIN)
    top = Candidate(match.entry.id, match.entry.questions[0], match.score)
    return replace(
        match, kind=Kind.CLARIFY, entry=None, suggestions=(top,), form=Form.PLAIN, parts=()
    )


def _both(native: Match, glossed: Match) -> Match:
    """The readings disagree: each one's first entry offered, the native one first."""
    return _offers(_offer(native) if native.answered else native, _offer(glossed) if glossed.answered else glossed)


def _offers(native: Match, glossed: Match) -> Match:
    """Neither answers: the suggestions of both, native first, without repeats."""
    seen: set[str] = set()
    merged = []
    for candidate in (*native.suggestions, *glossed.suggestions):
        if candidate.intent not in seen:
            seen.add(candidate.intent)
            merged.append(candidate)
    if not merged:
        return native
    kind = Kind.CLARIFY if native.kind is Kind.CLARIFY or glossed.kind is Kind.CLARIFY else Kind.FALLBACK
    return replace(native, kind=kind, suggestions=tuple(merged[:3]))


__all__ = ["Glossary", "combine", "in_language"]
