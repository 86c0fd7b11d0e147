"""Tests for bot/matching/pipeline.py (`Matcher`) against the shipped store: clear answers,
refusals, small talk, the shape of a `Match`, and robustness for any text a user can send."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.matching import Kind, Match, Matcher
from bot.matching.verdict import Form
from bot.store import load_store
from tests.support import run_python

ROOT = Path(__file__).resolve().parents[2]
EVAL_FILE = ROOT / "tests" / "data" / "eval.yaml"
_EVAL = yaml.safe_load(EVAL_FILE.read_text(encoding="utf-8"))
EVAL_QUESTIONS = [item["q"] for item in _EVAL["in_scope"] + _EVAL["out_of_scope"]]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("how many flights per week", "flights-total"),
        ("fligts", "flights-total"),  # typo
        ("How many fligths are there between Almaty and Seoul?", "flights-almaty-seoul"),
        ("who is the ambassador", "ambassador"),
        ("Who is Woo Won-shik?", "speaker"),
        ("BAKAD", "bakad"),
        ("big almaty ring road", "bakad"),  # synonym
        ("Kia", "kia-hyundai"),
        ("Doosan", "doosan-power-plant"),
        ("When was the release published?", "publication-date"),
    ],
)
def test_clear_questions_get_their_answer(matcher: Matcher, question: str, intent: str) -> None:
    match = matcher.match(question)
    assert (match.kind, match.intent) == (Kind.ANSWER, intent)
    assert match.entry is not None
    assert match.entry.id == intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # everyday words for the release's terms (knowledge/release.yaml synonyms)
        ("did they agree to maintain the dialogue", "meeting-outcome"),  # continue
        ("do they plan to go on talking", "meeting-outcome"),
        ("what is the purpose of the flights", "flights-tourism"),  # contribute
        ("what are the flights good for", "flights-tourism"),
        ("who holds the top post in parliament", "speaker"),
        ("what did arystanov say about woo's new post", "congratulations"),  # election
        ("what did the ambassador say about woo getting the top job", "congratulations"),
        ("what did the kazakh side say about woo becoming speaker", "congratulations"),
    ],
)
def test_everyday_words_for_the_release_terms(matcher: Matcher, question: str, intent: str) -> None:
    match = matcher.match(question)
    assert (match.kind, match.intent) == (Kind.ANSWER, intent)


@pytest.mark.parametrize(
    "question",
    [
        "What is the capital of Kazakhstan?",  # no "capital" of investment
        "How many flights per week are there between Kazakhstan and Germany?",
        "How many flights are there between Almaty and Busan?",
        "Is Doosan building a power plant in the Almaty region?",
    ],
)
def test_near_misses_are_not_answered(matcher: Matcher, question: str) -> None:
    match = matcher.match(question)
    assert match.kind is not Kind.ANSWER
    assert match.entry is None


def test_a_name_misspelt_by_one_letter_is_read_as_the_name(matcher: Matcher) -> None:
    """Transliterated names vary ("Doosen", "Almati"); other words keep a strict cut-off."""
    assert matcher.prepare("doosen") == ["doosan"]
    assert matcher.prepare("almati") == ["almaty"]
    assert matcher.match("who is building the doosen plant").intent == "doosan-power-plant"
    # Short words one letter from a name are too often other words.
    assert matcher.prepare("youth") == ["youth"]


def test_a_figure_the_entry_never_states_is_not_answered(matcher: Matcher) -> None:
    """The ranks are for 2023; a question about 2024 is a different fact."""
    assert matcher.match("korea trade partner rank for kazakhstan in 2023").intent == (
        "trade-investment"
    )
    top = matcher.candidates("korea's trade partner rank for kazakhstan in 2024?")[0]
    assert (top.intent, top.swapped) == ("trade-investment", True)
    assert matcher.match("korea's trade partner rank for kazakhstan in 2024?").kind is not (
        Kind.ANSWER
    )
    # A number is no figure swap for an entry that states none.
    assert not matcher.candidates("explain in 2 sentences who met whom")[0].swapped


def test_an_entry_knows_every_variant_of_its_terms(matcher: Matcher) -> None:
    """The Doosan entry says "power plant", so it knows "station" (from "power station")."""
    assert matcher.match("size of doosans combined cycle station?").intent == "doosan-power-plant"


def test_leaving_out_a_subject_or_naming_a_sibling_is_no_name_swap(matcher: Matcher) -> None:
    """ "kia factory kazakhstan" does not say "Korea"; "Hyundai" is in the same entry as "Kia"."""
    for question in ("kia factory kazakhstan", "hyundai factory kazakhstan"):
        top = matcher.candidates(question)[0]
        assert (top.intent, top.swapped) == ("kia-hyundai", False)
        assert matcher.match(question).intent == "kia-hyundai"
    assert matcher.match("Who is the President of South Korea?").kind is not Kind.ANSWER
    top = matcher.candidates("How many flights are there between Almaty and Seoul?")[0]
    assert (top.intent, top.swapped) == ("flights-almaty-seoul", False)
    swapped = matcher.candidates("How many flights are there between Astana and Seoul?")
    assert [c.swapped for c in swapped if c.intent == "flights-almaty-seoul"] == [True]


def test_the_two_countries_the_other_way_round_ask_about_someone_else(matcher: Matcher) -> None:
    """Korea's ambassador to Kazakhstan is not in the release; flights run both ways."""
    reversed_ = matcher.match("Who is the ambassador of Korea to Kazakhstan?")
    assert reversed_.kind is not Kind.ANSWER
    assert [c.intent for c in reversed_.suggestions][:1] == ["ambassador"]  # offered, not asserted
    for same in (
        "who is kazakhstan's ambassador to korea",
        "who is the ambassador in korea from kazakhstan",  # other words, same direction
        "korea ambassador kazakhstan",  # no direction given
    ):
        assert matcher.match(same).intent == "ambassador", same
    assert matcher.match("how many flights between korea and kazakhstan").intent == "flights-total"


def test_a_long_question_the_entry_explains_is_answered(matcher: Matcher) -> None:
    question = (
        "my grandpa lives in kyzylorda and says some korean politician came there more than "
        "once, was that woo? where else did he go in kazakhstan?"
    )
    match = matcher.match(question)
    assert (match.kind, match.intent) == (Kind.ANSWER, "cities-visited")
    # A question with a word no entry knows gets no such help.
    assert matcher.match("how many flights between kazakhstan and germany per week").kind is not (
        Kind.ANSWER
    )


def test_which_says_nothing_of_the_kind_of_answer(matcher: Matcher) -> None:
    """No congratulations phrasing starts with "which", yet "which election" is its question."""
    top = matcher.candidates("which election did arystanov congratulate the speaker on")[0]
    assert (top.intent, top.doubtful) == ("congratulations", False)


def test_when_is_answered_only_by_an_entry_that_states_a_date(matcher: Matcher) -> None:
    """The congratulations entry says Woo was elected, not when."""
    top = matcher.candidates("When was Woo Won-shik elected speaker?")[0]
    assert (top.intent, top.swapped) == ("congratulations", True)
    assert matcher.match("When was Woo Won-shik elected speaker?").kind is not Kind.ANSWER
    assert matcher.match("when were hong beom do's remains returned").intent == "hong-beom-do"


def test_what_is_a_name_is_answered_only_by_an_entry_about_that_name(matcher: Matcher) -> None:
    """ "What is BAKAD?" has its entry; no entry says what Astana is, only facts about it."""
    for question, intent in [
        ("what is bakad", "bakad"),
        ("who is arystanov", "ambassador"),
        ("who is the speaker", "speaker"),  # a title the release capitalises
        ("whos the speaker of the national assembly", "speaker"),
    ]:
        assert matcher.match(question).intent == intent, question
    for question in ("what is astana", "what's astana", "tell me: what is astana", "what is korea"):
        top = matcher.candidates(question)[0]
        assert top.swapped, question
        assert matcher.match(question).kind is not Kind.ANSWER, question
    assert matcher.match("astana seoul flights").intent == "flights-astana-seoul"


def test_a_variant_that_describes_a_name_teaches_no_word(matcher: Matcher) -> None:
    """ "kazakh capital" means Astana, but "capital" alone does not: "the capital of France"."""
    assert matcher.prepare("flights from the kazakh capital to seoul") == [
        "flight",
        "astana",
        "seoul",
    ]
    assert matcher.match("What is the capital of Kazakhstan?").kind is Kind.FALLBACK
    # "convenience store" is another name for a store: the CU entry knows "convenience".
    assert matcher.match("Are there any Korean convenience shops in Almaty now?").intent == (
        "cu-stores"
    )


def test_when_inside_a_sentence_asks_no_date(matcher: Matcher) -> None:
    """ "... when he was in Kazakhstan" is about a time, not a question for one."""
    question = "which cities did woo visit when he was in kazakhstan"
    assert matcher.match(question).intent == "cities-visited"


def test_on_what_date_asks_when(matcher: Matcher) -> None:
    question = "On what date did the AI school at Korkyt Ata University open?"
    assert matcher.candidates(question)[0].swapped
    assert matcher.match(question).kind is not Kind.ANSWER
    assert matcher.match("which year were the general's remains returned").intent == "hong-beom-do"


@pytest.mark.parametrize("question", ["how?", "why", "hey, who, when?"])
def test_a_question_of_question_words_alone_asks_no_entry(matcher: Matcher, question: str) -> None:
    entries = {entry.id for entry in matcher.store.entries}
    assert all(c.intent not in entries for c in matcher.candidates(question))
    assert matcher.match(question).kind is not Kind.ANSWER


def test_a_swapped_name_is_never_answered_however_high_it_scores(matcher: Matcher) -> None:
    top = matcher.candidates("who is south korea's ambassador to kazakhstan")[0]
    assert top.swapped and top.intent == "ambassador"
    assert top.score >= matcher.params.answer_threshold + matcher.params.doubt_margin
    assert matcher.match("who is south korea's ambassador to kazakhstan").kind is not Kind.ANSWER


def test_one_unknown_word_in_a_long_question_does_not_sink_it(matcher: Matcher) -> None:
    """ "planning" is a small part of this question; "Germany" is a fifth of the other."""
    long = "hey im planning a trip, how many flights a week in total connect kazakhstan with korea?"
    assert matcher.match(long).intent == "flights-total"
    assert matcher.candidates(long)[0].doubtful is False
    short = matcher.candidates(
        "How many flights per week are there between Kazakhstan and Germany?"
    )
    assert short[0].doubtful is True


def test_a_title_the_entry_uses_elsewhere_is_no_swap_for_a_name(matcher: Matcher) -> None:
    """ "the speaker" is Woo Won-shik; the entry's phrasings say both."""
    match = matcher.match("why did arystanov congratulate the speaker")
    assert (match.kind, match.intent) == (Kind.ANSWER, "congratulations")


@pytest.mark.parametrize(
    "question", ["What is the capital of France?", "asdfghjkl", "", "   ", "?!?!", "🙂🙂🙂"]
)
def test_unrelated_or_empty_questions_fall_back(matcher: Matcher, question: str) -> None:
    match = matcher.match(question)
    assert match.kind is Kind.FALLBACK
    assert match.entry is None
    assert match.smalltalk is None
    assert match.intent is None


@pytest.mark.parametrize(
    ("question", "intent"),
    [("hi", "greeting"), ("Hello!", "greeting"), ("thanks", "thanks"), ("Thank you!", "thanks")],
)
def test_smalltalk_is_recognised(matcher: Matcher, question: str, intent: str) -> None:
    match = matcher.match(question)
    assert (match.kind, match.intent) == (Kind.SMALLTALK, intent)
    assert match.smalltalk is not None
    assert match.entry is None
    assert not match.answered


def _assert_well_formed(match: Match, max_chars: int) -> None:
    assert isinstance(match.kind, Kind)
    assert 0.0 <= match.score <= 100.0
    assert match.answered == (match.kind is Kind.ANSWER)
    assert len(match.question) <= max_chars
    assert len(match.suggestions) <= 3
    scores = [c.score for c in match.suggestions]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 100.0 for s in scores)
    if match.kind is Kind.ANSWER:
        assert (match.entry is None) != (match.passage is None)
        assert match.smalltalk is None
        assert match.intent == (match.entry.id if match.entry else None)
    elif match.kind is Kind.SMALLTALK:
        assert match.smalltalk is not None
        assert match.entry is None
        assert match.intent == match.smalltalk.id
    else:
        assert match.entry is None
        assert match.smalltalk is None
        assert match.intent is None
    if match.kind is Kind.CLARIFY:
        assert match.suggestions


@pytest.mark.parametrize("question", EVAL_QUESTIONS)
def test_every_verdict_is_well_formed(matcher: Matcher, question: str) -> None:
    """answered iff kind is answer; intent, entry and small talk agree; at most 3 suggestions."""
    store = matcher.store
    match = matcher.match(question)
    _assert_well_formed(match, store.settings.max_query_chars)
    entry_ids = {e.id for e in store.entries}
    assert all(c.intent in entry_ids for c in match.suggestions)


def test_long_questions_are_cut_to_max_query_chars(matcher: Matcher) -> None:
    limit = matcher.params.max_query_chars
    match = matcher.match("how many flights " * 1000)
    assert match.question == ("how many flights " * 1000)[:limit]
    assert match.cut


def test_match_of_a_non_string_is_a_fallback(matcher: Matcher) -> None:
    match = matcher.match(None)  # type: ignore[arg-type]
    assert (match.kind, match.score, match.question) == (Kind.FALLBACK, 0.0, "")


# Text users actually send, beyond what st.text() finds quickly.
_HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<b>flights</b> &amp; &lt;",
        "'; DROP TABLE entries; --",
        "SELECT * FROM answers WHERE 1=1",
        "{{7*7}} ${jndi:ldap://x} %s%s%n",
        "\u202eflights\u202c",  # right-to-left override
        "f\u0301l\u0308ights",  # combining marks
        "\ufdfa" * 300,  # one code point that NFKC expands to 18
        "flights " * 2000,
        "a" * 10_000,
        "Ａлматы ✈️ 서울 🇰🇿 flights",
        "\x00\x01\x1b[31mred\x1b[0m",
    ]
)


@settings(max_examples=300, deadline=None, database=None)
@given(
    question=st.one_of(
        st.text(max_size=10_000),
        st.text(st.characters(codec="utf-8"), max_size=400),
        st.lists(st.sampled_from(["flights", "Almaty", "Seoul", "ambassador", "🙂", "&", "."])).map(
            " ".join
        ),
        _HOSTILE,
        st.tuples(_HOSTILE, st.text(max_size=50)).map("".join),
    )
)
@example(question="\ufdfa" * 300)  # found by this test: NFKC makes 300 characters 5,400
def test_match_never_raises_and_bounds_its_work_for_any_text(
    matcher: Matcher, question: str
) -> None:
    """Any text gets a well-formed verdict, and what is matched is capped in length.

    Speed itself is measured by the benchmarks, not here: the cap on words is
    what keeps a 10,000-character message as cheap as a short one.
    """
    match = matcher.match(question)
    _assert_well_formed(match, matcher.params.max_query_chars)
    assert len(matcher.prepare(question)) <= matcher.params.max_query_words


def test_matcher_and_cli_do_not_import_telegram() -> None:
    code = (
        "import sys, bot.matching.evaluate, bot.cli, bot.replies, bot.store\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'telegram'))"
    )
    assert run_python(code) == "[]\n"


# --- Answering from the text when no entry fits ---------------------------------------------

_ONE_ENTRY_STORE = """\
document: {document}
title: The meeting only
entries:
  - id: meeting
    topic: The meeting
    questions: ["Who met whom?"]
    answer: Nurgali Arystanov met Woo Won-shik.
    source: Nurgali Arystanov, held a meeting with the Speaker
"""


@pytest.fixture(scope="module")
def sparse(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    """A store with one entry: most of the release is covered by no entry at all."""
    folder = tmp_path_factory.mktemp("sparse")
    path = folder / "store.yaml"
    path.write_text(_ONE_ENTRY_STORE.format(document=ROOT / "knowledge" / "release.txt"))
    return Matcher(load_store(path))


def test_a_sentence_of_the_release_answers_what_no_entry_covers(sparse: Matcher) -> None:
    """With no entry on the AI school, the sentence that names it is quoted as the answer."""
    match = sparse.match("Which university helped open the School of Artificial Intelligence?")
    assert (match.kind, match.entry, match.intent) == (Kind.ANSWER, None, None)
    assert (
        match.passage is not None and "with the assistance of Seoultech University" in match.passage
    )


@pytest.mark.parametrize(
    "question",
    [
        "Which university assisted the opening of the school of Artificial Intelligence in Tokyo?",
        "seoultech korkyt",  # keywords alone are the store's job, not a sentence's
        "What is the capital of France?",
    ],
)
def test_no_sentence_answers_an_uncovered_or_keyword_question(
    sparse: Matcher, question: str
) -> None:
    """An unknown name sinks a sentence answer, and two keywords are not a question."""
    match = sparse.match(question)
    assert match.kind is not Kind.ANSWER and match.passage is None


def test_match_is_verdict_of_score_which_the_evaluation_uses(matcher: Matcher) -> None:
    """`evaluate` calls `score` then `verdict`; `match` is exactly that, for every eval question,
    so a stage added to the pipeline cannot drop out of the evaluation."""
    for question in EVAL_QUESTIONS:
        assert matcher.match(question) == matcher.verdict(matcher.score(question)), question


def test_the_question_sentences_are_read_alone_when_the_whole_message_ties_two_entries(
    matcher: Matcher,
) -> None:
    from bot.matching.pipeline import Scored, _reads_better
    from bot.matching.verdict import Candidate

    params = matcher.params
    query = matcher.score("How many flights a week?").query

    def scored(*candidates: tuple[str, float]) -> Scored:
        return Scored(query, tuple(Candidate(i, i, s) for i, s in candidates))

    alone = scored(("flights-astana-seoul", 93.0))
    # The whole message ties the two flight entries: its question sentence tells them apart.
    tie = scored(("flights-almaty-seoul", 60.0), ("flights-astana-seoul", 60.0 - params.margin))
    assert _reads_better(alone, tie, params)
    # A whole message sure of another entry keeps it (its context may be what it asks).
    sure = scored(("flights-almaty-seoul", 60.0), ("flights-astana-seoul", 50.0))
    assert not _reads_better(alone, sure, params)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("сколько рэйсов из астаны в сеул", "flights-astana-seoul"),  # э for е
        ("как спикер оценил политический диолог", "political-dialogue"),  # о for а
    ],
)
def test_a_russian_typo_is_read_as_its_word_by_the_gloss_too(
    russian: Matcher, question: str, intent: str
) -> None:
    """The English gloss reads a word it does not know as the store word it is a typo
    of: an unread word would make "how many" ask a count nothing states."""
    match = russian.match(question)
    assert (match.kind, match.form, match.intent) == (Kind.ANSWER, Form.PLAIN, intent)


def test_a_russian_question_that_says_there_is_read_with_its_context_names(
    russian: Matcher,
) -> None:
    """ "Что там открыли?" says "there"; the sentence before names the place."""
    message = "Привет! Я учусь в университете Коркыт Ата. Что там открыли недавно?"
    assert russian._context_names(message, "Что там открыли недавно?") == "университете Коркыт Ата"
    match = russian.match(message)
    assert (match.kind, match.intent) == (Kind.ANSWER, "ai-school")


def test_an_english_question_sentence_is_read_alone(matcher: Matcher) -> None:
    assert (
        matcher._context_names("I study in Kyzylorda. What opened there?", "What opened there?")
        == ""
    )


def test_a_did_you_mean_whose_entry_quotes_the_clear_sentence_answers(tmp_path: Path) -> None:
    """The drafted entry on the new route is offered at 56; the release's sentence on it
    answers clearly (94): the two agree, so the entry answers. Without that agreement
    (a bar no sentence reaches) it stays a "did you mean"."""
    from dataclasses import replace

    from bot.drafting import build

    release = ROOT / "tests" / "data" / "unseen" / "airline-route.txt"
    build(release, tmp_path / "airline.yaml")
    drafted = Matcher(load_store(tmp_path / "airline.yaml"))
    question = "When does the nonstop Vardenholm service start?"
    match = drafted.match(question)
    assert match.kind is Kind.ANSWER and match.entry is not None
    assert "beginning Thursday, March 26, 2027" in match.entry.source
    unconfirmed = drafted.plain_verdict(question, replace(drafted.params, passage_confirms=101.0))
    assert unconfirmed.kind is Kind.CLARIFY
