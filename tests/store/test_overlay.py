"""Tests for bot/store/overlay.py: language overlays read from real YAML and checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.store import StoreError, load_store
from bot.store.overlay import STRINGS, check_overlay, load_overlays, overlay_paths
from tests.support import run_bot

ROOT = Path(__file__).resolve().parents[2]
STORES = ROOT / "tests" / "data" / "stores"
OVERLAYS = STORES / "overlays"


def test_a_good_overlay_loads_and_reports_the_untranslated_entry() -> None:
    store = load_store(STORES / "good.yaml")
    overlay, problems = check_overlay(OVERLAYS / "good.ru.yaml", store)
    assert problems == []
    assert overlay is not None
    assert overlay.language == "ru"
    assert set(overlay.entries) == {"centre", "cost", "engineers"}
    assert overlay.untranslated(store) == ["budget"]
    assert overlay.entries["cost"].answer == "Центр стоил 1,5 миллиона долларов."
    assert overlay.names["Springfield"] == ("Спрингфилд", "Спрингфилде")
    assert set(overlay.strings) == set(STRINGS)
    assert overlay.smalltalk["greeting"].questions == ("привет", "здравствуйте")


def test_every_overlay_problem_is_reported_with_its_line_and_entry() -> None:
    store = load_store(STORES / "good.yaml")
    path = OVERLAYS / "bad.ru.yaml"
    overlay, problems = check_overlay(path, store)
    assert overlay is None
    missing = ", ".join(sorted(set(STRINGS) - {"start"}))
    assert [str(p) for p in problems] == [
        f"{path}:2: language 'kk' differs from the file name",
        f"{path}:5: names of 'Springfield' must be a non-empty list of text",
        f"{path}:7: topic 'The lab' is not a topic of the store",
        f"{path}:8: strings missing: {missing}",
        f"{path}:9: string 'start' must keep the placeholders: {{date}}, {{title}}",
        f"{path}:10: unknown string 'greeting'",
        f"{path}:12: [centre] answer states 5; the English answer states 4",
        f"{path}:12: [centre] answer names 'Бостоне', which the names table does not list",
        f"{path}:15: id 'no-such-entry' is not in the store's entries",
        f"{path}:18: [cost] unknown key 'price'",
        f"{path}:18: [cost] answer states 2; the English answer states 1.5",
    ]


def test_a_date_may_be_spelled_out_in_the_translation(tmp_path: Path) -> None:
    """2024-03-05 in English and "5 марта 2024" in Russian state the same figures."""
    store_file = tmp_path / "store.yaml"
    shutil.copy(STORES / "release.txt", tmp_path / "release.txt")
    store_file.write_text(
        "document: release.txt\ntitle: Acme\nentries:\n"
        "  - id: date\n    topic: Dates\n    questions: [when]\n"
        "    answer: The release is dated 2024-03-05.\n"
        "    source: Acme Corp. opened a research centre\n",
        encoding="utf-8",
    )
    store = load_store(store_file)
    overlay = tmp_path / "store.ru.yaml"
    overlay.write_text(
        "language: ru\nentries:\n  - id: date\n    questions: [когда]\n"
        "    answer: Релиз датирован 5 марта 2024 года.\n",
        encoding="utf-8",
    )
    _, problems = check_overlay(overlay, store)
    assert [p.message for p in problems if "figures" in p.message or "states" in p.message] == []


def test_bad_yaml_in_an_overlay_is_one_problem_with_its_line(tmp_path: Path) -> None:
    store = load_store(STORES / "good.yaml")
    path = tmp_path / "good.ko.yaml"
    path.write_text("language: ko\nentries: [\n  - id: x\n", encoding="utf-8")
    overlay, problems = check_overlay(path, store)
    assert overlay is None
    assert len(problems) == 1
    assert problems[0].line == 3 and problems[0].message.startswith("bad YAML: ")


def test_overlays_beside_a_store_are_found_by_language(tmp_path: Path) -> None:
    for name in ("good.yaml", "release.txt"):
        shutil.copy(STORES / name, tmp_path / name)
    shutil.copy(OVERLAYS / "good.ru.yaml", tmp_path / "good.ru.yaml")
    (tmp_path / "good.de.yaml").write_text("language: de\n", encoding="utf-8")  # not a language
    store = load_store(tmp_path / "good.yaml")
    assert overlay_paths(store.path) == [tmp_path / "good.ru.yaml"]
    assert list(load_overlays(store)) == ["ru"]


def test_a_broken_overlay_beside_a_store_stops_loading(tmp_path: Path) -> None:
    for name in ("good.yaml", "release.txt"):
        shutil.copy(STORES / name, tmp_path / name)
    store = load_store(tmp_path / "good.yaml")
    shutil.copy(OVERLAYS / "bad.ru.yaml", tmp_path / "good.ru.yaml")
    with pytest.raises(StoreError, match=r"good\.ru\.yaml:2: language 'kk' differs"):
        load_overlays(store)
    with pytest.raises(StoreError, match=r"good\.ru\.yaml:2: language 'kk' differs"):
        load_store(tmp_path / "good.yaml")


def test_check_reports_translation_coverage_per_language(tmp_path: Path) -> None:
    for name in ("good.yaml", "release.txt"):
        shutil.copy(STORES / name, tmp_path / name)
    shutil.copy(OVERLAYS / "good.ru.yaml", tmp_path / "good.ru.yaml")
    result = run_bot("check", "--store", str(tmp_path / "good.yaml"))
    assert result.returncode == 0, result.stderr
    assert "ru: 3 of 4 entries translated (good.ru.yaml)\n" in result.stdout
    assert "  untranslated, answered in English: budget\n" in result.stdout
    assert load_store(tmp_path / "good.yaml").overlays["ru"].entries["cost"].line > 0


def test_check_fails_on_a_broken_overlay_with_line_numbered_problems(tmp_path: Path) -> None:
    for name in ("good.yaml", "release.txt"):
        shutil.copy(STORES / name, tmp_path / name)
    shutil.copy(OVERLAYS / "bad.ru.yaml", tmp_path / "good.ru.yaml")
    result = run_bot("check", "--store", str(tmp_path / "good.yaml"))
    assert result.returncode == 1
    assert f"{tmp_path / 'good.ru.yaml'}:12: [centre] answer states 5;" in result.stderr
    with pytest.raises(StoreError):
        load_store(tmp_path / "good.yaml")
