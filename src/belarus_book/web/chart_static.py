"""Each chart drawn at build time into its page, as SVG (issue 29).

The live chart needs the Vega bundle, which a page fetches only when a reader reaches for a
chart; until then, and for a reader with scripts off, in a reader view, in print or a feed,
the placeholder held only the chart's description. Now it also holds the chart itself: the SVG vl-convert
draws from the very Vega spec the page's script draws, wrapped as one image named by the
chart's description (its marks' own roles and labels are left out: the live chart offers
them, with its tooltips). The page's
script puts the live chart in its place when a reader points at the chart, taps it or moves
the focus into it (``js/chart_loader.js``).

Vega's own default width (300 px) stands in for a chart that takes its container's width:
the charts' heights do not depend on their width, so the live chart that replaces the
drawing is as high as it was, and nothing below it moves.
"""

from __future__ import annotations

import html
import re

import vl_convert

from .chart_html import PLACEHOLDER_CLASS

STATIC_CLASS = "vega-chart-static"
_NUMBERED = re.compile(rf'<div class="{PLACEHOLDER_CLASS}" data-chart-index="(\d+)">')
# The references an SVG makes to its own elements (clip paths, gradients).
_ID = re.compile(r'\bid="([^"]+)"')
# Vega's roles and labels for each mark: inside one image they are never read, and they
# were a third of a drawing's bytes (the marks' labels repeat their rows' sources).
_ARIA = re.compile(r'\s(?:role|aria-[a-z]+)="[^"]*"')


def _own_ids(svg: str, prefix: str) -> str:
    """``svg`` with its element ids (and references to them) renamed ``<prefix><n>``:
    several drawings on one page, and the live charts beside them, would otherwise share
    ids such as ``clip1``, and a clip path could be taken from the wrong chart. vl-convert
    numbers them on from one drawing to the next, so they are renumbered from 1 too, and
    a page comes out the same whichever pages the build drew before it."""
    names = list(dict.fromkeys(_ID.findall(svg)))
    for k, name in enumerate(names, start=1):
        svg = re.sub(rf'(\bid="|url\(#|href="#){re.escape(name)}(?=[")])',
                     lambda m, k=k: f"{m.group(1)}{prefix}{k}", svg)
    return svg


def static_chart(spec: dict, id_prefix: str) -> str:
    """The chart of the Vega ``spec`` as an image for the page."""
    svg = _ARIA.sub("", _own_ids(vl_convert.vega_to_svg(spec), id_prefix))
    label = html.escape(spec.get("description") or "", quote=True)
    return f'<div class="{STATIC_CLASS}" role="img" aria-label="{label}">{svg}</div>'


def add_static_charts(body: str, specs: list[dict]) -> str:
    """``body`` with each numbered placeholder (see :func:`.chart_html.split_specs`)
    holding its chart, drawn from ``specs``, before its description."""
    return _NUMBERED.sub(
        lambda m: m.group(0) + static_chart(specs[int(m.group(1))], f"bb-static{m.group(1)}-"),
        body)
