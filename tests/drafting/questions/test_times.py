"""Tests for bot/drafting/questions/times.py: "What time" and "When" for a time of day."""

from __future__ import annotations

import pytest

from bot.drafting.clauses import split_clauses
from bot.drafting.questions.collect import QuestionList
from bot.drafting.questions.times import clock_questions, part_of_day

# sentence, its subject as a question writes it, the time questions asked of it
CASES = [
    (
        "Buses will leave the depot daily at 6:15 a.m., reaching the coast at 8 a.m., "
        "with a late service at 9:40 p.m. on Fridays.",
        "buses",
        [
            "What time will buses leave the depot?",
            "When will buses leave the depot?",
            "What time does the morning bus leave the depot?",
            "When does the morning bus leave the depot?",
            "What time will buses reach the coast?",
            "When will buses reach the coast?",
            "What time does the morning bus reach the coast?",
            "When does the morning bus reach the coast?",
            "What time is the late service?",
            "When is the late service?",
            # "a late service at 9:40 p.m.": the main verb again, in the evening, on days.
            "What time does the evening bus leave the depot?",
            "When does the evening bus leave the depot?",
            "On which days does the evening bus leave the depot?",
            "Which days is there an evening bus?",
        ],
    ),
    (
        "The ferry left Oban at 7:30 am, docking at 9 am.",  # one ferry: no "morning ferry"
        "the ferry",
        [
            "What time did the ferry leave Oban?",
            "When did the ferry leave Oban?",
            "What time did the ferry dock?",
            "When did the ferry dock?",
        ],
    ),
    # No time of day: nothing asked (a year or a count is no clock).
    ("The museum opened in 1998 with 12 galleries.", "the museum", []),
]


@pytest.mark.parametrize(("sentence", "subject", "expected"), CASES)
def test_each_time_of_day_is_asked_of_its_own_verb(
    sentence: str, subject: str, expected: list[str]
) -> None:
    clauses, _ = split_clauses(sentence)
    out = QuestionList()
    clock_questions(clauses[0], subject, sentence, out)
    assert out.items == expected


def test_a_time_in_the_morning_is_no_participle() -> None:
    sentence = "The cafe opens at 7 am, and evening meals at 6 pm."
    clauses, _ = split_clauses(sentence)
    out = QuestionList()
    clock_questions(clauses[0], "the cafe", sentence, out)
    assert out.items == ["What time does the cafe open?", "When does the cafe open?"]


@pytest.mark.parametrize(
    ("clock", "part"),
    [("7:10 a.m.", "morning"), ("12:30 pm", "afternoon"), ("5:45 p.m.", "evening"),
     ("19:30", "evening"), ("9 am", "morning"), ("2:00 am", "")],
)  # fmt: skip
def test_the_part_of_the_day_of_a_time(clock: str, part: str) -> None:
    assert part_of_day(clock) == part


def test_a_named_subject_gets_no_part_of_the_day() -> None:
    sentence = "Skerrin Air will leave at 7 am."
    clauses, _ = split_clauses(sentence)
    out = QuestionList()
    clock_questions(clauses[0], "Skerrin Air", sentence, out)
    assert not [q for q in out.items if "morning" in q]
