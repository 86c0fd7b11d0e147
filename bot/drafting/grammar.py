"""A grammar check of generated question phrasings: each rule a named function.

A rule reads one phrasing and returns what is wrong with it (one short line), or
None. The drafter drops a phrasing any rule objects to, and `python -m bot check`
reports such phrasings in entries still marked `draft: true`, with their line, so a
reviewer sees them. The rules know only English word order and a few word lists;
they never know a release.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from bot.drafting.verbs import base_form, clean_word, find_verb, is_participle
from bot.drafting.vocabulary import ADVERBS, BE, IRREGULAR, MODALS, PEOPLE, PREPOSITIONS, VERBS
from bot.language import STOPWORDS, words
from bot.language.lexicon import MONTHS
from bot.store import Problem, Store

Rule = Callable[[str], "str | None"]

_UNCOUNTABLE = words("uncountable_units")
_AGENT_ENDINGS = tuple(words("agent_suffixes"))
_MONTH_WORDS = frozenset(word.lower().rstrip(".") for row in MONTHS for word in row)
_DETERMINER_NEXT = re.compile(
    r"^(?:the|a|an|these|those|some|all|its|their|his|her|our|my|your|any|\d)", re.I
)
# Auxiliaries that must be followed by their subject in a question ("did the council",
# never "did for forty years"); "is" may be followed by a place ("What is in ...").
_INVERTING = MODALS | {"do", "does", "did", "have", "has", "had"}
# "What about X?" asks about a topic; a topic of more words that holds a verb or a
# figure is a statement pasted in ("What about the building cost £48 million?").
_TOPIC_WORDS = 4
_THING_PARTICIPLES = words("thing_participles")
_THING_VERBS = words("thing_verbs")
# "Who is sold", "Who can be sold", "Who has been sold"; never "Who has sold" (active).
_PASSIVE_AUX = (
    r"(?:(?:is|are|was|were)|(?:can|will|could|may|must|should|would)\s+be|(?:has|have)\s+been)"
)
_ASKING_AUX = r"(?:do|does|did|is|are|was|were|has|have|had|will|can|could|should|would|may)"
_PLURALS = words("irregular_plurals")
_SAYING = r"(?:say|tell|add|announce|write|state)"


def _words(phrasing: str) -> list[str]:
    return phrasing.rstrip("?").split()


def what_about_a_statement(phrasing: str) -> str | None:
    """ "What about the building cost £48 million?": "what about" takes a noun phrase only."""
    found = re.match(r"^What about\s+(?P<rest>.+?)\??$", phrasing)
    if not found:
        return None
    rest = found.group("rest").split()
    if len(rest) <= _TOPIC_WORDS:
        return None
    verb = find_verb(rest)
    figure_verb = any(
        (base_form(word) in VERBS and re.match(r"[\d£$€¥]", after)) or word.lower() in ADVERBS
        for word, after in itertools.pairwise(rest)
    )  # "the building cost £48 million", "the wing also houses": a verb after all
    if verb is None and not figure_verb:
        return None
    return "'what about' before a whole statement"


def sentence_opener_mid_question(phrasing: str) -> str | None:
    """ "How was It paid?", "What will Inside, passengers find?": a capital copied mid-question."""
    for word in _words(phrasing)[1:]:
        bare = clean_word(word)
        titled = word[:1].isupper() and word[1:].strip(",;:").islower()
        if titled and bare in STOPWORDS | PREPOSITIONS and bare not in _MONTH_WORDS | {"i"}:
            return f"{word.strip(',;:')!r} is capitalised mid-question (a copied sentence opener)"
    return None


def plural_verb_without_subject(phrasing: str) -> str | None:
    """ "What are free?", "Who are expected to ...": "are" needs a plural noun after it."""
    found = re.match(r"^(?:Who|What)\s+(?:are|were)\s+(?P<next>\S+)", phrasing)
    if not found or _DETERMINER_NEXT.match(found.group("next")):
        return None
    following = clean_word(found.group("next"))
    if following.endswith("s") or following in PREPOSITIONS or following == "there":
        return None  # "What are tickets ...", "Who were at ...", "What are there"
    if is_participle(following) or following in IRREGULAR:
        return None  # "What are processed on the drone?": a passive, its subject implied
    return f"'{phrasing.split(maxsplit=1)[0]} are' with no plural subject"


def how_many_of_no_count(phrasing: str) -> str | None:
    """ "How many pm ...": a clock time or a ratio is not counted."""
    found = re.search(r"\b[Hh]ow many\s+(?P<unit>\S+)", phrasing)
    if found and clean_word(found.group("unit")) in _UNCOUNTABLE:
        return f"'how many {found.group('unit')}' counts a unit that is no count"
    return None


def auxiliary_without_subject(phrasing: str) -> str | None:
    """ "How have for forty years islanders waited?": an auxiliary, then a preposition."""
    tokens = _words(phrasing)
    for first, second in itertools.pairwise(tokens[1:]):
        if first.lower() in _INVERTING and clean_word(second) in PREPOSITIONS - {"to"}:
            return f"no subject after {first!r}"
    return None


def who_is_a_thing(phrasing: str) -> str | None:
    """ "Who is the first passenger terminal ...": "who is the X" needs X to be a person."""
    found = re.match(r"^Who\s+(?:is|was|are|were)\s+(?:the|a|an)\s+(?P<np>[^?]+)", phrasing)
    if not found:
        return None
    noun_phrase = re.split(r"\s+(?:of|in|at|for|on|with|from|to|who|that)\s+|,", found["np"])[0]
    head = noun_phrase.split()[-1] if noun_phrase.split() else ""
    bare = clean_word(head)
    if not bare or not head[:1].islower() or bare in PEOPLE:
        return None  # a name or acronym ("the CEO") may be anyone
    if bare.endswith(_AGENT_ENDINGS) or bare.rstrip("s") in PEOPLE:
        return None
    return f"'who' asked of a thing ({head!r})"


def speaker_with_a_phrase(phrasing: str) -> str | None:
    """ "What did Ingrid Solberg at the opening ceremony say?": a phrase inside the speaker."""
    found = re.match(rf"^What\s+(?:did|does|will)\s+(?P<who>.+?)\s+{_SAYING}\b", phrasing)
    if not found:
        return None
    inside = found.group("who").split()
    for index, word in enumerate(inside):
        if clean_word(word) in PREPOSITIONS - {"of", "for"}:
            named = [w for w in inside[index + 1 :] if clean_word(w) not in STOPWORDS]
            if not all(w[:1].isupper() for w in named):  # "at HRHS" is part of a role
                return f"the speaker is followed by {clean_word(word)!r}"
    return None


def there_before_a_verb(phrasing: str) -> str | None:
    """ "How many passengers are there used ...": "there" then a second verb."""
    tokens = _words(phrasing)
    for index, token in enumerate(tokens[:-1]):
        if token.lower() == "there" and index and tokens[index - 1].lower() in BE:
            after = clean_word(tokens[index + 1])
            if after.endswith("ed") and after not in PREPOSITIONS:
                return f"a verb ({after!r}) after 'there'"
    return None


def who_of_a_thing_passive(phrasing: str) -> str | None:
    """ "Who can be bought at the desks?", "Who costs €12?": that is said of a thing."""
    found = re.match(rf"^Who\s+{_PASSIVE_AUX}\s+(?P<verb>\w+)\b", phrasing)
    if found and found.group("verb").lower() in _THING_PARTICIPLES:
        return f"'who' asked of a thing that is {found.group('verb')!r}"
    active = re.match(r"^Who\s+(?P<verb>\w+)\b", phrasing)
    if active and active.group("verb").lower() in _THING_VERBS:
        return f"'who' asked of a thing that {active.group('verb')!r}"
    return None


def how_many_of_one(phrasing: str) -> str | None:
    """ "How many roof does ...": "how many" counts a plural noun."""
    found = re.match(rf"^How many\s+(?P<np>.+?)\s+{_ASKING_AUX}\b", phrasing)
    if not found:
        return None
    counted = [clean_word(word) for word in found.group("np").split()]
    if any(w.endswith("s") or w in _PLURALS or not w.isalpha() or len(w) <= 2 for w in counted):
        return None  # "flights per week", "people", "km"
    return f"'how many' before the singular {counted[-1]!r}"


def who_with_a_bare_verb(phrasing: str) -> str | None:
    """ "Who run a hospital school?": "who" takes "runs" or "ran", never the bare verb."""
    found = re.match(r"^(?:Who|Which\s+\w+)\s+(?P<verb>\w+)\s+\S", phrasing)
    if not found:
        return None
    verb = found.group("verb").lower()
    if verb in VERBS and verb not in IRREGULAR and verb not in _INVERTING | BE | {"be"}:
        return f"'who' before the bare verb {verb!r}"
    return None


RULES: tuple[Rule, ...] = (
    what_about_a_statement,
    sentence_opener_mid_question,
    plural_verb_without_subject,
    how_many_of_no_count,
    auxiliary_without_subject,
    who_is_a_thing,
    speaker_with_a_phrase,
    there_before_a_verb,
    who_of_a_thing_passive,
    how_many_of_one,
    who_with_a_bare_verb,
)


def grammar_findings(phrasing: str) -> list[str]:
    """What the rules find wrong with one question phrasing (keyword phrasings pass)."""
    if not phrasing.endswith("?"):
        return []
    return [found for rule in RULES if (found := rule(phrasing)) is not None]


def is_grammatical(phrasing: str) -> bool:
    return not grammar_findings(phrasing)


def draft_grammar_warnings(store: Store) -> list[Problem]:
    """A warning for each ungrammatical phrasing of an entry still marked draft, with its line."""
    try:
        lines = store.path.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    warnings: list[Problem] = []
    for entry in store.entries:
        if not entry.draft:
            continue
        for question in entry.questions:
            for found in grammar_findings(question):
                line = _line_of(lines, question, entry.line)
                message = f"ungrammatical phrasing {question!r}: {found}"
                warnings.append(Problem(str(store.path), line, entry.id, message))
    return warnings


def _line_of(lines: Sequence[str], text: str, start: int) -> int:
    """The 1-based line at or after `start` that holds `text`, else `start`."""
    for number in range(max(start, 1), len(lines) + 1):
        if text in lines[number - 1] or text.rstrip("?") in lines[number - 1]:
            return number
    return start
