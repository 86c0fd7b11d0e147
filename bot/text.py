"""Plain-text helpers shared by the store, the matcher and the store builder.

Everything here is pure: strings in, strings out.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

# Characters that carry no meaning for matching: punctuation, symbols, emoji.
_NON_WORD = re.compile(r"[^\w\s]+", re.UNICODE)
_SPACES = re.compile(r"\s+")
_CONTROL = dict.fromkeys(c for c in range(0x20) if chr(c) not in "\t\n\r")

# Words that say nothing about *which* fact is asked for. Country codes such
# as "us" or "uk" are deliberately absent: they name places and must count.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren as at be been
    before being below between both but by can could did do does doing don down during
    each few for from further had has have having he her here hers herself him himself
    his how i if in into is isn it its itself just let me more most my myself no nor not
    now of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this
    those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves please tell know like
    want wondering wonder curious question questions hi hello hey thanks thank ok okay
    bot could would may might say said says give explain anyone anybody someone
    something thing things really actually exactly quick quickly mention mentioned
    mentions release press article text document news s t re ve ll d m im whats whos
    wheres hows thats theres
    """.split()
)


# Question words tell "who" from "when": the matcher keeps them for string
# similarity but does not count them as content a store must know.
QUESTION_WORDS = frozenset(
    ["who", "whom", "whose", "when", "where", "why", "how", "which", "many", "much"]
)


def _common_words() -> frozenset[str]:
    """Everyday English words (bot/common_words.txt) and their inflections, stemmed.

    Such a word neither identifies a fact nor marks a question as off-topic,
    so matching gives it little weight either way.
    """
    path = Path(__file__).with_name("common_words.txt")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    words = {w.strip() for w in lines if w.strip() and not w.startswith("#")}
    return frozenset(stem(form) for w in words for form in inflections(w))


def inflections(word: str) -> set[str]:
    """`word` with the regular English endings ("skim": "skims", "skimmed", "skimming").

    Over-generation is mostly harmless: a form nobody writes is never looked
    up, and a real word it makes ("founded" from "found") is everyday too.
    """
    forms = {word}
    if len(word) < 3 or not word.isalpha():
        return forms
    base = word[:-1] if word.endswith("e") else word
    forms |= {word + "s", word + "es", base + "ed", base + "ing", word + "ly"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    # A short word ending consonant-vowel-consonant doubles its last letter.
    if len(word) <= 4 and re.fullmatch(r".*[^aeiou][aeiou][^aeiouwxy]", word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def normalise(text: str) -> str:
    """Fold text for comparison: NFKC, case, punctuation and whitespace.

    >>> normalise("  Who MET  the Speaker?! ")
    'who met the speaker'
    """
    text = unicodedata.normalize("NFKC", text).translate(_CONTROL).casefold()
    # Apostrophes inside words ("Korea's", "SK Ecoplant’s") drop the possessive.
    text = re.sub(r"['’`]s\b", "", text)
    text = _NON_WORD.sub(" ", text.replace("_", " "))
    return _SPACES.sub(" ", text).strip()


def stem(word: str) -> str:
    """A deliberately tiny stemmer: plural and possessive endings only.

    It keeps "flights"/"flight" and "plants"/"plant" together without
    inventing words the release never used.
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def squash_whitespace(text: str) -> str:
    """Collapse every run of whitespace to one space (for verbatim-quote checks)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


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


# --- Sentences -------------------------------------------------------------

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st gen col lt sgt capt rep sen gov pres amb inc ltd co corp
    dept univ assn est approx vs etc no nos fig vol jan feb mar apr jun jul aug sep sept
    oct nov dec e.g i.e u.s u.k a.m p.m tel ext fax
    """.split()
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)")


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviations, initials and decimals intact.

    >>> split_sentences("Dr. A. Smith paid 1.5 mln. He left. Then U.S. officials came.")
    ['Dr. A. Smith paid 1.5 mln.', 'He left.', 'Then U.S. officials came.']
    >>> split_sentences("It opened in the U.S. The next step is Europe.")
    ['It opened in the U.S.', 'The next step is Europe.']
    """
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        for block in _headline_blocks(paragraph):
            sentences.extend(_split_block(squash_whitespace(block)))
    return sentences


def _headline_blocks(paragraph: str) -> list[str]:
    """Split off short unpunctuated lines followed by a capitalised line: headlines."""
    blocks: list[str] = []
    current: list[str] = []
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        current.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        headline = (
            len(line.split()) <= _HEADLINE_WORDS
            and not re.search(r"[.!?:;,\-–—]$", line)
            and following[:1].isupper()
        )
        if headline:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def _split_block(flat: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(flat):
        end = match.end()
        before = flat[start : match.start()]
        last_word = before.rsplit(" ", 1)[-1].lower() if before else ""
        following = flat[end:].lstrip()
        if match.group(0).startswith(".") and _keeps_sentence_open(last_word, following):
            continue
        sentence = flat[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = end
    tail = flat[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _keeps_sentence_open(last_word: str, following: str) -> bool:
    """True when a full stop after `last_word` is not the end of a sentence."""
    word = last_word.lstrip("(\"'“‘")
    next_word = following.split(" ", 1)[0] if following else ""
    if next_word[:1] in ("-", "–", "—"):  # a dateline: "BOULDER, Colo. - A team ..."
        return True
    dotted = re.fullmatch(r"(?:[a-z]\.)+[a-z]\.?", word) is not None  # "u.s", "e.g"
    if (dotted or word.rstrip(".") in _COMPANY_ENDINGS) and next_word in _SENTENCE_OPENERS:
        return False  # "... in the U.S. The next step ..."
    if word.rstrip(".") in _ABBREVIATIONS or word in _ABBREVIATIONS or dotted:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "A. Smith"
        return True
    # A lower-case continuation means the stop was inside the sentence.
    return bool(following) and following[0].islower()


_HEADLINE_WORDS = 12
_COMPANY_ENDINGS = frozenset({"inc", "ltd", "co", "corp"})
# Words that, capitalised after an abbreviation's stop, start a new sentence.
_SENTENCE_OPENERS = frozenset(
    """
    The It This That These Those We They He She In On At But And However Its Their Our A An
    """.split()
)


# --- The document ----------------------------------------------------------

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    """A release as the bot reads it: its date, its body, and the body's sentences."""

    published: str | None
    body: str
    sentences: tuple[str, ...]

    @functools.cached_property
    def flat(self) -> str:
        """The body with whitespace squashed, for verbatim-quote checks (computed once)."""
        return squash_whitespace(self.body)


def parse_document(raw: str) -> Document:
    """Read a release: a leading ``date YYYY-MM-DD`` line is metadata.

    Anything else on that line (a share-widget leftover such as "Tell a
    friend") is noise: it is dropped from the body, so nothing can cite it.
    """
    lines = raw.splitlines()
    published = None
    if lines:
        match = _DATE_LINE.match(lines[0])
        if match:
            published = match.group(1)
            lines = lines[1:]
    body = "\n".join(lines).strip()
    return Document(published, body, tuple(split_sentences(body)))


COMMON_WORDS = _common_words()
