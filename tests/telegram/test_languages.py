"""The bot in Russian, Kazakh and Korean, through the real Application over HTTP."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.matching.languages import language_view
from bot.store import Store
from tests.telegram.harness import Harness, buttons, callback, message, only_message


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
