"""Word lists of the English drafting heuristics, read from `bot/language/data/`.

Each list is one file there (see its first line for what it holds); the tables
(irregular verbs, units, currencies ...) have one row a line. Only a few small
grammar mappings stay here, beside the code that reads them.
"""

from __future__ import annotations

from bot.language import COMMON_WORDS, stem, words
from bot.language.lexicon import rows

BE = words("be_forms")
MODALS = words("modal_verbs")
# "has approved" -> "does it have"; "had" -> "did it have".
HAVE = {"has": "does", "have": "do", "had": "did"}
AUX = BE | MODALS | frozenset(HAVE) | {"be", "been", "being"}
ADVERBS = words("clause_adverbs")
DETERMINERS = words("determiners")
PREPOSITIONS = words("prepositions")
OPENERS = words("clause_openers")
PRONOUNS = words("reference_pronouns")
RELATIVE = words("relative_pronouns")
PLURAL_PRONOUNS = words("plural_pronouns")
REPORTING = words("reporting_verbs")
VERBS = words("verbs")
DANGLING = PREPOSITIONS | words("dangling_words")
CONNECTORS = words("name_connectors")
PEOPLE = words("people_nouns")
PUBLIC = words("public_nouns")
COMPARATIVE = words("comparatives")
ID_BEFORE = words("identifier_nouns")
DIMENSIONS = words("dimensions")
# "am", "pm" ("p.m." written without its dots): units of a clock time, never counted.
UNCOUNTABLE = frozenset(w.replace(".", "") for w in words("uncountable_units"))
# A pronoun as the object of a question: "What surprised us".
OBJECT = {"we": "us", "i": "me", "they": "them", "he": "him", "she": "her"}

IRREGULAR = {form: row[0] for row in rows("irregular_verbs") for form in row[1:]}
"""An irregular past or participle -> its base form: "took" -> "take"."""
PAST_OF = {row[2]: row[1] for row in rows("irregular_verbs") if len(row) > 2}
"""An irregular participle -> the past: "taken" -> "took"."""
ORG_KINDS = {word: row[0] for row in rows("organisation_kinds") for word in row[1:]}
"""A word of an organisation's name -> the kind of organisation: "gmbh" -> "company"."""
NOMINAL: dict[str, tuple[str, str, str]] = {
    row[0]: (row[1], row[2], row[3]) for row in rows("action_nouns")
}
"""An action noun -> its verb (base, -ing, 3rd person): "construction" -> "build" ..."""
CURRENCY = {symbol: row[0] for row in rows("currencies") for symbol in row[1:]}
"""A currency symbol or code -> the word a question uses: "€" -> "euros"."""
UNIT_NAMES = {row[1]: row[0] for row in rows("unit_names")}
"""A unit abbreviation -> its name: "km" -> "kilometres"."""

THING_ENDINGS = tuple(words("thing_suffixes"))


def everyday_word(lowered: str) -> bool:
    """An everyday English word or a noun of a thing ("construction"): no name by itself."""
    return stem(lowered) in COMMON_WORDS or lowered.endswith(THING_ENDINGS)
