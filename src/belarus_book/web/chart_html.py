"""The HTML a chart carries from the notebook to the web site.

While the book is built, the renderer (:mod:`belarus_book.charts`) writes each chart into
the notebook as a placeholder: a ``<div class="vega-chart">`` holding the Vega-Lite spec as
inert JSON and the chart's description as fallback text, which only the site's own script
draws. Everywhere else (a reader's Jupyter, the notebook edition the site offers) a chart is
:func:`notebook_bundle`: standard output types that plain Jupyter clients draw themselves.

For the web site, the Sphinx extension compiles each spec to Vega (:func:`vega_spec`),
moves the specs of a page out of its HTML into one script file per page
(``window.bookChartSpecs = [...]``) and numbers the placeholders, so the page's HTML
carries the text and the charts' data (their evidence excerpts, mostly) loads beside it.
A script file, not a JSON file that would need fetching, so the charts
also draw when the site is opened from disk (file://).
"""

from __future__ import annotations

import html
import json
import re

import vl_convert

PLACEHOLDER_CLASS = "vega-chart"
_SPECS_PREFIX, _SPECS_SUFFIX = "window.bookChartSpecs = ", ";\n"
# Before the specs, the names of the sources the charts' rows cite by id only (source_id),
# so the views under a chart (its table, its sources) name them as the book does.
_SOURCES_PREFIX = "window.bookChartSources = "
_OPEN = f'<div class="{PLACEHOLDER_CLASS}">'
_SPEC = re.compile(re.escape(_OPEN) + r'<script type="application/json">(.*?)</script>', re.S)


def placeholder(spec_json: str, description: str) -> str:
    """A chart's placeholder; ``spec_json`` must be safe inside a script element."""
    return (f'{_OPEN}<script type="application/json">{spec_json}</script>'
            f'<p class="vega-chart-fallback">{html.escape(description)}</p></div>')


# JupyterLab, VS Code and nbconvert know Vega-Lite only up to v5; Altair 6 writes v6
# specs. The book's charts use nothing v6 added (the notebook tests draw every chart in
# JupyterLab's own Vega-Lite 5), so they are offered under the v5 type and schema. A client
# that draws no Vega-Lite at all (Colab, nbconvert's HTML) shows the PNG beside it.
VEGALITE_MIME = "application/vnd.vegalite.v5+json"
_VEGALITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"


STATIC_WIDTH = 640


def fixed_width(spec: dict) -> dict:
    """The spec with a fixed width where it fills its container: an image has no container,
    and JupyterLab's output area gives a "container" chart a width of zero."""
    fixed = {**spec}
    if fixed.get("width") == "container":
        fixed["width"] = STATIC_WIDTH
    for part in ("vconcat", "hconcat", "concat", "layer"):
        if part in fixed:
            fixed[part] = [fixed_width(sub) for sub in fixed[part]]
    return fixed


def notebook_bundle(spec: dict, png_base64: str, description: str) -> dict:
    """A chart as plain Jupyter clients draw it: interactive Vega-Lite where the client
    renders it, else the static PNG; the description as text for anything else."""
    return {
        VEGALITE_MIME: {**fixed_width(spec), "$schema": _VEGALITE_SCHEMA},
        "image/png": png_base64,
        "text/plain": f"Chart: {description}",
    }


def placeholder_spec(html_text: str) -> dict | None:
    """The spec inside a placeholder's HTML, or None if ``html_text`` is no placeholder."""
    match = _SPEC.search(html_text)
    return json.loads(match.group(1)) if match else None


def split_specs(body: str) -> tuple[str, list[dict]]:
    """``body`` with each placeholder's spec taken out (the placeholder then names its spec
    by position, ``data-chart-index``), and the specs in page order."""
    specs: list[dict] = []

    def take(match: re.Match) -> str:
        specs.append(json.loads(match.group(1)))
        return f'<div class="{PLACEHOLDER_CLASS}" data-chart-index="{len(specs) - 1}">'

    return _SPEC.sub(take, body), specs


def vega_spec(spec: dict) -> dict:
    """The Vega spec the Vega-Lite ``spec`` compiles to: the site draws it with Vega alone,
    without the Vega-Lite compiler in every reader's browser. Its ``data`` holds the rows
    (each named dataset or inline values as one entry with ``values``), its ``title`` and
    ``description`` are the chart's."""
    return vl_convert.vegalite_to_vega(spec)


def data_values(spec: dict):
    """Each list of data rows in a Vega-Lite or Vega spec, in the order the page's script
    reads them: named datasets, then inline values, part by part (layers, concatenations
    and group marks too)."""
    if not isinstance(spec, dict):
        return
    yield from (spec.get("datasets") or {}).values()
    data = spec.get("data")
    for entry in data if isinstance(data, list) else [data]:
        if isinstance(entry, dict):
            yield entry.get("values")
    for key in ("layer", "vconcat", "hconcat", "concat", "marks"):
        for sub in spec.get(key) or []:
            yield from data_values(sub)
    yield from data_values(spec.get("spec"))


def source_ids(specs: list[dict]) -> list[str]:
    """Every ``source_id`` in the data rows of ``specs``, in order of first use."""
    found: dict[str, None] = {}
    for spec in specs:
        for values in data_values(spec):
            for row in values if isinstance(values, list) else []:
                if isinstance(row, dict) and row.get("source_id"):
                    found.setdefault(str(row["source_id"]))
    return list(found)


def specs_script(specs: list[dict], sources: dict[str, str] | None = None) -> str:
    """The script file of a page's specs, after the names of the ``sources`` (id: name)
    their rows cite by id, if any. ASCII only, so it reads the same whatever character set
    a server announces for it."""
    names = (_SOURCES_PREFIX + json.dumps(sources, ensure_ascii=True, separators=(",", ":"))
             + ";\n") if sources else ""
    return names + _SPECS_PREFIX + json.dumps(specs, ensure_ascii=True, separators=(",", ":")) + _SPECS_SUFFIX


def read_specs_script(text: str) -> list[dict]:
    """The specs in a page's script file (the inverse of :func:`specs_script`)."""
    if text.startswith(_SOURCES_PREFIX):
        text = text.split("\n", 1)[1]
    if not (text.startswith(_SPECS_PREFIX) and text.endswith(_SPECS_SUFFIX)):
        raise ValueError("not a specs script written by specs_script()")
    return json.loads(text[len(_SPECS_PREFIX):-len(_SPECS_SUFFIX)])
