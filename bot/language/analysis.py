"""Per-language word analysis: fold, split, drop filler words, stem.

Every language goes through the same stages, so the matcher can treat a
Russian, Kazakh or Korean question the way it treats an English one:

1. fold: `normalise` (NFKC, case, punctuation), then the language's own
   folding: Russian ё -> е; Kazakh letters -> their Russian look-alikes
   (ә -> а, қ -> к, ...), because people often type Kazakh on a Russian
   keyboard and a typo match should not care;
2. split into words and drop the language's filler words (data/stopwords_*.txt);
3. stem: English keeps its tiny plural stemmer (`morphology.stem`), Russian
   uses the Snowball stemmer, Kazakh strips plural, possessive and case
   endings (data/suffixes_kk.txt), Korean strips particles (data/particles_ko.txt).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import snowballstemmer

from bot.language.lexicon import QUESTION_WORDS, STOPWORDS, rows, words
from bot.language.morphology import stem as plural_stem
from bot.language.normalise import normalise

_KAZAKH_FOLD = str.maketrans("әғқңөұүһі", "агкноуухи")
_RUSSIAN_FOLD = str.maketrans("ё", "е")
_MIN_KAZAKH_STEM = 3  # letters left after an ending is stripped ("рейстер" -> "рейс")
_MIN_KOREAN_STEM = 2  # syllables a Korean word is read by ("발표했나요" -> "발표")


def fold_russian(text: str) -> str:
    """Russian text folded for comparison: `normalise`, then ё as е."""
    return normalise(text).translate(_RUSSIAN_FOLD)


# Where Hangul meets Latin letters: "Woo Won-shik이", "Kia랑" (a figure keeps its counter: "13회").
_SCRIPT_BOUNDARY = re.compile(r"(?<=[a-z])(?=[\uac00-\ud7a3])|(?<=[\uac00-\ud7a3])(?=[a-z])")


def fold_korean(text: str) -> str:
    """Korean text folded for comparison: `normalise`, then a particle glued to a Latin
    name set apart from it ("kia랑" -> "kia 랑"), as it is from a Korean word."""
    return _SCRIPT_BOUNDARY.sub(" ", normalise(text))


def fold_kazakh(text: str) -> str:
    """Kazakh text folded for comparison: Kazakh letters as their Russian look-alikes."""
    return normalise(text).translate(_RUSSIAN_FOLD).translate(_KAZAKH_FOLD)


# Letters Russian spells alike when unstressed or soft: "пасол" for "посол", "диолог"
# for "диалог", "рэйс" for "рейс", "кореиских" for "корейских".
_RUSSIAN_SOUNDS = str.maketrans({"о": "а", "э": "и", "е": "и", "ы": "и", "й": "и"})
_DOUBLED = re.compile(r"(.)\1+")


def sound_russian(word: str) -> str:
    """A folded Russian word as it sounds, for typos people make by ear: vowels that
    sound alike unstressed as one, doubled letters single ("искуственого" and
    "искусственного" both "искуствинага")."""
    return _DOUBLED.sub(r"\1", word.translate(_RUSSIAN_SOUNDS))


@functools.cache
def _russian_stemmer() -> Callable[[str], str]:
    stemmer = snowballstemmer.stemmer("russian")
    return stemmer.stemWord  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=65536)
def stem_russian(word: str) -> str:
    """The Snowball stem of a folded Russian word: "рейсов" -> "рейс"."""
    return _russian_stemmer()(word)


@functools.cache
def _kazakh_suffixes() -> tuple[str, ...]:
    return tuple(sorted((row[0] for row in rows("suffixes_kk")), key=len, reverse=True))


@functools.lru_cache(maxsize=65536)
def stem_kazakh(word: str) -> str:
    """A folded Kazakh word without its endings: "рейстердин" -> "рейс".

    Endings stack (plural, then possessive, then case), so stripping repeats
    while a known ending is left and the stem keeps at least three letters.
    """
    stripped = True
    while stripped:
        stripped = False
        for suffix in _kazakh_suffixes():
            if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_KAZAKH_STEM:
                word = word[: -len(suffix)]
                stripped = True
                break
    return word


@functools.cache
def _korean_particles() -> tuple[str, ...]:
    return tuple(sorted((row[0] for row in rows("particles_ko")), key=len, reverse=True))


def stem_korean(word: str) -> str:
    """The first two syllables of a Korean word: "발표했나요", "발표한" -> "발표".

    Korean glues particles and verb endings to a word ("카자흐스탄과",
    "개설됐나요"), and most nouns of a release are two syllables or start with
    a two-syllable root, so its first two syllables stand for the word, as
    bigram indexing does in Korean search. Words in other scripts are kept.
    """
    if len(word) <= _MIN_KOREAN_STEM or not _is_hangul(word[0]):
        return word
    return word[:_MIN_KOREAN_STEM]


def _is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def _as_is(word: str) -> str:
    return word


def jamo(word: str) -> str:
    """A Korean word letter by letter: each syllable block as its two or three jamo
    ("휘" -> "ᄒ", "ᅱ"), so a slip of one letter costs one letter, not a syllable."""
    return unicodedata.normalize("NFD", word)


def syllables(word: str) -> str:
    """Jamo joined back into syllable blocks (the inverse of `jamo`)."""
    return unicodedata.normalize("NFC", word)


@dataclass(frozen=True, eq=False)
class Analyser:
    """The fold, filler words and stemmer of one language.

    `spelling` is how typos are compared (Korean: by jamo, `jamo`), and `written`
    turns a word so compared back into the word as written. `sounds`, where set, is
    a second comparison for a typo the spelling finds no word for (`sound_russian`).
    """

    language: str
    fold: Callable[[str], str]
    stem: Callable[[str], str]
    stopwords: frozenset[str]
    spelling: Callable[[str], str] = _as_is
    written: Callable[[str], str] = _as_is
    # How a word sounds, for a typo made by ear (None: typos are compared as spelt).
    sounds: Callable[[str], str] | None = None

    @functools.cached_property
    def dropped(self) -> frozenset[str]:
        """Filler words as the matcher sees them: each as written and stemmed.

        English filler counts in every language (names and short English words
        turn up in Russian or Korean questions too); question words never drop.
        """
        filler = self.stopwords | STOPWORDS
        return frozenset(w for s in filler for w in (s, self.stem(s))) - QUESTION_WORDS

    def words(self, text: str) -> list[str]:
        """The stems of the content words of `text`, in order."""
        return [self.stem(w) for w in self.fold(text).split() if w not in self.stopwords]


ENGLISH = Analyser("en", normalise, plural_stem, STOPWORDS)
"""English: `normalise`, the plural stemmer, the English filler words."""


@functools.cache
def analyser(language: str) -> Analyser:
    """The analyser for a language code ("en", "ru", "kk", "ko"); KeyError for others."""
    if language == "en":
        return ENGLISH
    if language == "ru":
        stopwords = words("stopwords_ru")
        return Analyser("ru", fold_russian, stem_russian, stopwords, sounds=sound_russian)
    if language == "kk":
        return Analyser("kk", fold_kazakh, stem_kazakh, words("stopwords_kk"))
    if language == "ko":
        return Analyser("ko", fold_korean, stem_korean, words("stopwords_ko"), jamo, syllables)
    raise KeyError(f"no analyser for language {language!r}")
