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


# Where Hangul meets Latin letters ("Woo Won-shik이", "Kia랑") or a figure follows a Hangul
# word ("주13회"); a figure keeps its counter ("13회").
_SCRIPT_BOUNDARY = re.compile(r"(?<=[a-z])(?=[\uac00-\ud7a3])|(?<=[\uac00-\ud7a3])(?=[a-z0-9])")


def fold_korean(text: str) -> str:
    """Korean text folded for comparison: `normalise`; a particle glued to a Latin name
    set apart from it ("kia랑" -> "kia 랑"), as it is from a Korean word; then each word
    without its verb or copula ending and its particle (`strip_korean`), so that
    "항공편은", "항공편이" and "항공편" are one word, and "몇 회인가요" asks "몇 회"."""
    text = _ISO_DATE.sub(lambda m: f"{m[1]}년 {int(m[2])}월 {int(m[3])}일", text)
    words = _SCRIPT_BOUNDARY.sub(" ", normalise(text)).split()
    return " ".join(_counted(strip_korean(word)) for word in words)


# A date as figures ("2024-08-16"), read as Korean writes one ("2024년 8월 16일").
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
# A figure and its counter: "5번째", "13회", "2024년도".
_COUNTED = re.compile(r"(\d+)([\uac00-\ud7a3]+)")


@functools.cache
def korean_counters() -> dict[str, tuple[str, str]]:
    """Each Korean counter (data/counters_ko.txt) -> (the counter a figure is written
    with, the English reading of a figure so counted)."""
    return {c: (row[1].strip("_"), row[0]) for row in rows("counters_ko") for c in row[1:]}


def _counted(word: str) -> str:
    """A figure with its counter written one way: "5번째" -> "5위", "13편" -> "13회",
    "2024년" -> "2024", "08" -> "8"."""
    if word.isdigit():
        return word.lstrip("0") or word
    found = _COUNTED.fullmatch(word)
    if found is None or found.group(2) not in korean_counters():
        return word
    return (found.group(1).lstrip("0") or "0") + korean_counters()[found.group(2)][0]


@functools.cache
def _korean_endings() -> tuple[tuple[str, int], ...]:
    """Each ending a Korean word may lose, with the syllables it must keep, longest first."""
    endings = {e: int(row[0]) for row in rows("endings_ko") if row[0] != "known" for e in row[1:]}
    for row in rows("particles_ko"):
        if row[0] not in _MEANING_PARTICLES | _WORD_ENDS:
            endings.setdefault(row[0], 2 if len(row[0]) == 1 else 1)
    return tuple(sorted(endings.items(), key=lambda e: -len(e[0])))


# Particles that add a meaning English puts in a word of its own ("도" also, "만" only):
# the glossary reads them (`bot.language.gloss`), so they stay on the word.
_MEANING_PARTICLES = frozenset({"도", "만"})
# A particle that ends more words than it follows ("얼마나", "누구나", "언제나": "or" is rare
# in a question).
_WORD_ENDS = frozenset({"나"})


@functools.lru_cache(maxsize=65536)
def strip_korean(word: str) -> str:
    """A folded Korean word without its endings: "회인가요" -> "회", "발표했나요" -> "발표",
    "카자흐스탄에서" -> "카자흐스탄", "13회죠" -> "13회"; a word said twice once ("뭐뭐").

    An ending (data/endings_ko.txt: verb, adjective and copula endings; then the
    particles of data/particles_ko.txt) goes when the word keeps the syllables its
    row asks: one after the copula ("회인가요"), two after a one-syllable particle
    ("도로", "회의", "나이" are words, not a stem and a particle) or a verb ending
    ("있나요" keeps "있나", "사는데" stays whole). Endings stack ("서울은요": 요, then
    은), so stripping repeats. A word that is all ending keeps what no row lets go
    ("했어요" -> "했어": a filler word, that the glossary reads as "did").
    """
    if not word or not is_hangul(word[-1]):
        return word
    half = len(word) // 2
    if len(word) % 2 == 0 and word[:half] == word[half:]:
        word = word[:half]  # said twice, as a list is asked for: "뭐뭐", "어디어디"
    listed = _strip_listed(word)
    if _known(listed) or len(word) > _MAX_SPOKEN:
        return listed
    for spelt in (word, *(_shift_typed(word) if len(word) > 1 else ())):
        spoken = _strip_spoken(spelt)
        if spoken is not None and not _read_longer(word):
            return spoken
    return listed


def _read_longer(word: str) -> bool:
    """Whether the lists spell a start of `word` of two syllables or more: then the
    glossary reads the word by it, and the store by its stem: "사는데" is "사는" (lives),
    not "사" (four) and an ending; "진출했다던데" is "진출" as the store writes it."""
    return any(word[:end] in _korean_known() for end in range(2, len(word) + 1))


# A word longer than this (in syllables) is not read for spoken endings or shift typos.
_MAX_SPOKEN = 14


def _known(word: str, *, figures: bool = False) -> bool:
    """Whether a stripped Korean word is one the word lists spell (glossary, filler,
    counters), with or without a particle that says something ("얘기도"); `figures`:
    or a figure and its unit ("2기가와트", left of "2기가와트짜리라던데")."""
    known = _korean_known()
    if figures and word[:1].isdigit():
        return True
    return word in known or (word[-1:] in _MEANING_PARTICLES and word[:-1] in known)


def _strip_spoken(word: str, *, figures: bool = False) -> str | None:
    """`word` without its spoken endings (data/endings_ko.txt: the "known" rows), each
    let go only when what is left is a word the lists know ("맞음" -> "맞", "누구얌" ->
    "누구", "하시더라구요" -> "하"), or None when no such reading is found. Endings
    stack, so a few are let go in turn; what is left once one has gone may be a figure
    and its unit (`figures`)."""
    listed = _strip_listed(word)
    if _known(listed, figures=figures):
        return listed
    for ending in _spoken_endings():
        rest = word[: len(word) - len(ending)]
        if word.endswith(ending) and rest:
            found = _strip_spoken(rest, figures=True)
            if found is not None:
                return found
    return None


@functools.cache
def _spoken_endings() -> tuple[str, ...]:
    endings = {e for row in rows("endings_ko") if row[0] == "known" for e in row[1:]}
    return tuple(sorted(endings, key=len, reverse=True))


@functools.cache
def _korean_known() -> frozenset[str]:
    """The Korean words the glossary, the filler list, the counters and the particles
    spell, each as written and without its listed endings."""
    forms = {f for row in rows("gloss_ko") for f in row[1:] if "_" not in f}
    forms |= words("stopwords_ko") | {c for row in rows("counters_ko") for c in row[1:]}
    forms |= {row[0] for row in rows("particles_ko")}
    return frozenset(forms | {_strip_listed(f) for f in forms})


# Letters typed with the shift key on a Korean keyboard, by the letter typed without it,
# where a phone's slip is most common: the past and 있다 (ㅅ for ㅆ: "했어" typed "햇어",
# "있나" typed "잇나") and 얘/예 (ㅐ for ㅒ, ㅔ for ㅖ: "얘기" typed "애기"). An initial
# consonant is left as typed: "사고" (accident) is no slip of "싸고" (cheap).
_SHIFTED_VOWEL = {1: 3, 5: 7}  # ㅐㅔ -> ㅒㅖ
_SHIFTED_FINAL = {19: 20}  # ㅅ -> ㅆ


def _shift_typed(word: str) -> list[str]:
    """`word` with one letter typed as with the shift key held ("나왓어" -> "나왔어",
    "잇나요" -> "있나요", "애기" -> "얘기"), each way it could have been."""
    found = []
    for at, char in enumerate(word):
        if not is_hangul(char):
            continue
        code = ord(char) - 0xAC00
        vowel, final = code % 588 // 28, code % 28
        if vowel in _SHIFTED_VOWEL:
            block = chr(ord(char) + (_SHIFTED_VOWEL[vowel] - vowel) * 28)
            found.append(word[:at] + block + word[at + 1 :])
        if final in _SHIFTED_FINAL:
            block = chr(ord(char) - final + _SHIFTED_FINAL[final])
            found.append(word[:at] + block + word[at + 1 :])
    return found


def _strip_listed(word: str) -> str:
    """`word` without the endings of data/endings_ko.txt's numbered rows and the particles."""
    stripped = True
    while stripped:
        stripped = False
        for ending, keep in _korean_endings():
            rest = len(word) - len(ending)
            if word.endswith(ending) and rest >= keep and not word.endswith(_ROUTE_NOUNS):
                word = word[:rest]
                stripped = True
                break
    return word


# Nouns that end in the syllable of the particle 로 (a road, a route): "순환도로" and
# "항로" are whole words, as "도로" is.
_ROUTE_NOUNS = ("도로", "항로", "경로", "통로", "진로", "선로", "활주로", "대로")


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


def is_hangul(char: str) -> bool:
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
        filler |= {row[0] for row in rows("particles_ko")} - _MEANING_PARTICLES
        return Analyser(
            "ko", fold_korean, stem_korean, frozenset(filler), jamo, syllables, True, 1, True
        )
    raise KeyError(f"no analyser for language {language!r}")
