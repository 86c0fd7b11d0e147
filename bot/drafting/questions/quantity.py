"""Questions asked of one quantity in a clause: how many, how much, how long."""

from __future__ import annotations

import re

from bot.drafting.phrases import cut_out, shorten
from bot.drafting.quantities import Quantity
from bot.drafting.questions.collect import QuestionList
from bot.drafting.verbs import Verb, base_form, clean_word, inverted_clause, is_participle
from bot.drafting.vocabulary import AUX, COMPARATIVE, VERBS


def quantity_questions(
    quantity: Quantity, rest: str, subject: str, verb: Verb, out: QuestionList, *, there: bool
) -> None:
    before_it = rest[: quantity.start]
    if re.search(r"\b(?:that|which|who)\s|\bincluding\b", before_it):
        return  # counted in a relative clause or a list of extras: not what the verb says
    after = quantity.after
    without = shorten(cut_out(rest, quantity.start, quantity.end))
    noun = quantity.noun
    rate = re.match(r"(?:per|a|each|every)\s+(?:week|day|month|year|flight|hour|person)\b", after)
    if rate:
        noun, after = f"{noun} {rate.group(0)}", after[rate.end() :].strip()
    head = clean_word(noun.split()[0]) if noun.split() else ""
    first_after = clean_word(after.split()[0]) if after.split() else ""
    verb_next = first_after in AUX or is_participle(first_after) or first_after in VERBS
    if after and verb_next and quantity.kind in ("count", "money"):
        # "more than 4,600 residents took part": how many residents took part?
        what = "How much" if quantity.kind == "money" else f"How many {noun}"
        out.add(f"{what} {after}")
        return
    comparative = first_after in COMPARATIVE
    inverted = inverted_clause(subject, verb, "" if comparative else after)
    kind = quantity.kind
    if kind == "count":
        if there:
            out.add(f"How many {noun} {' '.join(verb.words)} there {after}")
        elif quantity.prep and quantity.prep not in ("of", "than"):
            asked = inverted_clause(subject, verb, without)
            out.add(f"{quantity.prep.capitalize()} how many {noun} {asked}")
        else:
            out.add(f"How many {noun} {inverted}")
        if head:
            out.add(f"number of {noun}", question=False)
    elif kind == "money":
        if verb.words and base_form(verb.words[-1]) == "cost":
            out.add(f"What is the price of {subject}")
            out.add(f"How much is {subject}")
            if re.match(r",?\s*including\b", rest[quantity.end :]):
                out.add("What is included in the price")
        if quantity.owner:
            out.add(f"What is the {quantity.owner}")
            out.add(f"How much is the {quantity.owner}")
            thing = re.match(r"(?:a|an|the)\s+(?:[\d.,]+\s+\w+\s+)?(?P<noun>[a-z][\w-]*)", rest)
            if thing and quantity.owner in ("budget", "cost", "price", "value", "investment"):
                out.add(f"How much does the {thing.group('noun')} cost")
        else:
            out.add(f"How much {inverted_clause(subject, verb, without)}")
            if quantity.unit:
                out.add(f"How many {quantity.unit} {inverted_clause(subject, verb, without)}")
    elif kind == "percent":
        if quantity.of:
            of_rest = re.sub(rf"^\s*of\s+{re.escape(quantity.of)}\s*", "", rest[quantity.end :])
            inverted = inverted_clause(subject, verb, shorten(of_rest))
            out.add(f"How much of {quantity.of} {inverted}")
            out.add(f"What percentage of {quantity.of} {inverted}")
            out.add(f"What share of {quantity.of} {inverted}")
        elif quantity.owner:
            out.add(f"How big is the {quantity.owner}")
            out.add(f"What is the {quantity.owner}")
        else:
            out.add(f"What percentage {inverted_clause(subject, verb, without)}")
    elif kind in ("duration", "every"):
        if comparative:
            before = shorten(re.sub(rf"\s*\b{first_after}\b.*$", "", without))
            out.add(f"How much {first_after} {inverted_clause(subject, verb, before)}")
        how = "How often" if kind == "every" else "How long"
        if not comparative:
            out.add(f"{how} {inverted}")
        if kind == "every":
            be = "are" if subject.endswith("s") and not subject.endswith("ss") else "is"
            out.add(f"How frequent {be} {subject} {after}")
        if quantity.unit and kind == "duration" and not comparative:
            out.add(f"How many {quantity.unit} {inverted}")
    elif kind == "length":
        if noun:
            of = re.match(r"\s*of\s+((?:[\w’'-]+\s+){0,3}[\w’'-]+)", rest[quantity.end :])
            whole = shorten(f"{noun} of {of.group(1)}", 8) if of else noun
            out.add(f"How long is the {whole}")
        elif verb.words and base_form(verb.words[-1]) in (
            "retreat",
            "move",
            "rise",
            "fall",
            "grow",
        ):
            out.add(f"How far {inverted}")
        elif "within" in rest:
            out.add(f"How precise is {subject}")
        else:
            out.add(f"How long {inverted}")
        if quantity.unit and not noun and "within" not in rest:
            out.add(f"How many {quantity.unit} {inverted}")
    elif kind == "weight":
        out.add(f"How much {inverted}")
        out.add(f"How heavy is {subject}")
    elif kind == "area":
        out.add(f"How many {quantity.unit or 'hectares'} {inverted}")
        out.add(f"How much area {inverted}")
    elif kind == "power" and noun:
        out.add(f"What is the capacity of the {noun}")
        out.add(f"How big is the {noun}")
