"""Fixtures for the Telegram tests: applications built on a recording request."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from bot.config import Config
from bot.store import Store
from bot.telegram.app import build_application
from tests.telegram.harness import Harness, RecordingRequest


@pytest.fixture
async def make_bot(
    make_config: Callable[..., Config], store: Store
) -> AsyncIterator[Callable[..., Awaitable[Harness]]]:
    """Build and initialise applications; afterwards shut them down and check no stray calls."""
    made: list[Harness] = []

    async def make(store_: Store | None = None, **overrides: Any) -> Harness:
        config = make_config(**overrides)
        request, updates_request = RecordingRequest(), RecordingRequest()
        app = build_application(
            config, store_ or store, request=request, updates_request=updates_request
        )
        await app.initialize()
        harness = Harness(app, request, updates_request, config, list(request.calls))
        made.append(harness)
        return harness

    yield make
    for harness in made:
        await harness.app.shutdown()
        assert harness.request.unexpected == [], "the bot called a method it should not use"
        assert harness.updates_request.calls == [], "handlers must never poll for updates"


@pytest.fixture
async def tg(make_bot: Callable[..., Awaitable[Harness]]) -> Harness:
    return await make_bot()
