"""Reading a YAML file with line numbers, for problem reports that say where.

`read_yaml` returns the data and its composed node tree, or raises
`YamlError` with the line and a plain message; `Lines` finds the line of a
key or a list item in that tree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from bot.errors import describe

# libyaml's parser when PyYAML was built with it (the wheels are): about 8x faster
# on the shipped store and its overlays, with the same nodes and line marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlError(Exception):
    """A YAML file that cannot be read, with the 1-based line (0: the whole file)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_yaml(path: Path, what: str) -> tuple[Any, yaml.Node | None]:
    """The data of one YAML document and its node tree; `what` names the file in errors."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise YamlError(0, f"{what} file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlError(0, f"cannot read {what}: {describe(exc)}") from None
    try:
        loader = _Loader(raw)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlError(line, f"bad YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlError(0, f"bad YAML: {str(exc).splitlines()[0]}") from None
    except ValueError as exc:  # a well-formed but impossible date, e.g. 2024-02-30
        raise YamlError(_bad_date_line(raw), f"bad YAML: {exc}") from None
    return data, node


def is_date(text: str) -> bool:
    """True for a real calendar date written YYYY-MM-DD."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _bad_date_line(raw: str) -> int:
    """The 1-based line of the first YYYY-MM-DD value that is no calendar date (0 if none)."""
    for number, line in enumerate(raw.splitlines(), 1):
        for value in re.findall(r":\s*(\d{4}-\d{2}-\d{2})\s*(?:#.*)?$", line):
            if not is_date(value):
                return number
    return 0


def mappings(node: yaml.Node) -> Iterator[yaml.MappingNode]:
    if isinstance(node, yaml.MappingNode):
        yield node
        for key, value in node.value:
            yield from mappings(key)
            yield from mappings(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from mappings(item)


class Lines:
    """Line numbers (1-based) of keys and list items in the composed YAML tree."""

    def __init__(self, root: yaml.Node) -> None:
        self.root = root

    def _value(self, key: str) -> tuple[yaml.Node, yaml.Node] | None:
        if isinstance(self.root, yaml.MappingNode):
            for k, v in self.root.value:
                if isinstance(k, yaml.ScalarNode) and k.value == key:
                    return k, v
        return None

    def key(self, key: Any) -> int:
        pair = self._value(str(key))
        return pair[0].start_mark.line + 1 if pair else 1

    def nested(self, section: str, key: Any) -> int:
        pair = self._value(section)
        if pair and isinstance(pair[1], yaml.MappingNode):
            for k, _ in pair[1].value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                    return k.start_mark.line + 1
        return self.key(section)

    def item(self, section: str, index: int) -> int:
        pair = self._value(section)
        if pair and isinstance(pair[1], yaml.SequenceNode) and index < len(pair[1].value):
            item: yaml.Node = pair[1].value[index]
            return item.start_mark.line + 1
        return self.key(section)
