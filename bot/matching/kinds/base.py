"""What a question-kind stage may ask of the matcher: read and judge another question."""

from __future__ import annotations

from typing import Protocol

from bot.matching.index import StoreIndex
from bot.matching.params import Params
from bot.matching.verdict import Candidate, Match


class Asker(Protocol):
    """The matcher, as the stages see it (`bot.matching.pipeline.Matcher`)."""

    index: StoreIndex

    def plain_verdict(self, question: str, params: Params) -> Match:
        """The verdict on `question` with no question-kind stage applied."""
        ...

    def candidates(self, question: str) -> list[Candidate]:
        """Every item that resembles `question`, best first, with final scores."""
        ...
