"""A chart drawn at build time (belarus_book.web.chart_static): one image named by its
description, in its placeholder, with ids of its own."""

from __future__ import annotations

import re

from belarus_book.web.chart_static import add_static_charts, static_chart

# A Vega spec whose drawing clips a group (vl-convert names the clip path "clip1").
CLIPPED = {
    "$schema": "https://vega.github.io/schema/vega/v5.json", "width": 100, "height": 50,
    "description": 'Two bars & a "clip"',
    "marks": [{"type": "group", "clip": True,
               "encode": {"enter": {"width": {"value": 50}, "height": {"value": 50}}},
               "marks": [{"type": "rect", "encode": {"enter": {
                   "x": {"value": 0}, "width": {"value": 80}, "height": {"value": 20}}}}]}],
}


def test_the_drawing_is_one_image_named_by_the_description():
    html = static_chart(CLIPPED, "p-")
    assert html.startswith('<div class="vega-chart-static" role="img" '
                           'aria-label="Two bars &amp; a &quot;clip&quot;"><svg ')
    assert html.endswith("</svg></div>")
    assert 'class="mark-rect role-mark"' in html
    # The marks' own roles and labels are left to the live chart: one image, one name.
    assert html.count("role=") == 1 and html.count("aria-") == 1


def test_its_ids_and_the_references_to_them_are_its_own():
    html = static_chart(CLIPPED, "p-")
    ids = re.findall(r'\bid="([^"]+)"', html)
    refs = re.findall(r"url\(#([^)]+)\)", html)
    assert ids == ["p-1"] and refs == ["p-1"]
    # Numbered from 1 whatever vl-convert counted up to before: the same page, the same ids.
    assert static_chart(CLIPPED, "p-") == html


def test_each_numbered_placeholder_gets_its_own_drawing_before_its_description():
    body = ('<div class="vega-chart" data-chart-index="0"><p class="vega-chart-fallback">a</p>'
            '</div><p>text</p>'
            '<div class="vega-chart" data-chart-index="1"><p class="vega-chart-fallback">b</p>'
            "</div>")
    other = {**CLIPPED, "description": "Another"}
    out = add_static_charts(body, [CLIPPED, other])
    first, second = out.split("<p>text</p>")
    assert first.startswith('<div class="vega-chart" data-chart-index="0">'
                            '<div class="vega-chart-static" role="img" aria-label="Two bars')
    assert 'id="bb-static0-1"' in first and "bb-static1" not in first
    assert 'aria-label="Another"' in second and 'id="bb-static1-1"' in second
    assert second.index("vega-chart-static") < second.index("vega-chart-fallback")
