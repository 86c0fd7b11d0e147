"""Rewriting the variants of a term to one canonical form."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from bot.language.normalise import normalise


class SynonymTable:
    """Rewrites every known variant of a term to its canonical form.

    Variants are matched on whole words of normalised text, longest first, so
    "republic of korea" wins over "korea".
    """

    def __init__(self, synonyms: Mapping[str, Iterable[str]]) -> None:
        table: dict[str, str] = {}
        for canonical, variants in synonyms.items():
            target = normalise(canonical)
            for variant in (canonical, *variants):
                key = normalise(variant)
                if key:
                    # The canonical form maps to itself, so that "woo won shik"
                    # is consumed whole rather than its variant "woo" expanded.
                    table[key] = target
            table[target] = target
        self._table = table
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
        return self._pattern.sub(lambda m: self._table[m.group(0)], normalised)
