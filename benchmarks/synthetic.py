"""Synthetic stores of any size, for measuring how the matcher scales.

A generated store is the shipped store (its document, settings, synonyms,
small talk and all its entries, so the evaluation questions still have their
answers) plus synthetic entries up to the requested size. Each synthetic entry
is one attribute of one invented place ("the annual budget of Varokinsk"),
asked in `PHRASINGS_PER_ENTRY` of the ways people type, with a typo-free
answer and source sentence.

The `Store` is built directly from the dataclasses in `bot.store`, not
written as YAML and read back: `load_store` validates every answer against the
document, which a synthetic store cannot pass (its facts are not in the
release) and which at 100,000 entries would take minutes. The matcher only
reads `Store` fields, so it sees exactly what it would see after loading.
"""

from __future__ import annotations

import random
from dataclasses import replace

from bot.store import Entry, Store

# The shipped store has ~12.7 phrasings per entry; synthetic entries get 6 so a
# 100,000-entry store (600,000 phrasings) builds in well under a minute.
PHRASINGS_PER_ENTRY = 6

_ONSETS = "b d g k l m n p r s t v z br dr kr st tr sh ch zh".split()
_VOWELS = "a e i o u ay ei ou".split()
_CODAS = ["", "", "n", "r", "l", "k", "s", "m"]
_SUFFIXES = ["", "sk", "ovo", "abad", "ville", "burg", "stan", "ia", "grad", "ton"]

# (attribute, short form, unit) of a place; each becomes one entry per place.
ATTRIBUTES: tuple[tuple[str, str, str], ...] = (
    ("annual budget", "budget", "million dollars"),
    ("population", "population", "people"),
    ("number of flights per week", "flights", "flights"),
    ("founding year", "founded", ""),
    ("main export", "export", ""),
    ("mayor", "mayor", ""),
    ("area", "area", "square kilometres"),
    ("number of schools", "schools", "schools"),
    ("tallest building", "tallest building", ""),
    ("twin city", "twin city", ""),
    ("average rainfall", "rainfall", "millimetres"),
    ("main airport", "airport", ""),
    ("largest employer", "employer", ""),
    ("number of hospitals", "hospitals", "hospitals"),
    ("official language", "language", ""),
    ("trade volume with Korea", "trade with korea", "million dollars"),
    ("number of universities", "universities", "universities"),
    ("main festival", "festival", ""),
    ("power plant capacity", "power plant", "megawatts"),
    ("length of its ring road", "ring road", "kilometres"),
)

_TEMPLATES = (
    "What is the {attr} of {name}?",
    "{name} {short}",
    "tell me the {attr} of {name}",
    "how about the {short} in {name}",
    "{short} of {name}?",
    "What {short} does {name} have?",
    "Can you give me {name}'s {attr}?",
    "I'd like to know the {attr} for {name}",
    "{name}: {attr}",
    "what's {name}'s {short}",
)


def place_names(count: int, rng: random.Random) -> list[str]:
    """`count` distinct invented place names ("Drouvinsk", "Talmeburg")."""
    names: set[str] = set()
    while len(names) < count:
        syllables = rng.randint(2, 3)
        word = "".join(
            rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
        )
        names.add((word + rng.choice(_SUFFIXES)).capitalize())
    return sorted(names)


def _entry(index: int, name: str, attribute: tuple[str, str, str], rng: random.Random) -> Entry:
    attr, short, unit = attribute
    questions = tuple(
        t.format(attr=attr, short=short, name=name)
        for t in rng.sample(_TEMPLATES, PHRASINGS_PER_ENTRY)
    )
    value = f"{rng.randint(2, 9000)} {unit}".strip() if unit else f"the one in {name}"
    sentence = f"The {attr} of {name} is {value}."
    return Entry(
        id=f"syn-{index}",
        topic=f"{name}",
        questions=questions,
        answer=sentence,
        source=sentence,
    )


def generate(base: Store, total_entries: int, seed: int = 1) -> Store:
    """`base` plus synthetic entries, `total_entries` entries in all."""
    rng = random.Random(seed)
    wanted = max(0, total_entries - len(base.entries))
    names = place_names(wanted // len(ATTRIBUTES) + 1, rng)
    synthetic = [
        _entry(i, names[i // len(ATTRIBUTES)], ATTRIBUTES[i % len(ATTRIBUTES)], rng)
        for i in range(wanted)
    ]
    entries = base.entries + tuple(synthetic)
    return replace(base, entries=entries, _by_id={e.id: e for e in entries})


def questions_for(store: Store, count: int, seed: int = 2) -> list[str]:
    """Questions about synthetic entries, reworded and with a typo in half of them."""
    rng = random.Random(seed)
    synthetic = [e for e in store.entries if e.id.startswith("syn-")]
    if not synthetic:
        return []
    questions = []
    for _ in range(count):
        entry = rng.choice(synthetic)
        question = rng.choice(entry.questions).rstrip("?")
        if rng.random() < 0.5:
            words = question.split()
            at = rng.randrange(len(words))
            word = words[at]
            if len(word) > 4:
                cut = rng.randrange(1, len(word) - 1)
                words[at] = word[:cut] + word[cut + 1 :]  # drop one letter
            question = " ".join(words)
        questions.append(f"so, {question.lower()}?")
    return questions
