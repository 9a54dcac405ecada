"""Charts that paint without JavaScript (issue 29): every chart of both editions is in its
page as a drawing, named by its description, so a reader with scripts off sees it; with
scripts on, the live chart takes its place at the same height."""

from __future__ import annotations

from belarus_book.commands import chromium
from belarus_book.web.layout import GERMAN_DIR

from ..helpers import SITE, chart_pages

PHONE = {"width": 390, "height": 844}


def test_both_editions_have_chart_pages():
    pages = chart_pages()
    assert any(p.startswith(f"{GERMAN_DIR}/") for p in pages)
    assert any(not p.startswith(f"{GERMAN_DIR}/") for p in pages)


def test_every_chart_shows_with_scripts_off(browser, site_url, chart_page):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(site_url + chart_page, wait_until="load")
        # A chart in a folded cell shows once the reader unfolds it, as a reader does
        # without scripts: the browser's own <details>.
        folded = page.locator("details:not([open]):has(.vega-chart) > summary")
        for _ in range(folded.count()):
            folded.first.click()
        assert folded.count() == 0
        specs = chromium.chart_specs(SITE, SITE / chart_page)
        holders = page.locator(".vega-chart")
        assert holders.count() == len(specs) > 0
        for i in range(holders.count()):
            holder = holders.nth(i)
            drawing = holder.locator(":scope > .vega-chart-static")
            assert drawing.count() == 1, f"chart {i} of {chart_page} has no drawing"
            drawing.scroll_into_view_if_needed()
            svg = drawing.locator("svg")
            assert svg.is_visible(), f"chart {i} of {chart_page} is not shown"
            box = svg.bounding_box()
            assert box["width"] > 150 and box["height"] > 150, (chart_page, i, box)
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (chart_page, i, box)
            assert svg.locator("g.role-mark > *").count() > 0, f"chart {i} has no marks"
            spec = specs[int(holder.get_attribute("data-chart-index"))]
            assert drawing.get_attribute("role") == "img"
            assert drawing.get_attribute("aria-label") == spec["description"]
            # Named once: the description is the drawing's name, not also text beside it.
            assert holder.locator(".vega-chart-fallback").is_hidden()
    finally:
        context.close()


# Charts whose layout hangs on the width of their text (a legend or title placed by measured
# labels, or a drawing wider than a phone and scaled down): vl-convert measures text with its
# own fonts, Chromium with the system's, so the live chart comes out a few per cent higher or
# lower than the drawing (on a 390 px phone: 13 px of 616, 14 of 238, 39 of 378; German 8 of
# 594, 28 of 240, 45 of 394). Every other chart keeps its height to the pixel.
MEASURED_TEXT = {("chapters/dependence.html", 0), ("chapters/military-capacity.html", 4),
                 ("index.html", 0)}


def test_the_live_chart_replaces_the_drawing_at_its_height(browser, site_url, chart_page):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(site_url + chart_page, wait_until="load")
        # The tab bars are in: the drawings are where they stay until the live charts come.
        page.wait_for_function("() => window.bookDrawAllCharts !== undefined")
        drawn_heights = page.evaluate(
            "() => Array.from(document.querySelectorAll('.vega-chart-static svg'),"
            " s => s.getBoundingClientRect().height)")
        assert drawn_heights and min(drawn_heights) > 150
        chromium.wait_for_charts(page)
        live_heights = page.evaluate(
            "() => Array.from(document.querySelectorAll('.vega-chart-view svg'),"
            " s => s.getBoundingClientRect().height)")
        assert page.locator(".vega-chart-static:visible").count() == 0
        edition_page = chart_page.removeprefix(f"{GERMAN_DIR}/")
        jumped = {i for i, (drawn, live) in enumerate(zip(drawn_heights, live_heights, strict=True))
                  if abs(drawn - live) > 2}
        known = {i for page_path, i in MEASURED_TEXT if page_path == edition_page}
        assert jumped == known, (chart_page, drawn_heights, live_heights)
    finally:
        context.close()
