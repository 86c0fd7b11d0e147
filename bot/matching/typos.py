"""Typo correction: the store word a mistyped word is a typo of (`correct`), and
whether a word is an everyday word mistyped (`is_slip`). Read by `query.read`.

A word of its own is never taken for a typo: a word the store knows, an English
word that is no form of the store's word ("arts" is no "marts"), a word that says
the opposite ("dissatisfaction"), a longer word built on the stem ("министрлік",
a ministry, of "министрі", its minister). Names are transliterated many ways, so a
word one or two edits from a name of the release is that name.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from bot.language import words
from bot.language.morphology import english_stem, is_english_word
from bot.matching.index import StoreIndex
from bot.matching.params import Params
from bot.matching.slips import doubling_slip

# "dis-", "un-": a prefix that makes a word its opposite, not a typo of it.
_NEGATING = words("negating_prefixes")


def correct(token: str, index: StoreIndex, params: Params) -> str:
    """`token`, or the store word it is a typo of."""
    spelt = index.language.spelling(token)
    if token in index.known_raw or len(spelt) < params.min_typo_len or token.isdigit():
        return token
    if index.alphabet.isdisjoint(spelt):
        return token
    english = index.language.language == "en"
    if len(token) >= params.min_name_typo_len:
        # Names are transliterated many ways ("Korkut", "Kyzilorda"): one edit
        # away from a name of the release (two for 8+ letters) is that name.
        limit = 1 if len(token) < 8 else 2
        near = process.extractOne(
            token, index.name_spellings, scorer=Levenshtein.distance, score_cutoff=limit
        )
        if near:
            return str(near[0])
    cutoff = params.typo_cutoff_long if len(spelt) >= 7 else params.typo_cutoff_short
    best = process.extractOne(spelt, index.typo_vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff)
    if best is None:
        best = _one_edit(spelt, index)
    if best is not None:
        word = index.language.written(str(best[0]))
    elif (heard := _heard(token, index)) is not None:
        word = heard
    else:
        return token
    stem = index.language.stem
    if stem(token) in index.vocabulary and stem(word) not in index.vocabulary:
        # A form of a store word ("занимал" of "занимает") is read by its stem, not as a
        # bare stem ("занима") that would stem again into no store word ("заним").
        return token
    if (
        english
        and is_english_word(token)
        and not _derived(english_stem(token), word)
        and not doubling_slip(token, word)
    ):
        # A word of its own, not a form of the store's word: "arts" is no "marts",
        # "nuclear" no "unclear" ("traveled" is a form of "travelled", "employees" a
        # word made from "employs").
        return token
    return token if _negates(token, word) or _extends(token, word, index) else word


def _derived(stem: str, word: str) -> bool:
    """Whether a word of stem `stem` is `word` or made from it by a suffix ("employe" of
    "employs": an employee is who is employed)."""
    theirs = english_stem(word)
    return stem == theirs or (len(theirs) >= _MIN_DERIVED_FROM and stem.startswith(theirs))


_MIN_DERIVED_FROM = 5  # a shorter stem starts too many unrelated words ("art", "mart")


def _extends(token: str, word: str, index: StoreIndex) -> bool:
    """ "министрлік" (a ministry) is no typo of "министрі" (its minister): a longer
    word that starts with the stem of `token` is another word built on it."""
    stem = index.language.stem(token)
    return len(word) > len(token) and word.startswith(stem) and index.language.stem(word) != stem


def _one_edit(spelt: str, index: StoreIndex) -> tuple[str, float, int] | None:
    """The store word `Analyser.typo_edits` letter edits from `spelt`, or None when
    there is none, or several that mean different things (then the typo could be of
    either; "몇펀" is "몇편" or "몇번", both "몇 회" to the store), unless only one of
    them is a name of the release."""
    edits = index.language.typo_edits
    if not edits:
        return None
    near = process.extract(
        spelt, index.typo_vocabulary, scorer=Levenshtein.distance, score_cutoff=edits, limit=3
    )
    meanings = {index.synonyms.apply(index.language.written(str(n[0]))) for n in near}
    if len(meanings) == 1:
        return near[0]
    # A name of the release is what people most often type wrong: "기야" is "기아" (Kia),
    # not "기여" (a contribution), where one is a name and the others are not.
    names = [n for n in near if index.language.written(str(n[0])) in index.all_names]
    return names[0] if len(names) == 1 else None


def _heard(token: str, index: StoreIndex) -> str | None:
    """The store word `token`, or its stem, sounds just like (`Analyser.sounds`), or
    None: a Russian typo made by ear ("пасол" for "посол", "новасть" for the stem
    "новост"). Only the very sound: one slip more would join other words ("премьер"
    and "пример")."""
    sounds = index.language.sounds
    if sounds is None:
        return None
    heard = index.sounds.get(sounds(token))
    stem = index.language.stem(token)
    if heard is not None or stem in index.vocabulary:
        return heard  # a form of a store word ("влияет" of "влияют") is read by its stem
    return index.sounds.get(sounds(stem))


def _negates(token: str, word: str) -> bool:
    """ "dissatisfaction" is no typo of "satisfaction": it says the opposite."""
    return token.endswith(word) and token[: len(token) - len(word)] in _NEGATING
