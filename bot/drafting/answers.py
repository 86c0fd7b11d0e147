"""Answers that stand alone, and the parts of sentences that state several things."""

from __future__ import annotations

import re

from bot.drafting.clauses import split_clauses, subject_case
from bot.drafting.dates import strip_dateline
from bot.drafting.verbs import clean_word, find_verb
from bot.drafting.vocabulary import OPENERS, PRONOUNS

_COMPOUND = re.compile(
    r";\s+|,\s+(?:and|but|while|whereas)\s+|\s+and\s+(?=(?:\w+ly\s+)?(?:has|have|had|is|are|was"
    r"|were|will|can|could|would|should|may|might|must|\w+ed)\b)"
)


def compound_parts(sentence: str, hint: str) -> list[tuple[str, str]] | None:
    """The clauses of a sentence that states several things, as (source, answer) pairs.

    "During construction, bus route 14 will be diverted along Mill Road, and some
    parking on Queen Street will be removed." states two facts: each becomes an entry
    whose source is its clause and whose answer is that clause as a sentence ("During
    construction, some parking on Queen Street will be removed."). A clause without a
    subject of its own ("... and can cover 240 hectares") borrows the first one's.
    """
    if re.search(r"[\"“”]", sentence) or list_items(sentence) is not None:
        return None
    spans, opener = _clause_spans(sentence)
    if len(spans) < 2:
        return None
    parts: list[tuple[str, str]] = []
    subject = ""
    for number, (a, b) in enumerate(spans):
        text = sentence[a:b].strip(" ,;")
        own = text[len(opener) :].strip() if number == 0 else text
        verb = find_verb(own.split(), vp=number > 0)
        if verb is None or len(own.split()) < 3:
            return None
        if number == 0:
            clauses, _ = split_clauses(own)
            if not clauses:
                return None
            subject = clauses[0].subject
            if clean_word(subject) in PRONOUNS and hint:
                subject = hint
            source = sentence[:b].strip(" ,;")
            parts.append((source, standalone_answer(f"{source}.", subject=hint)))
            continue
        lead = f"{opener} " if opener else ""
        if verb.index == 0:
            said = subject_case(subject, frozenset()) if opener else subject
            answer = f"{lead}{said} {own}."
        else:
            answer = f"{lead}{own[0].lower() + own[1:] if opener else own}."
        parts.append((text, standalone_answer(answer)))
    return parts


def _clause_spans(sentence: str) -> tuple[list[tuple[int, int]], str]:
    """Where each clause of `sentence` starts and ends, and the opener they share."""
    body = strip_dateline(sentence)
    offset = len(sentence) - len(body)
    end = len(sentence.rstrip(".!?"))
    opener = ""
    words = body.split()
    if words and clean_word(words[0]) in OPENERS:
        comma = next((i for i, w in enumerate(words[:12]) if w.endswith(",")), None)
        if comma is not None:
            opener = " ".join(words[: comma + 1])
    start = offset + len(opener)
    cuts = [
        m
        for m in _COMPOUND.finditer(sentence, start, end)
        if "(" not in sentence[start : m.start()] or ")" in sentence[start : m.start()]
    ]
    spans = []
    left = offset
    for cut in cuts:
        spans.append((left, cut.start()))
        left = cut.end()
    spans.append((left, end))
    return spans, opener


def list_items(sentence: str) -> tuple[str, str, list[str]] | None:
    """A list-like sentence as (mode, lead, items): "There are: A, B and C." or "15 (13 X, 2 Y)"."""
    colon = sentence.find(": ")
    if 0 < colon < len(sentence) - 3:
        items = _split_items(sentence[colon + 2 :].rstrip(".!?"))
        if len(items) >= 3:
            return "colon", sentence[:colon], items
    paren = re.search(r"\s\((?P<inner>[^()]{10,})\)", sentence)
    if paren:
        items = _split_items(paren.group("inner"))
        if len(items) >= 2 and all(re.search(r"\d", i) for i in items):
            lead = sentence[: paren.start()] + sentence[paren.end() :]
            return "paren", lead.rstrip(".!?"), items
    return None


def _split_items(text: str) -> list[str]:
    separator = "; " if "; " in text else ", "
    parts: list[str] = []
    depth = 0
    current = ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        current += char
        if depth == 0 and current.endswith(separator):
            parts.append(current[: -len(separator)])
            current = ""
    parts.append(current)
    items: list[str] = []
    for part in parts:
        items.extend(re.split(r"\s+as well as\s+", part))
    cleaned = []
    for raw in items:
        item = re.sub(r"^(?:and|or|as well as)\s+", "", raw.strip()).strip(" ,;")
        if not item or re.fullmatch(r"(?:among others|etc\.?|and (?:more|others)|others)", item):
            continue
        if len(item.split()) < 2:
            return []  # a list of single words ("Astana, Almaty, and Kyzylorda") is one fact
        cleaned.append(item)
    return cleaned


def standalone_answer(
    sentence: str, *, intro: str = "", speaker: str = "", subject: str = ""
) -> str:
    """A standalone sentence saying what `sentence` says, in its words."""
    text = strip_dateline(sentence)
    if intro and not re.search(r"[.!?][\"”’)]*$", text):
        text = f"{intro.rstrip(':')}: {text}"
    quoted = text.lstrip()[:1] in '"“' or text.rstrip()[-1:] in '"”'
    if speaker and quoted and not re.search(r"\b(?:said|says|added|noted|stated)\b", text):
        text = f"{speaker} said: “{text.strip(chr(34) + '“”')}”"
    text = _balanced_quotes(_resolved_pronoun(text, subject)).strip()
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if not re.search(r"[.!?][\"”’)]*$", text):
        text += "."
    return text


def _resolved_pronoun(text: str, subject: str) -> str:
    """ "It ..." and "Its ..." with the subject they stand for."""
    first = text.split(" ", 1)[0]
    if subject and first in ("It", "They") and len(text.split()) > 2:
        return f"{subject} {text.split(' ', 1)[1]}"
    if subject and first in ("Its", "Their") and len(text.split()) > 2:
        mark = "’" if subject.endswith("s") and not subject.endswith("ss") else "’s"
        return f"{subject}{mark} {text.split(' ', 1)[1]}"
    return text


def _balanced_quotes(text: str) -> str:
    """A quote cut by a sentence end closed, a stray closing mark dropped."""
    opened = text.count("“") + text.count("‘")
    closed = text.count("”") + text.count("’") - len(re.findall(r"\w’\w", text))
    if text.count('"') % 2:
        return text + '"' if text.lstrip().startswith('"') else text.replace('"', "", 1)
    if text.count("“") > text.count("”") and opened > closed:
        return text + "”"
    if text.count("”") > text.count("“"):
        return text.replace("”", "", 1)
    return text
