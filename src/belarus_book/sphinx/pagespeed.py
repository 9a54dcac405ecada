"""No script holds up a page's first paint (issues 18 and 29).

Sphinx and the extensions (doctools, copybutton, togglebutton, sphinx-design, the book
theme's own script) put their scripts in the page head without ``defer``: on a phone each is
a round trip during which nothing is drawn. None of them needs to run before the page is
parsed (they wait for DOMContentLoaded or act on clicks), so they are deferred; deferred
scripts keep their order. Inline scripts stay as they are: they only set variables the
deferred scripts read when they run. The search page is left alone: the theme adds Sphinx's
search code to it as plain scripts that need doctools.js to have run already.

pydata-sphinx-theme's Bootstrap and its own script were the longest tasks of every page and
run only menus, dialogs, search, the colour switch and tooltips: the layout template no
longer adds them (``_templates/layout.html``, block ``scripts_end``) and ``theme_loader.js``
loads them when a reader first reaches for one of those (see its comments).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx

from ..web.layout import THEME_LOADER
from . import static_files

# In the order they must run: the theme's script uses Bootstrap's.
THEME_SCRIPTS = ("scripts/bootstrap.js", "scripts/pydata-sphinx-theme.js")


def write_theme_loader(app: Sphinx) -> None:
    static_files.copy_script(app, "theme_loader.js", THEME_LOADER)


def _checksum(app: Sphinx, name: str) -> str:
    # Read once per build: the theme's files are copied before the first page is written.
    sums = app.__dict__.setdefault("bb_theme_sums", {})
    if name not in sums:
        data = (Path(app.outdir) / "_static" / name).read_bytes()
        sums[name] = hashlib.sha256(data).hexdigest()[:8]
    return sums[name]


def load_theme_scripts_on_use(app: Sphinx, pagename: str, context: dict) -> None:
    """The loader, naming the theme's scripts by URL with their checksum (so no browser
    pairs a page with an older copy)."""
    if "script_files" not in context:
        return
    urls = [context["pathto"](f"_static/{name}", 1) + f"?v={_checksum(app, name)}"
            for name in THEME_SCRIPTS]
    app.add_js_file(THEME_LOADER, defer="defer", **{"data-theme-scripts": " ".join(urls)})


def defer_scripts(app: Sphinx, pagename: str, context: dict) -> None:
    scripts = context.get("script_files")
    if not scripts or pagename == "search":
        return
    context["script_files"] = [
        type(js)(js.filename, priority=js.priority, **{**js.attributes, "defer": "defer"})
        if getattr(js, "filename", None) and not {"async", "defer", "body"} & set(js.attributes)
        else js
        for js in scripts]
