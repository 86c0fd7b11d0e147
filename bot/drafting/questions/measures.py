"""Questions people ask in plain words about a measure the release states technically.

"a word error rate of 6.1%" is asked "How accurate is it?"; "€9 per user per month,
or €90 per user per year" is asked "How much is a monthly subscription?".
"""

from __future__ import annotations

import re

from bot.drafting.questions.collect import QuestionList

_MEASURE = r"(?:error\s+rate|accuracy|accurate|precision|success\s+rate|detection\s+rate)"
_PERCENT = r"\d+(?:[.,]\d+)?\s?(?:%|percent|per\s+cent)"
# "an error rate of 6.1%" or "94 percent accuracy".
_ACCURACY = re.compile(rf"\b{_MEASURE}\b[^.;]*?{_PERCENT}|{_PERCENT}\s+{_MEASURE}\b", re.IGNORECASE)
_RATE_PRICE = re.compile(
    r"(?:[€$£¥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:euros?|dollars?|pounds?))"
    r"(?:\s+(?:a|per)\s+(?:user|person|seat|member))?\s+(?:a|per)\s+(?P<unit>month|year|week)\b",
    re.IGNORECASE,
)
_EVERY = {"month": "monthly", "year": "yearly", "week": "weekly"}


def accuracy_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "it reached a word error rate (WER) of 6.1%": how accurate is it."""
    if not _ACCURACY.search(text):
        return
    out.add("How accurate is it")
    if subject and subject.lower() not in ("it", "they"):
        out.add(f"How accurate is {subject}")
        out.add(f"What is the accuracy of {subject}")


def subscription_questions(text: str, out: QuestionList) -> None:
    """ "€9 per user per month, or €90 per user per year": a monthly, a yearly subscription."""
    units = dict.fromkeys(m["unit"].lower() for m in _RATE_PRICE.finditer(text))
    for unit in units:
        out.add(f"How much is a {_EVERY[unit]} subscription")
        out.add(f"How much does it cost per {unit}")


_FUNDS = re.compile(
    r"\b(?:will\s+|would\s+)?(?:cover|covers|covered|fund|funds|funded|finance|finances|financed"
    r"|pay|pays|paid|contribute|contributes|contributed)\b[^.;]*?\b(?:cost|costs|budget|bill)\b"
    r"|\bpaid\s+for\s+by\b|\bfunded\s+(?:with\s+[^.;]+?\s+)?by\b",
    re.IGNORECASE,
)
_COMES_FROM = re.compile(
    r"(?:[€$£¥]\s?\d[\d,.]*(?:\s+(?:million|billion|mln|bn))?)\s+(?:will\s+|would\s+)?"
    r"(?:come|comes|came)\s+from\s+(?P<owner>(?:the\s+)?[\w-]+)[’']s?\b",
    re.IGNORECASE,
)


def funding_questions(text: str, out: QuestionList) -> None:
    """ "The government will cover 60% of the cost ... the remaining €85 million will come
    from the city's capital budget": who pays for it, how much will the city pay."""
    if _FUNDS.search(text) or _COMES_FROM.search(text):
        out.add("Who pays for it")
        out.add("How is it funded")
        out.add("Where does the money come from")
    for found in _COMES_FROM.finditer(text):
        owner = found["owner"]
        owner = owner[0].lower() + owner[1:] if owner.lower().startswith("the ") else owner
        out.add(f"How much will {owner} pay")
        out.add(f"How much does {owner} pay")
