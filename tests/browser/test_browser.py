"""Every built page in a real browser: offline, quiet, and with every chart drawn."""

from __future__ import annotations

import unicodedata
from pathlib import PurePosixPath

import pytest

from belarus_book.commands import chromium
from belarus_book.web.chart_bundle import VIEWS_NAME
from belarus_book.web.layout import BUNDLE_PATH, CHART_SPECS_DIR, CHARTS_SCRIPT, GERMAN_DIR

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
        assert requested(record, CHARTS_SCRIPT) == (charts > 0), "the charts script belongs on chart pages only"
        # wait_for_charts drew every chart, as the print edition does.
        assert requested(record, BUNDLE_PATH) == (charts > 0), "Vega belongs on chart pages only"
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


# Drawn when reached for: a page's live charts are drawn, and Vega fetched, only when a reader
# points at a chart, taps it or moves the focus into it (chart_loader.js); until then each
# chart is the drawing the build made. wait_for_charts, the tests above and the print edition
# draw them all.
SOLUTION = "h => !!h.closest('details:not([open]), .tag_hide-cell, .solution, .tag_solution')"


def requested(record, path: str) -> bool:
    return any(u.split("?")[0].endswith(path) for u in record["requests"])


@pytest.fixture(scope="module")
def lazy_page(site) -> str:
    """A chapter with charts, several of them outside folded solutions."""
    return next(p for p in chart_pages() if p.startswith("chapters/"))


def shown_charts(page) -> list[int]:
    """The charts not in a folded solution, by their place on the page."""
    return page.evaluate(f"""() => Array.from(document.querySelectorAll('.vega-chart'),
        (h, i) => ({SOLUTION})(h) ? -1 : i).filter(i => i >= 0)""")


def test_reading_a_page_fetches_no_vega(browser, site_url, lazy_page):
    """Scrolling through the whole page, on a computer and on a touch screen, draws no live
    chart: the drawings stay, and Vega is never fetched."""
    for options in ({"viewport": {"width": 1000, "height": 700}},
                    {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}):
        context, page, record = open_page(browser, site_url, lazy_page, **options)
        try:
            page.wait_for_function("() => window.bookDrawAllCharts !== undefined")
            for i in shown_charts(page):
                page.locator(".vega-chart").nth(i).scroll_into_view_if_needed()
                page.wait_for_timeout(100)
            page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_timeout(500)
            assert not requested(record, BUNDLE_PATH), f"{options}: Vega fetched without a reader asking"
            assert page.locator(".vega-chart[data-rendered]").count() == 0
            assert page.locator(".vega-chart-static svg:visible").count() == len(shown_charts(page))
            assert record["errors"] == [], record["errors"]
        finally:
            context.close()


def test_a_chart_is_drawn_live_when_a_reader_reaches_for_it(browser, site_url, lazy_page):
    """By the pointer, by the keyboard (the focus on its tabs) and by a tap: each draws that
    chart, in place of its drawing, and no other."""
    context, page, record = open_page(browser, site_url, lazy_page, viewport={"width": 1000, "height": 700})
    try:
        page.wait_for_function("() => window.bookDrawAllCharts !== undefined")
        first, second, third = (page.locator(".vega-chart").nth(i) for i in shown_charts(page)[:3])
        # Its tabs are there already: the table does not need the live chart.
        assert first.get_by_role("tab").count() == 4
        first.hover()
        page.wait_for_function("h => h.dataset.rendered === 'true'", arg=first.element_handle())
        assert requested(record, BUNDLE_PATH)
        assert first.locator(".vega-chart-view svg").is_visible()
        assert first.locator(".vega-chart-static").count() == 0
        assert first.locator(".vega-chart-fallback").is_hidden()
        assert second.get_attribute("data-rendered") is None
        assert second.locator(".vega-chart-static svg").is_visible()

        second.get_by_role("tab").first.focus()
        page.wait_for_function("h => h.dataset.rendered === 'true'", arg=second.element_handle())
        assert third.get_attribute("data-rendered") is None
        assert page.evaluate("document.documentElement.dataset.chartsDrawn") is None
        assert record["errors"] == [], record["errors"]
    finally:
        context.close()
    context, page, record = open_page(browser, site_url, lazy_page, has_touch=True, is_mobile=True,
                                      viewport={"width": 390, "height": 844})
    try:
        page.wait_for_function("() => window.bookDrawAllCharts !== undefined")
        chart = page.locator(".vega-chart").nth(shown_charts(page)[0])
        chart.locator(".vega-chart-static").tap()
        page.wait_for_function("h => h.dataset.rendered === 'true'", arg=chart.element_handle())
        assert chart.locator(".vega-chart-view svg").is_visible()
        assert record["errors"] == [], record["errors"]
    finally:
        context.close()


def test_printing_shows_every_chart_without_vega(browser, site_url, lazy_page, tmp_path):
    """Chromium's print (what a reader's print menu does) lays the page out right after
    beforeprint, too soon to fetch anything: every chart prints as the build drew it."""
    from pypdf import PdfReader

    context, page, record = open_page(browser, site_url, lazy_page, viewport={"width": 1000, "height": 700})
    try:
        page.wait_for_function("() => window.bookDrawAllCharts !== undefined")
        page.pdf(path=str(tmp_path / "page.pdf"))
        assert not requested(record, BUNDLE_PATH)
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "page.pdf").pages).split())
        text = unicodedata.normalize("NFKC", text)  # the print's font sets "ffi" as one glyph
        specs = chromium.chart_specs(SITE, SITE / lazy_page)
        # (A folded solution prints folded, as the reader left it.)
        for i in shown_charts(page):
            index = int(page.locator(".vega-chart").nth(i).get_attribute("data-chart-index"))
            title = specs[index]["title"]
            title = title.get("text", "") if isinstance(title, dict) else title
            title = " ".join(title) if isinstance(title, list) else title
            # The title is drawn, not written beside the chart: found, the chart was printed.
            assert title and " ".join(title.split()) in text, f"chart {i} was not printed"
    finally:
        context.close()


def test_the_charts_script_is_fetched_after_the_page_has_loaded(browser, site_url):
    """The tab bars and what draws a live chart come once the page has loaded: nothing a
    reader needs to read the page waits for them. Vega does not come at all."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site_url + "chapters/dependence.html", wait_until="load")
        page.wait_for_function("() => window.bookDrawAllCharts !== undefined")
        page.wait_for_load_state("networkidle")
        timing = page.evaluate("""([scriptPath, bundlePath]) => {
            const nav = performance.getEntriesByType("navigation")[0];
            const files = performance.getEntriesByType("resource");
            const named = path => files.filter(f => f.name.split("?")[0].endsWith(path));
            return {load: nav.loadEventStart,
                    script: named(scriptPath).map(f => f.startTime),
                    bundle: named(bundlePath).length,
                    styles: files.filter(f => f.name.split("?")[0].endsWith(".css")).map(f => f.responseEnd)};
        }""", [CHARTS_SCRIPT, BUNDLE_PATH])
        assert len(timing["script"]) == 1, timing
        assert timing["script"][0] >= timing["load"] > 0, timing
        assert timing["bundle"] == 0, timing
        # The styles the text needs were all in before.
        assert timing["styles"] and max(timing["styles"]) <= timing["script"][0], timing
    finally:
        context.close()
