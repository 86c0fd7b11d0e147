"""Fixtures for the review tests: a writable copy of the store snapshot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def store_copy(store_path: Path, tmp_path: Path) -> Path:
    """The session's store snapshot and its release, copied into a folder the test may edit."""
    shutil.copytree(store_path.parent, tmp_path / "store")
    return tmp_path / "store" / store_path.name
