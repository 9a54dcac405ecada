"""The theme's scripts off a phone's critical path (issue 29): a chapter on a 390 px phone
loads neither Bootstrap nor pydata-sphinx-theme's script until a reader uses a control they
run, is in dark mode from its first paint without them, and its menu, contents, colour switch
and search work from the first tap, with nothing in the console."""

from __future__ import annotations

import pytest

from ..helpers import chapter_pages

PHONE = {"width": 390, "height": 844}
THEME_SCRIPTS = ("scripts/bootstrap.js", "scripts/pydata-sphinx-theme.js")


def test_there_are_chapters():
    assert chapter_pages()


@pytest.fixture
def phone(browser, site_url):
    """A chapter on a phone, opened and quiet: (page, requested URLs, console errors)."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True,
                                  color_scheme="dark")
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + chapter_pages()[0], wait_until="load")
    page.wait_for_load_state("networkidle")
    yield page, requests, errors
    context.close()


def theme_scripts_loaded(requests: list[str]) -> list[str]:
    return [u for u in requests if u.split("?")[0].endswith(THEME_SCRIPTS)]


def test_a_phone_page_loads_without_the_theme_scripts_in_dark_mode(phone):
    page, requests, errors = phone
    assert theme_scripts_loaded(requests) == [], "the theme's scripts loaded with the page"
    assert page.evaluate("typeof window.bootstrap") == "undefined"
    # The mode comes from the page's first inline script alone, before the first paint.
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    background = page.evaluate(
        "getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)")
    assert sum(background) / 3 < 80, background
    assert errors == []


def test_the_menu_and_contents_open_from_the_first_tap(phone):
    page, requests, errors = phone
    page.locator(".primary-toggle:visible").tap()
    menu = page.locator("#pst-primary-sidebar-modal")
    menu.locator("nav a").first.wait_for(state="visible", timeout=10_000)
    assert page.evaluate("document.getElementById('pst-primary-sidebar-modal').open")
    assert menu.locator("nav a:visible").count() > 3, "the menu opened without the book's pages"
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('pst-primary-sidebar-modal').open")
    assert theme_scripts_loaded(requests) != []

    page.locator(".secondary-toggle:visible").tap()
    contents = page.locator("#pst-secondary-sidebar-modal")
    link = contents.locator("#pst-page-toc-nav a").nth(1)
    link.wait_for(state="visible", timeout=10_000)
    target = link.get_attribute("href")
    link.click()
    page.wait_for_function(f"location.hash === {target!r}", timeout=10_000)
    assert errors == []


def test_the_colour_switch_works_from_the_first_tap(phone):
    page, requests, errors = phone
    assert page.evaluate("document.documentElement.dataset.mode") == "auto"
    page.locator(".theme-switch-button:visible").tap()
    # From "auto" in a dark system the theme's cycle goes to light, and stores it.
    page.wait_for_function("document.documentElement.dataset.mode === 'light'", timeout=10_000)
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    assert page.evaluate("localStorage.getItem('mode')") == "light"
    background = page.evaluate(
        "getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)")
    assert sum(background) / 3 > 200, background
    assert errors == []


def test_search_opens_from_its_button_and_from_its_key(phone):
    page, requests, errors = phone
    page.keyboard.press("Control+k")
    page.wait_for_function("document.getElementById('pst-search-dialog').open", timeout=10_000)
    page.keyboard.type("Lukashenko")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=Lukashenko*")
    assert errors == []


def test_the_search_button_opens_search(phone):
    page, requests, errors = phone
    page.locator(".search-button__button:visible").first.tap()
    page.wait_for_function("document.getElementById('pst-search-dialog').open", timeout=10_000)
    assert page.evaluate("document.activeElement.matches('#pst-search-dialog input')")
    assert errors == []


def test_a_wide_screen_loads_them_at_idle(browser, site_url):
    """Where the in-page contents is always in view, the theme keeps it in step with the
    reading position: its scripts come without any interaction."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + chapter_pages()[0], wait_until="load")
        page.wait_for_function("typeof window.bootstrap === 'object'", timeout=10_000)
    finally:
        context.close()
