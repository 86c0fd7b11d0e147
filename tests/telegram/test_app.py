"""Wiring: start-up and shutdown hooks of the application `build_application` makes."""

from __future__ import annotations

import asyncio

from bot.telegram.app import COMMANDS
from tests.telegram.harness import Harness


async def test_post_init_registers_the_commands_and_starts_the_pinger(tg: Harness) -> None:
    """post_init publishes the command menu; post_shutdown stops the ping task."""
    assert tg.started == [("getMe", {})]
    assert tg.app.post_init is not None and tg.app.post_shutdown is not None
    await tg.app.post_init(tg.app)
    assert tg.request.calls[-1] == (
        "setMyCommands",
        {"commands": [{"command": c, "description": d} for c, d in COMMANDS]},
    )
    pinger = tg.app.bot_data["pinger"]
    assert isinstance(pinger, asyncio.Task) and not pinger.done()
    await tg.app.post_shutdown(tg.app)
    assert pinger.cancelled() and "pinger" not in tg.app.bot_data
