"""Tests for bot/matching/query.py: finding the question in a long message, and reading a
question once into a `Query`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.matching import Kind, Matcher, Matchers, Params
from bot.matching.query import correct, focus, question_part, read
from bot.store import Store

PARAMS = Params()
PREAMBLE = (
    "Good afternoon, and thank you so much for making this bot available to everyone who "
    "follows the news. I am a student of international relations and I am writing a short "
    "essay about the ties between the two countries, so I have been reading the release "
    "carefully and trying to note down the main figures. "
)
QUESTION = "How many flights per week are there between Kazakhstan and Korea?"


@pytest.mark.parametrize(
    ("message", "read_as", "cut"),
    [
        ("How many flights?", "How many flights?", False),
        ("  two  spaces ", "  two  spaces ", False),  # short text is read exactly as sent
        (PREAMBLE + QUESTION, QUESTION, True),  # the question after a long preamble
        (QUESTION + " " + PREAMBLE, QUESTION, True),  # ... or before a long afterword
        (PREAMBLE + "Can you help? " + PREAMBLE + QUESTION, "Can you help? " + QUESTION, True),
        (PREAMBLE + "\nwho is the ambassador\n" + PREAMBLE, "who is the ambassador", True),
        (PREAMBLE * 3, (PREAMBLE * 3)[:300], True),  # no question sentence: the start
        ("flights " * 100, ("flights " * 100)[:300], True),  # too many words
    ],
)
def test_focus_reads_the_question_sentences_of_a_long_message(
    message: str, read_as: str, cut: bool
) -> None:
    assert focus(message, PARAMS) == (read_as, cut)


@pytest.mark.parametrize(
    ("message", "part"),
    [
        ("How many flights are there?", None),  # all question: nothing to leave out
        ("Hello! Who is the ambassador?", "Who is the ambassador?"),
        ("Thanks :) One more thing: when was it published?", "when was it published?"),
        ("I teach history. I'd love to know who met the speaker.", "who met the speaker."),
        ("Hi. Could you kindly tell me which plants Kia has?", "which plants Kia has?"),
        ("hello! can you list the flights to Seoul? thanks", "the flights to Seoul?"),
        ("I need the date of the release. Can you help?", "the date of the release. Can you help?"),
        ("Good evening, I was wondering", None),  # a request with nothing after it
        ("Hi there. I read the news today.", None),  # no question at all
    ],
)
def test_question_part_is_the_question_of_a_chatty_message(message: str, part: str | None) -> None:
    assert question_part(message) == part


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # greetings and context around the question, which alone finds the same entry
        (
            "Good morning! My sister works in tourism in Almaty. I would like to know how many "
            "flights per week there are between Almaty and Seoul.",
            "flights-almaty-seoul",
        ),
        (
            "Hi :) I'm preparing a talk at my school in Kyzylorda. Could you tell me who "
            "helped open the AI school at Korkyt Ata University?",
            "ai-school",
        ),
        # an unknown name in the context ("English") says nothing of a question that
        # does not point back to it
        ("Sorry for my English. Which cities Woo visited?", "cities-visited"),
        # the whole message is not close enough to any entry to offer it
        (
            "Hello! I teach history at a school in Almaty and we read this news in class. "
            "Could you tell me who reported it first?",
            "news-source",
        ),
    ],
)
def test_a_chatty_message_is_answered_by_its_question(
    matcher: Matcher, message: str, intent: str
) -> None:
    match = matcher.match(message)
    assert (match.kind, match.intent) == (Kind.ANSWER, intent)


@pytest.mark.parametrize(
    "message",
    [
        "Hello. I'm writing about Japan. Who is the ambassador there?",
        "Hi! My friend lives in Shymkent. Has Woo visited her city?",
    ],
)
def test_a_context_that_rules_the_entry_out_is_kept(matcher: Matcher, message: str) -> None:
    """The context names what the release never does: the question alone ("who is the
    ambassador there?") would be answered, the message is not."""
    assert matcher.match(question_part(message) or "").answered
    assert not matcher.match(message).answered


def test_the_question_alone_never_overrides_what_the_context_is_about(matcher: Matcher) -> None:
    """The question alone asks about "him"; the context says who: another best entry for
    the question alone is no answer."""
    message = "My grandfather told me about General Hong Beom-do. Did the meeting mention him?"
    assert matcher.match("Did the meeting mention him?").intent == "meeting"
    assert matcher.match(message).intent != "meeting"


def test_a_long_polite_question_is_answered_and_marked_cut(matcher: Matcher) -> None:
    """Before, only the first 300 characters were read: the preamble, and a fallback."""
    match = matcher.match(PREAMBLE + QUESTION)
    assert len(PREAMBLE + QUESTION) > PARAMS.max_query_chars
    assert (match.intent, match.question, match.cut) == ("flights-total", QUESTION, True)
    assert matcher.match(QUESTION).cut is False


def test_text_beyond_max_input_chars_is_never_read(matcher: Matcher) -> None:
    far = PREAMBLE * 8 + QUESTION  # the question starts after 2,000 characters
    assert len(PREAMBLE * 8) > PARAMS.max_input_chars
    match = matcher.match(far)
    assert match.question != QUESTION and match.cut


@pytest.mark.parametrize(
    ("question", "numbers"),
    [
        ("How much does a second checked bag cost?", {"second"}),
        ("which country is the third largest investor", {"third"}),
        ("when is the first flight", set()),  # "first" is as often "at first"
        ("can it detect a change within 30 seconds", {"30"}),  # a count of seconds
        ("is the answer there within a second?", set()),  # nothing ranked
    ],
)
def test_an_ordinal_before_what_it_ranks_is_a_figure(
    matcher: Matcher, question: str, numbers: set[str]
) -> None:
    assert read(question, matcher.index, PARAMS).numbers == numbers


def test_read_names_what_a_question_asks(matcher: Matcher) -> None:
    query = read("When did Korea's ambassador to Kazakhstan visit in 2024?", matcher.index, PARAMS)
    assert query.words == ("when", "korea", "ambassador", "kazakhstan", "visit", "2024")
    assert query.numbers == {"2024"}
    assert query.kinds == {"when"}
    assert query.towards == "kazakhstan"
    assert query.asks_date and not query.asks_nothing and not query.defines
    assert read("what is astana", matcher.index, PARAMS).defines
    assert read("how?", matcher.index, PARAMS).asks_nothing
    assert "germany" in read("flights to germany", matcher.index, PARAMS).foreign


@settings(max_examples=200, deadline=None, database=None)
@given(message=st.text(max_size=5000) | st.text("ab ?.\n", max_size=5000))
def test_what_is_read_is_bounded_for_any_message(matcher: Matcher, message: str) -> None:
    """However long the message, at most max_query_chars / max_query_words are matched."""
    shown, cut = focus(message, PARAMS)
    assert len(shown) <= PARAMS.max_query_chars
    assert cut or shown == message
    query = read(message, matcher.index, PARAMS)
    assert len(query.text) <= PARAMS.max_query_chars
    assert len(query.tokens) <= 3 * PARAMS.max_query_words  # a synonym may add words


@pytest.mark.parametrize(
    ("word", "read_as"),
    [
        ("satisfacton", "satisfaction"),  # a typo
        ("dissatisfaction", "dissatisfaction"),  # the opposite, not a typo of it
        ("unsatisfied", "unsatisfied"),
    ],
)
def test_a_negated_word_is_no_typo(matcher: Matcher, word: str, read_as: str) -> None:
    assert correct(word, matcher.index, PARAMS) == read_as


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Who chairs the Korea-Japan friendship group?", {"japan"}),
        ("Did Seoultech help the Almaty Management University?", {"management"}),
        ("Who is the Speaker?", set()),  # a word the release uses
        ("Japan?", set()),  # the first word of a sentence may be capitalised anyway
        ("Hello! Long-time reader here. Who met Woo?", set()),  # ... of any sentence
        ("Is The Plant Big?", set()),  # everyday words
        # three capitalised words the release uses, but no two of them together
        ("Did Seoul National University help open it?", {"seoul", "national", "university"}),
        ("Did Seoul National University help?", set()),  # mostly capitals: Title Case
        ("Who is the Speaker of the Korean National Assembly?", set()),  # "National Assembly"
        ("Did Nurgali Arystanov meet Woo Won-shik?", set()),
        ("Why did the speaker thank President Tokayev?", set()),  # two words: a title and a name
    ],
)
def test_unknown_names(matcher: Matcher, question: str, names: set[str]) -> None:
    """`Query.unknown_names` (`foreign_names`): the names the release never uses."""
    assert read(question, matcher.index, PARAMS).unknown_names == names


@pytest.fixture(scope="module")
def korean() -> Matcher:
    from bot.matching.languages import Matchers
    from bot.store import load_store

    found = Matchers(load_store(), lazy=True).matcher_for("ko")
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("question", "word", "stem"),
    [
        ("알마티 항공사는?", "airline", "항공"),  # not "항공편" by its first syllables
        ("알마티 비행기표 얼마", "ticket", "항공"),  # nor a typo of "비행기"
        ("기아 공장 연간 생산량", "output", "생산"),
    ],
)
def test_a_korean_word_the_store_never_writes_is_read_whole_by_the_glossary(
    korean: Matcher, question: str, word: str, stem: str
) -> None:
    words = korean.prepare(question)
    assert word in words and stem not in words


def test_a_korean_word_the_store_writes_keeps_its_own_reading(korean: Matcher) -> None:
    assert "항공" in korean.prepare("알마티 서울 항공편")  # the store's word, not "flights"


@pytest.mark.parametrize(
    ("message", "part"),
    [
        ("경유는 피하고 싶어서요 ㅠㅠ 항공편이 몇 번 있나요?", "항공편이 몇 번 있나요?"),
        ("기사 봤는데요, 관광에 어떤 역할을 하나요?", "관광에 어떤 역할을 하나요?"),
        ("보고서를 써야 해서요 ㅎㅎ 날짜가 언제인가요?", "날짜가 언제인가요?"),
        ("여행 계획 중인데 비행기가 몇 편이에요?", "비행기가 몇 편이에요?"),
        ("항공편은 몇 편인가요?", None),  # all question
    ],
)
def test_a_korean_chatty_message_is_read_by_its_question(message: str, part: str | None) -> None:
    assert question_part(message) == part


def test_a_korean_typo_of_one_jamo_is_corrected(korean: Matcher) -> None:
    assert "출처" in korean.prepare("출쳐가 어디?")  # ㅕ for ㅓ: a ratio of 80 alone


def test_a_korean_word_the_glossary_reads_is_no_typo(korean: Matcher) -> None:
    assert "except" in korean.prepare("투르키스탄 말고")  # 말고, not 맡고


def test_a_korean_filler_word_is_dropped_not_read_as_english(korean: Matcher) -> None:
    words = korean.prepare("혹시 기사에 나와 있나요")  # "possibly", "published": filler
    assert "possibly" not in words and "published" not in words


def test_a_korean_typo_near_two_words_of_one_meaning_is_that_meaning(korean: Matcher) -> None:
    # 몇펀: one jamo from 몇편 and from 몇번, which the store reads alike (몇 회).
    assert korean.prepare("항공편 몇펀") == korean.prepare("항공편 몇편")


def test_a_word_built_on_another_is_no_typo_of_it(store: Store) -> None:
    kazakh = Matchers(store).matcher_for("kk")
    assert kazakh is not None
    # "министрі" (its minister) is not "министрлік" (a ministry) misspelt.
    assert correct("министри", kazakh.index, kazakh.params) == "министри"
    assert correct("министрлик", kazakh.index, kazakh.params) == "министрлик"


def test_a_kazakh_word_the_store_lacks_is_read_as_its_own_word_of_one_reading(
    store: Store,
) -> None:
    kazakh = Matchers(store).matcher_for("kk")
    assert kazakh is not None
    # "ұшқым" (I'd fly) is no word of the store; "рейс" (flight) is, and reads the same.
    assert "рейс" in kazakh.prepare("Сеулге ұшқым келеді")


def test_a_kazakh_statement_closed_by_goi_is_context_not_question() -> None:
    message = "Елші Сеулде болды ғой, ол кіммен кездесті?"
    assert question_part(message) == "ол кіммен кездесті?"
