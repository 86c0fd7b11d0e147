"""Korean written without its spaces: "한국국회의장이름" is "한국 국회의장 이름".

Korean questions typed in a hurry often drop the spaces between words, and a run of
words read as one word matches nothing (its first two syllables stand for it,
`analysis.stem_korean`). A word neither the store nor the glossary knows is split
into the fewest words both know, when such words make up the whole of it; a
typo, which no such split covers, is left to the typo corrector.
"""

from __future__ import annotations

from collections.abc import Container

from bot.language.korean import is_hangul

# Splitting costs a little per word; a message's words are few, but a word is bounded.
_LONGEST = 24


def split_run(
    word: str, known: Container[str], also: Container[str] = (), tails: Container[str] = ()
) -> list[str]:
    """`word` as the fewest words of `known` (or `also`) that make it up, or `[word]`
    when it is one of them already, is not all Hangul, or no such words cover it.

    Of two splits with as many words, the one with fewer one-syllable words wins
    ("알마티 서울", not "알마 티서울" had both been words). A last word of one syllable
    must be one of `tails` (filler: "주몇회" ends in 회): else it is more likely an ending
    the fold did not know ("좋아졌대" is not "좋아졌" and "대")."""
    if (
        len(word) < 2
        or len(word) > _LONGEST
        or word in known
        or word in also
        or not all(is_hangul(ch) for ch in word)
    ):
        return [word]
    # best[i]: (words, one-syllable words, the start of the last word) for word[:i].
    best: list[tuple[int, int, int] | None] = [None] * (len(word) + 1)
    best[0] = (0, 0, 0)
    for end in range(1, len(word) + 1):
        for start in range(end):
            before = best[start]
            piece = word[start:end]
            if before is None or not (piece in known or piece in also):
                continue
            cost = (before[0] + 1, before[1] + (len(piece) == 1), start)
            current = best[end]
            if current is None or cost[:2] < current[:2]:
                best[end] = cost
    found = best[len(word)]
    if found is None or found[0] < 2:
        return [word]
    if found[2] == len(word) - 1 and word[-1] not in tails:
        return [word]
    pieces = []
    end = len(word)
    while end > 0:
        step = best[end]
        assert step is not None
        pieces.append(word[step[2] : end])
        end = step[2]
    return pieces[::-1]
