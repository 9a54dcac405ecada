"""The two editions of one site (issue 27): every page in both, each linking the other, in
its own language, and drawing and gluing the same numbers from the same rows."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest

from belarus_book.web.layout import GERMAN_DIR

from ..helpers import ROOT, site_pages
from .test_chapter_charts import charts_seen

EDITIONS = ROOT / "_build" / "editions"


def english_pages() -> list[str]:
    return [p for p in site_pages() if not p.startswith(f"{GERMAN_DIR}/")]


def german_pages() -> list[str]:
    return [p for p in site_pages() if p.startswith(f"{GERMAN_DIR}/")]


def test_every_page_is_in_both_editions(site):
    english = set(english_pages())
    german = {p.removeprefix(f"{GERMAN_DIR}/") for p in german_pages()}
    assert english and english == german, (sorted(english - german), sorted(german - english))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_each_page_is_in_its_language_and_links_the_other(site, lang):
    other = "de" if lang == "en" else "en"
    for page in english_pages() if lang == "en" else german_pages():
        text = (site / page).read_text(encoding="utf-8")
        assert re.search(rf'<html[^>]* lang="{lang}"', text), f"{page}: not <html lang={lang}>"
        switch = re.search(rf'<nav class="bb-editions"[^>]*><a href="([^"]+)" hreflang="{other}"', text)
        assert switch, f"{page}: no link to the {other} edition"
        target = (site / urljoin(page, switch.group(1))).resolve()
        counterpart = (site / GERMAN_DIR / page) if lang == "en" else site / page.removeprefix(f"{GERMAN_DIR}/")
        assert target == counterpart.resolve(), f"{page}: the switch leads to {target}"
        # The book's address is not set (html_baseurl), and search engines take only full
        # addresses as alternates (tests/extension/test_editions.py has them with one).
        assert 'rel="alternate" hreflang=' not in text, f"{page}: an alternate without the site's address"


def test_the_editions_glue_and_draw_the_same_from_the_same_rows():
    """What the build compared (records.compare_editions), read back: each chapter's claims,
    glued numbers, the numbers, dates and claim ids of each chart, its tables; every page's
    labels (sections, figures, exercises)."""
    english = json.loads((EDITIONS / "en.json").read_text(encoding="utf-8"))
    german = json.loads((EDITIONS / "de.json").read_text(encoding="utf-8"))
    assert english == german
    chapters = {k: v for k, v in english.items() if k.startswith("chapters/")}
    assert chapters and all(v["charts"] and v["glued"] and v["claims"] for v in chapters.values())


def test_german_chapters_show_the_same_charts(site):
    for page in [p for p in english_pages() if p.startswith("chapters/")]:
        assert charts_seen(site, f"{GERMAN_DIR}/{page}") == charts_seen(site, page), page


_MONTHS = ("January|February|March|May|June|July|October|December")
_STOPWORDS = re.compile(r"\b(the|and|of|which|that|is|are|was|were|with|from|this|their|by)\b")


class _German(HTMLParser):
    """The German page's text outside code, scripts and anything marked another language."""

    SKIP = {"script", "style", "pre", "code", "svg", "template"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.blocks: list[str] = [""]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped = (self.stack[-1] if self.stack else False) or tag in self.SKIP or \
            (attrs.get("lang") not in (None, "de")) or "highlight" in (attrs.get("class") or "") \
            or (tag == "a" and (attrs.get("href") or "").startswith("http"))  # an address
        if tag not in ("br", "img", "input", "meta", "link", "hr", "source", "wbr"):
            self.stack.append(skipped)
        if tag in ("p", "li", "td", "th", "h1", "h2", "h3", "figcaption", "dt", "dd", "caption"):
            self.blocks.append("")

    def handle_endtag(self, tag):
        if self.stack and tag not in ("br", "img", "input", "meta", "link", "hr", "source", "wbr"):
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.blocks[-1] += data


def test_no_english_is_left_on_a_german_page(site):
    found = []
    for page in german_pages():
        body = (site / page).read_text(encoding="utf-8")
        main = re.search(r"<main.*</main>", body, re.S)
        parser = _German()
        parser.feed(main.group(0) if main else body)
        for block in parser.blocks:
            words = re.findall(r"[A-Za-zÄÖÜäöüß]+", block)
            english = _STOPWORDS.findall(block.lower())
            if len(words) >= 6 and len(english) >= 3 and len(english) / len(words) > 0.12:
                found.append(f"{page}: {block.strip()[:120]!r}")
            if re.search(rf"\b({_MONTHS})\b", block):
                found.append(f"{page}: an English month: {block.strip()[:120]!r}")
    assert not found, f"{len(found)} blocks:\n" + "\n".join(found)


def test_german_pages_write_numbers_the_german_way(site):
    english_thousands = re.compile(r'<span class="pasted-text">(\d{1,3}(?:,\d{3})+(?:\.\d+)?)</span>')
    found = [f"{page}: {m}" for page in german_pages()
             for m in english_thousands.findall((site / page).read_text(encoding="utf-8"))]
    assert not found, found
