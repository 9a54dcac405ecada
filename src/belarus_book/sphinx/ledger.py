"""The claims ledger's filter script (``claims_filter.js``, from this package), on the
ledger page only: it lives outside the book's ``_static/``, whose scripts go on every page."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx

from ..web import JS_DIR
from ..web.layout import CLAIMS_SCRIPT

# The page element that needs the filters.
CLAIMS_MARK = 'id="claims-filter"'


def write_script(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    script = Path(app.outdir) / "_static" / CLAIMS_SCRIPT
    script.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(JS_DIR / "claims_filter.js", script)


def add_script(app: Sphinx, pagename: str, context: dict) -> None:
    if CLAIMS_MARK in context.get("body", ""):
        app.add_js_file(CLAIMS_SCRIPT, defer="defer")
