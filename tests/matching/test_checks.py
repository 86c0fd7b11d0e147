"""Tests for bot/matching/checks.py: one table per check, question + entry -> finding.

Each row is a question of the kind people send, the shipped store's entry it is
compared with (its best phrasing, as the matcher retrieves it), and what the
check should find: the check's finding name, or None when it finds nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.drafting import build
from bot.matching import Matcher
from bot.matching.checks import (
    CHECKS,
    Finding,
    Pair,
    beyond_named,
    beyond_stated,
    figure_swap,
    misplaced_figures,
    name_swap,
    no_date,
    no_future,
    no_time,
    not_about_name,
    one_side,
    other_kind,
    posts_of,
    question_words_only,
    stated_counts,
    uncounted,
    unstated_attribute,
)
from bot.matching.query import read
from bot.matching.retrieve import retrieve
from bot.store import load_store


def pair(matcher: Matcher, question: str, intent: str) -> Pair:
    """The question and the entry's best phrasing for it, as the pipeline pairs them."""
    query = read(question, matcher.index, matcher.params)
    for hit in retrieve(query, matcher.index, matcher.params):
        item = matcher.index.items[hit.owner]
        if item.id == intent:
            return Pair(query, item, matcher.index.phrasings[hit.phrasing], matcher.index)
    raise AssertionError(f"{intent} is not retrieved for {question!r}")


def found(matcher: Matcher, check: object, question: str, intent: str) -> Finding | None:
    assert callable(check)
    result = check(pair(matcher, question, intent), matcher.params)
    assert result is None or isinstance(result, Finding)
    return result


@pytest.mark.parametrize(
    ("question", "intent", "finding"),
    [
        ("how?", "flights-total", "question_words_only"),
        ("why", "congratulations", "question_words_only"),
        ("how many?", "flights-total", "question_words_only"),
        ("why", "greeting", None),  # small talk may still answer it
        ("how many flights per week", "flights-total", None),
    ],
)
def test_question_words_only(matcher: Matcher, question: str, intent: str, finding: str) -> None:
    result = found(matcher, question_words_only, question, intent)
    assert (result.check if result else None) == finding
    assert result is None or (result.drop and result.factor == 1.0)


@pytest.mark.parametrize(
    ("question", "intent", "finding"),
    [
        # a subject of the release for the other one
        ("Who is the Speaker of the Kazakh parliament?", "speaker", "subject_swap"),
        ("who is the speaker of kazakhstan's parliament", "speaker", "subject_swap"),
        ("kia factory kazakhstan", "kia-hyundai", None),  # a subject left out is no swap
        # another name of the release none of the entry's phrasings mention
        (
            "How many flights are there between Astana and Seoul?",
            "flights-almaty-seoul",
            ("other_name_swap"),
        ),
        ("How many flights are there between Almaty and Seoul?", "flights-almaty-seoul", None),
        ("hyundai factory kazakhstan", "kia-hyundai", None),  # a sibling in the same entry
        # the two subjects the other way round
        ("Who is the ambassador of Korea to Kazakhstan?", "ambassador", "destination_swap"),
        ("who is the korean ambassador to kazakhstan", "ambassador", "destination_swap"),
        ("who is kazakhstan's ambassador to korea", "ambassador", None),
        ("korea ambassador kazakhstan", "ambassador", None),  # no direction given
        # a post given to the other subject than the answer gives it to
        ("who is the korean ambassador", "ambassador", "post_swap"),
        ("Did Korea's ambassador meet the speaker?", "meeting", "post_swap"),
        ("Did Kazakhstan's parliament speaker meet the ambassador?", "meeting", "post_swap"),
        ("did the KZ ambassador meet the ROK parliament speaker?", "meeting", None),
        ("Why did the Korean speaker thank President Tokayev?", "hong-beom-do", None),
        ("Who is the speaker of the parliament of Korea?", "speaker", None),
        # a thing put to the other subject than the answer says it is of
        (
            "where does kazakhstan rank among korea's trade partners",
            "trade-investment",
            "owner_swap",
        ),
        ("is kazakhstan korea's 4th largest trading partner", "trade-investment", "owner_swap"),
        ("is korea kazakhstan's biggest investor", "trade-investment", None),
        ("what is korea's place among investors in kazakhstan", "trade-investment", None),
        ("how many of korea's flights go to kazakhstan", "flights-total", None),  # no owner
        ("Why was Korea's speaker grateful to Kazakhstan's president?", "hong-beom-do", None),
    ],
)
def test_name_swap(matcher: Matcher, question: str, intent: str, finding: str | None) -> None:
    result = found(matcher, name_swap, question, intent)
    assert (result.check if result else None) == finding
    if result:
        assert result.factor == matcher.params.name_swap_factor
        assert result.doubtful and result.swapped


@pytest.mark.parametrize(
    ("question", "intent", "finding"),
    [
        ("korea's trade partner rank for kazakhstan in 2024?", "trade-investment", "figure_swap"),
        ("korea trade partner rank for kazakhstan in 2023", "trade-investment", None),
        ("explain in 2 sentences who met whom", "meeting", None),  # the entry states no figure
        # a figure the entry states of something else: the 5th is the investor rank
        ("which country is the 5th largest trade partner", "trade-investment", "figure_swap"),
        ("which country is the 4th largest trade partner", "trade-investment", None),
        ("13 flights between astana and seoul", "flights-total", "figure_swap"),  # Almaty's
        ("2 flights between astana and seoul", "flights-total", None),
        # an ordinal the entry does not state: another rank than its 4th
        ("which country is the third largest trade partner", "trade-investment", "figure_swap"),
    ],
)
def test_figure_swap(matcher: Matcher, question: str, intent: str, finding: str | None) -> None:
    result = found(matcher, figure_swap, question, intent)
    assert (result.check if result else None) == finding
    assert result is None or (result.swapped and result.doubtful)


@pytest.mark.parametrize(
    ("question", "intent", "finding", "swapped"),
    [
        ("When was Woo Won-shik elected speaker?", "congratulations", "other_kind", False),
        # "Who" of an entry that names nobody: only offered.
        ("who published this press release", "publication-date", "other_kind", True),
        ("who opened cu stores in almaty", "cu-stores", "other_kind", True),
        # It names Woo Won-shik, whom the question does not.
        (
            "who noted the high level of political dialogue",
            "political-dialogue",
            "other_kind",
            False,
        ),
        (
            "which election did arystanov congratulate the speaker on",
            "congratulations",
            None,
            False,
        ),
        ("how many flights per week", "flights-total", None, False),
    ],
)
def test_other_kind(
    matcher: Matcher, question: str, intent: str, finding: str | None, swapped: bool
) -> None:
    result = found(matcher, other_kind, question, intent)
    assert (result.check if result else None) == finding
    if result:
        assert (result.factor, result.doubtful, result.swapped) == (
            matcher.params.question_kind_factor,
            True,
            swapped,
        )


def test_who_founded_it_is_not_answered_by_when_it_was_founded(tmp_path: Path) -> None:
    release = tmp_path / "acme.txt"
    release.write_text(
        "date 2026-01-05\n\nAcme opens an office\n\nAcme Ltd opened an office in Cork on"
        " Monday. The company has 42 staff. Acme Ltd is a software maker founded in 2021.\n",
        encoding="utf-8",
    )
    build(release, tmp_path / "acme.yaml")
    drafted = Matcher(load_store(tmp_path / "acme.yaml"))
    founded = next(e.id for e in drafted.store.entries if "founded in 2021" in e.source)
    result = found(drafted, other_kind, "Who founded Acme?", founded)
    assert result is not None and result.swapped
    assert not drafted.match("Who founded Acme?").answered


@pytest.mark.parametrize(
    ("question", "intent", "finding"),
    [
        ("When was Woo Won-shik elected speaker?", "congratulations", "no_date"),
        ("On what date did the AI school at Korkyt Ata University open?", "ai-school", "no_date"),
        ("when were hong beom do's remains returned", "hong-beom-do", None),  # states 2021
        ("which cities did woo visit when he was in kazakhstan", "cities-visited", None),
    ],
)
def test_no_date(matcher: Matcher, question: str, intent: str, finding: str | None) -> None:
    result = found(matcher, no_date, question, intent)
    assert (result.check if result else None) == finding
    assert result is None or (result.swapped and result.factor == 1.0)


@pytest.mark.parametrize(
    ("question", "intent", "finding"),
    [
        ("what is astana", "flights-astana-seoul", "not_about_name"),
        ("WHO IS ARYSTANOV", "congratulations", "not_about_name"),
        ("what is bakad", "bakad", None),
        ("who is arystanov", "ambassador", None),
        ("astana seoul flights", "flights-astana-seoul", None),  # asks no "what is"
    ],
)
def test_not_about_name(matcher: Matcher, question: str, intent: str, finding: str | None) -> None:
    result = found(matcher, not_about_name, question, intent)
    assert (result.check if result else None) == finding
    assert result is None or (result.swapped and not result.doubtful)


@pytest.mark.parametrize(
    ("question", "intent", "finding"),
    [
        ("what time is it in astana", "flights-astana-seoul", "no_time"),
        ("at what hour do the astana seoul flights leave", "flights-astana-seoul", "no_time"),
        ("how many flights between astana and seoul", "flights-astana-seoul", None),
    ],
)
def test_no_time(matcher: Matcher, question: str, intent: str, finding: str | None) -> None:
    result = found(matcher, no_time, question, intent)
    assert (result.check if result else None) == finding
    assert result is None or (result.swapped and not result.doubtful)


@pytest.mark.parametrize(
    ("question", "intent", "finding"),
    [
        ("where will cu open stores next", "cu-stores", "no_future"),  # opened: done, no plan
        ("what will doosan build next", "doosan-power-plant", "no_future"),
        ("how big will the doosan plant be", "doosan-power-plant", None),  # "will" alone
        ("what will the two sides do next", "meeting-outcome", None),  # they "agreed to"
        ("where did cu open stores", "cu-stores", None),
    ],
)
def test_no_future(matcher: Matcher, question: str, intent: str, finding: str | None) -> None:
    result = found(matcher, no_future, question, intent)
    assert (result.check if result else None) == finding
    assert result is None or (result.swapped and not result.doubtful)


def test_checks_run_in_one_stated_order() -> None:
    """Scores are multiplied in this order; a new check is added here or it never runs."""
    assert [c.__name__ for c in CHECKS] == [
        "question_words_only",
        "name_swap",
        "unknown_name",
        "figure_swap",
        "other_kind",
        "no_date",
        "no_time",
        "no_future",
        "not_about_name",
        "unstated_attribute",
        "uncounted",
        "beyond_named",
        "beyond_stated",
        "one_side",
        "agent_swap",
    ]


def test_the_pipeline_applies_every_finding(matcher: Matcher) -> None:
    """Two findings on one entry: the score is scaled once, doubtful and swapped both hold."""
    question = "When was Woo Won-shik elected speaker?"
    assert [f.check for f in matcher.findings_for(question, "congratulations") or []] == [
        "other_kind",
        "no_date",
    ]
    top = matcher.candidates(question)[0]
    assert (top.intent, top.doubtful, top.swapped) == ("congratulations", True, True)
    assert matcher.findings_for("how many flights per week", "no-such-entry") is None


@pytest.mark.parametrize(
    ("question", "intent", "finding"),
    [
        ("how old is the speaker", "speaker", "unstated_attribute"),
        ("is the speaker older than the ambassador", "speaker", "unstated_attribute"),
        ("what happens to the old bakad road", "bakad", None),  # "old" describes the road
        ("who was the ambassador before arystanov", "ambassador", "unstated_attribute"),
        ("what did the bakad road cost", "bakad", "unstated_attribute"),
        ("what is the population of kyzylorda", "cities-visited", "unstated_attribute"),
        ("who is the speaker", "speaker", None),
        ("what did woo say about education", "culture-education", None),  # stated there
        # a clause about the one asking, not a predecessor
        ("before I dig in, where does korea rank as an investor", "trade-investment", None),
        ("who was the ambassador before him", "ambassador", "unstated_attribute"),
    ],
)
def test_unstated_attribute(matcher: Matcher, question: str, intent: str, finding: str) -> None:
    result = found(matcher, unstated_attribute, question, intent)
    assert (result.check if result else None) == finding
    assert result is None or (result.swapped and not result.drop)


@pytest.mark.parametrize(
    ("question", "intent", "finding"),
    [
        ("how many flights a week go from almaty to seoul", "flights-almaty-seoul", None),
        ("how many weekly flights in all", "flights-total", None),
        ("how much power does the doosan plant make", "doosan-power-plant", None),
        ("how many cu stores opened", "cu-stores", "uncounted"),  # "several" is no count
        ("how much did korea invest", "trade-investment", "uncounted"),  # a rank, no amount
        ("how many korean firms operate in kazakhstan", "projects-all", "uncounted"),
        ("where is the doosan plant", "doosan-power-plant", None),  # asks no count
    ],
)
def test_uncounted(matcher: Matcher, question: str, intent: str, finding: str | None) -> None:
    result = found(matcher, uncounted, question, intent)
    assert (result.check if result else None) == finding


BEYOND = "beyond_named"


@pytest.mark.parametrize(
    ("question", "intent", "finding"),
    [
        # The entry states only what the question sets aside.
        ("does doosan build anything except in turkestan", "doosan-power-plant", BEYOND),
        (
            "is doosan building anything other than in turkestan",
            "doosan-power-plant",
            "beyond_named",
        ),
        # The entry names more than what is set aside: it answers.
        ("which cities besides kyzylorda did woo visit", "cities-visited", None),
        # The answer's "Big Almaty Ring Road (BAKAD)" is one name, no other beside BAKAD.
        ("who builds bakad apart from sk ecoplant", "bakad", BEYOND),
        ("which firms besides sk ecoplant work on the big almaty ring road", "bakad", BEYOND),
        ("apart from almaty, where did woo go", "cities-visited", None),
        ("where does doosan build its plant", "doosan-power-plant", None),  # sets nothing aside
    ],
)
def test_beyond_named(matcher: Matcher, question: str, intent: str, finding: str | None) -> None:
    result = found(matcher, beyond_named, question, intent)
    assert (result.check if result else None) == finding


@pytest.mark.parametrize(
    ("question", "intent", "finding"),
    [
        ("which other korean universities helped the ai school", "ai-school", "beyond_stated"),
        ("what other companies build power plants", "doosan-power-plant", "beyond_stated"),
        # what is set aside is named: `beyond_named` decides
        ("besides almaty, what other cities did woo visit", "cities-visited", None),
        ("which university helped the ai school", "ai-school", None),
    ],
)
def test_beyond_stated(matcher: Matcher, question: str, intent: str, finding: str | None) -> None:
    result = found(matcher, beyond_stated, question, intent)
    assert (result.check if result else None) == finding
    assert result is None or result.swapped


@pytest.mark.parametrize(
    ("question", "intent", "finding"),
    [
        ("who chairs the friendship group on the kazakh side", "friendship-group", "one_side"),
        ("who took part in the talks on the korean side", "meeting", "one_side"),
        ("who chairs the friendship group", "friendship-group", None),
        ("what did the korean side say about education", "culture-education", None),  # the actor
    ],
)
def test_one_side(matcher: Matcher, question: str, intent: str, finding: str | None) -> None:
    result = found(matcher, one_side, question, intent)
    assert (result.check if result else None) == finding
    assert result is None or result.swapped


@pytest.mark.parametrize(
    ("tokens", "counted"),
    [
        (["15", "flight", "per", "week", "between"], {"flight", "per", "week"}),
        (["the", "4th", "largest", "partner"], set()),  # a rank
        (["in", "2021", "general"], set()),  # a year
        (["three", "plant"], {"plant"}),
    ],
)
def test_stated_counts(tokens: list[str], counted: set[str]) -> None:
    assert stated_counts(tokens) == counted


RANKS = "the 4th largest partner and the 5th largest investor"


@pytest.mark.parametrize(
    ("question", "said", "misplaced"),
    [
        (
            "is it the 5th largest partner",
            "the 4th largest partner and the 5th largest investor",
            {"5th"},
        ),
        (
            "is it the 5th largest investor",
            "the 4th largest partner and the 5th largest investor",
            set(),
        ),
        (
            "is it the 5th one",
            "the 4th largest partner and the 5th largest investor",
            set(),
        ),  # no words to tell
        ("13 flights to astana", "13 flights to almaty and 2 flights to astana", {"13"}),
        ("13 flights", "13 flights to almaty and 2 flights to astana", set()),
    ],
)
def test_misplaced_figures(matcher: Matcher, question: str, said: str, misplaced: set[str]) -> None:
    query = read(question, matcher.index, matcher.params)
    assert misplaced_figures(query, matcher.index.tokens(said)) == misplaced


@pytest.mark.parametrize(
    ("question", "finding"),
    [
        ("How many employees does Acme have?", None),  # 42 people count employees
        ("How many staff does Acme have?", None),
        ("How many engineers does Acme have?", "uncounted"),
    ],
)
def test_a_count_of_people_counts_employees_and_staff(
    tmp_path: Path, question: str, finding: str | None
) -> None:
    release = tmp_path / "acme.txt"
    release.write_text(
        "date 2026-01-05\n\nAcme opens an office\n\nAcme Ltd opened an office in Cork on Monday."
        " The company employs 42 people. It was founded in 2021.\n",
        encoding="utf-8",
    )
    build(release, tmp_path / "acme.yaml")
    drafted = Matcher(load_store(tmp_path / "acme.yaml"))
    employs = next(e.id for e in drafted.store.entries if "employs 42" in e.source)
    result = found(drafted, uncounted, question, employs)
    assert (result.check if result else None) == finding


@pytest.mark.parametrize(
    ("question", "finding"),
    [
        ("How many people live in Eastfield?", None),  # residents are people
        ("How many trams serve Eastfield?", "uncounted"),  # no count of trams
        ("How many staff does the line have?", None),  # drivers are staff
    ],
)
def test_a_count_of_residents_counts_people(
    tmp_path: Path, question: str, finding: str | None
) -> None:
    release = tmp_path / "tram.txt"
    release.write_text(
        "Tram line\n\nRIVERTON - The new tram line opens on Monday."
        " It serves Eastfield, home to 22,000 residents, with 40 drivers.\n",
        encoding="utf-8",
    )
    build(release, tmp_path / "tram.yaml")
    drafted = Matcher(load_store(tmp_path / "tram.yaml"))
    home = next(e.id for e in drafted.store.entries if "residents" in e.source)
    result = found(drafted, uncounted, question, home)
    assert (result.check if result else None) == finding


@pytest.mark.parametrize(
    ("sentence", "finding"),
    [
        ("The filters cut byproducts by more than half.", None),  # an amount ending it
        ("The filters cut byproducts by 60 percent.", None),
        ("The filters cut byproducts sharply.", "uncounted"),  # no amount at all
    ],
)
def test_by_how_much_is_answered_by_an_amount_anywhere(
    tmp_path: Path, sentence: str, finding: str | None
) -> None:
    release = tmp_path / "plant.txt"
    release.write_text(
        f"Plant upgrade\n\nMARLOW - The water plant reopened on Monday. {sentence}\n",
        encoding="utf-8",
    )
    build(release, tmp_path / "plant.yaml")
    drafted = Matcher(load_store(tmp_path / "plant.yaml"))
    cut = next(e.id for e in drafted.store.entries if "byproducts" in e.source)
    result = found(drafted, uncounted, "By how much will byproducts be cut?", cut)
    assert (result.check if result else None) == finding


@pytest.mark.parametrize(
    ("question", "words", "finding"),
    [
        ("When were the results published?", "published on Wednesday", None),  # a weekday
        ("When were the results published?", "published in March", None),  # a month
        ("When were the results published?", "published in Nature", "no_date"),
    ],
)
def test_a_weekday_or_a_month_answers_when(
    tmp_path: Path, question: str, words: str, finding: str | None
) -> None:
    release = tmp_path / "study.txt"
    release.write_text(
        f"Glacier study\n\nZURICH - Glaciers lost 4% of their volume. The results were {words}."
        " The team will now study the Andes.\n",
        encoding="utf-8",
    )
    build(release, tmp_path / "study.yaml")
    drafted = Matcher(load_store(tmp_path / "study.yaml"))
    results = next(e.id for e in drafted.store.entries if "results" in e.source)
    result = found(drafted, no_date, question, results)
    assert (result.check if result else None) == finding


def test_a_korean_exception_follows_the_name_it_sets_aside() -> None:
    from bot.matching.languages import Matchers
    from bot.store import load_store

    korean = Matchers(load_store(), lazy=True).matcher_for("ko")
    assert korean is not None
    question = "두산은 투르키스탄 말고 다른 지역에도 발전소를 짓나요?"
    found = korean.findings_for(question, "doosan-power-plant")
    assert found is not None and "beyond_named" in {f.check for f in found}
    assert not korean.match(question).answered


@pytest.mark.parametrize("besides", ["кроме", "помимо", "за исключением", "не считая"])
def test_a_russian_exception_sets_aside_the_name_after_it(russian: Matcher, besides: str) -> None:
    """Read as "except" (data/to_english_ru.txt); the entry's "1 ГВт", a name in the
    Russian names table, is a unit after a figure, not another place it names."""
    question = f"где ещё Doosan строит что-либо, {besides} Туркестанской области?"
    found = russian.findings_for(question, "doosan-power-plant")
    assert found is not None and "beyond_named" in {f.check for f in found}
    assert not russian.match(question).answered


@pytest.mark.parametrize(
    ("text", "posts"),
    [
        (
            "Kazakhstan's Ambassador to South Korea, Nurgali Arystanov",
            {"ambassador": {"kazakhstan"}},
        ),
        ("the Speaker of the National Assembly of the Republic of Korea", {"speaker": {"korea"}}),
        ("the Korean speaker thanked President Tokayev", {"speaker": {"korea"}}),  # not "president"
        ("The Speaker thanked the President of Kazakhstan", {"president": {"kazakhstan"}}),
        ("Kazakhstan's foreign minister", {}),  # "foreign" is no name: whose post is unclear
    ],
)
def test_posts_of(matcher: Matcher, text: str, posts: dict[str, set[str]]) -> None:
    index = matcher.index
    assert posts_of(tuple(index.tokens(text)), index.subjects, index.all_names) == posts


def test_a_korean_name_and_its_bracketed_short_form_are_one_name() -> None:
    from bot.matching.languages import Matchers
    from bot.store import load_store

    korean = Matchers(load_store(), lazy=True).matcher_for("ko")
    assert korean is not None
    # The answer writes "대알마티 순환도로(BAKAD)": it names no company beside SK.
    question = "SK에코플랜트 말고 BAKAD 도로 공사하는 다른 회사 있어?"
    found = korean.findings_for(question, "bakad")
    assert found is not None and "beyond_named" in {f.check for f in found}
    assert not korean.match(question).answered


@pytest.mark.parametrize(
    ("question", "swapped"),
    [
        ("카자흐스탄이 한국에 투자를 얼마나 했어요", True),  # Kazakhstan the investor
        ("카자흐가 한국의 몇 번째 교역국이에요", True),
        ("한국이 카자흐스탄에 투자를 많이 하나요", False),  # Korea, as the entry says
        ("한국 투자 순위", False),  # no particle: no doer named
    ],
)
def test_a_korean_question_with_the_other_subject_as_doer_asks_the_other_way(
    question: str, swapped: bool
) -> None:
    from bot.matching.languages import Matchers
    from bot.store import load_store

    korean = Matchers(load_store(), lazy=True).matcher_for("ko")
    assert korean is not None
    found = korean.findings_for(question, "trade-investment") or []
    assert ("agent_swap" in {f.check for f in found}) is swapped
