"""Site-wide features: favicon, logo, social preview tags, base URL setting (offline search:
tests/browser/test_search.py)."""

from __future__ import annotations

import re

import pytest

from belarus_book.commands import chromium

from ..helpers import ROOT

PAGES = ["index.html", "appendix/glossary.html", "appendix/sources-method.html",
         "appendix/teaching.html"]


@pytest.mark.parametrize("page", PAGES)
def test_page_has_icons_and_social_preview(site, page):
    text = (site / page).read_text(encoding="utf-8")
    for prop in ("og:title", "og:description", "og:image", "og:type"):
        match = re.search(rf'<meta property="{prop}" content="([^"]+)"', text)
        assert match and match.group(1).strip(), f"{page}: no {prop}"
    assert '<meta name="twitter:card" content="summary_large_image"' in text
    title = re.search(r'<meta property="og:title" content="([^"]+)"', text).group(1)
    assert "Belarus" in title and "not set" not in title, f"{page}: og:title {title!r}"
    assert re.search(r'<link rel="icon" href="[^"]*favicon\.svg"', text), f"{page}: no SVG favicon"
    assert re.search(r'<link rel="icon" type="image/png"[^>]*favicon\.png"', text)
    assert "logo.svg" in text, f"{page}: no logo"


def test_marks_and_their_png_fallbacks_are_published(site):
    for name in ("logo", "favicon", "social-card"):
        assert (site / "_static" / f"{name}.svg").is_file()
        png = (site / "_static" / f"{name}.png").read_bytes()
        assert png.startswith(b"\x89PNG"), f"{name}.png is not a PNG"


def test_base_url_setting_is_there_to_fill_in():
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+baseurl:", config, re.M), "html.baseurl missing from _config.yml"


def test_pages_carry_text_not_chart_data_nor_idle_scripts(site):
    """Chart specs live in each page's own specs file; sphinx-thebe's idle scripts are gone."""
    pages = chromium.html_pages(site)
    chart_pages = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        name = page.relative_to(site).as_posix()
        assert 'type="application/json"' not in text, f"{name}: a chart spec left in the HTML"
        assert "thebe" not in text.lower() and "unpkg.com" not in text, f"{name}: sphinx-thebe leftovers"
        assert "kernelName" not in text, f"{name}: sphinx-thebe's kernel name left in the page"
        numbers = re.findall(r'<div class="vega-chart" data-chart-index="(\d+)">', text)
        assert numbers == [str(i) for i in range(len(numbers))], f"{name}: charts misnumbered"
        assert text.count('class="vega-chart"') == len(numbers)
        assert len(chromium.chart_specs(site, page)) == len(numbers), f"{name}: specs file out of step"
        chart_pages += bool(numbers)
    assert chart_pages >= 2, "fewer than two chart pages: nothing much was checked"
