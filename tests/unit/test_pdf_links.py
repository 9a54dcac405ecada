"""A chapter page links its PDF only once `make pdf` has put the PDF in the site."""

from __future__ import annotations

from belarus_book.web.layout import PDF_DIR, PDF_LINK_MARK, link_pdfs


def _site(tmp_path, with_pdf: bool):
    (tmp_path / "chapters").mkdir()
    page = tmp_path / "chapters" / "mobilisation.html"
    page.write_text(f"<ul><li>notebook</li>{PDF_LINK_MARK}</ul>", encoding="utf-8")
    if with_pdf:
        (tmp_path / PDF_DIR).mkdir()
        (tmp_path / PDF_DIR / "mobilisation.pdf").write_bytes(b"%PDF-1.7")
    return page


def test_no_pdf_no_link(tmp_path):
    page = _site(tmp_path, with_pdf=False)
    assert link_pdfs(tmp_path) == []
    assert ".pdf" not in page.read_text(encoding="utf-8")


def test_pdf_in_the_site_gets_a_relative_link(tmp_path):
    page = _site(tmp_path, with_pdf=True)
    assert link_pdfs(tmp_path) == ["chapters/mobilisation"]
    text = page.read_text(encoding="utf-8")
    assert 'href="../_pdf/mobilisation.pdf"' in text and PDF_LINK_MARK not in text
