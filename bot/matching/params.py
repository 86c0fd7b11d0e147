"""Every tunable number of the matcher, in one frozen dataclass.

Scores are numbers in [0, 100]. The store's own settings (its thresholds and
query cap) feed the same table through `Params.for_store`, so one object says
how a question is read, scored and decided, and `python -m bot eval FILE
--sweep NAME=FROM:TO:STEP` can re-run the sweep behind any value below.

Each field carries its stage in its metadata: `index` fields shape the tables
built once per store, `score` fields the candidates of a question, and
`verdict` fields only the last step (thresholds, the passage fallback), so a
sweep over a verdict field re-scores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal, TypeVar

from bot.store import Settings

Stage = Literal["index", "score", "verdict"]
_T = TypeVar("_T", int, float)


def _param(default: _T, doc: str, stage: Stage = "score") -> _T:
    """A field of `Params`: its default, its one-line meaning and the stage that reads it."""
    made: Any = field(default=default, metadata={"doc": doc, "stage": stage})
    return made  # type: ignore[no-any-return]


# Values marked "chosen by a sweep" were picked on tests/data/eval.yaml with the
# shipped store; the comment beside each gives the `python -m bot eval
# tests/data/eval.yaml --sweep ...` argument that re-runs its sweep, and what it
# showed (2026-11-29: accuracy / rejection on 348 + 180 questions).


@dataclass(frozen=True)
class Params:
    """How questions are read, scored and decided. Build with `Params.for_store`."""

    # --- The store's settings (`settings:` in the YAML; see bot.store.Settings) ---
    answer_threshold: float = _param(
        Settings.answer_threshold, "a candidate at or above this is answered", "verdict"
    )
    clarify_threshold: float = _param(
        Settings.clarify_threshold, "candidates at or above this are offered", "verdict"
    )
    margin: float = _param(Settings.margin, "an answer must lead the runner-up by this", "verdict")
    max_query_chars: int = _param(
        Settings.max_query_chars, "characters of the question sentence that are matched"
    )
    gloss_agreement: float = _param(
        Settings.gloss_agreement,
        "a 'did you mean' entry this good is answered when the English gloss answers it too",
        "verdict",
    )

    # --- Reading a question ---
    max_input_chars: int = _param(
        2000, "characters of a message read to find its question sentence in"
    )
    max_query_words: int = _param(60, "words of the question that are matched (bounds the work)")
    # Typo correction: a word within this rapidfuzz ratio of a store word is read
    # as that word. Short words need to be near-exact, so an unknown name never
    # becomes a known one ("Japan" must never become "Astana").
    typo_cutoff_long: float = _param(84.0, "typo cut-off for words of 7+ letters (a slip or two)")
    typo_cutoff_short: float = _param(88.0, "typo cut-off for words of 4-6 letters (one slip)")
    min_typo_len: int = _param(4, "shorter words are never corrected", "index")
    # "youth" is not "south": only longer words are read as a name an edit or two off.
    min_name_typo_len: int = _param(
        6, "words this long one edit from a name of the release (two for 8+) are that name", "index"
    )

    # --- Which names are the release's subject ---
    subject_share: float = _param(
        0.5, "a name in this share of the release's sentences is its subject", "index"
    )

    # --- Coverage: how much of the question an entry accounts for ---
    word_weight_cap: int = _param(8, "a content word weighs its length, up to this")
    # Chosen by a sweep: --sweep off_entry_word_weight=0.3:0.7:0.1 keeps accuracy at
    # 95.4% from 0.3 to 0.6; rejection is 97.2% below 0.5, 98.9% at 0.5, 99.4% at 0.6.
    off_entry_word_weight: float = _param(
        0.5, "share of its weight a word the store uses elsewhere costs an entry"
    )
    # Chosen by a sweep: --sweep rare_word_weight=2:6:1 trades accuracy for rejection
    # (2: 96.3% / 90.6%, 3: 96.0% / 96.1%, 4: 95.4% / 98.9%, 5: 94.8% / 98.9%).
    rare_word_weight: float = _param(
        4.0, "weight of a rare word the store never saw, however long (4: a short word)"
    )
    # Chosen by a sweep: --sweep common_word_weight=0:0.4:0.1 (0.1: 95.7% / 97.8%,
    # 0.2: 95.4% / 98.9%, 0.3: 95.1% / 98.9%).
    common_word_weight: float = _param(
        0.2, "share of its weight an unknown everyday word costs an entry"
    )
    passing_name_weight: float = _param(
        0.5, "share of its weight a name the entry states only in its answer costs it"
    )
    rare_doubt_share: float = _param(
        0.1, "unknown rare words carrying this share of the question make a match doubtful"
    )

    # --- Similarity of the question to one phrasing ---
    set_ratio_share: float = _param(
        0.4, "say of the word-set ratio when it beats the whole-string ratios"
    )
    explained: float = _param(
        0.85, "coverage at which an entry's best phrasing may match a part of the question"
    )
    explained_set_share: float = _param(
        0.2, "the extra say of the word-set ratio for such an entry"
    )

    # --- Checks (bot/matching/checks.py) ---
    # --sweep name_swap_factor=0.8:1:0.05 changes nothing (a swapped candidate is
    # never answered anyway; the factor only ranks it lower among the offers).
    # --sweep question_kind_factor=0.75:0.95:0.05: 0.85 and 0.9 reject 98.9%,
    # 0.8 and below 98.3%, 0.95 96.1%; accuracy stays 95.4%.
    name_swap_factor: float = _param(
        0.9, "score factor when the question puts another name or figure in the entry's place"
    )
    question_kind_factor: float = _param(
        0.85, 'score factor for a "when"/"who" question to an entry no phrasing asks that way'
    )

    # --- Retrieval ---
    shortlist_cap: int = _param(2000, "phrasings scored at most (those sharing a word first)")
    shortlist_nearest: int = _param(200, "nearest phrasings scored when none shares a word")

    # --- Decision ---
    # Chosen by a sweep: --sweep doubt_margin=0:20:5 (0: 96.0% / 86.7%, 5: 95.7% /
    # 93.9%, 10: 95.4% / 98.9%, 15 and 20: 94.8% / 98.9%).
    doubt_margin: float = _param(
        10.0,
        "extra points a doubtful candidate needs to be answered",
        "verdict",
    )
    max_clarify: int = _param(3, 'candidates offered in a "did you mean"', "verdict")
    suggestion_floor: float = _param(
        45.0, "a fallback still offers candidates this good; also the nearest-phrasing cut-off"
    )

    # --- Answering from a sentence of the release (bot/matching/passages.py) ---
    passage_min_words: int = _param(
        3, "distinct content words a question needs to be answered by a sentence", "verdict"
    )
    # A sweep of the minimum 60-90 and the margin 0-20 over the draft stores of
    # tests/data/releases and knowledge/release.txt changed nothing: 75 / 10 sit in
    # the middle (an answer must cover most of what was asked and clearly win).
    # On the shipped store --sweep passage_min_score=60:90:5 and passage_margin=0:20:5
    # change nothing either (its entries cover the eval). The drafts' eval files name
    # sentences, not entries: tests/test_builder.py's score_draft scores those.
    passage_min_score: float = _param(75.0, "a sentence answers from this score", "verdict")
    passage_margin: float = _param(
        10.0, "and only when it leads the next sentence by this", "verdict"
    )
    # --sweep passage_confirms=75:95:5 on eval.yaml: 75 and 80 96.0% / 99.0%, 85 and
    # up 95.7% / 99.0%; at 75 a draft answers an interest rate it does not state.
    passage_confirms: float = _param(
        80.0,
        "a sentence this clear makes the 'did you mean' entry that quotes it the answer",
        "verdict",
    )
    passage_common_weight: float = _param(
        0.35, "share of a word an everyday word the release never uses costs", "verdict"
    )
    passage_min_sentence_words: int = _param(
        4, "shorter sentences are headings and labels, never answers", "index"
    )
    passage_max_sentence_chars: int = _param(
        600, "longer sentences are page text, never answers", "index"
    )

    @classmethod
    def for_store(cls, settings: Settings, **overrides: Any) -> Params:
        """The defaults, with the store's settings and then `overrides` in their place."""
        base = replace(
            cls(),
            answer_threshold=settings.answer_threshold,
            clarify_threshold=settings.clarify_threshold,
            margin=settings.margin,
            max_query_chars=settings.max_query_chars,
            gloss_agreement=settings.gloss_agreement,
        )
        return replace(base, **overrides) if overrides else base


def describe() -> list[tuple[str, Any, str, Stage]]:
    """Every field: name, default, one-line meaning and stage (for help and sweeps)."""
    return [
        (f.name, f.default, str(f.metadata["doc"]), f.metadata["stage"]) for f in fields(Params)
    ]


def stage(name: str) -> Stage:
    """The stage that reads the field `name` (KeyError when there is none)."""
    for f in fields(Params):
        if f.name == name:
            found: Stage = f.metadata["stage"]
            return found
    raise KeyError(name)
