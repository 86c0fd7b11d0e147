"""Tests for bot/cli.py, run as a real process: ``python -m bot ...`` from the project root."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.store import load_store
from tests.support import expected_problems, run_bot

ROOT = Path(__file__).resolve().parent.parent
STORES = Path(__file__).resolve().parent / "data" / "stores"
GOOD = STORES / "good.yaml"
INVALID = sorted((STORES / "invalid").glob("*.yaml"))
JSON_KEYS = {"question", "kind", "answered", "answer", "intent", "score", "suggestions"}

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
    assert result.stderr.startswith(f"{store}: cannot read store: it is not UTF-8 text (byte ")


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
    assert result.stderr == f"release-bot: {missing}: cannot read (FileNotFoundError)\n"


def test_eval_with_a_non_utf8_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(b"in_scope:\n  - {q: caf\xe9, intent: cost}\n")
    result = run_bot("eval", str(latin1))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"release-bot: {latin1}: cannot read (UnicodeDecodeError)\n"


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
