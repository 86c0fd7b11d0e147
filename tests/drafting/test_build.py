"""Tests for bot/drafting/build.py: drafting a store, merging, ``python -m bot build``.

Every release in tests/data/releases, and the shipped knowledge/release.txt, is drafted
once per run, and each draft must pass ``python -m bot check`` untouched. The test
releases come with eval files written before the builder existed: ``in_scope`` items
``{q, expect}`` and ``out_of_scope`` items ``{q, kind}``. Draft entry ids are generated,
so an in-scope question counts as answered right when the answering entry's source (or,
with passages, the passage) contains `expect`.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.drafting import BuildError, build, read_release
from bot.language import STOPWORDS, normalise, squash_whitespace, stem
from bot.matching import Kind, Matcher
from bot.matching.evaluate import load_cases
from bot.store import Entry, Store, check_store, load_store
from tests.support import run_bot

ROOT = Path(__file__).resolve().parents[2]
RELEASES = ROOT / "tests" / "data" / "releases"
SHIPPED = ROOT / "knowledge" / "release.txt"
TEST_RELEASES = sorted(p for p in RELEASES.iterdir() if p.suffix in (".txt", ".md", ".html"))
ALL_RELEASES = [*TEST_RELEASES, SHIPPED]
EVALUATED = [p for p in TEST_RELEASES if p.with_name(f"{p.stem}.eval.yaml").exists()]

# What the issue asks of an untouched draft on its own eval file.
MIN_ACCURACY = 0.80
MIN_REJECTION = 0.90


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each release drafted once, into a folder of its own: release file name -> store path."""
    built: dict[str, Path] = {}
    for release in ALL_RELEASES:
        folder = tmp_path_factory.mktemp(release.stem)
        output = folder / f"{release.stem}.yaml"
        build(release, output)
        built[release.name] = output
    return built


def squashed(text: str) -> str:
    return squash_whitespace(text)


# --- The draft of every release ---------------------------------------------------------------


@pytest.mark.parametrize("release", ALL_RELEASES, ids=lambda p: p.name)
def test_the_draft_of_every_release_passes_check_untouched(
    drafts: dict[str, Path], release: Path
) -> None:
    store = drafts[release.name]
    result = run_bot("check", "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith(f"{store}: ok, ")


@pytest.mark.parametrize("release", ALL_RELEASES, ids=lambda p: p.name)
def test_the_draft_cites_the_release_text_relative_to_the_store(
    drafts: dict[str, Path], release: Path
) -> None:
    store = load_store(drafts[release.name])
    raw = yaml.safe_load(drafts[release.name].read_text(encoding="utf-8"))
    if release.suffix == ".txt":
        assert store.document_path == release.resolve()
    else:
        # Markdown and HTML: the extracted text is written next to the store.
        assert store.document_path == drafts[release.name].with_suffix(".txt").resolve()
        assert raw["document"] == f"{release.stem}.txt"
    assert store.published == read_release(release).published


@pytest.mark.parametrize("release", ALL_RELEASES, ids=lambda p: p.name)
def test_every_entry_is_a_draft_quoting_the_release(drafts: dict[str, Path], release: Path) -> None:
    store = load_store(drafts[release.name])
    flat = store.document.flat
    assert len(store.entries) >= 8
    for entry in store.entries:
        assert entry.draft, entry.id
        assert squashed(entry.source) in flat, entry.id
        assert entry.questions, entry.id
        assert re.search(r"[.!?][\"”’)]*$", entry.answer), entry.id
        assert entry.follow_ups, entry.id
        assert entry.id not in entry.follow_ups


@pytest.mark.parametrize("release", ALL_RELEASES, ids=lambda p: p.name)
def test_the_draft_cites_every_sentence_but_headings(
    drafts: dict[str, Path], release: Path
) -> None:
    report = check_store(drafts[release.name])
    for sentence in report.uncited:
        assert len(sentence.split()) <= 6 and not sentence.endswith("."), sentence


@pytest.mark.parametrize(
    ("release", "acronym", "expansion"),
    [
        ("release.txt", "bakad", "big almaty ring road"),
        ("glacier-study.txt", "fisir", "federal institute for snow and ice research"),
        ("fieldscout.md", "faa", "federal aviation administration"),
    ],
)
def test_an_acronym_in_parentheses_becomes_a_synonym(
    drafts: dict[str, Path], release: str, acronym: str, expansion: str
) -> None:
    store = load_store(drafts[release])
    assert expansion in store.synonyms[acronym]


def test_a_list_like_sentence_gets_an_entry_per_item(drafts: dict[str, Path]) -> None:
    store = load_store(drafts["release.txt"])
    by_source = {e.source: e for e in store.entries}
    whole = next(e for e in store.entries if e.source.startswith("There are several successful"))
    for item in (
        "Kia and Hyundai automobile plants",
        "SK Ecoplant’s participation in the construction of the Big Almaty Ring Road (BAKAD)",
        "the opening of several CU convenience stores in Almaty",
        "13 flights between Almaty and Seoul",
        "2 flights between Astana and Seoul",
    ):
        assert item in by_source, item
    kia = by_source["Kia and Hyundai automobile plants"]
    assert kia.follow_ups[0] == whole.id
    assert kia.answer.endswith(": Kia and Hyundai automobile plants.")


def test_a_sentence_stating_two_things_gets_an_entry_per_clause(drafts: dict[str, Path]) -> None:
    store = load_store(drafts["riverton-tram.html"])
    answers = {e.source: e.answer for e in store.entries}
    assert answers["some parking on Queen Street will be removed"] == (
        "During construction, some parking on Queen Street will be removed."
    )
    drone = load_store(drafts["fieldscout.md"])
    answers = {e.source: e.answer for e in drone.entries}
    # The second clause borrows the first one's subject, with "It" resolved.
    assert answers["has sold more than 3,000 drones in 14 countries"] == (
        "Nordlicht Robotics has sold more than 3,000 drones in 14 countries."
    )


@pytest.mark.parametrize(
    ("release", "source", "question"),
    [
        ("release.txt", "Currently, there are 15 flights per week", "How many flights per week"),
        ("riverton-tram.html", "Trams will run every 6 minutes", "How often will trams run"),
        ("riverton-tram.html", "Construction is expected to begin", "When is construction"),
        ("glacier-study.txt", "The four-year project was funded", "Who funded the"),
        ("glacier-study.txt", "The team, led by Dr. A. Smith", "Who led the team?"),
        ("fieldscout.md", "FieldScout 2 weighs 4.2 kg", "How much does FieldScout 2 weigh?"),
        ("fieldscout.md", "Media contact:", "Who is the media contact?"),
    ],
)
def test_questions_come_from_the_names_numbers_dates_and_verbs_of_a_sentence(
    drafts: dict[str, Path], release: str, source: str, question: str
) -> None:
    store = load_store(drafts[release])
    entries = [e for e in store.entries if e.source.startswith(source) or source in e.source]
    assert entries, source
    asked = [q for e in entries for q in e.questions]
    assert any(q.startswith(question) for q in asked), asked


def test_the_draft_has_a_publication_date_entry_and_default_small_talk(
    drafts: dict[str, Path],
) -> None:
    store = load_store(drafts["riverton-tram.html"])
    dated = next(e for e in store.entries if "2024-11-05" in e.answer)
    assert "When was the release published?" in dated.questions
    assert [s.id for s in store.smalltalk] == [
        "greeting",
        "thanks",
        "identity",
        "capabilities",
        "goodbye",
    ]


# --- Answering its eval file -------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Score:
    accuracy: float
    rejection: float
    misses: list[str]


def score_draft(store: Store, items: dict[str, Any]) -> Score:
    """Accuracy and rejection of the bot's real matcher (passages included) on an eval file."""
    matcher = Matcher(store)
    right = 0
    misses: list[str] = []
    for item in items["in_scope"]:
        match = matcher.match(item["q"])
        sentence = match.entry.source if match.entry else match.passage
        if match.answered and sentence and squashed(item["expect"]) in squashed(sentence):
            right += 1
        else:
            misses.append(f"{item['q']!r} -> {match.kind.value} {sentence!r}")
    rejected = 0
    for item in items["out_of_scope"]:
        match = matcher.match(item["q"])
        if match.answered:
            misses.append(f"{item['q']!r} (out of scope) -> {match.kind.value}")
        else:
            rejected += 1
    return Score(right / len(items["in_scope"]), rejected / len(items["out_of_scope"]), misses)


@pytest.mark.parametrize("release", EVALUATED, ids=lambda p: p.name)
def test_eval_files_are_well_formed(release: Path) -> None:
    """15+ in-scope questions whose `expect` quotes the release, 10+ out-of-scope ones."""
    items = yaml.safe_load(release.with_name(f"{release.stem}.eval.yaml").read_text("utf-8"))
    text = squashed(read_release(release).text)
    assert len(items["in_scope"]) >= 15
    assert len(items["out_of_scope"]) >= 10
    for item in items["in_scope"]:
        assert squashed(item["expect"]) in text, item


@pytest.mark.parametrize("release", EVALUATED, ids=lambda p: p.name)
def test_the_untouched_draft_answers_its_eval(drafts: dict[str, Path], release: Path) -> None:
    """The draft of each test release answers 80% of its questions, refuses 90% of the rest."""
    items = yaml.safe_load(release.with_name(f"{release.stem}.eval.yaml").read_text("utf-8"))
    score = score_draft(load_store(drafts[release.name]), items)
    report = "\n".join(score.misses)
    assert score.accuracy >= MIN_ACCURACY, report
    assert score.rejection >= MIN_REJECTION, report


UNSEEN = ROOT / "tests" / "data" / "unseen"
# Releases once held out (tests/data/unseen), each with the figures its untouched
# draft reached (answered right, out of scope declined): a floor that catches a
# drafting change that loses what these releases gained. Measured 2026-11-29.
UNSEEN_FLOORS = {
    "airline-route.txt": (0.86, 0.92),
    "childrens-wing.txt": (0.93, 1.0),
    "fungi-exhibition.md": (0.96, 0.92),
    "parley-launch.md": (0.93, 0.92),
    "water-plant.txt": (0.83, 1.0),
}


@pytest.mark.parametrize("name", sorted(UNSEEN_FLOORS))
def test_the_drafts_of_once_held_out_releases_keep_their_figures(name: str, tmp_path: Path) -> None:
    release = UNSEEN / name
    items = yaml.safe_load(release.with_name(f"{release.stem}.eval.yaml").read_text("utf-8"))
    output = tmp_path / f"{release.stem}.yaml"
    build(release, output)
    score = score_draft(load_store(output), items)
    accuracy, rejection = UNSEEN_FLOORS[name]
    assert score.accuracy >= accuracy, "\n".join(score.misses)
    assert score.rejection >= rejection, "\n".join(score.misses)


def _content(text: str) -> set[str]:
    return {stem(w) for w in normalise(text).split() if w not in STOPWORDS}


def same_fact(curated: Entry, drafted: Entry) -> bool:
    """Whether a draft entry answers what a curated one does: their sources overlap.

    One source inside the other, or most content words shared. A curated answer that
    states a date its source does not (the publication date) needs that date.
    """
    dates = set(re.findall(r"\d{4}-\d{2}-\d{2}", curated.answer))
    dates -= set(re.findall(r"\d{4}-\d{2}-\d{2}", curated.source))
    if dates:
        return all(d in drafted.answer for d in dates)
    a, b = squashed(curated.source), squashed(drafted.source)
    if a in b or b in a:
        return True
    mine, theirs = _content(a), _content(b)
    return bool(mine and theirs) and len(mine & theirs) / min(len(mine), len(theirs)) >= 0.6


def test_the_shipped_release_draft_against_the_curated_eval(drafts: dict[str, Path]) -> None:
    """No bar from the issue here: a floor that catches a builder that got much worse.

    Measured (2026-11-28): 39% of 191 in-scope questions answered with the same fact as
    the curated store, 94% of 85 out-of-scope ones declined (the curated store: 84% / 95%).
    """
    curated = load_store()
    matcher = Matcher(load_store(drafts["release.txt"]))
    cases = load_cases(ROOT / "tests" / "data" / "eval.yaml")
    inside = [c for c in cases if c.intent is not None and curated.entry(c.intent)]
    outside = [c for c in cases if c.intent is None]
    right = 0
    for case in inside:
        match = matcher.match(case.question)
        wanted = curated.entry(case.intent or "")
        if match.kind is Kind.ANSWER and match.entry and wanted and same_fact(wanted, match.entry):
            right += 1
    rejected = sum(1 for c in outside if matcher.match(c.question).kind is not Kind.ANSWER)
    assert right / len(inside) >= 0.30
    assert rejected / len(outside) >= 0.85


# --- Merging into a curated store --------------------------------------------------------------


def curated_copy(folder: Path) -> tuple[Path, str]:
    """A copy of the shipped store and its release, less one entry that alone cites a sentence.

    Returns the copy's path and the sentence that is now uncited.
    """
    shutil.copy(SHIPPED, folder / SHIPPED.name)
    shipped = load_store()
    text = shipped.path.read_text(encoding="utf-8")
    sources = [squashed(e.source) for e in shipped.entries]
    for entry in shipped.entries:
        others = [squashed(e.source) for e in shipped.entries if e is not entry]
        alone = [
            s
            for s in shipped.document.sentences
            if any(src in s or s in src for src in sources)
            and not any(src in s or s in src for src in others)
        ]
        if alone:
            break
    else:
        pytest.fail("every sentence of the shipped store is cited by two entries")
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(rf"\s*- id: {entry.id}\s*$", line))
    end = next(
        i
        for i in range(start + 1, len(lines))
        if re.match(r"\s*- id: ", lines[i]) or re.match(r"\S", lines[i])
    )
    text = "".join(lines[:start] + lines[end:])

    def drop(found: re.Match[str]) -> str:
        kept = [i.strip() for i in found.group(2).split(",") if i.strip() != entry.id]
        return f"{found.group(1)}{', '.join(kept)}]"

    text = re.sub(r"(follow_ups:\s*\[)([^\]]*)\]", drop, text)
    copy = folder / "release.yaml"
    copy.write_text(text, encoding="utf-8")
    assert check_store(copy).problems == []
    return copy, alone[0]


def test_merge_keeps_curated_entries_byte_for_byte_and_drafts_only_uncited_sentences(
    tmp_path: Path,
) -> None:
    copy, uncited = curated_copy(tmp_path)
    before = copy.read_text(encoding="utf-8")
    merged = tmp_path / "merged.yaml"
    result = build(tmp_path / SHIPPED.name, merged, merge=copy)
    after = merged.read_text(encoding="utf-8")
    # The curated text is all there, in one piece around one inserted block.
    same = next(i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b)
    assert after[same + len(after) - len(before) :] == before[same:]
    added = after[same : same + len(after) - len(before)]
    assert "draft: true" in added
    old, new = load_store(copy), load_store(merged)
    assert result.kept == len(old.entries)
    assert [dataclasses.replace(e, line=0) for e in new.entries[: len(old.entries)]] == [
        dataclasses.replace(e, line=0) for e in old.entries
    ]
    drafts = new.entries[len(old.entries) :]
    assert drafts and len(drafts) == result.added
    assert all(d.draft for d in drafts)
    assert all(squashed(d.source) in uncited for d in drafts)
    curated_questions = {normalise(q) for e in old.entries for q in e.questions}
    curated_questions |= {normalise(q) for s in old.smalltalk for q in s.questions}
    assert not curated_questions & {normalise(q) for d in drafts for q in d.questions}
    assert not {d.id for d in drafts} & {e.id for e in old.entries}
    assert check_store(merged).uncited == []


def test_merge_into_a_store_citing_every_sentence_changes_nothing(tmp_path: Path) -> None:
    shutil.copy(SHIPPED, tmp_path / SHIPPED.name)
    copy = tmp_path / "release.yaml"
    shutil.copy(load_store().path, copy)
    assert check_store(copy).uncited == []
    merged = tmp_path / "merged.yaml"
    result = build(tmp_path / SHIPPED.name, merged, merge=copy)
    assert result.added == 0
    assert merged.read_text(encoding="utf-8") == copy.read_text(encoding="utf-8")


def test_merge_rewrites_only_the_document_line_when_the_store_moves(tmp_path: Path) -> None:
    shutil.copy(SHIPPED, tmp_path / SHIPPED.name)
    copy = tmp_path / "release.yaml"
    shutil.copy(load_store().path, copy)
    merged = tmp_path / "elsewhere" / "merged.yaml"
    build(tmp_path / SHIPPED.name, merged, merge=copy)
    before = copy.read_text(encoding="utf-8").splitlines()
    after = merged.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [("document: release.txt", "document: ../release.txt")]
    assert load_store(merged).document_path == (tmp_path / SHIPPED.name).resolve()


def test_merge_refuses_a_store_made_from_another_release(tmp_path: Path) -> None:
    shutil.copy(SHIPPED, tmp_path / SHIPPED.name)
    copy = tmp_path / "release.yaml"
    shutil.copy(load_store().path, copy)
    with pytest.raises(BuildError, match=r"quotes text that is not in .*glacier-study\.txt"):
        build(RELEASES / "glacier-study.txt", tmp_path / "merged.yaml", merge=copy)


def test_merge_refuses_an_invalid_store(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("document: nowhere.txt\ntitle: T\nentries: []\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"broken\.yaml: not a valid store: "):
        build(SHIPPED, tmp_path / "merged.yaml", merge=broken)


# --- The build command -------------------------------------------------------------------------


def test_build_command_writes_a_store_that_check_accepts(tmp_path: Path) -> None:
    output = tmp_path / "drone.yaml"
    result = run_bot("build", str(RELEASES / "fieldscout.md"), "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith(f"{output}: ")
    assert result.stdout.count("\n") == 1
    assert (tmp_path / "drone.txt").exists()
    assert run_bot("check", "--store", str(output)).returncode == 0


def _missing(folder: Path) -> Path:
    return folder / "nope.txt"


def _empty(folder: Path) -> Path:
    path = folder / "empty.md"
    path.write_text("  \n\n", encoding="utf-8")
    return path


def _unsupported(folder: Path) -> Path:
    path = folder / "release.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    return path


def _binary(folder: Path) -> Path:
    path = folder / "release.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return path


def _latin1(folder: Path) -> Path:
    path = folder / "release.txt"
    path.write_bytes("Caf\xe9 opened in M\xfcnster.".encode("latin-1"))
    return path


def _directory(folder: Path) -> Path:
    return folder


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_missing, r"nope\.txt: file not found"),
        (_empty, r"empty\.md: the release is empty"),
        (
            _unsupported,
            r"release\.pdf: unsupported file type '\.pdf' \(use \.txt, \.md or \.html\)",
        ),
        (_binary, r"release\.txt: not a text file \(binary, or not UTF-8\)"),
        (_latin1, r"release\.txt: not a text file \(binary, or not UTF-8\)"),
        (_directory, r": is a directory, not a release"),
    ],
    ids=["missing", "empty", "unsupported", "binary", "not-utf8", "directory"],
)
def test_build_command_errors_are_one_line_and_exit_2(
    tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    release = make(tmp_path)
    result = run_bot("build", str(release), "-o", str(tmp_path / "out" / "store.yaml"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1
    assert re.fullmatch(rf"release-bot: .*{message}\n", result.stderr), result.stderr
    assert not (tmp_path / "out" / "store.yaml").exists()


def test_build_never_overwrites_a_curated_store(tmp_path: Path) -> None:
    curated = tmp_path / "release.yaml"
    shutil.copy(load_store().path, curated)
    before = curated.read_bytes()
    with pytest.raises(
        BuildError, match=r"release\.yaml: exists and is not an untouched draft .*--merge"
    ):
        build(SHIPPED, curated)
    assert curated.read_bytes() == before


def test_build_rewrites_its_own_draft(tmp_path: Path) -> None:
    output = tmp_path / "drone.yaml"
    build(RELEASES / "fieldscout.md", output)
    first = output.read_text(encoding="utf-8")
    build(RELEASES / "fieldscout.md", output)
    assert output.read_text(encoding="utf-8") == first


def test_build_never_overwrites_a_draft_someone_has_reviewed(tmp_path: Path) -> None:
    """A draft whose entries were reviewed (a `draft: true` removed) is curated work now."""
    output = tmp_path / "glacier.yaml"
    build(RELEASES / "glacier-study.txt", output)
    # Reviewing an entry means deleting its `draft:` line, as the header says.
    reviewed = output.read_text(encoding="utf-8").replace("    draft: true\n", "", 1)
    output.write_text(reviewed, encoding="utf-8")
    with pytest.raises(BuildError, match="not an untouched draft"):
        build(RELEASES / "glacier-study.txt", output)
    assert output.read_text(encoding="utf-8") == reviewed


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("goodbye.md", "# Goodbye\n\nThe shop on Main Street closes on 3 May after 40 years.\n"),
        ("dots.txt", "...\n\nThe shop on Main Street closes on 3 May after 40 years.\n"),
    ],
    ids=["title-is-a-small-talk-id", "first-line-has-no-letters"],
)
def test_odd_titles_still_give_a_draft_that_passes_check(
    tmp_path: Path, name: str, text: str
) -> None:
    """A title that collides with a small-talk id, or has no letters, is no obstacle."""
    release = tmp_path / name
    release.write_text(text, encoding="utf-8")
    output = tmp_path / "store.yaml"
    build(release, output)
    assert check_store(output).problems == []


def test_build_into_a_directory_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    """`-o` naming a directory fails with a one-line error and no temporary file."""
    target = tmp_path / "store.yaml"
    target.mkdir()
    result = run_bot("build", str(RELEASES / "glacier-study.txt"), "-o", str(target))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["store.yaml"]


def test_build_never_overwrites_another_text_beside_the_store(tmp_path: Path) -> None:
    """Extracting page.html next to release.yaml must not replace someone's release.txt."""
    other = tmp_path / "drone.txt"
    other.write_text("A release someone wrote by hand.\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"drone\.txt: exists and is not this release's text"):
        build(RELEASES / "fieldscout.md", tmp_path / "drone.yaml")
    assert other.read_text(encoding="utf-8") == "A release someone wrote by hand.\n"
    assert not (tmp_path / "drone.yaml").exists()


def test_build_refuses_a_store_that_is_not_yaml(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match=r"store\.txt: the store must be a \.yaml file"):
        build(RELEASES / "fieldscout.md", tmp_path / "store.txt")


# --- Any release -------------------------------------------------------------------------------

_WORDS = (
    "the a of and in to council company drone glacier flights plant approved opened will can "
    "has is was said noted stores road people results per week million mln km GW % € $ Dr. "
    "Prof. U.S. e.g. approx. Inc. A. Smith Korea NASA (BAKAD) (FISIR) 2021 2024 16 August "
    'March 4, 1.5 3,000 42 seven two-year 4th largest “quoted” "quote" it its they, ; : - – '
    "( ) ’s & < > Tell a friend"
).split()
# Free text without control characters (a release full of them is refused as binary).
_TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=80)
_SENTENCE = (
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=24).map(
        lambda words: " ".join(words).capitalize()
    )
    | _TEXT
    | st.tuples(_TEXT, st.sampled_from(["\b", "\x0c", "\x85", "\u2028"]), _TEXT).map("".join)
)
_END = st.sampled_from([".", ".", "?", "!", "", ":", ".”", '."'])
_PARAGRAPH = st.lists(st.tuples(_SENTENCE, _END).map("".join), min_size=1, max_size=4).map(" ".join)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    paragraphs=st.lists(_PARAGRAPH, min_size=1, max_size=6),
    form=st.sampled_from(["txt", "md", "html"]),
    dated=st.booleans(),
)
def test_the_draft_of_any_release_passes_check(
    tmp_path_factory: pytest.TempPathFactory, paragraphs: list[str], form: str, dated: bool
) -> None:
    folder = tmp_path_factory.mktemp("any")
    body = "\n\n".join(paragraphs)
    if form == "md":
        body = "# A headline\n\n" + body.replace(" and ", " **and** ")
    elif form == "html":
        body = (
            "<html><head><title>T | Site</title><script>x<y</script></head><body>"
            "<nav>Home</nav><main>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</main>"
        )
    if dated and form == "txt":
        body = "date 2024-08-16 Tell a friend\n\n" + body
    release = folder / f"release.{form}"
    release.write_text(body, encoding="utf-8")
    try:
        build(release, folder / "store.yaml")
    except BuildError as exc:
        # Refusing is fine for text with nothing to draft, never for a draft check rejects.
        assert "does not validate" not in str(exc), str(exc)
        return
    assert check_store(folder / "store.yaml").problems == []
