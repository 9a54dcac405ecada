"""The slim stylesheets change nothing a reader sees (belarus_book.sphinx.unused_css): on pages
of both editions, on a phone in dark mode and on a computer in light mode, as loaded and with
the menu, the search, a dropdown or a chart's table open, every element (and every
``::before``/``::after`` that shows something) has the same computed style with the slim
copies the pages link as with the theme's full stylesheets in their place."""

from __future__ import annotations

import pytest

from belarus_book.web.layout import SLIM_CSS_SUFFIX

from ..helpers import SITE

VIEWPORTS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True,
              "color_scheme": "dark"},
    "computer": {"viewport": {"width": 1300, "height": 900}, "color_scheme": "light"},
}
# (page, viewport, states after the page as loaded)
CASES = [
    ("index.html", "phone", ["menu", "search"]),
    ("chapters/dependence.html", "phone", ["menu", "search", "table"]),
    ("chapters/dependence.html", "computer", ["dropdown", "search", "table"]),
    ("appendix/claims.html", "computer", []),
    ("search.html?q=Lukashenko", "computer", []),
    ("de/chapters/mobilisation.html", "phone", ["menu", "table"]),
]

# Per element, in document order: its tag and every computed property, then those of its
# ::before and ::after where they show something (the theme's icons, list markers). Custom
# properties (--bs-..., --pst-...) are left out: a rule left out may have set one that nothing
# reads, and one that something reads shows in the properties that read it.
SNAPSHOT = """() => {
  const described = (style) => Array.from(style).filter(name => !name.startsWith("--")).sort()
    .map(name => name + ":" + style.getPropertyValue(name)).join(";");
  return Array.from(document.querySelectorAll("html, body, body *"), el => {
    let text = el.tagName + "|" + described(getComputedStyle(el));
    for (const pseudo of ["::before", "::after"]) {
      const style = getComputedStyle(el, pseudo);
      if (style.content !== "none" && style.content !== "normal") { text += "|" + pseudo + described(style); }
    }
    return text;
  });
}"""


def full_stylesheets(route):
    """The theme's full stylesheet in place of its slim copy."""
    path = route.request.url.split("?")[0]
    name = path.split("/_static/", 1)[1].removesuffix(SLIM_CSS_SUFFIX) + ".css"
    edition = "de/" if "/de/_static/" in path else ""
    route.fulfill(path=SITE / edition / "_static" / name, content_type="text/css")


def open_state(page, state: str) -> None:
    if state == "menu":
        page.locator(".primary-toggle:visible").first.tap()
        page.locator("#pst-primary-sidebar-modal nav a").first.wait_for(state="visible")
    elif state == "search":
        page.keyboard.press("Escape")
        page.keyboard.press("Control+k")
        page.wait_for_function("document.getElementById('pst-search-dialog').open")
    elif state == "dropdown":
        page.locator("button.dropdown-toggle:visible").first.click()
        page.locator(".dropdown-menu.show").first.wait_for(state="visible")
    elif state == "table":
        page.keyboard.press("Escape")
        page.locator(".vega-chart [role=tab]:visible").nth(1).click()
        page.locator(".bb-view:not([hidden]) table").first.wait_for(state="visible")
    page.wait_for_timeout(300)


def snapshots(browser, site_url: str, path: str, viewport: str, states: list[str], full: bool) -> dict:
    context = browser.new_context(reduced_motion="reduce", **VIEWPORTS[viewport])
    page = context.new_page()
    if full:
        page.route(f"**/*{SLIM_CSS_SUFFIX}*", full_stylesheets)
    try:
        page.goto(site_url + path, wait_until="networkidle")
        if page.locator(".vega-chart").count():
            page.wait_for_function("() => window.bookDrawAllCharts !== undefined")
        if path.startswith("search.html"):
            page.locator("#search-results li").first.wait_for()
        taken = {"as loaded": page.evaluate(SNAPSHOT)}
        for state in states:
            open_state(page, state)
            taken[state] = page.evaluate(SNAPSHOT)
        return taken
    finally:
        context.close()


def changes(full: str, slim: str) -> dict[str, tuple]:
    """The properties of one element that differ between two snapshots of it."""
    def properties(text: str) -> dict[str, str]:
        return dict(p.split(":", 1) for p in text.split("|", 1)[1].split(";") if ":" in p)

    before, after = properties(full), properties(slim)
    return {n: (before.get(n), after.get(n)) for n in before.keys() | after.keys()
            if before.get(n) != after.get(n)}


@pytest.mark.parametrize(("path", "viewport", "states"), CASES, ids=[f"{p}-{v}" for p, v, _ in CASES])
def test_the_slim_stylesheets_style_every_element_as_the_full_ones(browser, site_url, path, viewport, states):
    slim = snapshots(browser, site_url, path, viewport, states, full=False)
    full = snapshots(browser, site_url, path, viewport, states, full=True)
    for state, elements in full.items():
        assert len(slim[state]) == len(elements), f"{path} ({state}): the pages differ"
        differ = [k for k, (a, b) in enumerate(zip(elements, slim[state], strict=True)) if a != b]
        if differ:
            k = differ[0]
            pytest.fail(f"{path} on a {viewport} ({state}): {len(differ)} elements styled otherwise "
                        f"by the slim stylesheets; the first, element {k} "
                        f"({elements[k].split('|', 1)[0]}): {changes(elements[k], slim[state][k])}")


def test_the_full_stylesheets_are_there_to_compare():
    slim = sorted(SITE.glob(f"_static/**/*{SLIM_CSS_SUFFIX}"))
    assert len(slim) >= 5
    for path in slim:
        assert path.with_name(path.name.removesuffix(SLIM_CSS_SUFFIX) + ".css").is_file(), path
