"""Whose a thing is: "Korea's trade partners" against an answer that says Korea is a
trading partner of Kazakhstan. A question that puts a thing to the other subject than
the answer does asks the other way round (`owner_swap`, one of the name swaps in
`checks`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.language import words
from bot.matching.index import DROPPED, StoreIndex

if TYPE_CHECKING:
    from bot.matching.pairs import Pair

# "Korea's trade partners": a subject's possessive and the words after it.
_POSSESSIVE = re.compile(r"([\w-]+)['\u2019]s\s+([^?.!,;:]+)")
_CLAUSE = re.compile(r"[,;:.()]\s")
_BE = words("be_forms")
_PREPOSITIONS = words("prepositions")


def owner_swap(pair: Pair) -> bool:
    """The question puts a thing to one subject ("Korea's trade partners") where the
    entry's answer says whose it is, the other's ("Korea is the 4th largest trading
    partner ... of Kazakhstan"): it asks about the other way round ("where does
    Kazakhstan rank among Korea's trade partners?"). The thing is the last of the words
    after the possessive, up to a preposition ("trade partners": partners). A thing the
    answer puts to no subject ("flights between Kazakhstan and Korea") swaps nothing."""
    entry = pair.item.entry
    shown = pair.query.shown
    if entry is None or ("'s " not in shown and "\u2019s " not in shown):
        return False
    tables = pair.tables
    owners: dict[str, str] | None = None
    for found in _POSSESSIVE.finditer(shown.lower()):
        whose = set(tables.tokens(found[1])) & tables.subjects
        thing = _head(found[2].split(), tables)
        if not whose or thing is None:
            continue
        owners = owners if owners is not None else _owners(entry.answer, tables)
        if owners.get(thing, next(iter(whose))) not in whose:
            return True
    return False


def _head(following: list[str], tables: StoreIndex) -> str | None:
    """The last word of the run of content words that opens `following` ("trade
    partners of ..." -> "partner"), as the store reads it."""
    head = None
    for word in following:
        if word in _PREPOSITIONS:
            break
        tokens = [t for t in tables.tokens(word) if t not in DROPPED]
        if not tokens:
            break
        head = tokens[-1]
    return head


def _owners(answer: str, tables: StoreIndex) -> dict[str, str]:
    """What each clause of `answer` says its subject is, and whose: "Korea is the 4th
    largest trading partner and the 5th largest investor in the economy of Kazakhstan"
    -> partner, investor, economy: Kazakhstan. The words after "is", up to the first
    subject, when "of" comes before that subject (past "the")."""
    found: dict[str, str] = {}
    for clause in _CLAUSE.split(answer):
        said = tables.tokens(clause)
        at = next((i for i, t in enumerate(said) if t in _BE), None)
        if at is None:
            continue
        end = next((i for i in range(at + 1, len(said)) if said[i] in tables.subjects), None)
        if end is None or [t for t in said[at + 1 : end] if t != "the"][-1:] != ["of"]:
            continue
        for thing in said[at + 1 : end]:
            found.setdefault(thing, said[end])
    return found
