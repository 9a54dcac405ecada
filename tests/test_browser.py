"""Every built page in a real browser: offline, quiet, and with every chart drawn."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from belarus_book import testing
from belarus_book.layout import BUNDLE_PATH, CHART_SPECS_DIR

from .conftest import SITE, THEME_CONSOLE_NOISE

pytestmark = pytest.mark.browser

PAGES = [p.relative_to(SITE).as_posix() for p in testing.html_pages(SITE)] if SITE.exists() else []


def open_page(browser, site_url, page_path, **context_options):
    """Open a page, blocking and recording every request that would leave the machine."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    record = {"outside": [], "errors": [], "requests": []}

    def route(r):
        url = r.request.url
        record["requests"].append(url)
        if url.startswith(site_url) or url.startswith(("data:", "blob:", "about:")):
            r.continue_()
        else:
            record["outside"].append(url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and record["errors"].append(m.text))
    page.on("pageerror", lambda e: record["errors"].append(str(e)))
    page.goto(site_url + page_path, wait_until="load")
    return context, page, record


def test_site_has_the_book_pages():
    assert "index.html" in PAGES
    assert any(p.startswith("chapters/") for p in PAGES), PAGES


@pytest.mark.parametrize("page_path", PAGES)
def test_page_is_offline_quiet_and_draws_its_charts(browser, site_url, page_path):
    context, page, record = open_page(browser, site_url, page_path)
    try:
        charts = testing.wait_for_charts(page)
        page.wait_for_load_state("networkidle")
        assert record["outside"] == [], f"requests leaving the machine: {record['outside']}"
        errors = [e for e in record["errors"] if not any(n in e for n in THEME_CONSOLE_NOISE)]
        assert errors == [], f"console errors on {page_path}: {errors}"

        # Sphinx appends "?v=<checksum>" to asset URLs on rebuilds.
        loads_bundle = any(u.split("?")[0].endswith(BUNDLE_PATH) for u in record["requests"])
        assert loads_bundle == (charts > 0), "the Vega bundle belongs on chart pages only"
        specs_file = f"{CHART_SPECS_DIR}/{PurePosixPath(page_path).with_suffix('.js')}"
        loads_specs = any(u.split("?")[0].endswith(specs_file) for u in record["requests"])
        assert loads_specs == (charts > 0), f"{specs_file}: loaded by chart pages, and by them only"
        specs = testing.chart_specs(SITE, SITE / page_path)

        for i in range(charts):
            holder = page.locator(".vega-chart").nth(i)
            assert holder.get_attribute("data-rendered") == "true", f"chart {i} not drawn"
            # Vega puts the spec's description on the view's container (role
            # graphics-document, which wraps the SVG): that is the chart's accessible name.
            view = holder.locator(".vega-chart-view").first
            assert view.get_attribute("role") == "graphics-document"
            assert holder.locator(".vega-chart-view svg").count() == 1
            label = view.get_attribute("aria-label") or ""
            assert len(label) > 40, f"chart {i} has no real description: {label!r}"
            assert label == specs[int(holder.get_attribute("data-chart-index"))]["description"]
            marks = holder.locator("svg g.role-mark > *").count()
            assert marks > 0, f"chart {i} drew no marks"
    finally:
        context.close()


CHART_PAGES = [p for p in PAGES if "vega-chart" in (SITE / p).read_text(encoding="utf-8")]


@pytest.mark.parametrize("page_path", CHART_PAGES)
def test_hovering_a_mark_shows_its_tooltip(browser, site_url, page_path):
    context, page, _ = open_page(browser, site_url, page_path)
    try:
        testing.wait_for_charts(page)
        tooltip = page.locator("#vg-tooltip-element")
        marks = page.locator(".vega-chart svg g.role-mark path, .vega-chart svg g.role-mark circle")
        for i in range(min(marks.count(), 25)):
            mark = marks.nth(i)
            if not mark.is_visible():
                continue
            mark.hover(force=True)
            if tooltip.count() and "visible" in (tooltip.get_attribute("class") or ""):
                assert tooltip.inner_text().strip(), "the tooltip is empty"
                return
        pytest.fail(f"no mark on {page_path} showed a tooltip on hover")
    finally:
        context.close()
