"""The book's version, link previews and sitemap."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from belarus_book.web.layout import book_version

pytestmark = pytest.mark.usefixtures("book_build")
BASE = "https://example.org/book/"


@pytest.mark.sphinx("html", testroot="book", srcdir="sitemap", confoverrides={"html_baseurl": BASE})
def test_the_sitemap_lists_every_page_and_previews_use_the_base_address(app):
    app.build()
    root = ET.parse(app.outdir / "sitemap.xml").getroot()
    locs = [loc.text for loc in root.findall("s:url/s:loc", {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"})]
    assert locs == [BASE + page for page in ("chapters/sample.html", "charts.html", "index.html", "plain.html")]
    page = (app.outdir / "charts.html").read_text(encoding="utf-8")
    assert f'<meta property="og:url" content="{BASE}charts.html" />' in page
    assert f'<meta property="og:image" content="{BASE}_static/social-card.png" />' in page


@pytest.mark.sphinx("html", testroot="book", srcdir="no-sitemap")
def test_no_sitemap_and_relative_previews_without_a_base_address(app):
    app.build()
    assert not (app.outdir / "sitemap.xml").exists()
    page = (app.outdir / "chapters" / "sample.html").read_text(encoding="utf-8")
    assert "og:url" not in page
    assert '<meta property="og:image" content="../_static/social-card.png" />' in page
    # The page's own first paragraph, not the download box above it.
    assert ('<meta name="description" content="A chapter page: it gets the download box with the '
            'data files its code needs, and its notebook edition is published from the execution '
            'cache." />') in page
    assert f'<p class="bb-version">Edition {book_version()}</p>' in page
