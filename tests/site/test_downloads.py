"""Every chapter page offers its notebook and tables (that the notebook runs with only them:
tests/editions/test_download_box.py)."""

from __future__ import annotations

from pathlib import Path

from belarus_book.data import find_data_dir, read_package
from belarus_book.sphinx.downloads import files_used
from belarus_book.web.layout import NOTEBOOK_DIR

from ..helpers import ROOT, box_links, chapter_pages, resolve


def test_there_are_chapter_pages(site):
    assert chapter_pages(), "no chapter pages in the built site"


def test_download_box_links_resolve(site, chapter_page):
    links = box_links(site, chapter_page)
    targets = [resolve(site, chapter_page, href) for href in links]
    for href, target in zip(links, targets, strict=True):
        assert target.is_file(), f"{chapter_page}: {href} -> {target} does not exist"
        assert site.resolve() in target.parents, f"{chapter_page}: {href} leaves the site"

    names = {t.name for t in targets}
    chapter = Path(chapter_page).stem
    assert f"{chapter}.ipynb" in names, f"{chapter_page}: no notebook link"
    assert "datapackage.json" in names, f"{chapter_page}: no data package link"
    # The box lists exactly the data files the chapter's code needs.
    source = (ROOT / "chapters" / f"{chapter}.md").read_text(encoding="utf-8")
    data_root = (site / "data").resolve()
    listed = {t.relative_to(data_root).as_posix() for t in targets
              if data_root in t.parents and t.name != "datapackage.json"}
    data_dir = find_data_dir(ROOT)
    assert listed == set(files_used(source, read_package(data_dir), data_dir))


def test_published_notebook_is_the_executed_chapter(site, chapter_page):
    import nbformat

    notebook = site / NOTEBOOK_DIR / Path(chapter_page).with_suffix(".ipynb")
    nb = nbformat.read(notebook, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code), f"{notebook.name}: not executed"
