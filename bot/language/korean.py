"""Korean word reading (`analysis`: the fold of a Korean question, its endings and
particles, counted figures, typing slips) and Korean readings for the English gloss
(`gloss`): how a sentence that asks ends with no "?" typed, questions joined by
이랑/하고 or a clause in -고, and a figure read with its counter ("5위" as "5th")."""

from __future__ import annotations

import functools
import re

from bot.language.lexicon import MONTHS, rows, words
from bot.language.normalise import normalise


def is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


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
        if row[0] not in MEANING_PARTICLES | _WORD_ENDS:
            endings.setdefault(row[0], 2 if len(row[0]) == 1 else 1)
    return tuple(sorted(endings.items(), key=lambda e: -len(e[0])))


# Particles that add a meaning English puts in a word of its own ("도" also, "만" only):
# the glossary reads them (`bot.language.gloss`), so they stay on the word.
MEANING_PARTICLES = frozenset({"도", "만"})
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
    return word in known or (word[-1:] in MEANING_PARTICLES and word[:-1] in known)


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


# How a Korean sentence that asks ends, with no "?" typed: a polite or plain question
# ending (나요, 죠, 까, 니, 냐), the polite 요 or casual 어/아/야 of a spoken question,
# hearsay put to the listener (래, 래매, 대), the nominal 음/임 of a texted one ("맞음").
ASKING_END = re.compile(r"(?:요|죠|까|니|냐|냐고|래|래매|대|음|임|나|야|지|어|아)$")
# A request ends so too ("알려줘", "말해 주세요"): it asks to be told, no yes or no.
# Hearsay put to the listener ends only a verb or copula: "교역국이래매", "열었다며".
HEARSAY_END = re.compile(r"(?:래매|대매|다며|라며|다면서|라면서|냐고|이래|래요|대요|다죠|라죠)$")
# Readings of a verb or copula that a yes/no check ends on.
VERBAL = frozenset({"true", "is_there", "was", "did", "does", "correct", "false", "is"})
# What may follow a message's last word: laughter (ㅋㅋ), emoji, punctuation.
TRAILING = re.compile(r"[\s\W\u1100-\u11ff\u3131-\u318e]+$")
REQUEST_END = re.compile(r"(?:줘|줘요|주세요|줄래|줄래요|주실래요|주시겠어요|봐|봐요|해요|세요)$")


# A Korean word joined to the next by "and": a noun and 이랑/랑/하고 ("대사 이름이랑 의장
# 이름"), or a clause ending in the connective 고 ("언제고 어디서", "몇 편이고 ...").
_JOINING_PARTICLES = ("이랑", "랑", "하고")
_AND = "그리고"


def joined_korean(text: str) -> str:
    """`text` with "그리고" (and) after each word that joins the next to it, where the
    fold would strip what says so: "이름이랑 이름" -> "이름 그리고 이름", "언제고
    어디서" -> "언제 그리고 어디서", "몇 편이고 몇 편" -> "몇 편 그리고 몇 편"."""
    words = text.split()
    out = []
    for at, word in enumerate(words):
        bare = word.rstrip("?？.,!~")
        # A particle before the last word says "with" as often ("우원식이랑 만났어?").
        joining = at + 1 < len(words) and bare == word and _joins(bare, at + 2 < len(words))
        out.append(word + f" {_AND}" if joining else word)
    return " ".join(out)


def _joins(word: str, particle: bool) -> bool:
    """Whether a Korean word ends in "and": a joining particle after a word of two
    syllables or more, a copula or verb with the connective 고 ("편이고", "했고"), or a
    question word with it ("언제고", "어디고", "뭐고"); `particle`: whether a particle may
    join."""
    if particle and any(word.endswith(p) and len(word) - len(p) >= 2 for p in _JOINING_PARTICLES):
        return True
    if any(word.endswith(e) and len(word) > len(e) for e in _CONNECTIVE):
        return True
    return word.endswith("고") and word[:-1] in _ASKING_KO


# The connective 고 after the copula, a past or 하다/되다/있다: "이고", "였고", "했고".
_CONNECTIVE = ("이고", "였고", "이었고", "했고", "됐고", "있고", "없고", "았고", "었고")
# Korean question words a clause may end on before the connective 고.
_ASKING_KO = frozenset({"언제", "어디", "뭐", "무엇", "누구", "몇", "얼마", "어떻", "왜"})

# A figure and its Korean counter: "13회", "5위", "2024년".
_COUNTED = re.compile(r"(\d+)([\uac00-\ud7a3]+)")


def counted(token: str) -> str | None:
    """A Korean figure with its counter read as English ("5위" -> "5th", "8월" ->
    "august", "13회" -> "13"), or None for any other word."""
    found = _COUNTED.fullmatch(token)
    reading = korean_counters().get(found.group(2)) if found else None
    if found is None or reading is None:
        return None
    number = int(found.group(1))
    if reading[1] == "{month}":
        return MONTHS[number - 1][0] if 1 <= number <= len(MONTHS) else found.group(1)
    return reading[1].replace("{}th", ordinal(number)).replace("{}", str(number))


_ORDINAL_ENDINGS = {1: "st", 2: "nd", 3: "rd"}


def ordinal(number: int) -> str:
    """ "1st", "2nd", "3rd", "4th", "11th", "22nd"."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return str(number) + _ORDINAL_ENDINGS.get(number % 10, "th")
