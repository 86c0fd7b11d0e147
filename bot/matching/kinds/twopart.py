"""Two questions in one message: "Who did the ambassador meet and where were the
talks reported?". Each part is matched on its own; when both are answered, by
different entries, one reply holds both answers."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.language import QUESTION_WORDS, rows, words
from bot.language.analysis import analyser, asks_in_kazakh, kazakh_question_words
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
# Russian: a second question after a question mark and a conjunction ("? А из Астаны?"),
# or after a conjunction ("и", "а также") or a semicolon when a question word opens it,
# a preposition maybe first ("... и о чём договорились?").
_RU_JOINS = "|".join(
    r"\s+".join(row[0].split("_"))
    for row in sorted(rows("conjunctions_ru"), key=lambda r: -len(r[0]))
)
_RU_ASKING = "|".join(sorted(words("question_words_ru"), key=len, reverse=True))
_RU_BEFORE = "|".join(sorted(words("prepositions_ru")))
_SPLIT_RU = re.compile(
    rf"\?\s*(?:(?:{_RU_JOINS})\s+)?(?=\w)"
    rf"|(?:\s*[,;]?\s+(?:{_RU_JOINS})\s+|\s*;\s*)(?=(?:(?:{_RU_BEFORE})\s+)?(?:{_RU_ASKING})\b)",
    re.IGNORECASE,
)
_SPLITS = {"ru": _SPLIT_RU}
PRONOUNS = words("personal_pronouns")
# The checks that find an entry does not state what is asked (`kinds.unstated`).
_UNSTATED = frozenset({"unstated_attribute", "uncounted", "no_time", "no_future"})
MIN_PART_WORDS = 2  # "and how often?" is no question on its own


def parts(text: str, language: str = "en") -> list[str]:
    """`text` split into its questions (one item when it asks one), by the joins of
    `language` (English's for a language with none of its own)."""
    split = _SPLITS.get(language, _SPLIT)
    pieces = [p.strip(" ?,;") for part in _KOREAN_SPLIT.split(text) for p in split.split(part)]
    pieces = [p for p in pieces if p]
    return pieces if len(pieces) > 1 else _kazakh_parts(text) or pieces


# Kazakh joins two questions with "және" (and) or ", ал" (while) and puts its question
# words late ("Бұл хабар қашан жарияланды және оны кім таратты?"), so each half must
# hold one of them (data/to_english_kk.txt) wherever it stands; the second may be
# "... ше?" (and what about ...?), which asks the first question again of something else.
# Kazakh also runs two questions on with a comma or a question mark alone ("Бакадты кім
# салып жатыр, Doosan не салып жатыр", "... неше рейс бар? туризмге әсері қандай").
_WHAT_ABOUT = "ше"
_KAZAKH_JOIN = re.compile(r"\s*,?\s+(?:және|ал)\s+", re.IGNORECASE)
_KAZAKH_CLAUSES = re.compile(r"\s*(?:[?;,]|[.!](?=\s))\s*")


def _kazakh_parts(text: str) -> list[str]:
    """The two questions of a Kazakh message joined by "және" or "ал", or run on after a
    comma or a question mark, or []."""
    pieces = [p.strip(" ?,;") for p in _KAZAKH_JOIN.split(text)]
    fold = analyser("kk").terms
    if len(pieces) == 2:
        asking = kazakh_question_words()
        first, second = (set(fold(p).split()) for p in pieces)
        if first & asking and second & (asking | {_WHAT_ABOUT}):
            return pieces
    return _run_on_parts(text, fold)


def _run_on_parts(text: str, fold: Callable[[str], str]) -> list[str]:
    """The two questions of a Kazakh message whose clauses (between commas, question marks,
    full stops) ask two things: each clause that asks nothing ("сәлем", "білесіз бе")
    joins the question before it (or the first, after it)."""
    clauses = [c for c in _KAZAKH_CLAUSES.split(text) if c.strip()]
    if len(clauses) < 2:
        return []
    questions: list[list[str]] = []
    waiting: list[str] = []
    for clause in clauses:
        if asks_in_kazakh(clause, text) or (questions and _WHAT_ABOUT in fold(clause).split()):
            questions.append([*waiting, clause])
            waiting = []
        elif questions:
            questions[-1].append(clause)
        else:
            waiting.append(clause)
    if len(questions) != 2:
        return []
    return [" ".join(q).strip(" ?,;") for q in questions]


def two_part(
    asker: Asker, query: Query, ranked: tuple[Candidate, ...], match: Match, params: Params
) -> Match | None:
    """Both answers when the message asks two questions that each clear the answer bar
    (one answer when one entry answers both)."""
    pieces = parts(query.shown, asker.index.language.language)
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
    said = [t for t in index.tokens(second) if t not in index.language.dropped]
    if any(t not in QUESTION_WORDS and t not in index.all_names for t in said):
        return second
    borrowed = [
        w
        for w in first.split()
        if not set(index.tokens(w)) & (QUESTION_WORDS | index.all_names | set(said))
    ]
    return " ".join([second, *borrowed])
