"""Two questions in one message: "Who did the ambassador meet and where were the
talks reported?". Each part is matched on its own; when both are answered, by
different entries, one reply holds both answers."""

from __future__ import annotations

import functools
import re

from bot.language import QUESTION_WORDS, rows, words
from bot.language.analysis import analyser
from bot.matching.index import DROPPED
from bot.matching.kinds.base import Asker
from bot.matching.kinds.yesno import OPENERS
from bot.matching.params import Params
from bot.matching.query import Query
from bot.matching.verdict import Candidate, Form, Kind, Match

_OPENING = "|".join(sorted(QUESTION_WORDS | OPENERS | {"what", "whats"}))
_PREPOSITIONS = "|".join(sorted(words("prepositions")))
# A second question: after a question mark, or after "and" / "also" / a comma or
# semicolon, or a sign typed for "and" ("+", "&", "/"), when a question word or an
# auxiliary opens it, or a preposition and a question word ("and in which city ...").
_SPLIT = re.compile(
    rf"(?:\?\s*|\s*[,;]?\s+(?:and|also|plus)\s+|\s*;\s*|\s*[,;]?\s*[+&/]\s*(?:and\s+)?)"
    rf"(?=(?:(?:{_PREPOSITIONS})\s+(?:{'|'.join(sorted(QUESTION_WORDS))})|{_OPENING})\b)",
    re.IGNORECASE,
)
# Korean joins two questions with a clause ending in -고 and a comma: "대사는 누구이고, 면담은
# 어떻게 끝났나요?", "두산은 뭘 짓고 있고, SK에코플랜트는 ...".
_KOREAN_SPLIT = re.compile(r"(?<=[\uac00-\ud7a3]고)\s*,\s*")
PRONOUNS = words("personal_pronouns")
# The checks that find an entry does not state what is asked (`kinds.unstated`).
_UNSTATED = frozenset({"unstated_attribute", "uncounted", "no_time", "no_future"})
MIN_PART_WORDS = 2  # "and how often?" is no question on its own


def parts(text: str) -> list[str]:
    """`text` split into its questions (one item when it asks one)."""
    pieces = [p.strip(" ?,;") for part in _KOREAN_SPLIT.split(text) for p in _SPLIT.split(part)]
    pieces = [p for p in pieces if p]
    return pieces if len(pieces) > 1 else _kazakh_parts(text) or pieces


# Kazakh joins two questions with "және" (and) or ", ал" (while) and puts its question
# words late ("Бұл хабар қашан жарияланды және оны кім таратты?"), so each half must
# hold one of them (data/to_english_kk.txt) wherever it stands; the second may be
# "... ше?" (and what about ...?), which asks the first question again of something else.
_WHAT_ABOUT = "ше"
_KAZAKH_JOIN = re.compile(r"\s*,?\s+(?:және|ал)\s+", re.IGNORECASE)


@functools.cache
def _kazakh_asking() -> frozenset[str]:
    asking = QUESTION_WORDS | {"what", "which"}
    return frozenset(
        w for english, *forms in rows("to_english_kk") if english in asking for w in forms
    )


def _kazakh_parts(text: str) -> list[str]:
    """The two questions of a Kazakh message joined by "және" or "ал", or []."""
    pieces = [p.strip(" ?,;") for p in _KAZAKH_JOIN.split(text)]
    if len(pieces) != 2:
        return []
    fold = analyser("kk").terms
    first, second = (set(fold(p).split()) for p in pieces)
    if first & _kazakh_asking() and second & (_kazakh_asking() | {_WHAT_ABOUT}):
        return pieces
    return []


def two_part(
    asker: Asker, query: Query, ranked: tuple[Candidate, ...], match: Match, params: Params
) -> Match | None:
    """Both answers when the message asks two questions that each clear the answer bar
    (one answer when one entry answers both)."""
    pieces = parts(query.shown)
    if len(pieces) != 2 or any(len(p.split()) < MIN_PART_WORDS for p in pieces):
        return None
    pieces[1] = completed(pieces[1], pieces[0], asker)
    answers = [asker.plain_verdict(p, params) for p in pieces]
    entries = [a.entry for a in answers if a.kind is Kind.ANSWER and a.entry is not None]
    if len(entries) != 2 or not _answered_about(pieces, asker, params):
        return None
    score = min(a.score for a in answers)
    if entries[0].id == entries[1].id:
        # Both questions are answered by one entry ("how did the talk end, and what did
        # they agree on?"): that entry answers the message.
        return Match(query.shown, Kind.ANSWER, score, entry=entries[0])
    return Match(
        query.shown, Kind.ANSWER, score, entry=entries[0], form=Form.PARTS, parts=tuple(answers)
    )


def _answered_about(pieces: list[str], asker: Asker, params: Params) -> bool:
    """Whether a second part with a pronoun ("and how old is he?") may be answered: asked
    about what the first part names ("... the ambassador"), the best entry must not be
    one that does not state what is asked. Read alone, "how old is he" fits an entry on
    something else (how old the release is)."""
    second, index = pieces[1], asker.index
    if not PRONOUNS & set(second.lower().split()):
        return True
    named = [w for w in pieces[0].split() if set(index.tokens(w)) & index.all_names]
    if not named or set(index.tokens(second)) & index.all_names:
        return True
    about = asker.candidates(" ".join([second, *named]))
    return not (about and _UNSTATED & set(about[0].checks))


def completed(second: str, first: str, asker: Asker) -> str:
    """The second question with what it leaves out of the first: "how many between
    Almaty and Seoul" after "how many flights a week go between Astana and Seoul" asks
    about flights a week too. A part with a word of its own besides names and question
    words leaves nothing out."""
    index = asker.index
    said = [t for t in index.tokens(second) if t not in DROPPED]
    if any(t not in QUESTION_WORDS and t not in index.all_names for t in said):
        return second
    borrowed = [
        w
        for w in first.split()
        if not set(index.tokens(w)) & (QUESTION_WORDS | index.all_names | set(said))
    ]
    return " ".join([second, *borrowed])
