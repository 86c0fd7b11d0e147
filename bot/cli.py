"""The command line: `python -m bot COMMAND` (also installed as `release-bot`).

Commands that only answer questions (ask, chat, check, eval) never import
`telegram`, so they start fast. A failure is one line on stderr and a
non-zero exit code; `--debug` shows the traceback instead.

Text in and out is UTF-8 whatever the locale: bytes that are not UTF-8 (on
stdin or in an argument) are read as U+FFFD, so a bad line is still
answered and the JSON written is always valid UTF-8.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeAlias

from bot.config import store_path
from bot.errors import describe
from bot.matching import Candidate, Kind, Match, Matchers
from bot.replies import plain
from bot.review.options import add_parser as add_review
from bot.store import Store, StoreError, check_store, load_store

EXIT_PROBLEMS = 1  # `check` found problems
EXIT_USAGE = 2  # bad arguments, settings or store: nothing was started


def _store_path(args: argparse.Namespace) -> Path:
    return store_path(args.store)


def _load(args: argparse.Namespace) -> Store:
    return load_store(_store_path(args))


# --- Text in and out ----------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")


def readable(text: str) -> str:
    """`text` from the command line, with bytes that are not UTF-8 as U+FFFD.

    Python passes on an argument's undecodable bytes as lone surrogates
    ("surrogateescape"), which no UTF-8 output can hold: decode those bytes
    again, as UTF-8 with replacement.
    """
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return _SURROGATE.sub("\ufffd", text)


def utf8_streams() -> None:
    """Read stdin and write stdout as UTF-8 in every locale; bad input bytes become U+FFFD.

    A line of stdin ends at "\n" only, so each input line is one question.
    """
    if sys.stdin is None:  # started with stdin closed: no questions
        sys.stdin = io.StringIO()
    elif isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(encoding="utf-8", errors="replace", newline="\n")
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")


# Characters some readers take for the end of a line (Python's str.splitlines does):
# escaped, so that one JSON object is always exactly one line.
_LINE_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}


def json_line(obj: dict[str, Any]) -> str:
    """`obj` as one line of JSON, non-ASCII text kept readable."""
    return json.dumps(obj, ensure_ascii=False).translate(_LINE_BREAKS)


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
        "language": match.language,
        "suggestions": [
            {"intent": c.intent, "question": c.question, "score": c.score}
            for c in match.suggestions
        ],
        **kind_json(match),
    }


def kind_json(match: Match) -> dict[str, Any]:
    """What a question kind adds: `form` always; `parts`, `figures`, `result` when set."""
    out: dict[str, Any] = {"form": match.form.value}
    if match.parts:
        out["parts"] = [match_json(part) for part in match.parts]
    if match.figures:
        out["figures"] = [
            {"intent": f.intent, "value": f.value, "unit": f.unit} for f in match.figures
        ]
    if match.result is not None:
        r = match.result
        out["result"] = {"operation": r.operation, "value": r.value, "unit": r.unit}
    return out


# --- Commands ------------------------------------------------------------------------


def cmd_ask(args: argparse.Namespace) -> int:
    store = _load(args)
    matcher = Matchers(store, lazy=True)
    if args.jsonl:
        for line in sys.stdin:
            question = line.rstrip("\r\n")
            out = match_json(matcher.match(question))
            sys.stdout.write(json_line(out) + "\n")
            sys.stdout.flush()
        return 0
    if args.question is None:
        raise UsageError("ask needs a QUESTION (or --jsonl to read questions from stdin)")
    match = matcher.match(readable(args.question))
    if args.json:
        print(json_line(match_json(match)))
    else:
        print(plain(match, matcher.store_for(match.language)))
    return 0


CHAT_HELP = (
    "Ask a question about the release; after a numbered list, a number picks that question.\n"
    "An empty line or Ctrl-D quits."
)
_PICK = re.compile(r"([0-9]{1,3})\.?")


class Chat:
    """One console conversation: a reply to each line, and the numbered choices last offered."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.matcher = Matchers(store, lazy=True)
        self.choices: tuple[Candidate, ...] = ()

    def reply(self, text: str) -> str:
        picked = _PICK.fullmatch(text)
        if picked and self.choices:
            return self._pick(int(picked[1]))
        match = self.matcher.match(text)
        # "Did you mean" and the suggestions under "not in the release" are both numbered.
        numbered = match.kind in (Kind.CLARIFY, Kind.FALLBACK)
        self.choices = match.suggestions if numbered else ()
        self.store = self.matcher.store_for(match.language)  # a pick answers in this language
        return plain(match, self.store)

    def _pick(self, number: int) -> str:
        """The answer of the `number`th choice; the choices stay, so another can be picked."""
        count = len(self.choices)
        if not 1 <= number <= count:
            choose = "1" if count == 1 else f"a number from 1 to {count}"
            return f"Type {choose} to pick a question above, or ask another question."
        choice = self.choices[number - 1]
        entry = self.store.entry(choice.intent)
        if entry is None:  # a suggestion is always an entry; stay safe all the same
            return plain(self.matcher.match(choice.question), self.store)
        return plain(Match(choice.question, Kind.ANSWER, choice.score, entry=entry), self.store)


def cmd_chat(args: argparse.Namespace) -> int:
    chat = Chat(_load(args))
    if not sys.stdin.isatty():
        for line in sys.stdin:  # piped: each non-blank line is a question, until the end
            if line.strip():
                print(chat.reply(line.strip()), end="\n\n")
        return 0
    _line_editing()
    print(f"{chat.store.title} ({chat.store.published or 'undated'})")
    print(CHAT_HELP)
    while True:
        try:
            line = input("> ")
        except EOFError:  # Ctrl-D
            print()
            return 0
        if not line:  # only a truly empty line quits; a line of spaces is ignored
            return 0
        if line.strip():
            print(chat.reply(line.strip()), end="\n\n")


def _line_editing() -> None:
    """Give input() line editing and history (arrow keys, Ctrl-R), where readline exists."""
    with contextlib.suppress(ImportError):  # readline is not built on every platform
        import readline  # noqa: F401  (importing it is what switches it on)


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
    _draft_grammar(store)
    if drafts:
        print(f"review: {len(drafts)} entries still marked draft: {', '.join(drafts)}")
    sentences = len(store.document.sentences)
    cited = sentences - len(report.uncited)
    print(f"coverage: {cited} of {sentences} release sentences cited")
    for sentence in report.uncited:
        print(f"  not cited: {sentence}")
    for language, overlay in store.overlays.items():
        missing = overlay.untranslated(store)
        done = len(store.entries) - len(missing)
        print(
            f"{language}: {done} of {len(store.entries)} entries translated ({overlay.path.name})"
        )
        if missing:
            print(f"  untranslated, answered in English: {', '.join(missing)}")
    return 0


def _draft_grammar(store: Store) -> None:
    """Ungrammatical generated phrasings of draft entries: warnings, one line each."""
    from bot.drafting.grammar import draft_grammar_warnings

    for warning in draft_grammar_warnings(store):
        print(f"warning: {warning}")


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.matching.evaluate import (
        Case,
        EvalFileError,
        SweepError,
        load_cases,
        report,
        sweep_report,
    )

    store = _load(args)
    try:
        cases = load_cases(args.file, known={e.id for e in store.entries})
        matchers = Matchers(store)
        by_language: dict[str, list[Case]] = {}
        for case in cases:
            by_language.setdefault(matchers.language_of(case.question), []).append(case)
        for number, (language, some) in enumerate(by_language.items()):
            matcher = matchers.matchers.get(language)
            if len(by_language) > 1 or language != "en":
                print(f"{chr(10) if number else ''}== {language}: {len(some)} questions")
            if matcher is None:
                print("no overlay for this language: every question gets the fallback")
                continue
            print(
                sweep_report(matcher, some, args.sweep) if args.sweep else report(matcher, some)[1]
            )
    except (EvalFileError, SweepError) as exc:
        raise UsageError(str(exc)) from None
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from bot.drafting import BuildError, build
    from bot.drafting.progress import terminal_progress

    merge = Path(args.merge) if args.merge else None
    progress = terminal_progress(sys.stderr)  # only on a terminal
    try:
        result = build(Path(args.release), Path(args.output), merge=merge, progress=progress)
    except BuildError as exc:
        raise UsageError(str(exc)) from None
    finally:
        if progress is not None:
            progress.close()
    print(result.summary())
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from bot.review.command import ReviewError, run

    try:
        return run(args, _store_path(args))
    except ReviewError as exc:
        raise UsageError(str(exc)) from None


def cmd_run(args: argparse.Namespace) -> int:
    from bot.telegram.app import run

    return run(args)


def cmd_health(args: argparse.Namespace) -> int:
    from bot.health import check

    return check(args)


# --- Parsing -----------------------------------------------------------------------


class UsageError(Exception):
    """Bad input from the person at the command line; printed as one line."""


class _Parser(argparse.ArgumentParser):
    """argparse with a usage error on one line (the full usage is one --help away)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see: {self.prog} --help)\n")


class _Version(argparse.Action):
    """`--version`: the installed package's version, looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("release-bot")
        except PackageNotFoundError:
            parser.exit(1, "release-bot: version unknown: the package is not installed\n")
        print(f"release-bot {number}")
        parser.exit(0)


def _seconds(text: str) -> float:
    """A finite number of seconds above zero (`float` alone takes "nan", "inf" and "-5")."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, not {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="release-bot", description="Answers questions about a press release.")
    parser.add_argument("--version", action=_Version, help="print the installed version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = _Parser(add_help=False)
    common.add_argument(
        "--store",
        metavar="PATH",
        help="question-and-answer store (default: $BOT_KNOWLEDGE "
        "or the shipped knowledge/release.yaml)",
    )
    common.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    _add_question_commands(sub, common)
    _add_build_command(sub)
    add_review(sub, common).set_defaults(func=cmd_review)
    _add_bot_commands(sub, common)
    return parser


# What add_subparsers returns; generic only to the type checker, hence the quotes.
_Commands: TypeAlias = "argparse._SubParsersAction[_Parser]"


def _add_question_commands(sub: _Commands, common: _Parser) -> None:
    """ask, chat, check and eval: commands that read a store and answer from it."""
    ask = sub.add_parser("ask", parents=[common], help="answer one question")
    ask.add_argument("question", nargs="?", help="the question")
    mode = ask.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="print one JSON object")
    mode.add_argument("--jsonl", action="store_true", help="questions on stdin, JSON lines out")
    ask.set_defaults(func=cmd_ask)

    chat = sub.add_parser(
        "chat",
        parents=[common],
        help="interactive console (an empty line or Ctrl-D quits)",
        description=CHAT_HELP,
    )
    chat.set_defaults(func=cmd_chat)

    check = sub.add_parser("check", parents=[common], help="validate a store")
    check.set_defaults(func=cmd_check)

    evaluate = sub.add_parser("eval", parents=[common], help="score the matcher on a question set")
    evaluate.add_argument("file", help="evaluation YAML (in_scope / out_of_scope)")
    evaluate.add_argument(
        "--sweep",
        metavar="NAME=FROM:TO:STEP",
        help="score each value of one matching parameter (a store setting or a Params field)",
    )
    evaluate.set_defaults(func=cmd_eval)


def _add_build_command(sub: _Commands) -> None:
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


def _add_bot_commands(sub: _Commands, common: _Parser) -> None:
    """run, and health: the Telegram bot and its health check."""
    run = sub.add_parser("run", parents=[common], help="run the Telegram bot")
    run.add_argument("--webhook", action="store_true", help="receive updates by webhook")
    run.set_defaults(func=cmd_run)

    health = sub.add_parser("health", help="exit 0 if the running bot is healthy")
    health.add_argument(
        "--max-age",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="how old the heartbeat may be, a number above 0 (default: 90)",
    )
    health.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    health.set_defaults(func=cmd_health)


def main(argv: Sequence[str] | None = None) -> int:
    utf8_streams()
    args = build_parser().parse_args(argv)
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
    except OSError as exc:
        if args.debug:
            raise
        where = exc.filename if exc.filename is not None else "standard input or output"
        print(f"release-bot: {where}: {describe(exc)}", file=sys.stderr)
        return 1
