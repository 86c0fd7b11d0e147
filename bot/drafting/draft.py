"""Turning the facts of a release into draft entries with questions and follow-ups."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from bot.drafting.answers import standalone_answer
from bot.drafting.dates import dates_in
from bot.drafting.facts import release_facts
from bot.drafting.model import Draft, Release
from bot.drafting.render import Flow
from bot.drafting.synonyms import draft_synonyms
from bot.language import (
    STOPWORDS,
    normalise,
    stem,
)
from bot.passages import root
from bot.store import (
    parse_document,
    ungrounded_claims,
)


def _slug(text: str, taken: set[str]) -> str:
    words = [w for w in normalise(text).split() if w not in STOPWORDS and w.isascii()]
    base = "-".join(words[:4])[:40].strip("-") or "fact"
    base = re.sub(r"[^a-z0-9-]+", "-", base).strip("-") or "fact"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
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


def _smalltalk(topics: Sequence[str]) -> list[dict[str, Any]]:
    about = ", ".join(topics[:6]) if topics else "the release"
    return [
        {
            "id": "greeting",
            "questions": Flow(
                ["hi", "hello", "hey", "good morning", "good afternoon", "good evening", "hi there"]
            ),
            "answer": "Hello! Ask me anything about the release.",
        },
        {
            "id": "thanks",
            "questions": Flow(["thanks", "thank you", "thx", "thank you very much", "cheers"]),
            "answer": "You're welcome! Ask me anything else about the release.",
        },
        {
            "id": "identity",
            "questions": Flow(["who are you", "what are you", "are you a bot", "are you human"]),
            "answer": "I am a bot that answers questions about a press release, quoting its text.",
        },
        {
            "id": "capabilities",
            "questions": Flow(["what can you do", "help", "how do you work", "what can i ask"]),
            "answer": f"Ask me about {about} in the release.",
        },
        {
            "id": "goodbye",
            "questions": Flow(["bye", "goodbye", "see you"]),
            "answer": "Goodbye! Come back with any question about the release.",
        },
    ]


def draft(
    release: Release,
    document: str,
    *,
    keep: Iterable[str] | None = None,
    taken_ids: Iterable[str] = (),
    taken_questions: Iterable[str] = (),
    neighbours: Sequence[tuple[str, int]] = (),
) -> Draft:
    """Draft entries for `release`.

    `keep`: draft only the facts inside these release sentences (for a merge).
    `taken_ids`, `taken_questions`: already used by a curated store.
    `neighbours`: (id, position in the flat text) of curated entries, for follow-ups.
    """
    parsed = parse_document(release.text)
    flat = parsed.flat
    published = release.published
    facts = release_facts(release, flat, published)
    merging = keep is not None
    sentences = list(keep) if keep is not None else []
    wanted = {
        i
        for i, f in enumerate(facts)
        if f.parent is None
        and (not merging or any(f.source in s or s in f.source for s in sentences))
    }
    ids = set(taken_ids) | {item["id"] for item in _smalltalk(())}  # small talk ids are taken
    seen = {normalise(q) for q in taken_questions}
    entries: list[dict[str, Any]] = []
    placed: list[tuple[str, int, str | None]] = []  # id, position, parent id
    id_of: dict[int, str] = {}

    # The lead says what the headline says, with the details: it gets first pick of
    # the questions both would answer; the headline keeps only what is left.
    def rank(i: int) -> int:
        fact = facts[i]
        return {"lead": 0, "title": 3}.get(fact.role, 1 if fact.parent is not None else 2)

    order = sorted(range(len(facts)), key=rank)
    lead = next((f for f in facts if f.role == "lead"), None)
    lead_roots = _roots(lead.source) if lead else frozenset()
    chosen: dict[int, list[str]] = {}
    for index in order:
        fact = facts[index]
        if index not in wanted and fact.parent not in wanted:
            continue
        extras = {"title": _TITLE_QUESTIONS, "lead": _LEAD_QUESTIONS}.get(fact.role, [])
        own = fact.questions
        if fact.role == "title":
            own = [q for q in own if not _roots(q) <= lead_roots]
        items = [_roots(f.source) for f in facts if f.parent == index]
        if items:  # a list sentence keeps the questions about the list, not about one item
            own = [q for q in own if not any(_roots(q) <= item for item in items)]
        questions: list[str] = []
        for question in [*own, *extras]:
            key = normalise(question)
            if key and key not in seen:
                seen.add(key)
                questions.append(question)
        if questions:
            chosen[index] = questions
    for index, fact in enumerate(facts):
        questions = chosen.get(index, [])
        answer = _grounded(fact.answer, fact.source, flat, published)
        if not questions or answer is None:
            continue
        fact.id = _slug(fact.source, ids)
        id_of[index] = fact.id
        entries.append(
            {
                "id": fact.id,
                "topic": fact.topic,
                "questions": questions,
                "answer": answer,
                "source": fact.source,
                "follow_ups": Flow(),
                "draft": True,
            }
        )
        parent_id = id_of.get(fact.parent) if fact.parent is not None else None
        placed.append((fact.id, fact.position, parent_id))
    if published and not merging and facts:
        questions = [q for q in _DATE_QUESTIONS if normalise(q) not in seen]
        dated = next((f for f in facts if published in dates_in(f.source)), facts[0])
        said = f"The release is dated {published}."
        if ungrounded_claims(said, dated.source, flat, published):
            said = f"It is dated {published}."  # a release that never writes "the"
        if questions and not ungrounded_claims(said, dated.source, flat, published):
            entry_id = _slug("publication date", ids)
            entries.append(
                {
                    "id": entry_id,
                    "topic": dated.topic,
                    "questions": questions,
                    "answer": said,
                    "source": dated.source,
                    "follow_ups": Flow(),
                    "draft": True,
                }
            )
            placed.append((entry_id, dated.position, None))
    _link(entries, placed, neighbours)
    topics = list(dict.fromkeys(e["topic"] for e in entries))
    return Draft(
        document=document,
        title=release.title,
        published=published,
        synonyms=draft_synonyms(flat),
        entries=entries,
        smalltalk=[] if merging else _smalltalk(topics),
    )


def _grounded(answer: str, source: str, flat: str, published: str | None) -> str | None:
    """`answer` if `check` will accept it, else the source as an answer, else None."""
    for candidate in (answer, standalone_answer(source), source):
        if not ungrounded_claims(candidate, source, flat, published):
            return candidate
    return None


def _roots(text: str) -> frozenset[str]:
    """The content words of `text`, as roots ("approved" and "approves" alike)."""
    return frozenset(root(stem(w)) for w in normalise(text).split() if w not in STOPWORDS)


def _link(
    entries: list[dict[str, Any]],
    placed: Sequence[tuple[str, int, str | None]],
    neighbours: Sequence[tuple[str, int]],
) -> None:
    """Follow-ups: an item's whole sentence, then the entries just before and after it."""
    order = sorted([(p, i) for i, p, _ in placed] + [(p, i) for i, p in neighbours])
    ids = [i for _, i in order]
    parents = {i: parent for i, _, parent in placed}
    for entry in entries:
        here = ids.index(entry["id"])
        chosen: list[str] = []
        parent = parents.get(entry["id"])
        if parent:
            chosen.append(parent)
        for step in (1, -1, 2, -2):
            other = here + step
            if 0 <= other < len(ids) and ids[other] != entry["id"]:
                chosen.append(ids[other])
        entry["follow_ups"] = Flow(list(dict.fromkeys(chosen))[:3])
