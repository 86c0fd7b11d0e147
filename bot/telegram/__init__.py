"""The Telegram edge of the bot.

- `app`: wiring (`build_application`) and the `run` command.
- `context`: `BotState` and the typed `BotContext` handlers receive.
- `handlers`: read an update, call the pure core, send what it returned.
- `transport`: the HTTP request class (retries, heartbeat).
- `logs`: logging set-up that never prints the token.
"""
