"""Reproducible: two clean builds of the same sources, in different folders, give the same
book: every page's own text (its article) and every chart's specification are identical.

What may differ, and why, is not compared:
- the theme's chrome (navigation, footer): Sphinx stamps asset URLs with build digests
  (``?digest=...``, ``?v=...``);
- searchindex.js: its ordering and term table are not part of what a reader sees;
- executed notebooks' metadata (execution times) under _downloads/.
The footer's "Last updated on <date>" is gone at the source (``html_last_updated_fmt: null``
in _config.yml); this test checks it stays gone.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from belarus_book.commands import chromium
from belarus_book.commands.chromium import COPY_IGNORE
from belarus_book.web.layout import site_dir

from ..helpers import ROOT, run_build

pytestmark = pytest.mark.slow


class ArticleText(HTMLParser):
    """The text of <article class="bd-article">."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.article_at = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.depth += 1
        a = dict(attrs)
        if tag == "article" and "bd-article" in (a.get("class") or "").split():
            self.article_at = self.depth

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if self.article_at == self.depth and tag == "article":
            self.article_at = 0
        self.depth -= 1

    def handle_data(self, data):
        if self.article_at and data.strip():
            self.text.append(" ".join(data.split()))


def snapshot(site: Path) -> dict[str, tuple[str, list]]:
    pages = {}
    for path in chromium.html_pages(site):
        parser = ArticleText()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = ("\n".join(parser.text), chromium.chart_specs(site, path))
    return pages


@pytest.fixture(scope="module")
def two_builds(cold_build, tmp_path_factory) -> tuple[Path, Path]:
    """The session's cold build (builds/conftest.py) and a second one, in another folder."""
    book = tmp_path_factory.mktemp("second") / "book"
    shutil.copytree(ROOT, book, ignore=COPY_IGNORE)
    result = run_build(book)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return cold_build.site, site_dir(book)


def test_same_pages_text_and_chart_specs(two_builds):
    first, second = (snapshot(site) for site in two_builds)
    assert sorted(first) == sorted(second), "the two builds made different pages"
    assert any(specs for _, specs in first.values()), "no chart found: nothing compared"
    for page in first:
        text_a, specs_a = first[page]
        text_b, specs_b = second[page]
        assert text_a, f"{page}: no article text found"
        assert text_a == text_b, f"{page}: page text differs between two builds"
        assert specs_a == specs_b, f"{page}: chart specifications differ between two builds"


def test_no_build_date_in_pages(two_builds):
    for path in chromium.html_pages(two_builds[0]):
        html = path.read_text(encoding="utf-8")
        assert "Last updated on" not in html and "docbuild:last-update" not in html, path.name


def test_published_data_is_identical(two_builds):
    first, second = two_builds
    for path in sorted((first / "data").rglob("*")):
        if path.is_file():
            assert path.read_bytes() == (second / path.relative_to(first)).read_bytes(), path
