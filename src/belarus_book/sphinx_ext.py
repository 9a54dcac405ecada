"""Sphinx extension: the book's build-time plumbing.

- Validates every table in ``data/`` before any chapter runs, so bad data stops the build
  with a message naming file, row and column instead of failing inside a chapter.
- Keys the execution cache on the data and on this package as well as on the code cells
  (jupyter-cache alone looks at code cells only and would serve stale pages).
- Writes one Vega bundle for the whole site from the pinned vl-convert, scoped in a function
  so it cannot clash with the theme's scripts, and adds it only to pages that draw a chart.
- Publishes ``data/`` at ``<site>/data/`` so every page can offer its tables for download.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import vl_convert
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

from . import charts
from .data import DataError, find_data_dir, validate_package

logger = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
# Relative to the site's _static/ folder, as Sphinx's add_js_file expects.
BUNDLE_PATH = "_vega/vega-charts.js"

# Runs inside the same function scope as the bundle. Draws every chart placeholder
# as SVG (so the spec's description becomes the SVG's aria-label) and records when the
# page's charts are all drawn, which the browser tests and the benchmark read.
_CHART_LOADER = """
function drawBookCharts() {
  const holders = Array.from(document.querySelectorAll(".%(cls)s"));
  const drawn = holders.map(function (holder) {
    const spec = JSON.parse(holder.querySelector('script[type="application/json"]').textContent);
    const target = document.createElement("div");
    target.className = "vega-chart-view";
    holder.appendChild(target);
    return window.vegaEmbed(target, spec, { renderer: "svg", actions: false })
      .then(function () {
        holder.dataset.rendered = "true";
        const fallback = holder.querySelector(".vega-chart-fallback");
        if (fallback) { fallback.hidden = true; }
      })
      .catch(function (error) {
        holder.dataset.rendered = "error";
        console.error("chart failed to render:", error);
      });
  });
  Promise.all(drawn).then(function () {
    window.bookChartsDrawnAt = performance.now();
    document.documentElement.dataset.chartsDrawn = String(holders.length);
  });
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", drawBookCharts);
} else {
  drawBookCharts();
}
""" % {"cls": charts.PLACEHOLDER_CLASS}


def fingerprint(*roots: Path) -> str:
    """A short hash of every file under ``roots`` (names and contents)."""
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _check_data_and_key_cache(app: Sphinx, config) -> None:
    data_dir = find_data_dir(Path(app.srcdir))
    try:
        validate_package(data_dir)
    except DataError as error:
        raise ExtensionError(f"invalid data, no chapter was run:\n{error}") from None

    # One cache folder per state of data + package: a change to either makes every
    # chapter run afresh. Folders of earlier states are removed so they do not pile up.
    cache_root = Path(app.srcdir) / "_build" / ".jupyter_cache"
    key = fingerprint(data_dir, PACKAGE_DIR)
    config.nb_execution_cache_path = str(cache_root / key)
    if cache_root.is_dir():
        for stale in cache_root.iterdir():
            if stale.name != key:
                shutil.rmtree(stale, ignore_errors=True)


def _bundle(cache_dir: Path) -> Path:
    """The site's Vega bundle, made once per vl-convert version and loader text."""
    text_key = hashlib.sha256(_CHART_LOADER.encode()).hexdigest()[:8]
    path = cache_dir / f".vega-bundle-{vl_convert.__version__}-{text_key}.js"
    if not path.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        # The bundle declares top-level names (for example `_`) that would collide with
        # Sphinx's own scripts; the function scope keeps them local. It still sets
        # window.vegaEmbed, which the loader uses.
        path.write_text(
            "(function () {\n" + vl_convert.javascript_bundle() + "\n" + _CHART_LOADER + "})();\n",
            encoding="utf-8",
        )
    return path


def _add_bundle_to_chart_pages(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if f'class="{charts.PLACEHOLDER_CLASS}"' in context.get("body", ""):
        # Sphinx resets the script list after each page, so this adds it to this page only.
        app.add_js_file(BUNDLE_PATH, defer="defer")


def _write_site_files(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    bundle = outdir / "_static" / BUNDLE_PATH
    bundle.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_bundle(Path(app.srcdir) / "_build"), bundle)
    published = outdir / "data"
    shutil.rmtree(published, ignore_errors=True)
    shutil.copytree(find_data_dir(Path(app.srcdir)), published)


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _check_data_and_key_cache)
    app.connect("html-page-context", _add_bundle_to_chart_pages)
    app.connect("build-finished", _write_site_files)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
