"""Calendar dates and times as releases write them, and the dateline that opens a release."""

from __future__ import annotations

import datetime as dt
import re

from bot.language import MONTHS

_MONTHS = {name: number for number, names in enumerate(MONTHS, 1) for name in names}
# Any month name or abbreviation, capitalised ("Jan", "January", "Sept"), longest first.
MONTH = (
    "(?:"
    + "|".join(
        name.capitalize() for names in MONTHS for name in sorted(names, key=len, reverse=True)
    )
    + r")\.?"
)

# A time of day: "7:10 a.m.", "9 am", "18:00", "noon".
CLOCK = (
    r"(?:\d{1,2}(?::\d\d|\.\d\d)?\s?(?:am|pm|a\.m\.?|p\.m\.?)(?!\w)|\d{1,2}:\d\d"
    r"|noon|midnight)"
)


_DATES = [
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{MONTH}),?\s+(?P<y>\d{{4}})\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b",
        re.IGNORECASE,
    ),
]


def find_dates(text: str) -> list[tuple[int, str]]:
    """Calendar dates written in `text` as (position, YYYY-MM-DD), in reading order.

    >>> find_dates("Berlin, March 4, 2025 - on 1 May 2025, not 2025-02-30")
    [(8, '2025-03-04'), (27, '2025-05-01')]
    """
    found: list[tuple[int, str]] = []
    for pattern in _DATES:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = (
                int(parts["m"])
                if parts.get("m")
                else _MONTHS.get(parts["mon"].lower().rstrip("."), 0)
            )
            try:
                day = dt.date(int(parts["y"]), month, int(parts["d"]))
            except ValueError:
                continue
            found.append((match.start(), day.isoformat()))
    return sorted(set(found))


def first_date(text: str) -> str | None:
    dates = find_dates(text)
    return dates[0][1] if dates else None


_DATELINE = re.compile(r"^(?P<head>[^–—]{2,90}?)\s+(?:-{1,2}|–|—)\s+(?=\S)")


def strip_dateline(text: str) -> str:
    """ "BERLIN, March 4, 2025 - Acme today ..." -> "Acme today ..."."""
    match = _DATELINE.match(text)
    if match:
        head = match.group("head")
        if find_dates(head) or head.split(",")[0].strip().isupper():
            return text[match.end() :]
    return text


def dateline_place(text: str) -> str:
    """ "MARLOW HEIGHTS, Ostrava County, November 24, 2026 — ..." -> "Marlow Heights"."""
    match = _DATELINE.match(text)
    if not match or not find_dates(match.group("head")):
        return ""
    place = match.group("head").split(",")[0].strip()
    if not re.fullmatch(r"[A-Z][A-Za-z.’' -]*", place) or find_dates(place):
        return ""
    return " ".join(w.capitalize() if w.isupper() else w for w in place.split())


WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


WHEN = re.compile(
    r"(?:\b(?:in|on|by|since|until|from|before|after|during|at|later in|earlier in|early|late"
    r"|mid|through|as of)\s+)?(?:the\s+)?(?:"
    rf"(?:{WEEKDAY},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    rf"(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}|(?:{MONTH}|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all"
    r"|[Ww]inter|the end of|the start of|the beginning of)\s+\d{4}|"
    r"(?<![\d.,])(?:1[89]\d\d|20\d\d)(?![\d]|[.,]\d|-)|"
    rf"{WEEKDAY}|(?:this|next|last) (?:year|week|month))\b"
)


def dates_in(text: str) -> set[str]:
    return {iso for _, iso in find_dates(text)}
