"""The language switch and hreflang alternates (belarus_book.sphinx.editions)."""

from __future__ import annotations

import re

import pytest

from belarus_book.i18n import LANG_ENV, language, set_language

pytestmark = pytest.mark.usefixtures("book_build")
BASE = "https://example.org/book/"
ENGLISH = {"bb_editions": {"de": "de/"}}


@pytest.fixture(autouse=True)
def same_language_after(monkeypatch):
    """A German build switches the process's language (for its kernels): switched back after."""
    before = language()
    monkeypatch.setenv(LANG_ENV, before)
    yield
    set_language(before)


@pytest.mark.sphinx("html", testroot="book", srcdir="editions-published",
                    confoverrides={**ENGLISH, "html_baseurl": BASE})
def test_a_published_page_names_both_editions_by_their_full_address(app):
    app.build()
    page = (app.outdir / "chapters" / "sample.html").read_text(encoding="utf-8")
    assert '<a href="../de/chapters/sample.html" hreflang="de" lang="de">Deutsch</a>' in page
    alternates = re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', page)
    assert alternates == [("de", f"{BASE}de/chapters/sample.html"), ("en", f"{BASE}chapters/sample.html")]


@pytest.mark.sphinx("html", testroot="book", srcdir="editions-german",
                    confoverrides={"bb_editions": {"en": "../"}, "language": "de", "html_baseurl": BASE})
def test_the_german_edition_lives_under_de(app):
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<a href="../index.html" hreflang="en" lang="en">English</a>' in page
    alternates = re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', page)
    assert alternates == [("de", f"{BASE}de/index.html"), ("en", f"{BASE}index.html")]


@pytest.mark.sphinx("html", testroot="book", srcdir="editions-offline", confoverrides=ENGLISH)
def test_an_offline_copy_has_the_switch_and_no_relative_alternates(app):
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<a href="de/index.html" hreflang="de" lang="de">Deutsch</a>' in page
    assert 'rel="alternate" hreflang' not in page
