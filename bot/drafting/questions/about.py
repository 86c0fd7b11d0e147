"""Questions about who: speakers, people and their roles, agents, acronyms."""

from __future__ import annotations

import re

from bot.drafting.phrases import (
    ACRONYM,
    AGENT,
    CONTACT,
    NAME_ROLE,
    ROLE_NAME,
    STUDY_BY,
    TITLE_NAME,
    TITLED,
    find_entities,
    kinds_of,
    said,
    shorten,
)
from bot.drafting.questions.collect import QuestionList
from bot.drafting.verbs import clean_word, is_participle
from bot.drafting.vocabulary import AUX, DANGLING, NOMINAL, PAST_OF, VERBS
from bot.language import (
    STOPWORDS,
)

_NAME_RUN = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"


_NOMINAL_BY = re.compile(
    rf"\b(?:the\s+)?(?P<nom>[a-z]+)\s+of\s+(?P<obj>[^,;()]+?)\s+by\s+(?P<agent>{_NAME_RUN})"
)


_NOMINAL_OWN = re.compile(
    rf"(?P<agent>{_NAME_RUN})[’']s\s+(?P<nom>[a-z]+)\s+in\s+(?P<obj>[^,;()]+)"
)


# "A free online map of the results, updated every month, ...": how often is it updated?
EVERY_ASIDE = re.compile(
    r"(?P<np>(?:\b[Aa]n?|\b[Tt]he)\s+[^,]+?)(?:\s+of\s[^,]+)?,\s+(?P<part>\w+ed)\s+"
    r"(?:every\s+(?:day|week|month|year|hour)|daily|weekly|monthly|yearly|annually)\b"
)


def nominal_questions(body: str, out: QuestionList) -> None:
    for match in _NOMINAL_BY.finditer(body):
        verbs = NOMINAL.get(match.group("nom"))
        if verbs is None:
            continue
        thing = re.sub(r"\s+(?:in|at)\s+.*$", "", match.group("obj"))
        plain = re.sub(r"^(?:an?|the)\s+(?:[\d.,]+\s+\w+\s+)?", "the ", thing)
        agent = match.group("agent")
        out.add(f"Who is {verbs[1]} {thing}")
        out.add(f"What is {agent} {verbs[1]}")
        out.add(f"Which company is {verbs[1]} {plain}")
    for match in re.finditer(rf"\b(?P<nom>[a-z]+)\s+by\s+(?:the\s+)?(?P<agent>{_NAME_RUN})", body):
        verbs = NOMINAL.get(match.group("nom"))
        if verbs is None or match.group("nom") in ("construction", "building", "opening"):
            continue
        out.add(f"Who {verbs[2]} it")
        for kind in kinds_of(match.group("agent")):
            out.add(f"Which {kind} {verbs[2]} it")
    for match in _NOMINAL_OWN.finditer(body):
        verbs = NOMINAL.get(match.group("nom"))
        if verbs is None:
            continue
        thing = shorten(match.group("obj"), 8)
        out.add(f"Who {verbs[2]} in {thing}")
        out.add(f"Which company {verbs[2]} in {thing}")
        out.add(f"What does {match.group('agent')} {verbs[0]} in")


def speech_questions(
    body: str, out: QuestionList, lower_words: frozenset[str] = frozenset()
) -> None:
    match = said(body)
    if not match:
        return
    speaker = match.group("speaker").strip(" ,")
    name, _, role = speaker.partition(", ")
    titled = TITLE_NAME.search(name)
    if titled:
        name, role = titled.group("name"), role or titled.group("role")
    out.add(f"What did {name} say")
    if role:
        out.add(f"What did the {role[0].lower() + role[1:]} say")
    about = topic_of(match.group("quote"))
    if about:
        out.add(f"What did {name} say about {about}")
    for asked in who_said(match.group("quote"), lower_words):
        out.add(asked)


_QUOTE_PARTS = re.compile(r",\s+(?:but|and|so)\s+|;\s+|:\s+|\.\s+|\s+but\s+")
_SAID_WORDS = 12


def who_said(quote: str, lower_words: frozenset[str] = frozenset()) -> list[str]:
    """ "Who said that is like judging an apple tree by a single apple?": a quote's
    clauses, so that a question about what was said finds who said it."""
    asked: list[str] = []
    for part in _QUOTE_PARTS.split(quote.strip().strip('"“”‘’').rstrip(".,!?")):
        words = re.sub(r"^[A-Z][a-z]+\s+now,\s+", "", part).split()[:_SAID_WORDS]
        while words and (
            clean_word(words[-1]) in DANGLING | AUX | {"as", "a", "an", "the", "to"}
            or words[-1].endswith("ly")
        ):
            words.pop()
        if len(words) < 4:
            continue
        ordinary = clean_word(words[0]) in STOPWORDS | lower_words  # "Our", "Customers"
        if ordinary and words[0] not in ("I", "I’m", "I'm"):
            words[0] = words[0].lower()  # a name keeps its capital ("Hidden Kingdom is ...")
        if words[0] in AUX:  # "... but could not let recordings go": they could not
            words.insert(0, "they")
        asked.append(f"Who said {' '.join(words).strip(',;')}")
    return asked[:2]


def topic_of(quote: str) -> str:
    """What a quote is about: its first name ("FieldScout 2") or "the" noun phrase."""
    names = [e for e in find_entities(quote, frozenset()) if not re.match(r"(?:We|I|It|They)\b", e)]
    if names:
        return names[0]
    found = re.search(r"\bthe\s+((?:[\w-]+\s+){0,2}[\w-]+)", quote)
    if not found:
        return ""
    words: list[str] = []
    for word in found.group(1).split():
        bare = clean_word(word)
        if bare in STOPWORDS or bare in AUX or is_participle(bare) or bare in VERBS:
            break
        words.append(word.strip(",;:"))
    return f"the {' '.join(words)}" if words else ""


_OWNED_BY = re.compile(r"^(?:its|their|his|her|our)\s+")
_ROLE_ORG = re.compile(
    r"\s+(?P<prep>of|at)\s+(?:the\s+)?(?P<org>[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)$"
)


def role_variants(role: str, lower_words: frozenset[str] = frozenset()) -> list[str]:
    """The roles one title holds, each also with its organisation called by its kind.

    "head of mycology at the museum and curator of the exhibition" is two roles,
    each asked alone ("Who is the curator of the exhibition?"); the "director of the
    Brackwater Museum of Natural History" is asked as "the director of the museum"
    too, as the release (`lower_words`: the words it writes in lower case) calls it;
    "its chief technology officer" loses "its".
    """
    role = _OWNED_BY.sub("", role.strip())
    parts = [p.strip() for p in re.split(r"\s+and\s+(?=[a-z])", role) if p.strip()]
    if len(parts) > 1 and (owner := _ROLE_ORG.search(parts[-1])):
        parts[:-1] = [p if _ROLE_ORG.search(p) else p + owner.group(0) for p in parts[:-1]]
    variants = [role, *parts] if len(parts) > 1 else [role]
    for part in parts:
        owner = _ROLE_ORG.search(part)
        kind = org_kind(owner.group("org"), lower_words) if owner else ""
        if owner and kind:
            variants.append(f"{part[: owner.start()]} {owner.group('prep')} the {kind}")
    return list(dict.fromkeys(variants))


def org_kind(org: str, lower_words: frozenset[str]) -> str:
    """ "Brackwater Museum of Natural History" -> "museum": the common noun that heads a name."""
    kinds = kinds_of(org)
    if kinds:
        return kinds[0]
    head = org.split(" of ", maxsplit=1)[0].rsplit(maxsplit=1)[-1].lower()
    return head if len(org.split()) > 1 and head in lower_words else ""


# "The oldest specimen is a dried earthstar collected in 1887 by Agnes Thornbury".
_IS_ONE_DONE_BY = re.compile(
    r"^(?P<thing>(?:[Tt]he|[Ii]ts|[Tt]heir)\s+[^,]+?)\s+(?:is|was|are|were)\s+(?:an?|the)\s+"
    r"[^,;]+?\s+(?P<done>\w+ed|made|built|written|drawn|taken|found|given|grown|lent|won)\s+"
    r"(?:[^,;]*?\s+)?by\s+(?:the\s+)?[A-Za-z]"
)


def made_by_questions(body: str, out: QuestionList) -> None:
    """ "The oldest specimen is a dried earthstar collected ... by X": who collected it."""
    found = _IS_ONE_DONE_BY.match(body)
    if found:
        thing = found["thing"][0].lower() + found["thing"][1:]
        out.add(f"Who {found['done']} {thing}")


def people_questions(
    body: str, out: QuestionList, lower_words: frozenset[str] = frozenset()
) -> None:
    for match in NAME_ROLE.finditer(body):
        name, role = match.group("name"), match.group("role")
        if len(role.split()) >= 2 or role.split()[0] in ("head", "chairman", "founder"):
            for variant in role_variants(role, lower_words):
                out.add(f"Who is the {variant}")
            out.add(f"Who is {name}")
            titled = TITLE_NAME.search(name)
            if titled:  # "Councillor Euan Reid": also "Who is Euan Reid"
                out.add(f"Who is {titled.group('name')}")
    for match in ROLE_NAME.finditer(body):
        out.add(f"Who is the {match.group('role')}")
        out.add(f"Who is {match.group('name')}")
    for match in TITLE_NAME.finditer(body):
        out.add(f"Who is {match.group('name')}")
        out.add(f"Who is the {match.group('role')}")
    for match in TITLED.finditer(body):
        out.add(f"Who is {match.group(0)}")
    contact = CONTACT.match(body)
    if contact:
        role = contact.group("role").strip().lower()
        out.add(f"Who is the {role}")
        out.add(role, question=False)
        if "@" in body:
            out.add(f"What is the email address of the {role}")
        if re.search(r"\+?\d[\d ()-]{6,}\d", body):
            out.add(f"What is the phone number of the {role}")
    for match in AGENT.finditer(body):
        noun = match.group("noun")
        noun = noun[0].lower() + noun[1:]
        verb = PAST_OF.get(match.group("verb"), match.group("verb"))
        out.add(f"Who {verb} {noun}")
        for kind in kinds_of(match.group("agent")):
            out.add(f"Which {kind} {verb} {noun}")
    for match in STUDY_BY.finditer(body):
        out.add(f"Who did the {match.group('noun')}")
        for kind in kinds_of(match.group("agent")):
            out.add(f"Which {kind} did the {match.group('noun')}")
    for match in ACRONYM.finditer(body):
        short = match.group("short")
        out.add(f"What is {short}")
        out.add(f"What does {short} stand for")
    for match in re.finditer(
        r"(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z0-9][\w’'-]*)*),\s+an?\s+(?P<what>[a-z][\w -]+)", body
    ):
        out.add(f"What is {match.group('name')}")


_APPOINTED = re.compile(
    rf"(?P<name>{_NAME_RUN})\s+(?:has\s+been|was|is|will\s+be|have\s+been)\s+(?:appointed|named|"
    r"elected|promoted\s+to)\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?(?P<role>[a-z][a-z -]+?)"
    rf"(?:\s+(?:of|at)\s+(?:the\s+)?(?P<org>{_NAME_RUN}))?(?=[,.;]|\s+(?:effective|from|on|in|and)\b|$)"
)


def appointed_questions(body: str, out: QuestionList) -> None:
    """ "Jane Roe has been appointed chief executive of Acme, effective 1 March": who is the
    new chief executive, when does Jane Roe start."""
    found = _APPOINTED.search(body)
    if not found:
        return
    role, name = found["role"].strip(), found["name"]
    out.add(f"Who is the new {role}")
    if found["org"]:
        out.add(f"Who is the new {role} of {found['org']}")
    out.add(f"Who has been appointed {role}")
    if re.search(r"\b(?:effective|from|starting|on)\s+(?:\d|[A-Z])", body[found.end() :]):
        out.add(f"When does {name} start")
        out.add(f"When does {name} take up the post")
