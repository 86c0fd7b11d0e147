"""Shared fixtures: a snapshot of the store, questions picked by the matcher, configs, env.

Expected replies are never hard-coded scores: questions of each kind are picked
from the store and `tests/data/eval.yaml` by asking the matcher, so the tests
follow the store and the thresholds as they evolve.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.config import Config
from bot.matching import Kind, Match, Matcher
from bot.store import DEFAULT_STORE, Entry, Store, load_store
from tests.fake_bot_api import FakeBotApi

# PTB 22 warns when it builds a RetryAfter unless this is set (read when the error is
# built), and warnings are errors. Subprocesses get it from `bot_env`.
os.environ.setdefault("PTB_TIMEDELTA", "1")

DATA = Path(__file__).resolve().parent / "data"

#: The token FakeBotApi accepts by default; any test that sees it in output has found a leak.
TOKEN = "123456:TEST-token"

OFF_TOPIC = (
    "What is the weather in Paris tomorrow?",
    "Recommend me a good pizza recipe",
    "How do I renew my passport?",
    "What is the capital of Australia?",
)


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped store, its overlays and its release: one run, one store."""
    folder = tmp_path_factory.mktemp("store")
    shipped = load_store(DEFAULT_STORE)
    shutil.copy(DEFAULT_STORE, folder / DEFAULT_STORE.name)
    for overlay in shipped.overlays.values():
        shutil.copy(overlay.path, folder / overlay.path.name)
    document = folder / shipped.document_path.relative_to(DEFAULT_STORE.parent)
    document.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(shipped.document_path, document)
    return folder / DEFAULT_STORE.name


@pytest.fixture(scope="session")
def store(store_path: Path) -> Store:
    return load_store(store_path)


@pytest.fixture(scope="session")
def matcher(store: Store) -> Matcher:
    return Matcher(store)


def _eval_questions() -> list[str]:
    data = yaml.safe_load((DATA / "eval.yaml").read_text(encoding="utf-8"))
    questions: list[str] = []
    for section in ("in_scope", "out_of_scope"):
        for item in data.get(section) or []:
            text = item.get("q") if isinstance(item, dict) else item
            if isinstance(text, str):
                questions.append(text)
    return questions


@pytest.fixture(scope="session")
def clarify_question(store: Store, matcher: Matcher) -> str:
    """A real question the matcher answers with "Did you mean…?" (two suggestions if any)."""
    pool = _eval_questions() + [q for e in store.entries for q in e.questions]
    close = [q for q in pool if matcher.match(q).kind is Kind.CLARIFY]
    assert close, "no question in the store or eval set yields a clarify verdict"
    return max(close, key=lambda q: min(len(matcher.match(q).suggestions), 2))


@pytest.fixture(scope="session")
def fallback_question(matcher: Matcher) -> str:
    """An off-topic question the matcher honestly declines."""
    declined = [q for q in OFF_TOPIC if matcher.match(q).kind is Kind.FALLBACK]
    assert declined, "every off-topic question was answered"
    return declined[0]


@pytest.fixture(scope="session")
def answerable(store: Store, matcher: Matcher) -> list[tuple[str, Entry]]:
    """(question, entry) pairs where an entry's own first phrasing is answered by that entry."""
    pairs = []
    for entry in store.entries:
        match = matcher.match(entry.questions[0])
        if match.kind is Kind.ANSWER and match.entry == entry:
            pairs.append((entry.questions[0], entry))
    assert len(pairs) >= 8, "most entries should answer their own first phrasing"
    return pairs


@pytest.fixture(scope="session")
def smalltalk_hi(matcher: Matcher) -> Match:
    match = matcher.match("hi")
    assert match.kind is Kind.SMALLTALK and match.smalltalk is not None
    return match


@pytest.fixture
def make_config(store_path: Path, tmp_path: Path) -> Callable[..., Config]:
    """Config factory: the snapshot store, data in tmp_path/data, overrides as keywords."""

    def make(**overrides: Any) -> Config:
        settings: dict[str, Any] = {
            "token": TOKEN,
            "knowledge": store_path,
            "data_dir": tmp_path / "data",
        }
        settings.update(overrides)
        return Config(**settings)

    return make


@pytest.fixture
def fake_api() -> Iterator[FakeBotApi]:
    """A FakeBotApi on 127.0.0.1, stopped after the test."""
    with FakeBotApi(token=TOKEN) as api:
        yield api


@pytest.fixture
def bot_env() -> Callable[..., dict[str, str]]:
    """Factory for the environment of a bot subprocess (see `subprocess_env`)."""
    return subprocess_env


def subprocess_env(**settings: str) -> dict[str, str]:
    """The environment for a bot subprocess: ours, minus any bot settings, plus `settings`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "BOT_")) and k not in ("PORT", "PYTHONWARNINGS")
    }
    env["PTB_TIMEDELTA"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    env.update(settings)
    return env
