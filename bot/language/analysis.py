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
    """Kazakh text folded for comparison: Kazakh letters as their Russian look-alikes,
    and "to" before a word that says where a thing is or goes ("кореядагы" -> "to
    кореядагы", "сеулге" -> "to сеулге").

    Kazakh says where something goes or is by an ending, where English puts "to" or
    "in" before the name: "Қазақстанның Кореядағы елшісі" is Kazakhstan's ambassador
    *to* Korea, "Кореяның Қазақстандағы елшісі" Korea's to Kazakhstan. The "to" lets
    the matcher's destination rule (`index.targets`) tell the two apart, and reads so
    in the English gloss ("ambassador to Japan"); it is a filler word everywhere else.
    """
    words = _fold_kazakh_letters(text).split()
    return " ".join([f"to {w}" if _towards(w) else w for w in words])


def _fold_kazakh_letters(text: str) -> str:
    if "-" in text:
        text = " ".join(_without_hyphened_ending(w) if "-" in w else w for w in text.split())
    return normalise(text).translate(_RUSSIAN_FOLD).translate(_KAZAKH_FOLD)


# An ending Kazakh writes after a hyphen on an abbreviation or a Latin name: "ГВт-тық",
# "БАКАД-тың", "SK-ның" (not on a figure: "5-ші" is an ordinal, data/to_english_kk.txt).
_HYPHENED_ENDING = re.compile(r"-[а-яәғқңөұүһі]{1,5}(?=\W*$)")


def _without_hyphened_ending(word: str) -> str:
    """`word` without an ending hyphened to an abbreviation or a Latin name."""
    head = word.split("-", 1)[0]
    if head[:1].isdigit() or not (head.isascii() or sum(c.isupper() for c in head) > 1):
        return word
    return _HYPHENED_ENDING.sub("", word)


# Endings that say where a thing is ("-дағы": the ambassador in ...) or goes (the
# dative "-ға": to), folded; the word before them keeps at least three letters. The
# bare locative "-да" is left alone: it ends phrases too ("қай жерде", where).
_TOWARDS = ("дагы", "деги", "тагы", "теги", "га", "ге", "ка", "ке")


def _towards(word: str) -> bool:
    ending = next((e for e in _TOWARDS if word.endswith(e)), "")
    return bool(ending) and len(word) - len(ending) >= 3


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
    return tuple(
        sorted({suffix for row in rows("suffixes_kk") for suffix in row}, key=len, reverse=True)
    )


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
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= _MIN_KAZAKH_STEM and _joins(stem, suffix):
                word = stem
                stripped = True
                break
    return word


# Kazakh endings open with a voiceless consonant after a voiceless one ("айт-ты",
# "рейс-тер") and with a voiced one after anything else ("бар-ды", "жол-дар"), so
# "кайтар" never ends in the plural "-тар".
_VOICELESS = frozenset("кпстфхцчшщ")
_VOICELESS_OPENING = frozenset("ткп")
_VOICED_OPENING = frozenset("дгб")


def _joins(stem: str, suffix: str) -> bool:
    """Whether `suffix` may follow `stem` as an ending, by the voicing of their meeting."""
    if suffix[0] in _VOICELESS_OPENING:
        return stem[-1] in _VOICELESS
    if suffix[0] in _VOICED_OPENING:
        return stem[-1] not in _VOICELESS
    return True


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
    turns a word so compared back into the word as written.
    """

    language: str
    fold: Callable[[str], str]
    stem: Callable[[str], str]
    stopwords: frozenset[str]
    spelling: Callable[[str], str] = _as_is
    written: Callable[[str], str] = _as_is
    # How a term of the synonym and names tables is folded, when not as text is: a
    # Kazakh name form ("Кореядағы") without the "to" the text fold puts before it,
    # so that the "to" stays when the name is rewritten.
    term_fold: Callable[[str], str] | None = None
    # Endings a term of those tables may carry in text and still be that term (Kazakh
    # case endings: "нұр-сұлтаннан"), as `SynonymTable` takes them.
    endings: tuple[str, ...] = ()

    @property
    def terms(self) -> Callable[[str], str]:
        """The fold of synonym-table terms (`term_fold`, else `fold`)."""
        return self.term_fold or self.fold

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
        return Analyser("ru", fold_russian, stem_russian, words("stopwords_ru"))
    if language == "kk":
        return Analyser(
            "kk",
            fold_kazakh,
            stem_kazakh,
            words("stopwords_kk"),
            term_fold=_fold_kazakh_letters,
            endings=_kazakh_suffixes(),
        )
    if language == "ko":
        return Analyser("ko", fold_korean, stem_korean, words("stopwords_ko"), jamo, syllables)
    raise KeyError(f"no analyser for language {language!r}")
