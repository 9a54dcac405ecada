"""The site's chart scripts, written once per build into ``_static/_vega/``.

- ``charts.js``, on every page that draws a chart, added once the page has loaded: the tab
  bar under each chart (``chart_tabs.js``) and what draws a live chart when a reader reaches
  for it (``chart_loader.js``), with the one way both fetch a script (``load_script.js``), in
  one function scope so their names cannot clash with the theme's scripts. Until then each
  chart is the drawing the build put in the page.
- ``vega-charts.js``: Vega and vega-tooltip from the pinned vl-convert, which ``charts.js``
  loads only when a reader first reaches for a chart (issue 29: on a phone it was most of a
  page's bytes and its longest task), in a function scope of its own.
- ``chart-views.js``: the views under a chart (``chart_views.js``: its table, sources and
  download), which the tab bar loads only when a reader first opens one, or before the
  page prints; a reader who never opens a view never loads it.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path, PurePosixPath

import vl_convert

from . import JS_DIR, chart_html
from .layout import BUNDLE_PATH, CHARTS_SCRIPT

BUNDLE_NAME = PurePosixPath(BUNDLE_PATH).name
CHARTS_NAME = PurePosixPath(CHARTS_SCRIPT).name
VIEWS_NAME = "chart-views.js"
# The vega-tooltip that vl-convert carries (the one its vega-embed uses).
VEGA_TOOLTIP = "1.0.0"


class ScriptError(ValueError):
    """One of the package's chart scripts does not name what the build relies on."""


def _script(name: str) -> str:
    """One of this package's scripts, without indentation and comment lines: a little
    less to load."""
    text = (JS_DIR / name).read_text(encoding="utf-8")
    return re.sub(r"^\s*(//[^\n]*)?\n", "", re.sub(r"^[ \t]+", "", text, flags=re.M), flags=re.M)


def _libraries(cache_dir: Path) -> str:
    """Vega and vega-tooltip, bundled once per vl-convert version (it takes seconds), as
    ``window.bookVega``: the charts' specs are Vega already (see
    :func:`belarus_book.web.chart_html.vega_spec`), so neither Vega-Lite nor vega-embed is
    needed, about a third of the bytes."""
    # vl-convert's own snippet imports name Vega by its default export, which it lacks;
    # these imports resolve to the copies vl-convert carries, so nothing is downloaded.
    cdn = "https://cdn.jsdelivr.net/npm"
    snippet = (f'import {{parse, View}} from "{cdn}/vega@{vl_convert.get_vega_version()}/+esm";\n'
               f'import {{Handler}} from "{cdn}/vega-tooltip@{VEGA_TOOLTIP}/+esm";\n'
               "window.bookVega = {parse: parse, View: View, Tooltip: Handler};\n")
    key = hashlib.sha256(snippet.encode()).hexdigest()[:8]
    path = cache_dir / f".vega-libraries-{vl_convert.__version__}-{key}.js"
    if not path.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(vl_convert.javascript_bundle(snippet=snippet), encoding="utf-8")
    return path.read_text(encoding="utf-8")


def _with_checksum(script: str, name: str, content: str, where: str) -> str:
    """``script`` loading ``name`` by its name and the checksum of its ``content``, as Sphinx
    does for the scripts it links: a browser never pairs one script with an older copy of
    another."""
    if f'"{name}"' not in script:
        raise ScriptError(f"{where} does not name {name!r}")
    key = hashlib.sha256(content.encode()).hexdigest()[:8]
    return script.replace(f'"{name}"', f'"{name}?v={key}"')


def write_scripts(cache_dir: Path, folder: Path) -> str:
    """Write the three scripts into ``folder`` (the site's ``_static/_vega/``); return the
    checksum of ``charts.js``, for its URL."""
    views = _script("chart_views.js")
    tabs, loader = _script("chart_tabs.js"), _script("chart_loader.js")
    if f'".{chart_html.PLACEHOLDER_CLASS}"' not in loader:
        raise ScriptError(f"chart_loader.js does not look for the placeholder class {chart_html.PLACEHOLDER_CLASS!r}")
    vega = "(function () {\n" + _libraries(cache_dir) + "\n})();\n"
    tabs = _with_checksum(tabs, VIEWS_NAME, views, "chart_tabs.js")
    loader = _with_checksum(loader, BUNDLE_NAME, vega, "chart_loader.js")
    charts = "(function () {\n" + _script("load_script.js") + tabs + loader + "})();\n"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / VIEWS_NAME).write_text(views, encoding="utf-8")
    (folder / BUNDLE_NAME).write_text(vega, encoding="utf-8")
    (folder / CHARTS_NAME).write_text(charts, encoding="utf-8")
    return hashlib.sha256(charts.encode()).hexdigest()[:8]


def fetch_after_load(script_url: str) -> str:
    """A page's inline script that adds ``charts.js`` once the page has loaded and its main
    content has painted: nothing a reader needs to read the page waits for it, and the
    drawings the build made stand in for the charts until then. "Painted" is the browser's
    first largest-contentful-paint report, where it has one (elsewhere the load event alone).
    A script element, so it also loads from ``file://``."""
    return ("(function () { var loaded = false, painted = false, added = false; "
            "function add() { if (added || !loaded || !painted) { return; } added = true; "
            "var s = document.createElement(\"script\"); "
            f"s.src = {json.dumps(script_url)}; document.head.appendChild(s); }} "
            "var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || []; "
            "if (types.indexOf(\"largest-contentful-paint\") < 0) { painted = true; } else { "
            "new PerformanceObserver(function (list, observer) { observer.disconnect(); painted = true; add(); })"
            ".observe({ type: \"largest-contentful-paint\", buffered: true }); } "
            "if (document.readyState === \"complete\") { loaded = true; add(); } "
            "else { window.addEventListener(\"load\", function () { loaded = true; add(); }); } })();")
