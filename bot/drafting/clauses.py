"""Splitting a sentence into clauses, each with its subject, verb group and the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.drafting.dates import WHEN
from bot.drafting.verbs import Verb, base_form, clean_word, find_verb, is_participle
from bot.drafting.vocabulary import (
    DETERMINERS,
    OPENERS,
    PREPOSITIONS,
    REPORTING,
    VERBS,
    everyday_word,
)
from bot.language import (
    stem,
)


@dataclass(frozen=True)
class Clause:
    subject: str
    verb: Verb
    rest: str  # the words after the verb group
    dated: bool = False  # a time was said before the verb ("on Tuesday approved")


_TRAILING_TIME = re.compile(
    r"\s+(?P<when>today|yesterday|now|also|on (?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)|in \d{4}|last (?:week|month|year))$"
)


_CLAUSE_SPLIT = re.compile(
    r";\s+|:\s+|,\s+(?=(?:and|but|while|whereas)\s)|\s+(?=and\s+(?:\w+ly\s+)?"
    r"(?:has|have|had|is|are|was|were|will|can|could|would|should|may|might|must|\w+ed)\b)"
)
_DATED_SUBORDINATE = re.compile(r"\b(?:since|after|before|when|until|as)\s+(?P<sub>[a-z][^,;]*)")


def split_clauses(text: str) -> tuple[list[Clause], str]:
    """The clauses of a sentence and its leading adverbial ("During the talks, ...")."""
    core, opener = _strip_openers(text.strip().rstrip('.!?"”’)'))
    clauses: list[Clause] = []
    subject = ""
    # (text, whole): a whole clause has a subject of its own; a part of a sentence may
    # continue the previous one's ("... and has sold more than 3,000 drones").
    parts = [piece for part in _CLAUSE_SPLIT.split(core) for piece in _and_verb(part)]
    pending = [(part, False) for part in parts]
    while pending:
        part, whole = pending.pop(0)
        words = _clause_words(part, after_first=bool(clauses))
        verb = find_verb(words, vp=not whole)
        if verb is not None and verb.index == 0 and not subject:
            # "Trains will run ...": a plural noun that is a verb too opens the sentence.
            verb = find_verb(words)
        if verb is None:
            continue
        own, dated = _own_subject(words, verb)
        if verb.index == 0 and subject:
            own = subject
        elif not own or len(own.split()) > 14:
            continue
        rest = " ".join(words[verb.index + len(verb.words) :])
        if base_form(verb.words[-1]) in REPORTING and rest.startswith("that "):
            pending.insert(0, (rest[5:], True))  # "They show that the glacier retreated ..."
            if own.lower() == "it":
                continue  # "It was noted that ...": only what was noted says anything
        clauses.append(Clause(own, verb, rest, dated))
        subject = own
        pending.extend((sub, True) for sub in _dated_subordinates(rest))
    return clauses, opener.strip()


def _and_verb(part: str) -> list[str]:
    """ "The phone costs $799 and goes on sale on May 3": split before "and" and a verb.

    Only a present-tense verb ("and goes", "and costs") followed by a preposition,
    a determiner, "it", "them" or a figure: a second predicate of the same subject.
    """
    words = part.split()
    for index in range(1, len(words) - 2):
        if words[index] != "and" or words[index - 1].endswith(","):
            continue
        verb, after = clean_word(words[index + 1]), clean_word(words[index + 2])
        present = verb.endswith("s") and not verb.endswith("ss") and base_form(verb) in VERBS
        opens = after in PREPOSITIONS or after in DETERMINERS or after in ("it", "them")
        opens = opens or after[:1].isdigit() or after[:1] in "$€£¥₸"
        if present and opens:
            return [" ".join(words[:index]), " ".join(words[index:])]
    return [part]


def _strip_openers(core: str) -> tuple[str, str]:
    """Up to two leading adverbials ending in a comma, split off: (the rest, the openers)."""
    opener = ""
    for _ in range(2):
        words = core.split()
        # "During the talks, ..."; "Founded in 1911, the department ...": a participle too.
        participle = bool(words) and is_participle(clean_word(words[0])) and words[0][:1].isupper()
        if words and (clean_word(words[0]) in OPENERS or participle):
            comma = next((i for i, w in enumerate(words[:12]) if w.endswith(",")), None)
            if comma is not None and comma < len(words) - 2:
                opener += " " + " ".join(words[: comma + 1])
                core = " ".join(words[comma + 1 :])
    return core, opener


def _clause_words(part: str, *, after_first: bool) -> list[str]:
    """The words of a clause without its conjunction, a leading adverb or an opener."""
    words = part.split()
    if words and words[0].lower() in ("and", "but", "while", "whereas"):
        words = words[1:]
    while len(words) > 2 and words[0].endswith("ly") and words[0].islower():
        words = words[1:]  # "and highly appreciated": the adverb is no subject
    if words and clean_word(words[0]) in OPENERS and after_first:
        comma = next((i for i, w in enumerate(words[:12]) if w.endswith(",")), None)
        if comma is not None and comma < len(words) - 2:
            words = words[comma + 1 :]
    return words


def _own_subject(words: list[str], verb: Verb) -> tuple[str, bool]:
    """The words before the verb, without an aside or a trailing time; and whether it was dated."""
    own = " ".join(words[: verb.index]).rstrip(",")
    own = re.sub(r",\s+\w+ed\s+[^,]+,?$|,\s+(?:led|held|built|run|made)\s+[^,]+,?$", "", own)
    own = re.sub(r"^(?:that|which|who)\s+", "", own)
    trailing = _TRAILING_TIME.search(own)
    if not trailing:
        return own, False
    return own[: trailing.start()], bool(WHEN.search(trailing.group("when")))


def _dated_subordinates(rest: str) -> list[str]:
    """Subordinate clauses with a time of their own ("since records began in 1900")."""
    return [
        sub.group("sub")
        for sub in _DATED_SUBORDINATE.finditer(rest)
        if WHEN.search(sub.group("sub"))
        and not re.match(r"(?:it|they|he|she|we)\b", sub.group("sub"))
    ]


def subject_case(
    subject: str, lower_words: frozenset[str], names: frozenset[str] | None = None
) -> str:
    """A sentence-initial subject as it reads mid-question: "The council" -> "the council".

    With `names` (the words the release capitalises mid-sentence), an everyday word that
    is no name there is lowered too: "Construction began" -> "did construction begin".
    """
    first, _, others = subject.partition(" ")
    lowered = first.lower()
    everyday = names is not None and lowered not in names and everyday_word(lowered)
    if lowered in DETERMINERS or lowered in lower_words or stem(lowered) in lower_words or everyday:
        return f"{first.lower()} {others}".strip()
    return subject
