"""What a question-kind stage may ask of the matcher: read and judge another question."""

from __future__ import annotations

from typing import Protocol

from bot.matching.index import StoreIndex
from bot.matching.params import Params
from bot.matching.query import Query
from bot.matching.verdict import Candidate, Computed, Figure, Form, Kind, Match
from bot.store import Entry


class Asker(Protocol):
    """The matcher, as the stages see it (`bot.matching.pipeline.Matcher`)."""

    index: StoreIndex

    def plain_verdict(self, question: str, params: Params) -> Match:
        """The verdict on `question` with no question-kind stage applied."""
        ...

    def candidates(self, question: str) -> list[Candidate]:
        """Every item that resembles `question`, best first, with final scores."""
        ...


def computed(
    query: Query,
    match: Match,
    params: Params,
    entry: Entry | None,
    *,
    figures: tuple[Figure, ...],
    result: Computed,
) -> Match:
    """An answer worked out from stated figures (a sum, a span, a conversion): sure as
    the figures are, so it clears the answer bar whatever the plain verdict's score."""
    return Match(
        query.shown,
        Kind.ANSWER,
        max(match.score, params.answer_threshold),
        entry=entry,
        form=Form.ARITHMETIC,
        figures=figures,
        result=result,
    )
