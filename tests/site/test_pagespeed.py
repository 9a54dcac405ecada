"""What a phone waits for before it draws a page (issue 18): no script file in the head
without defer, no Font Awesome kit, no search index outside the search page, and no
stylesheet that only @imports another."""

from __future__ import annotations

import re

from ..helpers import SITE

_SCRIPT = re.compile(r"<script\b([^>]*)>")


def head(page: str) -> str:
    html = (SITE / page).read_text(encoding="utf-8")
    return html[:html.index("</head>")]


def test_head_holds_no_blocking_script_kit_or_search_index(book_page):
    tags = _SCRIPT.findall(head(book_page))
    blocking = [t for t in tags if "src=" in t and not re.search(r"\b(defer|async)\b", t)]
    assert blocking == [], f"{book_page}: scripts that stop the first paint: {blocking}"
    for absent in ("fontawesome", "searchindex.js", "searchtools.js", "styles/theme.css"):
        assert absent not in head(book_page), f"{book_page} loads {absent}"


def test_search_page_keeps_its_search_code():
    html = (SITE / "search.html").read_text(encoding="utf-8")
    assert "searchindex.js" in html and "searchtools.js" in html
    # searchtools.js runs as soon as it is read and needs doctools.js before it.
    assert '<script src="_static/doctools.js' in html


_SOURCE = re.compile(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"')
THEME_SCRIPTS = ("scripts/bootstrap.js", "scripts/pydata-sphinx-theme.js")


def test_the_theme_scripts_wait_for_first_use(book_page):
    """Issue 29: no page fetches or preloads Bootstrap or the theme's script; its loader
    names them, for when a reader first uses a menu, search or the colour switch."""
    html = (SITE / book_page).read_text(encoding="utf-8")
    loaded = [u for u in _SOURCE.findall(html) if u.split("?")[0].endswith(THEME_SCRIPTS)]
    assert loaded == [], f"{book_page} loads the theme's scripts with the page: {loaded}"
    named = re.search(r'<script data-theme-scripts="([^"]+)"[^>]*src="[^"]*theme-loader\.js', html)
    assert named, f"{book_page} has no loader for the theme's scripts"
    names = [u.split("?")[0].rsplit("_static/", 1)[1] for u in named.group(1).split()]
    assert names == list(THEME_SCRIPTS)
