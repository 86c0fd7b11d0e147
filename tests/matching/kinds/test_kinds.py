"""Tests for bot/matching/kinds: question in, verdict form (and entry) out, per stage.

Each row is a development question written for its kind (not taken from any
blind batch), matched by the real matcher on the shipped store.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.matching import Form, Kind, Matcher
from bot.matching.evaluate import load_cases
from bot.matching.kinds import STAGES, could_refine
from bot.matching.kinds.arithmetic import operation
from bot.matching.kinds.twopart import parts
from bot.matching.kinds.yesno import asks_yes_no
from bot.matching.query import read, readings


def test_stages_run_in_one_stated_order() -> None:
    assert [s.__name__ for s in STAGES] == [
        "two_part",
        "spans",
        "conversions",
        "unstated",
        "arithmetic",
        "yes_no",
    ]


@pytest.mark.parametrize(
    ("question", "form", "intent"),
    [
        ("was the general hong returned in 2019?", Form.NO, "hong-beom-do"),
        ("Is Korea the 3rd largest investor in Kazakhstan?", Form.NO, "trade-investment"),
        ("are there 20 flights a week between the two countries?", Form.NO, "flights-total"),
        ("Is LG building the power plant in Turkestan?", Form.NO, "doosan-power-plant"),
        ("are there 15 flights a week between kazakhstan and korea?", Form.YES, "flights-total"),
        (
            "did the speaker thank tokayev for the return of general hong's remains?",
            Form.YES,
            "hong-beom-do",
        ),
    ],
)
def test_yes_no(matcher: Matcher, question: str, form: Form, intent: str) -> None:
    match = matcher.match(question)
    assert (match.kind, match.form, match.intent) == (Kind.ANSWER, form, intent)


@pytest.mark.parametrize(
    "question",
    [
        "Did Woo visit Busan?",  # a list of cities is not all there is
        "Is there a direct flight to Busan?",  # names nothing the release states it of
        "Is Woo 70 years old?",  # an unstated attribute
        "did kia open factories in shymkent?",  # other instances: not denied
        "has doosan built other power plants in almaty?",
    ],
)
def test_yes_no_never_says_no_without_a_fact(matcher: Matcher, question: str) -> None:
    match = matcher.match(question)
    assert match.form is not Form.NO and not match.answered


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "who is the ambassador and when was the release published?",
            ["who is the ambassador", "when was the release published"],
        ),
        ("which cities? what projects", ["which cities", "what projects"]),
        ("did Kia and Hyundai open plants", ["did Kia and Hyundai open plants"]),
        ("flights between Almaty and Seoul", ["flights between Almaty and Seoul"]),
    ],
)
def test_parts(text: str, expected: list[str]) -> None:
    assert parts(text) == expected


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        (
            "who is the ambassador and when was the release published?",
            ("ambassador", "publication-date"),
        ),
        ("where are the cu stores and who builds bakad", ("cu-stores", "bakad")),
    ],
)
def test_two_part(matcher: Matcher, question: str, intents: tuple[str, str]) -> None:
    match = matcher.match(question)
    assert match.form is Form.PARTS and match.answered
    assert tuple(p.intent for p in match.parts) == intents
    assert match.intent == intents[0]


@pytest.mark.parametrize(
    ("question", "operation_", "value"),
    [
        ("how many more weekly flights leave from almaty than from astana", "difference", 11),
        ("almaty flights minus astana flights", "difference", 11),
        ("astana and almaty flights to seoul combined, how many?", "sum", 15),
        # how far one count is from the other: extra, additional, to match or equal it
        ("how many extra flights a week does almaty have than astana", "difference", 11),
        ("how many flights would astana need to equal almaty", "difference", 11),
    ],
)
def test_arithmetic(matcher: Matcher, question: str, operation_: str, value: int) -> None:
    match = matcher.match(question)
    assert match.form is Form.ARITHMETIC and match.result is not None
    assert (match.result.operation, match.result.value) == (operation_, value)
    assert {f.value for f in match.figures} == {13, 2}


@pytest.mark.parametrize(
    "question",
    [
        "how many more flights does almaty have than tokyo",  # one figure only
        "tell me about the flights",  # no operation asked
        "do the flights match the tourism growth",  # "match" with no two counts
    ],
)
def test_arithmetic_needs_two_stated_figures(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).form is not Form.ARITHMETIC


@pytest.mark.parametrize(
    ("question", "found"),
    [("what is the difference", "difference"), ("sum of both", "sum"), ("who met", None)],
)
def test_operation(matcher: Matcher, question: str, found: str | None) -> None:
    assert operation(read(question, matcher.index, matcher.params)) == found


@pytest.mark.parametrize(
    "question",
    [
        "who was the previous ambassador of kazakhstan to korea",
        "how many cu stores opened in almaty",
        "what is the price of the bakad project",
        "At what time did the meeting start?",  # a time of day the release does not give
    ],
)
def test_unstated(matcher: Matcher, question: str) -> None:
    match = matcher.match(question)
    assert match.form is Form.UNSTATED and not match.answered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is the doosan plant big", True),
        ("Did Woo visit Astana?", True),
        ("can you list all the projects", False),  # a request
        ("do you know who met", False),
        ("who met", False),
    ],
)
def test_asks_yes_no(matcher: Matcher, question: str, expected: bool) -> None:
    assert asks_yes_no(read(question, matcher.index, matcher.params)) is expected


@pytest.mark.parametrize(
    ("question", "could"),
    [
        ("how old is woo won-shik", True),  # unstated
        ("how many korean companies work in kazakhstan", True),  # "how many"
        ("how many more flights from almaty than from astana", True),  # arithmetic
        ("who is the ambassador and when was the release published?", True),  # two parts
        ("is the doosan plant in turkestan?", True),  # yes/no
        ("who is the ambassador", False),
        ("flights almaty seoul", False),
    ],
)
def test_could_refine_is_true_whenever_a_stage_could_fire(
    matcher: Matcher, question: str, could: bool
) -> None:
    query = read(question, matcher.index, matcher.params)
    assert could_refine(query) is could


def test_a_question_no_stage_could_refine_is_put_plainly(matcher: Matcher) -> None:
    """`could_refine` lets the gloss reading skip work, so it must never miss a stage:
    over every English eval question, one it rules out gets a plain verdict."""
    data = Path(__file__).resolve().parents[2] / "data"
    files = [data / "eval.yaml", *sorted((data / "blind").glob("en-*.yaml"))]
    questions = [case.question for path in files for case in load_cases(path)]
    ruled_out = [
        q
        for q in questions
        if not any(could_refine(r) for r in readings(q, matcher.index, matcher.params) if r)
    ]
    assert len(ruled_out) > 100
    assert [q for q in ruled_out if matcher.match(q).form is not Form.PLAIN] == []
