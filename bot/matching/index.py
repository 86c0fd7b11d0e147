"""The tables built once per store: what each entry knows, and every phrasing to compare.

`build_index(store, params)` reads the store once into a `StoreIndex`. Nothing
in it changes afterwards, so one index serves every question (and every thread).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from bot.language import (
    COMMON_WORDS,
    MONTHS,
    QUESTION_WORDS,
    STOPWORDS,
    SynonymTable,
    normalise,
    words,
)
from bot.language.analysis import ENGLISH, Analyser
from bot.matching.params import Params
from bot.store import Entry, SmallTalk, Store

# Stop words are dropped after stemming, so their stemmed forms count too ("does" -> "doe").
DROPPED = ENGLISH.dropped

# A capitalised word inside a sentence: a place, person or company.
CAPITALISED = re.compile(r"(?<=[\w,;:()] )[A-Z][\w’'-]*")
_DAY_OR_MONTH = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    + "|".join(name.capitalize() for row in MONTHS for name in row if len(name) > 3)
    + r")\b"
)
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")

# Posts a person holds (data/post_titles.txt), as written.
POSTS = words("post_titles")

# Words that make the name after them a destination: "ambassador *to* Korea",
# "investor *in* Kazakhstan", "rank *for* Kazakhstan".
TOWARDS = words("destination_words")


def is_figure(text: str) -> bool:
    """Whether a word (or text) states a number: "15", "2023", "4th", "1gw"."""
    return any(ch.isdigit() for ch in text)


def content(tokens: Sequence[str], dropped: frozenset[str] = DROPPED) -> list[str]:
    """The tokens that say what is asked: stop words dropped, question words kept."""
    return [t for t in tokens if t not in dropped]


def targets(tokens: Sequence[str]) -> tuple[str, ...]:
    """The words right after "to", "in", "into" or "for" (an article skipped), and a word
    joined to one by "and" ("for Korea and Kazakhstan": both)."""
    found = []
    previous = ""
    joined = False  # the last word kept was a target and "and" follows it
    for token in tokens:
        if previous in TOWARDS or (joined and previous == "and"):
            found.append(token)
            joined = True
        elif token not in ("the", "a", "and"):
            joined = False
        if token not in ("the", "a"):
            previous = token
    return tuple(found)


def destination(words: Sequence[str], subjects: frozenset[str]) -> str | None:
    """The one subject among `words` (the `targets` of a text), or None: a text that
    goes to both ("flights for Korea and Kazakhstan") or to neither has no direction."""
    found = {w for w in words if w in subjects}
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class Item:
    """One thing a question can match: an entry or a small-talk item."""

    id: str
    entry: Entry | None
    smalltalk: SmallTalk | None
    vocabulary: frozenset[str]  # every word it knows: phrasings, answer, source, variants
    asked_about: frozenset[str]  # the words of its phrasings (the rest comes from its answer)
    asks: frozenset[str]  # question words its phrasings use ("who", "how", "many")
    display: str  # the phrasing offered in a "did you mean" button
    figures: bool  # whether its answer or source states a number ("15 flights", "2023")
    dated: bool  # a number, a weekday or a month: it can answer "when" ("on Wednesday")
    # The names and other words of each phrasing, question words and subjects left
    # out: "bakad" for "What is BAKAD?". A "what is X" question needs one that is X.
    bare: tuple[frozenset[str], ...]


@dataclass(frozen=True)
class Phrasing:
    """One phrasing of an item, as the matcher compares it."""

    text: str  # its content words joined by spaces
    words: tuple[str, ...]  # its content words
    owner: int  # position of its item in `StoreIndex.items`
    destination: str | None  # the subject it goes *to* ("korea" in "ambassador to Korea")
    names: frozenset[str]  # the release's names among its words, subjects included


@dataclass(frozen=True)
class StoreIndex:
    """Everything the matcher looks up for one store."""

    synonyms: SynonymTable
    all_names: frozenset[str]  # every name the release capitalises mid-sentence
    subjects: frozenset[str]  # names in half or more of its sentences: "kazakhstan", "korea"
    names: frozenset[str]  # the other names: those count against an entry that lacks them
    items: tuple[Item, ...]
    phrasings: tuple[Phrasing, ...]
    phrasing_texts: tuple[str, ...]  # `Phrasing.text` of each, for rapidfuzz
    postings: Mapping[str, list[int]]  # a content word -> the phrasings that use it
    vocabulary: frozenset[str]  # words of every item and of the document
    known_raw: frozenset[str]  # words never corrected as typos
    typo_vocabulary: tuple[str, ...]  # words a typo is corrected towards (`Analyser.spelling`)
    name_spellings: tuple[str, ...]  # the release's names, for names an edit or two off
    by_id: Mapping[str, Item]
    language: Analyser = ENGLISH  # how this store's language is folded, stemmed and filtered
    # Every two words that follow each other in the release or an entry's answer: a name
    # of words the release uses, but never together ("Seoul National University"), is
    # none of its names.
    pairs: frozenset[tuple[str, str]] = frozenset()

    @functools.cached_property
    def alphabet(self) -> frozenset[str]:
        """Every letter of the words typos are corrected towards: a word with none of
        them (Cyrillic against an English store) is no typo of any."""
        return frozenset("".join(self.typo_vocabulary) + "".join(self.name_spellings))

    @functools.cached_property
    def sounds(self) -> Mapping[str, str]:
        """How a word typos are corrected towards sounds (`Analyser.sounds`) -> the word
        (the first in order of those that sound alike); empty for a language whose
        typos are compared as spelt."""
        sounds = self.language.sounds
        if sounds is None:
            return {}
        heard: dict[str, str] = {}
        for word in self.typo_vocabulary:
            heard.setdefault(sounds(word), word)
        return heard

    def tokens(self, text: str) -> list[str]:
        """`text` folded, its synonyms rewritten, each word stemmed. The answers of the
        store's entries, which the checks read for every candidate, are read once."""
        if text not in self._answers:
            return tokenise(self.synonyms, text, self.language)
        known = self._answer_tokens.get(text)
        if known is None:
            known = self._answer_tokens[text] = tuple(tokenise(self.synonyms, text, self.language))
        return list(known)

    @functools.cached_property
    def doers(self) -> dict[str, frozenset[str]]:
        """A phrasing -> the subjects it marks as doers (`checks.agent_swap`), filled as
        the checks read phrasings."""
        return {}

    @functools.cached_property
    def last_doers(self) -> list[tuple[str, frozenset[str]]]:
        """The last question read for doers and its doers (`checks.agent_swap`)."""
        return []

    @functools.cached_property
    def _answers(self) -> frozenset[str]:
        return frozenset(item.entry.answer for item in self.items if item.entry is not None)

    @functools.cached_property
    def _answer_tokens(self) -> dict[str, tuple[str, ...]]:
        return {}  # filled as answers are read: at most one per entry

    def destination(self, words: Sequence[str]) -> str | None:
        """The subject of the release a text goes *to* ("Korea" in "the ambassador of
        Kazakhstan to Korea"), given the words after "to", "in", ..., or None.

        "the ambassador of Korea to Kazakhstan" has the other destination: it asks
        about someone else. "flights between Korea and Kazakhstan" has none, so
        either order is the same question.
        """
        return destination(words, self.subjects)


def tokenise(synonyms: SynonymTable, text: str, language: Analyser = ENGLISH) -> list[str]:
    """`text` folded, its synonyms rewritten, each word stemmed."""
    return [language.stem(w) for w in synonyms.apply(language.fold(text)).split()]


def build_index(
    store: Store, params: Params, language: Analyser = ENGLISH, base: StoreIndex | None = None
) -> StoreIndex:
    """Read `store` once into the tables every question is matched against.

    For a store in another language (`bot.matching.languages.language_view`),
    `language` reads its text and `base` is the English store's index: the
    release's names and subjects come from it and from the overlay's names table.
    """
    # An English variant may be written with the canonical words of others: read twice.
    passes = 2 if language.language == "en" else 1
    synonyms = SynonymTable(store.synonyms, language.terms, language.endings, passes)
    if base is None:
        all_names, subjects = _names(store, synonyms, params)
    else:
        all_names, subjects = _translated_names(store, synonyms, language, base)
    variants = _variant_words(store, synonyms, subjects, language)
    items, phrasings = _items(store, synonyms, variants, (all_names, subjects), language)
    vocabulary = frozenset(
        {w for item in items for w in item.vocabulary}
        | set(tokenise(synonyms, store.document.body, language))
    )
    postings: dict[str, list[int]] = {}
    for number, phrasing in enumerate(phrasings):
        for word in dict.fromkeys(phrasing.words):
            postings.setdefault(word, []).append(number)
    known_raw, typo_vocabulary = _typo_tables(store, vocabulary, params, language)
    spellings = _name_spellings(store.document.body, params)
    if base is not None:
        spellings = _translated_spellings(store, language, params) + spellings
    return StoreIndex(
        synonyms=synonyms,
        all_names=all_names,
        subjects=subjects,
        names=all_names - subjects,
        items=tuple(items),
        phrasings=tuple(phrasings),
        phrasing_texts=tuple(p.text for p in phrasings),
        postings=postings,
        vocabulary=vocabulary,
        known_raw=known_raw,
        typo_vocabulary=typo_vocabulary,
        name_spellings=spellings,
        by_id={item.id: item for item in items},
        language=language,
        pairs=_pairs(store, synonyms, language),
    )


def _pairs(store: Store, synonyms: SynonymTable, language: Analyser) -> frozenset[tuple[str, str]]:
    """The consecutive word pairs of the release and of every entry's answer, stop
    words left out."""
    texts = [store.document.body, *(e.answer for e in store.entries)]
    found: set[tuple[str, str]] = set()
    for text in texts:
        found.update(pairwise(content(tokenise(synonyms, text, language), language.dropped)))
    return frozenset(found)


def _names(
    store: Store, synonyms: SynonymTable, params: Params
) -> tuple[frozenset[str], frozenset[str]]:
    """Every name the release uses, and those that are its subject.

    Asking an entry about a name it never mentions ("CU stores in Astana") is a
    different question, so such a word counts fully against it. Names in half or
    more of the release's sentences are its subject ("Kazakhstan", "Korea"),
    which every entry is implicitly about, so only the others count.
    """
    body = store.document.body
    # A word the release also writes in lower case ("fungi" beside "The Secret Life of
    # Fungi") is an everyday word of it, not a name (as written: "diplomat" is no
    # lower-case "Ambassador", though a synonym reads it so).
    lower = {m.group(0) for m in _LOWER_WORD.finditer(body)}
    found = {
        t
        for m in CAPITALISED.finditer(body)
        if m.group(0).lower() not in lower
        for t in tokenise(synonyms, m.group(0))
    }
    all_names = frozenset(found) - COMMON_WORDS
    sentences = [set(tokenise(synonyms, s)) for s in store.document.sentences]
    subjects = frozenset(
        n
        for n in all_names
        if sum(n in s for s in sentences) >= params.subject_share * len(sentences)
    )
    return all_names, subjects


def _translated_names(
    store: Store, synonyms: SynonymTable, language: Analyser, base: StoreIndex
) -> tuple[frozenset[str], frozenset[str]]:
    """The names and subjects of a translated store: the English ones (people type
    "Doosan" in a Russian question too) and the overlay's names in its language.

    A name is a subject when its English name is one ("Kazakhstan" ->
    "Казахстан"); names are rewritten to their first form by the view's synonyms.
    """
    overlay = store.overlays[language.language]
    names, subjects = set(base.all_names), set(base.subjects)
    for english, forms in overlay.names.items():
        tokens = tokenise(synonyms, forms[0], language)
        names.update(tokens)
        if set(base.tokens(english)) <= base.subjects:
            subjects.update(tokens)
    return frozenset(names), frozenset(subjects)


def _translated_spellings(store: Store, language: Analyser, params: Params) -> tuple[str, ...]:
    """The overlay's name forms as written, for reading a name an edit or two off."""
    overlay = store.overlays[language.language]
    spelt = {
        w
        for forms in overlay.names.values()
        for form in forms
        for w in language.fold(form).split()
        if len(w) >= params.min_name_typo_len
    }
    return tuple(sorted(spelt - language.stopwords))


def _variant_words(
    store: Store, synonyms: SynonymTable, subjects: frozenset[str], language: Analyser
) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Each canonical term (as tokens) with the words of all its variants.

    Variants that describe a term by way of a subject of the release ("kazakh
    capital" for Astana) are left out: "capital" alone says nothing of Astana.
    "convenience store", "power station" and "south korea" are other names for
    the thing itself, and count.
    """

    def describes(variant: str, term: frozenset[str]) -> bool:
        words = {
            language.stem(token)
            for word in language.fold(variant).split()
            for token in synonyms.apply(word).split()
        }
        return bool((words - term) & subjects)

    return [
        (
            term,
            frozenset(
                language.stem(w)
                for v in variants
                if not describes(v, term)
                for w in language.fold(v).split()
            )
            - language.dropped,
        )
        for canonical, variants in store.synonyms.items()
        if (term := frozenset(tokenise(synonyms, canonical, language)))
    ]


def _items(
    store: Store,
    synonyms: SynonymTable,
    variants: list[tuple[frozenset[str], frozenset[str]]],
    known: tuple[frozenset[str], frozenset[str]],
    language: Analyser = ENGLISH,
) -> tuple[list[Item], list[Phrasing]]:
    """Every entry and small-talk item with the words it knows, and all their phrasings.

    An entry's words are those of its phrasings, answer and source; not its topic,
    a label it shares with its neighbours ("The meeting"). "bakad" stands for
    "big almaty ring road": an entry about BAKAD knows "almaty" and "ring" too.
    """
    sources: list[tuple[Entry | None, SmallTalk | None, tuple[str, ...], str]] = [
        (e, None, e.questions, f"{e.answer} {e.source}") for e in store.entries
    ]
    sources += [(None, s, s.questions, "") for s in store.smalltalk]
    names, subjects = known  # every name of the release, and its subjects
    items: list[Item] = []
    phrasings: list[Phrasing] = []
    for entry, talk, questions, extra in sources:
        words: set[str] = set()
        bare = []
        for question in questions:
            tokens = tokenise(synonyms, question, language)
            words.update(tokens)
            said = content(tokens, language.dropped) or tokens
            goes_to = destination(targets(tokens), subjects)
            phrasings.append(
                Phrasing(" ".join(said), tuple(said), len(items), goes_to, frozenset(said) & names)
            )
            bare.append(frozenset(said) - QUESTION_WORDS - subjects)
        asked_about = frozenset(words)
        words.update(tokenise(synonyms, extra, language))
        words.update(_expansions(words, variants))
        items.append(
            Item(
                id=entry.id if entry else talk.id if talk else "",
                entry=entry,
                smalltalk=talk,
                vocabulary=frozenset(words),
                asked_about=asked_about,
                asks=asked_about & QUESTION_WORDS,
                display=questions[0],
                figures=is_figure(extra),
                dated=is_figure(extra) or bool(_DAY_OR_MONTH.search(extra)),
                bare=tuple(bare),
            )
        )
    return items, phrasings


def _expansions(
    words: set[str], variants: Iterable[tuple[frozenset[str], frozenset[str]]]
) -> set[str]:
    """The words of every variant of the canonical terms in `words`."""
    found: set[str] = set()
    for term, variant_words in variants:
        if term <= words:
            found |= variant_words
    return found


def _typo_tables(
    store: Store, vocabulary: frozenset[str], params: Params, language: Analyser = ENGLISH
) -> tuple[frozenset[str], tuple[str, ...]]:
    """The words read as they are, and the words a typo is corrected towards.

    Typo correction works on raw words, before synonyms and stemming. Everyday
    words are known as they are; a typo is corrected only towards the store's
    own words ("nuclear" must not become "unclear").
    """
    raw_words = {
        w
        for questions in [e.questions for e in store.entries]
        + [s.questions for s in store.smalltalk]
        for q in questions
        for w in language.fold(q).split()
    }
    raw_words |= vocabulary
    raw_words |= {w for v in store.synonyms.values() for t in v for w in language.fold(t).split()}
    raw_words |= set(normalise(store.document.body).split())
    filler = STOPWORDS | COMMON_WORDS | language.stopwords
    # A post is a word of its own, never a slip for a store word: "minister" is no
    # "ministry", "senator" no "senate".
    known_raw = frozenset(raw_words | filler | POSTS)
    raw_words -= filler
    spelt = (language.spelling(w) for w in raw_words)
    typo_vocabulary = tuple(sorted(w for w in spelt if len(w) >= params.min_typo_len - 1))
    return known_raw, typo_vocabulary


def _name_spellings(body: str, params: Params) -> tuple[str, ...]:
    """The release's names as written, for reading a name an edit or two off."""
    spelt = {
        w
        for m in CAPITALISED.finditer(body)
        for w in normalise(m.group(0)).split()
        if len(w) >= params.min_name_typo_len
    }
    return tuple(sorted(spelt - STOPWORDS - COMMON_WORDS))
