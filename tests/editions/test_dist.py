"""The release zip (`make dist`): unzipped anywhere and opened from file://, the book works
offline: navigation, search, every chart drawn, no request leaving the machine."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from belarus_book.commands import chromium, dist
from belarus_book.web.layout import PDF_DIR, book_version

from ..helpers import ROOT, SITE

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def unzipped(site, tmp_path_factory) -> Path:
    target = dist.make_dist(ROOT, tmp_path_factory.mktemp("dist"))
    assert target.name == f"belarus-book-{book_version()}.zip"
    where = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(target) as archive:
        archive.extractall(where)
    top = where / f"belarus-book-{book_version()}"
    assert (top / "README.txt").is_file()
    assert (top / "data" / "datapackage.json").is_file()
    assert (top / "site" / "index.html").is_file()
    if list((SITE / PDF_DIR).glob("*.pdf")):
        assert list((top / "site" / "_pdf").glob("*.pdf")), "PDFs made by `make pdf` are not in the zip"
    return top / "site"


def open_file_page(browser, url: str):
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:", "about:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(url, wait_until="load")
    return context, page, outside


def chapter_with_charts(site: Path) -> str:
    for path in sorted((site / "chapters").glob("*.html")):
        if 'class="vega-chart"' in path.read_text(encoding="utf-8"):
            return path.relative_to(site).as_posix()
    pytest.fail("no chapter page with a chart in the zip")


def test_pages_work_from_file_without_a_server(browser, unzipped):
    for page_path in ["index.html", chapter_with_charts(unzipped)]:
        context, page, outside = open_file_page(browser, (unzipped / page_path).as_uri())
        try:
            charts = chromium.wait_for_charts(page)
            page.wait_for_load_state("networkidle")
            if charts:
                assert page.evaluate("document.documentElement.dataset.chartsDrawn") == str(charts)
                assert page.locator('.vega-chart[data-rendered="true"] svg').count() == charts
            # Navigation: every link in the side bar opens a file that is in the zip.
            links = page.eval_on_selector_all(
                ".bd-sidebar-primary a.reference.internal", "els => els.map(e => e.href)")
            assert links, f"no navigation on {page_path}"
            for href in links:
                target = Path(unquote(urlparse(href).path))
                assert target.is_file(), f"{page_path}: navigation link {href} is broken"
            assert outside == [], f"requests leaving the machine from {page_path}: {outside}"
        finally:
            context.close()


def test_search_works_from_file(browser, unzipped):
    context, page, outside = open_file_page(browser, (unzipped / "search.html").as_uri() + "?q=Lukashenko")
    try:
        page.wait_for_selector("#search-results li", timeout=20_000)
        results = page.locator("#search-results li").count()
        assert results >= 1
        first = page.locator("#search-results li a").first.get_attribute("href")
        assert first and not re.match(r"^[a-z]+://(?!/)", first.replace("file://", "")), first
        assert outside == [], f"requests leaving the machine from search: {outside}"
    finally:
        context.close()
