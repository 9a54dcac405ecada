"""Every chapter page offers its notebook and tables (that the notebook runs with only them,
and that the box lists exactly the files the chapter used: tests/editions/test_download_box.py)."""

from __future__ import annotations

from pathlib import Path

from belarus_book.web.layout import NOTEBOOK_DIR

from ..helpers import box_links, chapter_pages, resolve


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


def test_published_notebook_is_the_executed_chapter(site, chapter_page):
    import nbformat

    notebook = site / NOTEBOOK_DIR / Path(chapter_page).with_suffix(".ipynb")
    nb = nbformat.read(notebook, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code), f"{notebook.name}: not executed"
