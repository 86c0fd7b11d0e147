"""A second reading of a question in another language: its English gloss.

The translated store (`languages.language_view`) reads a Russian question
against Russian phrasings; the gloss (`bot.language.gloss`) reads it as
English against the English store, which has every question-kind stage.
`combine` keeps the translated store's verdict, except where the English
stages saw what kind of question it is, about the same entry:

- a yes/no check ("No: ..."; a "Yes" only when the store's reading found nothing in
  the entry's place that only the asker's language shows), two questions in one,
  or arithmetic over two stated figures, answered in English by the entry the
  store's own reading answers or offers first (for arithmetic, also an entry that
  states both figures: the one on all flights), or when that reading has no
  candidate at all: put as the English stages put it (each of those stages checks the values it
  puts against the entry: the figure, the year, the name). A yes/no check only
  when the glossary read every word but capitalised names: an unread word would
  look like another value; a "Yes" only when the store's own reading answers or offers its
  entry (not one it barely finds). A conversion never: its units are English
  words;
- an attribute the release does not state (age, cost, predecessor) of that
  entry, or when that reading has no candidate: "the release does not say",
  never the entry's answer;
- a plain answer of the entry the store's own reading offers first in a "did
  you mean", where that reading scores it `Params.gloss_agreement` or more
  with nothing doubtful (a per-language setting, off unless an overlay sets it).

A gloss answer alone is never enough: word-by-word English loses what endings
say ("Korea's ambassador in Kazakhstan" and "Kazakhstan's in Korea" read
alike), so it answers only what the store's own reading also points to.
`in_language` shows an English verdict in the asker's language: each entry is
swapped for the translated one of the same id.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.language.gloss import Glossary
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


def combine(
    native: Match,
    glossed: Match,
    *,
    fully_read: bool,
    agreement: float = 100.0,
    store: Store | None = None,
    offer: float = 0.0,
) -> Match:
    """One verdict from the two readings of a question (see the module's rules).

    `fully_read`: the glossary read every word. A word it could not read stays in the
    gloss unread, and an English yes/no check would take it for another value: such
    a gloss puts no yes/no check. `agreement` (`Params.gloss_agreement`): the score
    from which a "did you mean" the gloss answers alike is answered (`_agrees`). A
    verdict taken from the gloss keeps the asker's question and whether part of it
    was left unread. `store` (the native one): a sum or difference is about the entry
    the native reading puts first when that entry states both figures too ("15
    flights: 13 from Almaty, 2 from Astana"). `offer`: a "Yes" is taken only about an
    entry the native reading answers, or offers with this score at least (an entry it
    barely finds, tied with another: the gloss's "Yes" may confirm the wrong one,
    "БАКАД строит Doosan?")."""
    if native.kind is Kind.SMALLTALK:
        return native
    mine = _best(native)
    ours = mine is None or mine in _entries(glossed) or _states_figures(mine, glossed, store)
    checks = glossed.form in (Form.YES, Form.NO)
    converted = glossed.result is not None and glossed.result.operation == "conversion"
    taken = glossed.answered and glossed.form in _KINDS and ours
    taken = taken and not (checks and not fully_read) and not converted
    taken = taken and not (glossed.form is Form.YES and _sureness(native) < offer)
    # Nor a "yes" to a question the store's own reading found names something else in
    # the entry's place (another name, what lies beyond the name it sets aside).
    taken = taken and not (glossed.form is Form.YES and _swapped(native, glossed))
    # The release does not say: only of the entry this store's reading points to.
    taken = taken or (glossed.form is Form.UNSTATED and ours)
    if not (taken or _agrees(native, glossed, agreement)):
        return native
    return replace(glossed, question=native.question, cut=native.cut)


def _agrees(native: Match, glossed: Match, agreement: float) -> bool:
    """Whether two readings agree on a plain answer the store's own reading only offers:
    its first entry scores `agreement` or more with nothing doubtful or swapped about
    it, and the gloss answers with that entry as it stands. Each reading misses what
    the other sees (endings; words the glossary lacks), so one that clears the bar
    alone is not enough, and both together are."""
    if not could_agree(native, agreement):
        return False
    plain = glossed.answered and glossed.form is Form.PLAIN and glossed.entry is not None
    return plain and glossed.intent == native.suggestions[0].intent


def could_agree(native: Match, agreement: float) -> bool:
    """Whether the store's own reading offers an entry a gloss answering it alike would
    have answered (`_agrees`): the English verdict is worth working out only then."""
    if native.kind is not Kind.CLARIFY or native.form is not Form.PLAIN or not native.suggestions:
        return False
    top = native.suggestions[0]
    return not top.doubtful and not top.swapped and top.score >= agreement


_KINDS = frozenset({Form.YES, Form.NO, Form.PARTS, Form.ARITHMETIC})


def _sureness(match: Match) -> float:
    """The score of a verdict's first entry: its answer's, or its first suggestion's."""
    if match.answered:
        return match.score
    return match.suggestions[0].score if match.suggestions else 0.0


def _states_figures(intent: str, glossed: Match, store: Store | None) -> bool:
    """Whether entry `intent` of `store` states every figure `glossed` works out from."""
    entry = store.entry(intent) if store is not None else None
    if entry is None or glossed.form is not Form.ARITHMETIC or not glossed.figures:
        return False
    stated = set(re.findall(r"\d+", entry.answer))
    return all(str(figure.value) in stated for figure in glossed.figures)


def _swapped(native: Match, glossed: Match) -> bool:
    """Whether the store's own reading found the gloss's entry cannot be the answer, by
    what only the asker's language shows (`_NATIVE_CHECKS`)."""
    return any(
        c.intent == glossed.intent and _NATIVE_CHECKS & set(c.checks)
        for c in native.suggestions[:1]
    )


# Checks whose finding a word-by-word gloss cannot see: the name an exception sets
# aside comes before it ("X 말고"), the doer is marked by a particle ("카자흐가").
_NATIVE_CHECKS = frozenset({"beyond_named", "agent_swap"})


def _entries(match: Match) -> set[str | None]:
    """Every entry a verdict stands on: its own, its parts' and its figures'."""
    found: set[str | None] = {_best(match)}
    found.update(part.intent for part in match.parts)
    found.update(figure.intent for figure in match.figures)
    found.update(c.intent for c in match.suggestions[:1])
    return found - {None}


def _best(match: Match) -> str | None:
    """The entry a reading puts first: its answer, or its first suggestion."""
    if match.answered:
        return match.intent if match.entry is not None else None
    return match.suggestions[0].intent if match.suggestions else None


__all__ = ["Glossary", "combine", "could_agree", "in_language"]
