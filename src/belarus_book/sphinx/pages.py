"""Every page's HTML rewritten in one place, in one explicit order.

Sphinx calls each ``html-page-context`` handler in the order the extensions were loaded, so
with one handler per job the order of the rewrites would hang on the extension list in
``_config.yml``. Instead this module's one handler runs :data:`REWRITERS` in turn; each takes
``(app, pagename, context)`` and changes ``context["body"]``, ``context["metatags"]`` or the
page's scripts and stylesheets in place. To add a job, add its function to the list at the
place its comment below says it needs.
"""

from __future__ import annotations

from collections.abc import Callable

from sphinx.application import Sphinx

from . import a11y, chart_files, downloads, editions, highlight, icons, ledger, pagespeed, social, thebe

Rewriter = Callable[[Sphinx, str, dict], None]

REWRITERS: list[Rewriter] = [
    # At the first page, before any is written: the icon stylesheet, so every page's link to
    # it carries this build's checksum (the static files are copied by then).
    icons.write_stylesheet,
    # First: the chart specs (most of a chart page's bytes) leave the body, so the rewriters
    # after this one scan far less text and never touch a spec's strings.
    chart_files.move_specs,
    # Through Sphinx's script list, as the chart scripts are, before thebe's step below
    # replaces that list with a copy.
    pagespeed.load_theme_scripts_on_use,
    # Before the page's description is taken from its body (social_tags skips the box).
    downloads.add_box,
    # Above the download box, at the very top of the page; its head gets hreflang links.
    editions.link_editions,
    ledger.add_script,
    ledger.fill_chapters,
    thebe.drop_idle_thebe,
    # Markup fixes, then highlighting: both work on what the writers and the steps above left.
    a11y.fix_page,
    highlight.slim_page,
    # It reads the finished body for the page's description.
    social.social_tags,
    # After every step that reads or rewrites the page's text: the drawings' SVG is neither.
    chart_files.draw_static_charts,
    # Last: it defers every script file the page loads, those the steps above added included.
    pagespeed.defer_scripts,
]


def rewrite_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    for rewrite in REWRITERS:
        rewrite(app, pagename, context)
