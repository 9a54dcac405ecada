"""Accessibility: axe-core finds no WCAG 2.0/2.1 A or AA violation on any page, light or dark.

axe-core comes pinned from package-lock.json (`npm ci`, run by `make test` and .ci/run) and
is injected into each built page in Debian's Chromium. No rule is switched off: what the
theme gets wrong is fixed in _static/a11y.css or _templates/. Every chart's accessible label
(the aria-label Vega puts on the drawing, from the spec's description) says more than its
title.
"""

from __future__ import annotations

import json

import pytest

from belarus_book.commands import chromium

from ..helpers import SITE, WCAG_TAGS, open_in_mode, site_pages

# Every page a reader can reach, Sphinx's index and search pages included.
PAGES = site_pages("genindex.html", "search.html")


def axe_violations(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, tags: v.tags,
                nodes: v.nodes.slice(0, 5).map(n => ({target: n.target, summary: n.failureSummary}))
            }));
        }""",
        WCAG_TAGS,
    )
    return result


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("page_path", PAGES)
def test_no_wcag_violation(browser, site_url, axe_source, page_path, mode):
    context, page = open_in_mode(browser, site_url + page_path, mode)
    try:
        violations = axe_violations(page, axe_source)
        assert violations == [], f"{page_path} ({mode}):\n" + json.dumps(violations, indent=1)
    finally:
        context.close()


CHART_PAGES = [p for p in PAGES if "vega-chart" in (SITE / p).read_text(encoding="utf-8")]


def test_some_pages_have_charts():
    assert CHART_PAGES, "no page draws a chart: the description test below would prove nothing"


@pytest.mark.parametrize("page_path", CHART_PAGES)
def test_every_chart_description_says_more_than_its_title(browser, site_url, page_path):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site_url + page_path, wait_until="load")
        count = chromium.wait_for_charts(page)
        assert count > 0
        specs = chromium.chart_specs(SITE, SITE / page_path)
        for i in range(count):
            holder = page.locator(".vega-chart").nth(i)
            spec = specs[int(holder.get_attribute("data-chart-index"))]
            title = spec.get("title", "")
            if isinstance(title, dict):
                title = title.get("text", "")
            if isinstance(title, list):
                title = " ".join(title)
            # Vega puts the spec's description on the drawing's root: the SVG itself, or
            # (vega-embed 7) the element wrapping it with role="graphics-document".
            root = holder.locator('[role="graphics-document"]:has(svg), svg[aria-label]').first
            assert root.count(), f"chart {i} on {page_path} has no labelled graphics root"
            label = (root.get_attribute("aria-label") or "").strip()
            title_text = " ".join(
                t.strip() for t in holder.locator("svg g.role-title-text text").all_text_contents()
            ).strip() or str(title)
            assert label, f"chart {i} on {page_path} has no aria-label"
            assert label != title_text and label != str(title), (
                f"chart {i} on {page_path}: the description only repeats the title {title_text!r}"
            )
            assert len(label) > len(title_text) and len(label) > len(str(title)), (
                f"chart {i} on {page_path}: description {label!r} is no longer than the title "
                f"{title_text!r}"
            )
    finally:
        context.close()
