"""Line numbers of keys and list items in a composed YAML tree, for problem reports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml


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
