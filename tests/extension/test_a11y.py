"""Fixes to the markup tools write into pages, and code highlighting in less HTML."""

from __future__ import annotations

import html
import re

import pytest

pytestmark = pytest.mark.usefixtures("book_build")


@pytest.mark.sphinx("html", testroot="book", srcdir="a11y")
def test_tool_markup_is_fixed(app):
    app.build()
    page = (app.outdir / "plain.html").read_text(encoding="utf-8")
    # myst-nb's toggle: its accessible name is its visible label.
    assert "<summary>Show code cell source</summary>" in page
    assert "Toggle hidden content" not in page
    # pandas' scoped style and border attribute.
    assert "<style scoped>" not in page and 'border="1"' not in page
    assert '<table class="dataframe">' in page
    # sphinx-exercise's headingless sections with a shared id: plain containers.
    assert 'id="exercise-content"' not in page
    assert re.search(r'<div class="exercise-content[^"]*">', page)


@pytest.mark.sphinx("html", testroot="book", srcdir="highlight")
def test_code_keeps_its_text_in_fewer_spans(app):
    app.build()
    page = (app.outdir / "plain.html").read_text(encoding="utf-8")
    block = re.search(r'<div class="highlight"><pre>(.*?)</pre></div>', page, re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", block)) == "import json\ntotal = len(values) + 1  # one more\n"
    assert '<span class="kn">import</span>' in block, "a keyword lost its colour"
    assert '<span class="n">total</span>' not in block, "a name drawn as plain text kept its span"
