"""The theme's stylesheets without the rules no page uses: what a rule needs to stay, and how
the pages link the slim copies. (Whether a page still looks the same: the browser test
tests/browser/test_unused_css.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.errors import ExtensionError

from belarus_book.sphinx.unused_css import slim, slim_name

WORDS = {"used", "also-used", "show", "main"}


def test_a_rule_stays_only_where_every_class_and_id_it_names_is_used():
    css = (".used{a:1}.unused{a:2}.used.unused{a:3}.used .also-used{a:4}"
           "#main{a:5}#gone{a:6}div>p{a:7}[data-theme=dark]{a:8}.used::before{a:9}")
    assert slim(css, WORDS) == (".used{a:1}\n.used .also-used{a:4}\n#main{a:5}\ndiv>p{a:7}\n"
                                "[data-theme=dark]{a:8}\n.used::before{a:9}\n")


def test_a_selector_list_keeps_the_selectors_that_can_match():
    assert slim(".unused,.used:hover,p,.gone a{a:1}", WORDS) == ".used:hover,p{a:1}\n"


def test_names_inside_functions_and_attributes_do_not_decide():
    # :not(.unused) matches wherever .used does; an attribute selector names no class.
    css = '.used:not(.unused){a:1}:is(.x,.y) p{a:2}[class*=unused]{a:3}a[href="#gone"]{a:4}'
    assert slim(css, WORDS) == css.replace("}", "}\n")


def test_grouping_rules_are_slimmed_inside_and_dropped_when_empty():
    css = ("@media (min-width:1px){.used{a:1}.unused{a:2}}@media print{.unused{a:3}}"
           "@supports (display:grid){.gone{a:4}}")
    assert slim(css, WORDS) == "@media (min-width:1px){.used{a:1}}\n"


def test_fonts_keyframes_and_imports_stay_whole():
    css = ('@import "../basic.css";@font-face{font-family:x;src:url(x.woff)}'
           "@keyframes spin{from{a:0}to{a:1}}")
    out = slim(css, WORDS)
    assert '@import "../basic.css";' in out and "@font-face{font-family:x;src:url(x.woff)}" in out
    assert "@keyframes spin{from{a:0}to{a:1}}" in out


def test_comments_go():
    assert slim("/* a licence */.used{a:1}/*# sourceMappingURL=x.map */", WORDS) == ".used{a:1}\n"


def test_css_it_cannot_read_stops_the_build_with_the_file_and_line():
    with pytest.raises(ExtensionError, match=r"_static/x\.css, line 2: cannot read this CSS"):
        slim(".used{a:1}\n@media screen{.used{a:1}}}", WORDS, "_static/x.css")


def test_slim_names():
    assert slim_name("styles/pydata-sphinx-theme.css") == "styles/pydata-sphinx-theme.slim.css"


STYLESHEET_LINK = re.compile(r'<link[^>]*href="([^"]+\.css)\?v=([0-9a-f]+)"[^>]*rel="stylesheet"'
                             r'|<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)(?:\?v=([0-9a-f]+))?"')


def linked_stylesheets(page: Path) -> dict[str, str | None]:
    links = {}
    for match in STYLESHEET_LINK.finditer(page.read_text(encoding="utf-8")):
        href, key = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        links[href] = key
    return links


@pytest.mark.usefixtures("book_build")
@pytest.mark.sphinx("html", testroot="book", srcdir="slim-css")
def test_pages_link_the_slim_copies_by_their_checksum(app):
    import hashlib

    app.build()
    static = Path(app.outdir) / "_static"
    links = linked_stylesheets(Path(app.outdir) / "index.html")
    theme = "_static/styles/pydata-sphinx-theme.slim.css"
    assert theme in links, links
    slim_theme = (static / "styles" / "pydata-sphinx-theme.slim.css").read_text(encoding="utf-8")
    assert links[theme] == hashlib.sha256(slim_theme.encode()).hexdigest()[:8]
    full = (static / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    # The full copy stays, unlinked; the slim one is much smaller and holds what pages use.
    assert "_static/styles/pydata-sphinx-theme.css" not in links
    assert len(slim_theme) < len(full) / 2
    assert ".bd-article" in slim_theme and ".progress-bar" not in slim_theme
    # The book's own stylesheets (and the icons it writes) are linked as they are.
    assert "_static/book.css" in links or "_static/icons.css" in links
    assert not [href for href in links if href.endswith(("book.slim.css", "icons.slim.css"))]
    # Every other stylesheet a page links from _static is a slim copy.
    assert all(href.endswith(".slim.css") for href in links
               if Path(href).name not in {"icons.css", "book.css"}), links
    # A second build slims the theme's own files again, not the last build's copies.
    app.build()
    assert (static / "styles" / "pydata-sphinx-theme.slim.css").read_text(encoding="utf-8") == slim_theme
    assert linked_stylesheets(Path(app.outdir) / "index.html") == links
