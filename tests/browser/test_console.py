"""No page of the site logs a console error or warning in Chromium (issue 18: the theme's
"Got invalid theme mode" error cost every page Lighthouse's best-practices 100)."""

from __future__ import annotations

import pytest

from belarus_book.commands import chromium

from ..helpers import site_pages


def test_site_has_pages_to_check():
    pages = site_pages("search.html", "genindex.html")
    assert "index.html" in pages and "search.html" in pages


# Every page the site has, Sphinx's search and index pages included.
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_logs_no_error_or_warning(browser, site_url, site_page, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    logged = []
    page.on("console", lambda m: m.type in ("error", "warning") and logged.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: logged.append(f"uncaught: {e}"))
    try:
        page.goto(site_url + site_page, wait_until="load")
        chromium.wait_for_charts(page)
        page.wait_for_load_state("networkidle")
        assert logged == [], f"{site_page} ({scheme}) logs: {logged}"
    finally:
        context.close()


def test_a_first_visit_starts_in_a_valid_colour_mode(browser, site_url):
    """The cause of the old error: before the theme's script ran, the page's first script
    stored the mode "" (now "auto", see _templates/layout.html). Without the theme's script
    the page shows what that first script alone set, before the first paint."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.route("**/pydata-sphinx-theme.js*", lambda route: route.abort())
    try:
        page.goto(site_url + "index.html", wait_until="load")
        started = page.evaluate("() => ({...document.documentElement.dataset})")
        assert (started["mode"], started["theme"]) == ("auto", "dark")
    finally:
        context.close()
