"""The command line: `python -m bot COMMAND` (also installed as `release-bot`).

Commands that only answer questions (ask, chat, check, eval) never import
`telegram`, so they start fast. A failure is one line on stderr and a
non-zero exit code; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from bot.matching import Match, Matcher
from bot.replies import plain
from bot.store import DEFAULT_STORE, Store, StoreError, check_store, load_store

EXIT_PROBLEMS = 1  # `check` found problems
EXIT_USAGE = 2  # bad arguments, settings or store: nothing was started


def _store_path(args: argparse.Namespace) -> Path:
    if args.store:
        return Path(args.store)
    env = os.environ.get("BOT_KNOWLEDGE")
    return Path(env) if env else DEFAULT_STORE


def _load(args: argparse.Namespace) -> Store:
    return load_store(_store_path(args))


def match_json(match: Match) -> dict[str, Any]:
    """The `--json` shape of one verdict."""
    answer = None
    if match.entry is not None:
        answer = match.entry.answer
    elif match.smalltalk is not None:
        answer = match.smalltalk.answer
    elif match.passage is not None:
        answer = match.passage
    return {
        "question": match.question,
        "kind": match.kind.value,
        "answered": match.answered,
        "answer": answer,
        "intent": match.intent,
        "score": match.score,
        "suggestions": [
            {"intent": c.intent, "question": c.question, "score": c.score}
            for c in match.suggestions
        ],
    }


# --- Commands ------------------------------------------------------------------------


def cmd_ask(args: argparse.Namespace) -> int:
    store = _load(args)
    matcher = Matcher(store)
    if args.jsonl:
        for line in sys.stdin:
            question = line.rstrip("\r\n")
            out = match_json(matcher.match(question))
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return 0
    if args.question is None:
        raise UsageError("ask needs a QUESTION (or --jsonl to read questions from stdin)")
    match = matcher.match(args.question)
    if args.json:
        print(json.dumps(match_json(match), ensure_ascii=False))
    else:
        print(plain(match, store))
    return 0


def cmd_chat(args: argparse.Namespace, stdin: TextIO = sys.stdin) -> int:
    store = _load(args)
    matcher = Matcher(store)
    interactive = stdin.isatty()
    if interactive:
        print(f"{store.title} ({store.published or 'undated'})")
        print("Ask a question about the release; an empty line or Ctrl-D quits.")
    while True:
        if interactive:
            print("> ", end="", flush=True)
        line = stdin.readline()
        if not line or (interactive and not line.strip()):
            return 0
        if not line.strip():
            continue
        print(plain(matcher.match(line.strip()), store))
        print()


def cmd_check(args: argparse.Namespace) -> int:
    report = check_store(_store_path(args))
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if report.problems:
        return EXIT_PROBLEMS
    store = report.store
    assert store is not None
    questions = sum(len(e.questions) for e in store.entries)
    print(f"{store.path}: ok, {len(store.entries)} entries, {questions} phrasings")
    drafts = [e.id for e in store.entries if e.draft]
    if drafts:
        print(f"review: {len(drafts)} entries still marked draft: {', '.join(drafts)}")
    sentences = len(store.document.sentences)
    cited = sentences - len(report.uncited)
    print(f"coverage: {cited} of {sentences} release sentences cited")
    for sentence in report.uncited:
        print(f"  not cited: {sentence}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.matching.evaluate import (
        EvalFileError,
        SweepError,
        load_cases,
        report,
        sweep_report,
    )

    store = _load(args)
    try:
        cases = load_cases(args.file, known={e.id for e in store.entries})
        matcher = Matcher(store)
        print(sweep_report(matcher, cases, args.sweep) if args.sweep else report(matcher, cases)[1])
    except (EvalFileError, SweepError) as exc:
        raise UsageError(str(exc)) from None
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from bot.builder import BuildError, build

    merge = Path(args.merge) if args.merge else None
    try:
        result = build(Path(args.release), Path(args.output), merge=merge)
    except BuildError as exc:
        raise UsageError(str(exc)) from None
    print(result.summary())
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from bot.telegram_app import run

    return run(args)


def cmd_health(args: argparse.Namespace) -> int:
    from bot.health import check

    return check(args)


# --- Parsing -----------------------------------------------------------------------


class UsageError(Exception):
    """Bad input from the person at the command line; printed as one line."""


_SWEEP_HELP = "score each value of one matching parameter (a store setting or a Params field)"


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--store",
        metavar="PATH",
        help="question-and-answer store (default: $BOT_KNOWLEDGE "
        "or the shipped knowledge/release.yaml)",
    )
    common.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    debug_only = argparse.ArgumentParser(add_help=False)
    debug_only.add_argument("--debug", action="store_true", help="show tracebacks on errors")

    parser = argparse.ArgumentParser(
        prog="release-bot", description="Answers questions about a press release."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = sub.add_parser("ask", parents=[common], help="answer one question")
    ask.add_argument("question", nargs="?", help="the question")
    mode = ask.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="print one JSON object")
    mode.add_argument("--jsonl", action="store_true", help="questions on stdin, JSON lines out")
    ask.set_defaults(func=cmd_ask)

    chat = sub.add_parser("chat", parents=[common], help="interactive console")
    chat.set_defaults(func=cmd_chat)

    check = sub.add_parser("check", parents=[common], help="validate a store")
    check.set_defaults(func=cmd_check)

    evaluate = sub.add_parser("eval", parents=[common], help="score the matcher on a question set")
    evaluate.add_argument("file", help="evaluation YAML (in_scope / out_of_scope)")
    evaluate.add_argument("--sweep", metavar="NAME=FROM:TO:STEP", help=_SWEEP_HELP)
    evaluate.set_defaults(func=cmd_eval)

    build = sub.add_parser(
        "build", help="draft a store from a release (plain text, Markdown or saved HTML)"
    )
    build.add_argument("release", help="the release: .txt, .md or .html")
    build.add_argument(
        "-o", "--output", required=True, metavar="STORE.yaml", help="the store to write"
    )
    build.add_argument(
        "--merge",
        metavar="EXISTING.yaml",
        help="keep this store's entries; add drafts only for sentences it does not cite",
    )
    build.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    build.set_defaults(func=cmd_build)

    run = sub.add_parser("run", parents=[common], help="run the Telegram bot")
    run.add_argument("--webhook", action="store_true", help="receive updates by webhook")
    run.set_defaults(func=cmd_run)

    health = sub.add_parser(
        "health", parents=[debug_only], help="exit 0 if the running bot is healthy"
    )
    health.add_argument(
        "--max-age", type=float, default=None, help="seconds a heartbeat stays fresh"
    )
    health.set_defaults(func=cmd_health)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except StoreError as exc:
        if args.debug:
            raise
        for problem in exc.problems:
            print(f"release-bot: invalid store: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        if args.debug:
            raise
        print(f"release-bot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing more to say.
        sys.stderr.close()
        return 0
