"""What every folder of tests shares: a marker per folder, tests parametrised by the built
site's pages (worked out only when collected), the built site, a local server for it and
Debian's Chromium. Paths and helpers: tests/helpers.py; each folder's own fixtures: its
conftest.py (extension/: Sphinx's; editions/: the chapters run alone).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from belarus_book.commands import chromium

from .helpers import IN_CI, NO_SITE, PAGE_SETS, SITE, site_built

TESTS = Path(__file__).resolve().parent
# A test's folder says what it needs, and is its marker (declared in pyproject.toml):
# `pytest -m "not browser"` or `pytest tests/unit tests/extension` pick a loop by need.
FOLDERS = ("unit", "extension", "site", "browser", "builds", "editions")


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0]
        if folder not in FOLDERS:
            raise pytest.UsageError(f"{item.nodeid}: every test file belongs in one of tests/{{{','.join(FOLDERS)}}}/")
        item.add_marker(folder)


# Without a built site each page-parametrised test gets this one stand-in page and fails on
# it, saying why: it neither passes having checked nothing nor stops the collection of the
# tests that need no site.
_NO_SITE_PARAM = "no-built-site"


def pytest_generate_tests(metafunc) -> None:
    for name, pages in PAGE_SETS.items():
        if name not in metafunc.fixturenames:
            continue
        if not site_built():
            metafunc.parametrize(name, [_NO_SITE_PARAM])
            continue
        left_out = {page for mark in metafunc.definition.iter_markers("leave_out") for page in mark.args}
        # An empty list fails the collection (empty_parameter_set_mark in pyproject.toml).
        metafunc.parametrize(name, [page for page in pages() if page not in left_out])


@pytest.fixture(autouse=True)
def _needs_the_built_site(request) -> None:
    """A test of the built site (in site/ or browser/, or parametrised by its pages) fails
    first thing, saying why, when there is none."""
    callspec = getattr(request.node, "callspec", None)
    by_page = callspec is not None and _NO_SITE_PARAM in callspec.params.values()
    if (by_page or request.node.path.relative_to(TESTS).parts[0] in ("site", "browser")) and not site_built():
        pytest.fail(NO_SITE, pytrace=False)


@pytest.fixture(scope="session")
def site():
    if not site_built():
        pytest.fail(NO_SITE, pytrace=False)
    return SITE


@pytest.fixture(scope="session")
def site_url(site):
    with chromium.serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not chromium.chromium_available():
        if IN_CI:
            pytest.fail(f"Chromium missing at {chromium.CHROMIUM}: .ci/run installs it with apt-get")
        pytest.skip(
            "browser tests need Debian's Chromium: `sudo apt-get install chromium` "
            "(never `playwright install`)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield browser
        browser.close()
