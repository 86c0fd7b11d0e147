"""Finding the main verb group of a clause, and turning a statement into a question."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.drafting.vocabulary import (
    ADVERBS,
    AUX,
    BE,
    DETERMINERS,
    HAVE,
    IRREGULAR,
    MODALS,
    PAST_OF,
    PLURAL_PRONOUNS,
    PREPOSITIONS,
    RELATIVE,
    REPORTING,
    VERBS,
)
from bot.language import (
    STOPWORDS,
)


def base_form(word: str) -> str:
    """The base form of an English verb form: "approved" -> "approve", "flies" -> "fly"."""
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w in VERBS:
        return w
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ed") and len(w) > 4:
        for candidate in (w[:-1], w[:-2], w[:-3]):
            if candidate in VERBS:
                return candidate
        stem_ = w[:-2]
        if stem_[-1] == stem_[-2] and stem_[-1] not in "lsfz":
            return stem_[:-1]  # planned -> plan
        pairs = re.search(r"[aeiou]{2}[a-z]$", stem_)
        if re.search(r"[cvz]$|[^aeiou][aeio]s$|ar$", stem_) or (
            not pairs and re.search(r"[^aeiou][aiou](?:t|d|r|n|m|k|g)$", stem_)
        ):
            return stem_ + "e"  # noted -> note, combined -> combine
        return stem_
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if re.search(r"(?:sh|ch|ss|x|z|o)es$", w):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def clean_word(token: str) -> str:
    return token.strip(",;:()[]\"“”‘’'.!?").lower()


def is_participle(word: str) -> bool:
    return (word.endswith("ed") and len(word) > 4) or word in IRREGULAR


def is_name(token: str) -> bool:
    bare = token.strip(",;:()[]\"“”‘’'")
    return bool(bare) and (bare[0].isupper() or bare[0].isdigit())


@dataclass(frozen=True)
class Verb:
    index: int  # first word of the verb group
    words: tuple[str, ...]  # e.g. ("will", "add"), ("approved",)
    tense: str  # aux, be (copula), have (possession), past, present, plural


def _verb_group(words: Sequence[str], index: int) -> list[str]:
    """The auxiliaries, adverbs and main verb starting at `words[index]` (an auxiliary)."""
    group = [clean_word(words[index])]
    j = index + 1
    while j < len(words) and (clean_word(words[j]) in AUX or clean_word(words[j]) in ADVERBS):
        if words[j - 1].endswith(","):
            break
        group.append(clean_word(words[j]))
        j += 1
    if j < len(words) and not words[j - 1].endswith(","):
        nxt = clean_word(words[j])
        # After "can", "will" or "did" comes a verb, known or not ("can view", "will ride").
        bare = group[-1] in MODALS and nxt.isalpha() and nxt not in STOPWORDS
        if is_participle(nxt) or nxt in VERBS or (bare and not words[j][:1].isupper()):
            group.append(nxt)
    while len(group) > 1 and group[-1] in ADVERBS:
        group.pop()
    return group


def find_verb(words: Sequence[str], *, vp: bool = False) -> Verb | None:
    """The main verb group of a clause (`vp`: the clause may start with it).

    Skips asides (", led by Dr. Smith,") and relative clauses ("plans that are
    created"), which have verbs of their own.
    """
    index = 0 if vp else 1
    aside_done = False
    relative_seen = False
    while index < len(words):
        word = clean_word(words[index])
        if not aside_done and _opens_aside(words, index):
            # ", led by Dr. Smith," is an aside: continue after its closing comma.
            index, aside_done = _next_comma(words, index) + 1, True
            continue
        if word in RELATIVE and index:
            relative_seen = True
            index = _after_relative(words, index + 1)
            continue
        if not _may_be_verb(words, index):
            index += 1
            continue
        verb = _verb_at(words, index, relative_seen=relative_seen)
        if verb is not None:
            return verb
        index += 1
    return None


def _opens_aside(words: Sequence[str], index: int) -> bool:
    """A participle right after a comma that opens an aside: ", led by Dr. Smith, ..."."""
    if not index or not words[index - 1].endswith(","):
        return False
    word = clean_word(words[index])
    if not is_participle(word):
        return False
    following = clean_word(words[index + 1]) if index + 1 < len(words) else ""
    closing = next(
        (j for j in range(index, min(len(words) - 1, index + 9)) if words[j].endswith(",")),
        None,
    )
    after_aside = clean_word(words[closing + 1]) if closing is not None else ""
    return (
        following in PREPOSITIONS
        or after_aside in AUX
        or is_participle(after_aside)
        or base_form(after_aside) in VERBS
    )


def _next_comma(words: Sequence[str], index: int) -> int:
    """The index of the first word from `index` on that ends with a comma (or the end)."""
    return next((j for j in range(index, len(words)) if words[j].endswith(",")), len(words))


def _after_relative(words: Sequence[str], index: int) -> int:
    """Where to go on after a relative pronoun: past the relative clause's own verb."""
    if index < len(words) and clean_word(words[index]) in AUX:
        return index + len(_verb_group(words, index))
    if index < len(words) and (
        clean_word(words[index]) in VERBS or base_form(clean_word(words[index])) in VERBS
    ):
        return index + 1
    return index


def _may_be_verb(words: Sequence[str], index: int) -> bool:
    """False after a determiner, "to" or "with", for a name (but the first word), a non-word.

    "an open day with guided tours": a participle after "with" describes a noun.
    """
    raw = words[index]
    prev = clean_word(words[index - 1] if index else "")
    blocked = prev in DETERMINERS or prev in ("to", "with")
    return not (blocked or (is_name(raw) and index) or not clean_word(raw).isalpha())


def _verb_at(words: Sequence[str], index: int, *, relative_seen: bool) -> Verb | None:
    """The verb group starting at `words[index]`, if one does: auxiliary, past, present, plural."""
    word = clean_word(words[index])
    following = clean_word(words[index + 1]) if index + 1 < len(words) else ""
    if word in AUX:
        return _auxiliary_group(words, index)
    if (word in IRREGULAR and word not in PAST_OF) or (word.endswith("ed") and len(word) > 4):
        return Verb(index, (word,), "past")
    if following in RELATIVE and base_form(word) not in REPORTING:
        return None  # "plans that ...": a noun with a relative clause ("show that" is a verb)
    present = word.endswith("s") and not word.endswith("ss") and base_form(word) in VERBS
    after_comma = bool(index) and words[index - 1].endswith(",")
    if present and following and not after_comma:
        return Verb(index, (word,), "present")
    if word in VERBS and _plural_subject(words, index, relative_seen=relative_seen):
        return Verb(index, (word,), "plural")
    return None


def _auxiliary_group(words: Sequence[str], index: int) -> Verb:
    group = _verb_group(words, index)
    word = group[0]
    tense = "aux"
    if len(group) == 1 and word in HAVE:
        tense = "have"
    elif len(group) == 1 and word in BE:
        tense = "be"
    return Verb(index, tuple(group), tense)


def _plural_subject(words: Sequence[str], index: int, *, relative_seen: bool) -> bool:
    """Whether the word before `index` (past adverbs) is a plural: "The researchers now plan"."""
    back = index - 1
    while back > 0 and clean_word(words[back]) in ADVERBS:
        back -= 1
    prev = clean_word(words[back]) if index else ""
    return (
        prev in PLURAL_PRONOUNS or relative_seen or (prev.endswith("s") and not prev.endswith("ss"))
    )


def inverted_clause(subject: str, verb: Verb, tail: str) -> str:
    """ "the council approved" + tail -> "did the council approve <tail>"."""
    words = verb.words
    if verb.tense == "be" or (verb.tense == "aux" and words[0] in AUX and len(words) > 1):
        inverted = f"{words[0]} {subject} {' '.join(words[1:])}"
    elif verb.tense == "have":
        inverted = f"{HAVE[words[0]]} {subject} have"
    elif verb.tense == "past":
        inverted = f"did {subject} {base_form(words[0])}"
    elif verb.tense == "present":
        inverted = f"does {subject} {base_form(words[0])}"
    elif verb.tense == "plural":
        inverted = f"do {subject} {words[0]}"
    else:
        inverted = f"{words[0]} {subject}"
    return " ".join(f"{inverted} {tail}".split())


def ing_base(word: str) -> str:
    """ "shipping" -> "ship", "opening" -> "open", "combining" -> "combine"."""
    stem_ = word[:-3]
    if len(stem_) > 2 and stem_[-1] == stem_[-2] and stem_[:-1] in VERBS:
        return stem_[:-1]
    if stem_ + "e" in VERBS:
        return stem_ + "e"
    return stem_


def in_tense_of(main: Verb, base: str, subject: str) -> Verb:
    """A participle's verb in the tense of the main verb: "will treat, serving" -> will serve."""
    if main.tense == "aux" and main.words and main.words[0] in AUX:
        return Verb(0, (main.words[0], base), "aux")
    if main.tense == "past":
        return Verb(0, (base,), "past")
    plural = subject.endswith("s") and not subject.endswith("ss")
    return Verb(0, (base,), "plural" if plural else "present")
