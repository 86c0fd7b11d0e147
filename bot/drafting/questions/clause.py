"""Questions asked of one clause: who, what, when, where, how many."""

from __future__ import annotations

import re

from bot.drafting.clauses import Clause, subject_case
from bot.drafting.dates import MONTH, WHEN
from bot.drafting.phrases import PLACE, cut_out, kinds_of, shorten
from bot.drafting.quantities import find_quantities
from bot.drafting.questions.collect import Known, QuestionList, who_or_what
from bot.drafting.questions.quantity import quantity_questions
from bot.drafting.verbs import base_form, clean_word, inverted_clause, is_participle
from bot.drafting.vocabulary import (
    AUX,
    DANGLING,
    DETERMINERS,
    ID_BEFORE,
    OBJECT,
    PAST_OF,
    PREPOSITIONS,
    PUBLIC,
    VERBS,
)
from bot.language import (
    STOPWORDS,
    squash_whitespace,
)

_SUBORDINATE = re.compile(
    r"\b(?:since|after|before|when|until|as)\s+[a-z][^,;]*|,?\s*according to [^,;]*"
)


_NAMED_NOUN = re.compile(
    r"\b(?:in|at|by|from|with|on)\s+the\s+(?P<noun>[a-z]+)\s+(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)


_ROUTE = re.compile(
    r"\bfrom\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+to\s+(?:the\s+)?[A-Z]"
)


def clause_questions(
    clause: Clause, subject: str, known: Known, out: QuestionList, *, dated: bool
) -> None:
    verb = clause.verb
    subject_q = subject_case(subject, known.lower_words)
    rest = clause.rest
    main = squash_whitespace(_SUBORDINATE.sub(" ", rest))  # without "since records began ..."
    tail = shorten(rest)
    there = subject.lower() == "there"
    verbs = " ".join(verb.words)
    modal_only = len(verb.words) == 1 and verb.tense == "aux"
    if not there and verb.tense != "plural" and not modal_only:
        out.add(f"{who_or_what(subject, known)} {verbs} {tail}")
        for kind in kinds_of(subject):
            out.add(f"Which {kind} {verbs} {tail}")
    if there:
        listed = re.match(
            r"(?:several|many|some|a number of|a few|various|numerous|two|three|four|five)?\s*"
            r"(?P<np>[a-z][\w\s-]*?)(?:\s+(?P<pp>(?:between|in|at|for|with|on|across)\s.+))?$",
            tail,
        )
        if listed and not listed.group("np")[:1].isdigit():
            pp = listed.group("pp") or ""
            out.add(f"What {listed.group('np')} {verbs} there {pp}")
            out.add(f"Which {listed.group('np')} {verbs} there")
            if rest.rstrip().endswith(":") or ":" in clause.rest or verbs in ("are", "were"):
                out.add(f"List the {listed.group('np')}", question=False)
                out.add(f"What are the {listed.group('np')}")
    identified = re.search(r"\b(?P<noun>(?:[a-z]+\s)?[a-z]+)\s+\d+\b", subject)
    if identified and identified.group("noun").split()[-1] in ID_BEFORE:
        out.add(f"Which {identified.group('noun')} {verbs} {tail}")  # "Which bus route ..."
    first_rest = clean_word(rest.split()[0]) if rest.split() else ""
    objective = first_rest and first_rest not in PREPOSITIONS and not first_rest[0].isdigit()
    objective = objective and first_rest not in ("every", "up", "more", "less", "about", "that")
    objective = objective and not first_rest.endswith("ly") and not is_participle(verb.words[-1])
    if not there and objective and verb.tense != "be" and not modal_only:
        out.add(f"What {inverted_clause(subject_q, verb, '')}")
    if verb.tense == "be" and first_rest in ("a", "an", "the") and not there:
        out.add(f"What is {subject_q}")
    if re.match(r"\d+\s+to\s+\d+\b", rest) and verb.tense in ("past", "present"):
        out.add(f"How {inverted_clause(subject_q, verb, '')}")  # "voted 31 to 8": how did they vote
    passive = verb.tense == "aux" and len(verb.words) > 1 and is_participle(verb.words[-1])
    if passive:
        out.add(f"How {inverted_clause(subject_q, verb, '')}")
        agent = re.search(r"\bby\s+(?:the\s+)?(?P<agent>[A-Z][^,;]*)", rest)
        thing = re.match(r"by\s+(?:how|what|the|a|an)\b", rest)
        if thing and verb.words[-1].endswith("ed"):
            out.add(f"What {verb.words[-1]} {OBJECT.get(subject_q.lower(), subject_q)}")
        if agent:
            past = PAST_OF.get(verb.words[-1], verb.words[-1])
            out.add(f"Who {past} {subject_q}")
            for kind in kinds_of(agent.group("agent")):
                out.add(f"Which {kind} {past} {subject_q}")
    for match in _NAMED_NOUN.finditer(main):
        noun = match.group("noun")
        without = shorten(cut_out(main, match.start(), match.end()))
        if passive:
            out.add(f"Which {noun} {PAST_OF.get(verb.words[-1], verb.words[-1])} {subject_q}")
        out.add(f"In which {noun} {inverted_clause(subject_q, verb, without)}")
    if dated:
        out.add(f"When {inverted_clause(subject_q, verb, tail)}")
    for match in WHEN.finditer(main):
        without = shorten(cut_out(main, match.start(), match.end()))
        out.add(f"When {inverted_clause(subject_q, verb, without)}")
        if re.fullmatch(r"(?:\w+\s+)?(?:1[89]|20)\d\d", match.group(0)):
            out.add(f"In which year {inverted_clause(subject_q, verb, without)}")
    for match in PLACE.finditer(main):
        place = match.group("place")
        if WHEN.fullmatch(place) or re.match(MONTH + r"$", place):
            continue
        without = shorten(cut_out(main, match.start(), match.end()))
        out.add(f"Where {inverted_clause(subject_q, verb, without)}")
    for named in re.finditer(
        r"(?<![.!?]\s)\b[A-Z][\w’'-]*[\w-]\s+(?P<noun>[a-z]{4,}s)\b(?!\s+(?:of|to|for)\b)", main
    ):
        noun = named.group("noun")
        if noun not in STOPWORDS and base_form(noun) not in VERBS and not noun.endswith("ss"):
            out.add(
                f"Which {noun} {inverted_clause(subject_q, verb, '')}"
            )  # "Sentinel-1 satellites"
    public = clean_word(subject.rsplit(maxsplit=1)[-1]) if subject.split() else ""
    if public in PUBLIC and verb.words[0] in ("can", "may", "could") and len(verb.words) > 1:
        action = " ".join(verb.words[1:])
        wanted = shorten(re.sub(r"\s+(?:at|in|on|from|via|online)\s.*$", "", rest), 6)
        out.add(f"Where can I {action} {wanted}")
        out.add(f"How can I {action} {wanted}")
    route = _ROUTE.search(main)
    if route:
        thing = re.search(r"(?:\b(?:a|an|the)\s+)([^,;]+?)\s*$", main[: route.start()])
        if thing:
            noun = re.sub(r"^[\d.,]+\s+(?:km|m|miles|kilometres|metres)\s+", "", thing.group(1))
            out.add(f"Where does the {noun} run")
            out.add(f"Where will the {noun} go")
    for quantity in find_quantities(rest):
        quantity_questions(quantity, rest, subject_q, verb, out, there=there)
    for quantity in find_quantities(subject):
        if quantity.kind == "money":
            out.add(f"How much {verbs} {tail}")
        elif quantity.kind == "count" and quantity.noun:
            out.add(f"How many {quantity.noun} {verbs} {tail}")
    for match in re.finditer(
        r"\b\w+-(?:year|month|week|day|hour|minute)(?:-long)?\s+(?P<noun>(?:[a-z][\w-]*\s+)?[a-z][\w-]*)",
        f"{subject} {rest}",
    ):
        noun = " ".join(w for w in match.group("noun").split() if w not in DANGLING | AUX)
        tense = "was" if verb.tense == "past" or verb.words[0] in ("was", "were") else "is"
        if noun:
            out.add(f"How long {tense} the {noun}")
    for match in re.finditer(
        r"\b(?:\d+(?:st|nd|rd|th)|first|second|third)\s+(?P<sup>\w+est)\s+(?P<noun>[a-z]+(?:\s[a-z]+)?)",
        rest,
    ):
        noun = " ".join(w for w in match.group("noun").split() if w not in DANGLING)
        out.add(f"Where does {subject_q} rank as a {noun}")
        out.add(f"{match.group('sup')} {noun}", question=False)


def verbless_questions(text: str, known: Known, out: QuestionList) -> None:
    """A list item or a noun phrase ("13 flights between Almaty and Seoul")."""
    for quantity in find_quantities(text):
        if quantity.kind == "count" and quantity.noun:
            out.add(f"How many {quantity.noun} are there {quantity.after}")
            out.add(f"How many {quantity.noun} {quantity.after}")
        elif quantity.kind == "power" and quantity.noun:
            out.add(f"What is the capacity of the {quantity.noun}")
            out.add(f"How big is the {quantity.noun}")
    short = shorten(text, 9)
    if short:
        first = short.split()[0]
        if first.lower() in known.lower_words or first.lower() in DETERMINERS:
            short = short[0].lower() + short[1:]
        out.add(f"What about {short}")
    for match in PLACE.finditer(text):
        head = shorten(text[: match.start()], 8)
        if head:
            out.add(f"Where is {head[0].lower() + head[1:]}")
