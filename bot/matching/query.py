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

from bot.language import COMMON_WORDS, QUESTION_WORDS, rows, stem, words
from bot.language.analysis import ENGLISH, asks_in_kazakh
from bot.language.gloss import KAZAKH_LOCATIVE, Glossary
from bot.matching.forms import other_aspect, same_reading
from bot.matching.index import StoreIndex, content, is_figure, targets, tokenise
from bot.matching.params import Params
from bot.matching.slips import is_slip, question_word
from bot.matching.spacing import split_run
from bot.matching.typos import correct

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
_TIME_UNITS = "|".join(sorted(words("time_units")))
# "a 52-week year", "a 24 hour day": the length of a period is no figure asked about,
# only the period ("a year").
_PERIOD_LENGTH = re.compile(rf"\b\d+ (?:{_TIME_UNITS})s? ((?:{_TIME_UNITS})s?)\b")
# "he", "there": words that point back to something named before.
_BACK_REFERENCES = words("back_references")
# Posts a person holds (data/post_titles.txt), stemmed: "he" may be the ambassador.
_POSTS = frozenset(stem(w) for w in words("post_titles"))
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
    slips: frozenset[str]  # foreign words typed as an everyday word mistyped ("afect")
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
    asking, _ = _chatty_parts(message)
    part = " ".join(a.strip() for a in asking)
    return part if asking and part != message.strip() else None


def _chatty_parts(message: str) -> tuple[list[str], list[str]]:
    """The clauses of `message` that ask (`question_part`), and the rest: its context."""
    clauses = [c for c in _CLAUSE_END.split(message) if c.strip()]
    asking, context = [], []
    for clause in clauses:
        request = _REQUEST.search(clause)
        if request is not None and clause[request.end() :].strip(" ?.!"):
            asking.append(clause[request.end() :])
            context.append(clause[: request.start()])
        elif "?" in clause or clause.split()[0].lower().strip("\"'(") in _OPENERS:
            asking.append(clause)
        elif asks_in_kazakh(clause, message):
            # Kazakh puts its question word late and often leaves the mark off.
            asking.append(clause)
        else:
            context.append(clause)
    return asking, context


# Where one statement of a message's context ends: "..., and I came across ...".
_STATEMENT_END = re.compile(r"[.!?;,:]\s|\s(?:and|but)\s")


def referent(message: str, index: StoreIndex) -> str:
    """What the context of a chatty message names that a question pointing back ("who
    did he meet?", "what was it?") may be about: the release's names as typed
    ("General Hong Beom-do", "Korean") and posts ("the Kazakh ambassador") of the last
    statement before the question that uses a word of the store. "" when it names
    none ("... make sense of this news item. Who reported it?"), or gives a name the
    release never uses before them ("Japan's ambassador")."""
    _, context = _chatty_parts(message)
    statements = [t for c in context for t in _STATEMENT_END.split(f"{c} ") if t.strip()]
    named: list[str] = []
    for statement in reversed(statements):
        if set(index.tokens(statement)) - index.language.dropped & index.vocabulary:
            named[:0] = _names_in(statement, index).split()
            # "... and she mentioned something opened there": "there" is named before.
            if not _BACK_REFERENCES & set(index.language.fold(statement).split()):
                break
    return " ".join(dict.fromkeys(named))


def _names_in(statement: str, index: StoreIndex) -> str:
    """The release's names and posts `statement` uses after the last name it does not."""
    named: list[str] = []
    owned = False  # the word before was a name the release never uses
    for i, raw in enumerate(statement.split()):
        word = raw.strip(".,;:!?()\"'")
        tokens = set(index.tokens(word)) - index.language.dropped
        if not tokens:
            continue
        if i and word[:1].isupper() and not tokens & (index.vocabulary | COMMON_WORDS):
            named.clear()  # a name the release never uses: what follows is about it
            owned = True
            continue
        if (tokens & _POSTS and not owned) or (word[:1].isupper() and tokens & index.all_names):
            named.append(word)
        owned = False  # "Japan's ambassador" is Japan's
    return " ".join(dict.fromkeys(named))


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
    text = _PERIOD_LENGTH.sub(r"\1", language.fold(shown)[:limit])
    raw, text = _opened(_spaced(text.split(), index, glossary), text, language.language)
    cut = cut or len(raw) > params.max_query_words
    # Typos are corrected on the raw words, so a corrected word can still be
    # rewritten by a synonym ("kazakstan" -> "kazakhstan").
    corrected = " ".join(
        w if _read_whole(w, index, glossary) else _corrected(w, index, params, glossary)
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
    english = language.language == "en"
    return Query(
        shown=shown,
        cut=cut,
        text=text,
        tokens=tokens,
        words=words,
        foreign=foreign,
        slips=frozenset(w for w in foreign if english and w in raw and is_slip(w)),
        unknown_names=foreign_names(shown, foreign, index),
        names=index.names | numbers,
        numbers=numbers,
        asked_names=asked & index.all_names,
        kinds=asked & QUESTION_WORDS - GENERIC_KINDS,
        towards=index.destination(targets(tokens)) or _located_subject(text, index),
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


def _located_subject(text: str, index: StoreIndex) -> str | None:
    """The subject of the release a Kazakh question puts something *in* by the bare
    locative ("Корея елшісі Қазақстанда": Korea's ambassador in Kazakhstan), or None.
    The fold marks "-дағы" and "-ға" with "to"; the bare "-да" only here, where the
    word without it must be a subject, as "қай жерде" (where) never is."""
    if index.language.language != "kk":
        return None
    for word in text.split():
        for ending in KAZAKH_LOCATIVE:
            if not word.endswith(ending) or len(word) - len(ending) < 3:
                continue
            base = tokenise(index.synonyms, word[: -len(ending)], index.language)
            if len(base) == 1 and base[0] in index.subjects:
                return base[0]
    return None


def _opened(raw: list[str], text: str, language: str) -> tuple[list[str], str]:
    """`raw` and `text` with an English question's first word read as the question word
    it is typed for ("wen" -> "when": `slips.question_word`)."""
    if not raw or language != "en" or (first := question_word(raw[0])) == raw[0]:
        return raw, text
    return [first, *raw[1:]], " ".join([first, *text.split()[1:]])


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


def _corrected(word: str, index: StoreIndex, params: Params, glossary: Glossary | None) -> str:
    """`word`, or the store word it is a typo of (`correct`); never one that a glossary
    sure of the language's endings (Russian) reads otherwise than `word` ("стоит",
    cost, is no typo of "строит", build). Two forms of one English word are one
    reading ("закончелась", read by its start as "end", is "закончилась", "ended")."""
    mended = correct(word, index, params)
    if glossary is None or not glossary.endings or mended == word:
        return mended
    reading = glossary.word(word)
    if reading is None or reading == word or same_reading(glossary.word(mended), reading):
        return mended
    return word


def _stems(word: str, index: StoreIndex, glossary: Glossary | None) -> list[str]:
    """The stem of `word`, or the English words of its gloss when the store does not use it
    (where stems are cut short, `Analyser.truncates`: when the store never writes the
    word whole and the glossary reads it whole: "항공사" is "airline", not "항공편")."""
    stemmed = index.language.stem(word)
    if glossary is None or (stemmed in index.vocabulary and not _read_whole(word, index, glossary)):
        return [stemmed]
    if word in index.language.stopwords:
        return [stemmed]  # a filler word stays one, to be dropped, whatever its gloss
    aspect = other_aspect(stemmed, index)
    if aspect is not None:
        return [aspect]
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


# Countries and cities the release never names ("japan", "busan"), in lower case.
PLACE_NAMES = words("place_names")


def _possessed(word: str) -> str:
    """`word` in lower case without punctuation or a possessive "'s": "Japan's" -> "japan"."""
    bare = word.strip(".,;:!?()\"'").lower()
    return bare[:-2] if bare.endswith(("'s", "’s")) else bare


def _places_asked(shown: str, words: list[str]) -> list[str]:
    """The countries and cities typed in lower case ("ambassador to japan") in the
    question sentences of `shown`: names all the same. Where a chatty message says who
    asks ("I work in shymkent"), the place is context, not what is asked about."""
    if not any(_possessed(w) in PLACE_NAMES for w in words):
        return []
    asked = question_part(shown) or shown
    return [place for w in asked.split() if (place := _possessed(w)) in PLACE_NAMES]


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
    found.update(t for place in _places_asked(shown, words) for t in index.tokens(place))
    found &= foreign
    if index.pairs and len(capitalised) * 2 <= len(raw):  # not a Title Case message
        for run in _capitalised_runs(raw):
            # Read together, as a synonym may make one name of several ("Nurgali Arystanov").
            together = content(index.tokens(" ".join(run)), index.language.dropped)
            if len(together) >= _NAME_RUN and not set(pairwise(together)) & index.pairs:
                found.update(together)
    return frozenset(found - COMMON_WORDS)


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
