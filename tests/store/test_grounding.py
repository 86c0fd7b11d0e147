"""Tests for bot/store/grounding.py: ungrounded_claims, and its document index.

Each row is an answer, its source and the document, and the claims the answer
makes that neither states. The document is indexed once; the rows cover what
the index must get exactly as a search of the text would.
"""

from __future__ import annotations

import time

import pytest

from bot.store.grounding import ungrounded_claims

DOCUMENT = (
    "The ex-Minister met Woo Won-shik on 2024-08-16. Exports rose 3,000 tonnes, or 1.5 percent.\n"
    "O’Neil’s team visited Almaty."
)


@pytest.mark.parametrize(
    ("answer", "source", "claims"),
    [
        ("Woo Won-shik met him.", "", []),  # a hyphenated name
        ("Minister Woo met him.", "", []),  # a word part after a hyphen
        ("He met Shik.", "", ["Shik"]),  # case matters after the sentence start
        ("O’Neil visited Almaty.", "", []),
        ("Exports rose 3,000 tonnes.", "", []),
        ("Exports rose 3 tonnes.", "", ["3"]),  # part of "3,000" is no number of its own
        ("Exports rose 000 tonnes.", "", ["000"]),
        ("It rose 1.5 percent.", "", []),
        ("It rose 5 percent.", "", ["5"]),  # part of "1.5"
        ("They met on 2024-08-16.", "", []),
        ("They met on 2024-08-17.", "", ["2024-08-17"]),
        ("Exports rose.", "", []),  # sentence start: "exports" is in the text
        ("Seoul agreed.", "", ["Seoul"]),
        ("Seoul agreed.", "Seoul agreed to it.", []),  # stated by the source
        ("It is dated 2024-08-20.", "", []),  # the publication date
        ("It runs on macOS 14.", "It runs on macOS 14.", []),  # no name starts mid-word
        ("It runs on macOS.", "", []),  # a lower-case word is never a claim
        ("It runs on MacOS.", "", ["MacOS"]),
    ],
)
def test_an_answer_may_state_only_what_the_release_states(
    answer: str, source: str, claims: list[str]
) -> None:
    assert ungrounded_claims(answer, source, DOCUMENT, "2024-08-20") == claims


def test_checking_many_answers_against_a_long_release_takes_linear_time() -> None:
    """Eight times the release and the answers checked take about eight times as long.

    Each answer used to be searched for in the whole document: quadratic, 64 times.
    """
    answers = ["Woo Won-shik met him 3 times.", "Exports rose 7 tonnes.", "Almaty agreed."]

    def timed(copies: int) -> float:
        document = DOCUMENT * copies + " Tail."  # a new string: indexed afresh
        start = time.perf_counter()
        for number in range(copies):
            ungrounded_claims(answers[number % 3], "", document, None)
        return time.perf_counter() - start

    timed(100)  # warm up
    small = min(timed(500) for _ in range(3))
    large = min(timed(4000) for _ in range(3))
    assert large < small * 24
