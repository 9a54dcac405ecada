"""Dark mode on a phone: every page with charts, at 390 px wide in dark mode, draws every
chart, and each chart fits its container and the viewport (no sideways scrolling to read a
chart). Legibility (text contrast) in dark mode is axe's job: tests/browser/test_a11y.py."""

from __future__ import annotations

from ..helpers import chapter_pages, open_in_mode

PHONE = {"width": 390, "height": 844}


def test_there_are_chapters():
    assert chapter_pages()


def test_charts_draw_and_fit_on_a_phone_in_dark_mode(browser, site_url, phone_page):
    context, page = open_in_mode(
        browser, site_url + phone_page, "dark", viewport=PHONE, device_scale_factor=2,
        is_mobile=True, has_touch=True,
    )
    try:
        count = page.locator(".vega-chart").count()
        for i in range(count):
            holder = page.locator(".vega-chart").nth(i)
            holder.scroll_into_view_if_needed()
            assert holder.get_attribute("data-rendered") == "true", f"chart {i} not drawn"
            sizes = holder.evaluate(
                """h => {
                    const svg = h.querySelector('.vega-chart-view svg');
                    const s = svg.getBoundingClientRect(), c = h.getBoundingClientRect();
                    return {svg: s.width, left: s.left, right: s.right, holder: c.width,
                            holderRight: c.right, marks: h.querySelectorAll('g.role-mark > *').length};
                }"""
            )
            assert sizes["marks"] > 0, f"chart {i} on {phone_page} drew no marks"
            assert sizes["svg"] <= sizes["holder"] + 1, f"chart {i} on {phone_page} overflows its box: {sizes}"
            assert sizes["svg"] <= PHONE["width"], f"chart {i} on {phone_page} is wider than the phone: {sizes}"
            assert sizes["left"] >= -1 and sizes["right"] <= PHONE["width"] + 1, (
                f"chart {i} on {phone_page} sticks out of the screen: {sizes}"
            )
        # The page itself must not scroll sideways because of its content.
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{phone_page} scrolls sideways by {overflow}px at {PHONE['width']}px"
    finally:
        context.close()
