"""Korean readings for the English gloss (`gloss`): how a sentence that asks ends with
no "?" typed, questions joined by 이랑/하고 or a clause in -고, and a figure read with
its counter ("5위" as "5th", "8월" as "august")."""

from __future__ import annotations

import re

from bot.language.analysis import korean_counters
from bot.language.lexicon import MONTHS

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
