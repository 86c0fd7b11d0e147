"""English word forms: the matcher's small stemmer and regular inflections.

One family of functions answers "is this the same word?" for the whole
package; add a new form here rather than beside the code that needs it.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import re
from pathlib import Path

import snowballstemmer


def stem(word: str) -> str:
    """A deliberately tiny stemmer: plural and possessive endings only.

    It keeps "flights"/"flight" and "plants"/"plant" together without
    inventing words the release never used.

    >>> [stem(w) for w in ("flights", "countries", "business", "status")]
    ['flight', 'country', 'business', 'status']
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def inflections(word: str) -> set[str]:
    """`word` with the regular English endings ("skim": "skims", "skimmed", "skimming").

    Over-generation is mostly harmless: a form nobody writes is never looked
    up, and a real word it makes ("founded" from "found") is everyday too.
    """
    forms = {word}
    if len(word) < 3 or not word.isalpha():
        return forms
    base = word[:-1] if word.endswith("e") else word
    forms |= {word + "s", word + "es", base + "ed", base + "ing", word + "ly"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    # A short word ending consonant-vowel-consonant doubles its last letter.
    if len(word) <= 4 and re.fullmatch(r".*[^aeiou][aeiou][^aeiouwxy]", word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


@functools.cache
def verb_forms(base: str) -> tuple[str, ...]:
    """The other forms of the English verb `base`: -s, -ing, past, past participle.

    From lemminflect's dictionary (irregular verbs and doubled consonants
    included), or its rules for a verb it does not know. One spelling per form,
    none equal to `base`, no repeats.

    >>> verb_forms("commit")
    ('commits', 'committing', 'committed')
    >>> verb_forms("take")
    ('takes', 'taking', 'took', 'taken')
    >>> verb_forms("cut")
    ('cuts', 'cutting')
    """
    # lemminflect pulls in numpy: loaded on first use, by drafting only, not at bot start.
    from lemminflect import getAllInflections, getAllInflectionsOOV  # noqa: PLC0415

    forms = getAllInflections(base, upos="VERB") or getAllInflectionsOOV(base, upos="VERB")
    ordered = [spelled[0] for tag in ("VBZ", "VBG", "VBD", "VBN") if (spelled := forms.get(tag))]
    return tuple(form for form in dict.fromkeys(ordered) if form != base)


@functools.cache
def noun_plurals(noun: str) -> tuple[str, ...]:
    """The plurals of the English noun `noun` other than itself, from lemminflect:
    its dictionary's, or its rules' for a word of four letters or more it knows
    neither as a noun nor as an adjective ("tiny"), nor a form ("priced").
    None for a mass noun ("luggage").

    >>> noun_plurals("jet"), noun_plurals("subsidy"), noun_plurals("attendee")
    (('jets',), ('subsidies',), ('attendees',))
    >>> noun_plurals("tiny"), noun_plurals("luggage"), noun_plurals("priced")
    ((), (), ())
    """
    from lemminflect import getAllInflections, getAllInflectionsOOV  # noqa: PLC0415

    forms = getAllInflections(noun, upos="NOUN")
    unknown = not forms and not getAllInflections(noun, upos="ADJ")
    if unknown and len(noun) >= 4 and noun.isalpha() and not noun.endswith(("ed", "ing", "ly")):
        forms = getAllInflectionsOOV(noun, upos="NOUN")
    return tuple(p for p in forms.get("NNS", ()) if p != noun)


def verb_lemma(form: str) -> str:
    """The base of the English verb form `form`, from lemminflect ("sponsored" -> "sponsor").

    >>> verb_lemma("sponsored")
    'sponsor'
    """
    from lemminflect import getLemma  # noqa: PLC0415

    found = getLemma(form, upos="VERB")
    return found[0] if found else form


def suffix_root(word: str) -> str:
    """A word without one inflectional or derivational ending, keeping 3 letters.

    Coarser than `stem`: "approved" and "approval" meet, so drafting can tell that
    two phrasings say the same thing.

    >>> [suffix_root(w) for w in ("meeting", "meet", "approved", "approval", "plant", "plan")]
    ['meet', 'meet', 'approv', 'approv', 'plant', 'plan']
    """
    for suffix in _root_suffixes():
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@functools.cache
def _root_suffixes() -> tuple[str, ...]:
    """The endings `suffix_root` strips (data/suffixes_en.txt), longest of a family first."""
    # The lexicon imports this module (to stem its lists), so it is imported late.
    from bot.language.lexicon import rows  # noqa: PLC0415

    return tuple(suffix for row in rows("suffixes_en") for suffix in row)


_ENGLISH = snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=65536)
def english_stem(word: str) -> str:
    """The Snowball (Porter 2) English stem of a lower-case `word`: one stem for the
    forms of one word, and different stems for different words that merely share
    letters ("general" / "generation", "not" / "noted", "founded" / "foundation").

    >>> [english_stem(w) for w in ("funding", "funded", "general", "generation", "noted")]
    ['fund', 'fund', 'general', 'generat', 'note']
    """
    stemmed: str = _ENGLISH.stemWord(word)
    return stemmed


def is_english_word(word: str) -> bool:
    """Whether the lower-case `word` is an English word form lemminflect's lemma table
    lists: a word it knows ("nuclear", "arts", "minister") is no typo of another.

    >>> [is_english_word(w) for w in ("nuclear", "arts", "afect", "menshioned")]
    [True, True, False, False]
    """
    return word in _english_words()


@functools.cache
def _english_words() -> frozenset[str]:
    """Every word form of lemminflect's lemma table (about 70,000), read from its data
    file alone: lemminflect itself pulls in numpy, which matching does without."""
    from bot.language.lexicon import LexiconError  # noqa: PLC0415 (it imports this module)

    spec = importlib.util.find_spec("lemminflect")
    if spec is None or not spec.submodule_search_locations:
        raise LexiconError("lemminflect is not installed: its lemma table lists English words")
    path = Path(spec.submodule_search_locations[0]) / "resources" / "lemma_lu.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as table:
        return frozenset(line.split(",", 1)[0].lower() for line in table)
