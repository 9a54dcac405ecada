"""The charts' scripts: the site's chart scripts, and each chart page's specs file.

The charts' scripts (the charts script, the Vega bundle it loads when a reader reaches for
a chart, the views) are written once per build by :mod:`belarus_book.web.chart_bundle`; the
charts script goes only on pages that draw a chart. Each such
page's specs, compiled from Vega-Lite to Vega, move out of its HTML into a script file of its
own (``_static/_charts/<page>.js``, see :mod:`belarus_book.web.chart_html`), and each
placeholder gets its chart drawn as SVG, shown until the live chart is drawn and with
scripts off (:mod:`belarus_book.web.chart_static`).
"""

from __future__ import annotations

import csv
from pathlib import Path

from sphinx.application import Sphinx

from ..data import find_data_dir
from ..i18n import text_of
from ..web import chart_bundle, chart_html, chart_static
from ..web.layout import BUNDLE_PATH, CHART_SPECS_DIR, CHARTS_SCRIPT


def write_bundle(app: Sphinx) -> None:
    # Before any page is written, so every page's script URL carries the charts script's checksum.
    if app.builder.format != "html":
        return
    app.bb_bundle_key = chart_bundle.write_scripts(Path(app.srcdir) / "_build",
                                                   (Path(app.outdir) / "_static" / BUNDLE_PATH).parent)


def _source_names(app: Sphinx, ids: list[str]) -> dict[str, str]:
    """How the book names each of these sources in the edition's language (``cite_as``, or
    ``cite_as_de``, in data/sources.csv)."""
    if not hasattr(app, "bb_source_names"):
        path = find_data_dir(Path(app.srcdir)) / "sources.csv"
        with open(path, encoding="utf-8", newline="") as handle:
            app.bb_source_names = {row["source_id"]: text_of(row, "cite_as")
                                   for row in csv.DictReader(handle)}
    return {i: app.bb_source_names[i] for i in ids if i in app.bb_source_names}


def move_specs(app: Sphinx, pagename: str, context: dict) -> None:
    """On a page with charts: its specs into its own script, and that script and the charts
    script into the page's script list."""
    body = context.get("body", "")
    if f'class="{chart_html.PLACEHOLDER_CLASS}"' not in body:
        return
    context["body"], specs = chart_html.split_specs(body)
    specs = [chart_html.vega_spec(spec) for spec in specs]
    # For draw_static_charts, which runs after the rewriters that read the page's text.
    context["bb_chart_specs"] = specs
    # Written before the page is, so Sphinx can stamp the script's URL with its checksum
    # (?v=...) and a browser never pairs a page with an older file of specs.
    specs_file = f"{CHART_SPECS_DIR}/{pagename}.js"
    target = Path(app.outdir) / "_static" / specs_file
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(chart_html.specs_script(specs, _source_names(app, chart_html.source_ids(specs))),
                      encoding="utf-8")
    # Sphinx resets the script list after each page, so these go to this page only. The
    # specs are deferred, so they are there before the page's load event, when the charts
    # script is added (with its checksum in the URL, as Sphinx stamps the files it links).
    app.add_js_file(specs_file, defer="defer")
    script_url = context["pathto"](f"_static/{CHARTS_SCRIPT}", 1) + f"?v={app.bb_bundle_key}"
    app.add_js_file(None, body=chart_bundle.fetch_after_load(script_url))


def draw_static_charts(app: Sphinx, pagename: str, context: dict) -> None:
    """Each chart of the page drawn into its placeholder, from the specs move_specs took."""
    if context.get("bb_chart_specs"):
        context["body"] = chart_static.add_static_charts(context["body"], context["bb_chart_specs"])
