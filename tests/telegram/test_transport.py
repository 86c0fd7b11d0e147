"""ResilientRequest against the fake Bot API: what is retried, what is not, the heartbeat."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from telegram import Bot
from telegram.error import NetworkError, RetryAfter, TimedOut

from bot.runtime import Heartbeat
from bot.telegram.transport import ResilientRequest
from tests.fake_bot_api import FakeBotApi
from tests.telegram.harness import TOKEN, USER


async def test_resilient_request_retries_500s_and_drops_then_beats(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    """A 500 and a dropped connection are retried; the success touches the heartbeat."""
    heartbeat = Heartbeat(tmp_path / "heartbeat", every=0.0)
    fake_api.inject("getMe", "500")
    fake_api.inject("getMe", "drop")
    bot = Bot(TOKEN, base_url=fake_api.base_url, request=ResilientRequest(heartbeat, retries=2))
    async with bot:
        assert bot.username == fake_api.bot_username
    assert [c.fault for c in fake_api.calls_to("getMe")] == ["500", "drop", None]
    assert heartbeat.age() is not None


async def test_resilient_request_gives_up_after_its_retries(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    """After `retries` more 500s the error surfaces, and the failures write no heartbeat."""
    heartbeat = Heartbeat(tmp_path / "heartbeat", every=0.0)
    request = ResilientRequest(heartbeat, retries=2)
    async with Bot(TOKEN, base_url=fake_api.base_url, request=request) as bot:
        os.utime(heartbeat.path, (1000.0, 1000.0))
        fake_api.inject("getMe", "500", count=3)
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.get_me()
    assert [c.fault for c in fake_api.calls_to("getMe")] == [None, "500", "500", "500"]
    assert heartbeat.path.stat().st_mtime == 1000.0


async def test_resilient_request_does_not_resend_a_message_after_a_read_timeout(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    """A sendMessage whose reply timed out may have been delivered: it is not sent again."""
    request = ResilientRequest(Heartbeat(tmp_path / "heartbeat"), read_timeout=0.3)
    async with Bot(TOKEN, base_url=fake_api.base_url, request=request) as bot:
        fake_api.inject("sendMessage", "slow", delay=1.0)
        with pytest.raises(TimedOut):
            await bot.send_message(USER, "once")
    assert len(fake_api.calls_to("sendMessage")) == 1


async def test_resilient_request_repeats_an_idempotent_call_after_a_read_timeout(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    """getMe changes nothing on the server, so a timed-out one is simply asked again."""
    request = ResilientRequest(Heartbeat(tmp_path / "heartbeat"), read_timeout=0.3)
    async with Bot(TOKEN, base_url=fake_api.base_url, request=request) as bot:
        fake_api.inject("getMe", "slow", delay=1.0)
        assert (await bot.get_me()).id == fake_api.bot_id
    assert len(fake_api.calls_to("getMe")) >= 3


async def test_resilient_request_leaves_429_to_the_rate_limiter(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    """A 429 is not retried by the request class: it surfaces as RetryAfter at once."""
    heartbeat = Heartbeat(tmp_path / "heartbeat", every=0.0)
    request = ResilientRequest(heartbeat, retries=2)
    async with Bot(TOKEN, base_url=fake_api.base_url, request=request) as bot:
        fake_api.inject("getMe", "429", retry_after=3)
        with pytest.raises(RetryAfter) as info:
            await bot.get_me()
    assert info.value.retry_after.total_seconds() == 3  # type: ignore[union-attr]
    assert [c.fault for c in fake_api.calls_to("getMe")] == [None, "429"]
