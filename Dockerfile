# syntax=docker/dockerfile:1
#
# release-bot: the Telegram bot in a small image, run as a non-root user.
#
#   docker build -t release-bot .
#   docker run --rm --env-file .env -v release-bot-data:/app/var release-bot
#
# README.md, "Running in a container": .env in a container, every setting, webhooks,
# updating the store without a rebuild.

# --- Build stage: a virtual environment with the dependencies, then the bot ----------
FROM python:3.11-slim-bookworm AS build

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
WORKDIR /src

# Dependencies only, read from pyproject.toml: this layer is rebuilt when they change,
# never for an edit to bot/ or knowledge/. All of them ship wheels, so no compiler.
COPY pyproject.toml ./
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" > requirements.txt \
    && /opt/venv/bin/pip install --no-cache-dir -r requirements.txt

# The bot itself (and the readme that pyproject.toml names); dependencies are in place.
COPY README.md ./
COPY bot/ bot/
RUN /opt/venv/bin/pip install --no-cache-dir --no-deps .

# --- Runtime stage: the interpreter, the virtual environment and the knowledge store --
FROM python:3.11-slim-bookworm

# BOT_DATA_DIR holds the heartbeat (read by the health check), the inbox of updates not
# yet answered (inbox.sqlite3) and unanswered.jsonl.
# BOT_KNOWLEDGE names the store; mount a folder over /app/knowledge to replace it.
# The token is never baked in: pass TELEGRAM_BOT_TOKEN at run time (--env-file .env).
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    BOT_KNOWLEDGE=/app/knowledge/release.yaml \
    BOT_DATA_DIR=/app/var

# A system user without a login shell; only the data directory is writable by it.
RUN groupadd --system --gid 10001 bot \
    && useradd --system --uid 10001 --gid bot --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin bot \
    && mkdir -p /app/var \
    && chown bot:bot /app/var

COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY knowledge/ /app/knowledge/

# Numeric, so a runtime can check that it is not root (Kubernetes runAsNonRoot).
USER 10001:10001
VOLUME ["/app/var"]

# Polling needs no port; `run --webhook` listens on $PORT (8080 by default).
EXPOSE 8080 8081
STOPSIGNAL SIGTERM
# Healthy while the bot keeps talking to the Bot API: the heartbeat in $BOT_DATA_DIR is
# fresh. Needs no token and no network.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-m", "bot", "health"]

# Exec form, so python is PID 1 and SIGTERM reaches the bot, which then stops cleanly
# within BOT_STOP_TIMEOUT + 3 s: 9 s by default, inside `docker stop`'s 10 s. (Should a
# SIGKILL come first, the inbox still keeps every update not answered for the next start.)
# Other commands work too: `docker run --rm release-bot check`.
ENTRYPOINT ["python", "-m", "bot"]
CMD ["run"]
