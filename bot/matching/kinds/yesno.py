"""Yes/no checks: "Is X the Nth ...?", "Did it happen in YEAR?", "Is COMPANY building Y?".

A yes/no question whose entry states the same values is answered "Yes:". One
that gives an attribute the entry states another value (another year, rank,
figure, company, city, post, the opposite of its word, another modifier) is
answered "No:" with the fact. The value words (`values`) are the question's
figures, number, ordinal and month words, names (the release's, or any capitalised
word), posts, opposites and modifiers; the entry must state a value of the same
class (a figure for a figure, a name for a name) for the "No" to be a fact. A name
the release never uses is another name however familiar its words ("Seoul National
University"). A word that goes back on what was done ("close", "suspend") that the
entry states neither way is neither confirmed nor denied: the entries are offered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import islice, pairwise

from bot.language import QUESTION_WORDS, words
from bot.matching.checks import misplaced_figures
from bot.matching.index import CAPITALISED, DROPPED, Item, StoreIndex, is_figure
from bot.matching.kinds.base import Asker
from bot.matching.kinds.values import (
    REVERSALS,
    TITLES,
    modifiers,
    number,
    opposites,
    states_number,
    value_words,
)
from bot.matching.params import Params
from bot.matching.query import Query
from bot.matching.verdict import Candidate, Form, Kind, Match

OPENERS = words("yes_no_openers")
_PREMISE_CANDIDATES = 2  # the best entries whose values a wrong premise may be of
# A question whether something exists, or exists besides what the release states ("is
# there ...", "a plant", "any flights", "also", "other stores"): a release that states
# other instances of it does not deny it. A name is contradicted only in a question
# about a definite thing ("the Doosan plant").
_EXISTENTIAL = re.compile(
    r"^\w+ there\b|\b(?:a|an|any|anything|anywhere|some|something|somewhere|another|other"
    r"|others|also|too|else|more|well)\b"
)
_DEFINITE = re.compile(r"\bthe\b")
# "Has he only visited Astana?": a check that nothing else is so.
_ONLY = re.compile(r"\b(?:only|solely|exclusively)\b")
# Three or more capitalised names in a row: "Astana, Almaty and Kyzylorda".
_LIST = re.compile(r"[A-Z][\w-]*, (?:[A-Z][\w-]*, )*[A-Z][\w-]*,? and [A-Z]")


def asks_yes_no(query: Query) -> bool:
    """Whether the question opens with an auxiliary: "is", "did", "has", "can"...
    "Can you list ...", "do you know ..." are requests, not checks."""
    opening = query.text.split()[:2]
    return bool(opening) and opening[0] in OPENERS and opening[1:] != ["you"]


def conflicts(query: Query, item: Item, index: StoreIndex) -> dict[str, str]:
    """The value words the entry does not state: the question gives them in its place.
    A word whose opposite the entry uses ("suspend" of an entry that says "continue")
    is one too, of the class "opposite"."""
    found = {
        w: c
        for w, c in value_words(query, index).items()
        if w not in item.vocabulary and not (c == "figure" and states_number(w, item))
    }
    found.update((w, "modifier") for w in modifiers(query, item, index) if w not in found)
    # A name the release never uses, though it may use its words apart ("Seoul National
    # University"): another name, whatever the entry knows.
    found.update((w, "name") for w in query.unknown_names if w not in found)
    if item.entry is not None and query.numbers:
        # A figure it states of something else ("5th largest trading partner" of the
        # 4th largest trading partner and 5th largest investor).
        said = index.tokens(item.entry.answer)
        found.update((w, "figure") for w in misplaced_figures(query, said))
    ranked = _unranked_superlative(query, item, index)
    if ranked is not None:
        found.setdefault(ranked, "figure")
    for word in query.words:
        # The entry's word itself in the question ("at the end ..., did they agree to
        # continue?") is no opposite of it.
        if word not in item.vocabulary and (opposites(word) & item.vocabulary) - query.asked:
            found.setdefault(word, "opposite")
    if item.entry is not None:
        # ... unless both say what is done, and the entry the opposite: "did they agree
        # to end cooperation?" of "the sides agreed to continue the dialogue".
        done = _infinitives(index.tokens(item.entry.answer))
        for word in _infinitives(query.tokens) & set(query.words):
            if opposites(word) & done:
                found.setdefault(word, "opposite")
    return found


def _infinitives(tokens: Sequence[str]) -> frozenset[str]:
    """The words right after "to": what is agreed or decided to be done ("to end")."""
    return frozenset(after for before, after in pairwise(tokens) if before == "to")


SUPERLATIVES = words("superlatives")
# "among the largest", "one of the biggest": not the first, one of several.
_AMONG = re.compile(r"\bamong\b|\bone of\b")


def _unranked_superlative(query: Query, item: Item, index: StoreIndex) -> str | None:
    """A superlative with no number ("the biggest trade partner": the first) of an entry
    that puts a rank before one ("the 4th largest trading partner"): another figure."""
    if item.entry is None or any(number(w) for w in query.words) or _AMONG.search(query.text):
        return None
    asked = [w for w in query.tokens if w in SUPERLATIVES]
    said = index.tokens(item.entry.answer)
    ranks = any(
        (found := number(w)) is not None and found[1] and nxt in SUPERLATIVES
        for w, nxt in pairwise(said)
    )
    return asked[0] if asked and ranks else None


def states_class(item: Item, query: Query, index: StoreIndex, other: dict[str, str]) -> bool:
    """Whether the entry's answer states a value of every class of the `other` words
    that the question does not already give: a figure, a name the question does not
    use, or the opposite of an "opposite" word.

    Another name contradicts only a question about a definite thing ("is *the* Doosan
    plant near Shymkent?"), never one whether something exists ("is there a Toyota
    plant in Almaty?", "flights from Almaty to Busan", "did Kia open plants elsewhere")."""
    kinds = set(other.values())
    if item.entry is None:
        return False
    if "opposite" in kinds and not any(
        (opposites(w) & item.vocabulary) - query.asked for w, c in other.items() if c == "opposite"
    ):
        return False
    if "title" in kinds and not _states_post(item, query, index):
        return False
    if "figure" in kinds and not item.figures:
        return False
    if "modifier" in kinds and not {w for w, c in other.items() if c == "modifier"} <= (
        modifiers(query, item, index)
    ):
        return False
    names = {w for w, c in other.items() if c == "name"}
    return not names or _states_name(item, query, index, names)


def _states_name(item: Item, query: Query, index: StoreIndex, names: set[str]) -> bool:
    """Whether the entry names something in the place of the question's other name.

    In a question about "the" thing, any other name the entry gives will do, unless it
    may stand for a subject the answer names and the question leaves out ("Uzbekistan's
    partner" of an answer about Kazakhstan's). In a question about a thing the entry
    names ("is Arystanov the ambassador to Japan?"), a subject will do, but only in the
    other name's place: after the word before it ("to Korea", "of Kazakhstan")."""
    answer = item.entry.answer if item.entry else ""
    if _EXISTENTIAL.search(query.text) or _LIST.search(answer):
        return False
    said = index.tokens(answer)
    named = {t for m in CAPITALISED.finditer(answer) for t in index.tokens(m[0])} - query.asked
    left_out = (set(said) & index.subjects) - query.asked
    if _DEFINITE.search(query.text) and not left_out and named - index.subjects:
        return True
    if _paired_in_place(query, names, answer, index):
        return True
    about = (set(said) & query.asked_names) - index.subjects
    return bool(about) and _in_place(query, names, named, said)


# Two capitalised names joined by a hyphen: "Kazakhstan-Korea", "Almaty-Seoul".
_PAIR = re.compile(r"\b([A-Z][\w]*)-([A-Z][\w]*)\b")


def _pairs(text: str, index: StoreIndex) -> list[frozenset[str]]:
    """The hyphenated pairs of names in `text`, each as the tokens of its two names."""
    found = []
    for match in _PAIR.finditer(text):
        first, second = (frozenset(index.tokens(part)) for part in match.groups())
        if first and second and not first & second:
            found.append(frozenset((min(first), min(second))))
    return found


def _paired_in_place(query: Query, names: set[str], answer: str, index: StoreIndex) -> bool:
    """Whether the question pairs one of the answer's paired names with another name in
    place of the answer's other one: "the Korea-Uzbekistan group" of an answer on "the
    Kazakhstan-Korea group"."""
    said = _pairs(answer, index)
    for pair in _pairs(query.shown, index):
        other = pair & names
        if len(other) == 1 and any(len(pair & mine) == 1 and not other & mine for mine in said):
            return True
    return False


def _in_place(query: Query, names: set[str], named: set[str], said: list[str]) -> bool:
    """Whether one of the question's other `names` follows a word that, in the answer,
    is followed (past any stop word) by one of the answer's `named`."""
    asked = [t for t in query.tokens if t != "the"]
    before = {asked[i - 1] for i, t in enumerate(asked) if i and t in names}
    for i, token in enumerate(said):
        if token in before:
            after = next((t for t in said[i + 1 :] if t not in DROPPED), None)
            if after in named:
                return True
    return False


def _states_post(item: Item, query: Query, index: StoreIndex) -> bool:
    """Whether the entry gives a post the question does not, of someone the question
    names ("an ordinary member" of an entry on the group's chairman Woo)."""
    said = set(index.tokens(item.entry.answer)) if item.entry else set()
    named = (said & query.asked_names) - index.subjects
    return bool(named and (said & TITLES) - query.asked)


def _names_other(item: Item, query: Query, index: StoreIndex) -> bool:
    """Whether the entry's answer names something the question does not (a subject of
    the release aside): "only Astana" of an entry on visits to Astana and Almaty."""
    answer = item.entry.answer if item.entry else ""
    named = {t for m in CAPITALISED.finditer(answer) for t in index.tokens(m[0])}
    return bool(named - query.asked - index.subjects)


def yes_no(
    asker: Asker, query: Query, ranked: tuple[Candidate, ...], match: Match, params: Params
) -> Match | None:
    """A yes/no check put as "Yes: <answer>" or "No: <answer>", or None."""
    if not asks_yes_no(query) or not ranked:
        return None
    index = asker.index
    if match.answered and match.entry is not None:
        item = index.by_id[match.entry.id]
        other = conflicts(query, item, index)
        if not other and _ONLY.search(query.text):
            # The release never says there is no other: "only" is confirmed by nothing,
            # and denied by an entry that names another.
            return replace(match, form=Form.NO) if _names_other(item, query, index) else None
        if not other and (
            _unstated_change(query, item)
            or _figures_only(query, item)
            or _unstated_post(query, item, index)
        ):
            return _offered(query, ranked, match, index, params)
        if not other:
            return replace(match, form=Form.YES)
        if states_class(item, query, index, other):
            return replace(match, form=Form.NO)
        return None
    # The entry the check is about may rank below one that states its value of something
    # else ("Is this release dated 2023?": the 2023 statistics rank first).
    for top in ranked[:_PREMISE_CANDIDATES]:
        found = _wrong_premise(asker, query, top, params)
        if found is not None:
            return found
    return None


def _unstated_change(query: Query, item: Item) -> str | None:
    """A word that goes back on what was done (data/opposites.txt after a row's first:
    "close", "suspend") that the entry does not state: "Did Hyundai close its plant?" of
    an entry that says only that the plant is a successful project. The entry neither
    confirms nor denies it (one that states the opposite denies it: `conflicts`)."""
    return next((w for w in query.words if w in REVERSALS and w not in item.vocabulary), None)


def _unstated_post(query: Query, item: Item, index: StoreIndex) -> bool:
    """A post the question says someone it names holds ("Is Woo Kazakhstan's speaker?")
    that the entry's answer does not state, though its phrasings use the post to say who
    is meant ("has the speaker been to Astana"): only an answer that states the post (in
    any form: "chaired" for "chairman") confirms it."""
    if item.entry is None:
        return False
    people = query.asked_names - index.subjects
    tokens = query.tokens
    named = next((i for i, t in enumerate(tokens) if t in people), None)
    if named is None:
        return False
    posts = {w for w, c in value_words(query, index).items() if c == "title"}
    posts &= set(tokens[named + 1 :])
    said = set(index.tokens(item.entry.answer))
    return any(not any(_one_word(p, s) for s in said) for p in posts)


_SHARED_STEM = 5  # letters two forms of one word share at least ("chairman", "chaired")


def _one_word(post: str, said: str) -> bool:
    """Whether `said` is `post` or another form of its word."""
    shared = next((i for i, (a, b) in enumerate(zip(post, said, strict=False)) if a != b), None)
    if shared is None:
        shared = min(len(post), len(said))
    return post == said or shared >= min(_SHARED_STEM, len(post))


def _figures_only(query: Query, item: Item) -> bool:
    """ "Is the news from 2023?": a figure and nothing it is a figure of (the release is
    no word the matcher reads), of an entry no phrasing of which asks a figure alone
    ("is this from 2024" of the release's date): one that states 2023 of statistics
    confirms nothing."""
    asked = query.asked - QUESTION_WORDS
    if not asked or not asked <= query.numbers:
        return False
    return not any(bare and all(is_figure(w) for w in bare) for bare in item.bare)


def _offered(
    query: Query, ranked: tuple[Candidate, ...], match: Match, index: StoreIndex, params: Params
) -> Match:
    """A "did you mean" with the closest entries: the check is neither confirmed nor
    denied by what they state."""
    close = tuple(
        c
        for c in ranked
        if index.by_id[c.intent].entry is not None and c.score >= params.clarify_threshold
    )
    return Match(query.shown, Kind.CLARIFY, match.score, suggestions=close[: params.max_clarify])


def _wrong_premise(asker: Asker, query: Query, top: Candidate, params: Params) -> Match | None:
    """The best entry held back because the question gives another value. Asked again
    without those values, the entries that state a value of their class (a figure for
    a figure) and not the values themselves are the ones it checks: the best of them,
    sure and clear of the next, gives the fact."""
    index = asker.index
    other = conflicts(query, index.by_id[top.intent], index)
    if not other:
        return None
    kept = _without(query.text.split(), other, index.by_id[top.intent], index)
    if len(kept) == len(query.text.split()):
        # The value is a phrase a synonym made one word of ("foreign minister" -> "mfa"):
        # the question is asked again from its words as read.
        kept = [t for t in query.tokens if t not in other]
    candidates = asker.candidates(" ".join(kept))
    if not candidates or candidates[0].score < params.answer_threshold:
        return None  # no entry could be sure
    # The best two that fit are all the verdict needs (the entries are best first).
    fitting = list(
        islice(
            (
                c
                for c in candidates
                if not c.swapped
                and not c.doubtful  # the question asks what the entry does not say
                and set(other) <= set(conflicts(query, index.by_id[c.intent], index))
                and states_class(index.by_id[c.intent], query, index, other)
            ),
            2,
        )
    )
    if not fitting:
        return None
    best = fitting[0]
    lead = best.score - (fitting[1].score if len(fitting) > 1 else 0.0)
    if not is_sure(best.score, lead, params):
        return None
    entry = index.by_id[best.intent].entry
    return Match(query.shown, Kind.ANSWER, best.score, entry=entry, form=Form.NO)


def _without(said: list[str], other: dict[str, str], item: Item, index: StoreIndex) -> list[str]:
    """The words of a question without its `other` values. A post goes with the word
    before it that the entry does not use ("foreign minister", "prime minister"): that
    word says which post, and asked again alone it would count against the entry."""
    own = [set(index.tokens(w)) for w in said]
    posts = {w for w, c in other.items() if c == "title"}
    return [
        w
        for i, w in enumerate(said)
        if not own[i] & set(other)
        and not (i + 1 < len(said) and own[i + 1] & posts and not own[i] & item.vocabulary)
    ]


def is_sure(score: float, lead: float, params: Params) -> bool:
    """Only a sure match says "No": one that clears the bar a doubtful match must clear
    and leads by the margin, or clears the answer bar and leads the next by twice the
    doubt margin (no other entry is anywhere near)."""
    if score >= params.answer_threshold + params.doubt_margin and lead >= params.margin:
        return True
    return score >= params.answer_threshold and lead >= 2 * params.doubt_margin
