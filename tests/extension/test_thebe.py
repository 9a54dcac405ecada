"""sphinx-thebe's scripts, stylesheet and page configuration are left out while live code is off."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.usefixtures("book_build")
THEBE_TRACES = ("sphinx-thebe", "THEBE_JS_URL", "x-thebe-config", "kernelName")


@pytest.mark.sphinx("html", testroot="book", srcdir="thebe-off")
def test_no_thebe_leftovers_while_live_code_is_off(app):
    app.build()
    for name in ("index", "charts", "plain", "chapters/sample"):
        page = (app.outdir / f"{name}.html").read_text(encoding="utf-8")
        assert [t for t in THEBE_TRACES if t in page] == [], name


@pytest.mark.sphinx("html", testroot="book", srcdir="thebe-on",
                    confoverrides={"html_theme_options": {"launch_buttons": {"thebe": True},
                                                          "repository_url": "https://github.com/a/b"}})
def test_thebe_stays_when_live_code_is_on(app):
    app.build()
    page = (app.outdir / "plain.html").read_text(encoding="utf-8")
    assert [t for t in THEBE_TRACES if t not in page] == []
