"""A change to a stylesheet alone reaches the site: every page is written again."""

from __future__ import annotations

import pytest

from belarus_book.web.layout import site_dir

pytestmark = pytest.mark.usefixtures("book_build")


@pytest.mark.sphinx("html", testroot="book", srcdir="static-files")
def test_a_changed_static_file_rewrites_every_page_and_only_then(app_params, make_app):
    args, kwargs = app_params
    css = kwargs["srcdir"] / "_static" / "extra.css"

    def build() -> int:
        app = make_app(*args, **kwargs)
        app.build()
        return (app.outdir / "plain.html").stat().st_mtime_ns

    first = build()
    assert build() == first, "a page was written again with nothing changed"
    css.write_text("p { color: navy; }\n", encoding="utf-8")
    assert build() != first
    assert "navy" in (site_dir(kwargs["srcdir"]) / "_static" / "extra.css").read_text(encoding="utf-8")
