"""Tests for bot/matching/params.py: one documented table of every tunable number."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from bot.matching import Params
from bot.matching.params import describe, stage
from bot.store import Settings, load_store

MATCHING = Path(__file__).resolve().parents[2] / "bot" / "matching"


def test_every_field_has_a_one_line_doc_and_a_stage() -> None:
    rows = describe()
    assert len(rows) == len(dataclasses.fields(Params)) >= 30
    for name, default, doc, where in rows:
        assert doc and "\n" not in doc and len(doc) < 100, name
        assert where in ("index", "score", "verdict"), name
        assert isinstance(default, int | float), name
        assert stage(name) == where


def test_every_field_is_read_by_the_pipeline() -> None:
    """A field nobody reads would be a knob that does nothing."""
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in MATCHING.glob("*.py") if p.name != "params.py"
    )
    unread = [f.name for f in dataclasses.fields(Params) if not re.search(rf"\.{f.name}\b", source)]
    assert unread == []


def test_the_store_settings_feed_the_table() -> None:
    """The defaults are the store defaults; a store's own settings replace them."""
    defaults = Params()
    for field in dataclasses.fields(Settings):
        assert getattr(defaults, field.name) == getattr(Settings(), field.name)
    store = load_store()
    params = Params.for_store(store.settings, doubt_margin=5.0)
    assert params.answer_threshold == store.settings.answer_threshold == 66
    assert params.clarify_threshold == store.settings.clarify_threshold
    assert params.doubt_margin == 5.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        params.margin = 1.0  # type: ignore[misc]


def test_stage_of_an_unknown_name_raises() -> None:
    with pytest.raises(KeyError):
        stage("no_such_parameter")
