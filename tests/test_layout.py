"""The size limits a newcomer can rely on: small modules, short functions.

No module in bot/ is over 500 lines; no function is over 60 lines or 20 branch
points. A function may exceed them only with ``# size: <reason>`` on its def
line, and the reason is read in review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60
MAX_BRANCHES = 20
_BRANCHING = (
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.IfExp,
    ast.ExceptHandler,
    ast.Assert,
    ast.match_case,
)
MODULES = sorted(BOT.rglob("*.py"))


def branch_points(function: ast.AST) -> int:
    """If/elif, loops, except, case, conditional expressions, comprehension clauses, and/or."""
    count = 0
    for node in ast.walk(function):
        if isinstance(node, _BRANCHING):
            count += 1
        elif isinstance(node, ast.comprehension):
            count += 1 + len(node.ifs)
        elif isinstance(node, ast.BoolOp):
            count += len(node.values) - 1
    return count


def test_branch_points_are_counted_as_documented() -> None:
    tree = ast.parse("def f(x):\n    if x and y or z:\n        return [a for a in x if a]\n")
    assert branch_points(tree.body[0]) == 1 + 2 + 2


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(BOT)))
def test_module_and_its_functions_stay_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert len(lines) <= MAX_MODULE_LINES, f"{path.name} has {len(lines)} lines"
    too_big = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        branches = branch_points(node)
        excused = "# size:" in lines[node.lineno - 1]
        if (length > MAX_FUNCTION_LINES or branches > MAX_BRANCHES) and not excused:
            too_big.append(f"{node.name}: {length} lines, {branches} branch points")
    assert too_big == []
