"""Pages are rewritten by one handler, which runs pages.REWRITERS in their listed order."""

from __future__ import annotations

import pytest

from belarus_book.sphinx import pages

pytestmark = pytest.mark.usefixtures("book_build")


@pytest.mark.sphinx("html", testroot="book", srcdir="pages-order")
def test_every_page_is_rewritten_in_the_listed_order(app, monkeypatch):
    calls = []

    def step(name):
        def rewrite(app, pagename, context):
            calls.append((pagename, name))
            context["body"] = context.get("body", "") + f"<!-- {name} -->"
        return rewrite

    monkeypatch.setattr(pages, "REWRITERS", [step("first"), step("second"), step("third")])
    app.build()
    for name in ("index", "charts", "plain", "chapters/sample"):
        assert [step for page, step in calls if page == name] == ["first", "second", "third"], name
        page = (app.outdir / f"{name}.html").read_text(encoding="utf-8")
        assert "<!-- first --><!-- second --><!-- third -->" in page, name


@pytest.mark.sphinx("html", testroot="book", srcdir="pages-one-handler")
def test_the_extension_has_one_page_handler(app):
    ours = [listener.handler for listener in app.events.listeners["html-page-context"]
            if listener.handler.__module__.startswith("belarus_book.")]
    assert ours == [pages.rewrite_page]
    assert len(set(pages.REWRITERS)) == len(pages.REWRITERS)
