"""Tests for bot/drafting/vocabulary.py: the tables derived from the word-list files."""

from __future__ import annotations

import pytest

from bot.drafting import vocabulary as v
from bot.language import UNITS


@pytest.mark.parametrize(
    ("form", "base"),
    [("took", "take"), ("taken", "take"), ("held", "hold"), ("shown", "show"), ("did", "do")],
)
def test_an_irregular_form_leads_to_its_base(form: str, base: str) -> None:
    assert v.IRREGULAR[form] == base


def test_only_a_participle_unlike_the_past_maps_to_the_past() -> None:
    assert v.PAST_OF["taken"] == "took"
    assert v.PAST_OF["done"] == "did"
    assert "held" not in v.PAST_OF  # the same form for both


def test_auxiliaries_are_the_be_modal_and_have_forms() -> None:
    assert {"is", "were", "will", "did", "has", "had", "been"} <= v.AUX
    assert v.BE <= v.AUX and v.MODALS <= v.AUX


@pytest.mark.parametrize(
    ("table", "key", "value"),
    [
        (UNITS, "km", "length"),
        (UNITS, "euros", "money"),
        (v.CURRENCY, "€", "euros"),
        (v.CURRENCY, "KZT", "tenge"),
        (v.UNIT_NAMES, "gw", "gigawatts"),
        (v.ORG_KINDS, "gmbh", "company"),
        (v.NOMINAL, "construction", ("build", "building", "builds")),
    ],
)
def test_the_tables_read_from_their_files(
    table: dict[str, object], key: str, value: object
) -> None:
    assert table[key] == value
