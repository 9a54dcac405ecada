"""A chapter's notebook runs with only the files its download box offers."""

from __future__ import annotations

from pathlib import Path

import pytest

from belarus_book.data import find_data_dir, read_package
from belarus_book.sphinx.downloads import files_used

from ..helpers import ROOT, box_links, resolve


@pytest.mark.slow
def test_notebook_runs_with_only_the_files_in_its_box(chapter_page, chapters_with_box_files):
    """The box is complete: notebook plus its data files in data/ is all a reader needs
    (the data found there is used, not the checkout the package came from). The notebook
    alone, with the package's own data, runs in tests/editions/test_chapters_standalone.py."""
    run = chapters_with_box_files[Path(chapter_page).stem]
    assert run.returncode == 0, run.stderr[-3000:]
    assert (run.folder / "ran.ipynb").is_file()


@pytest.mark.slow
def test_download_box_lists_the_data_files_the_chapter_used(site, chapter_page, chapters_alone):
    page = chapter_page
    """Exactly the files the chapter used when it ran on its own (its record), with the
    tables they point to: not one short (test below) and not one too many."""
    chapter = Path(page).stem
    data_root = (site / "data").resolve()
    listed = {t.relative_to(data_root).as_posix()
              for t in (resolve(site, page, href) for href in box_links(site, page))
              if data_root in t.parents and t.name != "datapackage.json"}
    source = (ROOT / "chapters" / f"{chapter}.md").read_text(encoding="utf-8")
    data_dir = find_data_dir(ROOT)
    tables = chapters_alone[chapter].record["tables"]
    assert listed == set(files_used(tables, source, read_package(data_dir), data_dir))
