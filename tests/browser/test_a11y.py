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

from ..helpers import SITE, WCAG_TAGS, chart_pages, open_in_mode


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


# Every page a reader can reach, Sphinx's index and search pages included.
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_wcag_violation(browser, site_url, axe_source, site_page, mode):
    context, page = open_in_mode(browser, site_url + site_page, mode)
    try:
        violations = axe_violations(page, axe_source)
        assert violations == [], f"{site_page} ({mode}):\n" + json.dumps(violations, indent=1)
    finally:
        context.close()


def test_some_pages_have_charts():
    assert chart_pages(), "no page draws a chart: the description test below would prove nothing"


def test_every_chart_description_says_more_than_its_title(browser, site_url, chart_page):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site_url + chart_page, wait_until="load")
        count = chromium.wait_for_charts(page)
        assert count > 0
        specs = chromium.chart_specs(SITE, SITE / chart_page)
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
            assert root.count(), f"chart {i} on {chart_page} has no labelled graphics root"
            label = (root.get_attribute("aria-label") or "").strip()
            title_text = " ".join(
                t.strip() for t in holder.locator("svg g.role-title-text text").all_text_contents()
            ).strip() or str(title)
            assert label, f"chart {i} on {chart_page} has no aria-label"
            assert label != title_text and label != str(title), (
                f"chart {i} on {chart_page}: the description only repeats the title {title_text!r}"
            )
            assert len(label) > len(title_text) and len(label) > len(str(title)), (
                f"chart {i} on {chart_page}: description {label!r} is no longer than the title "
                f"{title_text!r}"
            )
    finally:
        context.close()
