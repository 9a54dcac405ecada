"""Links: every internal link and anchor resolves; every external link is well formed and cited.

Reads the built pages with the standard library's HTML parser. Internal: each href/src that
points into the site names a file that exists, and each #fragment names an id in the target
page. External: every http(s) link in a page's own text (the article, not the theme's
chrome) is a well-formed URL listed on the Sources and method page, so a reader can always
find what it is and why the book relies on it.
"""

from __future__ import annotations

import csv
import functools
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from ..helpers import ROOT, SITE, all_pages

SOURCES_PAGE = "appendix/sources-method.html"
# External links in the text that are not sources, so not on the sources page, and why.
NOT_SOURCES = {
    "https://creativecommons.org/licenses/by/4.0/": "the licence of the book's text and data",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
NOT_FILES = ("mailto:", "tel:", "javascript:", "data:", "blob:", "about:")


class Page(HTMLParser):
    """Ids, and links with whether they sit inside the article (the page's own content)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, bool]] = []  # (tag, url, in_article)
        self._article_depth = 0
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in VOID:
            self._depth += 1
            if tag == "article" and "bd-article" in (a.get("class") or "").split():
                self._article_depth = self._depth
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        for key in ("href", "src"):
            if a.get(key) is not None:
                self.links.append((tag, a[key], bool(self._article_depth)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self._article_depth and self._depth == self._article_depth and tag == "article":
            self._article_depth = 0
        self._depth -= 1


@functools.cache
def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def is_external(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https") or url.startswith("//")


def well_formed(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return (
        parts.scheme in ("http", "https")
        and "." in host
        and not any(c.isspace() for c in url)
        and all(label and not label.startswith("-") for label in host.split("."))
    )


def test_site_has_pages():
    pages = all_pages()
    assert "index.html" in pages and any(p.startswith("chapters/") for p in pages)


def test_internal_links_and_anchors_resolve(site_page):
    page_file = SITE / site_page
    broken = []
    for tag, url, _ in parse(page_file).links:
        if not url or is_external(url) or url.startswith(NOT_FILES):
            continue
        target_url, fragment = urldefrag(url)
        path = urlsplit(target_url).path  # drops ?digest=... and ?v=...
        target = page_file if not path else (page_file.parent / unquote(path)).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            broken.append(f"<{tag}> {url}: no file {target}")
            continue
        if SITE.resolve() not in target.resolve().parents:
            broken.append(f"<{tag}> {url}: points outside the site")
            continue
        if fragment and target.suffix == ".html" and unquote(fragment) not in parse(target).ids:
            broken.append(f"<{tag}> {url}: no id {fragment!r} in {target.relative_to(SITE.resolve())}")
    assert not broken, f"{site_page}:\n" + "\n".join(broken)


def cited_urls() -> set[str]:
    """URLs a reader finds on the Sources and method page (else, until it exists, in sources.csv)."""
    if (SITE / SOURCES_PAGE).exists():
        return {url for _, url, _ in parse(SITE / SOURCES_PAGE).links if is_external(url)}
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8", newline="") as f:
        return {row["url"] for row in csv.DictReader(f) if row.get("url")}


def test_sources_page_exists():
    assert (SITE / SOURCES_PAGE).exists(), \
        f"{SOURCES_PAGE} is missing: external links are checked against data/sources.csv"


def test_sources_page_lists_every_source_url():
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8", newline="") as f:
        urls = {row["url"] for row in csv.DictReader(f) if row.get("url")}
    missing = sorted(urls - cited_urls())
    assert not missing, f"sources with a URL that the sources page does not link: {missing}"


def test_external_links_are_well_formed_and_cited(site_page):
    cited = cited_urls()
    problems = []
    for tag, url, in_article in parse(SITE / site_page).links:
        if not in_article or not is_external(url):
            continue
        if not well_formed(url):
            problems.append(f"<{tag}> {url!r}: not a well-formed http(s) URL")
        elif url not in cited and url not in NOT_SOURCES:
            problems.append(f"<{tag}> {url}: not listed on {SOURCES_PAGE}")
    assert not problems, f"{site_page}:\n" + "\n".join(problems)
