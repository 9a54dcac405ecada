"""Charts a reader sees (chapter standard, "Shape"): at least four on every chapter page
without opening anything, and at least 17 across the landing page and the chapters."""

from __future__ import annotations

from html.parser import HTMLParser

from ..helpers import chapter_pages

MIN_PER_CHAPTER, MIN_IN_ALL = 4, 17
#: A chart inside any of these is folded: a reader sees it only after opening something.
FOLDS = {"dropdown", "solution", "tag_hide-cell", "tag_hide-output", "toggle"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "path", "rect", "circle", "line", "polygon", "polyline", "ellipse", "use"}


class _Charts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # per open element: is it (or is it in) a fold?
        self.seen = self.folded = 0

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        folded = (self.stack[-1] if self.stack else False) or tag == "details" or bool(classes & FOLDS)
        if "vega-chart" in classes:
            if folded:
                self.folded += 1
            else:
                self.seen += 1
        if tag not in VOID:
            self.stack.append(folded)

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)
        else:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()


def charts_seen(site, page: str) -> tuple[int, int]:
    """(charts a reader sees without opening anything, charts folded) on a built page."""
    parser = _Charts()
    parser.feed((site / page).read_text(encoding="utf-8"))
    return parser.seen, parser.folded


def test_every_chapter_shows_at_least_four_charts(site, chapter_page):
    seen, folded = charts_seen(site, chapter_page)
    assert seen >= MIN_PER_CHAPTER, f"{chapter_page}: {seen} charts in view ({folded} folded)"


def test_the_book_shows_at_least_17_charts(site):
    seen = sum(charts_seen(site, page)[0] for page in ["index.html", *chapter_pages()])
    assert seen >= MIN_IN_ALL, seen


def test_a_folded_chart_is_not_counted():
    html = ('<div class="vega-chart"></div><details><div class="vega-chart"></div></details>'
            '<div class="solution dropdown"><p><div class="vega-chart"></div></p></div>')
    parser = _Charts()
    parser.feed(html)
    assert (parser.seen, parser.folded) == (1, 2)
