"""Questions about what a sentence states of its subject: hours, prices, free, booking, opening.

People ask for an attribute ("What are the opening hours?", "How much is a fare?"),
not for the clause that states it; each rule here turns a sentence that states one
into the questions that ask for it, so that the matcher picks that sentence.
"""

from __future__ import annotations

import re

from bot.drafting.dates import CLOCK, WHEN
from bot.drafting.phrases import kinds_of
from bot.drafting.quantities import find_quantities
from bot.drafting.questions.collect import Known, QuestionList, noun_phrase
from bot.drafting.verbs import base_form, clean_word
from bot.drafting.vocabulary import (
    DETERMINERS,
    IRREGULAR,
    NOMINAL,
    PEOPLE,
    PREPOSITIONS,
    PUBLIC,
    VERBS,
    everyday_word,
)
from bot.language import stem, words
from bot.language.lexicon import rows

_PRICE_NOUNS = words("price_nouns")
_PURCHASE = words("purchase_verbs")
_BOOKING = words("booking_verbs")
_CLOCK = CLOCK
# "from 9 am to 7 pm", "between 6 am and 11 pm", or after a comma ("Friday, 8:00 to 18:00").
TIME_RANGE = re.compile(
    rf"(?:\b(?P<prep>from|between)\s+|,\s+){_CLOCK}\s+(?:to|and|until|till|-|–)\s+{_CLOCK}", re.I
)
_OPEN = re.compile(
    r"\b(?:is|are|will be|stays?|remains?|be)\s+open\b|\bopens\s+(?:daily|at|from)\b"
)
_HAVING = words("having_verbs")
_OBTAINED = words("obtaining_participles")
_COSTS = re.compile(r"\b(?:cost|costs|will cost|is priced at|are priced at)\b")
_FREE = re.compile(
    r"(?P<np>(?:[\w’'-]+\s+){0,5}?[\w’'-]+)\s+(?P<verb>is|are|travel|ride|go|stay|remain|enter)"
    r"\s+free\b"
)
_FIRST_ONES = re.compile(r"\b(?:welcome|admit|receive|open to|serve)s?\s+its\s+first\s+\w+")


def mid_question(subject: str, known: Known | None = None) -> str:
    """A subject's noun phrase as it reads mid-question: "The terminal" -> "the terminal"."""
    phrase = noun_phrase(subject)
    first, _, others = phrase.partition(" ")
    lowered = first.lower()
    lower_words = known.lower_words if known else frozenset()
    everyday = known is not None and lowered not in known.names and everyday_word(lowered)
    if lowered in DETERMINERS | PEOPLE | lower_words or stem(lowered) in lower_words or everyday:
        first = lowered
    return f"{first} {others}".strip()


def singular(noun: str) -> str:
    """ "buses" -> "bus", "ferries" -> "ferry", "trains" -> "train"."""
    if re.search(r"(?:s|x|z|ch|sh)es$", noun):
        return noun[:-2]
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun.removesuffix("s")


def activity_of(agent: str) -> str:
    """ "visitors" -> "visiting": the activity an agent noun is named after, or ""."""
    bare = clean_word(agent).removesuffix("s")
    for ending in ("or", "er"):
        if bare.endswith(ending):
            for verb in (bare[: -len(ending)], bare[: -len(ending)] + "e"):
                if verb in VERBS:
                    return (verb[:-1] if verb.endswith("e") else verb) + "ing"
    return ""


def hours_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "The terminal is open daily from 5:45 am to 11:00 pm": its opening hours."""
    found = TIME_RANGE.search(text)
    thing = re.sub(r"^an?\s+", "the ", mid_question(subject))
    if not found or not thing:
        return
    head = thing.split()[-1]
    if head in PEOPLE | PUBLIC and not activity_of(head):
        return  # "the public can tour it from 10 am": no hours of the public
    if _OPEN.search(text):
        out.add(f"What are the opening hours of {thing}")
        out.add(f"When is {thing} open")
        out.add(f"What time does {thing} open")
        out.add(f"What time does {thing} close")
    activity = activity_of(head)
    if activity:
        out.add(f"What are the {activity} hours")
    out.add(f"What are the hours of {thing}")
    named = re.sub(r"^the\s+", "", thing)
    plural = head.endswith("s") and not head.endswith("ss")
    if not activity and not plural and len(named.split()) <= 3 and " of " not in named:
        out.add(f"What are the {named} hours")  # "the rooftop garden hours"
    if (
        (found.group("prep") or "").lower() == "between"
        and head.endswith("s")
        and head not in PEOPLE
    ):
        one = singular(re.sub(r"^(?:the|all)\s+", "", thing))
        out.add(f"What time is the first {one}")
        out.add(f"What time is the last {one}")


def priced_subject(text: str) -> str:
    """ "The two-storey building cost £48 million": what costs, in a clause no verb rule reads."""
    costs = _COSTS.search(text)
    return noun_phrase(text[: costs.start()]) if costs else ""


def price_questions(text: str, subject: str, out: QuestionList) -> None:
    """A figure of money said of a price noun, after "cost", or after "buy ... for": the price."""
    if not any(q.kind == "money" for q in find_quantities(text)):
        return
    costs = _COSTS.search(text)
    thing = mid_question(subject or priced_subject(text))
    head = clean_word(thing.split()[-1]) if thing else ""
    if thing and (costs or head in _PRICE_NOUNS):
        _ask_price(thing, out)
    for bought in re.finditer(r"\b(?P<verb>\w+)\s+(?P<np>(?:a|an|the)\s+[^,.;]+?)\s+for\s+", text):
        if bought.group("verb").lower() in _PURCHASE:
            _ask_price(bought.group("np"), out)


def _ask_price(thing: str, out: QuestionList) -> None:
    plural = thing.endswith("s") and not thing.endswith("ss")
    out.add(f"How much did {thing} cost")
    out.add(f"How much {'do' if plural else 'does'} {thing} cost")
    out.add(f"How much {'are' if plural else 'is'} {thing}")
    out.add(f"What is the price of {thing}")


def free_questions(text: str, out: QuestionList, lower_words: frozenset[str] = frozenset()) -> None:
    """ "children under 5 travel free", "Admission is free": is it free."""
    for piece in re.split(r"[;:]|,\s+(?:and\s+)?|\s+but\s+", text):
        found = _FREE.search(piece)
        if not found:
            continue
        first, _, others = found.group("np").partition(" ")
        if first.lower() in DETERMINERS | lower_words:
            first = first.lower()
        thing = f"{first} {others}".strip()
        owned = re.search(r"\bof\s+(?P<owned>[\w’'-]+)$", found.group("np"))
        verb = found.group("verb")
        if verb in ("is", "are"):
            out.add(f"{verb.capitalize()} {thing} free")
        else:
            out.add(f"Do {thing} {verb} free")
            who = thing.split(" of ")[0]
            out.add(f"Do {who} pay")  # "Members ... enter free": do members pay
            out.add(f"Do {who} have to pay")
        if owned:
            out.add(f"Is {owned.group('owned')} free")


def booking_questions(text: str, out: QuestionList) -> None:
    """ "Places must be booked in advance": do I need to book."""
    for found in re.finditer(r"\b(?:must|should|need to|have to)\s+be\s+(?P<done>[\w-]+)", text):
        if found.group("done").lower() in _BOOKING:
            verb = base_form(found.group("done"))
            out.add(f"Do I need to {verb}")
            out.add(f"Do I have to {verb} in advance")
            out.add(f"Is {verb}ing required")


def opening_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "The wing will admit its first patients on Monday": when does it open."""
    thing = mid_question(subject)
    if thing and _FIRST_ONES.search(text) and WHEN.search(text):
        out.add(f"When does {thing} open")
        out.add(f"When will {thing} open")
        out.add(f"What is the opening date of {thing}")


def age_questions(text: str, out: QuestionList) -> None:
    """ "up to the age of 17", "aged 8 to 16": what is the age limit."""
    if re.search(r"\b(?:up to|under|over)\s+the\s+age\s+of\s+\d+|\baged\s+\d+", text):
        out.add("What is the age limit")
        out.add("Up to what age")


_DEADLINE = re.compile(
    r"\b(?:should|must|need to|have to)\s+(?P<verb>\w+(?:\s+(?:in|up|out|on|off))?)\b[^.;]*?"
    r"\b(?:no later than|at least|up to)\s+[\w\s]+?\s+before\b"
)
_WALK = re.compile(
    r"\b(?:a|an)\s+(?:walk|drive|ride|journey|trip)\s+of\s+\w+\s+(?:minutes|hours)\b"
    r"|\b\w+-(?:minute|hour)\s+(?:walk|drive|ride|journey|trip)\b"
)
_DESTINATION = re.compile(
    r"\bto\s+(?P<place>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}?)(?=,|\.|$)"
)
_TAKES = re.compile(
    r"\b(?P<np>(?:the|a|an)\s+[\w’'-]+(?:\s+[\w’'-]+){0,2}?)(?P<to>\s+to\s+[^,]+)?,"
    r"\s+which\s+(?:takes|lasts)\b"
)
_FOUNDED = re.compile(
    r"\b(?:established|founded|set up|formed|created)\s+in\s+\d{4}\b", re.IGNORECASE
)


def deadline_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "Drivers should check in no later than 20 minutes before departure": when must they."""
    found = _DEADLINE.search(text)
    who = mid_question(subject)
    if found and who:
        out.add(f"When must {who} {found.group('verb')}")
        out.add(f"When should {who} {found.group('verb')}")
        out.add(f"How early should {who} {found.group('verb')}")


def distance_questions(text: str, out: QuestionList) -> None:
    """ "links the terminal to Arlow station, a walk of four minutes": how far is it."""
    place = _DESTINATION.search(text)
    if _WALK.search(text) and place:
        out.add(f"How far is it to {place.group('place')}")
        out.add(f"How far is {place.group('place')}")
        out.add(f"How long is the walk to {place.group('place')}")


def duration_questions(text: str, out: QuestionList) -> None:
    """ "the crossing to the island, which takes 35 minutes": how long is the crossing."""
    for found in _TAKES.finditer(text):
        thing = f"{found.group('np')}{found.group('to') or ''}"
        thing = thing[0].lower() + thing[1:]
        out.add(f"How long is {thing}")
        out.add(f"How long does {thing} take")


def founding_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "X is a trust port established in 1872": when was X founded."""
    thing = mid_question(subject)
    if thing and _FOUNDED.search(text):
        out.add(f"When was {thing} founded")
        out.add(f"When was {thing} established")


def count_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "The wing adds 64 inpatient beds": how many beds does the wing have."""
    thing = mid_question(subject)
    for quantity in find_quantities(text):
        before = text[: quantity.start].split()
        if quantity.kind != "count" or not quantity.noun or not before:
            continue
        owner = thing if clean_word(before[-1]) in _HAVING else _owner_before(before)
        if owner:
            out.add(f"How many {quantity.noun} does {owner} have")
            out.add(f"How many {quantity.noun.split()[-1]} does {owner} have")


def _owner_before(before: list[str]) -> str:
    """ "... a paediatric intensive care unit (PICU) with": the noun phrase that has something."""
    if not before or before[-1] != "with":
        return ""
    found = re.search(
        r"\b(?:the|a|an)\s+(?P<np>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)(?:\s+\([^)]*\))?$",
        " ".join(before[:-1]),
    )
    return f"the {found.group('np')}" if found else ""


def future_questions(text: str, out: QuestionList) -> None:
    """ "the old hall, which will be demolished": what happens to the old hall."""
    for found in re.finditer(
        r"\b(?P<np>(?:the|a|an)\s+[^,]+?),?\s+(?:which|that)\s+will\s+be\s+\w+ed\b", text
    ):
        thing = noun_phrase(found.group("np"))
        out.add(f"What happens to {thing}")
        out.add(f"What will happen to {thing}")


def where_to_get_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "Tickets can be bought at the desks": where can I buy tickets."""
    found = re.search(
        r"\bcan\s+(?:also\s+)?be\s+(?P<done>\w+)\s+(?:at|from|in|on|online|via)\b", text
    )
    thing = mid_question(subject)
    if found and thing and found.group("done").lower() in _OBTAINED:
        done = found.group("done").lower()
        out.add(f"Where can I {IRREGULAR.get(done) or base_form(done)} {thing}")
        out.add(f"Where can {thing} be {done}")


_HELD = re.compile(r"\b(?:takes?|took|will take)\s+place\b|\b(?:is|are|was|were|will be)\s+held\b")


def event_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "An open day takes place on Saturday 31 October": when is the open day."""
    event = re.sub(r"^an?\s+", "the ", mid_question(subject))
    if event and _HELD.search(text) and WHEN.search(text):
        out.add(f"When is {event}")
        out.add(f"When does {event} take place")


_DONE_BY = re.compile(
    r"\b(?:carried out|done|undertaken|performed)\s+by\s+(?:the\s+)?"
    r"(?P<agent>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)
_PAST = {row[0]: row[1] for row in rows("irregular_verbs")}


def done_by_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "Construction was carried out by Dunmore Ltd": who built it, which company."""
    found = _DONE_BY.search(text)
    action = clean_word(subject.rsplit(maxsplit=1)[-1]) if subject.split() else ""
    if not found or action not in NOMINAL:
        return
    base = NOMINAL[action][0]
    past = _PAST.get(base) or (base + "d" if base.endswith("e") else base + "ed")
    out.add(f"Who {past} it")
    for kind in kinds_of(found.group("agent")):
        out.add(f"Which {kind} {past} it")
    out.add(f"Who did the {action}")


def attribute_questions(
    text: str, subject: str, out: QuestionList, known: Known | None = None
) -> None:
    """Every attribute rule, in order, applied to one sentence and its main subject."""
    lower_words = known.lower_words if known else frozenset()
    subject = "" if clean_word(subject) in PREPOSITIONS else mid_question(subject, known)
    hours_questions(text, subject, out)
    price_questions(text, subject, out)
    free_questions(text, out, lower_words)
    booking_questions(text, out)
    opening_questions(text, subject, out)
    event_questions(text, subject, out)
    done_by_questions(text, subject, out)
    age_questions(text, out)
    deadline_questions(text, subject, out)
    distance_questions(text, out)
    duration_questions(text, out)
    founding_questions(text, subject, out)
    count_questions(text, subject, out)
    future_questions(text, out)
    where_to_get_questions(text, subject, out)


def relative_years(questions: list[str], published: str | None) -> list[str]:
    """ "... in 2025?" in a release of 2026 is also asked "... last year?" (and "this year")."""
    if not published:
        return questions
    year = int(published[:4])
    spoken = {str(year - 1): "last year", str(year): "this year", str(year + 1): "next year"}
    out: list[str] = []
    for question in questions:
        out.append(question)
        found = re.search(r"\bin (\d{4})\b", question) if question.endswith("?") else None
        if found and found.group(1) in spoken:
            out.append(question.replace(found.group(0), spoken[found.group(1)]))
    return out
