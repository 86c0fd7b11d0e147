"""Tests for bot/cli.py, run as a real process: ``python -m bot ...`` from the project root."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.store import load_store
from tests.support import expected_problems, run_bot

ROOT = Path(__file__).resolve().parent.parent
STORES = Path(__file__).resolve().parent / "data" / "stores"
GOOD = STORES / "good.yaml"
INVALID = sorted((STORES / "invalid").glob("*.yaml"))
JSON_KEYS = {
    "question",
    "kind",
    "answered",
    "answer",
    "intent",
    "score",
    "language",
    "suggestions",
    "form",
}

COST_REPLY = (
    "The centre cost 1.5 million dollars.\n\n"
    'From the release: "The centre cost 1.5 million dollars."'
)


# --- ask ----------------------------------------------------------------------------------


def test_ask_prints_the_answer_and_its_source() -> None:
    result = run_bot("ask", "How much did the centre cost?", "--store", str(GOOD))
    assert (result.returncode, result.stdout, result.stderr) == (0, COST_REPLY + "\n", "")


def test_ask_answers_from_the_shipped_store_by_default() -> None:
    entry = load_store().entry("flights-total")
    assert entry is not None
    result = run_bot("ask", "How many flights per week are there between Kazakhstan and Korea?")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f'{entry.answer}\n\nFrom the release: "{entry.source}"\n'


@pytest.mark.parametrize(
    ("question", "kind", "intent"),
    [
        ("How much did the centre cost?", "answer", "cost"),
        ("hi", "smalltalk", "greeting"),
        ("What is the capital of France?", "fallback", None),
        ("", "fallback", None),
    ],
)
def test_ask_json_prints_exactly_the_documented_keys(
    question: str, kind: str, intent: str | None
) -> None:
    result = run_bot("ask", "--json", question, "--store", str(GOOD))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1
    out = json.loads(result.stdout)
    assert set(out) == JSON_KEYS
    assert (out["question"], out["kind"], out["intent"]) == (question, kind, intent)
    assert out["answered"] == (out["kind"] == "answer")
    assert 0 <= out["score"] <= 100
    assert isinstance(out["suggestions"], list)


def test_ask_jsonl_answers_each_stdin_line_in_order() -> None:
    lines = ["How much did the centre cost?", "", "✈️🇰🇿 🙂", "thanks", "capital of France?"]
    result = run_bot("ask", "--jsonl", "--store", str(GOOD), stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    outs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["question"] for o in outs] == lines
    assert [o["kind"] for o in outs] == ["answer", "fallback", "fallback", "smalltalk", "fallback"]
    assert outs[0]["answer"] == "The centre cost 1.5 million dollars."
    assert all(set(o) == JSON_KEYS and o["answered"] == (o["kind"] == "answer") for o in outs)


def test_ask_jsonl_keeps_one_object_per_line_whatever_the_line_holds() -> None:
    """A carriage return or a Unicode line separator inside a question never splits its line."""
    lines = ["one\rtwo", "line\u2028separator", "next\x85line", "para\u2029graph", "hi"]
    result = run_bot("ask", "--jsonl", "--store", str(GOOD), stdin="\n".join(lines) + "\r\n")
    assert result.returncode == 0, result.stderr
    outs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["question"] for o in outs] == lines


def test_ask_without_a_question_is_a_usage_error() -> None:
    result = run_bot("ask", "--store", str(GOOD))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "release-bot: ask needs a QUESTION (or --jsonl to read questions from stdin)\n"
    )


# --- chat ---------------------------------------------------------------------------------


def test_chat_answers_each_piped_line_and_skips_blank_ones() -> None:
    result = run_bot("chat", "--store", str(GOOD), stdin="How much did the centre cost?\n\nhi\n")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        COST_REPLY + "\n\n" + "Hello! Ask me about the <centre> & its budget.\n\n"
    )


# --- choosing the store -------------------------------------------------------------------


def test_env_bot_knowledge_selects_the_store() -> None:
    result = run_bot("ask", "--json", "centre cost", env={"BOT_KNOWLEDGE": str(GOOD)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["intent"] == "cost"


def test_store_option_wins_over_bot_knowledge() -> None:
    broken = STORES / "invalid" / "duplicate-id.yaml"
    result = run_bot(
        "ask", "--json", "centre cost", "--store", str(GOOD), env={"BOT_KNOWLEDGE": str(broken)}
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["intent"] == "cost"


# --- invalid stores -----------------------------------------------------------------------


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_ask_with_an_invalid_store_exits_2_with_one_line_per_problem(path: Path) -> None:
    result = run_bot("ask", "hi", "--store", str(path))
    assert (result.returncode, result.stdout) == (2, "")
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"release-bot: invalid store: {p}" for p in expected_problems(path)
    ]


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_check_on_an_invalid_store_exits_1_with_one_line_per_problem(path: Path) -> None:
    result = run_bot("check", "--store", str(path))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == expected_problems(path)


def test_check_on_a_non_utf8_store_exits_1_with_one_line(tmp_path: Path) -> None:
    store = tmp_path / "latin1.yaml"
    store.write_bytes(b"title: caf\xe9\n")
    result = run_bot("check", "--store", str(store))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(f"{store}: cannot read store: it is not UTF-8 text: byte 0xe9")


def test_check_on_a_good_store_reports_coverage() -> None:
    result = run_bot("check", "--store", str(GOOD))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"{GOOD}: ok, 4 entries, 10 phrasings\n"
        "coverage: 4 of 5 release sentences cited\n"
        "  not cited: The mayor, Jane Doe, welcomed the investment.\n"
    )


def test_debug_flag_shows_the_traceback() -> None:
    result = run_bot(
        "ask", "hi", "--debug", "--store", str(STORES / "invalid" / "duplicate-id.yaml")
    )
    assert result.returncode == 1
    assert "Traceback" in result.stderr
    assert "StoreError" in result.stderr


# --- eval ---------------------------------------------------------------------------------


def test_eval_with_a_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = run_bot("eval", str(missing))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"release-bot: {missing}: cannot read (it does not exist)\n"


def test_eval_with_a_non_utf8_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(b"in_scope:\n  - {q: caf\xe9, intent: cost}\n")
    result = run_bot("eval", str(latin1))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"release-bot: {latin1}: cannot read (it is not UTF-8 text: byte 0xe9 on line 2)\n"
    )


def test_eval_prints_the_report() -> None:
    result = run_bot("eval", str(STORES / "good-eval.yaml"), "--store", str(GOOD))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[:3] == [
        "questions: 3 in scope, 1 out of scope",
        "in-scope accuracy:      66.7%",
        "out-of-scope rejected: 100.0%",
    ]


def test_ask_json_of_a_sentence_answer_gives_the_sentence(tmp_path: Path) -> None:
    """--json of an answer taken from the release text: answered, no intent, the sentence."""
    store = tmp_path / "store.yaml"
    store.write_text(
        f"document: {ROOT / 'knowledge' / 'release.txt'}\n"
        "title: The meeting only\n"
        "entries:\n"
        "  - id: meeting\n"
        "    topic: The meeting\n"
        '    questions: ["Who met whom?"]\n'
        "    answer: Nurgali Arystanov met Woo Won-shik.\n"
        "    source: Nurgali Arystanov, held a meeting with the Speaker\n",
        encoding="utf-8",
    )
    question = "What did the sides agree to at the end of the conversation?"
    result = run_bot("ask", "--json", question, "--store", str(store))
    out = json.loads(result.stdout)
    assert (out["kind"], out["answered"], out["intent"]) == ("answer", True, None)
    assert out["answer"].startswith("At the conclusion of the conversation, the sides agreed")


def test_check_lists_entries_still_marked_draft(tmp_path: Path) -> None:
    """A drafted store passes check, and check names the entries awaiting review."""
    store = tmp_path / "draft.yaml"
    built = run_bot("build", str(ROOT / "knowledge" / "release.txt"), "-o", str(store))
    assert built.returncode == 0, built.stderr
    result = run_bot("check", "--store", str(store))
    assert result.returncode == 0, result.stderr
    review = [line for line in result.stdout.splitlines() if line.startswith("review: ")]
    assert len(review) == 1 and "entries still marked draft: " in review[0]


# --- UTF-8 in and out, whatever the locale ------------------------------------------------

#: Lines that are not valid UTF-8: a stray byte, a cut-off sequence, an encoded surrogate.
BAD_LINES = (b"bad \xff byte", b"cut \xe2\x82 short", b"surrogate \xed\xa0\x80 here")


@pytest.fixture(scope="session")
def en_us_locale(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Settings for a real en_US.UTF-8 locale (compiled into a temporary LOCPATH if need be).

    In it Python reads stdin strictly, which is where a bad byte used to crash `ask --jsonl`.
    """
    settings = {"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}
    installed = ""
    if shutil.which("locale"):
        listing = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False)
        installed = listing.stdout
    if "en_US.utf8" not in installed.split():
        if shutil.which("localedef") is None:
            pytest.skip("no en_US.UTF-8 locale and no localedef to compile one")
        folder = tmp_path_factory.mktemp("locales")
        compiled = subprocess.run(
            ["localedef", "-i", "en_US", "-f", "UTF-8", str(folder / "en_US.UTF-8")],
            capture_output=True,
            check=False,
        )
        if compiled.returncode != 0:
            pytest.skip("localedef could not compile en_US.UTF-8")
        settings["LOCPATH"] = str(folder)
    probe = [sys.executable, "-c", "import sys; print(sys.stdin.errors)"]
    env = _locale_env(settings)
    errors = subprocess.run(probe, env=env, capture_output=True, text=True, check=False)
    if errors.stdout.strip() != "strict":
        pytest.skip("en_US.UTF-8 did not take effect")
    return settings


def _locale_env(settings: dict[str, str]) -> dict[str, str]:
    """This environment without any locale or Python I/O setting, plus `settings`."""
    cleared = ("LANG", "LANGUAGE", "LOCPATH", "PYTHONUTF8", "PYTHONIOENCODING", "BOT_KNOWLEDGE")
    environ = {k: v for k, v in os.environ.items() if k not in cleared and not k.startswith("LC_")}
    return environ | settings


@pytest.fixture(params=["C", "C.UTF-8", "en_US.UTF-8"])
def locale_env(request: pytest.FixtureRequest) -> dict[str, str]:
    """The environment of a run in each locale; en_US.UTF-8 is skipped where it cannot exist."""
    name = str(request.param)
    if name == "en_US.UTF-8":
        return _locale_env(request.getfixturevalue("en_us_locale"))
    return _locale_env({"LANG": name, "LC_ALL": name})


def run_bot_bytes(
    *args: str | bytes, stdin: bytes = b"", env: dict[str, str]
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m bot ARGS`` with raw bytes in and out (arguments may be bytes too)."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        input=stdin,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_ask_jsonl_answers_every_line_around_invalid_utf8(locale_env: dict[str, str]) -> None:
    """Bytes that are not UTF-8 are read as U+FFFD: every line answered, in order, valid JSON."""
    asked = {b"How much did the centre cost?": "cost", b"hi": "greeting", b"thanks": "thanks"}
    good = [list(asked)[n % 3] for n in range(2000)]
    lines = good[:1000] + list(BAD_LINES) + good[1000:]
    result = run_bot_bytes(
        "ask", "--jsonl", "--store", str(GOOD), stdin=b"\n".join(lines) + b"\n", env=locale_env
    )
    assert (result.returncode, result.stderr) == (0, b"")
    text = result.stdout.decode("utf-8")  # strict: the output is valid UTF-8
    outs = [json.loads(line) for line in text.splitlines()]
    assert [o["question"] for o in outs] == [line.decode("utf-8", "replace") for line in lines]
    answered = outs[:1000] + outs[1003:]
    assert [o["intent"] for o in answered] == [asked[line] for line in good]
    assert all("\ufffd" in o["question"] for o in outs[1000:1003])


def test_chat_answers_every_line_around_invalid_utf8(locale_env: dict[str, str]) -> None:
    """chat reads bad bytes as U+FFFD too, and answers the good lines after them."""
    stdin = b"\n".join([b"hi", *BAD_LINES, b"How much did the centre cost?"]) + b"\n"
    result = run_bot_bytes("chat", "--store", str(GOOD), stdin=stdin, env=locale_env)
    assert (result.returncode, result.stderr) == (0, b"")
    text = result.stdout.decode("utf-8")
    assert text.startswith("Hello! Ask me about the <centre> & its budget.\n\n")
    assert text.endswith(COST_REPLY + "\n\n")
    assert text.count("Sorry, I could not find that in the release.") == len(BAD_LINES)


@pytest.mark.parametrize("raw", [b"bad \xff", b"cut \xe2\x82", b"surrogate \xed\xa0\x80"])
def test_ask_json_reads_an_undecodable_argument_with_replacement(
    locale_env: dict[str, str], raw: bytes
) -> None:
    """An argument that is not UTF-8 (a lone surrogate inside Python) is asked as U+FFFD."""
    result = run_bot_bytes("ask", "--json", raw, "--store", str(GOOD), env=locale_env)
    assert (result.returncode, result.stderr) == (0, b"")
    out = json.loads(result.stdout.decode("utf-8"))
    assert out["question"] == raw.decode("utf-8", "replace")


def test_ask_prints_an_undecodable_argument_as_valid_utf8(locale_env: dict[str, str]) -> None:
    """The plain reply to a question with a bad byte is valid UTF-8, bytes never copied raw."""
    result = run_bot_bytes("ask", b"\xff\xfe centre cost", "--store", str(GOOD), env=locale_env)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode("utf-8") == COST_REPLY + "\n"


# --- chat: picking a numbered choice ------------------------------------------------------


@pytest.fixture
def offering_store(tmp_path: Path) -> Path:
    """The good store with an answer bar no question clears: every match is "did you mean"."""
    text = GOOD.read_text(encoding="utf-8")
    text = text.replace("answer_threshold: 75", "answer_threshold: 100")
    text = text.replace("clarify_threshold: 60", "clarify_threshold: 30")
    store = tmp_path / "offering.yaml"
    store.write_text(text, encoding="utf-8")
    shutil.copy(STORES / "release.txt", tmp_path / "release.txt")
    return store


def _reply_to(entry_id: str, store: Path) -> str:
    entry = load_store(store).entry(entry_id)
    assert entry is not None
    return f'{entry.answer}\n\nFrom the release: "{entry.source}"'


def test_chat_number_after_did_you_mean_picks_that_question(offering_store: Path) -> None:
    """After a numbered list, "2" answers with choice 2, "1." with choice 1; others ask again."""
    asked = run_bot("ask", "--json", "research centre", "--store", str(offering_store))
    offered = json.loads(asked.stdout)
    assert offered["kind"] == "clarify" and len(offered["suggestions"]) == 3
    first, second, _ = (s["intent"] for s in offered["suggestions"])
    lines = ["research centre", "2", "1.", "7", "hi", "1"]
    result = run_bot("chat", "--store", str(offering_store), stdin="\n".join(lines) + "\n")
    assert (result.returncode, result.stderr) == (0, "")
    replies = result.stdout.split("\n\n")
    did_you_mean = run_bot("ask", "research centre", "--store", str(offering_store)).stdout
    after_hi = run_bot("ask", "1", "--store", str(offering_store)).stdout
    assert result.stdout == (
        did_you_mean
        + "\n"
        + _reply_to(second, offering_store)
        + "\n\n"
        + _reply_to(first, offering_store)
        + "\n\n"
        + "Type a number from 1 to 3 to pick a question above, or ask another question.\n\n"
        + "Hello! Ask me about the <centre> & its budget.\n\n"
        + after_hi
        + "\n"
    ), replies


class Terminal:
    """`python -m bot ARGS` on a pseudo-terminal: type keys, read what the screen shows."""

    def __init__(self, *args: str) -> None:
        self.master, slave = pty.openpty()
        env = {k: v for k, v in os.environ.items() if k != "BOT_KNOWLEDGE"} | {"TERM": "dumb"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=ROOT,
            env=env,
        )
        os.close(slave)
        self.screen = b""

    def wait_for(self, text: str, count: int = 1, timeout: float = 30) -> None:
        """Read until `text` has appeared `count` times in all output so far."""
        deadline = time.monotonic() + timeout
        while self.screen.count(text.encode()) < count:
            ready, _, _ = select.select([self.master], [], [], deadline - time.monotonic())
            assert ready, f"timed out waiting for {text!r}; screen: {self.screen!r}"
            self.screen += self._read()

    def _read(self) -> bytes:
        try:
            return os.read(self.master, 4096)
        except OSError:  # Linux: EIO once the process has gone and the output is drained
            return b""

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def finish(self) -> int:
        returncode = self.process.wait(timeout=30)
        while chunk := self._read():
            self.screen += chunk
        return returncode

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    console = Terminal("chat", "--store", str(GOOD))
    yield console
    console.close()


PROMPT = "\n> "


def test_chat_on_a_terminal_edits_lines_and_recalls_history(terminal: Terminal) -> None:
    """readline: Ctrl-A/Ctrl-K edit the line, Ctrl-P recalls the previous one."""
    terminal.wait_for(PROMPT)
    assert b"An empty line or Ctrl-D quits." in terminal.screen
    terminal.type(b"How much did the centre cost?\r")
    terminal.wait_for(PROMPT, 2)
    # Ctrl-A goes to the start of the line, Ctrl-K cuts the rest: the line sent is "hi".
    terminal.type(b"How much did the centre cost?\x01\x0bhi\r")
    terminal.wait_for(PROMPT, 3)
    terminal.type(b"\x10\x10\r")  # Ctrl-P twice: the question before "hi"
    terminal.wait_for(PROMPT, 4)
    terminal.type(b"\r")
    assert terminal.finish() == 0
    screen = terminal.screen.decode().replace("\r\n", "\n")
    assert screen.count('From the release: "The centre cost 1.5 million dollars."') == 2
    assert screen.count("Hello! Ask me about the <centre> & its budget.") == 1


def test_chat_on_a_terminal_quits_on_an_empty_line_not_on_spaces(terminal: Terminal) -> None:
    """A line of spaces is ignored; only an empty line ends the session (exit 0)."""
    terminal.wait_for(PROMPT)
    terminal.type(b"   \r")
    terminal.wait_for(PROMPT, 2)
    assert terminal.process.poll() is None
    terminal.type(b"hi\r")
    terminal.wait_for("Hello!")
    terminal.wait_for(PROMPT, 3)
    terminal.type(b"\r")
    assert terminal.finish() == 0


def test_chat_on_a_terminal_quits_on_ctrl_d(terminal: Terminal) -> None:
    """Ctrl-D on an empty line ends the session (exit 0)."""
    terminal.wait_for(PROMPT)
    terminal.type(b"\x04")
    assert terminal.finish() == 0


# --- health -------------------------------------------------------------------------------


@pytest.fixture
def stale_heartbeat(tmp_path: Path) -> dict[str, str]:
    """A data folder whose heartbeat is 601 seconds old."""
    heartbeat = tmp_path / "heartbeat"
    heartbeat.touch()
    then = time.time() - 601
    os.utime(heartbeat, (then, then))
    return {"BOT_DATA_DIR": str(tmp_path)}


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "1e999", "-5", "0", "soon", ""])
def test_health_max_age_must_be_a_finite_positive_number(
    stale_heartbeat: dict[str, str], value: str
) -> None:
    """--max-age nan/inf/negative/zero/text is one line on stderr and exit 2, never 'healthy'."""
    result = run_bot("health", f"--max-age={value}", env=stale_heartbeat)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "release-bot health: argument --max-age: must be a number of seconds above 0, "
        f"not {value!r} (see: release-bot health --help)\n"
    )


@pytest.mark.parametrize(("max_age", "healthy"), [("600", False), ("602.5", True)])
def test_health_compares_the_heartbeat_with_max_age(
    stale_heartbeat: dict[str, str], max_age: str, healthy: bool
) -> None:
    """A 601-second-old heartbeat is stale under --max-age 600 and fresh under 602.5."""
    result = run_bot("health", "--max-age", max_age, env=stale_heartbeat)
    assert result.returncode == (0 if healthy else 1)
    if healthy:
        assert result.stdout.startswith("healthy: last heartbeat 60")
    else:
        assert result.stderr == "unhealthy: last heartbeat 601s ago (limit 600s)\n"


def test_health_help_states_the_default_max_age() -> None:
    """`health --help` gives the default --max-age that bot/health.py applies."""
    from bot.health import DEFAULT_MAX_AGE

    result = run_bot("health", "--help")
    assert result.returncode == 0
    assert f"(default: {DEFAULT_MAX_AGE:g})" in " ".join(result.stdout.split())


# --- version, usage and I/O errors --------------------------------------------------------


def test_version_prints_the_installed_version() -> None:
    """--version prints "release-bot X.Y.Z", the version pyproject.toml declares."""
    with (ROOT / "pyproject.toml").open("rb") as project:
        version = tomllib.load(project)["project"]["version"]
    result = run_bot("--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"release-bot {version}\n", "")


def test_a_usage_error_is_one_line() -> None:
    """An unknown option is one line naming it and pointing at --help, exit 2."""
    result = run_bot("ask", "--jsnol")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "release-bot: unrecognized arguments: --jsnol (see: release-bot --help)\n"
    )


def test_eval_of_a_directory_says_it_is_a_directory(tmp_path: Path) -> None:
    """A directory given as a file is called a directory, not IsADirectoryError."""
    result = run_bot("eval", str(tmp_path))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"release-bot: {tmp_path}: cannot read (it is a directory)\n"


def test_build_onto_a_directory_says_it_is_a_directory(tmp_path: Path) -> None:
    """An output path that is a directory: "is a directory", not IsADirectoryError."""
    output = tmp_path / "store.yaml"
    output.mkdir()
    result = run_bot("build", str(ROOT / "knowledge" / "release.txt"), "-o", str(output))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"release-bot: {output}: cannot write (it is a directory)\n"


def test_a_failed_write_to_stdout_is_one_line() -> None:
    """Output that cannot be written (a full disk: /dev/full) is one line and exit 1."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "bot", "ask", "--jsonl", "--store", str(GOOD)],
            cwd=ROOT,
            input="hi\n",
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr == "release-bot: standard input or output: no space left on device\n"


@pytest.mark.parametrize(
    ("question", "language", "starts"),
    [
        ("Сколько рейсов в неделю между Казахстаном и Кореей?", "ru", "Сейчас между"),
        ("Қазақстан мен Корея арасында аптасына қанша рейс бар?", "kk", "Қазіргі уақытта"),
    ],
)
def test_ask_answers_in_the_language_of_the_question(
    question: str, language: str, starts: str
) -> None:
    result = run_bot("ask", "--json", question)
    out = json.loads(result.stdout)
    assert (out["language"], out["kind"], out["intent"]) == (language, "answer", "flights-total")
    assert out["answer"].startswith(starts)
    shown = run_bot("ask", question).stdout
    assert shown.startswith(starts) and '"Currently, there are 15 flights per week' in shown


def test_ask_in_a_language_the_bot_does_not_speak_says_which_it_does() -> None:
    result = run_bot("ask", "これは何ですか")
    assert result.returncode == 0
    assert result.stdout.startswith("英語、ロシア語、カザフ語、韓国語が分かります。")
    assert "I understand English, Russian, Kazakh and Korean." in result.stdout


@pytest.mark.parametrize(
    ("question", "form", "extra"),
    [
        ("is korea kazakhstan's 3rd largest investor?", "no", set()),
        (
            "how many more weekly flights leave from almaty than from astana",
            "arithmetic",
            {"figures", "result"},
        ),
        ("who is the ambassador and when was the release published?", "parts", {"parts"}),
        ("how old is nurgali arystanov", "unstated", set()),
    ],
)
def test_ask_json_shows_the_question_kind(question: str, form: str, extra: set[str]) -> None:
    """`form` names how the verdict is put; parts, figures and result appear when set."""
    result = run_bot("ask", "--json", question)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["form"] == form
    assert set(out) == JSON_KEYS | extra
    if form == "arithmetic":
        assert out["result"] == {"operation": "difference", "value": 11, "unit": "flights per week"}
    if form == "parts":
        assert [p["intent"] for p in out["parts"]] == ["ambassador", "publication-date"]
