"""Tests for bot/drafting/questions/clause.py: each question rule of a clause, on its own.

Every row is a sentence, the rule and the questions that rule alone asks of the
sentence's first clause, so a change to one rule shows in its own rows.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.drafting.clauses import split_clauses
from bot.drafting.questions import clause as rules
from bot.drafting.questions.clause import Asked, clause_questions, read_clause, verbless_questions
from bot.drafting.questions.collect import Known, QuestionList

# Words the test "release" writes in lower case: a capitalised one of them opening a
# sentence is an ordinary word, not a name.
KNOWN = Known(frozenset("the bus council glaciers residents construction drone study".split()))

Rule = Callable[[Asked, QuestionList], None]

CASES: list[tuple[str, Rule, list[str]]] = [
    (
        "The council voted 31 to 8 in favour of the extension.",
        rules._who_did,
        [
            "Who voted 31 to 8 in favour of the extension?",
            "Which council voted 31 to 8 in favour of the extension?",
        ],
    ),
    ("The council voted 31 to 8 in favour of the extension.", rules._vote, [
        "How did the council vote?"
    ]),
    ("There are 15 flights per week between Kazakhstan and Korea.", rules._who_did, []),
    (
        "There are several projects between the two countries.",
        rules._there_are,
        [
            "What projects are there between the two countries?",
            "Which projects are there?",
            "List the projects",
            "What are the projects?",
        ],
    ),
    ("Bus route 14 will be diverted along Mill Road.", rules._numbered_subject, [
        "Which route will be diverted along Mill Road?"
    ]),
    ("Bus route 14 will be diverted along Mill Road.", rules._passive, [
        "How will bus route 14 be diverted?"
    ]),
    (
        "The hall was paid for by the Scottish Government.",
        rules._passive,
        [
            "How was the hall paid?",
            "Who paid for the hall?",
            "Which government paid for the hall?",
        ],
    ),
    (
        "The four-year project was funded by the Swiss National Science Foundation.",
        rules._passive,
        [
            "How was the four-year project funded?",
            "What funded the four-year project?",
            "Who funded the four-year project?",
            "Which foundation funded the four-year project?",
        ],
    ),
    ("The four-year project was funded by the Swiss National Science Foundation.",
     rules._how_long, ["How long was the project?"]),
    (
        # A present passive is also asked in the present: who sponsors it.
        "Hidden Kingdom is sponsored by Verdant Bio Ltd.",
        rules._passive,
        [
            "How is Hidden Kingdom sponsored?",
            "Who sponsored Hidden Kingdom?",
            "Who sponsors Hidden Kingdom?",
            "Which company sponsored Hidden Kingdom?",
        ],
    ),
    ("Residents can view the plans online at the city library.", rules._what_object, [
        "What can residents view?"
    ]),
    ("Residents can view the plans online at the city library.", rules._public_can, [
        "Where can I view the plans?",
        "How can I view the plans?",
    ]),
    ("The council meets in public.", rules._what_object, []),  # a preposition, no object
    ("FieldScout 2 is a solar-powered drone.", rules._what_is, ["What is FieldScout 2?"]),
    ("Korea is the 4th largest trading partner of Kazakhstan.", rules._rank, [
        "Where does Korea rank as a trading partner?",
        "largest trading partner",
    ]),
    ("Construction is expected to begin in spring 2025.", rules._when, [
        "When is construction expected to begin?"
    ]),
    (
        "The glaciers lost 12 percent of their volume since 2000.",
        rules._when,
        [
            "When did the glaciers lose 12 percent of their volume?",
            "In which year did the glaciers lose 12 percent of their volume?",
        ],
    ),
    ("The drone was tested in Bavaria and Austria.", rules._where, [
        "Where was the drone tested?"
    ]),
    ("The drone was tested in March.", rules._where, []),  # a month is a time, not a place
    ("The drone was tested in the village Zermatt.", rules._named_nouns, [
        "Which village tested the drone?",
        "In which village was the drone tested?",
    ]),
    (
        "The council approved a 6.8 km extension from Central Station to Northgate.",
        rules._route,
        ["Where does the extension run?", "Where will the extension go?"],
    ),
    ("The study analysed Sentinel-1 satellites over the Alps.", rules._which_named, [
        "Which satellites did the study analyse?"
    ]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "rule", "expected"), CASES)
def test_a_clause_rule_asks_exactly_its_questions(
    sentence: str, rule: Rule, expected: list[str]
) -> None:
    clauses, _ = split_clauses(sentence)
    out = QuestionList()
    rule(read_clause(clauses[0], clauses[0].subject, KNOWN, dated=False), out)
    assert out.items == expected


def test_a_time_said_before_the_verb_asks_when() -> None:
    """ "The council on Tuesday approved ...": the clause is dated though its rest has no time."""
    clauses, _ = split_clauses("The council on Tuesday approved the plan.")
    out = QuestionList()
    rules._when(read_clause(clauses[0], "The council", KNOWN, dated=clauses[0].dated), out)
    assert out.items == ["When did the council approve the plan?"]


def test_the_rules_run_in_table_order() -> None:
    """clause_questions is CLAUSE_RULES applied in order: questions keep that order."""
    sentence = "The council voted 31 to 8 in favour of the extension."
    clauses, _ = split_clauses(sentence)
    by_rules = QuestionList()
    for rule in rules.CLAUSE_RULES:
        rule(read_clause(clauses[0], "The council", KNOWN, dated=False), by_rules)
    whole = QuestionList()
    clause_questions(clauses[0], "The council", KNOWN, whole, dated=False)
    assert whole.items == by_rules.items


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "13 flights between Almaty and Seoul",
            [
                "How many flights are there between Almaty and Seoul?",
                "How many flights between Almaty and Seoul?",
                "What about 13 flights between Almaty and Seoul?",
            ],
        ),
        (
            "the opening of several stores in Almaty",
            [
                "What about the opening of several stores in Almaty?",
                "Where is the opening of several stores?",
            ],
        ),
        (
            # A count after "with" belongs to its owner: no bare "How many beds?".
            "a care unit with 12 beds",
            ["What about a care unit with 12 beds?"],
        ),
    ],
)
def test_a_phrase_without_a_verb_is_asked_about(phrase: str, expected: list[str]) -> None:
    out = QuestionList()
    verbless_questions(phrase, KNOWN, out)
    assert out.items == expected
