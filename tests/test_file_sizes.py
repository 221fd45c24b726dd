"""Source files stay small (450 lines at most) and say what they are for (a module
docstring): a file past that is split by what it holds, not trimmed. Test files too:
a long one is split by topic."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(p for top in ("app", "models", "benchmarks", "scripts", "tests")
                 for p in (ROOT / top).rglob("*.py") if "__pycache__" not in p.parts)
LIMIT = 450


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_source_file_is_small_and_says_what_it_is_for(path):
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n") + (not text.endswith("\n") and bool(text))
    assert lines <= LIMIT, f"{path.relative_to(ROOT)}: {lines} lines (at most {LIMIT})"
    if text.strip():
        assert ast.get_docstring(ast.parse(text)), f"{path.relative_to(ROOT)}: no docstring"
