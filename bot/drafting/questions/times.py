"""Questions about a time of day: "Flights will depart at 7:10 a.m., arriving at 8:35 a.m."

A timetable sentence states several times, each tied to its own verb: the main
verb ("will depart ... at 7:10 a.m."), a participle after a comma ("arriving in
Vardenholm at 8:35 a.m.") or a noun ("a second departure at 5:45 p.m."). Each
gets "What time ..." and "When ..." asked of the sentence's subject.
"""

from __future__ import annotations

import re

from bot.drafting.clauses import Clause
from bot.drafting.dates import CLOCK, WEEKDAY
from bot.drafting.questions.attributes import singular
from bot.drafting.questions.collect import QuestionList, noun_phrase
from bot.drafting.verbs import (
    Verb,
    base_form,
    clean_word,
    in_tense_of,
    ing_base,
    inverted_clause,
    is_participle,
)
from bot.drafting.vocabulary import AUX, DETERMINERS, PREPOSITIONS, VERBS
from bot.language import STOPWORDS

# "at 7:10 a.m.", with the words that may come between the verb's object and the time.
_AT_CLOCK = re.compile(
    rf"\s*(?:\b(?:daily|every day|each day)\s+)?\bat\s+(?P<clock>{CLOCK})", re.IGNORECASE
)
# ", arriving in Vardenholm at 8:35 a.m.": a participle, what follows it, the time.
_PARTICIPLE_AT = re.compile(
    rf"(?:^|,\s+|\band\s+)(?P<ing>[a-z]{{3,}}ing)\b(?P<tail>[^,;]*?){_AT_CLOCK.pattern}",
    re.IGNORECASE,
)
# "with a second departure at 5:45 p.m.": a noun phrase of one to three words, the time.
_NOUN_AT = re.compile(
    rf"\b(?:a|an|the)\s+(?P<np>(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*)\s+at\s+(?P<clock>{CLOCK})",
    re.IGNORECASE,
)
# -ing words that are no participle: the times of day they name.
_NOT_VERBS = frozenset({"morning", "evening", "during", "including", "according"})
# ", and at 7:05 p.m.": the main verb again, at another time.
_AND_AT = re.compile(rf",\s+and\s+at\s+(?P<clock>{CLOCK})", re.IGNORECASE)
_DAYS = rf"(?:{WEEKDAY}s|weekdays|weekends)"
_DAILY = re.compile(r"\s+\b(?:daily|every day|each day)\s*$", re.IGNORECASE)


def clock_questions(clause: Clause, subject: str, text: str, out: QuestionList) -> None:
    """ "What time" and "When" for each time of day `text` ties to a verb or a noun.

    `clause` is the sentence's main clause with its (resolved) `subject`; `text`
    the whole sentence, whose participles and nouns take the same subject.
    """
    if not subject or not re.search(CLOCK, text, re.IGNORECASE):
        return
    main = clause.rest.split(",")[0]
    at = _AT_CLOCK.search(main)
    main_tail = _tail(main[: at.start()]) if at else ""
    main_verb = base_form(clause.verb.words[-1]) if clause.verb.words else ""
    if at:
        _ask(inverted_clause(subject, clause.verb, main_tail), out)
        _part_of_day(subject, (main_verb, main_tail), at.group("clock"), text, out)
    taken: list[tuple[int, int]] = []  # the participles' spans: their objects are no nouns
    for found in _PARTICIPLE_AT.finditer(text):
        taken.append(found.span())
        word = found.group("ing").lower()
        base = ing_base(word)
        if word in STOPWORDS or word in _NOT_VERBS or (base not in VERBS and len(base) < 3):
            continue
        verb = in_tense_of(clause.verb, base, subject)
        _ask(inverted_clause(subject, verb, _tail(found.group("tail"))), out)
        _part_of_day(subject, (base, _tail(found.group("tail"))), found.group("clock"), text, out)
    after_main = text.find(",")
    for found in _NOUN_AT.finditer(text):
        words = found.group("np").split()
        inside = any(start <= found.start() < end for start, end in taken)
        if after_main < 0 or found.start() < after_main or inside or not _plain_noun(words):
            continue  # in the main clause, asked above; or a verb and its object
        out.add(f"What time is the {found.group('np')}")
        out.add(f"When is the {found.group('np')}")
        # "a second departure at 5:45 p.m.": the main verb again, at another time.
        if at:
            _part_of_day(subject, (main_verb, main_tail), found.group("clock"), text, out)
    for found in _AND_AT.finditer(text):
        if at:
            _part_of_day(subject, (main_verb, main_tail), found.group("clock"), text, out)


def part_of_day(clock: str) -> str:
    """ "7:10 a.m." -> "morning", "2 pm" -> "afternoon", "19:30" -> "evening"; "" if unsure."""
    found = re.match(r"(?P<h>\d{1,2})(?:[:.](?P<m>\d\d))?\s?(?P<half>[ap])?", clock, re.IGNORECASE)
    if not found:
        return ""
    hour = int(found.group("h")) % 12 if found.group("half") else int(found.group("h"))
    if (found.group("half") or "").lower() == "p":
        hour += 12
    if hour < 5 or hour > 23:
        return ""
    return "morning" if hour < 12 else "afternoon" if hour < 17 else "evening"


def _part_of_day(
    subject: str, action: tuple[str, str], clock: str, text: str, out: QuestionList
) -> None:
    """ "Flights will depart X at 7:10 a.m.": what time does the morning flight depart X.

    Only a plural subject: services that run several times a day, one of which
    the part of the day picks out. `action`: the verb's base form and what follows it.
    """
    verb, tail = action
    part = part_of_day(clock)
    words = noun_phrase(subject).split()
    if not part or not verb or not words or not all(w.isalpha() for w in words):
        return
    if words[0].lower() in DETERMINERS:
        words = words[1:]
    if not words or any(w[:1].isupper() for w in words[1:]) or len(words) > 3:
        return  # a name ("Skerrin Air"): no "morning Skerrin Air"
    if not re.search(r"[^s]s$", words[-1]):
        return  # one thing at one time ("The cafe opens at 7 am"), not services run all day
    thing = " ".join([*(w.lower() for w in words[:-1]), singular(words[-1].lower())])
    asked = inverted_clause(f"the {part} {thing}", Verb(0, (verb,), "present"), tail)
    _ask(asked, out)
    if re.search(rf"{re.escape(clock)}\s+on\s+{_DAYS}", text):
        out.add(f"On which days {asked}")  # "at 5:45 p.m. on Mondays and Fridays"
        article = "a" if part == "morning" else "an"
        out.add(f"Which days is there {article} {part} {thing}")


def _plain_noun(words: list[str]) -> bool:
    """ "second departure": lower-case words, none a verb, preposition or determiner."""
    for word in words:
        bare = clean_word(word)
        verb = bare in VERBS or base_form(bare) in VERBS or is_participle(bare)
        closed = bare in AUX or bare in PREPOSITIONS or bare in DETERMINERS
        if not word.islower() or verb or closed or bare.endswith("ing"):
            return False
    return True


def _tail(words: str) -> str:
    return _DAILY.sub("", words.strip(" ,"))


def _ask(inverted: str, out: QuestionList) -> None:
    out.add(f"What time {inverted}")
    out.add(f"When {inverted}")
