"""Every built page in a real browser: offline, quiet, and with every chart drawn."""

from __future__ import annotations

import unicodedata
from pathlib import PurePosixPath

import pytest

from belarus_book.commands import chromium
from belarus_book.web.chart_bundle import VIEWS_NAME
from belarus_book.web.layout import BUNDLE_PATH, CHART_SPECS_DIR, GERMAN_DIR

from ..helpers import SITE, chart_pages, site_pages

VIEWS_PATH = (PurePosixPath(BUNDLE_PATH).parent / VIEWS_NAME).as_posix()


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
    pages = site_pages()
    assert "index.html" in pages
    assert any(p.startswith("chapters/") for p in pages), pages


def test_page_is_offline_quiet_and_draws_its_charts(browser, site_url, book_page):
    context, page, record = open_page(browser, site_url, book_page)
    try:
        charts = chromium.wait_for_charts(page)
        page.wait_for_load_state("networkidle")
        assert record["outside"] == [], f"requests leaving the machine: {record['outside']}"
        assert record["errors"] == [], f"console errors on {book_page}: {record['errors']}"

        # Sphinx appends "?v=<checksum>" to asset URLs on rebuilds.
        loads_bundle = any(u.split("?")[0].endswith(BUNDLE_PATH) for u in record["requests"])
        assert loads_bundle == (charts > 0), "the Vega bundle belongs on chart pages only"
        views = [u for u in record["requests"] if u.split("?")[0].endswith(VIEWS_PATH)]
        assert views == [], "the charts' views load when a reader opens one, not with the page"
        # Each edition has its own _static/ (de/_static/_charts/chapters/...).
        in_edition = book_page.removeprefix(f"{GERMAN_DIR}/")
        edition = book_page[: len(book_page) - len(in_edition)]
        specs_file = f"{edition}_static/{CHART_SPECS_DIR}/{PurePosixPath(in_edition).with_suffix('.js')}"
        loads_specs = any(u.split("?")[0].endswith(specs_file) for u in record["requests"])
        assert loads_specs == (charts > 0), f"{specs_file}: loaded by chart pages, and by them only"
        specs = chromium.chart_specs(SITE, SITE / book_page)

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


def test_hovering_a_mark_shows_its_tooltip(browser, site_url, chart_page):
    context, page, _ = open_page(browser, site_url, chart_page)
    try:
        chromium.wait_for_charts(page)
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
        pytest.fail(f"no mark on {chart_page} showed a tooltip on hover")
    finally:
        context.close()


# Drawn on the way: the charts of a page are drawn as they come near the viewport
# (chart_loader.js); wait_for_charts, the tests above and the print edition draw them all.
NEAR_PX = 1200
SOLUTION = "h => !!h.closest('details:not([open]), .tag_hide-cell, .solution, .tag_solution')"


def far_charts(page) -> list[int]:
    """The charts, not in a folded solution, that lie further below the viewport than
    the distance at which a chart is drawn."""
    return page.evaluate(f"""() => Array.from(document.querySelectorAll('.vega-chart'), (h, i) =>
        ({{i, far: h.getBoundingClientRect().top > innerHeight + {NEAR_PX} + 200, solution: ({SOLUTION})(h)}}))
        .filter(c => c.far && !c.solution).map(c => c.i)""")


@pytest.fixture(scope="module")
def lazy_page(site) -> str:
    """A chapter with charts: long enough for one to lie far below the first screen."""
    return next(p for p in chart_pages() if p.startswith("chapters/"))


def test_a_chart_is_drawn_when_it_comes_near_the_viewport(browser, site_url, lazy_page):
    context, page, record = open_page(browser, site_url, lazy_page, viewport={"width": 1000, "height": 700})
    try:
        page.wait_for_function("() => window.bookDrawAllCharts !== undefined")
        far = far_charts(page)
        assert far, f"no chart of {lazy_page} lies far below the first screen: pick a longer page"
        holder = page.locator(".vega-chart").nth(far[-1])
        # Not drawn yet: no live chart, the drawing made at build time in its place, the page
        # not all drawn.
        assert holder.get_attribute("data-rendered") is None
        assert holder.locator(".vega-chart-view svg").count() == 0
        assert holder.locator(".vega-chart-static svg").is_visible()
        assert page.evaluate("document.documentElement.dataset.chartsDrawn") is None
        # Its tabs are there already: the table does not need the drawing.
        assert holder.get_by_role("tab").count() == 4
        holder.scroll_into_view_if_needed()
        page.wait_for_function("h => h.dataset.rendered === 'true'", arg=holder.element_handle())
        assert holder.locator(".vega-chart-view svg").is_visible()
        assert holder.locator(".vega-chart-fallback").is_hidden()
        assert holder.locator(".vega-chart-static").is_hidden()
        assert record["errors"] == [], record["errors"]
    finally:
        context.close()


def test_printing_draws_every_chart_first(browser, site_url, lazy_page, tmp_path):
    """Chromium's print (what a reader's print menu does) dispatches beforeprint and lays
    the page out right after it: every chart must be drawn by then, scrolled to or not."""
    from pypdf import PdfReader

    context, page, _ = open_page(browser, site_url, lazy_page, viewport={"width": 1000, "height": 700})
    try:
        page.wait_for_function("() => window.bookDrawAllCharts !== undefined")
        far = far_charts(page)
        assert far and page.evaluate("document.documentElement.dataset.chartsDrawn") is None
        page.pdf(path=str(tmp_path / "page.pdf"))
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "page.pdf").pages).split())
        text = unicodedata.normalize("NFKC", text)  # the print's font sets "ffi" as one glyph
        specs = chromium.chart_specs(SITE, SITE / lazy_page)
        for i in far:
            index = int(page.locator(".vega-chart").nth(i).get_attribute("data-chart-index"))
            title = specs[index]["title"]
            title = title.get("text", "") if isinstance(title, dict) else title
            title = " ".join(title) if isinstance(title, list) else title
            # The title exists only in the drawn SVG: found, the chart was drawn for print.
            assert title and " ".join(title.split()) in text, f"chart {i} was not drawn for print"
    finally:
        context.close()


def test_the_vega_bundle_is_fetched_after_the_page_has_loaded(browser, site_url):
    """On a slow line the 200 KB bundle would hold back the page's text and styles
    (Lighthouse's largest paint), so it is added on the load event, and charts draw then."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site_url + "chapters/dependence.html", wait_until="load")
        assert chromium.wait_for_charts(page) > 0
        timing = page.evaluate("""(bundlePath) => {
            const nav = performance.getEntriesByType("navigation")[0];
            const files = performance.getEntriesByType("resource");
            return {load: nav.loadEventStart,
                    bundle: files.filter(f => f.name.split("?")[0].endsWith(bundlePath)).map(f => f.startTime),
                    styles: files.filter(f => f.name.split("?")[0].endsWith(".css")).map(f => f.responseEnd)};
        }""", BUNDLE_PATH)
        assert len(timing["bundle"]) == 1, timing
        assert timing["bundle"][0] >= timing["load"] > 0, timing
        # The styles the text needs were all in before.
        assert timing["styles"] and max(timing["styles"]) <= timing["bundle"][0], timing
    finally:
        context.close()
