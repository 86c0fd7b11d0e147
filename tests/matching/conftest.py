"""Fixtures for the matching tests: one matcher on the shipped store, built once."""

from __future__ import annotations

import pytest

from bot.matching import Matcher, Matchers
from bot.store import Store, load_store


@pytest.fixture(scope="session")
def matcher() -> Matcher:
    return Matcher(load_store())


@pytest.fixture(scope="session")
def russian(store: Store) -> Matcher:
    """The Russian matcher of the shipped store (its overlay, glossary and sibling)."""
    found = Matchers(store).matcher_for("ru")
    assert found is not None
    return found
