"""Phrases inside a sentence: names, roles, places, quotes, acronyms, clause boundaries."""

from __future__ import annotations

import re

from bot.drafting.dates import MONTH, WEEKDAY
from bot.drafting.verbs import clean_word
from bot.drafting.vocabulary import CONNECTORS, DANGLING, OPENERS, ORG_KINDS, PREPOSITIONS
from bot.language import (
    STOPWORDS,
    squash_whitespace,
    stem,
)
from bot.language.lexicon import rows

_BOUNDARY = re.compile(
    r",\s(?![A-Z][\w’'-]*(?:,|\s+(?:and|or)\s))"  # a comma, unless it lists names
    r"|;\s|\s[–—-]\s|\s\(|:\s|\s(?:but|which|while|as well as)\s"
    r"|(?<![A-Z][\w’'-])\s+and\s(?![A-Z])"  # "and" between two names joins them
)


def shorten(text: str, words: int = 12) -> str:
    """Text up to its first clause boundary, at most `words` words, ending on a phrase."""
    padded = " " + text.strip()
    if padded.startswith((" and ", " but ", " or ", " which ", " while ", " as well as ")):
        return ""
    cut = _BOUNDARY.search(padded)
    tokens = (padded[: cut.start()] if cut else padded).split()
    if len(tokens) > words:
        ends = [i for i in range(2, words + 1) if clean_word(tokens[i]) in PREPOSITIONS]
        tokens = tokens[: ends[-1]] if ends else tokens[:words]
    while tokens and clean_word(tokens[-1]) in DANGLING:
        tokens.pop()
    return " ".join(tokens).strip(' ,;:()"“”')


def cut_out(text: str, start: int, end: int) -> str:
    """`text` with [start, end) removed, and a preposition left dangling before it."""
    head = re.sub(
        r"(?:\b(?:a|an|the|in|on|at|by|from|since|until|before|after|during|for|of|with|to|up to|"
        r"about|around|over|under|more than|less than|some|every|within|later in)\s*)+$",
        "",
        text[:start],
    )
    return squash_whitespace(f"{head} {text[end:]}")


PLACE = re.compile(
    r"\b(?P<prep>in|at|near|across|throughout|outside)\s+(?:the\s+)?(?P<place>"
    r"[A-Z][\w’'-]*(?:\s+(?:of\s+|and\s+|de\s+)?[A-Z][\w’'-]*)*"
    r"(?:(?:,\s+|,?\s+and\s+)[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)*)"
)


# Longest first, so that "Deputy Mayor" wins over "Mayor".
_ROLE_WORDS = "|".join(
    sorted((" ".join(row) for row in rows("role_titles")), key=len, reverse=True)
)


TITLE_NAME = re.compile(
    rf"\b(?P<role>(?:(?:Deputy|Vice|Acting|Former)\s+)?(?:{_ROLE_WORDS})"
    r"(?:\s+(?:for|of)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*?)?)\s+"
    r"(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\b"
)


_NAME = (
    r"(?:(?:Dr|Prof|Mr|Mrs|Ms)\.\s+)?(?:[A-Z]\.\s+)*[A-Z][a-z’'-]+"
    r"(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){1,3}"
)

NAME = _NAME  # a person's name: "Dr. A. Smith", "Rafael Dunstan-Iwu"


NAME_ROLE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?:the\s+)?(?P<role>[a-z][a-z -]+?(?:\s+(?:of|at)\s+(?:the\s+)?"
    r"[A-Z][\w’'-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w’'-]*)*)?)(?=[,.;]|$)"
)


ROLE_NAME = re.compile(
    rf"(?:[Tt]he\s+)?(?P<role>(?:{_ROLE_WORDS})(?:\s+(?:of|for|to|the|[A-Z][\w’'-]*))*)"
    rf",\s+(?P<name>{_NAME})"
)


TITLED = re.compile(r"\b(?:Dr|Prof|Mr|Mrs|Ms)\.\s+(?:[A-Z]\.\s+)*[A-Z][a-z’'-]+")


SAID_AFTER = re.compile(
    r"^[\"“‘](?P<quote>.+?)[,.!?]?[\"”’],?\s+(?:said|says|added|noted|explained|stated)\s+"
    r"(?P<speaker>(?:[^.]|\.(?=\s+[A-Z]))+?)\.?$"
)


_SAYS = r"(?:said|says|added|noted|explained|stated)"
# Where or when it was said: "said at the opening ceremony".
_SAID_WHERE = r"(?:\s+(?:at|during|in|on|after|before)\s+[^\"“:,]{2,60}?)?"


SAID_BEFORE = re.compile(
    rf"^(?P<speaker>[A-Z][^\"“]{{2,120}}?)\s+{_SAYS}{_SAID_WHERE}[:,]?\s+"
    r"[\"“‘](?P<quote>.+)$"
)


SAID_NAME_FIRST = re.compile(
    r"^[\"“‘](?P<quote>.+?)[,.!?]?[\"”’],?\s+(?P<speaker>[A-Z][^\"“,]{2,80}?)\s+"
    rf"{_SAYS}{_SAID_WHERE}\.?$"
)


def said(sentence: str) -> re.Match[str] | None:
    """A quote and its speaker: '"...," said X', 'X said: "..."', '"...," X said at ...'."""
    return (
        SAID_AFTER.match(sentence) or SAID_BEFORE.match(sentence) or SAID_NAME_FIRST.match(sentence)
    )


AGENT = re.compile(
    r"(?P<noun>(?:[Tt]he|[Aa]n?)\s+[\w-]+(?:\s+(?!(?:is|are|was|were|be|been)\b)[\w-]+)?),?\s+"
    r"(?P<verb>led|headed|chaired|founded"
    r"|developed|built|designed|funded|supported|run|organised|organized|operated|owned|made"
    r"|produced|created|written|commissioned|conducted)\s+by\s+(?P<agent>[^,;]+)"
)


STUDY_BY = re.compile(
    r"\b(?P<noun>study|survey|report|analysis|research|review|poll)\s+by\s+(?P<agent>[^,;.]+)"
)


CONTACT = re.compile(
    r"^(?P<role>(?:[Mm]edia|[Pp]ress|[Ii]nvestor)?\s*[Cc]ontacts?|[Ff]or (?:more )?information)"
    r"\s*:\s*(?P<name>[^,;]+)"
)


ACRONYM = re.compile(r"\((?P<short>[A-Z][A-Za-z&]*[A-Z][A-Za-z&]*|[A-Z]{2,})\)")


ACRONYM_BEFORE = re.compile(r"\b(?P<short>[A-Z]{2,}[a-z]?)\s+\((?P<long>[A-Z][^()]{4,80})\)")


_TITLE_ABBREVIATIONS = re.compile(r"(?:Dr|Prof|Mr|Mrs|Ms|St|Gen|Sen|Rep)\.|(?:[A-Z]\.)+")


def find_entities(text: str, lower_words: frozenset[str]) -> list[str]:
    """Names in `text`: runs of capitalised words ("Big Almaty Ring Road"), and their parts.

    "Kia and Hyundai" gives "Kia and Hyundai", "Kia" and "Hyundai". A capitalised
    word that opens the sentence counts only if the release never writes it in
    lower case ("The", "During" and "Glaciers" do not).
    """
    names: list[str] = []
    for run_text in _capitalised_runs(text, lower_words):
        entity = re.sub(r"^(?:the|The|and)\s+", "", run_text)
        parts = [entity]
        if " and " in entity:
            parts += re.split(r"\s+and\s+(?:the\s+)?", entity)
        for part in parts:
            if part and part.lower() not in STOPWORDS and len(part) > 1 and part[0].isupper():
                names.append(part)
    return list(dict.fromkeys(names))


class _Runs:
    """Runs of capitalised words, with connectors ("of", "and") inside a run kept."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self.run: list[str] = []

    def close(self) -> None:
        while self.run and self.run[-1].lower() in CONNECTORS:
            self.run.pop()
        if self.run:
            self.found.append(" ".join(self.run))
        self.run.clear()

    def add(self, token: str, *, capital: bool, ends: bool) -> None:
        if capital:
            self.run.append(token)
        elif self.run and token.lower() in CONNECTORS and not ends:
            self.run.append(token.lower())
        else:
            self.close()


def _capitalised_runs(text: str, lower_words: frozenset[str]) -> list[str]:
    runs = _Runs()
    for index, raw in enumerate(text.split()):
        if raw[:1] in '("“‘[':
            runs.close()
        token = _name_token(raw)
        ends = raw[-1:] in ',;:()"“”!?]' or (
            raw.endswith(".") and not _TITLE_ABBREVIATIONS.fullmatch(raw.strip('("“'))
        )
        capital = bool(token) and (token[0].isupper() or (token[0].isdigit() and bool(runs.run)))
        if index == 0 and capital:
            capital = not _ordinary_word(token, lower_words)
        runs.add(token, capital=capital, ends=ends)
        if ends or raw[:1] in '("“':
            runs.close()
    runs.close()
    return runs.found


def _name_token(raw: str) -> str:
    """A word without punctuation and possessive: "Korea's," -> "Korea" ("Dr." stays)."""
    token = raw.strip(',;:()[]"“”‘’!?')
    if not _TITLE_ABBREVIATIONS.fullmatch(token):
        token = re.sub(r"(?:[’']s|\.)$", "", token).strip(',;:()[]"“”‘’!?')
    return token


def _ordinary_word(token: str, lower_words: frozenset[str]) -> bool:
    """A capitalised first word the release also writes in lower case: no name."""
    lowered = token.lower()
    ordinary = lowered in lower_words or stem(lowered) in lower_words
    return ordinary or lowered in STOPWORDS or lowered in OPENERS


def kinds_of(entity: str) -> list[str]:
    """What kinds of organisation a name is: "Fenwick University" -> ["university"]."""
    kinds = [ORG_KINDS[w] for w in re.findall(r"[a-z]+", entity.lower()) if w in ORG_KINDS]
    return list(dict.fromkeys(kinds))


BYLINE = re.compile(r"^(?:Published|Posted|Updated|Issued|By)\b[^.!?]*$")


NOT_TOPICS = re.compile(
    rf"^(?:{WEEKDAY}|{MONTH}|today|yesterday|tomorrow|years?|weeks?|months?|days?|hours?"
    r"|minutes?|seconds?|times?|percent|hectares?|tonnes?|kilometres?|metres?|million|billion)$",
    re.IGNORECASE,
)
