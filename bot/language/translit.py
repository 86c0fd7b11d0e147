"""Russian and Kazakh typed in Latin letters, read back into Cyrillic.

People without a Cyrillic keyboard write "skolko reisov almaty seul" or "Almaty
Seul reisteri aptasyna qansha". `to_cyrillic` spells such a word in Cyrillic by
the usual keyboard habits (``data/latin_to_cyrillic.txt``: "sh" is ш, "ya" is я,
"q" is к), so the Russian and Kazakh stores can read it. A "y" or "i" after a
vowel is й ("reisov" -> "рейсов", "kakoy" -> "какой").
"""

from __future__ import annotations

import functools

from bot.language.lexicon import rows

_VOWELS = frozenset("aeiouy")


@functools.cache
def _spellings() -> tuple[tuple[str, str], ...]:
    """(Latin, Cyrillic) pairs, the longest Latin spelling first."""
    pairs = [(latin, cyrillic) for latin, cyrillic in rows("latin_to_cyrillic")]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def to_cyrillic(word: str) -> str:
    """A lower-case Latin word spelt in Cyrillic; other characters are kept."""
    out: list[str] = []
    at = 0
    while at < len(word):
        if (
            word[at] in "iy"
            and at
            and word[at - 1] in _VOWELS
            and word[at + 1 : at + 2] not in _VOWELS
        ):
            out.append("й")
            at += 1
            continue
        for latin, cyrillic in _spellings():
            if word.startswith(latin, at):
                out.append(cyrillic)
                at += len(latin)
                break
        else:
            out.append(word[at])
            at += 1
    return "".join(out)
