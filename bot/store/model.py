"""The store as the rest of the bot sees it: frozen objects, validated when loaded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.store.document import Document


@dataclass(frozen=True)
class Settings:
    """Matcher thresholds. Scores are on a 0-100 scale (see `bot.matching.params`)."""

    answer_threshold: float = 78.0
    clarify_threshold: float = 62.0
    margin: float = 4.0
    max_query_chars: int = 300
    # A store in another language: a "did you mean" whose first entry scores this or
    # more, with nothing doubtful, is answered when the question's English gloss is
    # answered with that entry too (`bot.matching.gloss`). 100: never.
    gloss_agreement: float = 100.0


@dataclass(frozen=True)
class Entry:
    """One fact of the release with the ways people ask about it."""

    id: str
    topic: str
    questions: tuple[str, ...]
    answer: str
    source: str
    follow_ups: tuple[str, ...] = ()
    draft: bool = False
    line: int = 0


@dataclass(frozen=True)
class SmallTalk:
    """A greeting, a thank-you, a question about the bot itself."""

    id: str
    questions: tuple[str, ...]
    answer: str
    line: int = 0


@dataclass(frozen=True)
class Translation:
    """One entry (or small-talk item) in the overlay's language."""

    id: str
    questions: tuple[str, ...]
    answer: str
    line: int = 0


@dataclass(frozen=True)
class Overlay:
    """A validated overlay of one language."""

    language: str
    path: Path
    names: Mapping[str, tuple[str, ...]]
    synonyms: Mapping[str, tuple[str, ...]]
    topics: Mapping[str, str]
    strings: Mapping[str, str]
    entries: Mapping[str, Translation]
    smalltalk: Mapping[str, Translation] = field(default_factory=dict)
    settings: Settings | None = None  # this language's thresholds, if they differ

    def untranslated(self, store: Store) -> list[str]:
        """Ids of the store's entries this overlay has no translation for."""
        return [e.id for e in store.entries if e.id not in self.entries]


@dataclass(frozen=True)
class Store:
    """A validated store and the document it is built from."""

    path: Path
    title: str
    published: str | None
    document_path: Path
    document: Document
    settings: Settings
    synonyms: Mapping[str, tuple[str, ...]]
    entries: tuple[Entry, ...]
    smalltalk: tuple[SmallTalk, ...] = ()
    overlays: Mapping[str, Overlay] = field(default_factory=dict)
    """Translations beside the store (``release.ru.yaml``), by language code."""
    language: str = "en"
    """The language of `entries` and `smalltalk`: "en", or that of a translated view."""
    _by_id: Mapping[str, Entry] = field(default_factory=dict, repr=False, compare=False)

    def entry(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    @property
    def topics(self) -> tuple[str, ...]:
        """Topics in the order they first appear in the store."""
        return tuple(dict.fromkeys(e.topic for e in self.entries))

    def entries_for(self, topic: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.topic == topic)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a store, located precisely enough to fix it."""

    file: str
    line: int
    entry_id: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        who = f" [{self.entry_id}]" if self.entry_id else ""
        return f"{where}:{who} {self.message}"


class StoreError(Exception):
    """A store that cannot be used. `problems` lists every reason, one per line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid store"
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(first + more)


@dataclass(frozen=True)
class CheckReport:
    """What `check_store` found: the problems, and the release sentences no entry cites."""

    problems: list[Problem]
    uncited: list[str]
    store: Store | None
