"""The HTML a chart carries from the notebook to the web site.

The renderer (:mod:`belarus_book.charts`) writes each chart into the notebook as a
placeholder: a ``<div class="vega-chart">`` holding the Vega-Lite spec as inert JSON and the
chart's description as fallback text. The notebook keeps it that way, complete in itself.

For the web site, the Sphinx extension moves the specs of a page out of its HTML into one
script file per page (``window.bookChartSpecs = [...]``) and numbers the placeholders, so
the page's HTML carries the text and the charts' data (their evidence excerpts, mostly)
loads beside it. A script file, not a JSON file that would need fetching, so the charts
also draw when the site is opened from disk (file://).
"""

from __future__ import annotations

import html
import json
import re

PLACEHOLDER_CLASS = "vega-chart"
_SPECS_PREFIX, _SPECS_SUFFIX = "window.bookChartSpecs = ", ";\n"
_OPEN = f'<div class="{PLACEHOLDER_CLASS}">'
_SPEC = re.compile(re.escape(_OPEN) + r'<script type="application/json">(.*?)</script>', re.S)


def placeholder(spec_json: str, description: str) -> str:
    """A chart's placeholder; ``spec_json`` must be safe inside a script element."""
    return (f'{_OPEN}<script type="application/json">{spec_json}</script>'
            f'<p class="vega-chart-fallback">{html.escape(description)}</p></div>')


def split_specs(body: str) -> tuple[str, list[dict]]:
    """``body`` with each placeholder's spec taken out (the placeholder then names its spec
    by position, ``data-chart-index``), and the specs in page order."""
    specs: list[dict] = []

    def take(match: re.Match) -> str:
        specs.append(json.loads(match.group(1)))
        return f'<div class="{PLACEHOLDER_CLASS}" data-chart-index="{len(specs) - 1}">'

    return _SPEC.sub(take, body), specs


def specs_script(specs: list[dict]) -> str:
    """The script file of a page's specs. ASCII only, so it reads the same whatever
    character set a server announces for it."""
    return _SPECS_PREFIX + json.dumps(specs, ensure_ascii=True, separators=(",", ":")) + _SPECS_SUFFIX


def read_specs_script(text: str) -> list[dict]:
    """The specs in a page's script file (the inverse of :func:`specs_script`)."""
    if not (text.startswith(_SPECS_PREFIX) and text.endswith(_SPECS_SUFFIX)):
        raise ValueError("not a specs script written by specs_script()")
    return json.loads(text[len(_SPECS_PREFIX):-len(_SPECS_SUFFIX)])
