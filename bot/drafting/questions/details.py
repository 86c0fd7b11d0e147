"""Questions of the practical details a release gives in passing.

Where a thing is ("the lounge, located in Concourse B", "at the plant, 4410
Tannery Road"), by when something must be done ("for tickets booked by January
31"), until when an offer holds ("for travel through June 15") and the number to
call for something ("book by phone at 1-800-555-0172"), who did a piece of work
("design by X"), what was added, and why a name said to be the most or the first
of something ("X has been the most-requested destination"). Each is a phrase inside
a longer sentence that the clause rules, asking about its main verb, pass over.
"""

from __future__ import annotations

import re

from bot.drafting.dates import MONTH, WEEKDAY
from bot.drafting.questions.collect import QuestionList, noun_phrase
from bot.drafting.verbs import clean_word
from bot.drafting.vocabulary import IRREGULAR, PREPOSITIONS, VERBS
from bot.language import STOPWORDS

# Verbs of arranging by phone the verb list may lack: "book by phone".
_BOOKING = frozenset({"book", "reserve", "register", "enquire", "order"})

_DATE = rf"(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})"
_LOCATED = re.compile(r"\b(?:located|situated|housed)\s+(?:in|at|on|near|inside|beside)\s+")
_ADDRESS = re.compile(
    r"\b(?:at|to)\s+(?P<place>the\s+[a-z][\w -]{2,40}?),\s+\d{1,5}\s+(?:[A-Z][\w’'-]*\s+){1,3}"
    r"(?:Street|Road|Avenue|Lane|Drive|Way|Boulevard|Place|Square|Quay|Terrace|Rd|St|Ave)\b"
)
# "tickets booked by January 31": a deadline for what the participle says.
_BY_DATE = re.compile(rf"\b(?P<done>[a-z]+ed|[a-z]+en)\s+(?:no later than|by)\s+{_DATE}")
# "for travel through June 15": until when an offer holds.
_THROUGH = re.compile(rf"\bfor\s+(?P<act>[a-z]+)\s+(?:through|until|till)\s+{_DATE}")
# The first verb of the adding kind before any comma: "The upgrade adds ...".
_MAIN_VERB = re.compile(r"^[^,;]*?\b(?:will\s+)?(?P<verb>adds?|added|introduces?|introduced)\b")
# A name said to be the most, the best or the first of something: the reason it was chosen.
_SUPERLATIVE = re.compile(
    r"^(?:The\s+)?(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s+(?:is|was|has been|remains)\s+"
    r"(?:by far\s+)?the\s+(?:most[\s-]\w+|\w+est|best|first|only)\b"
)
_PHONE = re.compile(
    r"\bby\s+(?:phone|telephone|calling)\s+(?:at\s+|on\s+)?"
    r"(?P<number>\+?[\d(][\d ().-]{5,}\d)"
)


# "with engineering design by Halvorsen Lutz Engineering": who did the design.
_DONE_BY = re.compile(
    r"\b(?:with|and|including)\s+(?:the\s+)?(?P<work>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2})"
    r"\s+by\s+(?:the\s+)?[A-Z]"
)


def detail_questions(text: str, subject: str, out: QuestionList) -> None:
    """Where, by when, until when and what number, for the phrases of `text` that say so.

    `subject`: the main clause's subject as a question writes it ("the lounge").
    """
    thing = noun_phrase(subject)
    if thing and _LOCATED.search(text):
        out.add(f"Where is {thing}")
        out.add(f"Where is {thing} located")
    for found in _ADDRESS.finditer(text):
        out.add(f"What is the address of {found.group('place')}")
        out.add(f"Where is {found.group('place')}")
    for found in _BY_DATE.finditer(text):
        act = _base(found.group("done"))
        if act:
            out.add(f"What is the deadline to {act}")
            out.add(f"By when do I have to {act}")
    for found in _THROUGH.finditer(text):
        if found.group("act") in VERBS:
            out.add(f"Until when can I {found.group('act')}")
    for found in _DONE_BY.finditer(text):
        work = found.group("work")
        if not any(clean_word(w) in STOPWORDS | PREPOSITIONS for w in work.split()):
            out.add(f"Who did the {work}")
    if _MAIN_VERB.search(text):
        out.add("What was added")
    best = _SUPERLATIVE.match(text)
    if best:  # "Vardenholm has been the most-requested destination": why Vardenholm
        out.add(f"Why {best.group('name')}")
    for found in _PHONE.finditer(text):
        act = _act_before(text[: found.start("number")])
        if act:
            out.add(f"What is the phone number to {act}")
            out.add(f"What number do I call to {act}")


def _act_before(before: str) -> str:
    """ "groups should book at least two weeks ahead by calling": "book", the verb before."""
    for word in reversed(before.split()[-8:-1]):
        bare = clean_word(word)
        if bare in VERBS or bare in _BOOKING:
            return bare
    return ""


def _base(participle: str) -> str:
    """ "booked" -> "book", "purchased" -> "purchase", "given" -> "give"; "" if unsure."""
    if participle in IRREGULAR:
        return IRREGULAR[participle]
    stem = participle.removesuffix("ed")
    for candidate in (stem + "e", stem, stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
        if candidate in VERBS:
            return candidate
    if not participle.endswith("ed") or len(stem) < 3:
        return ""
    # A verb the list lacks: "submitted" -> "submit", "booked" -> "book"; a stem that
    # may need its "e" back ("priced", "staged") is left unasked.
    if stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return stem[:-1]
    return stem if stem[-1] in "bdfhklmnprtwx" else ""
