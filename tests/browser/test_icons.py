"""The theme's icons without Font Awesome (belarus_book.sphinx.icons, issue 18): every icon a page
shows is drawn, in light and dark mode, and neither the kit nor its webfont is fetched."""

from __future__ import annotations

import pytest

from belarus_book.commands import chromium

# Every icon visible on a chapter, with what it is drawn from (light or dark mode alike).
SHOWN = """() => [['[class*="fa-"]', '::before'], ['.admonition-title', '::after'],
                   ['a.reference.download', '::before']]
  .flatMap(([selector, pseudo]) => [...document.querySelectorAll(selector)]
    .filter(el => el.getClientRects().length && getComputedStyle(el).visibility === 'visible')
    .map(el => [el, pseudo, getComputedStyle(el, pseudo)]))
  .filter(([el, pseudo, style]) => style.content !== 'none' && style.content !== 'normal')
  .map(([el, pseudo, style]) => ({
    classes: [...el.classList], pseudo, content: style.content, mask: style.maskImage,
    colour: style.backgroundColor,
    width: parseFloat(style.width), height: parseFloat(style.height)}))"""

HEADER_ICONS = {"fa-bars", "fa-download", "fa-expand", "fa-magnifying-glass", "fa-list"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_every_icon_shown_is_drawn_without_font_awesome(browser, site_url, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    try:
        page.goto(site_url + "chapters/dependence.html", wait_until="load")
        chromium.wait_for_charts(page)
        page.wait_for_load_state("networkidle")
        shown = page.evaluate(SHOWN)
        classes = {c for icon in shown for c in icon["classes"] if c.startswith("fa-")}
        assert HEADER_ICONS | {"fa-circle-half-stroke"} <= classes, classes
        for icon in shown:
            assert icon["content"] == '""' and icon["mask"].startswith('url("data:image/svg+xml'), icon
            assert icon["width"] > 5 and icon["height"] > 5, icon
            assert icon["colour"] not in ("rgba(0, 0, 0, 0)", "transparent"), icon
        assert not [u for u in fetched if "fontawesome" in u], fetched
    finally:
        context.close()


def test_search_index_loads_on_the_search_page_only(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    fetched = []
    page.on("request", lambda r: fetched.append(r.url.split("?")[0]))
    try:
        page.goto(site_url + "chapters/dependence.html", wait_until="load")
        page.wait_for_load_state("networkidle")
        assert not [u for u in fetched if u.endswith(("searchindex.js", "searchtools.js"))]
        # The search dialog sends the reader to search.html, which finds the pages.
        page.keyboard.press("Control+k")
        page.keyboard.type("Lukashenko")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search.html?q=Lukashenko*")
        page.locator("#search-results li").first.wait_for()
        assert any(u.endswith("searchindex.js") for u in fetched)
    finally:
        context.close()
