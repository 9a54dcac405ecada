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
