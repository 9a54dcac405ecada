"""Chapter code a student can follow (chapter standard, "Code a student can follow").

Read from the chapter sources: no long hidden cell, no long cell, code not the bulk of the
chapter, every name a visible cell uses defined where a reader can see it, solutions that
leave later cells' names alone, and nothing that needs the book's build tools to run.
"""

from __future__ import annotations

import ast
import builtins
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..helpers import ROOT

PAGES = sorted((ROOT / "chapters").glob("*.md")) + [ROOT / "index.md"]
MAX_HIDDEN, MAX_CELL, MAX_CODE_SHARE = 15, 45, 0.45
HIDDEN_TAGS = {"remove-cell", "remove-input"}
_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```\s*$", re.M | re.S)


@dataclass
class Cell:
    lines: list[str]   # option lines and code
    code: str
    tags: set[str]
    after_solution: bool

    @property
    def hidden(self) -> bool:
        return bool(self.tags & HIDDEN_TAGS)


def cells(page: Path) -> list[Cell]:
    text = page.read_text(encoding="utf-8")
    found, previous_end = [], 0
    for match in _CELL.finditer(text):
        lines = match.group(1).rstrip("\n").split("\n")
        options = " ".join(line for line in lines if line.startswith(":tags:"))
        found.append(Cell(lines, "\n".join(line for line in lines if not line.startswith(":")),
                          set(re.findall(r"[\w-]+", options.removeprefix(":tags:"))),
                          ":::{solution}" in text[previous_end:match.start()]))
        previous_end = match.end()
    return found


def names(code: str) -> tuple[set[str], set[str]]:
    """(names a cell defines, names it reads)."""
    tree = ast.parse(code)
    defined, used = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (defined if isinstance(node.ctx, ast.Store) else used).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            defined.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.arg):
            defined.add(node.arg)
        elif isinstance(node, ast.comprehension):
            defined.update(n.id for n in ast.walk(node.target) if isinstance(n, ast.Name))
    return defined, used


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_cells_are_short_and_code_is_not_the_bulk(page):
    page_cells = cells(page)
    assert page_cells, f"{page.name}: no code cells found"
    too_long = [c.lines[0] for c in page_cells if len(c.lines) > MAX_CELL]
    hidden_long = [c.lines[-1] for c in page_cells if c.hidden and len(c.lines) > MAX_HIDDEN]
    assert not too_long, f"{page.name}: cells over {MAX_CELL} lines: {too_long}"
    assert not hidden_long, f"{page.name}: hidden cells over {MAX_HIDDEN} lines: {hidden_long}"
    text = page.read_text(encoding="utf-8")
    non_blank = [line for line in text.split("\n") if line.strip()]
    code = sum(len([line for line in c.lines if line.strip()]) for c in page_cells)
    assert code / len(non_blank) <= MAX_CODE_SHARE, f"{page.name}: code is {code / len(non_blank):.0%}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_visible_cells_use_only_names_a_reader_can_see_defined(page):
    visible_defs: set[str] = set(dir(builtins))
    hidden_only: set[str] = set()
    problems = []
    for cell in cells(page):
        defined, used = names(cell.code)
        if cell.hidden:
            hidden_only |= defined - visible_defs
            continue
        missing = (used - defined) & hidden_only
        if missing:
            problems.append(f"{cell.code.split(chr(10))[0]!r} uses {sorted(missing)}")
        visible_defs |= defined
        hidden_only -= defined
    assert not problems, f"{page.name}: names defined only in hidden cells:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_solutions_do_not_overwrite_names_later_cells_use(page):
    page_cells = cells(page)
    problems = []
    for i, cell in enumerate(page_cells):
        if not cell.after_solution:
            continue
        defined, _ = names(cell.code)
        for later in page_cells[i + 1:]:
            if later.after_solution:
                continue
            _, used = names(later.code)
            clash = defined & (used - names(later.code)[0])
            if clash:
                problems.append(f"solution {cell.code.split(chr(10))[0]!r} redefines {sorted(clash)}")
    assert not problems, f"{page.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_runs_without_build_tools(page):
    code = "\n".join(c.code for c in cells(page))
    assert not re.search(r"^\s*(from|import)\s+(myst_nb|sphinx)\b", code, re.M)
    # Python's strftime (not Vega's d3 formats in tooltips): "%-d" fails on Windows
    assert not re.search(r"strftime\([^)]*%-|\{[^{}]*:[^{}]*%-", code), "strftime %-d"
