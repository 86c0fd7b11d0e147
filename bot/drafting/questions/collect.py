"""Collecting question phrasings, and what the question writer knows about the release."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.drafting.grammar import is_grammatical
from bot.drafting.phrases import NAME_ROLE, ROLE_NAME, TITLE_NAME, TITLED, kinds_of
from bot.drafting.verbs import clean_word
from bot.drafting.vocabulary import DETERMINERS, PEOPLE, PREPOSITIONS, RELATIVE, everyday_word
from bot.language import (
    STOPWORDS,
    normalise,
    squash_whitespace,
    stem,
)

MAX_QUESTIONS = 16

_CLAUSE_WORDS = RELATIVE | {"and", "or", "but"}


class QuestionList:
    """Collects question phrasings: tidied, in order, without repeats."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._seen: set[str] = set()

    def add(self, text: str, *, question: bool = True) -> None:
        text = squash_whitespace(re.sub(r"\s+([,?])", r"\1", text)).strip(" ,;:")
        # A question loses its stop; a name keeps its own ("U.S.").
        text = re.sub(r"[.!?]+$" if question else r"[!?]+$", "", text).strip(" ,;:")
        if not text or len(text) > 160:
            return
        text = text[0].upper() + text[1:] if question else text
        if question:
            text += "?"
            if not is_grammatical(text):
                return  # the grammar check of `check` would report it
        key = normalise(text)
        if key and key not in self._seen and any(w not in STOPWORDS for w in key.split()):
            self._seen.add(key)
            self.items.append(text)


@dataclass(frozen=True)
class Known:
    """What a question writer knows about the whole release."""

    lower_words: frozenset[str]  # words the release writes in lower case
    # Who holds a role: "speaker" -> "Woo Won-shik", from "Speaker Woo Won-shik" or
    # "the Speaker ..., Woo Won-shik": a later "the Speaker" is asked about by name too.
    people: tuple[tuple[str, str], ...] = ()
    # Words the release capitalises mid-sentence ("Apple" in "shares of Apple"): names,
    # even when they are everyday words too.
    names: frozenset[str] = frozenset()
    # What the release calls its names later: ("app", "Parley") for "Parley, an app ...".
    aliases: tuple[tuple[str, str], ...] = ()
    main: str = ""  # the name it mentions most: what its list of features is about
    # Its names in full ("Vardenholm Regional Development Board"): what "board" stands for.
    entities: tuple[str, ...] = ()
    place: str = ""  # the place of its dateline, in title case: "Marlow Heights"


def role_holders(flat: str) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}
    for pattern in (ROLE_NAME, TITLE_NAME, NAME_ROLE):
        for match in pattern.finditer(flat):
            role = re.sub(r"^(?:[Tt]he|[Dd]eputy|[Vv]ice|[Aa]cting)\s+", "", match.group("role"))
            head = role.split()[0].lower() if role.split() else ""
            if head and head not in found and head not in STOPWORDS:
                found[head] = match.group("name")
    return tuple(found.items())


def who_or_what(subject: str, known: Known) -> str:
    """ "Who" for people and organisations, "What" for things (a name with a digit is a product)."""
    words = subject.split()
    if not words:
        return "What"
    # The head of "the Speaker of the Korean Parliament" is "Speaker".
    head = clean_word(subject.split(" of ", maxsplit=1)[0].rsplit(maxsplit=1)[-1])
    if head in PEOPLE or clean_word(words[-1]) in PEOPLE:
        return "Who"
    if kinds_of(subject) or TITLED.search(subject):
        return "Who"
    bare = re.sub(r"^the\s+", "", subject, flags=re.IGNORECASE)
    if any(
        name.removeprefix("the ") == bare and noun not in PEOPLE for noun, name in known.aliases
    ):
        return "What"  # "Parley, an app ...": a thing, though it is a name
    if _common_head(subject, known):
        return "What"
    first = words[0]
    lowered = first.lower()
    named = first[:1].isupper() and lowered not in known.lower_words | DETERMINERS
    named = named and stem(lowered) not in known.lower_words
    return "Who" if named and not re.search(r"\d", subject) else "What"


def noun_phrase(subject: str) -> str:
    """The noun phrase a subject opens with: up to a preposition, comma, participle or clause."""
    kept: list[str] = []
    tokens = subject.split()
    for index, word in enumerate(tokens):
        bare = clean_word(word)
        after = clean_word(tokens[index + 1]) if index + 1 < len(tokens) else ""
        acting = bare.endswith("ing") and len(bare) > 5 and after not in RELATIVE
        acting = acting and (after in DETERMINERS or after[:1].isdigit())
        if kept and (bare in PREPOSITIONS or bare in _CLAUSE_WORDS or acting):
            break
        kept.append(word.strip(",;:"))
        if word.endswith((",", ";", ":")):
            break
    return " ".join(kept)


def _common_head(subject: str, known: Known) -> bool:
    """A subject about a thing: a lower-case head ("Ticket machines"), or one common word."""
    phrase = noun_phrase(subject).split()
    if not phrase:
        return False
    head = phrase[-1]
    bare = clean_word(head)
    if bare in PEOPLE or bare in DETERMINERS:
        return False
    if head[:1].islower():
        return True
    lowered = head.lower()
    sentence_word = len(phrase) == 1  # capitalised only because a sentence starts with it
    common = lowered in known.lower_words or stem(lowered) in known.lower_words
    common = common or lowered in PREPOSITIONS
    common = common or (everyday_word(lowered) and lowered not in known.names)
    return sentence_word and common
