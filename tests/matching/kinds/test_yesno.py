"""Tests for bot/matching/kinds/yesno.py: which of a yes/no question's values an entry
contradicts, how sure the entry that gives the fact must be before it says "No", and
the answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.drafting import build
from bot.matching import Form, Kind, Matcher, Params
from bot.matching.kinds.yesno import conflicts, is_sure
from bot.matching.query import read
from bot.store import load_store

PARAMS = Params(answer_threshold=66.0, margin=2.0, doubt_margin=10.0)


@pytest.mark.parametrize(
    ("score", "lead", "sure"),
    [
        (76.0, 2.0, True),  # the bar a doubtful match clears, and the margin
        (76.0, 1.0, False),
        (75.0, 19.0, False),  # below that bar, a runner-up within twice the doubt margin
        (66.0, 20.0, True),  # ... at the answer bar, no other entry anywhere near
        (65.0, 40.0, False),  # below the answer bar: never
    ],
)
def test_is_sure(score: float, lead: float, sure: bool) -> None:
    assert is_sure(score, lead, PARAMS) is sure


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Was the release published in March 2024?", "publication-date"),
        # asked without "6th", the entry is below the doubtful bar but far ahead of any other
        (
            "Was Korea the 6th largest investor in Kazakhstan by the 2023 statistics?",
            "trade-investment",
        ),
    ],
)
def test_no_with_the_stated_value(matcher: Matcher, question: str, intent: str) -> None:
    match = matcher.match(question)
    assert (match.kind, match.form, match.intent) == (Kind.ANSWER, Form.NO, intent)


def test_a_month_the_entry_does_not_state_is_never_confirmed(matcher: Matcher) -> None:
    """The release gives no date of the meeting: "in May" is not a "Yes"."""
    assert matcher.match("Did the meeting happen in May?").form is not Form.YES


@pytest.mark.parametrize(
    ("question", "intent", "found"),
    [
        # a cardinal agrees with a stated rank: "top five" of "5th largest investor"
        ("is korea in the top five investors", "trade-investment", {}),
        ("is korea the third largest investor", "trade-investment", {"third": "figure"}),
        ("did the sides agree to suspend the dialogue", "meeting-outcome", {"suspend": "opposite"}),
        ("was woo a member of the group", "friendship-group", {"member": "title"}),
    ],
)
def test_conflicts(matcher: Matcher, question: str, intent: str, found: dict[str, str]) -> None:
    query = read(question, matcher.index, PARAMS)
    assert conflicts(query, matcher.index.by_id[intent], matcher.index) == found


@pytest.mark.parametrize(
    ("question", "form", "intent"),
    [
        ("Did the sides agree to halt the dialogue?", Form.NO, "meeting-outcome"),
        ("Did the sides agree to continue the dialogue?", Form.YES, "meeting-outcome"),
        ("Did the two sides agree to stop the dialogue?", Form.NO, "meeting-outcome"),
        ("Was the speaker displeased with cooperation in education?", Form.NO, "culture-education"),
        (
            "Did the speaker criticise the political decision to return General Hong's remains?",
            Form.NO,
            "hong-beom-do",
        ),
        ("Was Woo Won-shik merely a member of the friendship group?", Form.NO, "friendship-group"),
        (
            "Is Korea the fourth largest trading partner of Kazakhstan?",
            Form.YES,
            "trade-investment",
        ),
        ("Did the speaker visit only Almaty?", Form.NO, "cities-visited"),  # he visited more
        ("Is Kia the only carmaker with a plant in Kazakhstan?", Form.NO, "kia-hyundai"),
        # a figure the entry states of something else
        ("Is Korea Kazakhstan's 5th largest trading partner?", Form.NO, "trade-investment"),
        ("Is Korea the 5th largest investor in Kazakhstan?", Form.YES, "trade-investment"),
        ("Are there 13 flights a week between Astana and Seoul?", Form.NO, "flights-astana-seoul"),
        # another name in the place of the one the entry gives, of a person it names
        ("Is Arystanov the ambassador of Kazakhstan to China?", Form.NO, "ambassador"),
        (
            "Did Woo thank the president of Uzbekistan for the decision on General Hong?",
            Form.NO,
            "hong-beom-do",
        ),
        # a value a synonym reads as one word ("foreign ministry" is "mfa")
        ("Is Arystanov the head of the foreign ministry?", Form.NO, "ambassador"),
        ("Did the foreign ministry of Korea report the news?", Form.NO, "news-source"),
        # another post, asked again without it and the word that says which post it is
        ("Is Nurgali Arystanov Kazakhstan's foreign minister?", Form.NO, "ambassador"),
        ("Is Woo Won-shik the Prime Minister of Korea?", Form.NO, "speaker"),
        # a name the release never uses, though it uses its words apart
        (
            "Did the new AI school open with help from Seoul National University?",
            Form.NO,
            "ai-school",
        ),
        ("Is Samsung the Korean company working on BAKAD?", Form.NO, "bakad"),
        # the other name of a pair the answer gives ("Kazakhstan-Korea")
        (
            "Did Woo chair the Korea-Japan Parliamentary Friendship Group?",
            Form.NO,
            "friendship-group",
        ),
        ("Did Woo chair the Kazakhstan-Korea friendship group?", Form.YES, "friendship-group"),
        # what is agreed to be done, the opposite of what the entry says was agreed
        ("did the sides agree to end cooperation", Form.NO, "meeting-outcome"),
        ("did they agree to continue the dialogue", Form.YES, "meeting-outcome"),
        ("did the meeting end", Form.YES, "meeting-outcome"),  # "end" is not what was agreed
        # another country or city typed in lower case
        ("is arystanov kazakhstan's ambassador to japan", Form.NO, "ambassador"),
        ("is the doosan plant in shymkent", Form.NO, "doosan-power-plant"),
        # the entry the check is about ranks below one that states the year of something else
        ("Was the release dated 2023?", Form.NO, "publication-date"),
        # a word the release never uses before a word the entry puts another word before
        ("Is Doosan building a nuclear power plant in Turkestan?", Form.NO, "doosan-power-plant"),
        (
            "Did Woo Won-shik describe a privileged strategic partnership?",
            Form.NO,
            "political-dialogue",
        ),
    ],
)
def test_yes_or_no(matcher: Matcher, question: str, form: Form, intent: str) -> None:
    match = matcher.match(question)
    assert (match.kind, match.form, match.intent) == (Kind.ANSWER, form, intent)


@pytest.mark.parametrize(
    "question",
    [
        "Did Woo meet the ambassador of Kazakhstan in Tokyo?",  # no place of the meeting
        "Is Doosan building any nuclear power plants in Kazakhstan?",  # others may exist
        "Is there a nuclear power plant in the Turkestan region?",
        # the entry's own word in the question is no opposite of it
        "At the end of the conversation, did the sides agree to continue the dialogue?",
    ],
)
def test_no_no_without_a_value_in_its_place(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).form is not Form.NO


@pytest.mark.parametrize(
    "question",
    [
        # the release never says there is no other
        "Is CU the only convenience store chain that opened stores in Almaty?",
        "Are there only 2 flights a week between Astana and Seoul?",
    ],
)
def test_only_is_never_confirmed(matcher: Matcher, question: str) -> None:
    match = matcher.match(question)
    assert match.answered and match.form is Form.PLAIN


@pytest.mark.parametrize(
    "question",
    [
        "Did Hyundai close its plant?",  # the entry says only that the plants are a success
        "Did Kia shut its factory in Kazakhstan?",
    ],
)
def test_a_reversal_the_entry_does_not_state_is_never_confirmed(
    matcher: Matcher, question: str
) -> None:
    match = matcher.match(question)
    assert match.form is not Form.YES
    assert not match.answered
    assert "kia-hyundai" in {c.intent for c in match.suggestions}


@pytest.mark.parametrize(
    ("question", "form", "intent"),
    [
        ("Did CU close its stores in Almaty?", Form.NO, "cu-stores"),  # it states the opening
        ("Did Kia open a plant in Kazakhstan?", Form.YES, "kia-hyundai"),  # no reversal
    ],
)
def test_a_reversal_the_entry_states_the_opposite_of_is_denied(
    matcher: Matcher, question: str, form: Form, intent: str
) -> None:
    match = matcher.match(question)
    assert (match.kind, match.form, match.intent) == (Kind.ANSWER, form, intent)


@pytest.mark.parametrize(
    "question",
    [
        "Did Kazakhstan's parliament speaker meet the ambassador?",  # Korea's speaker did
        "Did Korea's ambassador meet the speaker?",  # Kazakhstan's ambassador did
    ],
)
def test_a_post_put_to_the_other_subject_is_never_confirmed(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).form is not Form.YES


def test_a_figure_alone_is_confirmed_only_by_an_entry_that_asks_it_alone(
    matcher: Matcher,
) -> None:
    """ "Is the news from 2023?" asks the release's year; the entry that states 2023 of its
    statistics does not confirm it. "Is this from 2024?" is asked of the release's date."""
    assert matcher.match("Is the news from 2023?").form is not Form.YES
    match = matcher.match("Is this from 2024?")
    assert (match.form, match.intent) == (Form.YES, "publication-date")


def test_a_wrong_premise_is_never_put_by_an_entry_the_question_says_more_than(
    tmp_path: Path,
) -> None:
    """Asked again without "August 2027", "Will Hidden Kingdom tour to other museums?"
    is closest to the opening entry, but says what it does not (touring, other
    museums): a doubtful entry gives no "No" (a drafted release, as `build` makes it)."""
    release = Path(__file__).resolve().parents[2] / "data" / "unseen" / "fungi-exhibition.md"
    build(release, tmp_path / "draft.yaml")
    matcher = Matcher(load_store(tmp_path / "draft.yaml"))
    match = matcher.match("Will Hidden Kingdom tour to other museums after August 2027?")
    assert not match.answered and match.form is not Form.NO


@pytest.mark.parametrize(
    "question",
    [
        "is woo kazakhstan's speaker",  # the visits entry names no post of his
        "is arystanov korea's ambassador",
    ],
)
def test_a_post_the_answer_does_not_state_is_never_confirmed(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).form is not Form.YES


def test_a_post_used_to_say_who_is_meant_is_no_claim(matcher: Matcher) -> None:
    match = matcher.match("has the speaker ever been to Astana")
    assert (match.kind, match.form, match.intent) == (Kind.ANSWER, Form.YES, "cities-visited")
