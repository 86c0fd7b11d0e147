"""Questions asked of one clause: who, what, when, where, how many."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.drafting.clauses import Clause, subject_case
from bot.drafting.dates import MONTH, WHEN
from bot.drafting.phrases import PLACE, cut_out, kinds_of, shorten
from bot.drafting.quantities import find_quantities
from bot.drafting.questions.collect import Known, QuestionList, who_or_what
from bot.drafting.questions.quantity import quantity_questions
from bot.drafting.verbs import Verb, base_form, clean_word, inverted_clause, is_participle
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
from bot.language.morphology import verb_forms, verb_lemma

_SUBORDINATE = re.compile(
    r"\b(?:since|after|before|when|until|as)\s+[a-z][^,;]*|,?\s*according to [^,;]*"
)


_NAMED_NOUN = re.compile(
    r"\b(?:in|at|by|from|with|on)\s+the\s+(?P<noun>[a-z]+)\s+(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)


_ROUTE = re.compile(
    r"\bfrom\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+to\s+(?:the\s+)?[A-Z]"
)


@dataclass(frozen=True)
class Asked:
    """One clause as the question rules see it, read once."""

    clause: Clause
    subject: str  # as written, with "It" resolved
    subject_q: str  # as it reads mid-question: "the council"
    main: str  # the rest without subordinate clauses ("since records began ...")
    tail: str  # the rest up to its first clause boundary
    known: Known
    dated: bool  # a time was said about the whole clause

    @property
    def verb(self) -> Verb:
        return self.clause.verb

    @property
    def rest(self) -> str:
        return self.clause.rest

    @property
    def verbs(self) -> str:
        return " ".join(self.verb.words)

    @property
    def there(self) -> bool:
        return self.subject.lower() == "there"

    @property
    def modal_only(self) -> bool:
        return len(self.verb.words) == 1 and self.verb.tense == "aux"

    @property
    def passive(self) -> bool:
        words = self.verb.words
        return self.verb.tense == "aux" and len(words) > 1 and is_participle(words[-1])

    @property
    def first_rest(self) -> str:
        return clean_word(self.rest.split()[0]) if self.rest.split() else ""

    def inverted(self, tail: str = "") -> str:
        return inverted_clause(self.subject_q, self.verb, tail)


def clause_questions(
    clause: Clause, subject: str, known: Known, out: QuestionList, *, dated: bool
) -> None:
    """Every question rule, in order, applied to one clause."""
    asked = read_clause(clause, subject, known, dated=dated)
    for rule in CLAUSE_RULES:
        rule(asked, out)


def read_clause(clause: Clause, subject: str, known: Known, *, dated: bool) -> Asked:
    """The clause as the question rules see it, `subject` standing for its own."""
    return Asked(
        clause=clause,
        subject=subject,
        subject_q=subject_case(subject, known.lower_words, known.names),
        main=squash_whitespace(_SUBORDINATE.sub(" ", clause.rest)),
        tail=shorten(clause.rest),
        known=known,
        dated=dated,
    )


def _who_did(c: Asked, out: QuestionList) -> None:
    """ "Who approved the extension", "Which council approved ..."."""
    if not c.there and c.verb.tense != "plural" and not c.modal_only:
        out.add(f"{who_or_what(c.subject, c.known)} {c.verbs} {c.tail}")
        for kind in kinds_of(c.subject):
            out.add(f"Which {kind} {c.verbs} {c.tail}")


_LISTED = re.compile(
    r"(?:several|many|some|a number of|a few|various|numerous|two|three|four|five)?\s*"
    r"(?P<np>[a-z][\w\s-]*?)(?:\s+(?P<pp>(?:between|in|at|for|with|on|across)\s.+))?$"
)


def _there_are(c: Asked, out: QuestionList) -> None:
    """ "There are several projects ...": what projects are there, list the projects."""
    listed = _LISTED.match(c.tail) if c.there else None
    if not listed or listed.group("np")[:1].isdigit():
        return
    np = listed.group("np")
    out.add(f"What {np} {c.verbs} there {listed.group('pp') or ''}")
    out.add(f"Which {np} {c.verbs} there")
    if c.rest.rstrip().endswith(":") or ":" in c.rest or c.verbs in ("are", "were"):
        out.add(f"List the {np}", question=False)
        out.add(f"What are the {np}")


def _numbered_subject(c: Asked, out: QuestionList) -> None:
    """ "Bus route 14 will be diverted": which bus route will be diverted."""
    identified = re.search(r"\b(?P<noun>(?:[a-z]+\s)?[a-z]+)\s+\d+\b", c.subject)
    if identified and identified.group("noun").split()[-1] in ID_BEFORE:
        out.add(f"Which {identified.group('noun')} {c.verbs} {c.tail}")


def _what_object(c: Asked, out: QuestionList) -> None:
    """A verb with an object: "What did the council approve"."""
    first = c.first_rest
    objective = bool(first) and first not in PREPOSITIONS and not first[0].isdigit()
    objective = objective and first not in ("every", "up", "more", "less", "about", "that")
    objective = objective and not first.endswith("ly") and not is_participle(c.verb.words[-1])
    if not c.there and objective and c.verb.tense != "be" and not c.modal_only:
        out.add(f"What {c.inverted()}")


def _what_is(c: Asked, out: QuestionList) -> None:
    """ "X is a ...": what is X."""
    if c.verb.tense == "be" and c.first_rest in ("a", "an", "the") and not c.there:
        out.add(f"What is {c.subject_q}")


def _vote(c: Asked, out: QuestionList) -> None:
    """ "voted 31 to 8": how did they vote."""
    if re.match(r"\d+\s+to\s+\d+\b", c.rest) and c.verb.tense in ("past", "present"):
        out.add(f"How {c.inverted()}")


def _passive(c: Asked, out: QuestionList) -> None:
    """ "was funded by the Swiss National Science Foundation": who funded it, how was it."""
    if not c.passive:
        return
    out.add(f"How {c.inverted()}")
    last = c.verb.words[-1]
    agent = re.search(r"\bby\s+(?:the\s+)?(?P<agent>[A-Z][^,;]*)", c.rest)
    thing = re.match(r"by\s+(?:how|what|the|a|an)\b", c.rest)
    if thing and last.endswith("ed"):
        out.add(f"What {last} {OBJECT.get(c.subject_q.lower(), c.subject_q)}")
    if agent:
        past = PAST_OF.get(last, last)
        if re.match(r"(?:for|on|to|with|about)\s+by\b", c.rest):
            past = f"{past} {c.first_rest}"  # "was paid for by": who paid for it
        out.add(f"Who {past} {c.subject_q}")
        if c.verb.words[0] in ("is", "are") and last.endswith("ed"):
            forms = verb_forms(verb_lemma(last))  # "is sponsored by": who sponsors it
            if forms and forms[0].endswith("s"):
                out.add(f"Who {forms[0]} {c.subject_q}")
        for kind in kinds_of(agent.group("agent")):
            out.add(f"Which {kind} {past} {c.subject_q}")


def _named_nouns(c: Asked, out: QuestionList) -> None:
    """ "in the village Zermatt": in which village ..."""
    for match in _NAMED_NOUN.finditer(c.main):
        noun = match.group("noun")
        without = shorten(cut_out(c.main, match.start(), match.end()))
        if c.passive:
            last = c.verb.words[-1]
            out.add(f"Which {noun} {PAST_OF.get(last, last)} {c.subject_q}")
        out.add(f"In which {noun} {c.inverted(without)}")


def _when(c: Asked, out: QuestionList) -> None:
    """A date or time in the clause (or said before its verb): when, in which year."""
    if c.dated:
        out.add(f"When {c.inverted(c.tail)}")
    for match in WHEN.finditer(c.main):
        without = shorten(cut_out(c.main, match.start(), match.end()))
        out.add(f"When {c.inverted(without)}")
        if re.fullmatch(r"(?:\w+\s+)?(?:1[89]|20)\d\d", match.group(0)):
            out.add(f"In which year {c.inverted(without)}")


def _where(c: Asked, out: QuestionList) -> None:
    """A place ("in Almaty") that is not a time: where."""
    for match in PLACE.finditer(c.main):
        place = match.group("place")
        if WHEN.fullmatch(place) or re.match(MONTH + r"$", place):
            continue
        without = shorten(cut_out(c.main, match.start(), match.end()))
        out.add(f"Where {c.inverted(without)}")


_NAMED_PLURAL = re.compile(
    r"(?<![.!?]\s)\b[A-Z][\w’'-]*[\w-]\s+(?P<noun>[a-z]{4,}s)\b(?!\s+(?:of|to|for)\b)"
)


def _which_named(c: Asked, out: QuestionList) -> None:
    """ "Sentinel-1 satellites": which satellites."""
    for named in _NAMED_PLURAL.finditer(c.main):
        noun = named.group("noun")
        if noun not in STOPWORDS and base_form(noun) not in VERBS and not noun.endswith("ss"):
            out.add(f"Which {noun} {c.inverted()}")


def _public_can(c: Asked, out: QuestionList) -> None:
    """ "Residents can view the plans online": where can I view the plans."""
    public = clean_word(c.subject.rsplit(maxsplit=1)[-1]) if c.subject.split() else ""
    words = c.verb.words
    if public in PUBLIC and words[0] in ("can", "may", "could") and len(words) > 1:
        action = " ".join(words[1:])
        wanted = shorten(re.sub(r"\s+(?:at|in|on|from|via|online)\s.*$", "", c.rest), 6)
        out.add(f"Where can I {action} {wanted}")
        out.add(f"How can I {action} {wanted}")


def _route(c: Asked, out: QuestionList) -> None:
    """ "a 6.8 km extension from Central Station to Northgate": where does it run."""
    route = _ROUTE.search(c.main)
    thing = route and re.search(r"(?:\b(?:a|an|the)\s+)([^,;]+?)\s*$", c.main[: route.start()])
    if thing:
        noun = re.sub(r"^[\d.,]+\s+(?:km|m|miles|kilometres|metres)\s+", "", thing.group(1))
        out.add(f"Where does the {noun} run")
        out.add(f"Where will the {noun} go")


def _quantities(c: Asked, out: QuestionList) -> None:
    """Numbers after the verb (see `quantity_questions`) and in the subject."""
    for quantity in find_quantities(c.rest):
        quantity_questions(quantity, c.rest, c.subject_q, c.verb, out, there=c.there)
    for quantity in find_quantities(c.subject):
        if quantity.kind == "money":
            out.add(f"How much {c.verbs} {c.tail}")
        elif quantity.kind == "count" and quantity.noun:
            out.add(f"How many {quantity.noun} {c.verbs} {c.tail}")


_LASTING = re.compile(
    r"\b\w+-(?:year|month|week|day|hour|minute)(?:-long)?\s+"
    r"(?P<noun>(?:[a-z][\w-]*\s+)?[a-z][\w-]*)"
)


def _how_long(c: Asked, out: QuestionList) -> None:
    """ "The four-year project": how long was the project."""
    for match in _LASTING.finditer(f"{c.subject} {c.rest}"):
        noun = " ".join(w for w in match.group("noun").split() if w not in DANGLING | AUX)
        past = c.verb.tense == "past" or c.verb.words[0] in ("was", "were")
        if noun:
            out.add(f"How long {'was' if past else 'is'} the {noun}")


_RANK = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|first|second|third)\s+(?P<sup>\w+est)\s+"
    r"(?P<noun>[a-z]+(?:\s[a-z]+)?)"
)


def _rank(c: Asked, out: QuestionList) -> None:
    """ "the 4th largest trading partner": where does it rank."""
    for match in _RANK.finditer(c.rest):
        noun = " ".join(w for w in match.group("noun").split() if w not in DANGLING)
        out.add(f"Where does {c.subject_q} rank as a {noun}")
        out.add(f"{match.group('sup')} {noun}", question=False)


# In order: the order of a fact's questions is the order they are added in.
CLAUSE_RULES: tuple[Callable[[Asked, QuestionList], None], ...] = (
    _who_did,
    _there_are,
    _numbered_subject,
    _what_object,
    _what_is,
    _vote,
    _passive,
    _named_nouns,
    _when,
    _where,
    _which_named,
    _public_can,
    _route,
    _quantities,
    _how_long,
    _rank,
)


def verbless_questions(text: str, known: Known, out: QuestionList) -> None:
    """A list item or a noun phrase ("13 flights between Almaty and Seoul")."""
    for quantity in find_quantities(text):
        if quantity.kind == "count" and quantity.noun and quantity.prep != "with":
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
