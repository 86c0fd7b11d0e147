"""Rewriting the variants of a term to one canonical form."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from bot.language.normalise import normalise


class SynonymTable:
    """Rewrites every known variant of a term to its canonical form.

    Variants are matched on whole words of folded text, longest first, so
    "republic of korea" wins over "korea". `fold` is the language's folding
    (`normalise` for English); the text given to `apply` must be folded alike.
    """

    def __init__(
        self,
        synonyms: Mapping[str, Iterable[str]],
        fold: Callable[[str], str] = normalise,
        passes: int = 1,
    ) -> None:
        """`passes`: 2 rewrites again what the first pass made, so that a variant
        written with canonical words ("head of korea parliament") also matches their
        variants ("head of Korean legislature")."""
        table: dict[str, str] = {}
        for canonical, variants in synonyms.items():
            target = fold(canonical)
            for variant in (canonical, *variants):
                key = fold(variant)
                if key:
                    # The canonical form maps to itself, so that "woo won shik"
                    # is consumed whole rather than its variant "woo" expanded.
                    table[key] = target
            table[target] = target
        self._table = table
        self._passes = passes
        if table:
            alternatives = sorted(table, key=len, reverse=True)
            self._pattern: re.Pattern[str] | None = re.compile(
                r"\b(?:" + "|".join(re.escape(a) for a in alternatives) + r")\b"
            )
        else:
            self._pattern = None

    def apply(self, normalised: str) -> str:
        if self._pattern is None:
            return normalised
        text = normalised
        for _ in range(self._passes):
            rewritten = self._pattern.sub(lambda m: self._table[m.group(0)], text)
            if rewritten == text:
                break  # a pass that changed nothing leaves nothing for the next
            text = rewritten
        return text
