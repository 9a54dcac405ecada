"""The site's chart scripts, written once per build into ``_static/_vega/``.

- ``vega-charts.js``, on every page that draws a chart: Vega and vega-tooltip from the
  pinned vl-convert, the tab bar under each chart (``chart_tabs.js``) and the loader that draws
  the charts (``chart_loader.js``), in one function scope so the libraries' top-level
  names cannot clash with the theme's scripts.
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
from .layout import BUNDLE_PATH

BUNDLE_NAME = PurePosixPath(BUNDLE_PATH).name
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


def write_scripts(cache_dir: Path, folder: Path) -> str:
    """Write both scripts into ``folder`` (the site's ``_static/_vega/``); return the
    bundle's checksum, for its URL."""
    views = _script("chart_views.js")
    tabs, loader = _script("chart_tabs.js"), _script("chart_loader.js")
    if f'".{chart_html.PLACEHOLDER_CLASS}"' not in loader:
        raise ScriptError(f"chart_loader.js does not look for the placeholder class {chart_html.PLACEHOLDER_CLASS!r}")
    if f'"{VIEWS_NAME}"' not in tabs:
        raise ScriptError(f"chart_tabs.js does not name {VIEWS_NAME!r}")
    # The views' checksum in the name the tab bar loads them by, as Sphinx does for the
    # scripts it links: a browser never pairs a bundle with an older copy of the views.
    key = hashlib.sha256(views.encode()).hexdigest()[:8]
    tabs = tabs.replace(f'"{VIEWS_NAME}"', f'"{VIEWS_NAME}?v={key}"')
    bundle = "(function () {\n" + _libraries(cache_dir) + "\n" + tabs + loader + "})();\n"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / VIEWS_NAME).write_text(views, encoding="utf-8")
    (folder / BUNDLE_NAME).write_text(bundle, encoding="utf-8")
    return hashlib.sha256(bundle.encode()).hexdigest()[:8]


def fetch_after_load(bundle_url: str) -> str:
    """A page's inline script that adds the bundle once the page has loaded and its main
    content has painted. Fetched with the page (even deferred), its 200 KB would compete with
    the page's own text and styles on a slow line, and a phone would show the text later; a
    chart is drawn only once it comes near the screen anyway. "Painted" is the browser's
    first largest-contentful-paint report, where it has one (elsewhere the load event alone).
    A script element, so it also loads from ``file://``."""
    return ("(function () { var loaded = false, painted = false, added = false; "
            "function add() { if (added || !loaded || !painted) { return; } added = true; "
            "var s = document.createElement(\"script\"); "
            f"s.src = {json.dumps(bundle_url)}; document.head.appendChild(s); }} "
            "var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || []; "
            "if (types.indexOf(\"largest-contentful-paint\") < 0) { painted = true; } else { "
            "new PerformanceObserver(function (list, observer) { observer.disconnect(); painted = true; add(); })"
            ".observe({ type: \"largest-contentful-paint\", buffered: true }); } "
            "if (document.readyState === \"complete\") { loaded = true; add(); } "
            "else { window.addEventListener(\"load\", function () { loaded = true; add(); }); } })();")
