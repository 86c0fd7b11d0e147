"""Language analysis in one place: folding, word forms, word lists, synonyms, sentences.

Everything here is pure (strings in, strings out) and imports nothing from
the store, the matcher or Telegram. The names below are the package's API;
the modules say how each works.
"""

from bot.language.lexicon import (
    COMMON_WORDS,
    MONTHS,
    NUMBER_WORDS,
    QUESTION_WORDS,
    STOPWORDS,
    UNITS,
    LexiconError,
    rows,
    words,
)
from bot.language.morphology import inflections, stem
from bot.language.normalise import normalise, squash_whitespace
from bot.language.sentences import split_sentences
from bot.language.synonyms import SynonymTable

__all__ = [
    "COMMON_WORDS",
    "MONTHS",
    "NUMBER_WORDS",
    "QUESTION_WORDS",
    "STOPWORDS",
    "UNITS",
    "LexiconError",
    "SynonymTable",
    "inflections",
    "normalise",
    "rows",
    "split_sentences",
    "squash_whitespace",
    "stem",
    "words",
]
