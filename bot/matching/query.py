"""A question read once: its text, its words and what it asks, in one `Query`.

`read` does every normalisation the matcher needs, in this order: find the
question in a long message, cap it, normalise it (NFKC, case, punctuation),
correct typos word by word against the store's vocabulary (a name of the
release is also recognised an edit or two off), rewrite the store's synonyms,
stem, and drop stop words. Each later stage reads the `Query`, never the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from bot.language import COMMON_WORDS, QUESTION_WORDS, rows, words
from bot.language.analysis import ENGLISH
from bot.language.gloss import Glossary
from bot.matching.index import StoreIndex, content, is_figure, targets
from bot.matching.params import Params
from bot.matching.spacing import split_run

# "Which election ...?" asks for an election, as "what election" would: unlike
# "who", "when" or "how many", "which" says nothing of the kind of answer.
GENERIC_KINDS = words("generic_question_words")
# "second" ... "hundredth"; "first" is as often "at first", "first of all".
_ORDINALS = words("ordinal_words") - {"first"}

_DEFINES = re.compile(r"\b(?:what|who|whats|whos)\b")

# "On what date ...", "which year ..." ask "when" without the word.
_ASKS_DATE = re.compile(r"\b(?:what|which) (?:date|day|year|month|time)\b")

# Where one sentence of a message ends and the next begins.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\s*\n\s*")
# Words that open a question even without a question mark.
_OPENERS = words("question_openers")
# "dis-", "un-": a prefix that makes a word its opposite, not a typo of it.
_NEGATING = words("negating_prefixes")
# Where a clause of a chatty message ends: a sentence end, a colon, an emoticon.
# In Korean also a polite ending ("...싶어서요 ㅠㅠ", "...봤는데요, ..."), a run of
# laughing or crying jamo ("ㅎㅎ", "ㅠㅠ") and a background clause ("여행 계획 중인데 ...");
# in Kazakh the particle "ғой," that closes a statement of what both know
# ("... кездесіпті ғой,").
_CLAUSE_END = re.compile(
    r"(?<=[.!?:])\s+|(?<=:\))\s+|\s*\n\s*"
    r"|(?<=[\uac00-\ud7a3]요)[,~]?\s+|\s*[ㅎㅋㅠㅜ]{2,}[,.~]?\s*|(?<=[는은인던]데),?\s+"
    r"|(?<=\bғой,)\s+"
)
# "I'd love to know ...", "could you tell me ...": what follows is the question.
_REQUEST = re.compile(
    r"\b(?:"
    + "|".join(
        r"\s+".join(re.escape(w) for w in row)
        for row in sorted(rows("request_phrases"), key=len, reverse=True)
    )
    + r")\b[\s,:]*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Query:
    """One question as every stage of the matcher sees it."""

    shown: str  # the text that was read, as the person wrote it
    cut: bool  # part of the message was not read (see `focus`)
    text: str  # `shown` normalised
    tokens: tuple[str, ...]  # every word: corrected, synonyms rewritten, stemmed
    words: tuple[str, ...]  # the content words among them (all tokens if none is)
    foreign: frozenset[str]  # content words no entry and not the document uses
    unknown_names: frozenset[str]  # names the release never uses (`foreign_names`)
    names: frozenset[str]  # words that name something: the release's names and any figure
    numbers: frozenset[str]  # figures it states: "2024", "4th"
    asked_names: frozenset[str]  # every name of the release it uses, subjects included
    kinds: frozenset[str]  # question words that say what kind of answer it wants
    towards: str | None  # the subject it goes *to* ("korea" in "ambassador to korea")
    asks_date: bool  # "when ...", "on what date ...", "which year ..."
    asks_nothing: bool  # question words alone: "how?"
    defines: bool  # "what is X?" of a name X of the release

    @property
    def asked(self) -> frozenset[str]:
        return frozenset(self.words)


def focus(message: str, params: Params) -> tuple[str, bool]:
    """The part of `message` to match, and whether anything was left out.

    A message within `max_query_chars` and `max_query_words` is read whole. A
    longer one (read up to `max_input_chars`) is read by its question sentences,
    those with a question mark or else those opening with a question word, the
    last ones first, so a long polite preamble does not push the question out.
    A long message with no question sentence is read from its start.
    """
    limit = params.max_query_chars
    if len(message) <= limit and len(message.split()) <= params.max_query_words:
        return message, False
    whole = message[: params.max_input_chars]
    sentences = [s for s in _SENTENCE_END.split(whole) if s.strip()]
    asking = [s for s in sentences if "?" in s] or [
        s for s in sentences if s.split()[0].lower().strip("\"'(") in _OPENERS
    ]
    if not asking or len(asking) == len(sentences):
        return whole[:limit], True
    kept = [asking[-1]]
    for sentence in reversed(asking[:-1]):
        if sum(len(s) + 1 for s in kept) + len(sentence) > limit:
            break
        kept.insert(0, sentence)
    return " ".join(kept)[:limit], True


def question_part(message: str) -> str | None:
    """The question sentences of a chatty message, without its greetings and context,
    or None when the message is all question.

    "Hi! I'm from Kyzylorda. Which cities did he visit?" -> "Which cities did he visit?".
    A sentence asks when it has a question mark, opens with a question word or holds a
    request ("I'd love to know how many ..."); of a request only what follows it is kept.
    """
    clauses = [c for c in _CLAUSE_END.split(message) if c.strip()]
    asking = []
    for clause in clauses:
        request = _REQUEST.search(clause)
        if request is not None and clause[request.end() :].strip(" ?.!"):
            asking.append(clause[request.end() :])
        elif "?" in clause or clause.split()[0].lower().strip("\"'(") in _OPENERS:
            asking.append(clause)
    part = " ".join(a.strip() for a in asking)
    return part if asking and part != message.strip() else None


def read(
    question: str, index: StoreIndex, params: Params, glossary: Glossary | None = None
) -> Query:
    """Read `question` once into the `Query` every stage uses. Cheap, bounded, never raises.

    `glossary`: for a store in another language, a word the store does not use is
    read as its English gloss ("возраст" -> "age", "слышал" -> "hear"), so the
    English word lists apply to it: everyday words cost little (`coverage`), and
    an age or a cost the entry does not state is caught (`checks`)."""
    shown, cut = focus(question, params)
    limit = params.max_query_chars
    # Cap after normalising too: NFKC can expand one character into many
    # ("\ufdfa" becomes 18 letters), and matching cost grows with length.
    language = index.language
    text = language.fold(shown)[:limit]
    raw = _spaced(text.split(), index, glossary)
    cut = cut or len(raw) > params.max_query_words
    # Typos are corrected on the raw words, so a corrected word can still be
    # rewritten by a synonym ("kazakstan" -> "kazakhstan").
    corrected = " ".join(
        w if _read_whole(w, index, glossary) else correct(w, index, params)
        for w in raw[: params.max_query_words]
    )
    tokens = tuple(
        stemmed
        for word in index.synonyms.apply(corrected).split()
        for stemmed in _stems(word, index, glossary)
    )
    words = tuple(content(tokens, language.dropped) or tokens)
    asked = frozenset(words)
    named = asked - QUESTION_WORDS
    numbers = frozenset(w for w in asked if is_figure(w)) | _ordinals(tokens, language.dropped)
    foreign = frozenset(w for w in words if w not in index.vocabulary)
    return Query(
        shown=shown,
        cut=cut,
        text=text,
        tokens=tokens,
        words=words,
        foreign=foreign,
        unknown_names=foreign_names(shown, foreign, index),
        names=index.names | numbers,
        numbers=numbers,
        asked_names=asked & index.all_names,
        kinds=asked & QUESTION_WORDS - GENERIC_KINDS,
        towards=index.destination(targets(tokens)),
        # "When was it published?" asks for a date; "who met Woo when he was
        # speaker" does not: "when" must open the question.
        # In another language the question words were rewritten to English ones
        # by the overlay's synonyms, so its tokens say "when", wherever the
        # language puts it (Korean late: "완공 시기는 언제예요").
        asks_date="when" in (text.split()[:3] if language.language == "en" else tokens)
        or _ASKS_DATE.search(text) is not None,
        # "how are you?" is down to "how": it asks no fact of any entry.
        asks_nothing=not named,
        # "What is Astana?" asks what a name is.
        defines=_DEFINES.search(text) is not None and bool(named) and named <= index.all_names,
    )


def readings(
    text: str, index: StoreIndex, params: Params, glossary: Glossary | None = None
) -> tuple[Query, Query | None]:
    """`text` read whole, and its question sentences read alone (`question_part`; None
    when the message is all question)."""
    whole = read(text, index, params, glossary)
    part = question_part(whole.shown)
    return whole, None if part is None else read(part, index, params, glossary)


def _spaced(raw: list[str], index: StoreIndex, glossary: Glossary | None) -> list[str]:
    """`raw`, with Korean typed without its spaces ("한국국회의장이름") as the words it runs
    together (`spacing.split_run`), where stems are cut short (`Analyser.truncates`)."""
    language = index.language
    if glossary is None or not language.truncates:
        return raw
    return [
        language.fold(piece)
        for word in raw
        for piece in split_run(word, index.known_raw, glossary.words, language.stopwords)
    ]


def _read_whole(word: str, index: StoreIndex, glossary: Glossary | None) -> bool:
    """Whether `word` is one the store never writes, that the glossary reads whole, where
    stems are cut short (`Analyser.truncates`): "항공사" (airline) is a word of its own,
    neither a typo of "항공기" nor "항공편" by its stem."""
    return (
        glossary is not None
        and index.language.truncates
        and word not in index.known_raw
        and word in glossary.words
    )


def _stems(word: str, index: StoreIndex, glossary: Glossary | None) -> list[str]:
    """The stem of `word`, or the English words of its gloss when the store does not use it
    (where stems are cut short, `Analyser.truncates`: when the store never writes the
    word whole and the glossary reads it whole: "항공사" is "airline", not "항공편")."""
    stemmed = index.language.stem(word)
    if glossary is None or (stemmed in index.vocabulary and not _read_whole(word, index, glossary)):
        return [stemmed]
    if index.language.truncates and word in index.language.stopwords:
        return [stemmed]  # a filler word, dropped as such: its English would count as rare
    reading = glossary.word(word)
    if reading is None or reading == word:
        return [stemmed]
    # A word the store does not use, read as one the store uses for the same thing
    # ("ұшқым", I'd fly, as "рейс", flight: both read "flights").
    for form in glossary.forms.get(reading, ()):
        if (known := index.language.stem(form)) in index.vocabulary:
            return [known]
    return [ENGLISH.stem(w) for w in reading.split("_")]


_NAME_RUN = 3  # capitalised words in a row: a name ("Seoul National University")


def _capitalised_runs(raw: list[str]) -> list[list[str]]:
    """The runs of capitalised words in `raw`, in order."""
    runs: list[list[str]] = [[]]
    for word in raw:
        if word[:1].isupper():
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def foreign_names(shown: str, foreign: frozenset[str], index: StoreIndex) -> frozenset[str]:
    """The names in `shown` the release never uses: words it never uses (`foreign`),
    capitalised but not first in a sentence (everyday English words aside: "Is The
    Release ..."), and three or more capitalised words it uses, no two of them ever
    together ("Seoul National University"; "Korean National Assembly" has "National
    Assembly")."""
    # Capitals mark names in English; another language's store reads its own way.
    if index.language.language != "en":
        return frozenset()
    words = shown.split()
    # A sentence's first word is capitalised whatever it is: it is left out (as "").
    raw = [
        "" if i == 0 or words[i - 1][-1:] in ".!?:" else w.strip(".,;:!?()\"'")
        for i, w in enumerate(words)
    ]
    capitalised = [w for w in raw if w[:1].isupper()]
    found = {t for w in capitalised for t in index.tokens(w) if t in foreign}
    if index.pairs and len(capitalised) * 2 <= len(raw):  # not a Title Case message
        for run in _capitalised_runs(raw):
            # Read together, as a synonym may make one name of several ("Nurgali Arystanov").
            together = content(index.tokens(" ".join(run)), index.language.dropped)
            if len(together) >= _NAME_RUN and not set(pairwise(together)) & index.pairs:
                found.update(together)
    return frozenset(found - COMMON_WORDS)


def correct(token: str, index: StoreIndex, params: Params) -> str:
    """`token`, or the store word it is a typo of."""
    spelt = index.language.spelling(token)
    if token in index.known_raw or len(spelt) < params.min_typo_len or token.isdigit():
        return token
    if index.alphabet.isdisjoint(spelt):
        return token
    if len(token) >= params.min_name_typo_len:
        # Names are transliterated many ways ("Korkut", "Kyzilorda"): one edit
        # away from a name of the release (two for 8+ letters) is that name.
        limit = 1 if len(token) < 8 else 2
        near = process.extractOne(
            token, index.name_spellings, scorer=Levenshtein.distance, score_cutoff=limit
        )
        if near:
            return str(near[0])
    cutoff = params.typo_cutoff_long if len(spelt) >= 7 else params.typo_cutoff_short
    best = process.extractOne(spelt, index.typo_vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff)
    if best is None:
        best = _one_edit(spelt, index)
    if best is None:
        return token
    word = index.language.written(str(best[0]))
    return token if _negates(token, word) or _extends(token, word, index) else word


def _extends(token: str, word: str, index: StoreIndex) -> bool:
    """ "министрлік" (a ministry) is no typo of "министрі" (its minister): a longer
    word that starts with the stem of `token` is another word built on it."""
    stem = index.language.stem(token)
    return len(word) > len(token) and word.startswith(stem) and index.language.stem(word) != stem


def _one_edit(spelt: str, index: StoreIndex) -> tuple[str, float, int] | None:
    """The store word `Analyser.typo_edits` letter edits from `spelt`, or None when
    there is none, or several that mean different things (then the typo could be of
    either; "몇펀" is "몇편" or "몇번", both "몇 회" to the store)."""
    edits = index.language.typo_edits
    if not edits:
        return None
    near = process.extract(
        spelt, index.typo_vocabulary, scorer=Levenshtein.distance, score_cutoff=edits, limit=3
    )
    meanings = {index.synonyms.apply(index.language.written(str(n[0]))) for n in near}
    return near[0] if len(meanings) == 1 else None


def _negates(token: str, word: str) -> bool:
    """ "dissatisfaction" is no typo of "satisfaction": it says the opposite."""
    return token.endswith(word) and token[: len(token) - len(word)] in _NEGATING


def _ordinals(tokens: tuple[str, ...], dropped: frozenset[str]) -> frozenset[str]:
    """The ordinals a question gives as figures, before the word they rank ("a second
    checked bag", "the third largest"); a count of seconds ("30 seconds", "within a
    second of") is none."""
    if not tokens:
        return frozenset()
    befores, afters = ("", *tokens[:-1]), (*tokens[1:], "")
    return frozenset(
        token
        for before, token, after in zip(befores, tokens, afters, strict=True)
        if token in _ORDINALS and not is_figure(before) and after and after not in dropped
    )
