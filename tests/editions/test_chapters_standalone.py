"""Each chapter's notebook, as its download box offers it, runs top to bottom in a fresh
kernel alone in an empty folder outside the repository (the ``chapters_alone`` fixture runs
them once for the session). Its code cells are the chapter source's, unchanged."""

from __future__ import annotations

import pytest

from ..helpers import ROOT

CHAPTERS = sorted(p.stem for p in (ROOT / "chapters").glob("*.md"))


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_runs_on_its_own(chapter, chapters_alone):
    run = chapters_alone[chapter]
    # nbclient raises CellExecutionError, naming the cell, if any cell fails.
    assert run.returncode == 0, run.stderr[-3000:]
    code_cells = [c for c in run.executed.cells if c.cell_type == "code"]
    assert code_cells and all(c.execution_count for c in code_cells)
