"""Shared fixtures: the built site, a local server for it, and Debian's Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from belarus_book import testing

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
SHARED = ROOT.parent / "shared"
IN_CI = bool(os.environ.get("CI"))

# Console messages the stock Jupyter Book theme prints on every page, none of them ours:
# pydata-sphinx-theme warns about the theme mode before its own script has set it.
# (sphinx-thebe's duplicate THEBE_JS_URL is gone: its idle scripts are left out of the
# pages, see belarus_book/sphinx/thebe.py.)
THEME_CONSOLE_NOISE = ("Got invalid theme mode",)


@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail("no built site in _build/html: run `make test` (it builds first) or `make book`")
    return SITE


@pytest.fixture(scope="session")
def site_url(site):
    with testing.serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not testing.chromium_available():
        if IN_CI:
            pytest.fail(f"Chromium missing at {testing.CHROMIUM}: .ci/run installs it with apt-get")
        pytest.skip(
            "browser tests need Debian's Chromium: `sudo apt-get install chromium` "
            "(never `playwright install`)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = testing.launch(playwright)
        yield browser
        browser.close()


# Sphinx's own fixtures (app, make_app, ...) for the unit tests of the book's extension, run
# on the tiny projects in tests/roots/test-*/; what those tests share is in sphinx_fixtures.py.
pytest_plugins = ["sphinx.testing.fixtures", "tests.sphinx_fixtures"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).resolve().parent / "roots"
