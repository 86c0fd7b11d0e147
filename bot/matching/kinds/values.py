"""The values a yes/no question gives: figures, number and ordinal words, months,
names, posts, words whose opposite an entry uses, and modifiers the release never uses
("a coal-fired power plant" of "a combined-cycle power plant"). `yesno` checks them
against an entry.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bot.language import MONTHS, NUMBER_WORDS, inflections, rows, stem, words
from bot.language.morphology import english_stem
from bot.matching.index import DROPPED, Item, StoreIndex, is_figure
from bot.matching.query import Query

# Whether any such thing exists: "a coal-fired plant" may be the one the release
# describes, "any coal-fired plant" or "another" may not.
_EXISTS_ANY = re.compile(
    r"^\w+ there\b|\b(?:any|anything|anywhere|another|other|others|also|too|else|more)\b"
)
# "the two sides", "one of the partners": a number that counts what the release did.
_REFERRED = re.compile(r"\bthe (\w+)|\b(\w+) of\b")
ORDINALS = words("ordinal_words")
# Posts a person holds (data/post_titles.txt): a value of the class "title".
TITLES = frozenset(stem(word) for word in words("post_titles"))
# Number and ordinal words with their value (data/number_values.txt): "five", "fifth" -> 5.
NUMBER_VALUES = {
    word: (int(row[0]), position == 2)
    for row in rows("number_values")
    for position, word in enumerate(row)
    if position
}
_NUMERAL = re.compile(r"(\d+)(st|nd|rd|th)?")
# A month is a date, a value of the figure class ("issued in September" of an entry
# dated 2024-08-16).
MONTH_WORDS = frozenset(stem(word) for row in MONTHS for word in row)


def _opposite_table() -> dict[str, frozenset[str]]:
    """Each word's opposites (data/opposites.txt), every inflection, stemmed, both ways."""
    table: dict[str, set[str]] = {}
    for word, *others in rows("opposites"):
        forms = {stem(f) for f in inflections(word)}
        other_forms = {stem(f) for other in others for f in inflections(other)}
        for form in forms:
            table.setdefault(form, set()).update(other_forms)
        for form in other_forms:
            table.setdefault(form, set()).update(forms)
    return {word: frozenset(opposed) for word, opposed in table.items()}


OPPOSITES = _opposite_table()
# The words listed after a row's first (its opposites: "suspend", "decline", "close"),
# every inflection, stemmed: what goes back on what a release states.
REVERSALS = frozenset(
    stem(form) for _, *others in rows("opposites") for word in others for form in inflections(word)
)
# "dissatisfied", "unsuccessful", "discontinued": a prefix that says the opposite.
_NEGATING = tuple(sorted(words("negating_prefixes")))
_MIN_NEGATED = 5  # letters after the prefix: "un-ion" or "in-vest" is no negation


def opposites(word: str) -> frozenset[str]:
    """The words that say the opposite of `word`: listed, or with a negating prefix
    added or taken away ("satisfaction" / "dissatisfaction")."""
    found = set(OPPOSITES.get(word, ()))
    found.update(prefix + word for prefix in _NEGATING)
    found.update(
        word[len(p) :]
        for p in _NEGATING
        if word.startswith(p) and len(word) - len(p) >= _MIN_NEGATED
    )
    return frozenset(found)


def value_words(query: Query, index: StoreIndex) -> dict[str, str]:
    """The question's value words, each with its class: "figure" or "name"."""
    capitalised = {
        token for raw in query.shown.split()[1:] if raw[:1].isupper() for token in index.tokens(raw)
    }
    # A capitalised month is a date even where it is also a stop word ("in May").
    found = {
        raw.strip(".,;:!?").lower(): "figure"
        for raw in query.shown.split()[1:]
        if raw[:1].isupper() and raw.strip(".,;:!?").lower() in MONTH_WORDS
    }
    # "the two sides", "one of the partners": a number after "the" or before "of" names
    # what the release already counted; it asserts no value.
    referred = {w for pair in _REFERRED.findall(query.text) for w in pair} & NUMBER_WORDS
    for word in query.words:
        if word in referred:
            continue
        if is_figure(word) or word in NUMBER_WORDS or word in ORDINALS or word in MONTH_WORDS:
            found[word] = "figure"
        elif word in TITLES:
            found[word] = "title"
        elif word in index.all_names or word in capitalised:
            found[word] = "name"
    return found


def number(word: str) -> tuple[int, bool] | None:
    """The number a word says, and whether it is an ordinal: "5th" and "fifth" are
    (5, True), "5" and "five" (5, False)."""
    if word in NUMBER_VALUES:
        return NUMBER_VALUES[word]
    found = _NUMERAL.fullmatch(word)
    return (int(found[1]), found[2] is not None) if found else None


def states_number(word: str, item: Item) -> bool:
    """Whether the entry states the number `word` says in other words: "top five" of
    an entry that says "5th". An ordinal ("fifth") agrees only with an ordinal."""
    said = number(word)
    if said is None:
        return False
    for token in item.vocabulary:
        other = number(token)
        if other is not None and other[0] == said[0] and (other[1] or not said[1]):
            return True
    return False


def modifiers(query: Query, item: Item, index: StoreIndex) -> set[str]:
    """The words the release never uses that stand, in the question, before a word the
    entry puts another word before: "coal-fired" in "a coal-fired power plant" of an
    entry on "a combined-cycle power plant"."""
    if not query.foreign or item.entry is None or _EXISTS_ANY.search(query.text):
        return set()
    said = index.tokens(item.entry.answer)
    before: dict[str, set[str]] = {}
    for first, second in pairwise(said):
        before.setdefault(second, set()).add(first)
    asked_stems = {english_stem(t) for t in query.tokens}
    found: set[str] = set()
    chain: list[str] = []
    for token in query.tokens:
        if token in query.foreign and number(token) is None:
            chain.append(token)
            continue
        others = before.get(token, set()) - query.asked - DROPPED if token not in DROPPED else set()
        # Another form of the question's own word is no other word ("takes part" of
        # "taking part").
        if chain and {w for w in others if english_stem(w) not in asked_stems}:
            found.update(chain)
        chain = []
    return found
