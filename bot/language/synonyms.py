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
        endings: Iterable[str] = (),
        passes: int = 1,
    ) -> None:
        """`endings`: case endings a term may carry and still be that term (Kazakh
        "нұр-сұлтаннан" is "нұр-сұлтан" + "нан"); the ending goes with the rewrite.
        `passes`: 2 rewrites again what the first pass made, so that a variant
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
            ending = "|".join(re.escape(e) for e in sorted(endings, key=len, reverse=True))
            # Only a term long enough to be a word of its own takes an ending: "жас"
            # (age) + "ады" is "жасады" (did), another word.
            long = [a for a in alternatives if ending and len(a) >= _MIN_INFLECTED]
            short = [a for a in alternatives if a not in long]
            branches = [rf"(?:{_either(long)})(?:{ending}){{0,3}}"] if long else []
            branches += [_either(short)] if short else []
            self._pattern: re.Pattern[str] | None = re.compile(
                r"\b(?:" + "|".join(branches) + r")\b"
            )
        else:
            self._pattern = None

    def apply(self, normalised: str) -> str:
        if self._pattern is None:
            return normalised
        text = normalised
        for _ in range(self._passes):
            rewritten = self._pattern.sub(self._rewrite, text)
            if rewritten == text:
                break  # a pass that changed nothing leaves nothing for the next
            text = rewritten
        return text

    def _rewrite(self, match: re.Match[str]) -> str:
        """The canonical form of a variant found with or without an ending."""
        found = match.group(0)
        while found and found not in self._table:
            found = found[:-1]
        return self._table.get(found, match.group(0))


_MIN_INFLECTED = 5  # letters a term needs to take an ending


def _either(alternatives: list[str]) -> str:
    return "(?:" + "|".join(re.escape(a) for a in alternatives) + ")"
