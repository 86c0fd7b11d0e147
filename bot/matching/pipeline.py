"""The matcher: a question in, a typed `Match` out. Pure; no Telegram.

`Matcher.match` is the whole pipeline, stage by stage:

1. `query.read`: the question read once into a `Query` (normalised, typos
   corrected, synonyms rewritten, stemmed; a long message read by its question).
2. `retrieve.retrieve`: each entry's best phrasing and its similarity.
3. `coverage.coverage`: how much of the question the entry accounts for, and
   `coverage.explained_similarity` for an entry that accounts for nearly all of it.
4. `checks.findings`: the named rules that scale a score or mark a candidate
   doubtful or swapped, in the order `checks.CHECKS` gives.
5. `decide.decide`: the verdict under the thresholds of `Params`.
6. `passages`: a fallback becomes a quoted sentence of the release when one
   clearly answers.
7. `kinds.refine`: the kind of question (an unstated attribute, arithmetic over
   two stated figures, two questions in one, a yes/no check) changes how the
   verdict is put.

Stages 1-4 are `Matcher.score`; 5-7 are `Matcher.verdict`. The evaluation
(`bot.matching.evaluate`) calls the same two methods, so a stage added here
is evaluated too.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from bot.language import QUESTION_WORDS, words
from bot.language.analysis import analyser
from bot.language.gloss import Glossary
from bot.matching.checks import findings, unstated_in
from bot.matching.coverage import coverage, explained_similarity
from bot.matching.decide import decide
from bot.matching.gloss import combine, could_agree, in_language
from bot.matching.index import StoreIndex, build_index
from bot.matching.kinds import could_refine, refine
from bot.matching.pairs import Finding, Pair
from bot.matching.params import Params
from bot.matching.passages import PassageIndex
from bot.matching.query import Query, read, readings, referent
from bot.matching.retrieve import Hit, retrieve
from bot.matching.typos import correct
from bot.matching.verdict import Candidate, Form, Kind, Match
from bot.store import Store


@dataclass(frozen=True)
class Scored:
    """A question read and scored: everything `Matcher.verdict` needs."""

    query: Query
    candidates: tuple[Candidate, ...]  # best first


class Matcher:
    """Matches questions against one store. Build once; `match` is cheap and never raises."""

    def __init__(
        self,
        store: Store,
        params: Params | None = None,
        base: Matcher | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        """`base`: for a store in another language (`languages.language_view`), the
        English store's matcher, whose names and subjects the translation shares;
        `glossary`: that language's reading as English (`bot.matching.gloss`)."""
        self.store = store
        self.params = params or Params.for_store(store.settings)
        self.base = base
        language = analyser(store.language)
        index = base.index if base is not None else None
        self.index: StoreIndex = build_index(store, self.params, language, index)
        # Sentences of the release are quoted only to questions in its own language.
        self.passages = PassageIndex(store, self.params) if base is None else None
        # The matcher of a language written in the same script (Russian for Kazakh):
        # a question this one does not answer may be that language typed alike.
        self.sibling: Matcher | None = None
        self.glossary = glossary

    def rebuilt(self, params: Params) -> Matcher:
        """The same store (and language) matched under other `params`, with the same
        glossary and sibling."""
        other = Matcher(self.store, params, self.base, self.glossary)
        other.sibling = self.sibling
        return other

    def match(self, question: str) -> Match:
        """Classify `question`. Never raises, whatever the input."""
        if not isinstance(question, str):
            question = ""
        return self.verdict(self.score(question))

    # Stages 1-4 ----------------------------------------------------------------

    def score(self, question: str) -> Scored:
        """`question` read, and every item that resembles it scored, best first.

        A chatty message ("Hi! I'm from Kyzylorda. Which cities did he visit?") is also
        read by its question sentences alone (`query.question_part`); that reading wins
        when it finds the same best entry more surely, or the whole message found none.
        """
        return self._best_reading(*readings(question, self.index, self.params, self.glossary))

    def _best_reading(self, whole: Query, alone: Query | None) -> Scored:
        """`whole` ranked, or `alone` (its question sentences) if that reads better."""
        scored = self.rank(whole)
        if alone is None:
            return scored
        ranked = self.rank(alone)
        if _points_back(ranked.query) and self.store.language == "en":
            # "Who did he meet?" after "... the Kazakh ambassador.": asked with the names
            # the context gives, the question says what it points back to.
            names = referent(scored.query.shown, self.index)
            if names:
                part = alone.shown
                query = read(f"{part} {names}", self.index, self.params, self.glossary)
                resolved = self.rank(replace(query, shown=part))
                trusted = _confirmed(resolved, ranked, self.params)
                if trusted is not None and _sureness(trusted, self.params) > _sureness(
                    scored, self.params
                ):
                    return trusted
        named = self._context_names(scored.query.shown, alone.shown)
        if named:
            # "Сын поступает в университет Коркыт Ата ... Что там открыли?": the question
            # says "there", the context names where.
            told = self.rank(read(f"{alone.shown} {named}", self.index, self.params, self.glossary))
            if _sureness(told, self.params) > _sureness(ranked, self.params):
                ranked = told
        return ranked if _reads_better(ranked, scored, self.params) else scored

    def _context_names(self, message: str, part: str) -> str:
        """The words of `message` outside its question `part` that name something of the
        release, in order (none in English, whose question sentences name what they ask)."""
        if self.store.language == "en":
            return ""
        context = message.replace(part, " ")
        index = self.index
        named = [w.strip(".,;:!?()\"'«»") for w in context.split()]
        return " ".join(w for w in named if set(index.tokens(w)) & index.all_names)

    def rank(self, query: Query) -> Scored:
        """Stages 2-4 for a question already read."""
        if not query.words:
            return Scored(query, ())
        ranked = []
        for hit in retrieve(query, self.index, self.params):
            candidate = self._candidate(query, hit)
            if candidate is not None:
                ranked.append(candidate)
        ranked.sort(key=lambda c: -c.score)
        return Scored(query, tuple(ranked))

    def _candidate(self, query: Query, hit: Hit) -> Candidate | None:
        """One item's final score for `query`: similarity, coverage, then the checks."""
        pair = self._pair(query, hit)
        found = findings(pair, self.params)
        if any(f.drop for f in found):
            return None
        covered = coverage(query, pair.item, self.params)
        score = explained_similarity(hit, covered, self.params) * covered.share
        doubtful, swapped = covered.doubtful, False
        for finding in found:
            score *= finding.factor
            doubtful = doubtful or finding.doubtful
            swapped = swapped or finding.swapped
        item = pair.item
        checks = tuple(f.check for f in found)
        return Candidate(item.id, item.display, round(score, 1), doubtful, swapped, checks)

    def _pair(self, query: Query, hit: Hit) -> Pair:
        return Pair(
            query, self.index.items[hit.owner], self.index.phrasings[hit.phrasing], self.index
        )

    def candidates(self, question: str) -> list[Candidate]:
        """Every item that resembles `question`, best first, with final scores."""
        return list(self.score(question).candidates)

    def prepare(self, question: str) -> list[str]:
        """The content words the matcher sees for `question` (after every normalisation)."""
        return list(read(question, self.index, self.params, self.glossary).words)

    def findings_for(self, question: str, intent: str) -> list[Finding] | None:
        """What the checks find about item `intent` for `question`, or None when the
        item is not among those retrieved for it (for tests and for explaining a verdict)."""
        query = read(question, self.index, self.params, self.glossary)
        for hit in retrieve(query, self.index, self.params):
            if self.index.items[hit.owner].id == intent:
                return findings(self._pair(query, hit), self.params)
        return None

    # Stages 5-7 ----------------------------------------------------------------

    def verdict(self, scored: Scored, params: Params | None = None) -> Match:
        """The verdict on a scored question under `params` (default: this matcher's),
        put as its kind of question asks (`kinds.refine`).

        Kazakh is often typed with Russian letters only: a question this matcher
        does not answer is answered by its `sibling` if that one does, or offered by
        it when this one has nothing to offer.
        """
        match = self._own_verdict(scored, params)
        if self.glossary is not None and self.base is not None:
            match = self._second_reading(scored.query, match, params or self.params)
        if self.sibling is None or match.answered or match.kind is Kind.SMALLTALK:
            return match
        if not self._sibling_words(scored.query):
            return match
        # The sibling's whole verdict, its gloss reading too (a sibling has no sibling);
        # its "did you mean" too where this store's reading offers nothing at all.
        other = self.sibling.verdict(self.sibling.score(scored.query.shown))
        offers = other.kind is Kind.CLARIFY and bool(other.suggestions)
        return other if other.answered or (offers and not match.suggestions) else match

    def _sibling_words(self, query: Query) -> bool:
        """Whether the question uses a word the sibling's store knows and this one's does
        not ("арасында", "рейстер"): only then may it be the sibling's language typed
        alike, and worth matching again."""
        assert self.sibling is not None
        mine, theirs = self.index, self.sibling.index
        return any(
            theirs.language.stem(word) in theirs.vocabulary
            and word not in mine.language.stopwords
            and mine.language.stem(word) not in mine.vocabulary
            for word in theirs.language.fold(query.shown).split()
        )

    def _second_reading(self, query: Query, match: Match, params: Params) -> Match:
        """`match` weighed against the English store's verdict on the question's gloss
        (`bot.matching.gloss`). That verdict can change only what a question-kind stage
        puts another way, or a "did you mean" it agrees with (`Params.gloss_agreement`),
        so it is worked out only when it could."""
        assert self.glossary is not None and self.base is not None
        english = self.base
        # A word the glossary cannot read is read as the store word it is a typo of.
        mend = functools.partial(correct, index=self.index, params=self.params)
        # Read as `score` reads: whole, and a chatty message's question sentences alone.
        glossed, alone = readings(
            self.glossary.read(query.shown, mend), english.index, english.params
        )
        refinable = any(could_refine(reading) for reading in (glossed, alone) if reading)
        if not refinable and not could_agree(match, params.gloss_agreement):
            return match
        verdict = english.verdict(english._best_reading(glossed, alone))
        # Only a yes/no check needs to know whether every word was read.
        checks = verdict.form in (Form.YES, Form.NO)
        fully_read = not checks or not self.glossary.unread(query.shown, mend)
        return combine(
            match,
            in_language(verdict, self.store),
            fully_read=fully_read,
            agreement=params.gloss_agreement,
            store=self.store,
            offer=self.params.clarify_threshold,
        )

    def _own_verdict(self, scored: Scored, params: Params | None = None) -> Match:
        params = params or self.params
        match = self._decided(scored, params)
        match = refine(self, scored.query, scored.candidates, match, params)
        if scored.query.cut or self.store.language != "en":
            match = replace(match, cut=scored.query.cut, language=self.store.language)
        return match

    def plain_verdict(self, question: str, params: Params) -> Match:
        """The verdict on `question` before any question-kind stage (for those stages)."""
        return self._decided(self.score(question), params)

    def _decided(self, scored: Scored, params: Params) -> Match:
        """Stages 5-6. When no entry fits, one sentence of the release may still answer
        the question clearly: that is an answer too, quoted."""
        query = scored.query
        match = decide(query.shown, scored.candidates, self.index.by_id, params)
        if match.kind is Kind.CLARIFY and self.passages and self._asks_enough(query, params):
            match = self._confirmed(query, match, params)
        if match.kind is Kind.FALLBACK and self.passages and self._asks_enough(query, params):
            found = self.passages.find(query.shown, params)
            # Nor does a sentence answer an age or a cost it does not state (`checks`).
            if found is not None and not unstated_in(query, self.index.tokens(found.sentence)):
                match = Match(query.shown, Kind.ANSWER, found.score, passage=found.sentence)
        return match

    def _confirmed(self, query: Query, match: Match, params: Params) -> Match:
        """A "did you mean" whose first entry quotes the one sentence of the release
        that clearly answers the question (`passages`): two readings agree, so the
        entry answers. A doubtful or swapped first entry stays an offer."""
        assert self.passages is not None
        top = match.suggestions[0]
        entry = self.index.by_id[top.intent].entry
        if entry is None or top.doubtful or top.swapped:
            return match
        found = self.passages.find(query.shown, params)
        if (
            found is None
            or found.score < params.passage_confirms
            or found.sentence not in entry.source
        ):
            return match
        return Match(query.shown, Kind.ANSWER, max(top.score, found.score), entry=entry)

    @staticmethod
    def _asks_enough(query: Query, params: Params) -> bool:
        """A sentence may answer a real question, not a keyword or two ("almaty ambassador")."""
        return len(set(query.words) - QUESTION_WORDS) >= params.passage_min_words


def _sureness(scored: Scored, params: Params) -> float:
    """How surely the best candidate answers: its score, less `doubt_margin` when it is
    doubtful; 0 when it is swapped or there is none."""
    if not scored.candidates or scored.candidates[0].swapped:
        return 0.0
    top = scored.candidates[0]
    return top.score - (params.doubt_margin if top.doubtful else 0.0)


def _confirmed(resolved: Scored, alone: Scored, params: Params) -> Scored | None:
    """Of a question pointing back, read with its context's names (`resolved`) and
    alone: the surer, when both find the same best entry (the names only confirm it),
    else the resolved reading (alone, the question does not say who "he" is)."""
    if not resolved.candidates:
        return None
    if alone.candidates and alone.candidates[0].intent == resolved.candidates[0].intent:
        return max(resolved, alone, key=lambda s: _sureness(s, params))
    return resolved


# "he", "there": a question with one of these may be about its context.
BACK_REFERENCES = words("back_references")


# "there is", "there are": no place pointed back to.
_EXISTENTIAL_THERE = re.compile(r"\bthere (?:is|are|was|were|be|been)\b")


def _refers_back(query: Query) -> bool:
    return bool(BACK_REFERENCES & set(query.text.split()))


def _points_back(query: Query) -> bool:
    """Whether the question points back to something its context names: "he", "it",
    "there" in a place ("who is the ambassador there?"), not "are there flights?"."""
    return bool(BACK_REFERENCES & set(_EXISTENTIAL_THERE.sub(" ", query.text).split()))


def _reads_better(alone: Scored, whole: Scored, params: Params) -> bool:
    """Whether the question sentences alone read better than the whole message: the same
    best entry more surely, or any entry when the whole message resembles none well
    enough to offer it (`suggestion_floor`), or ties it with another. The
    context a question leaves out may be what it asks about ("My grandpa spoke of General
    Hong. Did the meeting mention him?"): another best entry is never taken on trust."""
    if _sureness(alone, params) <= _sureness(whole, params):
        return False
    if whole.candidates and whole.candidates[0].swapped and _refers_back(alone.query):
        return False  # the context rules the entry out ("I write about Japan. Who is there?")
    if not whole.candidates or whole.candidates[0].score < params.suggestion_floor:
        return True  # the whole message is not even close enough to offer an entry
    # The same best entry, or one the whole message ties with it (within `margin`): the
    # whole message does not tell the two apart, and its question sentences do.
    best = alone.candidates[0].intent
    tied = whole.candidates[0].score - params.margin
    return any(c.intent == best and c.score >= tied for c in whole.candidates)
