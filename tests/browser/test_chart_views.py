"""Every chart's views (issue 20): under each chart a tab bar (WAI-ARIA tabs) switches
between the chart, a table of the rows it draws, their sources and a CSV download of
exactly those rows; all built in the browser from the chart's own spec on first use, by a
script (``chart-views.js``) that only then loads.

The expected rows are computed here from each page's specs file (Vega, compiled from the
chapters' Vega-Lite when the site is built): every row of the spec's data (the ``values``
of each of its data sets) that has a source column; the shapes of a base map have none and
are not claims.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from belarus_book.commands import chromium
from belarus_book.web import chart_html
from belarus_book.web.chart_bundle import CHARTS_NAME, VIEWS_NAME
from belarus_book.web.layout import CHART_SPECS_DIR, GERMAN_DIR

from ..helpers import SITE, WCAG_TAGS, chart_pages, open_in_mode

SOURCE_KEYS = {"source_id", "source", "coords_from"}
PRINT_ROWS = 15
VEGA_DIR = SITE / "_static" / "_vega"
# The views' words in each edition (chart_tabs.js and chart_views.js, chosen by the page's
# <html lang>): the tabs, the table's caption and columns, and the lines in print: while the
# views are not loaded ("elsewhere"), and for a table too long to print ("too_many").
WORDS = {
    "en": {"views": ["Chart", "Table", "Sources", "Download"], "caption": "rows behind the chart",
           "columns": ["What", "Value or date", "Who claims it", "Source", "Excerpt", "Translation"],
           "elsewhere": "The table behind this chart is in the online edition",
           "too_many": "too many to print", "data_page": "Data page"},
    "de": {"views": ["Diagramm", "Tabelle", "Quellen", "Download"],
           "caption": "Zeilen hinter dem Diagramm",
           "columns": ["Was", "Wert oder Datum", "Wer es sagt", "Quelle", "Auszug", "Übersetzung"],
           "elsewhere": "Die Tabelle zu diesem Diagramm steht in der Online-Ausgabe",
           "too_many": "zu viele für den Druck", "data_page": "„Daten“"},
}


def words(page_path: str) -> dict:
    return WORDS[GERMAN_DIR if page_path.startswith(GERMAN_DIR + "/") else "en"]


def views(page_path: str) -> dict[str, str]:
    """The tabs' names on this page, by their English names."""
    return dict(zip(WORDS["en"]["views"], words(page_path)["views"], strict=True))


def chart_rows(spec: dict) -> list[dict]:
    """The rows a chart draws that name a source, in the order the page's script takes them."""
    return [row for values in chart_html.data_values(spec) if isinstance(values, list)
            for row in values if isinstance(row, dict) and any(k.lower() in SOURCE_KEYS for k in row)]


def source_names(page_path: str) -> dict[str, str]:
    """The names the page's specs file gives the sources its rows cite by id only."""
    edition, page_in_edition = SITE, Path(page_path)
    if page_in_edition.parts[0] == GERMAN_DIR:  # the German edition has its own _static/
        edition, page_in_edition = SITE / GERMAN_DIR, page_in_edition.relative_to(GERMAN_DIR)
    script = edition / "_static" / CHART_SPECS_DIR / page_in_edition.with_suffix(".js")
    first = script.read_text(encoding="ascii").split("\n", 1)[0]
    prefix = "window.bookChartSources = "
    return json.loads(first[len(prefix):].rstrip(";")) if first.startswith(prefix) else {}


def source_of(row: dict, names: dict[str, str]) -> str:
    """How a row's source is named in the views: its own name, else the book's for its id."""
    name = row.get("source") or row.get("Source") or row.get("coords_from")
    return str(name or names.get(row.get("source_id")) or row.get("source_id"))


def as_csv(value) -> str:
    """A data value as the page's CSV writes it (JavaScript's String())."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(map(str, value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def unfold(page) -> None:
    """Open every folded cell that holds a chart (a solution's), as a reader would."""
    page.evaluate("""() => document.querySelectorAll('.vega-chart').forEach(h => {
        for (let d = h.closest('details'); d; d = d.parentElement.closest('details')) { d.open = true; }
    })""")


def open_page(browser, site_url, page_path, **options):
    context = browser.new_context(accept_downloads=True, **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + page_path, wait_until="load")
    count = chromium.wait_for_charts(page)
    specs = chromium.chart_specs(SITE, SITE / page_path)
    holders = [page.locator(".vega-chart").nth(i) for i in range(count)]
    unfold(page)
    return context, page, errors, [(h, specs[int(h.get_attribute("data-chart-index"))]) for h in holders]


def test_there_are_chart_pages():
    assert chart_pages()
    assert "index.html" in chart_pages(), "the landing page's chart has views too"


def test_every_chart_has_rows_with_sources():
    for page_path in chart_pages():
        for i, spec in enumerate(chromium.chart_specs(SITE, SITE / page_path)):
            assert chart_rows(spec), f"chart {i} on {page_path}: no data row names its source"


def test_views_show_and_download_exactly_the_chart_rows(browser, site_url, chart_page):
    context, page, errors, charts = open_page(browser, site_url, chart_page)
    names = source_names(chart_page)
    said, view = words(chart_page), views(chart_page)
    source_column, excerpt_column = said["columns"][3], said["columns"][4]
    try:
        for i, (holder, spec) in enumerate(charts):
            expected = chart_rows(spec)
            tabs = holder.get_by_role("tab")
            assert tabs.all_inner_texts() == said["views"], f"chart {i}: tabs {tabs.all_inner_texts()}"
            assert holder.get_by_role("tab", name=view["Chart"]).get_attribute("aria-selected") == "true"
            # Nothing is built before a reader asks for it.
            assert holder.locator(".bb-view > *").count() == 0, f"chart {i}: views built before use"

            # Table: a caption, header cells, one body row per data row, every excerpt shown.
            holder.get_by_role("tab", name=view["Table"]).click()
            assert holder.locator(".bb-chart-panel").is_hidden(), "the chart stays on with the table"
            panel = holder.get_by_role("tabpanel")
            assert panel.count() == 1, f"chart {i}: {panel.count()} views open at once"
            table = panel.locator("table")
            assert said["caption"] in table.locator("caption").inner_text()
            headers = table.locator("thead th").all_inner_texts()
            assert {source_column, excerpt_column} <= set(headers), f"chart {i}: columns {headers}"
            assert set(headers) <= set(said["columns"]), headers
            assert table.locator("tbody tr").count() == len(expected), f"chart {i} on {chart_page}"
            assert table.locator("tbody th, tbody td").count() == len(expected) * len(headers)
            shown = squash(table.inner_text())
            for row in expected:
                excerpt = row.get("excerpt") or row.get("Evidence")
                if excerpt:
                    assert squash(excerpt) in shown, f"chart {i}: excerpt {excerpt[:50]!r} not in the table"

            # Every row's source by name (never a bare id), linked to the Data page by its id.
            column = headers.index(source_column) + 1
            cells = table.locator(f"tbody tr > :nth-child({column})").all_inner_texts()
            assert cells == [source_of(r, names) for r in expected], f"chart {i}: sources {cells}"
            assert not any(squash(c) == r.get("source_id") for c, r in zip(cells, expected, strict=True)), cells

            # Sources: the distinct sources of those rows, each linked to the Data page.
            holder.get_by_role("tab", name=view["Sources"]).click()
            links = holder.get_by_role("tabpanel").locator("li a")
            distinct = list(dict.fromkeys(source_of(r, names) for r in expected))
            assert links.all_inner_texts() == distinct, f"chart {i}: sources {links.all_inner_texts()}"
            for href in links.evaluate_all("links => links.map(a => a.href)"):
                assert href.split("?")[0].endswith("/appendix/data.html#table-sources"), href
            assert (SITE / "appendix" / "data.html").is_file()
            assert 'id="table-sources"' in (SITE / "appendix" / "data.html").read_text(encoding="utf-8")

            # Download: a CSV of exactly those rows, every value as in the chart's data.
            holder.get_by_role("tab", name=view["Download"]).click()
            link = holder.get_by_role("tabpanel").locator("a[download]")
            with page.expect_download() as info:
                link.click()
            download = info.value
            assert download.suggested_filename.endswith(".csv")
            text = Path(download.path()).read_bytes().decode("utf-8")
            got = list(csv.DictReader(io.StringIO(text, newline="")))
            assert len(got) == len(expected), f"chart {i} on {chart_page}: CSV has {len(got)} rows"
            for want, row in zip(expected, got, strict=True):
                assert set(want) <= set(row), f"chart {i}: CSV lacks columns"
                assert row == {k: as_csv(want.get(k)) for k in row}, f"chart {i}: CSV row differs"

            # Back to the chart: drawn, with the same marks.
            holder.get_by_role("tab", name=view["Chart"]).click()
            assert holder.locator(".vega-chart-view svg").is_visible()
            assert holder.locator(".bb-view:visible").count() == 0
        assert errors == [], errors
    finally:
        context.close()


def test_tabs_work_by_keyboard_alone(browser, site_url, chart_page):
    context, page, errors, charts = open_page(browser, site_url, chart_page)
    tab = views(chart_page)

    def focused() -> dict:
        return page.evaluate("""() => { const a = document.activeElement;
            return {role: a.getAttribute('role'), text: a.textContent.trim().slice(0, 40),
                    selected: a.getAttribute('aria-selected'), id: a.id,
                    labelledby: a.getAttribute('aria-labelledby'), download: a.hasAttribute('download')}; }""")

    try:
        for holder, spec in charts:
            # Only selected tabs are in the tab order (roving tabindex).
            assert holder.locator('[role="tab"][tabindex="0"]').count() == 1
            holder.get_by_role("tab", name=tab["Chart"]).focus()
            page.keyboard.press("ArrowRight")
            now = focused()
            assert (now["role"], now["text"], now["selected"]) == ("tab", tab["Table"], "true"), now
            holder.get_by_role("tabpanel").locator("table caption").wait_for()  # the views load
            assert holder.get_by_role("tabpanel").locator("tbody tr").count() == len(chart_rows(spec))
            # Focus order: chart tabs, then the open view.
            page.keyboard.press("Tab")
            view = focused()
            assert view["role"] == "tabpanel" and view["labelledby"] == now["id"], view
            page.keyboard.press("Shift+Tab")
            assert focused()["text"] == tab["Table"]
            page.keyboard.press("End")
            assert focused()["text"] == tab["Download"] and focused()["selected"] == "true"
            page.keyboard.press("ArrowRight")  # wraps round
            assert focused()["text"] == tab["Chart"] and focused()["selected"] == "true"
            assert holder.locator(".vega-chart-view svg").is_visible()
            page.keyboard.press("ArrowLeft")  # wraps back
            assert focused()["text"] == tab["Download"]
            page.keyboard.press("Home")
            assert focused()["text"] == tab["Chart"]
            page.keyboard.press("ArrowLeft")
            page.keyboard.press("ArrowLeft")
            assert focused()["text"] == tab["Sources"]
            page.keyboard.press("Tab")
            page.keyboard.press("Tab")
            assert focused()["role"] is None and "/appendix/data.html" in page.evaluate("document.activeElement.href")
            # The download by keyboard: tab to the link, press Enter.
            page.keyboard.press("Shift+Tab")
            page.keyboard.press("Shift+Tab")
            page.keyboard.press("ArrowRight")
            page.keyboard.press("Tab")
            page.keyboard.press("Tab")
            assert focused()["download"], focused()
            with page.expect_download() as info:
                page.keyboard.press("Enter")
            rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_bytes().decode("utf-8"), newline="")))
            assert len(rows) == len(chart_rows(spec))
            # Leave the chart as the reader found it.
            holder.get_by_role("tab", name=tab["Chart"]).click()
        assert errors == [], errors
    finally:
        context.close()


def chart_violations(page, axe_script: str) -> list[dict]:
    """axe's WCAG A/AA violations inside the charts' cards (the rest of each page is
    test_a11y.py's), with the page's colours and landmarks around them."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=axe_script)
    return page.evaluate(
        """async (tags) => {
            const r = await axe.run({include: [['.vega-chart']]}, {runOnly: {type: 'tag', values: tags}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => ({target: n.target, summary: n.failureSummary}))}));
        }""",
        WCAG_TAGS,
    )


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_wcag_violation_with_a_view_open(browser, site_url, axe_source, chart_page, mode):
    context, page = open_in_mode(browser, site_url + chart_page, mode)
    try:
        holders = page.locator(".vega-chart")
        unfold(page)
        for view in words(chart_page)["views"][1:]:
            for i in range(holders.count()):
                holders.nth(i).get_by_role("tab", name=view).click()
            page.wait_for_function("() => !document.querySelector('.bb-view[aria-busy]')")
            violations = chart_violations(page, axe_source)
            assert violations == [], f"{chart_page} ({mode}, {view} open):\n" + json.dumps(violations, indent=1)
    finally:
        context.close()


def test_the_views_are_a_script_of_their_own():
    """Their code is not in the script every chart page loads, and that script names them."""
    charts = (VEGA_DIR / CHARTS_NAME).read_text(encoding="utf-8")
    views = (VEGA_DIR / VIEWS_NAME).read_text(encoding="utf-8")
    assert "rows behind the chart" in views and "rows behind the chart" not in charts
    assert f'"{VIEWS_NAME}?v=' in charts, "the charts script loads the views by name and checksum"


def test_views_script_loads_only_when_a_view_is_opened(browser, site_url, chart_page):
    context = browser.new_context()
    page = context.new_page()
    loads: list[str] = []
    page.on("request", lambda r: r.url.split("?")[0].endswith(VIEWS_NAME) and loads.append(r.url))
    try:
        page.goto(site_url + chart_page, wait_until="load")
        count = chromium.wait_for_charts(page)
        unfold(page)
        page.wait_for_load_state("networkidle")
        assert loads == [] and page.evaluate("window.bookChartViews === undefined"), "loaded unasked"
        holders = page.locator(".vega-chart")
        for i in range(count):
            holders.nth(i).get_by_role("tab", name=views(chart_page)["Sources"]).click()
            holders.nth(i).get_by_role("tabpanel").locator("li a").first.wait_for()
        assert len(loads) == 1, f"the views load once for every chart of the page: {loads}"
    finally:
        context.close()


def test_views_work_from_disk(browser):
    """Opened from file:// (the offline copy), the views still load: a script element."""
    page_path = chart_pages()[0]
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto((SITE / page_path).resolve().as_uri(), wait_until="load")
        chromium.wait_for_charts(page)
        unfold(page)
        holder = page.locator(".vega-chart").first
        holder.get_by_role("tab", name=views(page_path)["Table"]).click()
        spec = chromium.chart_specs(SITE, SITE / page_path)[int(holder.get_attribute("data-chart-index"))]
        holder.get_by_role("tabpanel").locator("table caption").wait_for()
        assert holder.get_by_role("tabpanel").locator("tbody tr").count() == len(chart_rows(spec))
    finally:
        context.close()


def print_block(holder):
    """What follows a chart: after its figure, if it has one."""
    after = holder.locator("xpath=ancestor-or-self::figure[1]/following-sibling::*[1]")
    return after if after.count() else holder.locator("xpath=following-sibling::*[1]")


def is_solution(holder) -> bool:
    return holder.evaluate("h => !!h.closest('.tag_hide-cell, .solution, .tag_solution')")


def check_print_blocks(page, charts, said: dict) -> None:
    """In print, each chart is followed by its table (short) or by where it is (long);
    solutions print neither, and on screen none of it shows."""
    page.emulate_media(media="print")
    for i, (holder, spec) in enumerate(charts):
        rows = chart_rows(spec)
        after = print_block(holder)
        assert "bb-chart-print" in (after.get_attribute("class") or ""), f"chart {i}: nothing after it"
        if is_solution(holder):
            assert after.is_hidden(), f"chart {i} is a solution's: solutions do not print"
            continue
        assert holder.locator(".vega-chart-view svg").is_visible(), f"chart {i} not printed"
        assert holder.get_by_role("tablist").is_hidden() and holder.locator(".bb-view").first.is_hidden()
        if rows and len(rows) <= PRINT_ROWS:
            assert after.locator("table caption").count() == 1
            assert after.locator("tbody tr").count() == len(rows)
        else:
            assert said["too_many"] in after.inner_text(), f"chart {i}: no word on where its table is"
            assert said["data_page"] in after.inner_text()
        assert after.is_visible(), f"chart {i}: its table does not print"
    page.emulate_media(media="screen")
    assert page.locator(".bb-chart-print:visible").count() == 0


def test_print_with_the_views_loaded_follows_each_chart_with_its_table(browser, site_url, chart_page):
    context, page, errors, charts = open_page(browser, site_url, chart_page)
    try:
        assert page.locator(".bb-chart-print").count() == 0, "print tables built before printing"
        said = words(chart_page)
        charts[0][0].get_by_role("tab", name=views(chart_page)["Table"]).click()  # an open view does not print
        charts[0][0].get_by_role("tabpanel").locator("table caption").wait_for()
        texts = page.evaluate("""() => { window.dispatchEvent(new Event('beforeprint'));
            return Array.from(document.querySelectorAll('.bb-chart-print'), b => b.textContent); }""")
        assert not any(said["elsewhere"] in t for t in texts), "the views were there: no stand-in line"
        check_print_blocks(page, charts, said)
        assert errors == [], errors
    finally:
        context.close()


def test_print_before_the_views_load_says_where_the_tables_are(browser, site_url, chart_page):
    """A print the browser starts cannot wait for a script: until the views are in, each
    chart is followed by a line saying where its table is, at once; the views then load
    and put the tables there for the next print."""
    context, page, errors, charts = open_page(browser, site_url, chart_page)
    try:
        said = words(chart_page)
        # Dispatched and read in one go, so the views cannot have loaded in between.
        texts = page.evaluate("""() => { window.dispatchEvent(new Event('beforeprint'));
            return Array.from(document.querySelectorAll('.bb-chart-print'), b => b.textContent); }""")
        assert len(texts) == len(charts), texts
        assert all(said["elsewhere"] in t and said["data_page"] in t for t in texts), texts
        page.emulate_media(media="print")
        for i, (holder, _) in enumerate(charts):
            after = print_block(holder)
            assert "bb-chart-print" in (after.get_attribute("class") or ""), f"chart {i}: nothing after it"
            assert after.is_visible() != is_solution(holder), f"chart {i}: the line prints with its chart"
        page.emulate_media(media="screen")
        page.wait_for_function("() => window.bookChartViews !== undefined")
        page.wait_for_function(f"""() => !Array.from(document.querySelectorAll('.bb-chart-print'))
            .some(b => b.textContent.includes({json.dumps(said["elsewhere"])}))""")
        check_print_blocks(page, charts, said)
        assert errors == [], errors
    finally:
        context.close()
