"""Questions asked of one quantity in a clause: how many, how much, how long."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.drafting.dates import CLOCK
from bot.drafting.phrases import cut_out, shorten
from bot.drafting.quantities import Quantity
from bot.drafting.questions.collect import QuestionList
from bot.drafting.verbs import Verb, base_form, clean_word, inverted_clause, is_participle
from bot.drafting.vocabulary import AUX, COMPARATIVE, DIMENSIONS, UNCOUNTABLE, VERBS


@dataclass(frozen=True)
class Counted:
    """One quantity of a clause as the question rules see it."""

    quantity: Quantity
    rest: str  # the clause after its verb
    subject: str
    verb: Verb
    there: bool  # "There are 15 flights ..."
    noun: str  # what is counted, with its rate: "flights per week"
    after: str  # the words after the quantity (and its rate)

    @property
    def without(self) -> str:
        """The rest of the clause without the quantity."""
        return shorten(cut_out(self.rest, self.quantity.start, self.quantity.end))

    @property
    def first_after(self) -> str:
        return clean_word(self.after.split()[0]) if self.after.split() else ""

    @property
    def comparative(self) -> bool:
        return self.first_after in COMPARATIVE

    @property
    def inverted(self) -> str:
        """The clause as a question, with what follows the quantity (unless "longer" ...)."""
        return inverted_clause(self.subject, self.verb, "" if self.comparative else self.after)

    def asked(self, tail: str) -> str:
        return inverted_clause(self.subject, self.verb, tail)


def quantity_questions(
    quantity: Quantity, rest: str, subject: str, verb: Verb, out: QuestionList, *, there: bool
) -> None:
    """How many, how much, how long ... for one quantity, by its kind."""
    before_it = rest[: quantity.start]
    if not quantity.noun and not re.search(r"\d", rest[quantity.start : quantity.end]):
        return  # "two minutes' walk away": a word number with a unit, asked only as a figure
    if re.search(r"\b(?:that|which|who)\s|\bincluding\b", before_it):
        return  # counted in a relative clause or a list of extras: not what the verb says
    if re.search(r",\s+[a-z]{3,}ing\s", before_it):
        return  # ", cutting the journey to 1 hour": a later phrase's figure (questions.figures)
    noun, after = quantity.noun, quantity.after
    rate = re.match(r"(?:per|a|each|every)\s+(?:week|day|month|year|flight|hour|person)\b", after)
    if rate:
        noun, after = f"{noun} {rate.group(0)}", after[rate.end() :].strip()
    counted = Counted(quantity, rest, subject, verb, there, noun, after)
    if _counted_by_verb(counted, out):
        return
    rule = _BY_KIND.get("duration" if quantity.kind == "every" else quantity.kind)
    if rule is not None:
        rule(counted, out)


def _counted_by_verb(c: Counted, out: QuestionList) -> bool:
    """ "more than 4,600 residents took part": how many residents took part."""
    first = c.first_after
    verb_next = first in AUX or is_participle(first) or first in VERBS
    if not (c.after and verb_next and c.quantity.kind in ("count", "money")):
        return False
    what = "How much" if c.quantity.kind == "money" else f"How many {c.noun}"
    out.add(f"{what} {c.after}")
    return True


def _count(c: Counted, out: QuestionList) -> None:
    prep = c.quantity.prep
    if c.there:
        out.add(f"How many {c.noun} {' '.join(c.verb.words)} there {c.after}")
    elif prep and prep not in ("of", "than"):
        out.add(f"{prep.capitalize()} how many {c.noun} {c.asked(c.without)}")
    else:
        out.add(f"How many {c.noun} {c.inverted}")
    first = clean_word(c.noun.split()[0]) if c.noun.split() else ""
    # "9 am" is a time, not a number of "am".
    if first and first.replace(".", "") not in UNCOUNTABLE:
        out.add(f"number of {c.noun}", question=False)


# A figure after one of these prices the noun it goes with, not what the verb does.
_ATTACHED = re.compile(r"\b(?:after|before|following|with|through|under|despite)\b")


_PRICED = ("budget", "cost", "price", "value", "investment")


def _money(c: Counted, out: QuestionList) -> None:
    quantity = c.quantity
    if c.verb.words and base_form(c.verb.words[-1]) == "cost":
        out.add(f"What is the price of {c.subject}")
        out.add(f"How much is {c.subject}")
        if re.match(r",?\s*including\b", c.rest[quantity.end :]):
            out.add("What is included in the price")
    if quantity.owner:
        out.add(f"What is the {quantity.owner}")
        out.add(f"How much is the {quantity.owner}")
        thing = re.match(r"(?:a|an|the)\s+(?:[\d.,]+\s+\w+\s+)?(?P<noun>[a-z][\w-]*)", c.rest)
        if thing and quantity.owner.split()[-1] in _PRICED:
            out.add(f"How much does the {thing.group('noun')} cost")
        return
    if quantity.noun and _ATTACHED.search(c.rest[: quantity.start]):
        return  # "opens after a $95 million project": the project's price (`questions.figures`)
    out.add(f"How much {c.asked(c.without)}")
    if quantity.unit:
        out.add(f"How many {quantity.unit} {c.asked(c.without)}")


def _percent(c: Counted, out: QuestionList) -> None:
    quantity = c.quantity
    if quantity.of:
        of_rest = re.sub(rf"^\s*of\s+{re.escape(quantity.of)}\s*", "", c.rest[quantity.end :])
        inverted = c.asked(shorten(of_rest))
        out.add(f"How much of {quantity.of} {inverted}")
        out.add(f"What percentage of {quantity.of} {inverted}")
        out.add(f"What share of {quantity.of} {inverted}")
    elif quantity.owner:
        out.add(f"How big is the {quantity.owner}")
        out.add(f"What is the {quantity.owner}")
    else:
        out.add(f"What percentage {c.asked(c.without)}")


def _duration(c: Counted, out: QuestionList) -> None:
    """A duration ("for six weeks") or a frequency ("every 6 minutes")."""
    every = c.quantity.kind == "every"
    if re.match(rf"(?:between|from)\s+{CLOCK}", c.after, re.IGNORECASE):
        c = replace(c, after="")  # "every 45 minutes between 6:15 am and ...": the hours aside
    if c.comparative:
        before = shorten(re.sub(rf"\s*\b{c.first_after}\b.*$", "", c.without))
        out.add(f"How much {c.first_after} {c.asked(before)}")
    else:
        out.add(f"{'How often' if every else 'How long'} {c.inverted}")
    if every:
        be = "are" if c.subject.endswith("s") and not c.subject.endswith("ss") else "is"
        out.add(f"How frequent {be} {c.subject} {c.after}")
        # "ferries will leave Arlow every 45 minutes between ...": how often they leave Arlow.
        object_ = c.rest[: c.quantity.start].strip(" ,")
        if object_ and not re.search(r"[,\d]|\bevery\b", object_):
            out.add(f"How often {c.asked(object_)}")
    elif c.quantity.unit and not c.comparative:
        out.add(f"How many {c.quantity.unit} {c.inverted}")


_MOVES = ("retreat", "move", "rise", "fall", "grow")


def _length(c: Counted, out: QuestionList) -> None:
    measured = re.match(r"of\s+(?P<what>[^,;]+?)(?:\s+and\b|$)", c.after)
    if measured and c.quantity.unit and not c.noun:
        # "operates 640 miles of water mains": how many miles of water mains.
        out.add(f"How many {c.quantity.unit} of {measured['what']} {c.asked('')}")
        return
    if c.first_after in DIMENSIONS:  # "The line is 6.8 km long": how long is the line
        out.add(f"How {c.first_after} {c.asked('')}")
        if c.quantity.unit:
            out.add(f"How many {c.quantity.unit} {c.asked(c.first_after)}")
        return
    if c.noun:
        of = re.match(r"\s*of\s+((?:[\w’'-]+\s+){0,3}[\w’'-]+)", c.rest[c.quantity.end :])
        whole = shorten(f"{c.noun} of {of.group(1)}", 8) if of else c.noun
        out.add(f"How long is the {whole}")
    elif c.verb.words and base_form(c.verb.words[-1]) in _MOVES:
        out.add(f"How far {c.inverted}")
    elif "within" in c.rest:
        out.add(f"How precise is {c.subject}")
    else:
        out.add(f"How long {c.inverted}")
    if c.quantity.unit and not c.noun and "within" not in c.rest:
        out.add(f"How many {c.quantity.unit} {c.inverted}")


def _weight(c: Counted, out: QuestionList) -> None:
    out.add(f"How much {c.inverted}")
    out.add(f"How heavy is {c.subject}")


def _area(c: Counted, out: QuestionList) -> None:
    out.add(f"How many {c.quantity.unit or 'hectares'} {c.inverted}")
    out.add(f"How much area {c.inverted}")


def _power(c: Counted, out: QuestionList) -> None:
    if c.noun:
        out.add(f"What is the capacity of the {c.noun}")
        out.add(f"How big is the {c.noun}")


_BY_KIND: dict[str, Callable[[Counted, QuestionList], None]] = {
    "count": _count,
    "money": _money,
    "percent": _percent,
    "duration": _duration,
    "length": _length,
    "weight": _weight,
    "area": _area,
    "power": _power,
}
