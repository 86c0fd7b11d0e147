"""Questions about who tested a thing.

"In independent tests by the Dublin Speech Lab, it reached ..." is asked "Who
tested it?": people ask with the verb, not the release's noun.
"""

from __future__ import annotations

import re

from bot.drafting.questions.collect import QuestionList

# A test by someone: the noun, and the verb people ask with.
_TESTED = {
    "test": "tested",
    "tests": "tested",
    "trial": "trialled",
    "trials": "trialled",
    "evaluation": "evaluated",
    "assessment": "assessed",
    "audit": "audited",
    "review": "reviewed",
}
_TESTED_BY = re.compile(rf"\b(?P<noun>{'|'.join(_TESTED)})\s+(?:carried\s+out\s+|done\s+)?by\s+\S")


def who_tested_questions(text: str, subject: str, out: QuestionList) -> None:
    """ "In independent tests by the Dublin Speech Lab, it reached ...": who tested it."""
    found = _TESTED_BY.search(text)
    if not found:
        return
    done = _TESTED[found["noun"]]
    out.add(f"Who {done} it")
    if subject and subject.lower() not in ("it", "they"):
        out.add(f"Who {done} {subject}")
    out.add(f"Who did the {found['noun']}")
