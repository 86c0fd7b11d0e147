"""The options of `python -m bot review` (argparse only: every command builds the parser)."""

from __future__ import annotations

import argparse
from typing import TypeVar

DEFAULT_TOP = 20  # groups listed by default


Parser = TypeVar("Parser", bound=argparse.ArgumentParser)


def add_parser(sub: argparse._SubParsersAction[Parser], common: Parser) -> Parser:
    """The `review` sub-command's parser, with `common` (--store, --debug) as a parent."""
    parser = sub.add_parser(
        "review", parents=[common], help="group missed and disliked questions; suggest fixes"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the bot writes its logs (default: $BOT_DATA_DIR, else var)",
    )
    parser.add_argument(
        "--since", metavar="DATE", help="only lines from this UTC date or ISO time on"
    )
    parser.add_argument(
        "--top",
        type=int,
        default=DEFAULT_TOP,
        metavar="N",
        help=f"look at the N largest groups (default {DEFAULT_TOP}; 0: all); "
        "--suggest and --apply number the suggestions of these groups",
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--suggest", action="store_true", help="print numbered phrasings to add (writes nothing)"
    )
    action.add_argument(
        "--apply",
        type=int,
        nargs="+",
        metavar="N",
        help="add the phrasings of these suggestions to the store",
    )
    return parser
