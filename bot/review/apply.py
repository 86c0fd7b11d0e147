"""`review --apply`: add chosen phrasings to the store, changing nothing else, or nothing at all.

ruamel.yaml reads the store in round-trip mode, which keeps the position of
every node. Each new phrasing goes in as one new line after the last item of
its entry's `questions` list, with that item's indentation, so every other
byte of the file (comments, wrapped flow lists, folded answers) stays as it
was. The result is written to a temporary file beside the store, checked by
the store checker, and only then renamed over the store, in one atomic step.
If the check finds a problem, the temporary file is removed and the store is
left untouched.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.error import YAMLError

from bot.language import normalise
from bot.review.suggest import Suggestion, yaml_list
from bot.store import Problem, check_store


class ApplyError(Exception):
    """The chosen suggestions cannot be applied; the store is unchanged."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


@dataclass(frozen=True)
class Added:
    entry: str
    phrasings: tuple[str, ...]


def choose(found: Sequence[Suggestion], numbers: Sequence[int]) -> list[Suggestion]:
    """The suggestions with these numbers, in the order given; each number once."""
    by_number = {s.number: s for s in found}
    missing = [n for n in numbers if n not in by_number]
    if missing:
        have = f"1 to {len(found)}" if found else "none"
        raise ApplyError(f"no suggestion {missing[0]} (there are {have}; see review --suggest)")
    return [by_number[n] for n in dict.fromkeys(numbers)]


def apply(store_path: Path, chosen: Sequence[Suggestion]) -> list[Added]:
    """Add the phrasings of `chosen` to the store at `store_path`, atomically and checked."""
    try:
        raw = store_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ApplyError(f"{store_path}: cannot read ({exc.__class__.__name__})") from None
    wanted: dict[str, list[str]] = {}
    for suggestion in chosen:
        wanted.setdefault(suggestion.entry, []).extend(suggestion.phrasings)
    edited, added = _insert(raw, _entries(raw, store_path), wanted, store_path)
    if added:
        _replace_checked(store_path, edited)
    return added


def _entries(raw: str, store_path: Path) -> dict[str, Any]:
    """The store's entries by id, as ruamel round-trip nodes (which know their lines)."""
    try:
        data = YAML(typ="rt").load(raw)
    except YAMLError as exc:
        raise ApplyError(f"{store_path}: bad YAML ({str(exc).splitlines()[0]})") from None
    entries = data.get("entries") if hasattr(data, "get") else None
    if not isinstance(entries, list):
        raise ApplyError(f"{store_path}: no entries list")
    return {e.get("id"): e for e in entries if hasattr(e, "get")}


def _insert(
    raw: str, entries: dict[str, Any], wanted: dict[str, list[str]], store_path: Path
) -> tuple[str, list[Added]]:
    """`raw` with each entry's new phrasings inserted after its last question."""
    lines = raw.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    inserts: list[tuple[int, list[str]]] = []
    added: list[Added] = []
    for entry_id, phrasings in wanted.items():
        entry = entries.get(entry_id)
        questions = entry.get("questions") if entry is not None else None
        if not isinstance(questions, CommentedSeq) or not questions:
            raise ApplyError(f"{store_path}: no entry {entry_id!r} with questions any more")
        if questions.fa.flow_style():
            raise ApplyError(
                f"{store_path}: entry {entry_id!r} lists its questions in [brackets]; "
                "write them as a block list (one '- question' per line) to use --apply"
            )
        have = {normalise(str(q)) for q in questions}
        new = [p for p in dict.fromkeys(phrasings) if normalise(p) not in have]
        if new:
            inserts.append(_placement(lines, questions, new))
            added.append(Added(entry_id, tuple(new)))
    for at, block in sorted(inserts, reverse=True):  # bottom up: earlier lines keep their place
        lines[at:at] = block
    return "".join(lines), added


def _placement(lines: list[str], questions: CommentedSeq, new: list[str]) -> tuple[int, list[str]]:
    """Where the new items go (after the last item's last line) and their lines."""
    line, col = questions.lc.item(len(questions) - 1)
    text = lines[line]
    dash = text.rfind("-", 0, col)
    prefix = text[:dash] + "-" + text[dash + 1 : col]  # the last item's indent and spacing
    end = line
    for number in range(line + 1, len(lines)):
        following = lines[number]
        if not following.strip():
            continue
        if len(following) - len(following.lstrip(" ")) <= dash:
            break
        end = number  # a continuation line of the last item
    block = [prefix + item.removeprefix("- ") + "\n" for item in yaml_list(new)]
    return end + 1, block


def _replace_checked(store_path: Path, text: str) -> None:
    """Write `text` beside the store, check it, then rename it over the store."""
    target = store_path.resolve()  # a symlinked store: edit the file it points to
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temp = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temp, target.stat().st_mode & 0o7777)
        problems = check_store(temp).problems
        if problems:
            real = [
                Problem(str(store_path), p.line, p.entry_id, p.message)
                if p.file == str(temp)
                else p
                for p in problems
            ]
            raise ApplyError(
                f"{store_path}: the edited store does not validate; nothing was changed", real
            )
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
