"""Synonyms for a drafted store: spelled-out acronyms, everyday words, other verb forms."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from bot.drafting.phrases import ACRONYM, ACRONYM_BEFORE
from bot.drafting.verbs import base_form, ing_base
from bot.drafting.vocabulary import DETERMINERS, IRREGULAR, PREPOSITIONS, VERBS
from bot.language import (
    COMMON_WORDS,
    STOPWORDS,
    normalise,
)
from bot.language.lexicon import rows
from bot.language.morphology import noun_plurals, verb_forms


@functools.cache
def _everyday_synonyms() -> dict[str, list[str]]:
    """Everyday words and abbreviations written out, so "CEO" finds "chief executive officer".

    The file lists each word once; its other forms are added here (`_forms`).
    Only those the release uses are written into the store.
    """
    table: dict[str, list[str]] = {}
    for row in rows("everyday_synonyms"):
        term, _, listed = " ".join(row).partition(":")
        term = term.strip()
        variants = [v.strip() for v in listed.split(",") if v.strip()]
        forms = [f for v in variants for f in (v, *_forms(v))]
        # The term's own plural is its stem already; its verb forms are not.
        forms += verb_forms(term) if term in VERBS else ()
        table[term] = list(dict.fromkeys(f for f in forms if f != term))
    return table


def _forms(variant: str) -> list[str]:
    """The other forms a question may write a variant in: a verb's ("land": "lands",
    "landing", "landed"; "go up": "goes up" ...), or else a noun's plural ("jet": "jets",
    "ticket price": "ticket prices")."""
    words = variant.split()
    if not words or not all(w.isalpha() for w in words):
        return []
    first, rest = words[0], " ".join(words[1:])
    if first in VERBS:
        return [f"{form} {rest}".strip() for form in verb_forms(first)]
    if len(words) > 2 or first in STOPWORDS | DETERMINERS | PREPOSITIONS:  # "a day": no plural
        return []
    head = f"{first} " if rest else ""
    return [head + plural for plural in noun_plurals(words[-1])]


def draft_synonyms(flat: str) -> dict[str, list[str]]:
    """Acronyms the release spells out, and the everyday abbreviations it uses."""
    result = _spelled_out(flat)
    text = f" {normalise(flat)} "
    if "%" in flat:
        text += " percent "
    taken = {v for vs in result.values() for v in vs} | set(result)
    families = _verb_families(text.split())
    for canonical, variants in _everyday_synonyms().items():
        # The release must use the word, in any form ("plants", "supplied").
        forms = [canonical, *variants]
        used = canonical in families or any(
            f" {form} " in text or f" {form}s " in text for form in forms
        )
        if used and canonical not in taken:
            fresh = [v for v in [*variants, *families.pop(canonical, [])] if v not in taken]
            if fresh:
                result.setdefault(canonical, []).extend(dict.fromkeys(fresh))
                taken |= {canonical, *fresh}
    for base, family in families.items():
        fresh = [f for f in family if f not in taken]
        if base not in taken and fresh:
            result[base] = fresh
            taken |= {base, *fresh}
    return {k: v for k, v in result.items() if v}


def _spelled_out(flat: str) -> dict[str, list[str]]:
    """ "Big Almaty Ring Road (BAKAD)" and "FAA (Federal Aviation Administration)"."""
    result: dict[str, list[str]] = {}

    def add(short: str, long: str) -> None:
        key, value = normalise(short), normalise(long)
        if key and value and key != value and len(value.split()) >= 2:
            variants = result.setdefault(key, [])
            if value not in variants:
                variants.append(value)

    for match in ACRONYM.finditer(flat):
        run = _capitalised_run(_last_words(flat, match.start(), 10))
        if len(run) >= 2:
            add(match.group("short"), " ".join(run))
        if _named_after_a_place(run, flat):
            add(match.group("short"), " ".join(run[1:]))
    for match in ACRONYM_BEFORE.finditer(flat):
        add(match.group("short"), match.group("long"))
    return result


def _named_after_a_place(run: list[str], flat: str) -> bool:
    """ "Arlow Harbour Authority" in a release that also writes "Arlow" on its own.

    People then say "the harbour authority": the name without its place is a variant too.
    """
    if len(run) < 3 or run[1] in ("of", "for", "and", "the"):
        return False
    alone = re.compile(rf"\b{re.escape(run[0])}\b(?!\s+{re.escape(run[1])}\b)")
    return bool(alone.search(flat))


def _last_words(text: str, end: int, count: int) -> list[str]:
    """`text[:end].split()[-count:]`, reading back only as far as it needs to."""
    width = 40 * count
    while True:
        start = max(0, end - width)
        words = text[start:end].split()
        # A word cut at the window's start is complete once more than `count` are seen.
        if start == 0 or len(words) > count:
            return words[-count:]
        width *= 2


def _capitalised_run(words: list[str]) -> list[str]:
    """The capitalised words (with "of", "and" ...) that end `words`: a spelled-out name."""
    run: list[str] = []
    for word in reversed(words):
        bare = word.strip(',;:"“”')
        if bare != word and run:
            break
        if bare[:1].isupper() or (run and bare in ("of", "for", "and", "the", "de")):
            run.insert(0, bare)
        else:
            break
    while run and run[0] in ("of", "for", "and", "the", "The", "de"):
        run.pop(0)
    return run


def _verb_families(words: Sequence[str]) -> dict[str, list[str]]:
    """The other forms of each verb the release uses: {"visit": ["visits", "visited", ...]}."""
    families: dict[str, list[str]] = {}
    for word in dict.fromkeys(words):
        base = _verb_base(word)
        if base is None:
            continue
        forms = families.setdefault(base, [])
        forms.extend(form for form in verb_forms(base) if form not in forms)
    return families


def _verb_base(word: str) -> str | None:
    """The base form of `word` if it is a form of a known, not everyday verb."""
    if len(word) < 4 or not word.isalpha() or word in STOPWORDS:
        return None
    verb_form = word.endswith(("ed", "ing")) or word in IRREGULAR or word in VERBS
    verb_form = verb_form or (word.endswith("s") and base_form(word) in VERBS)
    if not verb_form:
        return None
    base = ing_base(word) if word.endswith("ing") else base_form(word)
    if len(base) < 3 or base in STOPWORDS or base in COMMON_WORDS or base not in VERBS:
        return None
    return base
