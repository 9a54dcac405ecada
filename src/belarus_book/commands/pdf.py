"""Print edition: one PDF per chapter and one of the whole book, from the built HTML.

    python -m belarus_book pdf [BOOK_DIR]      (what `make pdf` runs, after `make book`)

Each page of the built site is opened in Debian's Chromium (the same browser and flags as
the tests), its charts are drawn, and Chromium prints it with the print style sheet
(``_static/print.css``): A4, page numbers and the page title in the footer. The whole book
is the pages in table-of-contents order, merged with pypdf, with one bookmark per page.
Writes ``_build/pdf/`` with a record of the pages each PDF was printed from, and offers the
PDFs in ``_build/html/_pdf/``, linked from the pages (:mod:`.print_links`). Every later build
keeps offering them as long as their pages are unchanged, and only then.

Without Chromium this fails, saying so; ``--if-chromium`` (what ``make test`` passes, so a
machine without a browser can still run the other tests) makes it say so and stop without
error, except in CI.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from pypdf import PdfReader, PdfWriter

from ..i18n import speaking, tr
from ..web.layout import CHAPTER_PREFIX, EDITIONS, PDF_DIR, edition_pdf_dir, edition_site, pdf_name, site_dir
from . import chromium
from .folders import remove_tree
from .lock import Busy, build_lock
from .print_links import offer_pdfs, record_printed

BOOK_PDF = "belarus-book.pdf"
# A4 at 96 CSS px per inch is 794 px wide; the charts are drawn at about the printed width.
VIEWPORT = {"width": 900, "height": 1200}
def footer() -> str:
    """The printed footer: the page's title, and its page number in the edition's words."""
    number = tr("page {n} of {total}").format(n='<span class="pageNumber"></span>',
                                              total='<span class="totalPages"></span>')
    return ('<div style="font-size:8px;width:100%;margin:0 14mm;display:flex;'
            'justify-content:space-between;color:#444;font-family:sans-serif">'
            f'<span class="title"></span><span>{number}</span></div>')
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"}


@dataclass
class Printed:
    docname: str
    title: str
    path: Path
    pages: int
    charts: int


def toc_docnames(book: Path, lang: str = "en") -> list[str]:
    """Every page of the ``lang`` edition's ``_toc.yml`` in reading order (root first)."""
    toc = yaml.safe_load((edition_site(book, lang) / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                names.append(re.sub(r"\.(md|ipynb)$", "", entry["file"]))
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return names


def print_page(browser, url: str, target: Path) -> tuple[str, int]:
    """Print one page to ``target``; return its title and how many charts it drew."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        charts = chromium.wait_for_charts(page)
        failed = page.locator('.vega-chart:not([data-rendered="true"])').count()
        if failed:
            raise RuntimeError(f"{failed} of {charts} charts were not drawn on {url}")
        # What a browser does before it prints: the chart bundle then puts each chart's
        # table (or a line saying where it is) after the chart; with the charts' views
        # loaded first, the tables themselves.
        if charts:
            page.evaluate("() => window.bookLoadChartViews()")
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        page.emulate_media(media="print")
        title = page.title()
        page.pdf(path=str(target), format="A4", margin=MARGIN, print_background=True,
                 display_header_footer=True, header_template="<span></span>",
                 footer_template=footer())
        return title, charts
    finally:
        context.close()


def make_pdfs(book: Path, lang: str = "en") -> list[Printed]:
    """The ``lang`` edition's PDFs, printed from its pages in the built site."""
    site = edition_site(site_dir(book), lang)
    out = edition_pdf_dir(book, lang)
    if not (site / "index.html").exists():
        raise SystemExit(f"no built site in {site.relative_to(book)}: run `make book` first")
    docnames = [d for d in toc_docnames(book, lang) if (site / f"{d}.html").exists()]
    from playwright.sync_api import sync_playwright

    printed: list[Printed] = []
    with tempfile.TemporaryDirectory() as tmp, chromium.serve(site) as base, \
            sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            for docname in docnames:
                target = Path(tmp) / f"{docname.replace('/', '__')}.pdf"
                title, charts = print_page(browser, base + f"{docname}.html", target)
                printed.append(Printed(docname, title, target, len(PdfReader(target).pages), charts))
        finally:
            browser.close()

        remove_tree(out)
        out.mkdir(parents=True)
        for item in printed:
            if item.docname.startswith(CHAPTER_PREFIX):
                shutil.copyfile(item.path, out / pdf_name(item.docname))
        writer = PdfWriter()
        for item in printed:
            start = len(writer.pages)
            writer.append(str(item.path))
            writer.add_outline_item(title=item.title.split(" — ")[0], page_number=start)
        writer.add_metadata({"/Title": printed[0].title.split(" — ")[-1] if printed else "Book"})
        with open(out / BOOK_PDF, "wb") as handle:
            writer.write(handle)
        for item in printed:
            item.path = out / (pdf_name(item.docname) if item.docname.startswith(CHAPTER_PREFIX)
                               else BOOK_PDF)

    chapters = {pdf_name(i.docname): [i.docname] for i in printed if i.docname.startswith(CHAPTER_PREFIX)}
    record_printed(out, site, {**chapters, BOOK_PDF: [i.docname for i in printed]})
    offer_pdfs(site, out)
    return printed


def run(book: Path, if_chromium: bool = False) -> int:
    if not chromium.chromium_available():
        message = f"PDFs need Chromium at {chromium.CHROMIUM} (`sudo apt-get install chromium`)"
        if if_chromium and not os.environ.get("CI"):
            print(f"Skipped the print edition: {message}. The PDF tests skip too.", flush=True)
            return 0
        print(f"PDF STEP FAILED: {message}", file=sys.stderr)
        return 1
    try:
        with build_lock(book, "pdf"):
            for lang in EDITIONS:
                if not (edition_site(book, lang) / "_toc.yml").is_file():
                    continue
                with speaking(lang):
                    printed = make_pdfs(book, lang)
                out, site = edition_pdf_dir(book, lang), edition_site(Path("_build/html"), lang)
                for item in printed:
                    print(f"{lang}: {item.docname}: {item.pages} pages, {item.charts} charts", flush=True)
                print(f"Wrote {len(list(out.glob('*.pdf')))} PDFs in {out.relative_to(book)}/ "
                      f"(whole book: {BOOK_PDF}), offered in {site}/{PDF_DIR}/", flush=True)
    except Busy as busy:
        print(f"PDF STEP NOT STARTED: {busy}", file=sys.stderr)
        return 1
    return 0
