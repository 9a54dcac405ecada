"""The print edition that `make pdf` wrote: one PDF per chapter and one of the whole book.

`make test` runs `make pdf` first; these tests read _build/pdf and compare it with the
built HTML pages the PDFs were printed from.
"""

from __future__ import annotations

import html as htmllib
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from belarus_book.commands import chromium, pdf
from belarus_book.web.layout import PDF_DIR, pdf_name

from ..helpers import IN_CI, ROOT, SITE

pytestmark = [pytest.mark.slow, pytest.mark.browser]

PDFS = ROOT / "_build" / "pdf"
CHAPTERS = [d for d in pdf.toc_docnames(ROOT) if d.startswith(pdf.CHAPTER_PREFIX)]
_FOOTER = re.compile(r"page \d+ of \d+\s*$")


@pytest.fixture(scope="module", autouse=True)
def printed():
    if not chromium.chromium_available() and not IN_CI:
        pytest.skip("the print edition needs Debian's Chromium (`sudo apt-get install chromium`)")
    if not (PDFS / pdf.BOOK_PDF).exists():
        pytest.fail("no PDFs in _build/pdf: run `make test` (it runs `make pdf`) or `make pdf`")


def squash(text: str) -> str:
    """Text reduced for comparison: ligatures undone, no whitespace, lower case."""
    text = unicodedata.normalize("NFKC", htmllib.unescape(text)).replace("\u00ad", "")
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", "", text).lower()


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def body_text(page_text: str) -> str:
    """A page's text without the footer line (title and page number) Chromium adds."""
    lines = page_text.rstrip().splitlines()
    if lines and _FOOTER.search(lines[-1]):
        lines = lines[:-1]
    return "\n".join(lines)


def html_of(docname: str) -> str:
    return (SITE / f"{docname}.html").read_text(encoding="utf-8")


def strip_tags(fragment: str) -> str:
    return re.sub(r"<[^>]+>", " ", fragment)


def printed_part(page_html: str) -> str:
    """The page without its solution cells (tagged hide-cell), which print leaves out."""
    parts = re.split(r'(?=<div class="cell[ "])', page_html)
    return "".join(p for p in parts if not p.startswith('<div class="cell tag_hide-cell'))


def chart_specs(docname: str, page_html: str) -> list[dict]:
    """The specs of the charts in ``page_html`` (the page or a part of it), in order."""
    specs = chromium.chart_specs(SITE, SITE / f"{docname}.html")
    return [specs[int(i)] for i in re.findall(r'<div class="vega-chart" data-chart-index="(\d+)"', page_html)]


def title_text(spec: dict) -> str:
    title = spec.get("title") or ""
    if isinstance(title, dict):
        title = title.get("text") or ""
    return " ".join(title) if isinstance(title, list) else str(title)


def test_there_are_chapters_to_print():
    assert CHAPTERS, "no chapter pages found in the table of contents"


@pytest.mark.parametrize("docname", CHAPTERS)
def test_chapter_pdf_has_its_title_and_no_blank_page(docname):
    path = PDFS / pdf_name(docname)
    texts = page_texts(path)
    assert len(texts) >= 1
    h1 = strip_tags(re.search(r"<h1[^>]*>(.*?)</h1>", html_of(docname), re.S).group(1))
    h1 = h1.replace("#", "")
    assert squash(h1) in squash(texts[0]), f"title {h1!r} not on the first page of {path.name}"
    for number, text in enumerate(texts, 1):
        assert len(body_text(text).strip()) >= 20, f"{path.name}: page {number} is (nearly) blank"
    assert _FOOTER.search(texts[-1].rstrip().splitlines()[-1]), "no page number in the footer"


@pytest.mark.parametrize("docname", CHAPTERS)
def test_every_chart_is_drawn_and_described_in_the_chapter_pdf(docname):
    page_html = html_of(docname)
    text = squash("".join(page_texts(PDFS / pdf_name(docname))))
    all_specs = chromium.chart_specs(SITE, SITE / f"{docname}.html")
    assert len(chart_specs(docname, page_html)) == len(all_specs) == page_html.count('class="vega-chart"')
    page_html = printed_part(page_html)
    specs = chart_specs(docname, page_html)
    for i, spec in enumerate(specs):
        # The title exists only inside the drawn SVG: finding it proves the chart was drawn
        # (as vector text), not just its placeholder.
        title = title_text(spec)
        if title:
            assert squash(title) in text, f"chart {i} ({title!r}) not drawn in {docname} PDF"
        # The start of it: pypdf reads a page's text in drawing order, so a long description
        # can come out interleaved with the chart's own labels.
        description = squash(spec["description"])[:80]
        assert description in text, f"chart {i}'s description missing from the PDF"
    figures = len(re.findall(r'<span class="caption-number">Fig\. \d+', page_html))
    assert text.count("fig.") >= figures


@pytest.mark.parametrize("docname", CHAPTERS)
def test_quotations_and_sources_print_and_solutions_do_not(docname):
    page_html = html_of(docname)
    text = squash("".join(page_texts(PDFS / pdf_name(docname))))
    for quote in re.findall(r"<blockquote>(.*?)</blockquote>", page_html, re.S):
        words = squash(strip_tags(quote))[:60]
        assert words in text, f"quotation {words!r} missing from the PDF"
    if 'id="sources"' in page_html:
        assert "sources" in text
    solutions = re.findall(r'<div class="cell tag_hide-cell[^"]*"(.*?)<div class="cell', page_html, re.S)
    if solutions:
        assert squash("solutions to the exercises are left out") in text
        code = re.search(r'<div class="highlight[^"]*"><pre>(.*?)</pre>', solutions[0], re.S)
        if code:
            longest = max(strip_tags(code.group(1)).splitlines(), key=len)
            assert len(longest) < 15 or squash(longest) not in text, "a solution was printed"


def test_whole_book_pdf_holds_every_page_in_order():
    book = PdfReader(PDFS / pdf.BOOK_PDF)
    chapter_pages = sum(len(PdfReader(PDFS / pdf_name(d)).pages) for d in CHAPTERS)
    assert len(book.pages) >= chapter_pages
    outline = [item.title for item in book.outline]
    titles = []
    for docname in CHAPTERS:
        h1 = strip_tags(re.search(r"<h1[^>]*>(.*?)</h1>", html_of(docname), re.S).group(1))
        titles.append(squash(h1.replace("#", "")))
    found = [squash(t) for t in outline]
    positions = [found.index(t) for t in titles]
    assert positions == sorted(positions), f"chapters out of order in the book: {outline}"
    for number, page in enumerate(book.pages, 1):
        assert len(body_text(page.extract_text() or "").strip()) >= 20, f"book page {number} blank"


@pytest.mark.parametrize("docname", CHAPTERS)
def test_chapter_page_links_its_pdf(docname):
    page_html = html_of(docname)
    link = re.search(r'<a class="reference external bb-pdf-link" href="([^"]+)"', page_html)
    assert link, f"{docname} has no link to its PDF"
    target = (SITE / docname).parent / htmllib.unescape(link.group(1))
    assert target.resolve() == (SITE / PDF_DIR / pdf_name(docname)).resolve()
    assert target.is_file(), f"{link.group(1)} is not in the site: `make pdf` copies it there"


def test_teaching_kit_lists_every_chapter_pdf():
    teaching = SITE / "appendix" / "teaching.html"
    if not teaching.exists():
        pytest.skip("no teaching kit page in this build")
    page_html = teaching.read_text(encoding="utf-8")
    for docname in CHAPTERS:
        href = f"../{PDF_DIR}/{pdf_name(docname)}"
        assert f'href="{href}"' in page_html, f"the teaching kit does not list {href}"
        assert (teaching.parent / href).resolve().is_file(), href
    assert (SITE / PDF_DIR / pdf.BOOK_PDF).is_file()


def lowest_text(page) -> float:
    """How far down the page its text reaches (0 = top, 1 = bottom), the footer left out."""
    height = float(page.mediabox.height)
    ys = []
    page.extract_text(visitor_text=lambda text, cm, tm, *_: ys.append(tm[5] * cm[3] + cm[5])
                      if text.strip() else None)
    body = [y for y in ys if 0.06 * height < y <= height]  # the footer sits in the bottom margin
    return 1 - min(body) / height if body else 0.0


@pytest.mark.parametrize("docname", CHAPTERS)
def test_no_page_is_left_mostly_empty(docname):
    # A table, box or chart that did not fit below the text must flow on or fill the page,
    # not move whole to the next page and leave most of this one blank. (Captions follow
    # charts, so a page that ends in a chart still has text near its end.)
    pages = PdfReader(PDFS / pdf_name(docname)).pages
    empty = [n for n, page in enumerate(pages[:-1], 1) if lowest_text(page) < 0.4]
    assert not empty, f"{pdf_name(docname)}: pages {empty} are more than 60 % empty"



# --- the German print edition ---------------------------------------------------------------

GERMAN_PDFS = ROOT / "_build" / "pdf-de"
_GERMAN_FOOTER = re.compile(r"Seite \d+ von \d+\s*$")


@pytest.mark.parametrize("docname", CHAPTERS)
def test_every_german_chapter_is_printed_with_its_title_and_no_mostly_empty_page(docname):
    path = GERMAN_PDFS / pdf_name(docname)
    assert path.is_file(), f"no German PDF {path.name}: make pdf prints both editions"
    texts = page_texts(path)
    h1 = strip_tags(re.search(r"<h1[^>]*>(.*?)</h1>", html_of(f"de/{docname}"), re.S).group(1))
    assert squash(h1.replace("#", "")) in squash(texts[0]), f"{h1!r} not on the first page"
    assert _GERMAN_FOOTER.search(texts[-1].rstrip().splitlines()[-1]), "no German page number"
    pages = PdfReader(path).pages
    empty = [n for n, page in enumerate(pages[:-1], 1) if lowest_text(page) < 0.4]
    assert not empty, f"de/{path.name}: pages {empty} are more than 60 % empty"


def test_the_german_book_is_printed_whole_and_offered_in_its_edition():
    assert (GERMAN_PDFS / pdf.BOOK_PDF).is_file()
    for name in [*map(pdf_name, CHAPTERS), pdf.BOOK_PDF]:
        assert (SITE / "de" / PDF_DIR / name).is_file(), f"de/{PDF_DIR}/{name} not offered"
