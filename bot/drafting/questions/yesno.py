"""Yes/no questions people ask of what a sentence offers: "Is there a free plan?",
"Does it work offline?", "Who is it for?".

A release states what exists and what a product does; people ask whether it
exists or does it. Each rule turns such a sentence into those questions.
"""

from __future__ import annotations

import re

from bot.drafting.phrases import shorten
from bot.drafting.questions.collect import QuestionList
from bot.drafting.verbs import base_form, clean_word
from bot.drafting.vocabulary import AUX, DETERMINERS, IRREGULAR, PREPOSITIONS, PUBLIC, VERBS

# Verbs whose object is something on offer: "receive a 50% discount", "houses a school".
_OFFERING = frozenset(
    "receive receives get gets offer offers provide provides include includes houses has have"
    " features feature".split()
)
# "A free plan ..." or "On the fourth floor, a hospital school ...".
_OPENING = re.compile(
    r"^(?:(?:On|In|At|Inside|Outside|Near|Beside|Behind|Above|Below)\s[^,]{0,40},\s+)?(?=[Aa]n?\s)"
)
# A noun phrase ends before a relative clause or a participle: "a hospital school run by".
_NP_WORDS = 6
_NP_END = frozenset("that which who whom whose where when run held led made lent".split())
# "a 50% discount", "a new 12-bed unit": an object with its figures left out.
_OFFERED = re.compile(
    r"\b(?P<verb>\w+)\s+(?P<np>an?\s+(?:[\d.,]+%?\s+|[\w-]*\d[\w-]*\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})"
)
_FOR_WHOM = re.compile(
    r"\b(?P<np>(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+[\w-]+(?:\s+(?!is\b|are\b)[\w-]+)?)\s+(?:is\s+|are\s+)?"
    r"(?:suitable|designed|aimed|intended|meant|ideal|made)\s+(?:for|at)\s+\w"
)


def existence_questions(text: str, out: QuestionList) -> None:
    """ "A free plan covers ...", "receive a 50% discount": is there a free plan, a discount."""
    opening = _OPENING.match(text)
    if opening:
        thing = _plain_np(text[opening.end() :])
        if thing:
            out.add(f"Is there {thing}")
    for found in _OFFERED.finditer(text):
        if found.group("verb").lower() not in _OFFERING:
            continue
        offered = text[found.start("np") :]
        thing = _plain_np(re.sub(r"^(an?)\s+(?:[\d.,]+%?|[\w-]*\d[\w-]*)\s+", r"\1 ", offered))
        if thing:
            out.add(f"Is there {thing}")


def _plain_np(text: str) -> str:
    """ "A free plan covers ..." -> "a free plan": the noun phrase that opens `text`."""
    words: list[str] = []
    tokens = text.split()
    for index, raw in enumerate(tokens[:_NP_WORDS]):
        bare = clean_word(raw)
        after = clean_word(tokens[index + 1]) if index + 1 < len(tokens) else ""
        verb = bare in AUX or bare in IRREGULAR or _third_person(bare)
        verb = verb or (bare.endswith("ed") and after in PREPOSITIONS | DETERMINERS)
        if words and (verb or bare in PREPOSITIONS or bare in _NP_END or raw[:1] in "(["):
            break
        words.append(raw.strip(",;:()"))
        if raw.endswith((",", ";", ":", ")")):
            break
    else:
        if len(tokens) > _NP_WORDS:
            return ""  # no verb or boundary in sight: no noun phrase of its own
    listed = re.match(rf"{re.escape(' '.join(words))},\s+[\w-]+\s+and\b", text.strip())
    if len(words) < 2 or listed:  # "A reliable, warm and step-free terminal": adjectives
        return ""
    return " ".join([words[0].lower(), *words[1:]])


def _third_person(word: str) -> bool:
    """ "works", "exports", "covers": a verb of the third person singular."""
    return word.endswith("s") and not word.endswith("ss") and base_form(word) in VERBS


_NEXT_VERB = re.compile(r",?\s+and\s+(?=[a-z]+s\b)")


def feature_questions(text: str, out: QuestionList, main: str = "") -> None:
    """A list item that opens with a verb ("Works offline, ...", "Exports to Word and
    connects to Zoom"): does it work offline, does it export to Word; also asked of
    `main`, the name the release is most about (its product)."""
    words = text.split()
    if not words or not _third_person(clean_word(words[0])):
        return
    for part in _NEXT_VERB.split(text.strip().rstrip(".")):
        verb, _, rest = part.strip().partition(" ")
        if not _third_person(clean_word(verb)):
            continue
        what = shorten(re.split(r",\s+(?:for example|e\.g\.|such as|including)\b", rest)[0], 10)
        base = base_form(clean_word(verb))
        if what:
            out.add(f"Does it {base} {what}")
            if main:
                out.add(f"Does {main} {base} {what}")
            out.add(f"Can it {base} {what}")
        joined = re.match(r"(?:to|with)\s+(?P<what>.+)", what)
        if base in ("connect", "integrate", "sync") and joined:  # connects to Zoom: works with it
            out.add(f"Does it work with {joined['what']}")
        if re.match(r"(?:to|with|into)\s", rest):  # "Exports to Word": what can I export to
            prep = rest.split()[0]
            out.add(f"What can I {base} {prep}")
            out.add(f"What does it {base} {prep}")


def for_whom_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "makes the app suitable for councils": who is the app for."""
    found = _FOR_WHOM.search(text)
    if not found:
        return
    thing = found.group("np")
    thing = thing[0].lower() + thing[1:]
    out.add(f"Who is {thing} for")
    out.add(f"Who is {thing} suitable for")
    if subject and subject.lower() != thing:
        out.add(f"Who is {subject} for")


_CAN = re.compile(
    r"(?:^|\b(?:where|and|so|that)\s+)(?P<who>(?:[A-Z]?[a-z]+\s+(?:and\s+)?)?[a-z]+)\s+"
    r"(?:can|may)\s+(?:also\s+|now\s+)?(?P<vp>[a-z][^,.;:]*)",
    re.IGNORECASE,
)
# Young visitors, asked about as the public is ("Is there anything for children to do?").
_YOUNG = frozenset({"children", "kids", "families", "teenagers"})
_MINE = {"their": "my", "them": "me", "themselves": "myself", "they": "I"}


def can_do_questions(text: str, out: QuestionList) -> None:
    """ "Visitors can photograph fungi ... and submit records": can I submit records, what
    can visitors do; "where children can make prints": is there anything for children."""
    for found in _CAN.finditer(text):
        who = found["who"].lower()
        if clean_word(who.split()[-1]) not in PUBLIC | _YOUNG:
            continue
        for number, action in enumerate(re.split(r"\s+and\s+(?=[a-z]+\s)", found["vp"])):
            words = action.split()
            if not words or (number and base_form(words[0]) not in VERBS):
                continue  # "... and submit records": a second action; "and Zoom": none
            mine = " ".join(_MINE.get(w, w) for w in shorten(action, 8).split())
            out.add(f"Can {who} {shorten(action, 8)}")
            out.add(f"Can I {mine}")
        out.add(f"What can {who} do")
        if clean_word(who.split()[-1]) in _YOUNG | {"visitors", "guests"}:
            out.add(f"Is there anything for {who} to do")  # an activity, not a service


_ACCESS = re.compile(
    r"\b(?:accessible|accessibility|wheelchair|step-free|step free|sign language|hearing loop"
    r"|audio description|tactile|lifts?\s+to\s+every|disabled)\b",
    re.IGNORECASE,
)


def access_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "fully accessible, with tactile models and British Sign Language videos": is it
    accessible, and for whom."""
    if not _ACCESS.search(text):
        return
    out.add("Is it accessible")
    if subject[:1].isupper() and not re.search(r"\d", subject):  # a name: "Hidden Kingdom"
        out.add(f"Is {subject} accessible")
    out.add("Is it accessible for disabled visitors")
    out.add("Is it wheelchair accessible")
