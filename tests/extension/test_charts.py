"""The charts script and a page's specs file go to pages with charts, and only to those; the
charts script loads Vega."""

from __future__ import annotations

import hashlib
import re

import pytest

from belarus_book.web import chart_html
from belarus_book.web.chart_bundle import BUNDLE_NAME, CHARTS_NAME, VIEWS_NAME
from belarus_book.web.layout import BUNDLE_PATH, CHART_SPECS_DIR, CHARTS_SCRIPT

pytestmark = pytest.mark.usefixtures("book_build")
SPEC = {"mark": "bar", "data": {"values": [{"n": 3, "source_id": "art-001"}]},
        "encoding": {"y": {"field": "n", "type": "quantitative"}}}


def scripts(page: str) -> list[str]:
    return [src.split("?")[0] for src in re.findall(r'<script[^>]* src="([^"]+)"', page)]


@pytest.mark.sphinx("html", testroot="book", srcdir="charts")
def test_a_chart_page_loads_its_specs_then_the_charts_script(app, vega_scripts):
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
    ours = [s for s in scripts(page) if CHART_SPECS_DIR in s or "_vega/" in s]
    assert ours == [f"_static/{CHART_SPECS_DIR}/charts.js"]
    # The charts script is added once the page has loaded, by a script naming it with its
    # checksum; Vega is not named by the page at all.
    key = hashlib.sha256((vega_scripts / CHARTS_NAME).read_bytes()).hexdigest()[:8]
    assert 'window.addEventListener("load", function () { loaded = true; add(); })' in page
    assert f's.src = "_static/{CHARTS_SCRIPT}?v={key}"' in page
    assert BUNDLE_PATH not in page
    for name in (CHARTS_NAME, BUNDLE_NAME):
        assert (app.outdir / "_static" / "_vega" / name).read_bytes() == (vega_scripts / name).read_bytes()


@pytest.mark.sphinx("html", testroot="book", srcdir="charts-none")
def test_pages_without_charts_load_no_chart_script(app):
    app.build()
    for name in ("index", "plain", "chapters/sample"):
        page = (app.outdir / f"{name}.html").read_text(encoding="utf-8")
        assert not [s for s in scripts(page) if CHART_SPECS_DIR in s or "_vega/" in s], name
    assert sorted(p.name for p in (app.outdir / "_static" / CHART_SPECS_DIR).iterdir()) == ["charts.js"]


def test_the_charts_script_names_vega_and_the_views_by_their_checksums(vega_scripts):
    charts = (vega_scripts / CHARTS_NAME).read_text(encoding="utf-8")
    vega = (vega_scripts / BUNDLE_NAME).read_text(encoding="utf-8")
    # Each in a function scope of its own: their top-level names cannot clash with the theme's.
    for text in (charts, vega):
        assert text.startswith("(function () {\n") and text.endswith("})();\n")
    assert "window.bookVega" in vega and "vegaEmbed" not in vega
    assert f'".{chart_html.PLACEHOLDER_CLASS}"' in charts, "the loader is not in the charts script"
    assert "window.bookVega=" not in charts.replace(" ", ""), "Vega is in the script every chart page loads"
    for name in (VIEWS_NAME, BUNDLE_NAME):
        key = hashlib.sha256((vega_scripts / name).read_bytes()).hexdigest()[:8]
        assert f'"{name}?v={key}"' in charts, name
