"""Chapter pages, and only they, get a download box listing what their code needs."""

from __future__ import annotations

import re

import pytest

from belarus_book.data import find_data_dir, read_package
from belarus_book.sphinx.downloads import files_used
from belarus_book.web.layout import PDF_LINK_MARK, wheel_name

pytestmark = pytest.mark.usefixtures("book_build")
BOX = re.compile(r'<div class="admonition note bb-downloads" id="download-this-chapter">.*?</div>', re.S)


@pytest.mark.sphinx("html", testroot="book", srcdir="downloads")
def test_a_chapter_gets_one_box_under_its_title_with_the_files_it_needs(app, cache_executed):
    # What the sample chapter records when it runs: polls itself, the rest through
    # bb.text.quotation (see tests/test_shown.py).
    cache_executed(app, "chapters/sample", "", record={
        "tables": ["polls", "quotes", "people", "sources"], "sources": [], "claims": []})
    app.build()
    assert app.warning.getvalue() == ""
    page = (app.outdir / "chapters" / "sample.html").read_text(encoding="utf-8")
    boxes = BOX.findall(page)
    assert len(boxes) == 1
    assert page.index("</h1>") < page.index('id="download-this-chapter"') < page.index("<p>A chapter page: it")
    assert re.findall(r'href="([^"]+)"', boxes[0]) == [
        "../_downloads/notebooks/chapters/sample.ipynb",
        "../_sources/chapters/sample.md",
        # the tables the chapter recorded, and the tables they point to
        "../data/polls.csv", "../data/quotes.csv", "../data/people.csv", "../data/sources.csv",
        "../data/datapackage.json",
        f"../_downloads/{wheel_name()}",
    ]
    assert PDF_LINK_MARK in boxes[0]
    assert (app.outdir / "_sources" / "chapters" / "sample.md").is_file()


@pytest.mark.sphinx("html", testroot="book", srcdir="downloads-other")
def test_pages_outside_chapters_get_no_box(app):
    app.build()
    for name in ("index", "charts", "plain"):
        assert "bb-downloads" not in (app.outdir / f"{name}.html").read_text(encoding="utf-8"), name


def test_a_chapter_needs_the_tables_its_tables_point_to_and_the_files_it_names():
    data_dir = find_data_dir()
    package = read_package(data_dir)
    files = files_used(["polls"], 'geo = "region.geojson"', package, data_dir)
    assert files == ["polls.csv", "sources.csv", "geo/region.geojson"]
