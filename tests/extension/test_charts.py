"""The Vega bundle and a page's specs file go to pages with charts, and only to those."""

from __future__ import annotations

import hashlib
import re

import pytest

from belarus_book.web import chart_html
from belarus_book.web.chart_bundle import BUNDLE_NAME, VIEWS_NAME
from belarus_book.web.layout import BUNDLE_PATH, CHART_SPECS_DIR

pytestmark = pytest.mark.usefixtures("book_build")
SPEC = {"mark": "bar", "data": {"values": [{"n": 3, "source_id": "art-001"}]},
        "encoding": {"y": {"field": "n", "type": "quantitative"}}}


def scripts(page: str) -> list[str]:
    return [src.split("?")[0] for src in re.findall(r'<script[^>]* src="([^"]+)"', page)]


@pytest.mark.sphinx("html", testroot="book", srcdir="charts")
def test_a_chart_page_loads_its_specs_then_the_bundle(app, vega_scripts):
    app.build()
    page = (app.outdir / "charts.html").read_text(encoding="utf-8")
    assert f'<div class="{chart_html.PLACEHOLDER_CLASS}" data-chart-index="0">' in page
    assert '"mark"' not in page, "the spec stayed in the page"
    specs = (app.outdir / "_static" / CHART_SPECS_DIR / "charts.js").read_text(encoding="ascii")
    # Compiled to Vega: readers load no Vega-Lite compiler.
    assert chart_html.read_specs_script(specs) == [chart_html.vega_spec(SPEC)]
    assert chart_html.read_specs_script(specs)[0]["$schema"].startswith("https://vega.github.io/schema/vega/")
    # The views name a row's source as the book does (cite_as in data/sources.csv).
    assert specs.startswith('window.bookChartSources = {"art-001":"')
    ours = [s for s in scripts(page) if CHART_SPECS_DIR in s or BUNDLE_PATH in s]
    assert ours == [f"_static/{CHART_SPECS_DIR}/charts.js"]
    # The bundle is added once the page has loaded, by a script naming it with its checksum.
    key = hashlib.sha256((vega_scripts / BUNDLE_NAME).read_bytes()).hexdigest()[:8]
    assert 'window.addEventListener("load", function () { loaded = true; add(); })' in page
    assert f's.src = "_static/{BUNDLE_PATH}?v={key}"' in page
    assert (app.outdir / "_static" / BUNDLE_PATH).read_bytes() == (vega_scripts / BUNDLE_NAME).read_bytes()


@pytest.mark.sphinx("html", testroot="book", srcdir="charts-none")
def test_pages_without_charts_load_no_chart_script(app):
    app.build()
    for name in ("index", "plain", "chapters/sample"):
        page = (app.outdir / f"{name}.html").read_text(encoding="utf-8")
        assert not [s for s in scripts(page) if CHART_SPECS_DIR in s or "_vega/" in s], name
    assert sorted(p.name for p in (app.outdir / "_static" / CHART_SPECS_DIR).iterdir()) == ["charts.js"]


def test_the_bundle_holds_vega_and_the_books_loader_in_one_scope(vega_scripts):
    text = (vega_scripts / BUNDLE_NAME).read_text(encoding="utf-8")
    assert text.startswith("(function () {\n") and text.endswith("})();\n")
    assert "window.bookVega" in text and "vegaEmbed" not in text
    # The views are a file of their own, named with their checksum by the tab bar.
    assert (vega_scripts / VIEWS_NAME).is_file() and f'"{VIEWS_NAME}?v=' in text
    assert f'".{chart_html.PLACEHOLDER_CLASS}"' in text, "the loader is not in the bundle"
