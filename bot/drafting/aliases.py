"""What a release calls its names later: "Parley, an app ..." is "the app"; the
"Brackwater Museum of Natural History" is "the museum".

People ask by name ("Who is Parley for?") about a sentence that says "the app";
a question drafted with "the app" is drafted with the name too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from bot.drafting.phrases import find_entities, kinds_of
from bot.drafting.questions.collect import noun_phrase
from bot.drafting.verbs import clean_word
from bot.language import split_sentences, words
from bot.language.lexicon import rows

Aliases = tuple[tuple[str, str], ...]  # ("app", "Parley"): "the app" means Parley

_NAME = r"[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*"
# "Parley, an app that ...", '"Hidden Kingdom", its largest exhibition on fungi'.
_APPOSITIVE = re.compile(rf"(?P<name>{_NAME})[\"”’]?,\s+(?:an?|its|their)\s+(?P<np>[^,;.:]+)")
_MOST_ALIASES = 12
_AGENT_ENDINGS = tuple(words("agent_suffixes"))
_ROLES = frozenset(word.lower() for row in rows("role_titles") for word in row)


def release_aliases(flat: str, lower_words: frozenset[str]) -> Aliases:
    """Each common noun the release uses for exactly one of its names, with that name."""
    found: dict[str, set[str]] = {}
    said = set(re.findall(r"\b[Tt]he ([a-z]+)\b", flat))  # "the app" is written somewhere
    for noun, name in [*_appositives(flat), *_headed(flat, lower_words)]:
        if noun in said and noun not in _ROLES:
            found.setdefault(noun, set()).add(name)
    pairs = []
    for noun, names in found.items():
        shortest = min(names, key=len)
        if all(shortest in name for name in names):  # one name, also written in full
            pairs.append((noun, _as_written(shortest, flat)))
    return tuple(pairs[:_MOST_ALIASES])


def _as_written(name: str, flat: str) -> str:
    """The name as the release writes it: with its possessives ("Marlowe Children's Wing")
    and its "the" when the release gives it one ("the Marlowe Children's Wing")."""
    pattern = r"(?:[’']s)?\s+".join(re.escape(word) for word in name.split())
    found = list(re.finditer(rf"(?P<the>\b[Tt]he\s+)?\b{pattern}\b", flat))
    if not found:
        return name
    written = found[0].group(0)[len(found[0]["the"] or "") :]
    return f"the {written}" if any(f["the"] for f in found) else written


def _appositives(flat: str) -> Iterable[tuple[str, str]]:
    for match in _APPOSITIVE.finditer(flat):
        phrase = re.split(r"\s+(?:that|which|who|where|with|on|in|for|of|to)\s+", match["np"])[0]
        head = clean_word(noun_phrase(phrase).split()[-1]) if phrase.split() else ""
        name = re.split(r"\b(?:The|A|An)\s+", match["name"])[-1]  # after a heading too
        person = head.endswith(_AGENT_ENDINGS)  # "Arjun Mehta, its chief technology officer"
        if head.isalpha() and len(name) > 1 and not person:
            yield head, name


def _headed(flat: str, lower_words: frozenset[str]) -> Iterable[tuple[str, str]]:
    """ "Marlowe Children's Wing" -> ("wing", ...); "Quillstone Ltd" -> ("company", ...)."""
    for name in find_entities(flat, lower_words):
        words = name.split(" of ", maxsplit=1)[0].split()
        if len(words) < 2:
            continue
        yield words[-1].lower(), name
        for kind in kinds_of(name):
            yield kind, name


def main_name(flat: str, lower_words: frozenset[str]) -> str:
    """The name the release mentions most often (its product, event or place)."""
    counts: Counter[str] = Counter()
    for sentence in split_sentences(flat):  # one pass: a name counts once a sentence
        for name in find_entities(sentence, lower_words):
            if len(name.split()) <= 3 and not re.search(r"\d", name):
                counts[name] += 1
    return counts.most_common(1)[0][0] if counts else ""


def with_names(questions: Iterable[str], aliases: Aliases, most: int = 4) -> list[str]:
    """Questions that say "the app" also asked with the name it stands for, and
    questions that say "Hidden Kingdom" also asked with "the exhibition"."""
    named: list[str] = []
    for question in questions:
        if not question.endswith("?"):
            continue
        for noun, name in aliases:
            said = re.search(rf"\bthe {re.escape(noun)}\b", question)
            if said and name not in question:
                named.append(question[: said.start()] + name + question[said.end() :])
                break
            defined = question in (f"Who is {name}?", f"What is {name}?")  # never "Who is the app?"
            if name in question and not defined and not re.search(rf"\b{noun}\b", question):
                named.append(
                    re.sub(rf"(?:\b[Tt]he\s+)?{re.escape(name)}", f"the {noun}", question, count=1)
                )
                break
        if len(named) >= most:
            break
    return named
