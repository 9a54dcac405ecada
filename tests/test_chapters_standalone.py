"""Each chapter, copied alone into an empty folder, runs top to bottom in a fresh kernel."""

from __future__ import annotations

import shutil

import jupytext
import pytest
from nbclient import NotebookClient

from .conftest import ROOT

CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_runs_on_its_own(chapter, tmp_path, monkeypatch):
    # Outside the repository, with no data folder in sight and no override: the package
    # must find its data on its own, as it does for a teacher who installed it.
    monkeypatch.delenv("BELARUS_BOOK_DATA", raising=False)
    copy = tmp_path / chapter.name
    shutil.copy(chapter, copy)
    notebook = jupytext.read(copy)
    # execute() raises CellExecutionError, naming the cell, if any cell fails.
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert code_cells and all(c.execution_count for c in code_cells)
