"""Chapter code a student can follow (chapter standard, "Every chart" and "Works on its own").

Read from the chapter sources: short cells and short lines, the book's bookkeeping out of the
code a reader can open, every name a visible cell uses defined where a reader can see it,
cells the notebook edition leaves out (``remove-cell``) needed by no later cell, solutions
that leave later cells' names alone, and nothing that needs the book's build tools to run.
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
MAX_LINES, MAX_WIDTH, MAX_PLUMBING = 15, 88, 0.05
HIDDEN_TAGS = {"remove-cell", "remove-input"}
#: The book's bookkeeping, as opposed to pandas and Altair: glued numbers, rows noted for the
#: Sources list, the closing box's counts.
PLUMBING = re.compile(r"\bbb\.(glue|cite)\(|\bSourceLog\b|\bcited\.|\bSHOWN\b|counts_sentence|"
                      r"sources_list")
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
def test_cells_and_lines_are_short(page):
    page_cells = cells(page)
    assert page_cells, f"{page.name}: no code cells found"
    long = [c.code.split("\n")[0] for c in page_cells if len(c.code.strip("\n").split("\n")) > MAX_LINES]
    assert not long, f"{page.name}: cells over {MAX_LINES} lines of code: {long}"
    wide = [line for c in page_cells for line in c.code.split("\n") if len(line) > MAX_WIDTH]
    assert not wide, f"{page.name}: code lines over {MAX_WIDTH} characters: {wide}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_bookkeeping_stays_out_of_the_code_a_reader_can_open(page):
    """A reader can open every cell but those the page and the notebook edition leave out
    (``remove-cell``); at most 5 % of their lines may be the book's bookkeeping."""
    lines = [line for c in cells(page) if "remove-cell" not in c.tags
             for line in c.code.split("\n") if line.strip() and not line.lstrip().startswith("#")]
    plumbing = [line for line in lines if PLUMBING.search(line)]
    assert lines
    assert len(plumbing) <= MAX_PLUMBING * len(lines), (
        f"{page.name}: {len(plumbing)} of {len(lines)} lines a reader can open are bookkeeping "
        f"(at most {MAX_PLUMBING:.0%}); move them into remove-cell cells or the helpers: {plumbing}")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_cells_the_edition_leaves_out_define_nothing_later_cells_use(page):
    removed: set[str] = set()
    problems = []
    for cell in cells(page):
        defined, used = names(cell.code)
        if "remove-cell" in cell.tags:
            removed |= defined
            continue
        missing = (used - defined) & removed
        if missing:
            problems.append(f"{cell.code.split(chr(10))[0]!r} uses {sorted(missing)}")
        removed -= defined
    assert not problems, (f"{page.name}: names defined only in remove-cell cells, which the "
                          "notebook edition leaves out:\n" + "\n".join(problems))


@pytest.mark.parametrize("page", [p for p in PAGES if p.parent.name == "chapters"], ids=lambda p: p.stem)
def test_the_notebook_opens_on_the_question_and_the_first_step(page):
    """Nothing but the set-up cell before the first section: the notebook edition opens on
    the title, the objectives, the question and the first step of the analysis."""
    text = page.read_text(encoding="utf-8")
    before = text[:text.index("\n## ")]
    first = [c for c in cells(page) if c.lines[0] in before and f"\n{c.code}" in before]
    assert len(_CELL.findall(before)) == 1, f"{page.name}: more than the set-up cell before the first section"
    assert first and "remove-cell" not in first[0].tags


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
