"""The Telegram edge of the bot.

- `app`: wiring (`build_application`, `build`) and the `run` command.
- `context`: `BotState` and the typed `BotContext` handlers receive.
- `handlers`: read an update, call the pure core, send what it returned.
- `inbox`: every fetched update on disk (SQLite) until it is answered.
- `polling`: long polling that stores a batch before acknowledging it.
- `processing`: the update processor: once per `update_id`, done when handled.
- `serve`: start-up, and a bounded shutdown on SIGTERM/SIGINT.
- `transport`: the HTTP request class (retries, outage log, heartbeat).
- `logs`: logging set-up that never prints the token.
"""
