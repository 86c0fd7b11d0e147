"""Per-language word analysis: fold, split, drop filler words, stem.

Every language goes through the same stages, so the matcher can treat a
Russian, Kazakh or Korean question the way it treats an English one:

1. fold: `normalise` (NFKC, case, punctuation), then the language's own
   folding: Russian ё -> е; Kazakh letters -> their Russian look-alikes
   (ә -> а, қ -> к, ...), because people often type Kazakh on a Russian
   keyboard and a typo match should not care; a Korean word loses its verb,
   copula and particle endings (data/endings_ko.txt, data/particles_ko.txt)
   and a figure keeps one counter (data/counters_ko.txt);
2. split into words and drop the language's filler words (data/stopwords_*.txt);
3. stem: English keeps its tiny plural stemmer (`morphology.stem`), Russian
   uses the Snowball stemmer, Kazakh strips plural, possessive and case
   endings (data/suffixes_kk.txt), a Korean word is read by its first two syllables.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import snowballstemmer

from bot.language.korean import MEANING_PARTICLES, fold_korean, is_hangul
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


# Letters Russian spells alike when unstressed or soft: "пасол" for "посол", "диолог"
# for "диалог", "рэйс" for "рейс", "кореиских" for "корейских".
_RUSSIAN_SOUNDS = str.maketrans({"о": "а", "э": "и", "е": "и", "ы": "и", "й": "и"})
_DOUBLED = re.compile(r"(.)\1+")


def sound_russian(word: str) -> str:
    """A folded Russian word as it sounds, for typos people make by ear: vowels that
    sound alike unstressed as one, doubled letters single ("искуственого" and
    "искусственного" both "искуствинага")."""
    return _DOUBLED.sub(r"\1", word.translate(_RUSSIAN_SOUNDS))


# A Russian name's last word in its other cases, by how it ends: "Шик" -> "Шика",
# "Шику", "Шиком", "Шике"; "Кзыл-Орда" -> "Кзыл-Орды", "Кзыл-Орде" ...; endings that
# replace its last letter when it is listed, else added to it.
_CASES = {
    "а": ("ы", "и", "е", "у", "ой"),
    "я": ("и", "е", "ю", "ей"),
    "й": ("я", "ю", "ем", "е"),
    "ь": ("я", "и", "ю", "ем", "е"),
}
_CASES_AFTER_CONSONANT = ("а", "у", "ом", "ым", "е")
_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")


def declined_russian(name: str) -> tuple[str, ...]:
    """The forms of a Russian name (one written form of it) with its last word in the
    other cases, as people type it: "Ву Вон Шик" -> "Ву Вон Шика", "Ву Вон Шику", ...
    None for a name ending in a figure, a Latin letter or another vowel ("Хон Бом До",
    "Алматы", "Seoultech" do not decline)."""
    last = name[-1:].lower()
    if last in _CASES:
        return tuple(name[:-1] + ending for ending in _CASES[last])
    if last in _CONSONANTS:
        return tuple(name + ending for ending in _CASES_AFTER_CONSONANT)
    return ()


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
    if len(word) <= _MIN_KOREAN_STEM or not is_hangul(word[0]):
        return word
    return word[:_MIN_KOREAN_STEM]


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
    # The stem is a word's first syllables, not its root (Korean): "항공사" (airline)
    # stems as "항공편" (flight) does, so a word is better read whole where it can be.
    truncates: bool = False
    # Letter edits (as `spelling` spells a word) that make a typo of a store word
    # whatever its length, when no other store word is as near (Korean: one jamo of
    # a syllable block, "출쳐" for "출처", which a ratio of five letters rates low).
    typo_edits: int = 0
    # A word that relates a name follows it ("투르키스탄 말고": "except Turkestan").
    postpositions: bool = False
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

    # How a word sounds, for a typo made by ear (None: typos are compared as spelt).
    sounds: Callable[[str], str] | None = None
    # Prefixes that make another aspect of a verb (Russian "по-": "хвалил", "похвалил").
    prefixes: tuple[str, ...] = ()
    # The prefix that most often makes a verb perfective and nothing else ("по-").
    perfective: str = ""

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
def kazakh_question_words() -> frozenset[str]:
    """The folded Kazakh words that ask something (кім, қашан, қай, неше, не ...), from
    data/to_english_kk.txt: those read as an English question word."""
    asking = QUESTION_WORDS | {"what", "which"}
    return frozenset(
        _fold_kazakh_letters(w.replace("_", " ")).split()[0]
        for english, *forms in rows("to_english_kk")
        if english in asking
        for w in forms
    )


# "не" (what) is Russian "not" too: in Kazakh typed with Russian letters only it asks nothing.
_SHARED_WITH_RUSSIAN = frozenset({"не"})


def asks_in_kazakh(text: str, message: str | None = None) -> bool:
    """Whether `text` holds a Kazakh question word, wherever it stands (Kazakh puts them
    late: "Кездесу қашан өтті"). "не" counts only when `text`, or the whole `message` it
    is part of, has a letter only Kazakh writes, so a Russian "не" (not) asks nothing."""
    asking = kazakh_question_words()
    if not set((message or text).lower()) & set("әғқңөұүһі"):
        asking = asking - _SHARED_WITH_RUSSIAN
    return not asking.isdisjoint(_fold_kazakh_letters(text).split())


@functools.cache
def analyser(language: str) -> Analyser:
    """The analyser for a language code ("en", "ru", "kk", "ko"); KeyError for others."""
    if language == "en":
        return ENGLISH
    if language == "ru":
        stopwords = words("stopwords_ru")
        prefixes = tuple(sorted(words("prefixes_ru"), key=len, reverse=True))
        return Analyser(
            "ru",
            fold_russian,
            stem_russian,
            stopwords,
            sounds=sound_russian,
            prefixes=prefixes,
            perfective="по",
        )
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
        # A filler word as the fold leaves it too ("있나요" -> "있"), and a particle
        # standing alone, as it does after a Latin name ("Kia 랑").
        filler = words("stopwords_ko") | {fold_korean(w) for w in words("stopwords_ko")}
        filler |= {row[0] for row in rows("particles_ko")} - MEANING_PARTICLES
        return Analyser(
            "ko", fold_korean, stem_korean, frozenset(filler), jamo, syllables, True, 1, True
        )
    raise KeyError(f"no analyser for language {language!r}")
