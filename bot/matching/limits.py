"""Checks that a question asks beyond what an entry says: something besides the name it
sets aside ("anything except in Turkestan"), other ones than those stated ("which
other universities"), one side of what the entry tells of both, or another doer than
the entry's. Each marks the entry swapped or doubtful, as the checks of `checks` do;
`checks.CHECKS` runs them after its own.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bot.language import UNITS, rows
from bot.matching.index import StoreIndex, is_figure
from bot.matching.pairs import Finding, Pair
from bot.matching.params import Params

# "except", "besides", "apart from", "other than" (data/exception_words.txt), as read.
_BEYOND = frozenset(w for row in rows("exception_words") for w in row if "_" not in w)
_BEYOND_PAIRS = frozenset(
    tuple(w.split("_")) for row in rows("exception_words") for w in row if "_" in w
)


# "GW", "km": capitalised in a release, but measures, not names of things.
_UNITS = frozenset(UNITS)


def beyond_named(pair: Pair, params: Params) -> Finding | None:
    """A question about what lies beyond a name it gives ("does Doosan build anything
    except in Turkestan?") is not answered by an entry that states that name: the
    entry tells only what the question sets aside (one that names more answers it)."""
    tokens = pair.query.tokens
    for i, token in enumerate(tokens):
        after = i + 1
        if tuple(tokens[i : i + 2]) in _BEYOND_PAIRS:
            after = i + 2
        elif token not in _BEYOND:
            continue
        around = tokens[after : after + 3]
        if pair.tables.language.postpositions:  # "투르키스탄 말고": the name comes first
            around = tokens[max(0, i - 2) : i]
        named = set(around) & pair.query.names & pair.item.vocabulary
        if named and not _other_names(pair):
            return Finding("beyond_named", swapped=True)
    return None


# "Which other universities ...?", "what other projects": more of a kind than stated.
_WHICH_OTHER = re.compile(r"\b(?:which|what) other\b")


def beyond_stated(pair: Pair, params: Params) -> Finding | None:
    """ "Which other universities work with Korkyt Ata?" with nothing set aside by name:
    the question asks for more than the entry states (what it states is what the one
    asking already knows), so the entry is only offered. "Besides Almaty, what other
    cities ...?" names what it sets aside (`beyond_named`)."""
    if pair.item.entry is None or not _WHICH_OTHER.search(pair.query.text):
        return None
    tokens = pair.query.tokens
    if _BEYOND & set(tokens) or _BEYOND_PAIRS & set(pairwise(tokens)):
        return None
    return Finding("beyond_stated", swapped=True)


# "on the Kazakh side": one party's part in something the two share.
_ON_SIDE = re.compile(r"\bon (?:the |their |its )?(\w+) side\b")


def one_side(pair: Pair, params: Params) -> Finding | None:
    """ "Who chairs the friendship group on the Kazakh side?" of an entry that says who
    chairs it without saying on whose side: it asks about another person, so the
    entry is only offered."""
    entry = pair.item.entry
    if entry is None:
        return None
    tables = pair.tables
    for word in _ON_SIDE.findall(pair.query.text):
        side = set(tables.tokens(word)) & tables.subjects
        said = list(pairwise(tables.tokens(entry.answer)))
        if side and not any(a in side and b == "side" for a, b in said):
            return Finding("one_side", swapped=True)
    return None


def _other_names(pair: Pair) -> frozenset[str]:
    """Names the entry's answer gives that the question does not (the two countries
    aside): "Astana" and "Almaty" in an answer on the cities Woo visited, asked
    which he visited besides Kyzylorda."""
    entry = pair.item.entry
    if entry is None:
        return frozenset()
    tables = pair.tables
    said = tables.tokens(entry.answer)
    # A word after a figure is its unit, whatever a names table makes of it ("1 ГВт").
    measured = {t for f, t in pairwise(said) if is_figure(f)}
    stated = frozenset(t for t in said if not is_figure(t)) - measured
    for alias in _aliases(entry.answer, pair):
        if alias & pair.query.asked:
            stated -= alias  # the name asked, as the answer also writes it
    return stated & tables.all_names - pair.query.asked - tables.subjects - _UNITS


# A name and its short form in brackets: "the Big Almaty Ring Road (BAKAD)".
_ALIASED = re.compile(r"(\S+(?:\s+\S+){0,3})\s*\(([^()]+)\)")


def _aliases(answer: str, pair: Pair) -> list[frozenset[str]]:
    """The words of each name an answer gives with another for it in brackets (the
    words before the brackets, up to four, and those inside): one name, not two."""
    tokens = pair.tables.tokens
    return [
        frozenset(tokens(m.group(1))) | frozenset(tokens(m.group(2)))
        for m in _ALIASED.finditer(answer)
    ]


# Particles that make a word the one who does what a sentence says, where a word that
# relates a name follows it (Korean, `Analyser.postpositions`): "카자흐가", "한국은".
_AGENT_PARTICLES = ("께서", "이", "가", "은", "는")


def agent_swap(pair: Pair, params: Params) -> Finding | None:
    """The question makes one subject of the release the doer ("카자흐가 한국에 투자한",
    Kazakhstan investing in Korea) where every phrasing of the entry that names a doer
    makes it the other ("한국은 ... 투자국", Korea investing): it asks the other way round."""
    tables = pair.tables
    if not tables.language.postpositions or pair.item.entry is None:
        return None
    if not pair.query.asked_names & tables.subjects:
        return None
    said = frozenset().union(*(_phrasing_agents(q, tables) for q in pair.item.entry.questions))
    if not said:
        return None
    asked = _query_agents(pair.query.shown, tables)
    if asked and not asked & said:
        return Finding("agent_swap", swapped=True)
    return None


def _agents(text: str, tables: StoreIndex) -> frozenset[str]:
    """The subjects of the release `text` marks as doers with a particle."""
    found: set[str] = set()
    for word in text.split():
        for particle in _AGENT_PARTICLES:
            if word.endswith(particle) and len(word) > len(particle):
                found.update(set(tables.tokens(word[: -len(particle)])) & tables.subjects)
                break
    return frozenset(found)


def _query_agents(text: str, tables: StoreIndex) -> frozenset[str]:
    """`_agents` of a question, read once for all its candidates (the last one is kept)."""
    last = tables.last_doers
    if not last or last[0][0] != text:
        last[:] = [(text, _agents(text, tables))]
    return last[0][1]


def _phrasing_agents(text: str, tables: StoreIndex) -> frozenset[str]:
    """`_agents` of a phrasing, read once per store."""
    if text not in tables.doers:
        tables.doers[text] = _agents(text, tables)
    return tables.doers[text]
