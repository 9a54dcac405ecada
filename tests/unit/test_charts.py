"""The offline renderer and theme, without a book build."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys

import altair as alt
import pandas as pd
import pytest

from belarus_book import charts  # importing charts switches on renderer and theme
from belarus_book.glue import BUILD_ENV
from belarus_book.web import chart_html


@pytest.fixture(autouse=True)
def in_book_build(monkeypatch):
    """These tests check the output the book's build gets (a test may undo this)."""
    monkeypatch.setenv(BUILD_ENV, "1")


def small_chart(description="Two bars: a taller one for B than for A, to test the renderer."):
    data = pd.DataFrame({"label": ["A", "B"], "value": [1, 2], "note": ["</script><script>alert(1)</script>", "x"]})
    return alt.Chart(data).mark_bar(tooltip=True).encode(x="value:Q", y="label:N").properties(
        description=description
    )


def test_importing_charts_switches_on_renderer_and_theme():
    assert alt.renderers.active == charts.RENDERER
    assert alt.theme.active == charts.THEME


def run_python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_in_a_notebook_importing_the_package_is_enough():
    # A chapter's kernel is an IPython shell: `import belarus_book` alone switches it on.
    out = run_python(
        "from IPython.core.interactiveshell import InteractiveShell; InteractiveShell.instance()\n"
        "import belarus_book, altair\n"
        "print(altair.renderers.active, altair.theme.active)"
    )
    assert out == f"{charts.RENDERER} {charts.THEME}"


def test_outside_a_notebook_the_first_use_switches_it_on():
    out = run_python(
        "import sys, belarus_book as bb\n"
        "print('altair' in sys.modules)\n"
        "bb.load('figures')\n"
        "import altair\n"
        "print(altair.renderers.active)"
    )
    assert out.split() == ["False", charts.RENDERER]


def test_the_build_extensions_import_neither_pandas_nor_altair():
    # Every rebuild imports them: pandas and Altair would add about a second to each.
    out = run_python(
        "import sys\n"
        "import belarus_book.sphinx, belarus_book.commands.build\n"
        "print(sorted(m for m in ('pandas', 'altair') if m in sys.modules))"
    )
    assert out == "[]"


def test_bundle_has_placeholder_png_and_text():
    bundle = small_chart()._repr_mimebundle_()
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    html = bundle["text/html"]
    assert html.startswith(f'<div class="{chart_html.PLACEHOLDER_CLASS}">')
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


def test_no_text_in_the_data_can_end_or_comment_out_the_spec_script():
    frame = pd.DataFrame({"x": ["a", "b"], "y": [1, 2], "note": ["<!-- x", "</SCRIPT >"]})
    chart = alt.Chart(frame).mark_bar().encode(x="x", y="y").properties(description="Two bars with awkward notes")
    html_out = charts.render(chart.to_dict())["text/html"]
    spec_text = re.search(r'<script type="application/json">(.*?)</script>', html_out, re.S).group(1)
    assert "<" not in spec_text
    values = next(iter(json.loads(spec_text)["datasets"].values()))
    assert [v["note"] for v in values] == ["<!-- x", "</SCRIPT >"]


def test_the_site_moves_specs_to_a_script_file_and_numbers_the_charts():
    first, second = (small_chart(f"Chart number {n}, two bars.")._repr_mimebundle_() for n in (1, 2))
    first, second = ((b[0] if isinstance(b, tuple) else b)["text/html"] for b in (first, second))
    body, specs = chart_html.split_specs(f"<p>before</p>{first}<p>between</p>{second}")
    assert "application/json" not in body
    assert re.findall(r'data-chart-index="(\d)"', body) == ["0", "1"]
    assert [s["description"] for s in specs] == ["Chart number 1, two bars.", "Chart number 2, two bars."]
    script = chart_html.specs_script(specs)
    assert script.isascii() and chart_html.read_specs_script(script) == specs


def test_the_site_draws_vega_compiled_from_the_chart_with_its_rows_title_and_description():
    """The site carries Vega only (no Vega-Lite compiler for every reader): the compiled spec
    keeps what the page's script, the views under the chart and its label read."""
    chart = small_chart().properties(title="Two bars", width="container")
    bundle = chart._repr_mimebundle_()
    spec = chart_html.placeholder_spec((bundle[0] if isinstance(bundle, tuple) else bundle)["text/html"])
    vega = chart_html.vega_spec(spec)
    assert vega["$schema"].startswith("https://vega.github.io/schema/vega/")
    assert vega["description"] == spec["description"] and vega["title"]["text"] == "Two bars"
    rows = [row for values in chart_html.data_values(vega) if values for row in values]
    assert [r["label"] for r in rows] == ["A", "B"] and rows[0]["note"] == "</script><script>alert(1)</script>"
    assert rows == [row for values in chart_html.data_values(spec) if values for row in values]


def test_the_site_bundle_has_vega_without_vega_lite(tmp_path):
    from belarus_book.web import chart_bundle

    chart_bundle.write_scripts(tmp_path / "cache", tmp_path / "site")
    bundle = (tmp_path / "site" / chart_bundle.BUNDLE_NAME).read_text(encoding="utf-8")
    assert "window.bookVega=" in bundle.replace(" ", "") and "vegaEmbed" not in bundle
    # Vega-Lite's compiler names its own errors; Vega's runtime does not.
    assert "Invalid specification" not in bundle
    assert len(bundle.encode()) < 700_000, "the bundle carries more than Vega and vega-tooltip"


def test_chart_without_description_is_refused():
    with pytest.raises(ValueError, match="needs a description"):
        small_chart(description="")._repr_mimebundle_()


def test_static_image_gets_a_fixed_width():
    spec = small_chart().to_dict()
    assert spec["width"] == "container"
    assert chart_html.fixed_width(spec)["width"] == chart_html.STATIC_WIDTH


def test_outside_the_build_a_chart_is_standard_jupyter_output(monkeypatch):
    # A reader's Jupyter draws Vega-Lite (JupyterLab knows up to v5) or the PNG beside it;
    # an inert placeholder only the site can draw would show as text there.
    monkeypatch.delenv(BUILD_ENV, raising=False)
    bundle = charts.render(small_chart().to_dict())
    assert set(bundle) == {chart_html.VEGALITE_MIME, "image/png", "text/plain"}
    spec = bundle[chart_html.VEGALITE_MIME]
    assert spec["$schema"].endswith("/vega-lite/v5.json") and spec["width"] == chart_html.STATIC_WIDTH
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")


def test_missing_values_become_null_so_the_browser_can_parse_the_spec():
    frame = pd.DataFrame({"x": ["a", "b"], "y": [1.0, float("nan")]})
    chart = alt.Chart(frame).mark_bar().encode(x="x", y="y").properties(description="A bar chart with a missing value")
    html_out = charts.render(chart.to_dict())["text/html"]
    spec_text = re.search(r'<script type="application/json">(.*?)</script>', html_out, re.S).group(1)
    assert "NaN" not in spec_text
    json.loads(spec_text)  # strict JSON, as the browser's JSON.parse
