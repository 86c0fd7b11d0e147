"""Numbers with what they count or measure ("15 flights per week", "€212 million")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.drafting.dates import CLOCK
from bot.drafting.phrases import shorten
from bot.drafting.verbs import clean_word, is_name
from bot.drafting.vocabulary import (
    AUX,
    COMPARATIVE,
    CURRENCY,
    DANGLING,
    DIMENSIONS,
    ID_BEFORE,
    IRREGULAR,
    PREPOSITIONS,
    UNIT_NAMES,
)
from bot.language import (
    NUMBER_WORDS,
    STOPWORDS,
    UNITS,
)

_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER = re.compile(
    r"(?P<pre>(?:more than|less than|fewer than|over|under|about|around|approximately|approx\."
    r"|almost|nearly|up to|at least|just|only|roughly|some|every)\s+)?"
    r"(?P<cur>(?<![\w$])(?:[A-Z]{1,2})?\$\s?|[€£¥₸]\s?|(?:CHF|EUR|USD|GBP|KZT|JPY|CNY|RUB|INR)\s)?"
    r"(?P<num>(?<![\w.,+-])\d+(?:[.,]\d+)*(?![\w-])|\b(?:" + _NUMBER_WORD + r")\b(?!-))"
    r"(?P<pct>\s?%|\s(?:per ?cent|percent)\b)?"
    r"(?:\s(?P<scale>million|mln|mn|billion|bln|bn|thousand|trillion)\b)?"
    r"(?:\s?(?P<unit>" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    kind: str  # count, money, percent, duration, length, weight, area, power, every
    noun: str  # what is counted or measured ("flights", "extension"), may be ""
    after: str  # the words right after the phrase, up to a clause boundary
    of: str  # "60% of the cost" -> "the cost"; "a budget of 212" -> "budget" (see `owner`)
    owner: str  # "a discount of 30%" -> "discount"
    unit: str  # the unit or currency word, for "How many euros ..."
    prep: str  # the preposition right before the phrase


def find_quantities(text: str) -> list[Quantity]:
    """Numbers with what they count or measure, e.g. "15 flights per week", "€212 million"."""
    found: list[Quantity] = []
    # "7:10 a.m." is a time of day (see `questions.times`), not a count of "a.m.".
    clocks = [m.span() for m in re.finditer(CLOCK, text, re.IGNORECASE)]
    for match in _NUMBER.finditer(text):
        if any(start <= match.start("num") < end for start, end in clocks):
            continue
        before = text[: match.start()].split()
        prev = before[-1] if before else ""
        if not _counts_something(match, prev):
            continue
        following = text[match.end() :]
        priced = _ONE_WAY.match(following)  # "$139 one way": how a price is given
        if not priced and _ONE_WAY.match(text[match.start("num") :]):
            continue  # "one way" itself counts no ways
        noun_words = [] if priced else _noun_after(following)
        if match.group("num").isalpha() and not noun_words and not match.group("unit"):
            continue  # "one of the ..." is no quantity
        rest = following
        if noun_words:
            rest = following[following.find(noun_words[-1]) + len(noun_words[-1]) :]
        kind = _kind(match, text, noun_words)
        unit = (match.group("unit") or "").lower()
        currency = re.sub(r"^[A-Z]+(?=\$)", "", (match.group("cur") or "").strip())
        found.append(
            Quantity(
                start=match.start(),
                end=match.end() + (len(following) - len(rest)),
                kind=kind,
                noun=" ".join(noun_words),
                after=shorten(rest),
                of=_share_of(rest) if kind == "percent" else "",
                owner=_owner(text[: match.start()]),
                unit=CURRENCY.get(currency, "") or UNIT_NAMES.get(unit, unit),
                prep=clean_word(prev) if clean_word(prev) in PREPOSITIONS else "",
            )
        )
    return found


# After a price: how it is given, not what is counted ("$139 one way", "£5 per person").
_ONE_WAY = re.compile(r"\s*(?:one[ -]way|each way|per person|a head)\b", re.IGNORECASE)


def _counts_something(match: re.Match[str], prev: str) -> bool:
    """False for a year, a phone number, an identifier ("bus route 14", "FieldScout 2")."""
    num = match.group("num")
    marked = match.group("cur") or match.group("scale") or match.group("pct")
    year = re.fullmatch(r"(?:1[89]|20)\d\d", num) and not match.group("unit")
    if year and not marked:
        return False  # a year: see the dates
    # "stage 2" is a name; "a new stage, twelve filters" is a list whose item is counted.
    identifier = prev and clean_word(prev) in ID_BEFORE and prev[-1] not in ",;:"
    if prev.startswith("+") or identifier:
        return False  # a phone number, "bus route 14", "Line 4"
    # "Line 4" is a name; "Central Station every 20 minutes" is a name, then a figure.
    named = prev and is_name(prev) and num[0].isdigit() and prev[-1] not in ",;:"
    named = named and not match.group("pre")
    return not (named and not (match.group("cur") or match.group("pct")))


def _kind(match: re.Match[str], text: str, noun_words: list[str]) -> str:
    """count, bare, money, percent, every, or the kind of unit (duration, length, ...)."""
    unit = (match.group("unit") or "").lower()
    kind = "count"
    if match.group("cur") or UNITS.get(unit) == "money":
        kind = "money"
    elif match.group("pct"):
        kind = "percent"
    elif unit:
        kind = UNITS[unit]
    elif match.group("scale"):
        # "16 million gallons" counts gallons, though the release quotes dollars elsewhere.
        counted = noun_words and not re.match(_MONEY_WORDS, clean_word(noun_words[0]))
        kind = "money" if not counted and re.search(_MONEY_WORDS, text) else "count"
    if kind == "count" and (not noun_words or clean_word(noun_words[0]) == "times"):
        kind = "bare"  # "31 to 8", "four times more": no count to ask about
    pre = (match.group("pre") or "").strip().lower()
    if pre == "every" and kind == "duration":
        kind = "every"
    return kind


_MONEY_WORDS = r"[€$£]|euro|dollar|franc|pound"


def _noun_after(following: str) -> list[str]:
    """The words of what a number counts: "15 flights per week" -> ["flights"]."""
    noun_words: list[str] = []
    tokens = following.split()[:4]
    for index, token in enumerate(tokens):
        after = tokens[index + 1] if index + 1 < len(tokens) else ""
        if _ends_noun(token) and not _modifier(token, after, noun_words):
            break
        if _acting(token, after):
            break
        noun_words.append(token.strip(',;:()"“”.'))
        if token[-1] in ",;:).":
            break
    return noun_words


def _modifier(token: str, after: str, noun_words: list[str]) -> bool:
    """ "twelve granular activated carbon filters": a participle before the noun it describes.

    Not after a plural ("volunteers planted trees": the verb), nor before a
    function word or a name ("residents affected by", "visitors visited Oslo").
    """
    word, following = clean_word(token), clean_word(after)
    plural = bool(noun_words) and noun_words[-1].endswith("s")
    participle = word.endswith("ed") and word not in AUX and token[-1].isalpha()
    plain_next = following.isalpha() and after.islower() and following not in STOPWORDS
    return participle and not plural and plain_next and following not in PREPOSITIONS


def _acting(token: str, after: str) -> bool:
    """ "23 aircraft serving 17 destinations": a participle with an object ends the noun."""
    word = clean_word(token)
    target = after[:1].isdigit() or clean_word(after) in ("a", "an", "the")
    return len(word) > 5 and word.endswith("ing") and target


def _ends_noun(token: str) -> bool:
    word = clean_word(token)
    return (
        not word
        or word in STOPWORDS
        or word in COMPARATIVE
        or word in DIMENSIONS  # "6.8 km long": the line is measured, "long" is not counted
        or word.endswith("ly")
        or word in PREPOSITIONS
        or (word in IRREGULAR or word.endswith("ed") or word in AUX)
        or is_name(token)
        or token[:1] in "$€£¥₸"  # "children costs £38": a price ends what is counted
        or word in _SPAN_ADVERBS
    )


# "two minutes away", "three years ago": a span placed in space or time, no noun.
_SPAN_ADVERBS = frozenset({"away", "ago"})


def _share_of(rest: str) -> str:
    """ "60% of the cost" -> "the cost"."""
    of = re.match(r"\s+of\s+((?:the\s+|their\s+|its\s+)?[\w’'-]+(?:\s+[\w’'-]+)?)", rest)
    if of and clean_word(of.group(1).split()[-1]) in DANGLING:
        of = re.match(r"\s+of\s+((?:the\s+|their\s+|its\s+)?[\w’'-]+)", rest)
    return of.group(1) if of else ""


def _owner(before: str) -> str:
    """ "a discount of 30%" -> "discount"; "a two-year revenue guarantee of" -> all three words."""
    owner = re.search(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[a-z][\w-]*\s+){0,2}[a-z]+)\s+of\s+$", before)
    return owner.group(1) if owner else ""
