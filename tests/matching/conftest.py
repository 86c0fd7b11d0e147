"""Fixtures for the matching tests: one matcher on the shipped store, built once."""

from __future__ import annotations

import pytest

from bot.matching import Matcher
from bot.store import load_store


@pytest.fixture(scope="session")
def matcher() -> Matcher:
    return Matcher(load_store())
