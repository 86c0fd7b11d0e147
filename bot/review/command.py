"""`python -m bot review`: the operator's loop over the bot's logs.

review                 groups of missed and disliked questions, and the reply now
review --suggest       numbered phrasings to add, and eval questions (writes nothing)
review --apply N ...   adds those phrasings to the store, if it still validates
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.config import data_dir
from bot.review.apply import ApplyError, apply, choose
from bot.review.logs import LogError, parse_since, read_logs
from bot.review.progress import Progress
from bot.review.report import Review, build_review, render
from bot.review.suggest import EVAL_FILE, eval_line, render_suggestions, suggestions
from bot.store import Store, load_store

EXIT_REFUSED = 1  # --apply: the edited store would not validate; nothing changed


class ReviewError(Exception):
    """Bad input to `review`: printed as one line, exit code 2."""


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else data_dir()


def run(args: argparse.Namespace, store_path: Path) -> int:
    """Run `review` with parsed `args` on the store at `store_path`."""
    store = load_store(store_path)  # StoreError: reported by the CLI
    try:
        since = parse_since(args.since) if args.since else None
        with Progress("reading logs") as bar:
            logs = read_logs(_data_dir(args), since, bar)
    except LogError as exc:
        raise ReviewError(str(exc)) from None
    with Progress("grouping") as grouping, Progress("matching") as matching:
        review = build_review(
            logs, store, top=max(0, args.top), grouping=grouping, matching=matching
        )
    if args.apply:
        return _apply(review, store, args.apply)
    print(render(review))
    if args.suggest:
        print()
        print(render_suggestions(suggestions(review, store), str(store_path)))
    return 0


def _apply(review: Review, store: Store, numbers: list[int]) -> int:
    store_path = store.path
    try:
        chosen = choose(suggestions(review, store), numbers)
        added = apply(store_path, chosen)
    except ApplyError as exc:
        if not exc.problems:
            raise ReviewError(str(exc)) from None
        print(f"release-bot: {exc}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_REFUSED
    if not added:
        print("Nothing to add: the store already has these phrasings.")
        return 0
    for item in added:
        count = len(item.phrasings)
        print(f"{item.entry}: added {count} phrasing{'s' if count > 1 else ''}")
        for phrasing in item.phrasings:
            print(f"  - {phrasing}")
    print(f"{store_path}: checked and saved. Reload a running bot with /reload or SIGHUP.")
    held = [(s.entry, q) for s in chosen for q in s.eval_questions]
    if held:
        print(f"Add to {EVAL_FILE} (in_scope), so the eval set tests these entries afresh:")
        for entry, question in held:
            print(f"  {eval_line(question, entry)}")
    return 0
