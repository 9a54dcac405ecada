"""Every chapter page offers its notebook and tables (that the notebook runs with only them:
tests/editions/test_download_box.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from belarus_book.web.layout import NOTEBOOK_DIR

from ..helpers import box_links, resolve, site_pages

CHAPTERS = [p for p in site_pages() if p.startswith("chapters/")]


def test_there_are_chapter_pages(site):
    assert CHAPTERS, "no chapter pages in the built site"


@pytest.mark.parametrize("page", CHAPTERS)
def test_download_box_links_resolve(site, page):
    links = box_links(site, page)
    targets = [resolve(site, page, href) for href in links]
    for href, target in zip(links, targets, strict=True):
        assert target.is_file(), f"{page}: {href} -> {target} does not exist"
        assert site.resolve() in target.parents, f"{page}: {href} leaves the site"

    names = {t.name for t in targets}
    chapter = Path(page).stem
    assert f"{chapter}.ipynb" in names, f"{page}: no notebook link"
    assert "datapackage.json" in names, f"{page}: no data package link"


@pytest.mark.parametrize("page", CHAPTERS)
def test_published_notebook_is_the_executed_chapter(site, page):
    import nbformat

    notebook = site / NOTEBOOK_DIR / Path(page).with_suffix(".ipynb")
    nb = nbformat.read(notebook, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code), f"{notebook.name}: not executed"
