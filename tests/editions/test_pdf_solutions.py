"""In print, the line saying a solution is in the online edition stands where each solution
was, under its exercise, and nowhere else (reader notes 2026-12-07: it stood under the
chapter's question, before any exercise, where the folded set-up code was)."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from belarus_book.commands import pdf
from belarus_book.web.layout import pdf_name

from .test_pdf import CHAPTERS, PDFS, html_of, printed, squash, strip_tags  # noqa: F401  (printed: the fixture)

pytestmark = [pytest.mark.slow, pytest.mark.browser]

LINE = squash("Solution: in the online edition of the book.")
BANNER = squash("solutions to the exercises are left out")


def exercises_and_solutions(page_html: str) -> tuple[list[str], int]:
    """The exercises' titles ("Exercise 4") in page order, and how many solutions there are
    (solution blocks, or a folded cell straight after an exercise)."""
    titles = re.findall(r'<div class="exercise admonition"[^>]*>\s*<p class="admonition-title">(.*?)</p>',
                        page_html, re.S)
    solutions = len(re.findall(r'<div class="solution[ "]', page_html))
    solutions += len(re.findall(r'<div class="exercise admonition"(?:(?!<div class="(?:solution|exercise)).)*?'
                                r'</div>\s*</div>\s*<div class="cell tag_hide-cell', page_html, re.S))
    return [strip_tags(t).strip() for t in titles], solutions


def in_reading_order(path) -> str:
    """A PDF's text top to bottom, page by page. pypdf gives text in drawing order, where a
    box's title or a line made by CSS can come after the text below it."""
    pieces = []
    for number, page in enumerate(PdfReader(path).pages):
        def visit(text, cm, tm, *_, number=number):
            if text.strip():
                y, x = tm[5] * cm[3] + cm[5], tm[4] * cm[0] + cm[4]
                pieces.append((number, -round(y), x, text))
        page.extract_text(visitor_text=visit)
    return "".join(text for *_, text in sorted(pieces))


def positions(text: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(needle), text)]


@pytest.mark.parametrize("docname", CHAPTERS)
def test_each_solution_line_stands_under_its_exercise(docname):
    page_html = html_of(docname)
    titles, solutions = exercises_and_solutions(page_html)
    text = squash(in_reading_order(PDFS / pdf_name(docname)))
    lines = positions(text, LINE)
    assert len(lines) == solutions, f"{docname}: {len(lines)} solution lines for {solutions} solutions"
    # The exercises' own titles: the last chain of them in order (the prose may name an
    # exercise before it comes).
    starts, end = [], len(text)
    for title in reversed(titles):
        end = text.rfind(squash(title), 0, end)
        assert end != -1, f"{docname}: exercise title {title!r} missing from the PDF"
        starts.insert(0, end)
    # Every line comes after the first exercise, and between each exercise and the next.
    for line in lines:
        assert line > starts[0], f"{docname}: a solution line stands before the first exercise"
    for here, following in zip(starts, [*starts[1:], len(text)], strict=True):
        assert sum(here < line < following for line in lines) <= 1, f"{docname}: two lines under one exercise"


def test_the_landing_page_carries_no_solution_line():
    # The landing page folds its set-up code too, and has no exercise: nothing about solutions.
    assert 'class="exercise' not in html_of("index")
    book = PdfReader(PDFS / pdf.BOOK_PDF)
    # The first bookmark is the landing page; the second starts the first chapter.
    first_chapter = book.get_destination_page_number(book.outline[1])
    landing = squash("".join(page.extract_text() or "" for page in book.pages[:first_chapter]))
    assert landing, "the landing page printed nothing"
    assert LINE not in landing and BANNER not in landing
