"""Checks: the rules that stop a similar-looking entry from answering a different question.

Each check is a named function of (question, entry, its best phrasing) that
returns a `Finding` or None. A finding may scale the score, mark the match
*doubtful* (it needs `doubt_margin` more points to be answered) or *swapped*
(it is never answered, only offered), or drop the entry altogether. `CHECKS`
is the one place that says which checks run and in which order; scores are
multiplied in that order.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence

from bot.language import NUMBER_WORDS, stem, words
from bot.matching.index import DROPPED, is_figure
from bot.matching.limits import agent_swap, beyond_named, beyond_stated, one_side
from bot.matching.owners import owner_swap
from bot.matching.pairs import Check, Finding, Pair
from bot.matching.params import Params
from bot.matching.query import Query


def question_words_only(pair: Pair, params: Params) -> Finding | None:
    """ "how?" or "why" is down to question words: it asks no fact of any entry
    (small talk may still answer it)."""
    if pair.query.asks_nothing and pair.item.entry is not None:
        return Finding("question_words_only", drop=True)
    return None


def name_swap(pair: Pair, params: Params) -> Finding | None:
    """The same question about another name: a subject for a subject, another name
    for another, or the two subjects the other way round.

    "Who is the President of Korea?" against "Who is the President of Kazakhstan?".
    """
    for rule in (subject_swap, other_name_swap, destination_swap, post_swap, owner_swap):
        if rule(pair):
            return Finding(rule.__name__, params.name_swap_factor, doubtful=True, swapped=True)
    return None


def subject_swap(pair: Pair) -> bool:
    """The question names one subject of the release where the phrasing names the other
    ("Korea" for "Kazakhstan"); leaving a subject out ("kia factory kazakhstan") asks
    nothing different."""
    asked = pair.query.asked_names
    said = pair.phrasing.names
    subjects = pair.tables.subjects
    return bool((asked & subjects) - said and (said & subjects) - asked)


def other_name_swap(pair: Pair) -> bool:
    """The question names another name of the release ("Almaty" for "Astana") that none
    of the entry's phrasings mention, where its best phrasing names one. A name the
    entry's phrasings use is no swap ("Hyundai" in the entry on Kia and Hyundai)."""
    others = pair.query.asked_names & pair.tables.names
    said = pair.phrasing.names & pair.tables.names
    return bool(others - pair.item.asked_about and said - others)


def destination_swap(pair: Pair) -> bool:
    """The question goes *to* the other subject: "the ambassador of Korea to Kazakhstan"
    asks about someone else than "the ambassador of Kazakhstan to Korea". A question
    with no direction ("flights between Korea and Kazakhstan") swaps nothing."""
    towards = pair.query.towards
    return bool(towards) and pair.phrasing.destination not in (None, towards)


# Posts a person holds (data/post_titles.txt), stemmed as queries are.
POSTS = frozenset(stem(w) for w in words("post_titles"))
_BEFORE = 3  # words before a post that may say whose it is ("Kazakhstan's parliament speaker")
_AFTER = 6  # words after "of" that may ("speaker of the National Assembly of Korea")


def post_swap(pair: Pair) -> bool:
    """The question gives a post to one subject where the entry's answer gives it to the
    other: "Korea's ambassador" of an answer on "Kazakhstan's Ambassador", "Kazakhstan's
    parliament speaker" of one on "the Speaker of the National Assembly of Korea". It
    asks about someone else. A subject named apart from any post may be the one the
    post is put to ("korea ambassador kazakhstan")."""
    entry = pair.item.entry
    if entry is None:
        return False
    tables = pair.tables
    if not POSTS.intersection(pair.query.tokens):
        return False
    asked = posts_of(pair.query.tokens, tables.subjects, tables.all_names)
    if not asked or (pair.query.asked_names & tables.subjects) - set().union(*asked.values()):
        return False  # none, or a subject the question names may be whose the post is
    said = posts_of(tuple(tables.tokens(entry.answer)), tables.subjects, tables.all_names)
    return any(said.get(post) and not whose & said[post] for post, whose in asked.items())


@functools.lru_cache(maxsize=4096)
def posts_of(
    tokens: tuple[str, ...], subjects: frozenset[str], names: frozenset[str]
) -> dict[str, frozenset[str]]:
    """Each post in `tokens` that a subject is put to, and the subjects it is put to: the
    one right before it, past other names only ("the Kazakh ambassador", "Korea's
    parliament speaker"), or after "of", past "the" and other names ("speaker of the
    parliament of Korea")."""
    found: dict[str, set[str]] = {}
    for i, token in enumerate(tokens):
        if token in POSTS and (whose := _whose(tokens, i, subjects, names)) is not None:
            found.setdefault(token, set()).add(whose)
    return {post: frozenset(whose) for post, whose in found.items()}


def _whose(
    tokens: Sequence[str], at: int, subjects: frozenset[str], names: frozenset[str]
) -> str | None:
    """The subject the post at `at` is put to, or None."""
    for token in reversed(tokens[max(0, at - _BEFORE) : at]):
        if token in subjects:
            return token
        if token not in names or token in POSTS:
            break
    if tuple(tokens[at + 1 : at + 2]) != ("of",):
        return None
    for token in tokens[at + 2 : at + 2 + _AFTER]:
        if token in subjects:
            return token
        if token not in names and token not in ("of", "the"):
            return None
    return None


def unknown_name(pair: Pair, params: Params) -> Finding | None:
    """A name the release never uses, capitalised mid-sentence ("the Korea-Uzbekistan
    friendship group", "Seoul National University"): the question is about something
    else than any entry, which is only offered."""
    if pair.item.entry is not None and pair.query.unknown_names:
        return Finding("unknown_name", doubtful=True, swapped=True)
    return None


def figure_swap(pair: Pair, params: Params) -> Finding | None:
    """A figure the entry does not state, where it states others: "rank in 2024" of an
    entry about 2023; or one it states of something else: "the 5th largest trading
    partner" of an entry on the 4th largest trading partner and the 5th largest
    investor. ("in 2 sentences" asks no figure of an entry that has none.)"""
    query, item = pair.query, pair.item
    if not item.figures or not query.numbers:
        return None
    said = pair.tables.tokens(item.entry.answer) if item.entry else []
    if query.numbers - item.vocabulary or misplaced_figures(query, said):
        return Finding("figure_swap", params.name_swap_factor, doubtful=True, swapped=True)
    return None


_FOLLOWING = 3  # content words after a figure that say what it counts or ranks


def misplaced_figures(query: Query, said: list[str]) -> frozenset[str]:
    """The question's figures that the text `said` states of something else: the words
    after the figure in the question follow another of its figures there, and none of
    those after this one ("5th largest trading partner" where "4th largest trading
    partner" and "5th largest investor" are said)."""
    found = set()
    for figure in query.numbers & set(said):
        asked = following(query.tokens, query.tokens.index(figure))
        own: set[str] = set()
        others: set[str] = set()
        for i, token in enumerate(said):
            if is_figure(token):
                (own if token == figure else others).update(following(said, i))
        if asked & (others - own) and not asked & (own - others):
            found.add(figure)
    return frozenset(found)


def following(tokens: Sequence[str], at: int) -> set[str]:
    """Up to `_FOLLOWING` content words after position `at`, up to the next figure."""
    words: list[str] = []
    for token in tokens[at + 1 :]:
        if is_figure(token) or len(words) == _FOLLOWING:
            break
        if token not in DROPPED:
            words.append(token)
    return set(words)


def other_kind(pair: Pair, params: Params) -> Finding | None:
    """A kind of question ("when", "who", "how many") none of the entry's phrasings asks.
    Such a "Who ...?" is never answered by an entry that names no one the question does
    not: "Who founded the airline?" of "The airline was founded in 2009"."""
    kinds = pair.query.kinds
    if kinds and not kinds & pair.item.asks:
        nobody = "who" in kinds and not _someone_else(pair)
        return Finding("other_kind", params.question_kind_factor, doubtful=True, swapped=nobody)
    return None


# Stemmed nouns for people and organisations: "the board", "a staff of 22", "residents".
_PEOPLE = frozenset(stem(w) for w in words("people_nouns"))
# "Ltd", "Inc": part of a name the question may leave out ("Who founded Acme?").
_NAME_ENDINGS = words("company_endings")


def _someone_else(pair: Pair) -> bool:
    """Whether the entry's answer names a person or body the question does not."""
    entry = pair.item.entry
    said = set(pair.tables.tokens(entry.answer)) if entry else set()
    return bool(said & (pair.tables.all_names | _PEOPLE) - _NAME_ENDINGS - set(pair.query.tokens))


def no_date(pair: Pair, params: Params) -> Finding | None:
    """ "When ...?" ("on what date", "which year") of an entry that states no date,
    year, other figure, weekday or month at all."""
    if pair.query.asks_date and not pair.item.dated:
        return Finding("no_date", swapped=True)
    return None


# "What time ...", "at what hour": the question wants a time of day.
_ASKS_TIME = re.compile(r"\b(?:what|which) (?:time|hour)\b")
# A time of day in a text: "10:30", "9 a.m.", "noon".
_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b|\bo'clock\b|\bnoon\b|\bmidnight\b",
    re.IGNORECASE,
)


def no_time(pair: Pair, params: Params) -> Finding | None:
    """ "What time ...?" of an entry that states no time of day: "What time is it in
    Astana?" is not answered by the flights from Astana."""
    entry = pair.item.entry
    if entry is not None and asks_time(pair.query) and not _CLOCK.search(entry.answer):
        return Finding("no_time", swapped=True)
    return None


def asks_time(query: Query) -> bool:
    """ "What time ...?": the question wants a time of day."""
    return _ASKS_TIME.search(query.text) is not None


def asks_future(query: Query) -> bool:
    """ "Will ... next": the question asks beyond what was done."""
    said = set(query.text.split())
    return bool(_ASKS_FUTURE & said) and "next" in said


# Words that ask about what is to come ("will ... next") and words that state it.
_ASKS_FUTURE = frozenset({"will", "shall"})
FUTURE_WORDS = words("future_words")


def no_future(pair: Pair, params: Params) -> Finding | None:
    """ "Which city will get stores next?" of an entry that states no plan or future
    ("Several CU stores have opened"): what comes after is not what was done."""
    entry = pair.item.entry
    # "Will" alone may ask about what the release plans ("how much will the extension
    # cost?" of an approved budget); "will ... next" asks beyond it.
    if entry is None or not asks_future(pair.query):
        return None
    if FUTURE_WORDS & set(pair.tables.tokens(entry.answer)):
        return None
    return Finding("no_future", swapped=True)


def not_about_name(pair: Pair, params: Params) -> Finding | None:
    """ "What is X?" of an entry with no phrasing about X alone: "What is BAKAD?" has its
    entry, but no entry says what Astana is, only facts about it."""
    if not pair.query.defines:
        return None
    asked = pair.query.asked
    if any(bare and bare <= asked for bare in pair.item.bare):
        return None
    return Finding("not_about_name", swapped=True)


# Attributes a release rarely states (data/unstated_attributes.txt), stemmed as queries are.
UNSTATED = frozenset(stem(w) for w in words("unstated_attributes"))
# "how many", "how much": the question wants a count or an amount.
AMOUNT_WORDS = words("amount_words")
_ORDINAL_OR_YEAR = re.compile(r"\d+(?:st|nd|rd|th)|(?:19|20)\d\d")


def unstated_attribute(pair: Pair, params: Params) -> Finding | None:
    """An attribute releases rarely state (age, predecessor, cost, population) that the
    entry does not state either: "How old is Woo?" is never answered by the entry on
    Woo's post, only offered."""
    if pair.item.entry is None:
        return None
    if unstated_in(pair.query, pair.item.vocabulary):
        return Finding("unstated_attribute", swapped=True)
    return None


# "before I dig into the details": the one asking, after a word that opens a clause.
_ASKER = frozenset({"i", "we", "you"})


def unstated_in(query: Query, said: Collection[str]) -> frozenset[str]:
    """The unstated-attribute words `query` asks that `said` (the words of an entry, or of
    a sentence of the release) does not use. One that opens a clause about the one
    asking ("before I dig into the details, ...") asks no predecessor; "old" before
    what it describes ("the old waiting hall", "my old drone") asks no age."""
    tokens = query.tokens
    after = (*tokens[1:], "")
    return frozenset(
        word
        for i, (word, following) in enumerate(zip(tokens, after, strict=False))
        if word in UNSTATED
        and word not in said
        and following not in _ASKER
        and not (word in _AGE_ADJECTIVES and tokens[i + 1 : i + 2] and tokens[i + 1] not in DROPPED)
    )


_AGE_ADJECTIVES = frozenset({"old", "older", "young", "younger"})


# Employees, staff, workers: a count of "people" counts them, stemmed as queries are.
COUNTED_AS_PEOPLE = frozenset(stem(w) for w in words("people_counted"))


def uncounted(pair: Pair, params: Params) -> Finding | None:
    """ "How many X" of an entry that gives no count of X, or "how much" of one that
    states no amount (a rank or a year is none): "How many Korean companies ...?"
    is not answered by an entry that names some companies."""
    entry = pair.item.entry
    asked = counted_words(pair.query.tokens)
    if entry is None or asked is None:
        return None
    said = pair.tables.tokens(entry.answer)
    counts = stated_counts(said)
    # "By how much ...?" of "... by more than half.": an amount that ends the answer.
    if asked == ("much",) and any(_is_count(t) for t in said):
        return None
    if asked != ("much",) and set(asked) & counts:
        return None
    if "people" in counts and set(asked) & COUNTED_AS_PEOPLE:
        return None  # "employs 42 people": how many employees
    if (asked[0] == "people" or set(asked) & COUNTED_AS_PEOPLE) and counts & _PEOPLE:
        return None  # "22,000 residents": how many people; "180 nurses": how many staff
    return Finding("uncounted", swapped=True)


def counted_words(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """After "how many": the (up to four) content words it may count; ("much",) after
    "how much"; None when it asks neither, or "how many?" names nothing after it."""
    for i, token in enumerate(tokens[:-1]):
        if token == "how" and tokens[i + 1] in AMOUNT_WORDS:
            if tokens[i + 1] == "much":
                return ("much",)
            return tuple(t for t in tokens[i + 2 :] if t not in DROPPED)[:4] or None
    return None


def stated_counts(tokens: list[str]) -> set[str]:
    """The words within three after each count of a text ("flight", "per", "week" after
    "15"); a rank ("4th") or a year is no count."""
    counted: set[str] = set()
    for i, token in enumerate(tokens):
        if _is_count(token):
            counted.update(tokens[i + 1 : i + 4])
    return counted


def _is_count(token: str) -> bool:
    return (is_figure(token) and not _ORDINAL_OR_YEAR.fullmatch(token)) or token in NUMBER_WORDS


# The checks, in the order they run (scores are multiplied in this order).
CHECKS: tuple[Check, ...] = (
    question_words_only,
    name_swap,
    unknown_name,
    figure_swap,
    other_kind,
    no_date,
    no_time,
    no_future,
    not_about_name,
    unstated_attribute,
    uncounted,
    beyond_named,
    beyond_stated,
    one_side,
    agent_swap,
)


def findings(pair: Pair, params: Params) -> list[Finding]:
    """Every finding of `CHECKS` for one question and entry, in order."""
    return [found for check in CHECKS if (found := check(pair, params)) is not None]
