"""Answering from the text: the one release sentence that clearly answers a question.

The store answers what its entries cover. When it has no confident match, a
sentence of the release itself may still answer the question: "Which journal
published the results?" is answered by the sentence that names the journal, even
if no entry was written for it. `PassageIndex.find` returns that sentence, or
`None`, and is as strict as the matcher on questions the release does not answer:

* every content word of the question that the release uses must be in the
  sentence, in one of its clauses (exactly, or as another form of the same word:
  "funding" / "funded");
* a rare word the release never uses ("Norway", "population") sinks the question
  at once; an everyday word ("happen", "way") only lowers the score;
* the question kind must fit the sentence: "how many" wants a number, "when" a
  date, "who" a name;
* the best sentence must clear `PASSAGE_MIN_SCORE` and lead the runner-up by
  `PASSAGE_MARGIN` points: two sentences that answer equally well answer nothing.

Pure and standalone: it reads only `Store.document` and `Store.synonyms`. Build
once per store (the sentences are indexed in ``__init__``); `find` never raises.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.language import COMMON_WORDS, QUESTION_WORDS, STOPWORDS, SynonymTable, normalise, stem
from bot.store import Store

# Scores are in [0, 100]: the weighted share of the question's content words the
# sentence contains. Every word the release uses must be in the sentence (in one of
# its clauses) before it scores at all, so the score only varies with everyday
# words ("help", "way"). A sweep of the minimum 60-90 (step 5) and the margin 0-20
# (step 5) over the draft stores of tests/data/releases and of knowledge/release.txt,
# with their eval files, changed nothing: every setting answered the same 3
# fallback questions right, none wrong, and no out-of-scope one. 75 / 10 sit in the
# middle: an answer must account for most of what was asked and clearly beat the
# next sentence.
PASSAGE_MIN_SCORE = 75.0
PASSAGE_MARGIN = 10.0

_MAX_QUERY_CHARS = 300
_MIN_SENTENCE_WORDS = 4  # shorter "sentences" are headings and labels, not answers
_COMMON_WEIGHT = 0.35  # an everyday word the sentence lacks costs this share of a word
_TYPO_CUTOFF_LONG = 84.0  # as in bot.matcher: 7+ letters, one or two slips
_TYPO_CUTOFF_SHORT = 88.0  # 4-6 letters, one slip
_SUFFIXES = (
    "ations",
    "ation",
    "ings",
    "ing",
    "ions",
    "ion",
    "ments",
    "ment",
    "ers",
    "er",
    "ed",
    "es",
    "al",
    "ly",
    "s",
    "e",
    "y",
)
_NUMBER_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion dozen dozens half double
    """.split()
)
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday today yesterday tomorrow spring summer autumn winter year years "
    "month months week weeks day days"
).split()
_TIME_WORDS = frozenset(_MONTHS)


def root(word: str) -> str:
    """A word without its inflectional or derivational ending: "funding" -> "fund".

    >>> [root(w) for w in ("meeting", "meet", "approved", "approval", "plant", "plan")]
    ['meet', 'meet', 'approv', 'approv', 'plant', 'plan']
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Passage:
    """A release sentence that answers a question, with its score in [0, 100]."""

    sentence: str  # verbatim (whitespace-squashed), so it can be quoted as a source
    score: float
    index: int  # position in `Store.document.sentences`


@dataclass(frozen=True)
class _Sentence:
    text: str
    index: int
    roots: frozenset[str]
    clauses: tuple[frozenset[str], ...]  # roots of each clause: what is said together
    counted: frozenset[str]  # roots right after a number: "15 flights" counts flights
    has_number: bool
    has_time: bool
    has_name: bool


# "ZURICH, Switzerland, August 16, 2024 - ": where and when the release was written,
# not what a sentence says.
_DATELINE = re.compile(
    r"^[^–—]{2,90}?\b(?:19|20)\d\d\s+(?:-{1,2}|–|—)\s+|^[A-Z]{3,}[^–—]{0,40}?\s+[-–—]\s+"
)
# Where a sentence joins two statements: "..., and some parking will be removed".
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?:and|but|while|whereas)\s+(?=(?:[\w’'-]+\s+){0,5}(?:is|are|was|were|will|has"
    r"|have|had|can|could|should|would|may|might|must)\b)"
)
_COUNT = re.compile(
    r"(?:\d[\d.,]*|\b(?:" + "|".join(sorted(_NUMBER_WORDS)) + r"))\s+((?:[\w-]+\s+){0,2}[\w-]+)",
    re.IGNORECASE,
)


# Units of time: "per day" is not answered by a sentence that says "per week".
_TIME_UNITS = frozenset("hour minute day week month year".split())
# A reply quotes the whole sentence: longer ones are not answers but page text.
_MAX_SENTENCE_CHARS = 600


class PassageIndex:
    """The release's sentences, indexed for `find`. Build once per store."""

    def __init__(self, store: Store) -> None:
        self._synonyms = SynonymTable(store.synonyms)
        sentences: list[_Sentence] = []
        frequency: dict[str, int] = {}
        for index, text in enumerate(store.document.sentences):
            if len(text.split()) < _MIN_SENTENCE_WORDS or len(text) > _MAX_SENTENCE_CHARS:
                continue
            said = _DATELINE.sub("", text, count=1)
            roots = frozenset(root(w) for w in self._words(said))
            clauses = tuple(
                frozenset(root(w) for w in self._words(part)) for part in _CLAUSE_BREAK.split(said)
            )
            counted = frozenset(
                root(w) for m in _COUNT.finditer(said) for w in self._words(m.group(1))
            )
            for key in roots:
                frequency[key] = frequency.get(key, 0) + 1
            lowered = set(normalise(said).split())
            sentences.append(
                _Sentence(
                    text=text,
                    index=index,
                    roots=roots,
                    clauses=clauses,
                    counted=counted,
                    has_number=bool(re.search(r"\d", said)) or bool(lowered & _NUMBER_WORDS),
                    has_time=bool(re.search(r"\b(?:1[89]|20)\d\d\b", said))
                    or bool(lowered & _TIME_WORDS),
                    # A capitalised word after the first: a person, a company, a place.
                    has_name=bool(re.search(r"(?<=[\w,;:()] )[A-Z][\w’'-]*", said)),
                )
            )
        self._sentences = tuple(sentences)
        count = max(1, len(sentences))
        # Inverse sentence frequency: a word in one sentence of ten weighs 2.4, in
        # every sentence 0.1 (never zero: every content word must still be covered).
        self._weight = {
            key: max(0.1, math.log((count + 1) / (n + 0.5))) for key, n in frequency.items()
        }
        raw = set(normalise(store.document.body).split())
        raw |= {w for vs in store.synonyms.values() for v in vs for w in normalise(v).split()}
        raw |= {w for k in store.synonyms for w in normalise(k).split()}
        self._known_raw = frozenset(raw)
        self._typo_vocabulary = sorted(w for w in raw if len(w) >= 4)

    def _words(self, text: str) -> list[str]:
        return [stem(w) for w in self._synonyms.apply(normalise(text)).split()]

    def _correct(self, word: str) -> str:
        if word in self._known_raw or len(word) < 4 or word.isdigit():
            return word
        cutoff = _TYPO_CUTOFF_LONG if len(word) >= 7 else _TYPO_CUTOFF_SHORT
        best = process.extractOne(
            word, self._typo_vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff
        )
        return best[0] if best else word

    def find(self, question: str) -> Passage | None:
        """The one sentence that clearly answers `question`, or None. Never raises."""
        try:
            ranked = self.rank(question)
        except Exception:  # a last-resort path must never take the bot down with it
            return None
        if not ranked or ranked[0].score < PASSAGE_MIN_SCORE:
            return None
        if len(ranked) > 1 and ranked[0].score - ranked[1].score < PASSAGE_MARGIN:
            return None
        return ranked[0]

    def rank(self, question: str) -> list[Passage]:
        """Every sentence that could answer `question`, best first (empty when none can)."""
        if not isinstance(question, str) or not self._sentences:
            return []
        raw = normalise(question[:_MAX_QUERY_CHARS]).split()
        corrected = " ".join(self._correct(w) for w in raw)
        tokens = [stem(w) for w in self._synonyms.apply(corrected).split()]
        asked = set(tokens) & QUESTION_WORDS
        content = [t for t in dict.fromkeys(tokens) if t not in STOPWORDS | QUESTION_WORDS]
        if not content:
            return []
        specific: list[str] = []  # words the release uses: each must be in the sentence
        everyday: list[str] = []  # everyday words the release also uses: nice to have
        unknown_everyday = 0.0  # everyday words the release never uses: a small cost
        for word in content:
            key = root(word)
            common = word in COMMON_WORDS or key in COMMON_WORDS
            if key in self._weight:
                (everyday if common else specific).append(key)
            elif common:
                unknown_everyday += _COMMON_WEIGHT
            else:
                return []  # a rare word the release never uses: not about this release
        if not specific:
            return []  # only everyday words ("what happened?"): nothing to look up
        counted = self._counted(tokens) if "many" in asked else None
        total = sum(self._weight[k] for k in specific + everyday) + unknown_everyday
        ranked = []
        for sentence in self._sentences:
            if not self._fits(asked, sentence):
                continue
            if not any(all(k in clause for k in specific) for clause in sentence.clauses):
                continue  # each word somewhere, but not said together
            if counted and counted not in sentence.counted:
                continue  # "how many stores" of a sentence that counts no stores
            if self._qualifies_differently(tokens, sentence):
                continue
            covered = sum(self._weight[k] for k in specific + everyday if k in sentence.roots)
            ranked.append(Passage(sentence.text, round(100 * covered / total, 1), sentence.index))
        ranked.sort(key=lambda p: (-p.score, p.index))
        return ranked

    @staticmethod
    def _qualifies_differently(tokens: list[str], sentence: _Sentence) -> bool:
        """The sentence says "4th largest" or "per week" where the question asks "largest"
        or "per day": the same words, a different fact."""
        lowered = sentence.text.lower()
        asked_ordinal = any(re.fullmatch(r"\d+(?:st|nd|rd|th)", t) for t in tokens)
        for token in tokens:
            superlative = token.endswith("est") and not asked_ordinal
            if superlative and re.search(rf"\b\d+(?:st|nd|rd|th)\s+{re.escape(token)}\b", lowered):
                return True
        units = {t for t in tokens if t in _TIME_UNITS}
        said = {u for u in _TIME_UNITS if re.search(rf"\b{u}s?\b", lowered)}
        return bool(units and said and not units & said)

    @staticmethod
    def _counted(tokens: list[str]) -> str | None:
        """What a "how many" question counts: the first content word after "many"."""
        if "many" not in tokens:
            return None
        after = tokens[tokens.index("many") + 1 :]
        return next((root(t) for t in after if t not in STOPWORDS), None)

    @staticmethod
    def _fits(asked: set[str], sentence: _Sentence) -> bool:
        """Whether the sentence can answer this kind of question at all."""
        if asked & {"many", "much"} and not sentence.has_number:
            return False
        if "when" in asked and not sentence.has_time:
            return False
        return not (asked & {"who", "whom", "whose"} and not sentence.has_name)
