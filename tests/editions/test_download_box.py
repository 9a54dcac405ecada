"""A chapter's notebook runs with only the files its download box offers."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.slow
def test_notebook_runs_with_only_the_files_in_its_box(chapter_page, chapters_with_box_files):
    """The box is complete: notebook plus its data files in data/ is all a reader needs
    (the data found there is used, not the checkout the package came from). The notebook
    alone, with the package's own data, runs in tests/editions/test_chapters_standalone.py."""
    run = chapters_with_box_files[Path(chapter_page).stem]
    assert run.returncode == 0, run.stderr[-3000:]
    assert (run.folder / "ran.ipynb").is_file()
