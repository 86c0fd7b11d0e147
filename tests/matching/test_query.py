"""Tests for bot/matching/query.py: finding the question in a long message, and reading a
question once into a `Query`."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.matching import Kind, Matcher, Matchers, Params
from bot.matching.forms import other_aspect
from bot.matching.query import focus, question_part, read, referent
from bot.matching.slips import is_slip
from bot.matching.typos import correct
from bot.store import Store, load_store

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


@pytest.mark.parametrize(
    ("message", "names"),
    [
        (
            "I write a paper on Central Asia, and I read about the Kazakh ambassador. "
            "Who did he meet?",
            "Kazakh ambassador",
        ),
        (
            "My dad talks about General Hong Beom-do. What does it say about him?",
            "General Hong Beom-do",
        ),
        ("I write about Japan's ambassador. Who did he meet?", ""),  # Japan's, not Kazakhstan's
        # "there" in the last statement points further back
        (
            "My son studies at Korkyt Ata University and he says a school opened there. "
            "What is it?",
            "Korkyt Ata University",
        ),
        ("Hello. I'm writing about Japan. Who is the ambassador there?", ""),
        # the last statement with a word of the store names nothing: "it" is the news item
        ("I study Korean in Almaty and our teacher showed us this report. Who published it?", ""),
    ],
)
def test_referent(matcher: Matcher, message: str, names: str) -> None:
    assert referent(message, matcher.index) == names


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        (
            "Hi! I write a paper on ties with Central Asia, and I came across this piece about "
            "the Kazakh ambassador. Quick question: who exactly did he meet?",
            "meeting",
        ),
        (
            "My dad won't stop talking about General Hong Beom-do. I saw the name in this "
            "article, what does it say about him?",
            "hong-beom-do",
        ),
    ],
)
def test_a_question_pointing_back_is_read_with_the_names_its_context_gives(
    matcher: Matcher, message: str, intent: str
) -> None:
    match = matcher.match(message)
    assert (match.kind, match.intent) == (Kind.ANSWER, intent)


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
        ("minister", "minister"),  # a post is its own word, not "ministry"
        ("senator", "senator"),
    ],
)
def test_a_negated_word_is_no_typo(matcher: Matcher, word: str, read_as: str) -> None:
    assert correct(word, matcher.index, PARAMS) == read_as


@pytest.mark.parametrize(
    ("word", "read_as"),
    [
        ("arts", "arts"),  # an English word of its own, not "marts"
        ("nuclear", "nuclear"),  # not "unclear"
        ("traveled", "travelled"),  # a form of the store's word is read as it
        ("politically", "political"),
        ("speeker", "speaker"),  # no English word: a typo
    ],
)
def test_an_english_word_is_corrected_only_to_a_form_of_itself(
    matcher: Matcher, word: str, read_as: str
) -> None:
    assert correct(word, matcher.index, PARAMS) == read_as


def test_a_word_made_from_a_store_word_by_a_suffix_is_read_as_it(tmp_path: Path) -> None:
    """ "employees" is an English word of its own, but made from "employs": it is read
    as the store's word, as a form of it would be ("arts" stays apart from "marts")."""
    stores = Path(__file__).resolve().parents[1] / "data" / "stores"
    for name in ("good.yaml", "release.txt"):
        text = (stores / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace("will employ", "employs"), encoding="utf-8")
    matcher = Matcher(load_store(tmp_path / "good.yaml"))
    assert correct("employees", matcher.index, PARAMS) in ("employ", "employs")
    assert correct("employer", matcher.index, PARAMS) in ("employ", "employs")


@pytest.mark.parametrize(
    ("word", "slip"),
    [
        ("afect", True),  # "affect"
        ("menshioned", True),  # two edits from "mentioned": long enough
        ("wich", True),  # four letters: a slip of a function word ("which")
        ("yoon", False),  # four letters, no function word an edit away
        ("busan", False),  # a name no list has is no edit from an everyday word
        ("rain", False),  # an English word
        ("dose", True),  # an English word, but "does" with two letters swapped
        ("nuclear", False),
    ],
)
def test_is_slip(word: str, slip: bool) -> None:
    assert is_slip(word) is slip


def test_a_slip_costs_an_entry_what_an_everyday_word_does(matcher: Matcher) -> None:
    """ "and wich university helped with the AI scool": "wich" is no rare word that makes
    the match doubtful (first in a question it is read as "which": `question_word`)."""
    query = read("and wich university helped with the AI scool", matcher.index, PARAMS)
    assert query.slips == {"wich"}
    match = matcher.match("and wich university helped with the AI scool")
    assert match.answered and match.intent == "ai-school"


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Who chairs the Korea-Japan friendship group?", {"japan"}),
        ("Did Seoultech help the Almaty Management University?", {"management"}),
        ("Who is the Speaker?", set()),  # a word the release uses
        ("Yoon?", set()),  # the first word of a sentence may be capitalised anyway
        ("Japan?", {"japan"}),  # ... but a country is a name wherever it stands
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


@pytest.mark.parametrize(
    ("message", "part"),
    [
        # A Kazakh sentence with a question word asks, mark or none: the word comes late.
        ("Сәлем. Рейс неше? Туризмге әсері қандай", "Рейс неше? Туризмге әсері қандай"),
        ("Мен студентпін. Мектеп қай университетте ашылды", "Мектеп қай университетте ашылды"),
        # Russian "не" (not) asks nothing.
        ("Привет. Я не знаю. Сколько рейсов?", "Сколько рейсов?"),
    ],
)
def test_a_kazakh_sentence_with_a_question_word_is_a_question(
    message: str, part: str | None
) -> None:
    assert question_part(message) == part


@pytest.mark.parametrize(
    ("question", "numbers"),
    [
        ("How many flights from Astana run in a 52-week year?", set()),  # a year's length
        ("how many flights in a 365 day year", set()),
        ("how many flights in 2 weeks", {"2"}),  # a count of weeks is asked about
    ],
)
def test_the_length_of_a_period_is_no_figure(
    matcher: Matcher, question: str, numbers: set[str]
) -> None:
    assert read(question, matcher.index, PARAMS).numbers == numbers


@pytest.mark.parametrize("question", ["Which agency put out this story?", "who wrote the piece"])
def test_a_word_for_the_release_itself_asks_nothing(matcher: Matcher, question: str) -> None:
    """ "this story", "the piece": the release, like "this article" (data/stopwords.txt)."""
    assert not {"story", "piece"} & set(read(question, matcher.index, PARAMS).words)


@pytest.mark.parametrize(
    ("word", "read_as"),
    [
        ("пасол", "посол"),  # one slip as spelt is too many for a short word; none by ear
        ("новасть", "новость"),
        ("кваказябра", "кваказябра"),  # sounds like no word of the store
        ("премьер", "премьер"),  # one slip from "пример" even as it sounds: another word
    ],
)
def test_a_russian_typo_made_by_ear_is_corrected(russian: Matcher, word: str, read_as: str) -> None:
    stem = russian.index.language.stem
    assert stem(correct(word, russian.index, russian.params)) == stem(read_as)


def test_a_form_of_a_store_word_is_left_to_its_stem(russian: Matcher) -> None:
    """ "влияет" (the store has "влияют") is no typo: corrected to the bare stem by sound,
    it would be stemmed again into another word."""
    assert correct("влияет", russian.index, russian.params) == "влияет"
    assert "влия" in read("как рейсы влияет на туризм", russian.index, russian.params).words


def test_an_english_store_compares_typos_as_spelt(matcher: Matcher) -> None:
    assert not matcher.index.sounds


def test_a_russian_word_the_glossary_reads_otherwise_is_no_typo(russian: Matcher) -> None:
    """ "стоит" (cost) is one letter from "строит" (build), a store word: corrected, the
    question would ask who builds the plant, not what it costs."""
    query = read(
        "сколько стоит построить электростанцию", russian.index, russian.params, russian.glossary
    )
    assert "cost" in query.words
    assert not russian.match("сколько стоит построить электростанцию").answered


def test_a_filler_word_stays_filler_whatever_its_gloss(russian: Matcher) -> None:
    """ "ребята" (guys) and "коллеги" are filler of a chatty Russian question, not the
    English words the glossary reads them as."""
    query = read(
        "Коллеги, ребята, кто такой У Вон Сик?", russian.index, russian.params, russian.glossary
    )
    assert not {"guys", "guy", "colleagues", "коллег"} & set(query.words)
    assert russian.match("Коллеги, а кто такой У Вон Сик? Спасибо!").intent == "speaker"


def test_a_korean_typo_near_a_name_and_an_everyday_word_is_the_name(korean: Matcher) -> None:
    # 기야: one jamo from 기아 (Kia, a name of the release) and from 기여 (a contribution).
    assert korean.prepare("기야 공장") == korean.prepare("기아 공장")
    assert korean.prepare("기여") != korean.prepare("기아")  # a word as written stays


@pytest.mark.parametrize(
    ("typed", "store_word"),
    [("meting", "meeting"), ("meetting", "meeting"), ("agrement", "agreement")],
)
def test_a_rare_word_a_doubled_letter_off_a_store_word_is_that_word(
    matcher: Matcher, typed: str, store_word: str
) -> None:
    """ "meting" is a word of its own, but one no one asks a release about."""
    assert correct(typed, matcher.index, PARAMS) == store_word


def test_an_everyday_word_a_doubled_letter_off_stays_itself(matcher: Matcher) -> None:
    assert correct("hoping", matcher.index, PARAMS) == "hoping"


@pytest.mark.parametrize(
    ("typed", "word"),
    [("wen", "when"), ("hw", "how"), ("wich", "which"), ("whn", "when"), ("wy", "why")],
)
def test_a_first_word_missing_a_letter_of_a_question_word_is_that_word(
    matcher: Matcher, typed: str, word: str
) -> None:
    assert read(f"{typed} was it published", matcher.index, PARAMS).tokens[0] == word


@pytest.mark.parametrize("first", ["who", "were", "here", "how"])
def test_a_question_or_function_word_is_never_rewritten(matcher: Matcher, first: str) -> None:
    assert read(f"{first} met woo", matcher.index, PARAMS).tokens[0] == first


def test_a_mistyped_question_word_keeps_the_question_answerable(matcher: Matcher) -> None:
    assert matcher.match("wen was the news releasd").intent == "publication-date"


@pytest.mark.parametrize(
    "question",
    ["who is the ambassador to japan", "flights from almaty to busan", "is it china's envoy"],
)
def test_a_country_or_city_typed_in_lower_case_is_a_name_the_release_never_uses(
    matcher: Matcher, question: str
) -> None:
    assert read(question, matcher.index, PARAMS).unknown_names


def test_a_place_of_the_release_typed_in_lower_case_is_no_unknown_name(matcher: Matcher) -> None:
    assert not read("flights from almaty to seoul", matcher.index, PARAMS).unknown_names


def test_a_place_in_the_context_of_a_chatty_message_is_not_what_it_asks(
    matcher: Matcher,
) -> None:
    message = "i live in shymkent and read the news. which company builds the power plant?"
    assert not read(message, matcher.index, PARAMS).unknown_names
    assert matcher.match(message).intent == "doosan-power-plant"


@pytest.mark.parametrize(
    ("typo", "word"), [("закончелась", "закончилась"), ("завиршилась", "завершилась")]
)
def test_a_russian_typo_read_as_another_form_of_its_word_is_corrected(
    russian: Matcher, typo: str, word: str
) -> None:
    """The glossary reads "закончелась" by its start ("законч": "end") and the store word
    "закончилась" whole ("ended"): two forms of one English word, so the typo is that
    store word, not a word of its own."""
    query = read(f"чем {typo} беседа", russian.index, russian.params, russian.glossary)
    assert russian.index.language.stem(word) in query.words


@pytest.mark.parametrize(
    ("word", "read_as"),
    [
        ("хвалил", "похвал"),  # the store says "похвалил": the everyday perfective "по-"
        ("выстроили", "стро"),  # a prefix taken off: the store's "строит"
        ("посодействовал", "содействова"),
        ("говорится", None),  # no "переговор" (talks): only "по-" is put on
        ("отказался", None),  # no "сказал": a prefix is never swapped for another
    ],
)
def test_a_russian_verb_is_read_as_the_store_word_of_its_other_aspect(
    russian: Matcher, word: str, read_as: str | None
) -> None:
    assert other_aspect(russian.index.language.stem(word), russian.index) == read_as


@pytest.mark.parametrize(
    "question", ["что-нибудь про туризм", "кто-либо из корейцев", "кое-что о туризме"]
)
def test_a_russian_indefinite_particle_is_filler(russian: Matcher, question: str) -> None:
    """ "-нибудь", "-либо", "кое-" make "what" "anything": they name nothing asked."""
    query = read(question, russian.index, russian.params, russian.glossary)
    assert not {"нибуд", "либ", "кое"} & set(query.words)


def test_a_form_of_a_store_word_is_never_corrected_into_a_bare_stem(russian: Matcher) -> None:
    """ "занимал" is a form of the store's "занимает" (stem "занима"): as a typo of the
    stem "занима", it would stem again into "заним", no word of the store."""
    assert correct("занимал", russian.index, russian.params) == "занимал"
    query = read("какой пост занимал спикер", russian.index, russian.params, russian.glossary)
    assert "занима" in query.words


def test_a_russian_question_reported_after_a_request_phrase_is_the_question() -> None:
    """ "... и спрашивает меня кто ...": what follows the phrase is asked, though the
    clause opens with context (data/request_phrases.txt)."""
    message = "брат прочитал про рейсы и спрашивает меня сколько их в неделю из астаны."
    assert question_part(message) == "сколько их в неделю из астаны."
