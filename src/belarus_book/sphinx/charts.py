"""The charts' scripts: one Vega bundle for the site, and each chart page's specs file.

The bundle is made from the pinned vl-convert, with this package's views and loader
(``chart_views.js``, ``chart_loader.js``) appended, all scoped in a function so nothing
clashes with the theme's scripts. It goes only on pages that draw a chart. Each such page's
specs move out of its HTML into a script file of its own (``_static/_charts/<page>.js``, see
:mod:`belarus_book.chart_html`).
"""

from __future__ import annotations

import csv
import hashlib
import re
import shutil
from pathlib import Path

import vl_convert
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from .. import chart_html
from ..data import find_data_dir
from ..layout import BUNDLE_PATH, CHART_SPECS_DIR
from .data_check import PACKAGE_DIR


def _script(name: str) -> str:
    """One of this package's scripts that run in the bundle's scope (``chart_*.js``)."""
    text = (PACKAGE_DIR / name).read_text(encoding="utf-8")
    if name == "chart_loader.js" and f'".{chart_html.PLACEHOLDER_CLASS}"' not in text:
        raise ExtensionError(f"{name} does not look for the placeholder class {chart_html.PLACEHOLDER_CLASS!r}")
    return re.sub(r"^\s*(//[^\n]*)?\n", "", re.sub(r"^[ \t]+", "", text, flags=re.M), flags=re.M)


def bundle(cache_dir: Path) -> Path:
    """The site's Vega bundle, made once per vl-convert version and loader text."""
    # The views (first: the loader uses them) and the loader, without indentation and
    # comment lines: a little less to load.
    ours = "".join(_script(name) for name in ("chart_views.js", "chart_loader.js"))
    text_key = hashlib.sha256(ours.encode()).hexdigest()[:8]
    path = cache_dir / f".vega-bundle-{vl_convert.__version__}-{text_key}.js"
    if not path.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        # The bundle declares top-level names (for example `_`) that would collide with
        # Sphinx's own scripts; the function scope keeps them local. It still sets
        # window.vegaEmbed, which the loader uses.
        path.write_text(
            "(function () {\n" + vl_convert.javascript_bundle() + "\n" + ours + "})();\n",
            encoding="utf-8",
        )
    return path


def write_bundle(app: Sphinx) -> None:
    # Before any page is written, so every page's script URL carries the bundle's checksum.
    if app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / BUNDLE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundle(Path(app.srcdir) / "_build"), target)


def _source_names(app: Sphinx, ids: list[str]) -> dict[str, str]:
    """How the book names each of these sources (``cite_as`` in data/sources.csv)."""
    if not hasattr(app, "bb_source_names"):
        path = find_data_dir(Path(app.srcdir)) / "sources.csv"
        with open(path, encoding="utf-8", newline="") as handle:
            app.bb_source_names = {row["source_id"]: row["cite_as"] for row in csv.DictReader(handle)}
    return {i: app.bb_source_names[i] for i in ids if i in app.bb_source_names}


def move_specs(app: Sphinx, pagename: str, context: dict) -> None:
    """On a page with charts: its specs into its own script, and that script and the bundle
    into the page's script list."""
    body = context.get("body", "")
    if f'class="{chart_html.PLACEHOLDER_CLASS}"' not in body:
        return
    context["body"], specs = chart_html.split_specs(body)
    # Written before the page is, so Sphinx can stamp the script's URL with its checksum
    # (?v=...) and a browser never pairs a page with an older file of specs.
    specs_file = f"{CHART_SPECS_DIR}/{pagename}.js"
    target = Path(app.outdir) / "_static" / specs_file
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(chart_html.specs_script(specs, _source_names(app, chart_html.source_ids(specs))),
                      encoding="utf-8")
    # Sphinx resets the script list after each page, so these go to this page only; deferred
    # scripts run in order, so the specs are there before the bundle draws.
    app.add_js_file(specs_file, defer="defer")
    app.add_js_file(BUNDLE_PATH, defer="defer")
