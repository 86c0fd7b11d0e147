"""The intent matcher: a question in, a typed `Match` out. Pure; no Telegram.

How a question is scored (every score is a number in [0, 100]):

1. Normalise it (NFKC, case, punctuation, whitespace), correct typos word by
   word against the store's vocabulary (rapidfuzz, conservative cutoffs; a
   name of the release is also recognised an edit or two off), rewrite the
   store's synonyms, stem plurals and drop stop words.
2. Shortlist the phrasings that share a word with it (a word index built
   once), and compare it with each (`rapidfuzz.process.extract`), keeping each
   entry's best phrasing. The similarity is the better of a whole-string and a
   word-order-free ratio, plus a smaller share of the token-set ratio.
3. Scale that by how much of the question the entry accounts for: a name or
   figure the entry never mentions or a rare word the store has never seen
   ("Germany", "capital", "2024") costs a lot, a word the store uses elsewhere
   costs less, an everyday word little. An entry knows the words of its answer
   and every variant of its synonyms. A question that names or asks something
   the entry lacks makes the match *doubtful*.
4. Decide with the store's thresholds: `answer` when the best entry clears
   `answer_threshold` (plus `DOUBT_MARGIN` if doubtful) and leads the
   runner-up by `margin`, unless the entry cannot be the answer
   (`Candidate.swapped`: "the ambassador of Korea to Kazakhstan", "when" of an
   entry with no date, "what is Astana?" of an entry not about Astana alone);
   a question of question words alone ("how?") is asked of no entry;
   `clarify` with up to three candidates above
   `clarify_threshold`; otherwise `fallback`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from bot.language import COMMON_WORDS, QUESTION_WORDS, STOPWORDS, SynonymTable, normalise, stem
from bot.passages import PassageIndex
from bot.store import Entry, Settings, SmallTalk, Store

# Typo correction: a word within this rapidfuzz ratio of a vocabulary word is
# read as that word. Short words need to be near-exact to avoid turning an
# unknown name into a known one ("Japan" must never become "Astana").
_TYPO_CUTOFF_LONG = 84.0  # words of 7+ letters: one or two slips
_TYPO_CUTOFF_SHORT = 88.0  # words of 4-6 letters: one slip ("seul" -> "seoul")
_MIN_TYPO_LEN = 4
# Words of 6+ letters one edit from a name of the release (two for 8+) are that
# name; shorter ones are too often another word ("youth" is not "south").
_MIN_NAME_TYPO_LEN = 6

# How much of a question's meaning an entry must account for. Each content
# word of the question is weighed by its length (long words carry meaning,
# filler is short, capped at 8). A word this entry does not know counts
# against it: fully for a name the entry never mentions, by half for a word
# the store uses elsewhere, by a fifth for an everyday word. A rare word the
# store never saw weighs as much as a 4-letter word, however short or long.
# These values come from a sweep on tests/data/eval.yaml (2026-11-28).
_OFF_ENTRY_WORD_WEIGHT = 0.5
_RARE_WORD_WEIGHT = 4
_COMMON_WORD_WEIGHT = 0.2
# The question names X where the best phrasing names Y, asks about another
# figure, or names the two countries the other way round.
_NAME_SWAP_FACTOR = 0.9
_QUESTION_KIND_FACTOR = 0.85  # a "when" question to an entry nobody asks "when" about
# A name in at least this share of the release's sentences is its subject
# ("Kazakhstan", "Korea"), which every entry is implicitly about.
_SUBJECT_SHARE = 0.5
# A name the entry mentions only in its answer, never in a phrasing, is
# mentioned in passing ("Almaty" in the answer on all flights): it counts half
# against the entry, so the entry whose phrasings name it ranks first.
_PASSING_NAME_WEIGHT = 0.5
# Unknown rare words make a match doubtful when they carry at least this share
# of the question's weight: "Germany" in a five-word question does, "planning"
# in "hey im planning a trip, how many flights a week in total ..." does not.
_RARE_DOUBT_SHARE = 0.1
# When an entry accounts for this share of a question (and its coverage found
# nothing doubtful), the token-set ratio of its best phrasing gets this much more say:
# "my grandpa lives in kyzylorda ... where else did he go in kazakhstan?" holds
# "where did Woo go in Kazakhstan" whole, and every other word is the entry's.
_EXPLAINED = 0.85
_EXPLAINED_SET_SHARE = 0.2
# "Which election ...?" asks for an election, as "what election" would: unlike
# "who", "when" or "how many", "which" says nothing of the kind of answer.
_GENERIC_KINDS = frozenset({"which"})
# A doubtful match (the question names or asks something the entry lacks, see
# `Candidate.doubtful`) needs this many more points to be answered outright;
# below that it becomes a "did you mean". 10 was best in the same sweep.
DOUBT_MARGIN = 10.0

_MAX_CLARIFY = 3
MAX_QUERY_WORDS = 60  # longer questions are cut: the start says what is asked
# A fallback still offers entries scoring at least this, as "maybe you meant".
_SUGGESTION_FLOOR = 45.0
# Scoring is limited to phrasings that share a word with the question (at most
# this many), or else to rapidfuzz's nearest few: see `Matcher._shortlist`.
_SHORTLIST_CAP = 2000
# Answering from a sentence of the release needs a question of at least this
# many distinct content words; keywords alone are the store's job.
_PASSAGE_MIN_WORDS = 3
_SHORTLIST_NEAREST = 200


# Stop words are dropped after stemming, so their stemmed forms count too ("does" -> "doe").
_DROPPED = frozenset(w for s in STOPWORDS for w in (s, stem(s))) - QUESTION_WORDS


# A capitalised word inside a sentence: a place, person or company.
_CAPITALISED = re.compile(r"(?<=[\w,;:()] )[A-Z][\w’'-]*")


# Words that make the name after them a destination: "ambassador *to* Korea",
# "investor *in* Kazakhstan", "rank *for* Kazakhstan".
_TOWARDS = frozenset({"to", "in", "into", "for"})


_DEFINES = re.compile(r"\b(?:what|who|whats|whos)\b")

# "On what date ...", "which year ..." ask "when" without the word.
_ASKS_DATE = re.compile(r"\b(?:what|which) (?:date|day|year|month|time)\b")


def _is_figure(text: str) -> bool:
    """Whether a word (or text) states a number: "15", "2023", "4th", "1gw"."""
    return any(ch.isdigit() for ch in text)


def _targets(tokens: Sequence[str]) -> tuple[str, ...]:
    """The words right after "to", "in", "into" or "for" (an article skipped)."""
    found = []
    previous = ""
    for token in tokens:
        if previous in _TOWARDS:
            found.append(token)
        if token not in ("the", "a"):
            previous = token
    return tuple(found)


class Kind(StrEnum):
    ANSWER = "answer"
    CLARIFY = "clarify"
    FALLBACK = "fallback"
    SMALLTALK = "smalltalk"


@dataclass(frozen=True)
class Candidate:
    """An entry (or small-talk item) with its score in [0, 100] for one question."""

    intent: str
    question: str  # the entry's first phrasing, shown in "did you mean"
    score: float
    # True when the question says something this entry does not: words the
    # store never saw (a tenth of the question or more), a name or figure the
    # entry never mentions, a different kind of question. Such a match must
    # clear a higher bar to be answered.
    doubtful: bool = False
    # True when the entry cannot be the answer, only a "did you mean": the
    # question names something else in the place of what the entry states
    # (another name, a figure, the two countries the other way round), asks
    # "when" of an entry that states no date or year, or asks what a name is
    # of an entry with no phrasing about that name alone.
    swapped: bool = False


@dataclass(frozen=True)
class Match:
    """The matcher's verdict on one question."""

    question: str
    kind: Kind
    score: float
    entry: Entry | None = None
    smalltalk: SmallTalk | None = None
    suggestions: tuple[Candidate, ...] = ()
    # A sentence of the release that answers a question no entry covers.
    passage: str | None = None

    @property
    def answered(self) -> bool:
        return self.kind is Kind.ANSWER

    @property
    def intent(self) -> str | None:
        if self.entry is not None:
            return self.entry.id
        if self.smalltalk is not None:
            return self.smalltalk.id
        return None


@dataclass(frozen=True)
class _Item:
    """One thing a question can match: an entry or a small-talk item."""

    id: str
    entry: Entry | None
    smalltalk: SmallTalk | None
    vocabulary: frozenset[str]
    asked_about: frozenset[str]  # the words of its phrasings (the rest comes from its answer)
    asks: frozenset[str]  # question words its phrasings use ("who", "how", "many")
    display: str  # the phrasing offered in a "did you mean" button
    figures: bool  # whether its answer or source states a number ("15 flights", "2023")


class Matcher:
    """Matches questions against one store. Build once; `match` is cheap and never raises."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.settings = store.settings
        self._synonyms = SynonymTable(store.synonyms)
        # Every name the release uses, for the name-swap check ("President of
        # Korea" against "President of Kazakhstan"); names in half or more of
        # its sentences are its subject ("Kazakhstan", "Korea"), which every
        # entry is implicitly about, so only the others count against an entry.
        self._all_names = self._proper_names(store.document.body) - COMMON_WORDS
        sentences = [set(self._tokens(s)) for s in store.document.sentences]
        self._subjects = frozenset(
            n
            for n in self._all_names
            if sum(n in s for s in sentences) >= _SUBJECT_SHARE * len(sentences)
        )
        self._names = self._all_names - self._subjects
        # Each canonical term (as tokens) with the words of all its variants,
        # except variants that describe it ("kazakh capital" for Astana): their
        # words ("capital") say nothing of the term on their own.
        self._variant_words = [
            (
                term,
                frozenset(
                    stem(w)
                    for v in variants
                    if not self._describes(v, term)
                    for w in normalise(v).split()
                )
                - _DROPPED,
            )
            for canonical, variants in store.synonyms.items()
            if (term := frozenset(self._tokens(canonical)))
        ]

        items: list[_Item] = []
        phrasings: list[str] = []
        phrasing_words: list[tuple[str, ...]] = []
        owners: list[int] = []
        targets: list[tuple[str, ...]] = []
        vocabulary: set[str] = set()
        # An entry's words are those of its phrasings, answer and source; not
        # its topic, a label it shares with its neighbours ("The meeting").
        sources: list[tuple[Entry | None, SmallTalk | None, tuple[str, ...], str]] = [
            (e, None, e.questions, f"{e.answer} {e.source}") for e in store.entries
        ]
        sources += [(None, s, s.questions, "") for s in store.smalltalk]
        for entry, talk, questions, extra in sources:
            words: set[str] = set()
            for question in questions:
                tokens = self._tokens(question)
                words.update(tokens)
                content = self._content(tokens) or tokens
                phrasings.append(" ".join(content))
                phrasing_words.append(tuple(content))
                targets.append(_targets(tokens))
                owners.append(len(items))
            asked_about = frozenset(words)
            words.update(self._tokens(extra))
            # "bakad" stands for "big almaty ring road": an entry about BAKAD
            # knows "almaty" and "ring" too, as "mfa" knows "ministry".
            words.update(self._expansions(words))
            vocabulary.update(words)
            item_id = entry.id if entry else talk.id if talk else ""
            asks = asked_about & QUESTION_WORDS
            figures = _is_figure(extra)
            items.append(
                _Item(
                    item_id, entry, talk, frozenset(words), asked_about, asks, questions[0], figures
                )
            )
        # Words of the document itself are known too: a question about them
        # is about the release, even if no entry quotes that word.
        vocabulary.update(self._tokens(store.document.body))

        self._items = items
        bare: dict[int, list[frozenset[str]]] = {}
        for number, owner in enumerate(owners):
            bare.setdefault(owner, []).append(
                frozenset(phrasing_words[number]) - QUESTION_WORDS - self._subjects
            )
        self._bare = bare
        self._phrasings = phrasings
        self._phrasing_words = phrasing_words
        self._destinations = [self._destination(t) for t in targets]
        index: dict[str, list[int]] = {}
        for number, phrasing_content in enumerate(phrasing_words):
            for word in dict.fromkeys(phrasing_content):
                index.setdefault(word, []).append(number)
        self._index = index
        self._owners = owners
        self._vocabulary = frozenset(vocabulary)
        # Typo correction works on raw words, before synonyms and stemming.
        raw_words = {w for _, _, qs, _ in sources for q in qs for w in normalise(q).split()}
        raw_words |= vocabulary
        raw_words |= {w for v in store.synonyms.values() for t in v for w in normalise(t).split()}
        raw_words |= set(normalise(store.document.body).split())
        # Everyday words are known as they are; a typo is corrected only
        # towards the store's own words ("nuclear" must not become "unclear").
        self._known_raw = frozenset(raw_words | STOPWORDS | COMMON_WORDS)
        raw_words -= STOPWORDS | COMMON_WORDS
        self._typo_vocabulary = sorted(w for w in raw_words if len(w) >= _MIN_TYPO_LEN - 1)
        self._name_spellings = sorted(
            {
                w
                for m in _CAPITALISED.finditer(store.document.body)
                for w in normalise(m.group(0)).split()
                if len(w) >= _MIN_NAME_TYPO_LEN
            }
            - STOPWORDS
            - COMMON_WORDS
        )
        self._by_id = {item.id: item for item in items}
        self._passages = PassageIndex(store)

    # Text --------------------------------------------------------------------

    def _tokens(self, text: str) -> list[str]:
        folded = self._synonyms.apply(normalise(text))
        return [stem(w) for w in folded.split()]

    def _describes(self, variant: str, term: frozenset[str]) -> bool:
        """Whether a variant describes its term by way of a subject of the release.

        "kazakh capital" is Astana described from Kazakhstan: "capital" alone
        says nothing of Astana. "convenience store", "power station" and
        "south korea" are other names for the thing itself.
        """
        words = {
            stem(token)
            for word in normalise(variant).split()
            for token in self._synonyms.apply(word).split()
        }
        return bool((words - term) & self._subjects)

    def _expansions(self, words: set[str]) -> set[str]:
        """The words of every variant of the canonical terms in `words`."""
        found: set[str] = set()
        for term, variant_words in self._variant_words:
            if term <= words:
                found |= variant_words
        return found

    def _proper_names(self, body: str) -> frozenset[str]:
        """Words the document capitalises mid-sentence: places, people, companies.

        Asking an entry about a name it never mentions ("CU stores in Astana")
        is a different question, so such a word counts fully against it.
        """
        names: set[str] = set()
        for match in _CAPITALISED.finditer(body):
            names.update(self._tokens(match.group(0)))
        return frozenset(names)

    @staticmethod
    def _content(tokens: Sequence[str]) -> list[str]:
        return [t for t in tokens if t not in _DROPPED]

    def _correct(self, token: str) -> str:
        if token in self._known_raw or len(token) < _MIN_TYPO_LEN or token.isdigit():
            return token
        if len(token) >= _MIN_NAME_TYPO_LEN:
            # Names are transliterated many ways ("Korkut", "Kyzilorda"): one
            # edit away from a name of the release (two for 8+ letters) is it.
            limit = 1 if len(token) < 8 else 2
            near = process.extractOne(
                token, self._name_spellings, scorer=Levenshtein.distance, score_cutoff=limit
            )
            if near:
                return near[0]
        cutoff = _TYPO_CUTOFF_LONG if len(token) >= 7 else _TYPO_CUTOFF_SHORT
        best = process.extractOne(
            token, self._typo_vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff
        )
        return best[0] if best else token

    def prepare(self, question: str) -> list[str]:
        """The content words the matcher sees for `question` (after every normalisation)."""
        return self._read(question)[2]

    def _read(self, question: str) -> tuple[str, list[str], list[str]]:
        """`question` normalised and capped; all its words, corrected, rewritten and
        stemmed; and the content words among them (what `prepare` returns)."""
        limit = self.settings.max_query_chars
        # Cap before and after normalising: NFKC can expand one character into
        # many ("\ufdfa" becomes 18 letters), and matching cost grows with length.
        text = normalise(question[:limit])[:limit]
        # Typos are corrected on the raw words, so a corrected word can still
        # be rewritten by a synonym ("kazakstan" -> "kazakhstan").
        corrected = " ".join(self._correct(w) for w in text.split()[:MAX_QUERY_WORDS])
        tokens = [stem(w) for w in self._synonyms.apply(corrected).split()]
        return text, tokens, self._content(tokens) or tokens

    # Scoring -----------------------------------------------------------------

    def candidates(self, question: str) -> list[Candidate]:
        """Every item that resembles `question`, best first, with final scores."""
        text, tokens, words = self._read(question)
        if not words:
            return []
        towards = self._destination(_targets(tokens))
        query = " ".join(words)
        # Each owner's best phrasing: (similarity, phrasing index, token-set ratio).
        best: dict[int, tuple[float, int, float]] = {}
        for index, score, subset in self._similarity(query, self._shortlist(query, words)):
            owner = self._owners[index]
            if score > best.get(owner, (0.0, 0, 0.0))[0]:
                best[owner] = (score, index, subset)
        foreign = {w for w in words if w not in self._vocabulary}
        asked = set(words)
        asked_all_names = asked & self._all_names
        asked_kind = asked & QUESTION_WORDS - _GENERIC_KINDS
        # "When was it published?" asks for a date; "who met Woo when he was
        # speaker" does not: "when" must open the question.
        asks_date = "when" in text.split()[:3] or _ASKS_DATE.search(text) is not None
        # "how are you?" is down to "how": it asks no fact of any entry.
        asks_nothing = not asked - QUESTION_WORDS
        # "What is Astana?" asks what a name is: only an entry with a phrasing
        # about that name alone ("BAKAD", "Who is Nurgali Arystanov?") says so.
        named = asked - QUESTION_WORDS
        defines = _DEFINES.search(text) is not None and bool(named) and named <= self._all_names
        numbers = {w for w in asked if _is_figure(w)}
        names = self._names | numbers
        result = []
        for position, (raw, index, subset) in best.items():
            item = self._items[position]
            if asks_nothing and item.entry is not None:
                continue
            share, doubtful = self._coverage(words, foreign, names, item)
            # An entry that explains nearly all of a question may match it only
            # in part: the extra words are its own, so the part counts more.
            similarity = raw
            if not doubtful and share >= _EXPLAINED:
                similarity = max(raw, raw + _EXPLAINED_SET_SHARE * (subset - raw))
            score = similarity * share
            swapped = False
            # "Who is the President of Korea?" against "Who is the President of
            # Kazakhstan?": the same question about a different name.
            phrasing_names = set(self._phrasing_words[index]) & self._all_names
            # Only a name of the same kind swaps: a subject for a subject
            # (Korea for Kazakhstan), another name for another (Almaty for
            # Astana) that none of the entry's phrasings mention ("Hyundai" is
            # no swap for "Kia" in the entry on both, nor "the Speaker" for
            # "Woo"). "kia factory kazakhstan" against "Korean car plants in
            # Kazakhstan" leaves a subject out, which asks nothing different.
            others = asked_all_names & self._names
            if (
                (
                    (asked_all_names & self._subjects) - phrasing_names
                    and (phrasing_names & self._subjects) - asked_all_names
                )
                or (others - item.asked_about and (phrasing_names & self._names) - others)
                or (towards and self._destinations[index] not in (None, towards))
            ):
                score *= _NAME_SWAP_FACTOR
                doubtful = True
                swapped = True
            # "rank in 2024" of an entry about 2023: a figure the entry does not
            # state, where it states others. ("in 2 sentences" asks no figure
            # of an entry that has none.)
            if numbers - item.vocabulary and item.figures:
                score *= _NAME_SWAP_FACTOR
                doubtful = True
                swapped = True
            # "When ...?" of an entry nobody asks "when" about.
            if asked_kind and not asked_kind & item.asks:
                score *= _QUESTION_KIND_FACTOR
                doubtful = True
            # "When ...?" ("on what date", "which year") of an entry that states
            # no date or year at all.
            if asks_date and not item.figures:
                swapped = True
            # "What is X?" of an entry with no phrasing about X alone.
            if defines and not any(bare and bare <= asked for bare in self._bare[position]):
                swapped = True
            result.append(Candidate(item.id, item.display, round(score, 1), doubtful, swapped))
        result.sort(key=lambda c: -c.score)
        return result

    def _destination(self, targets: Sequence[str]) -> str | None:
        """The subject of the release a text goes *to* ("Korea" in "the ambassador of
        Kazakhstan to Korea"), or None when it names none that way.

        "the ambassador of Korea to Kazakhstan" has the other destination: it asks
        about someone else. "flights between Korea and Kazakhstan" has none, so
        either order is the same question.
        """
        return next((w for w in targets if w in self._subjects), None)

    def _shortlist(self, query: str, words: Sequence[str]) -> list[int]:
        """The phrasings worth scoring: those sharing a content word with the question.

        Rarest words first, up to `_SHORTLIST_CAP` phrasings, so a big store
        costs little more than a small one. A question sharing no word with the
        store (a paraphrase, an unknown topic) gets rapidfuzz's nearest strings.
        """
        postings = sorted(
            (self._index[w] for w in set(words) - QUESTION_WORDS if w in self._index), key=len
        )
        chosen: dict[int, None] = {}
        for posting in postings:
            chosen.update(dict.fromkeys(posting))
            if len(chosen) >= _SHORTLIST_CAP:
                break
        if chosen:
            return list(chosen)
        nearest = process.extract(
            query,
            self._phrasings,
            scorer=fuzz.token_set_ratio,
            processor=None,
            limit=_SHORTLIST_NEAREST,
            score_cutoff=_SUGGESTION_FLOOR,
        )
        return [index for _, _, index in nearest]

    def _similarity(self, query: str, indices: Sequence[int]) -> list[tuple[int, float, float]]:
        """Similarity of `query` to each phrasing in `indices`, in [0, 100], with the
        token-set ratio it includes."""
        if not indices:
            return []
        choices = [self._phrasings[i] for i in indices]
        whole = [0.0] * len(choices)
        subset = [0.0] * len(choices)
        for scorer in (fuzz.ratio, fuzz.token_sort_ratio):
            for _, score, position in process.extract(
                query, choices, scorer=scorer, processor=None, limit=None
            ):
                whole[position] = max(whole[position], score)
        for _, score, position in process.extract(
            query, choices, scorer=fuzz.token_set_ratio, processor=None, limit=None
        ):
            subset[position] = score
        # token_set_ratio is 100 whenever one side's words are a subset of the
        # other's; give it a minority say so it rescues paraphrases with extra
        # words without making every one-word overlap a perfect match.
        return [
            (index, 0.6 * w + 0.4 * max(w, s), s)
            for index, w, s in zip(indices, whole, subset, strict=True)
        ]

    @staticmethod
    def _coverage(
        words: Sequence[str], foreign: set[str], names: frozenset[str], item: _Item
    ) -> tuple[float, bool]:
        """The share of the question's meaning that `item` accounts for, in [0, 1].

        Also says whether the question names something the entry lacks.
        """
        total = 0.0
        missing = 0.0
        doubt = False
        rare = 0.0
        for word in words:
            if word in QUESTION_WORDS:
                continue
            weight = min(len(word), 8)
            total += weight
            if word in item.vocabulary:
                if word in names and word not in item.asked_about and not _is_figure(word):
                    missing += weight * _PASSING_NAME_WEIGHT
                continue
            if word in foreign:
                if word in COMMON_WORDS:
                    missing += weight * _COMMON_WORD_WEIGHT
                else:
                    # A rare word nobody here uses is the point of the question,
                    # however short ("age", "GDP"): it weighs as a long word.
                    total += _RARE_WORD_WEIGHT - weight
                    missing += _RARE_WORD_WEIGHT
                    rare += _RARE_WORD_WEIGHT
            elif word in names:
                missing += weight
                doubt = True
            else:
                missing += weight * _OFF_ENTRY_WORD_WEIGHT
        if rare and rare >= _RARE_DOUBT_SHARE * total:
            doubt = True
        return (1.0 - missing / total if total else 1.0), doubt

    # Verdict -----------------------------------------------------------------

    def match(self, question: str) -> Match:
        """Classify `question`. Never raises, whatever the input.

        When no entry fits, one sentence of the release may still answer the
        question clearly (`bot.passages`): that is an answer too, quoted.
        """
        if not isinstance(question, str):
            question = ""
        return self.from_text(self.decide(question, self.candidates(question), self.settings))

    def from_text(self, verdict: Match) -> Match:
        """A fallback turned into a quoted sentence of the release, when one clearly answers."""
        if verdict.kind is Kind.FALLBACK and self._asks_enough(verdict.question):
            found = self._passages.find(verdict.question)
            if found is not None:
                return Match(verdict.question, Kind.ANSWER, found.score, passage=found.sentence)
        return verdict

    def _asks_enough(self, question: str) -> bool:
        """A sentence may answer a real question, not a keyword or two ("almaty ambassador")."""
        return len(set(self.prepare(question)) - QUESTION_WORDS) >= _PASSAGE_MIN_WORDS

    def decide(self, question: str, ranked: Sequence[Candidate], settings: Settings) -> Match:
        """Turn ranked candidates into a verdict under `settings` (used by the sweep too)."""
        shown = question[: settings.max_query_chars]
        if not ranked:
            return Match(shown, Kind.FALLBACK, 0.0)
        top = ranked[0]
        item = self._by_id[top.intent]
        runner_up = next((c for c in ranked[1:] if c.intent != top.intent), None)
        lead = top.score - runner_up.score if runner_up else top.score

        bar = settings.answer_threshold + (DOUBT_MARGIN if top.doubtful else 0.0)
        if top.score >= bar and lead >= settings.margin and not top.swapped:
            if item.smalltalk is not None:
                return Match(shown, Kind.SMALLTALK, top.score, smalltalk=item.smalltalk)
            return Match(shown, Kind.ANSWER, top.score, entry=item.entry)
        close = tuple(
            c for c in ranked if c.score >= settings.clarify_threshold and self._is_entry(c)
        )[:_MAX_CLARIFY]
        if close:
            return Match(shown, Kind.CLARIFY, top.score, suggestions=close)
        weak = tuple(c for c in ranked if self._is_entry(c) and c.score >= _SUGGESTION_FLOOR)[
            :_MAX_CLARIFY
        ]
        return Match(shown, Kind.FALLBACK, top.score, suggestions=weak)

    def _is_entry(self, candidate: Candidate) -> bool:
        return self._by_id[candidate.intent].entry is not None
