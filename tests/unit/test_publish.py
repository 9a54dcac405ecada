"""Publishing a built site (belarus_book.commands.publish and print_links) and the build lock,
on small made-up sites: fast, no book build."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from belarus_book.commands import publish as publishing
from belarus_book.commands.lock import Busy, build_lock
from belarus_book.commands.print_links import PRINTED, as_built, offer_pdfs, record_printed
from belarus_book.web.layout import PDF_LINK_MARK, site_dir

TEACHING = '<li><a href="../_pdf/mobilisation.pdf">mobilisation.pdf</a>: a chapter</li>'


def built_site(folder: Path, version: str = "1", pages: int = 3) -> Path:
    """A site as the build writes it: a chapter with the PDF mark, a page listing PDFs."""
    (folder / "chapters").mkdir(parents=True)
    (folder / "appendix").mkdir()
    (folder / "_static").mkdir()
    (folder / "_static" / "print.css").write_text("@media print {}", encoding="utf-8")
    (folder / "index.html").write_text(f"<html>v{version}</html>", encoding="utf-8")
    (folder / "chapters" / "mobilisation.html").write_text(
        f"<html>v{version}<ul><li>notebook</li>{PDF_LINK_MARK}</ul></html>", encoding="utf-8")
    (folder / "appendix" / "teaching.html").write_text(f"<html><ul>{TEACHING}</ul></html>", encoding="utf-8")
    for number in range(pages):
        (folder / f"page{number}.html").write_text(f"<html>v{version} {'x' * 2000}</html>", encoding="utf-8")
    return folder


def print_into(pdf_dir: Path, site: Path) -> None:
    """What `make pdf` leaves: the PDFs and the record of the pages they were printed from."""
    pdf_dir.mkdir(exist_ok=True)
    (pdf_dir / "mobilisation.pdf").write_bytes(b"%PDF-1.7 chapter")
    (pdf_dir / "belarus-book.pdf").write_bytes(b"%PDF-1.7 book")
    record_printed(pdf_dir, site, {"mobilisation.pdf": ["chapters/mobilisation"],
                                   "belarus-book.pdf": ["index", "chapters/mobilisation", "appendix/teaching"]})


def texts(site: Path) -> tuple[str, str]:
    return ((site / "chapters" / "mobilisation.html").read_text(encoding="utf-8"),
            (site / "appendix" / "teaching.html").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- PDFs and their links
def test_without_pdfs_no_page_links_one(tmp_path):
    site = built_site(tmp_path / "site")
    assert offer_pdfs(site, tmp_path / "pdf") == []
    chapter, teaching = texts(site)
    assert PDF_LINK_MARK in chapter and ".pdf" not in chapter
    assert '<a href="../_pdf/' not in teaching and "mobilisation.pdf</span>" in teaching
    assert not (site / "_pdf").exists()


def test_printed_pdfs_are_offered_and_linked_and_links_undo_exactly(tmp_path):
    site = built_site(tmp_path / "site")
    as_written = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    offer_pdfs(site, tmp_path / "pdf")  # first published without PDFs: links held back
    print_into(tmp_path / "pdf", site)
    assert offer_pdfs(site, tmp_path / "pdf") == ["belarus-book.pdf", "mobilisation.pdf"]
    chapter, teaching = texts(site)
    assert 'href="../_pdf/mobilisation.pdf"' in chapter and PDF_LINK_MARK not in chapter
    assert TEACHING in teaching
    assert (site / "_pdf" / "mobilisation.pdf").read_bytes() == b"%PDF-1.7 chapter"
    for path, text in as_written.items():
        pagename = path.relative_to(site).with_suffix("").as_posix()
        assert as_built(path.read_text(encoding="utf-8"), pagename) == text


def test_a_pdf_of_a_changed_page_is_withdrawn_with_its_links(tmp_path):
    first = built_site(tmp_path / "first")
    print_into(tmp_path / "pdf", first)
    second = built_site(tmp_path / "second", version="2")  # the chapter (and so the book) changed
    assert offer_pdfs(second, tmp_path / "pdf") == []
    chapter, teaching = texts(second)
    assert ".pdf" not in chapter and '<a href="../_pdf/' not in teaching
    third = built_site(tmp_path / "third")  # the same pages as printed, another build
    assert offer_pdfs(third, tmp_path / "pdf") == ["belarus-book.pdf", "mobilisation.pdf"]


def test_a_changed_stylesheet_withdraws_every_pdf(tmp_path):
    site = built_site(tmp_path / "site")
    print_into(tmp_path / "pdf", site)
    (site / "_static" / "print.css").write_text("@media print { body { margin: 0 } }", encoding="utf-8")
    assert offer_pdfs(site, tmp_path / "pdf") == []


def test_a_damaged_record_offers_nothing(tmp_path):
    site = built_site(tmp_path / "site")
    print_into(tmp_path / "pdf", site)
    (tmp_path / "pdf" / PRINTED).write_text("{half", encoding="utf-8")
    assert offer_pdfs(site, tmp_path / "pdf") == []  # a half-written record is not trusted


# --------------------------------------------------------------------------- the swap
@pytest.mark.parametrize("exchange", [True, False], ids=["one-call", "fallback"])
def test_publish_replaces_the_site_and_keeps_the_previous_one_until_the_next(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(publishing, "_exchange", lambda a, b: False)
    site = site_dir(tmp_path)
    for version in "123":
        built = built_site(tmp_path / f"built{version}", version)
        publishing.publish(built, site, tmp_path / "pdf")
        assert f"v{version}" in (site / "index.html").read_text(encoding="utf-8")
    assert "v2" in (site.with_name("html.previous") / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in site.parent.iterdir()) == ["html", "html.previous"]


def test_a_reader_never_finds_the_site_partial_or_missing(tmp_path):
    # A reader opening files by path, as `make serve` and a static host do, while sites are
    # published one after another: every page it asks for is there, whole.
    site = site_dir(tmp_path)
    sites = [built_site(tmp_path / f"built{n}", str(n), pages=60) for n in range(12)]
    publishing.publish(sites[0], site, tmp_path / "pdf")
    done, failures, reads = threading.Event(), [], [0]

    def read():
        while not done.is_set():
            for name in ("index.html", "page59.html", "chapters/mobilisation.html"):
                try:
                    text = (site / name).read_text(encoding="utf-8")
                except OSError as error:
                    failures.append(repr(error))
                    continue
                if not text.endswith("</html>"):
                    failures.append(f"{name} partial")
            reads[0] += 1

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for built in sites[1:]:
            publishing.publish(built, site, tmp_path / "pdf")
    finally:
        done.set()
        reader.join()
    assert reads[0] > 10
    assert failures == []


def test_an_interrupted_publish_is_cleared_by_the_next(tmp_path):
    site = site_dir(tmp_path)
    publishing.publish(built_site(tmp_path / "built1", "1"), site, tmp_path / "pdf")
    # Stopped between the fallback's two renames: the site was moved away, the new one
    # half-copied beside it.
    site.rename(site.with_name("html.previous"))
    (site.with_name("html.new") / "chapters").mkdir(parents=True)
    publishing.recover(site)
    assert "v1" in (site / "index.html").read_text(encoding="utf-8")
    assert not site.with_name("html.new").exists()


# --------------------------------------------------------------------------- the lock
def test_the_lock_admits_one_holder_and_names_it(tmp_path):
    with build_lock(tmp_path, "build"):
        with pytest.raises(Busy) as busy, build_lock(tmp_path, "pdf"):
            pass
    assert f"another build is running (pid {os.getpid()}, build)" in str(busy.value)
    with build_lock(tmp_path, "build"):  # released with its holder
        pass


@pytest.mark.parametrize("tool", ["build", "pdf", "dist", "clean", "clean-cache"])
def test_every_tool_that_writes_build_waits_for_no_one_and_changes_nothing(tmp_path, tool):
    (site_dir(tmp_path)).mkdir(parents=True)
    (site_dir(tmp_path) / "index.html").write_text("the last good site", encoding="utf-8")
    env = {**os.environ, "BELARUS_BOOK_CHROMIUM": sys.executable}  # pdf: a browser "is there"
    with build_lock(tmp_path, "a test"):
        result = subprocess.run([sys.executable, "-m", "belarus_book", tool, str(tmp_path)],
                                capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"another build is running (pid {os.getpid()}, a test)" in result.stderr
    assert (site_dir(tmp_path) / "index.html").read_text(encoding="utf-8") == "the last good site"
