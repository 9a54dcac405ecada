"""The book's chart theme and the Altair renderer that draws charts offline.

In a reader's own Jupyter a chart's output is :func:`belarus_book.web.chart_html.notebook_bundle`
(Vega-Lite, a PNG, a description), which plain clients draw themselves. While the book is
built (:func:`belarus_book.glue.in_build`) it carries three representations, and each
builder takes the one it can use:

- ``text/html``: a placeholder holding the Vega-Lite spec as inert JSON
  (:mod:`belarus_book.web.chart_html`). The site-wide script written by
  :mod:`belarus_book.sphinx` finds every placeholder and draws it as SVG with the Vega
  bundle the site serves itself, so no chart ever needs a CDN.
- ``image/png``: a static picture made with vl-convert, for print, PDF and notebook
  viewers without JavaScript. Making it also proves, at build time, that the spec is valid.
- ``text/plain``: the chart's description, for anything else.
"""

from __future__ import annotations

import base64
import json
import math

import altair as alt
import pandas as pd
import vl_convert

from .glue import in_build
from .i18n import tr, translation_column
from .i18n.formats import vega_locale
from .web import chart_html

RENDERER = "belarus_book"
THEME = "belarus_book"

# Okabe & Ito's palette: distinguishable with the common colour-vision deficiencies.
# Yellow comes last because it is hard to see on the white chart card.
PALETTE = [
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
]
TEXT = "#1f2328"
MUTED = "#57606a"


@alt.theme.register(THEME, enable=False)
def book_theme() -> alt.theme.ThemeConfig:
    """Quiet axes, left-aligned titles, a responsive width and the Okabe-Ito palette; in the
    German edition, German number and date formats (1.084,2; 20. Sept. 2022)."""
    theme = {
        "width": "container",
        "height": 300,
        "background": "white",
        "padding": 8,
        "config": {
            "font": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
            "title": {
                "anchor": "start",
                "fontSize": 16,
                "fontWeight": 600,
                "color": TEXT,
                "subtitleColor": MUTED,
                "subtitleFontSize": 12,
                "offset": 12,
            },
            "axis": {
                "labelColor": TEXT,
                "titleColor": TEXT,
                "labelFontSize": 12,
                "titleFontSize": 12,
                "titleFontWeight": 500,
                "gridColor": "#e5e7eb",
                "domainColor": MUTED,
                "tickColor": MUTED,
            },
            "legend": {
                "labelColor": TEXT,
                "titleColor": TEXT,
                "labelFontSize": 12,
                "titleFontSize": 12,
                "orient": "bottom",
                "direction": "vertical",
                "labelLimit": 0,
            },
            "header": {"labelColor": TEXT, "titleColor": TEXT, "labelFontSize": 12},
            "range": {"category": PALETTE},
            "mark": {"color": PALETTE[0]},
            "view": {"stroke": None},
            "text": {"color": TEXT},
        },
    }
    locale = vega_locale()
    if locale:
        theme["config"]["locale"] = locale
    return theme


def _json_safe(value):
    """``value`` with every NaN or infinite float replaced by None (JSON null)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(item) for item in value]
    return value


def _script_safe_json(spec: dict) -> str:
    # The spec sits inside <script type="application/json">: a "<" in the data (for example
    # "</script>" or "<!--") could end that element early, so every "<" is written as the
    # JSON escape \u003c, which JSON.parse reads back as "<". Missing values (pandas NaN)
    # become null: NaN is not JSON, and JSON.parse would refuse the whole spec.
    text = json.dumps(_json_safe(spec), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c")


def description_of(spec: dict) -> str:
    """The chart's description: Vega sets it as the accessible name (aria-label) of the
    element that holds the chart's SVG."""
    return spec.get("description") or ""


def render(spec: dict, **_options) -> dict:
    """Altair renderer: the mime bundle described in the module docstring."""
    description = description_of(spec)
    if not description:
        raise ValueError(
            "every chart needs a description: add .properties(description=...) saying in "
            "words what the chart shows (it becomes the chart's accessible label)"
        )
    from .data.shown import SHOWN

    SHOWN.chart(spec)  # what it draws, to check that both editions draw the same
    png = base64.b64encode(vl_convert.vegalite_to_png(chart_html.fixed_width(spec), ppi=144)).decode("ascii")
    if not in_build():
        return chart_html.notebook_bundle(json.loads(_script_safe_json(spec)), png, description)
    return {
        "text/html": chart_html.placeholder(_script_safe_json(spec), description),
        "image/png": png,
        "text/plain": f"Chart: {description}",
    }


def evidence_columns() -> dict[str, str]:
    """The columns that say where a row comes from, with their tooltip titles: the source,
    the excerpt and our translation into the edition's language. :func:`chart_data` keeps
    them for the tooltips and the chart's Sources view."""
    return {"source": tr("Source"), "excerpt": tr("Evidence (original)"),
            translation_column(): tr("Our translation")}


def chart_data(df: pd.DataFrame, columns=None) -> pd.DataFrame:
    """The frame a chart is drawn from: the ``columns`` it uses, plus the evidence of each
    row (its source, the verbatim excerpt and our translation) and its claim id.

    Altair writes the whole frame into the page, so leaving out the columns a chart does
    not use keeps the page small. A missing text value would reach the tooltip as "null";
    as "" it shows blank. Numbers and dates are left as they are (Altair needs datetimes
    to draw a time axis). ``columns=None`` keeps every column. The rows are noted in the
    chapter's record (:mod:`belarus_book.data.shown`), so its Sources list names them.
    """
    from .data.claim_tables import CLAIM_TABLES
    from .data.shown import SHOWN
    from .evidence import with_translation
    from .text import source_label

    SHOWN.rows(df)
    out = df.copy()
    if "source_id" in out.columns:
        out["source"] = out["source_id"].map(source_label)
    if "excerpt" in out.columns and "source_id" in out.columns:
        out = with_translation(out)
    if columns is not None:
        evidence = evidence_columns()
        kept = [c for c in [*CLAIM_TABLES.values(), "source_id", *evidence] if c in out.columns]
        out = out[list(dict.fromkeys([*columns, *kept]))]
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].astype(object).where(out[col].notna(), "")
    return out.reset_index(drop=True)


def tooltips(evidence: bool = True, **fields) -> list[alt.Tooltip]:
    """A chart's tooltip, titled for readers: one entry per keyword, in order
    (``tooltips(claimant="Who says so", value="Figure")``; a value may also be an
    ``alt.Tooltip`` with its own format), then the row's source, the verbatim excerpt and
    our translation, which :func:`chart_data` keeps with every row."""
    tips = [tip if isinstance(tip, alt.Tooltip) else alt.Tooltip(column, title=tip)
            for column, tip in fields.items()]
    if evidence:
        tips += [alt.Tooltip(column, title=title) for column, title in evidence_columns().items()]
    return tips


def enable() -> None:
    """Switch on the book's renderer and theme (importing this module does this)."""
    if RENDERER not in alt.renderers.names():
        alt.renderers.register(RENDERER, render)
    alt.renderers.enable(RENDERER)
    alt.theme.enable(THEME)


# On import: a chapter that uses the package draws every chart with the book's renderer.
enable()
