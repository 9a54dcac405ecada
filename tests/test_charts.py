"""The offline renderer and theme, without a book build."""

from __future__ import annotations

import base64
import json
import re

import altair as alt
import pandas as pd
import pytest

import belarus_book  # noqa: F401  (importing it switches on the renderer and theme)
from belarus_book import charts


def small_chart(description="Two bars: a taller one for B than for A, to test the renderer."):
    data = pd.DataFrame({"label": ["A", "B"], "value": [1, 2], "note": ["</script><script>alert(1)</script>", "x"]})
    return alt.Chart(data).mark_bar(tooltip=True).encode(x="value:Q", y="label:N").properties(
        description=description
    )


def test_importing_the_package_switches_on_renderer_and_theme():
    assert alt.renderers.active == charts.RENDERER
    assert alt.theme.active == charts.THEME


def test_bundle_has_placeholder_png_and_text():
    bundle = small_chart()._repr_mimebundle_()
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    html = bundle["text/html"]
    assert html.startswith(f'<div class="{charts.PLACEHOLDER_CLASS}">')
    assert "cdn" not in html and "<script src" not in html
    assert base64.b64decode(bundle["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"
    assert bundle["text/plain"].startswith("Chart: Two bars")


def test_data_cannot_close_the_spec_script():
    html = small_chart()._repr_mimebundle_()
    html = (html[0] if isinstance(html, tuple) else html)["text/html"]
    spec_text = re.search(r'<script type="application/json">(.*?)</script>', html, re.S).group(1)
    assert "</script>" not in spec_text
    spec = json.loads(spec_text)
    values = next(iter(spec["datasets"].values()))
    assert values[0]["note"] == "</script><script>alert(1)</script>"


def test_chart_without_description_is_refused():
    with pytest.raises(ValueError, match="needs a description"):
        small_chart(description="")._repr_mimebundle_()


def test_static_image_gets_a_fixed_width():
    spec = small_chart().to_dict()
    assert spec["width"] == "container"
    assert charts.static_spec(spec)["width"] == charts.STATIC_WIDTH


def test_missing_values_become_null_so_the_browser_can_parse_the_spec():
    frame = pd.DataFrame({"x": ["a", "b"], "y": [1.0, float("nan")]})
    chart = alt.Chart(frame).mark_bar().encode(x="x", y="y").properties(description="A bar chart with a missing value")
    html_out = charts.render(chart.to_dict())["text/html"]
    spec_text = re.search(r'<script type="application/json">(.*?)</script>', html_out, re.S).group(1)
    assert "NaN" not in spec_text
    json.loads(spec_text)  # strict JSON, as the browser's JSON.parse
