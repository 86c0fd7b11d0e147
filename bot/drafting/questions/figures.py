"""Questions asked of each figure of a sentence from the words around it alone.

A sentence dense with figures states several facts ("... after a $48.6 million
modernization project", "... serving roughly 141,000 residents", "Funding came
from a $30 million loan, a $9.4 million federal grant and $9.2 million from the
city's reserves"); the clause rules ask about its main verb, so each figure here
gets questions of its own: how much the thing it prices is and what it cost, how
much came from where, the price for a kind of person, how many of what it counts
there are, how many a participle before it serves, how big a staff or fleet is,
how fast something is done within a time, how many seats or storeys a thing
sized by them has ("a 1,200-seat hall").
"""

from __future__ import annotations

import re

from bot.drafting.clauses import Clause
from bot.drafting.quantities import Quantity, find_quantities
from bot.drafting.questions.attributes import singular
from bot.drafting.questions.collect import QuestionList
from bot.drafting.verbs import (
    base_form,
    clean_word,
    in_tense_of,
    ing_base,
    inverted_clause,
    is_participle,
)
from bot.drafting.vocabulary import AUX, PEOPLE, PREPOSITIONS, VERBS
from bot.language import NUMBER_WORDS, STOPWORDS, words

_TIME_UNITS = words("time_units")
# "to 1 hour", "for two weeks": a span or a target, not a count; "a unit with 12 beds":
# counted as what the unit has (see `questions.attributes`), not as beds of the release.
_NOT_COUNTED_AFTER = frozenset(
    {"to", "for", "until", "by", "within", "after", "before", "over", "with"}
)
# "$9.2 million from the city's water reserves": where the money comes from.
_FROM = re.compile(r"\s*from\s+(?P<source>(?:the\s+)?[A-Za-z][^,;.\d]{2,60}?)\s*(?:[,;.]|$)")
# A sum of money given or held, not a thing bought: "How much is the grant", never "cost".
_SUMS = frozenset(
    "loan grant fund funding investment budget donation guarantee subsidy contribution"
    " reserve reserves award prize revenue profit fine salary".split()
)
# Too general to be asked as "How many ... are there": any release counts people.
_ANYONE = frozenset({"people", "persons"})
# Verbs by which a subject has what it counts: "operates a fleet of 23 aircraft".
_HOLDING = frozenset({"have", "has", "operate", "employ", "run", "maintain", "own"})
# "a staff of 22 operators": the people who work there.
_WORKFORCE = frozenset({"staff", "team", "crew", "workforce"})
# "a 76-seat jet", "the six-storey wing": the parts a thing is sized by, as counted.
_COUNTED_PARTS = {
    "seat": "seats", "bed": "beds", "room": "rooms", "storey": "storeys", "story": "stories",
    "floor": "floors", "lane": "lanes", "screen": "screens", "berth": "berths", "bay": "bays",
    "court": "courts", "pitch": "pitches", "classroom": "classrooms", "unit": "units",
}  # fmt: skip
_CAPACITY = frozenset({"seat", "bed", "berth", "megawatt", "mw", "gigawatt", "gw", "kilowatt"})
_SIZED = re.compile(
    r"\b(?:\d[\d,.]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")-"
    r"(?P<unit>" + "|".join([*_COUNTED_PARTS, *_CAPACITY]) + r")\s+",
    re.IGNORECASE,
)
# "$20 for students": the price for a kind of person.
_FOR_GROUP = re.compile(r"\s+for\s+(?P<group>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)(?=[\s,.;]|$)")
_PAYING = frozenset({"adults", "adult", "seniors", "pensioners", "concessions", "under-18s"})
# Things that last ("a journey of 35 minutes"): asked how long they are.
_SPANS = frozenset(
    "period wait journey trip walk drive ride flight crossing warranty lifespan contract"
    " term stay delay course programme program lease guarantee break".split()
)
# "up to 32 million gallons of drinking water per day": the most it can do in a time.
_UP_TO_RATE = re.compile(
    r"\bup to\s+[\d$€£][^,;]*?\b(?:per|an?|each)\s+(?:day|hour|week|month|year|minute)\b"
)
_RATE = re.compile(r"(?:per|an?|each|every)\s+(?:week|day|month|year|hour)\b")


def figure_questions(text: str, clause: Clause | None, subject: str, out: QuestionList) -> None:
    """How much, how many, how big for each figure of `text` (a sentence or clause).

    `clause` and `subject`: the main clause and its subject as a question writes
    it, whose tense and subject a participle before a figure takes ("serving").
    """
    _sized(text, out)
    _capacity(text, subject, out)
    for quantity in find_quantities(text):
        if quantity.kind == "count" and quantity.noun:
            _count(quantity, text, clause, subject, out)
        elif quantity.kind == "money":
            _money(quantity, text, out)
            _price_for(quantity, text, subject, out)
        elif quantity.kind == "duration" and quantity.prep == "within" and clause and subject:
            _speed(quantity, text, clause, subject, out)
        elif quantity.kind == "duration" and _lasting(quantity.owner):
            out.add(f"How long is the {quantity.owner}")  # "a waiting time of two weeks"


def _capacity(text: str, subject: str, out: QuestionList) -> None:
    """ "The plant will treat up to 32 million gallons per day, up from 16 million": how
    much it can do in a time is its capacity; a figure "up from" is what it was before."""
    found = _UP_TO_RATE.search(text)
    if not found or not subject or subject.lower() in ("it", "they", "we"):
        return
    owner = f"{subject}’" if re.search(r"[^s]s$", subject) else f"{subject}’s"
    out.add(f"What is the capacity of {subject}")
    out.add(f"What is {owner} capacity")
    if re.match(r",\s+(?:up|down)\s+from\b", text[found.end() :]):
        out.add(f"What was the capacity of {subject} before")
        out.add(f"What was {owner} capacity before")


def _lasting(owner: str) -> bool:
    """ "waiting time", "journey", "warranty": a thing that lasts, not "the result of"."""
    head = owner.rsplit(maxsplit=1)[-1] if owner else ""
    return head.endswith("time") or head in _SPANS


def _sized(text: str, out: QuestionList) -> None:
    """ "a 1,200-seat concert hall", "the six-storey wing": how many seats it has, how big."""
    for found in _SIZED.finditer(text):
        unit = found.group("unit").lower()
        words = _noun_words(text[found.end() :])
        if not words:
            continue
        thing = " ".join(words)
        plural = re.search(r"[^s]s$", words[-1]) is not None
        have = "do" if plural else "does"
        if unit in _COUNTED_PARTS:
            out.add(f"How many {_COUNTED_PARTS[unit]} {have} the {thing} have")
        if unit in _CAPACITY:
            out.add(f"What is the capacity of the {thing}")
        out.add(f"How big {'are' if plural else 'is'} the {thing}")


def _noun_words(following: str) -> list[str]:
    """ "concert hall will open": ["concert", "hall"], up to three words of a noun phrase."""
    kept: list[str] = []
    for token in following.split()[:3]:
        word = clean_word(token)
        verb = word in AUX or is_participle(word) or (kept and base_form(word) in VERBS)
        if not word or word in STOPWORDS | PREPOSITIONS or verb:
            break
        kept.append(token.strip(",;:.()"))
        if token[-1] in ",;:.)":
            break
    return kept


def _count(
    quantity: Quantity, text: str, clause: Clause | None, subject: str, out: QuestionList
) -> None:
    noun = quantity.noun
    last = clean_word(noun.split()[-1])
    if quantity.prep in _NOT_COUNTED_AFTER or last.rstrip("s") in _TIME_UNITS:
        return  # "cutting the journey to 1 hour": no count of hours
    if re.search(r"\b(?:the|these|those|both)\s+$", text[: quantity.start], re.IGNORECASE):
        return  # "between the two cities": counted before, not a figure stated here
    before = text[: quantity.start].split()
    aged = re.match(r"(?:under|over|aged)\s", text[quantity.start :], re.IGNORECASE)
    if aged and before and clean_word(before[-1]) in PEOPLE:
        return  # "children under 10 go free": an age, not a count
    if re.match(r"\s*(?:[$€£¥₸]|\d)", quantity.after):
        return  # "two children costs £38": the noun ran into a verb and its object
    rate = _RATE.match(quantity.after)
    counted = f"{noun} {rate.group(0)}" if rate else noun
    verb = _participle_before(text[: quantity.start])
    if verb and clause is not None and subject:
        asked = inverted_clause(subject, in_tense_of(clause.verb, verb, subject), "")
        out.add(f"How many {counted} {asked}")
    # "32 million gallons of drinking water": a measure of something, not things there are.
    if clean_word(noun) not in _ANYONE and not quantity.after.startswith("of "):
        out.add(f"How many {counted} are there")
    if len(noun.split()) > 2:
        out.add(f"How many {' '.join(noun.split()[-2:])} are there")
    if quantity.owner:
        holding = clause is not None and base_form(clause.verb.words[-1]) in _HOLDING
        if subject and holding:  # "It operates a fleet of 23 aircraft"
            have = "do" if re.search(r"[^s]s$", subject) else "does"
            out.add(f"How many {noun} {have} {subject} have")
        out.add(f"How many {noun} are in the {quantity.owner}")
        out.add(f"How big is the {quantity.owner}")
        if quantity.owner.split()[-1] in _WORKFORCE:
            out.add(f"How many {noun} work there")


def _money(quantity: Quantity, text: str, out: QuestionList) -> None:
    if quantity.noun and quantity.noun.split()[-1].isalpha():
        thing = quantity.noun
        out.add(f"How much is the {thing}")
        if clean_word(thing.split()[-1]) not in _SUMS:
            out.add(f"How much did the {thing} cost")
    elif quantity.owner:
        out.add(f"How much is the {quantity.owner}")
    source = _FROM.match(text[quantity.end :])
    if source:
        out.add(f"How much came from {source.group('source')}")


def _speed(quantity: Quantity, text: str, clause: Clause, subject: str, out: QuestionList) -> None:
    """ "We can detect a change within four minutes": how fast can we detect a change."""
    where = clause.rest.find(text[quantity.start : quantity.end])
    if where < 0:
        return
    tail = re.sub(r"\s+within$", "", clause.rest[:where].strip(" ,"))
    if "," in tail:
        return  # the figure belongs to a later phrase, not to the main verb
    asked = inverted_clause(subject, clause.verb, tail)
    out.add(f"How fast {asked}")
    out.add(f"How quickly {asked}")


def _price_for(quantity: Quantity, text: str, subject: str, out: QuestionList) -> None:
    """ "Tickets cost $45 for adults and $20 for students": how much are tickets for students."""
    found = _FOR_GROUP.match(text[quantity.end :])
    if not found or not subject:
        return
    group = found.group("group")
    head = clean_word(group.split()[-1])
    if head not in PEOPLE and singular(head) not in PEOPLE and head not in _PAYING:
        return
    plural = re.search(r"[^s]s$", subject.rsplit(maxsplit=1)[-1]) is not None
    out.add(f"How much {'are' if plural else 'is'} {subject} for {group}")


def _participle_before(before: str) -> str:
    """ ", serving roughly": the base form of a participle right before a figure, or ""."""
    found = re.search(r"(?:^|,\s+)(?P<ing>[a-z]{3,}ing)(?:\s+(?P<prep>[a-z]+))?\s*$", before)
    if not found or (found.group("prep") and found.group("prep") not in PREPOSITIONS):
        return ""
    word = found.group("ing")
    base = ing_base(word)
    return base if word not in STOPWORDS and (base in VERBS or len(base) >= 4) else ""
