"""The book's code colours in the browser (the site's pygments.css: tests/site/test_highlight.py)."""

from __future__ import annotations

import pytest

from ..helpers import pygments_looks


def rgb(hex_colour: str) -> str:
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return "rgb({}, {}, {})".format(*(int(value[i:i + 2], 16) for i in (0, 2, 4)))


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_plain_code_text_has_the_code_style_text_colour(browser, site_url, mode):
    # Unwrapped tokens take the colour of their <pre>: it must be the style's own text
    # colour, which the dropped spans used to set, not the theme's body text colour.
    base, _ = pygments_looks()
    context = browser.new_context()
    page = context.new_page()
    try:
        page.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
        page.goto(site_url + "chapters/dependence.html", wait_until="load")
        colour = page.evaluate("() => getComputedStyle(document.querySelector('div.highlight > pre')).color")
        assert colour == rgb(base[mode])
    finally:
        context.close()
