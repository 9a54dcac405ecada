"""The claims ledger page in Chromium: every claim shown, filters that work, nothing fetched."""

from __future__ import annotations

import csv

import pytest

from ..helpers import SITE

PAGE = "appendix/claims.html"


def claim_count() -> int:
    with open(SITE / "data" / "claims.csv", encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.DictReader(fh))


def open_ledger(browser, site_url, address=PAGE, ready=True):
    context = browser.new_context()
    page = context.new_page()
    outside = []

    def route(r):
        if r.request.url.startswith((site_url, "data:", "blob:", "about:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(site_url + address, wait_until="load")
    if ready:
        page.wait_for_selector("#claims-filter[data-ready=true]", state="attached")
    return context, page, outside


def visible_rows(page):
    return page.locator("#claims-table tbody tr:not([hidden])")


def test_every_claim_has_a_row_and_nothing_leaves_the_site(browser, site_url):
    context, page, outside = open_ledger(browser, site_url)
    try:
        page.wait_for_load_state("networkidle")
        n = claim_count()
        assert page.locator("#claims-table tbody tr").count() == n
        assert visible_rows(page).count() == n
        assert str(n) in page.locator("#claims-count").inner_text()
        assert outside == [], f"requests leaving the machine: {outside}"
    finally:
        context.close()


def test_free_text_leaves_only_rows_that_name_him(browser, site_url):
    context, page, _ = open_ledger(browser, site_url)
    try:
        page.get_by_label("Search the claims").fill("Alesin")
        rows = visible_rows(page)
        assert 0 < rows.count() < claim_count()
        assert all("alesin" in t.lower() for t in rows.all_inner_texts())
        assert f"Showing {rows.count()} of" in page.locator("#claims-count").inner_text()
        page.get_by_role("button", name="Show all").click()
        page.wait_for_function("document.querySelectorAll('#claims-table tbody tr[hidden]').length === 0")
    finally:
        context.close()


def test_status_filter(browser, site_url):
    context, page, _ = open_ledger(browser, site_url)
    try:
        page.get_by_label("Status").select_option("disputed")
        rows = visible_rows(page)
        with open(SITE / "data" / "claims.csv", encoding="utf-8", newline="") as fh:
            expected = sum(r["status"] == "disputed" for r in csv.DictReader(fh))
        assert rows.count() == expected > 0
        assert {r.get_attribute("data-status") for r in rows.all()} == {"disputed"}
    finally:
        context.close()


@pytest.mark.parametrize("chapter", ["mobilisation", "union-state"])
def test_chapter_link_prefilters(browser, site_url, chapter):
    chapter_page = (SITE / "chapters" / f"{chapter}.html").read_text(encoding="utf-8")
    link = f"../appendix/claims.html#ledger-{chapter}"
    assert f'href="{link}"' in chapter_page, f"{chapter}: no link to its claims"
    context, page, _ = open_ledger(browser, site_url, f"chapters/{chapter}.html", ready=False)
    try:
        page.locator(f'a[href="{link}"]').first.click()
        page.wait_for_url(f"**/{PAGE}#ledger-{chapter}")
        page.wait_for_selector("#claims-filter[data-ready=true]", state="attached")
        assert page.get_by_label("Chapter").input_value() == chapter
        rows = visible_rows(page)
        with open(SITE / "data" / "claims.csv", encoding="utf-8", newline="") as fh:
            expected = sum(chapter in r["chapters"].split() for r in csv.DictReader(fh))
        assert rows.count() == expected > 0
    finally:
        context.close()


def test_query_string_prefilters_too(browser, site_url):
    context, page, _ = open_ledger(browser, site_url, PAGE + "?chapter=dependence")
    try:
        assert page.get_by_label("Chapter").input_value() == "dependence"
        assert 0 < visible_rows(page).count() < claim_count()
    finally:
        context.close()


def test_filters_work_from_a_copy_opened_from_disk(browser):
    # An offline copy opened straight from disk (file://): the filter is a plain script.
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto((SITE / PAGE).resolve().as_uri() + "#ledger-mobilisation", wait_until="load")
        page.wait_for_selector("#claims-filter[data-ready=true]", state="attached")
        chapter_rows = visible_rows(page).count()
        assert 0 < chapter_rows < claim_count()
        page.get_by_label("Chapter").select_option("")
        page.get_by_label("Search the claims").fill("Alesin")
        rows = visible_rows(page)
        assert rows.count() > 0 and all("Alesin" in t for t in rows.all_inner_texts())
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_status_is_among_the_first_columns_a_reader_sees(browser, site_url, width):
    """The status is what the page is for: its column is one of the first two, and its header
    and first cell lie inside the table's visible area before any sideways scroll, on a
    laptop and on a phone."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + PAGE, wait_until="load")
        seen = page.evaluate("""() => {
            const th = [...document.querySelectorAll('#claims-table thead th')]
                .find(t => t.textContent.trim() === 'Status');
            const cell = document.querySelector('#claims-table tbody tr').cells[th.cellIndex];
            const frame = document.querySelector('.claims-ledger').getBoundingClientRect();
            const edges = e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; };
            return {index: th.cellIndex, header: edges(th), cell: edges(cell),
                    visible: [Math.max(frame.left, 0), Math.min(frame.right, window.innerWidth)],
                    text: cell.innerText};
        }""")
        assert seen["index"] <= 1
        left, right = seen["visible"]
        for name in ("header", "cell"):
            start, end = seen[name]
            assert left - 1 <= start and end <= right + 1, (name, seen)
        with open(SITE / "data" / "claims.csv", encoding="utf-8", newline="") as fh:
            first = next(csv.DictReader(fh))
        assert seen["text"].startswith(first["status"])
    finally:
        context.close()
