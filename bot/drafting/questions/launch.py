"""Questions about a launch, an opening and a run: who makes it, when it opens, how long.

"Quillstone Software Ltd today launched Parley" is asked "Who makes Parley?";
"The museum will open Hidden Kingdom on Saturday 5 December" is asked "When does
Hidden Kingdom open?": people ask about the thing launched or opened, by its name.
"""

from __future__ import annotations

import re

from bot.drafting.dates import WHEN
from bot.drafting.phrases import NOT_TOPICS, kinds_of
from bot.drafting.questions.about import org_kind
from bot.drafting.questions.collect import QuestionList
from bot.language import NUMBER_WORDS, words

_NAME = r"[A-Z][\w’'-]*(?:\s+(?:of\s+|and\s+)?[A-Z0-9][\w’'-]*)*"
_LAUNCHED = re.compile(
    rf"(?P<maker>{_NAME})\s+(?:today\s+|has\s+|have\s+|will\s+)?(?:launch|launches|launched"
    rf"|unveil|unveils|unveiled|introduce|introduces|introduced|release|releases|released)"
    rf"\s+(?:its\s+|their\s+|the\s+)?(?P<thing>{_NAME})"
)
_OPENED = re.compile(
    r"(?<!\bis )(?<!\bare )(?<!\bbe )\b(?:will\s+)?"
    r"(?:open|opens|opened|launch|launches|launched|unveil|unveils)\s+"
    rf"(?:its\s+|their\s+|the\s+)?[*_\"“]?(?P<thing>{_NAME})"
)


def maker_questions(text: str, out: QuestionList) -> None:
    """ "Quillstone Software Ltd today launched Parley": who makes Parley."""
    found = _LAUNCHED.search(text)
    if not found or found["maker"] == found["thing"]:
        return
    thing = found["thing"]
    out.add(f"Who makes {thing}")
    out.add(f"Who is behind {thing}")
    for kind in kinds_of(found["maker"]):
        out.add(f"Which {kind} makes {thing}")


def opened_questions(
    text: str, out: QuestionList, lower_words: frozenset[str] = frozenset()
) -> None:
    """ "The Brackwater Museum ... will open Hidden Kingdom on Saturday 5 December": when
    does Hidden Kingdom open, which museum opens it, where can I see it."""
    found = _OPENED.search(text)
    if not found or not WHEN.search(text[found.end() :]) or NOT_TOPICS.match(found["thing"]):
        return  # "is open Tuesday to Sunday": opening hours, not an opening
    thing = found["thing"]
    out.add(f"When does {thing} open")
    out.add(f"When will {thing} open")
    out.add(f"When does {thing} start")
    opener = re.search(rf"(?P<name>{_NAME})\s+$", text[: found.start()])
    kind = org_kind(opener["name"], lower_words) if opener else ""
    if kind:
        out.add(f"Which {kind} opens {thing}")
        out.add(f"Where can I see {thing}")


_SPAN_NUMBER = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_TIME_UNIT = "|".join(sorted(words("time_units"), key=len, reverse=True))
_LASTING_VERBS = {"run": "ran", "last": "lasted", "continue": "continued", "stay": "stayed"}
_LASTED = re.compile(
    r"\b(?P<will>will\s+)?(?P<verb>runs?|ran|lasts?|lasted|continues?|continued|stays?|stayed)\s+"
    rf"(?:for\s+(?:about\s+|up\s+to\s+|nearly\s+|almost\s+)?(?:\d+|{_SPAN_NUMBER})\s+"
    rf"(?:{_TIME_UNIT})s?\b|(?P<until>until|till|through)\s)",
    re.IGNORECASE,
)


def lasting_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "The exhibition runs until 30 August", "A beta ran for six months": how long."""
    found = _LASTED.search(text)
    thing = re.sub(r"^an?\s+", "the ", subject)
    if not found or not thing:
        return
    verb = found["verb"].lower()
    base = next((b for b, past in _LASTING_VERBS.items() if verb in (b, b + "s", past)), "run")
    done = "will" if found["will"] else "did" if verb == _LASTING_VERBS[base] else "does"
    out.add(f"How long {done} {thing} {base}")
    if found["until"]:
        out.add(f"Until when {done} {thing} {base}")
        out.add(f"When {done} {thing} end")


# A platform's name may open in lower case: "macOS 14", "iPadOS".
_PLATFORM = r"(?:[A-Z][\w’'-]*|[a-z]+[A-Z][\w’'-]*)(?:\s+[A-Z0-9][\w.’'-]*)*"
_RUNS_ON = re.compile(
    rf"\bruns\s+on\s+(?P<first>{_PLATFORM})"
    rf"(?P<more>(?:\s*(?:,|and|or)\s+(?:on\s+)?{_PLATFORM})*)"
)
_NEEDS = re.compile(r"\b(?:needs|requires)\s+(?P<what>[^,;.]+)")


def platform_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "Parley runs on Windows 11 and on macOS 14 ... and needs 16 GB of memory": does it
    run on Windows, what does it need, what are the system requirements."""
    runs = _RUNS_ON.search(text)
    thing = subject or "it"
    if runs:
        out.add(f"What does {thing} run on")
        out.add(f"Which platforms does {thing} run on")
        platforms = [runs["first"], *re.findall(_PLATFORM, runs["more"])]
        for platform in platforms[:3]:
            out.add(f"Does {thing} run on {platform}")
    if _NEEDS.search(text):
        out.add(f"What does {thing} need")
        if runs:
            out.add("What are the system requirements")


_AVAILABLE_AT = re.compile(
    r"\bis\s+available\s+(?:(?:from|as of|starting)\s+(?:today|now)\s+)?(?:at|from|on|via)\s+"
    r"(?P<where>\S+\.\S+|the\s+[A-Z]\w+.*|[A-Z][\w’'-]*)"
)


def available_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "Parley is available from today at quillstone.example.ie/parley": where can I get it."""
    found = _AVAILABLE_AT.search(text)
    if not found or not subject:
        return
    out.add(f"Where can I get {subject}")
    out.add(f"Where is {subject} available")
    if "/" in found["where"] or "." in found["where"].rstrip("."):
        out.add(f"Where can I download {subject}")  # a web address
    if re.search(r"\b(?:from|as of|starting)\s+(?:today|now)\b", text):
        out.add(f"When is {subject} available")


_WORK_TOOK = re.compile(
    rf"\b(?:\d+|{_SPAN_NUMBER})[\s-](?:{_TIME_UNIT})s?\s+of\s+"
    r"(?:work|construction|development|planning|research|preparation)\b",
    re.IGNORECASE,
)


def took_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "Hidden Kingdom is the result of four years of work": how long did it take."""
    if not _WORK_TOOK.search(text):
        return
    thing = subject or "it"
    out.add(f"How long did {thing} take")
    out.add(f"How long did {thing} take to make")
    out.add("How long did the work take")


_STREET = re.compile(
    r"\b(?:on|in|at)\s+(?P<street>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+(?:Street|Road|Avenue"
    r"|Square|Lane|Way|Drive|Boulevard|Quay|Pier|Place|Park|Row|Terrace))\b"
)


def street_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "The six-storey wing on Gilmour Street adds 64 beds": where is the wing."""
    found = _STREET.search(text)
    thing = re.sub(r"^an?\s+", "the ", subject)
    if not found or not (thing.startswith("the ") or thing[:1].isupper()):
        return  # "some parking on Queen Street": no one place
    out.add(f"Where is {thing}")
    out.add(f"What is the address of {thing}")


_PLANS = re.compile(
    r"\b(?:now\s+)?(?:plans?|intends?|aims?|hopes?|is\s+planning|are\s+planning)\s+to\s+"
    r"(?P<action>[a-z]+)\b|\b(?:will\s+next|next\s+year\s+will)\s+(?P<next>[a-z]+)\b"
)


def plans_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "The researchers now plan to apply the method to glaciers in the Andes": what next."""
    if not _PLANS.search(text):
        return
    out.add("What is next")
    out.add("What are the next steps")
    if subject and subject.lower() not in ("it", "we", "i"):
        plural = subject.endswith("s") and not subject.endswith("ss")
        out.add(f"What {'do' if plural else 'does'} {subject} plan to do next")
        out.add(f"What is next for {subject}")
