"""Writing a drafted store as YAML, and adding drafted entries to a curated store's text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import yaml

from bot.drafting.dates import first_date
from bot.drafting.model import DRAFT_SETTINGS, Draft, printable
from bot.store import Entry


class Flow(list[str]):
    """A list written in YAML flow style: ``[a, b]``."""


class _Dumper(yaml.SafeDumper):
    """Block YAML with indented sequences, as the curated store is written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_Dumper.add_representer(
    Flow, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, True)
)


def _yaml(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=92,
        default_flow_style=False,
    )


HEADER = """\
# A DRAFT store, written by `python -m bot build` from {source}.
# Every entry marked `draft: true` was generated: read it, fix its questions and
# answer, then delete the `draft:` line. Check with: python -m bot check --store {store}
"""


def render(draft_: Draft, *, source: str, store: str) -> str:
    """The YAML text of a drafted store, grouped by topic, with a few guiding comments."""
    head: dict[str, Any] = {"document": draft_.document, "title": draft_.title}
    if draft_.published and first_date(draft_.published) == draft_.published:
        head["published"] = dt.date.fromisoformat(draft_.published)
    parts = [HEADER.format(source=printable(source), store=printable(store)), _yaml(head)]
    parts.append(
        "\n# Scores are 0-100 (see bot/matching/params.py); see DRAFT_SETTINGS in "
        "bot/drafting/model.py for\n"
        "# how these were chosen. Re-tune with `python -m bot eval` once you have real questions.\n"
    )
    parts.append(_yaml({"settings": dict(DRAFT_SETTINGS)}))
    if draft_.synonyms:
        parts.append("\n# Each variant on the right is read as the term on the left.\n")
        parts.append(_yaml({"synonyms": {k: Flow(v) for k, v in draft_.synonyms.items()}}))
    parts.append("\nentries:\n")
    parts.append(entries_yaml(draft_.entries, indent=2, topics=True))
    if draft_.smalltalk:
        talk = [
            {"id": t.id, "questions": Flow(t.questions), "answer": t.answer}
            for t in draft_.smalltalk
        ]
        parts.append("\n" + _yaml({"smalltalk": talk}))
    return "".join(parts)


def entry_data(entry: Entry) -> dict[str, Any]:
    """An entry as the YAML of a store writes it (no `follow_ups:` when there are none)."""
    data: dict[str, Any] = {
        "id": entry.id,
        "topic": entry.topic,
        "questions": list(entry.questions),
        "answer": entry.answer,
        "source": entry.source,
    }
    if entry.follow_ups:
        data["follow_ups"] = Flow(entry.follow_ups)
    data["draft"] = entry.draft
    return data


def entries_yaml(entries: Sequence[Entry], *, indent: int, topics: bool = False) -> str:
    """Entries as YAML list items, indented to sit under an ``entries:`` key."""
    out: list[str] = []
    topic = None
    for entry in entries:
        if topics and entry.topic != topic:
            topic = entry.topic
            label = printable(topic)
            out.append(f"{' ' * indent}# --- {label} " + "-" * max(3, 60 - len(label)) + "\n")
        text = _yaml([entry_data(entry)])
        # split("\n"), not splitlines(): a value may hold U+2028, which YAML keeps inside it
        lines = text.rstrip("\n").split("\n")
        out.extend(f"{' ' * indent}{line}\n" if line else "\n" for line in lines)
        out.append("\n")
    return "".join(out)


def merge_text(existing: str, entries: Sequence[Entry], document: str | None) -> str:
    """`existing` store text with `entries` added after its last entry.

    Every byte of the existing text is kept, line endings included, except the
    ``document:`` value when `document` is given; the added lines end the way the
    store's lines do. A store whose entries are not a block list is re-written
    from its data instead (same content, comments lost).
    """
    newline = "\r\n" if "\r\n" in existing.split("\n", 1)[0] + "\n" else "\n"
    root = yaml.compose(existing, Loader=yaml.SafeLoader)
    doc_node, entries_node = _top_value(root, "document"), _top_value(root, "entries")
    if (
        not isinstance(entries_node, yaml.SequenceNode)
        or entries_node.flow_style
        or not entries_node.value
        or not isinstance(doc_node, yaml.ScalarNode)
    ):
        return _rewritten(existing, entries, document).replace("\n", newline)
    edits: list[tuple[int, int, str]] = []
    if entries:
        at, indent = _end_of_entries(existing, entries_node)
        addition = entries_yaml(entries, indent=indent).rstrip("\n")
        lead = "\n" if at == len(existing) and not existing.endswith("\n") else ""
        edits.append((at, at, (lead + "\n" + addition + "\n").replace("\n", newline)))
    if document is not None and document != doc_node.value:
        edits.append((doc_node.start_mark.index, doc_node.end_mark.index, _scalar(document)))
    text = existing
    for start, stop, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[stop:]
    return text


def _top_value(root: yaml.Node | None, key: str) -> yaml.Node | None:
    """The node of a top-level key of a composed YAML document."""
    if isinstance(root, yaml.MappingNode):
        for k, value in root.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                node: yaml.Node = value
                return node
    return None


def _end_of_entries(existing: str, entries: yaml.SequenceNode) -> tuple[int, int]:
    """Where new entries go (the start of the line after the last one) and their indent."""
    first = entries.value[0]
    line_start = existing.rfind("\n", 0, first.start_mark.index) + 1
    dash = existing.find("-", line_start, first.start_mark.index + 1)
    indent = max(0, dash - line_start)
    last: yaml.Node = entries.value[-1]
    while isinstance(last, yaml.MappingNode | yaml.SequenceNode) and not last.flow_style:
        if not last.value:
            break
        tail = last.value[-1]
        last = tail[1] if isinstance(tail, tuple) else tail
    end = last.end_mark.index
    while end > 0 and existing[end - 1] in " \t\r\n":
        end -= 1
    newline = existing.find("\n", end)
    return (newline + 1 if newline >= 0 else len(existing)), indent


def _scalar(value: str) -> str:
    """`value` as a one-line YAML scalar."""
    scalar = _yaml(value).strip()
    if scalar.endswith("\n...") or scalar.endswith("..."):
        scalar = scalar.rsplit("\n", 1)[0].strip()
    return scalar


def _rewritten(existing: str, entries: Sequence[Entry], document: str | None) -> str:
    data = yaml.safe_load(existing)
    data["entries"] = [*(data.get("entries") or []), *map(entry_data, entries)]
    if document is not None:
        data["document"] = document
    return _yaml(data)
