"""What the matcher says about a question: a `Match`, and the `Candidate`s behind it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.store import Entry, SmallTalk


class Kind(StrEnum):
    """The four kinds of verdict."""

    ANSWER = "answer"  # one entry, or a quoted sentence of the release
    CLARIFY = "clarify"  # up to three close candidates: "did you mean"
    FALLBACK = "fallback"  # not in the release
    SMALLTALK = "smalltalk"  # hello, thanks, who are you


class Form(StrEnum):
    """How a verdict is put, by the kind of question (see `bot.matching.kinds`)."""

    PLAIN = "plain"  # the entry's answer as it stands
    YES = "yes"  # a yes/no check the entry confirms: "Yes: <answer>"
    NO = "no"  # a yes/no check giving a stated attribute another value: "No: <answer>"
    UNSTATED = "unstated"  # asks what the release does not state; `suggestions` are offered
    PARTS = "parts"  # two questions in one: `parts` holds one answer each
    ARITHMETIC = "arithmetic"  # stated counts combined or converted: `figures` and `result`


@dataclass(frozen=True)
class Figure:
    """A count an entry's answer states: "13 flights per week"."""

    intent: str  # the entry that states it ("": the question gives it)
    value: float  # a whole number as an int
    unit: str  # the words after the number in the answer: "flights per week"


@dataclass(frozen=True)
class Computed:
    """Two figures of the same unit combined, or one converted to another unit."""

    operation: str  # "difference", "sum" or "conversion"
    value: float  # a whole number as an int
    unit: str


@dataclass(frozen=True)
class Candidate:
    """An entry (or small-talk item) with its score in [0, 100] for one question."""

    intent: str
    question: str  # the entry's first phrasing, shown in "did you mean"
    score: float
    # True when the question says something this entry does not: words the
    # store never saw (a tenth of the question or more), a name or figure the
    # entry never mentions, a different kind of question. Such a match must
    # clear a higher bar to be answered (`Params.doubt_margin`).
    doubtful: bool = False
    # True when the entry cannot be the answer, only a "did you mean": the
    # question names something else in the place of what the entry states
    # (another name, a figure, the two countries the other way round), asks
    # "when" of an entry that states no date or year, or asks what a name is
    # of an entry with no phrasing about that name alone. See `checks`.
    swapped: bool = False
    # The names of the checks that found something about this entry (`checks.CHECKS`).
    checks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """The matcher's verdict on one question."""

    question: str  # the text that was read (the question sentence of a long message)
    kind: Kind
    score: float
    entry: Entry | None = None
    smalltalk: SmallTalk | None = None
    suggestions: tuple[Candidate, ...] = ()
    # A sentence of the release that answers a question no entry covers.
    passage: str | None = None
    # True when part of the message was not read: it was longer than the caps
    # (`Params.max_query_chars`, `max_query_words`, `max_input_chars`), and only
    # `question` was matched. A reply says so.
    cut: bool = False
    # The language the question was read in ("en", "ru", ...): the reply's language.
    # A code the store has no overlay for ("de") comes with a fallback.
    language: str = "en"
    # How the answer is put, and what a question kind adds to it (`bot.matching.kinds`).
    form: Form = Form.PLAIN
    parts: tuple[Match, ...] = ()  # Form.PARTS: one answered verdict per part, in order
    figures: tuple[Figure, ...] = ()  # Form.ARITHMETIC: the two stated counts
    result: Computed | None = None  # Form.ARITHMETIC: what they make

    @property
    def answered(self) -> bool:
        return self.kind is Kind.ANSWER

    @property
    def intent(self) -> str | None:
        if self.entry is not None:
            return self.entry.id
        if self.smalltalk is not None:
            return self.smalltalk.id
        return None
