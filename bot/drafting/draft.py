"""Turning the facts of a release into draft entries with questions and follow-ups."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from bot.drafting.answers import standalone_answer
from bot.drafting.dates import dates_in
from bot.drafting.facts import Fact, release_facts
from bot.drafting.model import Draft, Release
from bot.drafting.progress import Progress
from bot.drafting.synonyms import draft_synonyms
from bot.language import (
    STOPWORDS,
    normalise,
    stem,
)
from bot.language.morphology import suffix_root
from bot.store import (
    Entry,
    SmallTalk,
    parse_document,
    ungrounded_claims,
)


class Slugs:
    """Entry ids made from text ("kazakh-diplomat-congratulated"), unique among those taken."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self._next: dict[str, int] = {}  # the number to try next for a base already taken

    def take(self, text: str) -> str:
        words = [w for w in normalise(text).split() if w not in STOPWORDS and w.isascii()]
        base = "-".join(words[:4])[:40].strip("-") or "fact"
        base = re.sub(r"[^a-z0-9-]+", "-", base).strip("-") or "fact"
        # The first free number from 2 on; `taken` only grows, so the search for a
        # base resumes where it last stopped instead of starting over at 2.
        slug, number = base, self._next.get(base, 2)
        if slug in self.taken:
            slug = f"{base}-{number}"
            while slug in self.taken:
                number += 1
                slug = f"{base}-{number}"
            self._next[base] = number + 1
        self.taken.add(slug)
        return slug


_LEAD_QUESTIONS = [
    "What is the release about?",
    "What happened?",
    "What is the news?",
    "summary",
    "What is the main news?",
]


_TITLE_QUESTIONS = ["What is the headline?", "headline", "What is the title of the release?"]


_DATE_QUESTIONS = [
    "When was the release published?",
    "What is the date of the release?",
    "When was this published?",
    "When was it released?",
    "When did this come out?",
    "What day was it published?",
    "How old is this news?",
    "publication date",
    "date",
]


_SMALLTALK = (
    ("greeting", "hi|hello|hey|good morning|good afternoon|good evening|hi there",
     "Hello! Ask me anything about the release."),
    ("thanks", "thanks|thank you|thx|thank you very much|cheers",
     "You're welcome! Ask me anything else about the release."),
    ("identity", "who are you|what are you|are you a bot|are you human",
     "I am a bot that answers questions about a press release, quoting its text."),
    ("capabilities", "what can you do|help|how do you work|what can i ask",
     "Ask me about {about} in the release."),
    ("goodbye", "bye|goodbye|see you",
     "Goodbye! Come back with any question about the release."),
)  # fmt: skip


def _smalltalk(topics: Sequence[str]) -> tuple[SmallTalk, ...]:
    about = ", ".join(topics[:6]) if topics else "the release"
    return tuple(
        SmallTalk(talk_id, tuple(questions.split("|")), answer.format(about=about))
        for talk_id, questions, answer in _SMALLTALK
    )


def draft(
    release: Release,
    document: str,
    *,
    keep: Iterable[str] | None = None,
    taken_ids: Iterable[str] = (),
    taken_questions: Iterable[str] = (),
    neighbours: Sequence[tuple[str, int]] = (),
    progress: Progress | None = None,
) -> Draft:
    """Draft entries for `release`.

    `keep`: draft only the facts inside these release sentences (for a merge).
    `taken_ids`, `taken_questions`: already used by a curated store.
    `neighbours`: (id, position in the flat text) of curated entries, for follow-ups.
    `progress`: told how drafting goes, block by block.
    """
    flat = parse_document(release.text).flat
    published = release.published
    facts = release_facts(release, flat, published, progress)
    merging = keep is not None
    ids = Slugs(set(taken_ids) | {talk.id for talk in _smalltalk(())})  # small talk ids are taken
    seen = {normalise(q) for q in taken_questions}
    chosen = _choose_questions(facts, _wanted(facts, keep), seen)
    entries, placed = _entries(facts, chosen, ids, flat, published)
    if published and not merging and facts:
        dated = _date_entry(facts, seen, ids, flat, published)
        if dated is not None:
            entries.append(dated[0])
            placed.append(dated[1])
    linked = _linked(entries, placed, neighbours)
    topics = list(dict.fromkeys(e.topic for e in linked))
    return Draft(
        document=document,
        title=release.title,
        published=published,
        synonyms=draft_synonyms(flat),
        entries=linked,
        smalltalk=() if merging else _smalltalk(topics),
    )


def _wanted(facts: Sequence[Fact], keep: Iterable[str] | None) -> set[int]:
    """The facts to draft: all sentences, or (merging) those inside the `keep` sentences."""
    if keep is None:
        return {i for i, f in enumerate(facts) if f.parent is None}
    sentences = list(keep)
    return {
        i
        for i, f in enumerate(facts)
        if f.parent is None and any(f.source in s or s in f.source for s in sentences)
    }


def _rank(fact: Fact) -> int:
    """The order facts pick questions in: the lead, list items, sentences, the title.

    The lead says what the headline says, with the details: it gets first pick of
    the questions both would answer; the headline keeps only what is left.
    """
    return {"lead": 0, "title": 3}.get(fact.role, 1 if fact.parent is not None else 2)


def _choose_questions(
    facts: Sequence[Fact], wanted: set[int], seen: set[str]
) -> dict[int, list[str]]:
    """Each wanted fact's questions that no fact before it (or the curated store) asks."""
    lead = next((f for f in facts if f.role == "lead"), None)
    lead_roots = content_roots(lead.source) if lead else frozenset()
    children: dict[int, list[frozenset[str]]] = {}
    for fact in facts:
        if fact.parent is not None:
            children.setdefault(fact.parent, []).append(content_roots(fact.source))
    chosen: dict[int, list[str]] = {}
    for index in sorted(range(len(facts)), key=lambda i: _rank(facts[i])):
        fact = facts[index]
        if index not in wanted and fact.parent not in wanted:
            continue
        own = fact.questions
        if fact.role == "title":
            own = [q for q in own if not content_roots(q) <= lead_roots]
        items = children.get(index, [])
        if items:  # a list sentence keeps the questions about the list, not about one item
            own = [q for q in own if not any(content_roots(q) <= item for item in items)]
        extras = {"title": _TITLE_QUESTIONS, "lead": _LEAD_QUESTIONS}.get(fact.role, [])
        questions = _unseen([*own, *extras], seen)
        if questions:
            chosen[index] = questions
    return chosen


def _unseen(questions: Iterable[str], seen: set[str]) -> list[str]:
    """The questions not asked before (by normalised text); they are seen from now on."""
    fresh: list[str] = []
    for question in questions:
        key = normalise(question)
        if key and key not in seen:
            seen.add(key)
            fresh.append(question)
    return fresh


Placed = tuple[str, int, str | None]  # entry id, position in the flat text, parent entry id


def _entries(
    facts: Sequence[Fact],
    chosen: dict[int, list[str]],
    ids: Slugs,
    flat: str,
    published: str | None,
) -> tuple[list[Entry], list[Placed]]:
    """A draft entry for each fact with questions and a grounded answer, in reading order."""
    entries: list[Entry] = []
    placed: list[Placed] = []
    id_of: dict[int, str] = {}
    for index, fact in enumerate(facts):
        questions = chosen.get(index, [])
        answer = _grounded(fact.answer, fact.source, flat, published) if questions else None
        if answer is None:
            continue
        entry_id = ids.take(fact.source)
        id_of[index] = entry_id
        entries.append(_entry(entry_id, fact.topic, questions, answer, fact.source))
        parent_id = id_of.get(fact.parent) if fact.parent is not None else None
        placed.append((entry_id, fact.position, parent_id))
    return entries, placed


def _entry(entry_id: str, topic: str, questions: Sequence[str], answer: str, source: str) -> Entry:
    return Entry(entry_id, topic, tuple(questions), answer, source, draft=True)


def _date_entry(
    facts: Sequence[Fact], seen: set[str], ids: Slugs, flat: str, published: str
) -> tuple[Entry, Placed] | None:
    """ "When was the release published?", answered from the sentence that states the date."""
    questions = [q for q in _DATE_QUESTIONS if normalise(q) not in seen]
    dated = next((f for f in facts if published in dates_in(f.source)), facts[0])
    said = f"The release is dated {published}."
    if ungrounded_claims(said, dated.source, flat, published):
        said = f"It is dated {published}."  # a release that never writes "the"
    if not questions or ungrounded_claims(said, dated.source, flat, published):
        return None
    entry_id = ids.take("publication date")
    entry = _entry(entry_id, dated.topic, questions, said, dated.source)
    return entry, (entry_id, dated.position, None)


def _grounded(answer: str, source: str, flat: str, published: str | None) -> str | None:
    """`answer` if `check` will accept it, else the source as an answer, else None."""
    for candidate in (answer, standalone_answer(source), source):
        if not ungrounded_claims(candidate, source, flat, published):
            return candidate
    return None


def content_roots(text: str) -> frozenset[str]:
    """The content words of `text`, as roots ("approved" and "approves" alike)."""
    return frozenset(suffix_root(stem(w)) for w in normalise(text).split() if w not in STOPWORDS)


def _linked(
    entries: Sequence[Entry], placed: Sequence[Placed], neighbours: Sequence[tuple[str, int]]
) -> tuple[Entry, ...]:
    """Follow-ups: an item's whole sentence, then the entries just before and after it."""
    order = sorted([(p, i) for i, p, _ in placed] + [(p, i) for i, p in neighbours])
    ids = [i for _, i in order]
    where: dict[str, int] = {}
    for position, entry_id in enumerate(ids):
        where.setdefault(entry_id, position)
    parents = {i: parent for i, _, parent in placed}
    linked: list[Entry] = []
    for entry in entries:
        here = where[entry.id]
        chosen: list[str] = []
        parent = parents.get(entry.id)
        if parent:
            chosen.append(parent)
        for step in (1, -1, 2, -2):
            other = here + step
            if 0 <= other < len(ids) and ids[other] != entry.id:
                chosen.append(ids[other])
        follow_ups = tuple(dict.fromkeys(chosen))[:3]
        linked.append(dataclasses.replace(entry, follow_ups=follow_ups))
    return tuple(linked)
