"""A module-level name assigned twice silently replaces the first for every use (session 36's two ``_NEGATED``,
session 38's two ``_CLOCK``): each of the project's modules assigns each of its module-level names once."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(p for d in ("rag", "ingest", "ui", "eval") for p in (ROOT / d).rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_each_module_level_name_is_assigned_once(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = Counter(
        target.id
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name) and target.id.lstrip("_").isupper()  # constants: "_CLOCK", "STOPWORDS"
    )
    assert [n for n, count in names.items() if count > 1] == []
