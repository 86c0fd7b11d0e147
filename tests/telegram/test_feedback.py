"""bot/telegram/feedback.py: 👍/👎 under answers, one record per answer, a polite toast always."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot import feedback
from bot.matching import Matcher
from bot.store import Entry, Store
from bot.strings import ENGLISH
from tests.telegram.harness import (
    USER,
    Harness,
    buttons,
    feedback_rows,
    follow_up_buttons,
    only_message,
    tap_on,
)

THANKS, ALREADY, EXPIRED = (ENGLISH[toast] for toast in feedback.Toast)


def rating(params: dict[str, Any]) -> list[tuple[str, str]]:
    (row,) = feedback_rows(params)
    return [(b["text"], b["callback_data"]) for b in row]


def lines(tg: Harness) -> list[dict[str, Any]]:
    path = tg.config.feedback_log
    return (
        [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
        if path.exists()
        else []
    )


async def test_an_answer_has_a_rating_row_under_its_follow_ups(
    tg: Harness, store: Store, answerable: list[tuple[str, Entry]]
) -> None:
    """Follow-ups stay as they were; the last row is 👍 👎 with short callback data."""
    question, entry = next((q, e) for q, e in answerable if e.follow_ups)
    params = only_message(await tg.say(question))
    assert buttons(params) == follow_up_buttons(store, entry)
    (up, up_data), (down, down_data) = rating(params)
    assert (up, down) == ("👍", "👎")
    assert all(len(d.encode()) <= 64 for d in (up_data, down_data))
    assert params["reply_markup"]["inline_keyboard"][-1][0]["callback_data"] == up_data


async def test_a_tap_thanks_records_once_and_collapses_the_pair(
    tg: Harness, store: Store, matcher: Matcher, answerable: list[tuple[str, Entry]]
) -> None:
    """👎: toast, one log line (no user data), the pair becomes '✓ thanks'; then nothing more."""
    question, entry = next((q, e) for q, e in answerable if e.follow_ups)
    params = only_message(await tg.say(question))
    down_data = rating(params)[1][1]
    calls = await tg.feed(tap_on(params, down_data))
    assert [name for name, _ in calls] == ["answerCallbackQuery", "editMessageReplyMarkup"]
    assert calls[0][1]["text"] == THANKS
    edited = calls[1][1]["reply_markup"]["inline_keyboard"]
    assert [[b["callback_data"] for b in r] for r in edited] == [
        *([data] for _, data in follow_up_buttons(store, entry)),
        ["f:done"],
    ]
    (record,) = lines(tg)
    assert {k: v for k, v in record.items() if k != "time"} == {
        "question": question,
        "entry": entry.id,
        "score": matcher.match(question).score,
        "verdict": "down",
        "language": "en",
    }
    assert str(USER) not in json.dumps(record)
    assert tg.state.live.votes[entry.id, feedback.Verdict.DOWN] == 1

    for data, toast in [
        (down_data, EXPIRED),
        (rating(params)[0][1], EXPIRED),
        (feedback.DONE, ALREADY),
    ]:
        calls = await tg.feed(tap_on(params, data))
        assert calls == [("answerCallbackQuery", calls[0][1])] and calls[0][1]["text"] == toast
    assert len(lines(tg)) == 1


async def test_only_answers_are_rated(
    tg: Harness, clarify_question: str, fallback_question: str
) -> None:
    """'Did you mean', 'not in the release' and small talk carry no rating row."""
    for question in (clarify_question, fallback_question, "hi"):
        assert feedback_rows(only_message(await tg.say(question))) == []


async def test_bot_feedback_off_sends_no_buttons_and_old_ones_expire(
    make_bot: Callable[..., Awaitable[Harness]], answerable: list[tuple[str, Entry]]
) -> None:
    """feedback=False: no rating row; a tap on a forged or old pair gets the polite toast only."""
    tg = await make_bot(feedback=False)
    params = only_message(await tg.say(answerable[0][0]))
    assert feedback_rows(params) == []
    calls = await tg.feed(tap_on({**params, "reply_markup": {"inline_keyboard": []}}, "f:u:old"))
    assert [(n, p["text"]) for n, p in calls] == [("answerCallbackQuery", EXPIRED)]
    assert lines(tg) == []


async def test_an_unwritable_log_is_a_warning_and_the_person_is_still_thanked(
    make_bot: Callable[..., Awaitable[Harness]],
    tmp_path: Path,
    answerable: list[tuple[str, Entry]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The data directory is a file: the tap is thanked, the problem logged as a warning."""
    blocked = tmp_path / "blocked"
    blocked.write_text("not a directory", encoding="utf-8")
    tg = await make_bot(data_dir=blocked)
    params = only_message(await tg.say(answerable[0][0]))
    with caplog.at_level(logging.WARNING, logger="release_bot"):
        calls = await tg.feed(tap_on(params, rating(params)[0][1]))
    assert calls[0][1]["text"] == THANKS
    assert "cannot append to the feedback log" in caplog.text


async def test_taps_count_against_the_flood_limit(
    make_bot: Callable[..., Awaitable[Harness]], answerable: list[tuple[str, Entry]]
) -> None:
    """Over the tap limit, a rating tap gets the tap-limit toast and records nothing."""
    tg = await make_bot(tap_limit=1)
    params = only_message(await tg.say(answerable[0][0]))
    await tg.feed(tap_on(params, "t:0"))  # the one tap of the budget
    calls = await tg.feed(tap_on(params, rating(params)[0][1]))
    assert calls[0][1]["text"].startswith("That is a lot of taps in a short time.")
    assert lines(tg) == []
