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
* the best sentence must clear `Params.passage_min_score` and lead the runner-up
  by `Params.passage_margin` points: two sentences that answer equally well
  answer nothing.

Pure and standalone: it reads only `Store.document` and `Store.synonyms`. Build
once per store (the sentences are indexed in ``__init__``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.language import (
    COMMON_WORDS,
    MONTHS,
    NUMBER_WORDS,
    QUESTION_WORDS,
    STOPWORDS,
    SynonymTable,
    normalise,
    stem,
    words,
)
from bot.language.morphology import english_stem as root
from bot.matching.params import Params
from bot.store import Store

_TIME_WORDS = frozenset(w for row in MONTHS for w in row) | words("time_words")
# Units of time: "per day" is not answered by a sentence that says "per week".
_TIME_UNITS = words("time_units")


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


@dataclass(frozen=True)
class _Asked:
    """A question's words, sorted by what the release makes of them."""

    specific: list[str]  # roots the release uses: each must be in the sentence
    everyday: list[str]  # everyday roots the release also uses: nice to have
    unknown_everyday: float  # the cost of everyday words the release never uses


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
    r"(?:\d[\d.,]*|\b(?:" + "|".join(sorted(NUMBER_WORDS)) + r"))\s+((?:[\w-]+\s+){0,2}[\w-]+)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_NAME = re.compile(r"(?<=[\w,;:()] )[A-Z][\w’'-]*")  # a capitalised word after the first


class PassageIndex:
    """The release's sentences, indexed for `find`. Build once per store."""

    def __init__(self, store: Store, params: Params | None = None) -> None:
        self.params = params or Params.for_store(store.settings)
        self._synonyms = SynonymTable(store.synonyms)
        sentences: list[_Sentence] = []
        frequency: dict[str, int] = {}
        for index, text in enumerate(store.document.sentences):
            if (
                len(text.split()) < self.params.passage_min_sentence_words
                or len(text) > self.params.passage_max_sentence_chars
            ):
                continue
            sentence = self._sentence(text, index)
            for key in sentence.roots:
                frequency[key] = frequency.get(key, 0) + 1
            sentences.append(sentence)
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
        # A post is never a slip for a word of the release ("minister" for "ministry").
        self._known_raw = frozenset(raw | words("post_titles"))
        self._typo_vocabulary = sorted(w for w in raw if len(w) >= self.params.min_typo_len)

    def _sentence(self, text: str, index: int) -> _Sentence:
        said = _DATELINE.sub("", text, count=1)
        lowered = set(normalise(said).split())
        return _Sentence(
            text=text,
            index=index,
            roots=frozenset(root(w) for w in self._words(said)),
            clauses=tuple(
                frozenset(root(w) for w in self._words(part)) for part in _CLAUSE_BREAK.split(said)
            ),
            counted=frozenset(
                root(w) for m in _COUNT.finditer(said) for w in self._words(m.group(1))
            ),
            has_number=bool(re.search(r"\d", said)) or bool(lowered & NUMBER_WORDS),
            has_time=bool(_YEAR.search(said)) or bool(lowered & _TIME_WORDS),
            has_name=bool(_NAME.search(said)),
        )

    def _words(self, text: str) -> list[str]:
        return [stem(w) for w in self._synonyms.apply(normalise(text)).split()]

    def _correct(self, word: str, params: Params) -> str:
        if word in self._known_raw or len(word) < params.min_typo_len or word.isdigit():
            return word
        cutoff = params.typo_cutoff_long if len(word) >= 7 else params.typo_cutoff_short
        best = process.extractOne(
            word, self._typo_vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff
        )
        return best[0] if best else word

    def find(self, question: str, params: Params | None = None) -> Passage | None:
        """The one sentence that clearly answers `question`, or None."""
        params = params or self.params
        ranked = self.rank(question, params)
        if not ranked or ranked[0].score < params.passage_min_score:
            return None
        if len(ranked) > 1 and ranked[0].score - ranked[1].score < params.passage_margin:
            return None
        return ranked[0]

    def rank(self, question: str, params: Params | None = None) -> list[Passage]:
        """Every sentence that could answer `question`, best first (empty when none can)."""
        params = params or self.params
        if not isinstance(question, str) or not self._sentences:
            return []
        raw = normalise(question[: params.max_query_chars]).split()
        corrected = " ".join(self._correct(w, params) for w in raw)
        tokens = [stem(w) for w in self._synonyms.apply(corrected).split()]
        asked = self._sort(tokens, params)
        if asked is None:
            return []
        kinds = set(tokens) & QUESTION_WORDS
        counted = self._counted(tokens) if "many" in kinds else None
        keys = asked.specific + asked.everyday
        total = sum(self._weight[k] for k in keys) + asked.unknown_everyday
        ranked = [
            Passage(s.text, round(100 * self._covered(keys, s) / total, 1), s.index)
            for s in self._sentences
            if self._answers(s, kinds, asked.specific, counted, tokens)
        ]
        ranked.sort(key=lambda p: (-p.score, p.index))
        return ranked

    def _covered(self, keys: Sequence[str], sentence: _Sentence) -> float:
        """The weight of the question's words that `sentence` says."""
        return sum(self._weight[k] for k in keys if k in sentence.roots)

    def _sort(self, tokens: Sequence[str], params: Params) -> _Asked | None:
        """The question's content words by kind, or None when no sentence can answer it:
        a rare word the release never uses, or only everyday words ("what happened?")."""
        content = [t for t in dict.fromkeys(tokens) if t not in STOPWORDS | QUESTION_WORDS]
        specific: list[str] = []
        everyday: list[str] = []
        unknown_everyday = 0.0
        for word in content:
            key = root(word)
            common = word in COMMON_WORDS or key in COMMON_WORDS
            if key in self._weight:
                (everyday if common else specific).append(key)
            elif common:
                unknown_everyday += params.passage_common_weight
            else:
                return None
        asked = _Asked(specific, everyday, unknown_everyday)
        return asked if asked.specific else None

    def _answers(
        self,
        sentence: _Sentence,
        kinds: set[str],
        specific: Sequence[str],
        counted: str | None,
        tokens: list[str],
    ) -> bool:
        """Whether `sentence` can answer the question at all."""
        if not self._fits(kinds, sentence):
            return False
        if not any(all(k in clause for k in specific) for clause in sentence.clauses):
            return False  # each word somewhere, but not said together
        if counted and counted not in sentence.counted:
            return False  # "how many stores" of a sentence that counts no stores
        return not self._qualifies_differently(tokens, sentence)

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
    def _fits(kinds: set[str], sentence: _Sentence) -> bool:
        """Whether the sentence can answer this kind of question at all."""
        if kinds & {"many", "much"} and not sentence.has_number:
            return False
        if "when" in kinds and not sentence.has_time:
            return False
        return not (kinds & {"who", "whom", "whose"} and not sentence.has_name)
