"""The bot in Russian, Kazakh and Korean, through the real Application over HTTP."""

from __future__ import annotations

import html
import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from bot.matching.languages import language_view
from bot.store import Store
from tests.telegram.harness import (
    Harness,
    buttons,
    callback,
    feedback_rows,
    message,
    only_message,
    tap_on,
)


async def test_a_russian_question_gets_the_russian_answer_and_the_english_quote(
    tg: Harness, store: Store
) -> None:
    params = only_message(await tg.say("Сколько рейсов в неделю между Казахстаном и Кореей?"))
    russian = store.overlays["ru"].entries["flights-total"].answer
    assert params["text"].startswith(russian)
    assert "<i>Из релиза (на английском):</i>" in params["text"]
    assert "Currently, there are 15 flights per week" in params["text"]


async def test_a_question_in_a_language_without_an_overlay_lists_the_languages(
    tg: Harness,
) -> None:
    params = only_message(await tg.say("これは何ですか"))
    assert params["text"].startswith("英語、ロシア語、カザフ語、韓国語が分かります。")
    assert "I understand English, Russian, Kazakh and Korean." in params["text"]
    assert buttons(params)  # topics to try
    assert "Sorry, something went wrong" not in params["text"]


async def test_start_and_help_speak_the_language_of_the_telegram_client(
    tg: Harness, store: Store
) -> None:
    update = message("/start")
    update["message"]["from"]["language_code"] = "ko"
    params = only_message(await tg.feed(update))
    korean = language_view(store, store.overlays["ko"])
    assert params["text"].startswith(store.overlays["ko"].strings["start"].split("{")[0])
    assert buttons(params)[0][0] == korean.entries[0].questions[0]
    assert buttons(params)[0][1] == f"a:ko:{korean.entries[0].id}"


async def test_a_tap_under_a_korean_reply_is_answered_in_korean(
    make_bot: Callable[..., Awaitable[Harness]], store: Store
) -> None:
    tg = await make_bot()
    calls = await tg.feed(callback("a:ko:flights-total"))
    sent = [p for name, p in calls if name == "sendMessage"]
    assert sent[0]["text"].startswith(store.overlays["ko"].entries["flights-total"].answer)
    topics = await tg.feed(callback("t:kk:0"))
    kazakh_topic = store.overlays["kk"].topics[store.topics[0]]
    assert kazakh_topic in next(p for n, p in topics if n == "sendMessage")["text"]


def _from(update: dict[str, Any], language_code: str) -> dict[str, Any]:
    """`update` sent by a person whose Telegram client speaks `language_code`."""
    for body in update.values():
        if isinstance(body, dict) and "from" in body:
            body["from"]["language_code"] = language_code
    return update


async def test_rating_a_russian_answer_is_thanked_in_russian(tg: Harness, store: Store) -> None:
    """The toast and the "✓ thanks" button speak the rated answer's language, whatever
    the client's; the log line says which language the question was read in."""
    params = only_message(await tg.say("Сколько рейсов в неделю между Казахстаном и Кореей?"))
    (rating,) = feedback_rows(params)
    calls = await tg.feed(tap_on(params, rating[0]["callback_data"]))
    russian = store.overlays["ru"].strings
    assert calls[0] == ("answerCallbackQuery", calls[0][1])
    assert calls[0][1]["text"] == russian["feedback_thanks"]
    edited = calls[1][1]["reply_markup"]["inline_keyboard"]
    assert edited[-1] == [{"text": russian["feedback_done"], "callback_data": "f:done"}]
    (line,) = tg.config.feedback_log.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["language"] == "ru"


@pytest.mark.parametrize("code", ["ko", "kk", "ru"])
async def test_what_has_no_question_to_read_speaks_the_client_language(
    tg: Harness, store: Store, code: str
) -> None:
    """A sticker, a bare /ask and an expired rating: the person's client language picks
    the text, as it does for /start; an expired button speaks the language it was in."""
    strings = store.overlays[code].strings
    sticker = message(None, sticker={"file_id": "s", "file_unique_id": "s", "type": "regular",
                                     "width": 1, "height": 1, "is_animated": False,
                                     "is_video": False})  # fmt: skip
    assert only_message(await tg.feed(_from(sticker, code)))["text"] == strings["not_text"]
    bare_ask = only_message(await tg.feed(_from(message("/ask"), code)))
    assert bare_ask["text"] == html.escape(strings["ask_usage"], quote=False)
    for data, key in [("f:u:gone", "feedback_expired"), (f"a:{code}:gone", "expired_button")]:
        calls = await tg.feed(_from(callback(data), code))
        assert calls == [("answerCallbackQuery", calls[0][1])]
        assert calls[0][1]["text"] == strings[key]
