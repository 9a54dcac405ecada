"""Chapter pages' notebook editions and the package's wheel, published beside the pages."""

from __future__ import annotations

import nbformat
import pytest

from belarus_book.web.layout import NOTEBOOK_DIR, WHEEL_DIR

pytestmark = pytest.mark.usefixtures("book_build")


@pytest.mark.sphinx("html", testroot="book", srcdir="notebooks")
def test_each_chapter_notebook_is_published_from_the_execution_cache(app, cache_executed):
    cache_executed(app, "chapters/sample", "36 polls\n", record={"tables": [], "sources": [], "claims": []})
    stale = app.outdir / NOTEBOOK_DIR / "chapters" / "removed-chapter.ipynb"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}", encoding="utf-8")
    app.build()
    assert app.warning.getvalue() == ""

    published = sorted(p.relative_to(app.outdir / NOTEBOOK_DIR).as_posix()
                       for p in (app.outdir / NOTEBOOK_DIR).rglob("*.ipynb"))
    assert published == ["chapters/sample.ipynb"]
    notebook = nbformat.read(app.outdir / NOTEBOOK_DIR / "chapters" / "sample.ipynb", as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [cell.outputs[0]["text"] for cell in code] == ["36 polls\n", "36 polls\n"]
    assert all(len(cell.outputs) == 1 for cell in code), "the chapter's record left in the edition"
    assert 'bb.load("polls")' in code[0].source
    assert notebook.cells[0].source.startswith("# A sample chapter")
    assert "notebook edition of a chapter of “A test book”" in notebook.cells[1].source


@pytest.mark.sphinx("html", testroot="book", srcdir="notebooks-uncached")
def test_a_chapter_without_an_executed_notebook_is_reported(app):
    app.build()
    assert "no executed notebook for chapters/sample in the execution cache" in app.warning.getvalue()
    assert not (app.outdir / NOTEBOOK_DIR / "chapters" / "sample.ipynb").exists()


@pytest.mark.sphinx("html", testroot="book", srcdir="wheel")
def test_the_package_wheel_is_published_where_the_box_links_it(app, book_build):
    old = app.outdir / WHEEL_DIR / "belarus_book-0.0.1-py3-none-any.whl"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"an older wheel")
    app.build()
    wheels = sorted((app.outdir / WHEEL_DIR).glob("belarus_book-*.whl"))
    assert [w.name for w in wheels] == [book_build.name]
    assert wheels[0].read_bytes() == book_build.read_bytes()
    assert f'href="../{WHEEL_DIR}/{book_build.name}"' in (app.outdir / "chapters" / "sample.html").read_text(
        encoding="utf-8")
