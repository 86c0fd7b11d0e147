"""Near-duplicate questions, grouped: "how many flights to seoul" and "flights to Seoul??".

Texts are compared after `normalise` (case, punctuation, spacing), so exact
repeats cost nothing. The rest is a single greedy pass, most frequent text
first: a text joins the group whose first text (its *leader*) it resembles
best, if that similarity reaches `GROUP_CUTOFF`; otherwise it leads a new
group. It is compared only with leaders that share a content word with it,
at most `MAX_CANDIDATES` of them, so the pass stays near-linear in the number
of distinct texts however many groups there are.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.language import STOPWORDS, normalise, stem

# Similarity (rapidfuzz token_set_ratio, 0-100) at which two questions count
# as one. token_set_ratio ignores word order and repeated words, and scores a
# question found whole inside a longer one high ("flights to seoul" in "how
# many flights to seoul per week"), which is what people's rewordings look
# like. On its own it would also put every question that contains a short one
# in that one's group ("almaty seoul" would take "ticket price almaty seoul"),
# so the pair's token_sort_ratio, which sees the words that differ, must reach
# the cut-off too, less `SORT_SLACK`. Chosen by reading the groups of the 528
# questions of tests/data/eval.yaml (`python -m bot review` on a log of them):
# rewordings of one question group together, different asks about the same
# names mostly do not (string similarity cannot tell "Almaty-Tokyo" from
# "Almaty-Seoul"; the matcher's verdict per group, shown beside it, can).
GROUP_CUTOFF = 80.0
SORT_SLACK = 15.0
# Leaders scored with token_sort_ratio after token_set_ratio picked them.
MAX_CLOSE = 5
# Leaders compared with one text: at most `MAX_CANDIDATES`, those with its
# rarest content word first, then its next rarest (up to `RAREST_WORDS`). A
# word's rarity is the number of leaders that have it, and a word's leaders are
# kept largest group first. This bounds the work per text, so grouping stays
# near-linear in the number of distinct texts, whatever the number of groups.
MAX_CANDIDATES = 20
RAREST_WORDS = 3


@dataclass(frozen=True)
class Group:
    """Questions that ask the same thing, as asked: (text, times) pairs, most frequent first."""

    texts: tuple[tuple[str, int], ...]

    @property
    def leader(self) -> str:
        """The most frequent wording (the first one seen, on a tie)."""
        return self.texts[0][0]

    @property
    def count(self) -> int:
        return sum(n for _, n in self.texts)


def content_words(normalised: str) -> list[str]:
    """The words of a normalised text that say what it asks about (stems, no stopwords)."""
    return [stem(w) for w in normalised.split() if w not in STOPWORDS]


def group_texts(
    texts: Iterable[str], progress: Callable[[int, int], None] | None = None
) -> list[Group]:
    """Group `texts` (repeats included) into near-duplicates, largest group first."""
    return group_counts(Counter(texts), progress)


def group_counts(
    counts: Mapping[str, int], progress: Callable[[int, int], None] | None = None
) -> list[Group]:
    """Group texts asked `counts[text]` times each into near-duplicates, largest first."""
    return group_index(counts, progress)[0]


def group_index(
    counts: Mapping[str, int], progress: Callable[[int, int], None] | None = None
) -> tuple[list[Group], dict[str, int]]:
    """`group_counts`, and the index in it of each text of `counts`."""
    wordings: dict[str, Counter[str]] = defaultdict(Counter)  # normalised -> raw texts
    for text, times in counts.items():
        wordings[normalise(text)][text] += times
    totals = {key: sum(raws.values()) for key, raws in wordings.items()}
    order = sorted(totals, key=lambda key: (-totals[key], key))
    members = _greedy(order, progress)
    groups = [_group(keys, wordings) for keys in members]
    ranked = sorted(range(len(groups)), key=lambda i: (-groups[i].count, groups[i].leader))
    index = {raw: rank for rank, i in enumerate(ranked) for k in members[i] for raw in wordings[k]}
    return [groups[i] for i in ranked], index


def _group(keys: list[str], wordings: Mapping[str, Counter[str]]) -> Group:
    """One group: each normalised key shown as its most frequent raw wording."""
    shown = [(wordings[k].most_common(1)[0][0], sum(wordings[k].values())) for k in keys]
    return Group(tuple(sorted(shown, key=lambda t: -t[1])))


def _greedy(order: list[str], progress: Callable[[int, int], None] | None) -> list[list[str]]:
    """Assign each key (most frequent first) to the best leader, or make it a leader."""
    leaders: list[str] = []
    members: list[list[str]] = []
    by_word: dict[str, list[int]] = defaultdict(list)  # content word -> leader indices
    by_words: dict[tuple[str, ...], int] = {}  # the same content words: the same group
    for done, key in enumerate(order, 1):
        words = tuple(sorted(set(content_words(key)) or set(key.split())))  # sorted: repeatable
        best = by_words.get(words)
        if best is None:
            best = _best_leader(key, words, leaders, by_word)
        if best is None:
            best = len(leaders)
            for word in words:
                by_word[word].append(best)
            leaders.append(key)
            members.append([key])
        else:
            members[best].append(key)
        by_words.setdefault(words, best)
        if progress is not None and (done % 256 == 0 or done == len(order)):
            progress(done, len(order))
    return members


def _best_leader(
    key: str, words: tuple[str, ...], leaders: list[str], by_word: Mapping[str, list[int]]
) -> int | None:
    postings = sorted((by_word[w] for w in words if w in by_word), key=len)[:RAREST_WORDS]
    # The rarest word's leaders first; each word's largest groups first.
    ordered = dict.fromkeys(i for posting in postings for i in posting[:MAX_CANDIDATES])
    candidates = list(ordered)[:MAX_CANDIDATES]
    if not candidates:
        return None
    found = process.extract(
        key,
        [leaders[i] for i in candidates],
        scorer=fuzz.token_set_ratio,
        score_cutoff=GROUP_CUTOFF,
        limit=MAX_CLOSE,
    )
    for leader, _, index in found:  # best first
        if fuzz.token_sort_ratio(key, leader) + SORT_SLACK >= GROUP_CUTOFF:
            return candidates[index]
    return None
