"""Which language a question is written in, read from its script and letters.

The rule, in order: any Hangul makes it Korean; Cyrillic with a letter only
Kazakh uses (ә ғ қ ң ө ұ ү һ і) makes it Kazakh; other Cyrillic is Russian;
Latin letters alone are English. Names in Latin letters inside a Cyrillic or
Korean question ("Doosan электростанция где?") do not change the verdict,
because the script that is not Latin is what the person typed the question in.

Text in another script (Japanese, Chinese, Arabic, Greek ...) gets that
language's code, so the bot can answer that it does not speak it. The
Telegram user's ``language_code`` only breaks ties: Cyrillic without a
Kazakh letter from someone whose client is set to Kazakh is Kazakh.
"""

from __future__ import annotations

import unicodedata

SUPPORTED = ("en", "ru", "kk", "ko")
"""Languages the bot answers in, English first (the store's own language)."""

KAZAKH_LETTERS = frozenset("әғқңөұүһі")
"""Letters Kazakh writes and Russian does not (lower case)."""

# The first word of a character's Unicode name -> the language its script suggests.
# Scripts shared by many languages name the most common one; the reply to an
# unsupported language only needs to be polite, not exact.
_SCRIPTS = {
    "HANGUL": "ko",
    "CYRILLIC": "ru",
    "LATIN": "en",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "CJK": "zh",
    "ARABIC": "ar",
    "HEBREW": "he",
    "GREEK": "el",
    "ARMENIAN": "hy",
    "GEORGIAN": "ka",
    "DEVANAGARI": "hi",
    "THAI": "th",
}


def _script(char: str) -> str | None:
    if not char.isalpha():
        return None
    try:
        name = unicodedata.name(char)
    except ValueError:
        return None
    return _SCRIPTS.get(name.split(" ", 1)[0], "other")


def script_counts(text: str) -> dict[str, int]:
    """Letters of `text` per script language ("ko", "ru", "en", "ja", ..., "other")."""
    counts: dict[str, int] = {}
    for char in text:
        script = _script(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    return counts


def language_of(text: str, hint: str | None = None) -> str:
    """The language code of `text`; `hint` (a Telegram ``language_code``) breaks ties.

    >>> language_of("How many flights are there?")
    'en'
    >>> language_of("Doosan электростанция где?")
    'ru'
    >>> language_of("Қазақстан мен Корея арасында қанша рейс бар?")
    'kk'
    >>> language_of("카자흐스탄과 한국 사이에 주당 몇 편의 항공편이 있나요?")
    'ko'
    >>> language_of("сколько рейсов", hint="kk-KZ")
    'kk'
    """
    counts = script_counts(text)
    hinted = (hint or "").split("-", 1)[0].lower()
    if counts.get("ko"):
        return "ko"
    if counts.get("ru"):
        if KAZAKH_LETTERS & set(text.casefold()) or hinted == "kk":
            return "kk"
        return "ru"
    foreign = {k: v for k, v in counts.items() if k not in ("en", "other")}
    if foreign:
        return max(sorted(foreign), key=foreign.__getitem__)
    if counts.get("en") or hinted not in SUPPORTED:
        return "en"
    return hinted  # no letters at all ("15?", "👍"): the person's own language
