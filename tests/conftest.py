"""Shared fixtures: the built site, a local server for it, Debian's Chromium, and each
chapter's notebook run once for the session. Shared helpers and paths: tests/helpers.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from belarus_book.commands import chromium

from .helpers import AXE, IN_CI, ROOT, SITE, NotebookRun, box_links, resolve, run_side_by_side


@pytest.fixture(scope="session")
def site():
    if not (SITE / "index.html").exists():
        pytest.fail("no built site in _build/html: run `make test` (it builds first) or `make book`")
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


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        message = "axe-core missing: run `npm ci` (make test does it) to install the pinned tools"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- chapters run alone
# Running a chapter takes most of a minute, so each way of running the chapters happens once
# per session, all chapters side by side, and every test that needs the result shares it.

def _reader_folder(tmp_path_factory, name: str) -> Path:
    folder = tmp_path_factory.mktemp(name)
    assert ROOT.resolve() not in folder.resolve().parents, "must run outside the repository"
    return folder


@pytest.fixture(scope="session")
def chapters_alone(site, tmp_path_factory) -> dict[str, NotebookRun]:
    """{chapter: run} of each chapter's notebook as its download box links it, alone in an
    empty folder outside the repository, with no data folder in sight and no override: the
    package must find its data on its own, as it does for a teacher who installed it."""
    jobs = {}
    for page in sorted((site / "chapters").glob("*.html")):
        relative = page.relative_to(site).as_posix()
        notebook = resolve(site, relative, next(h for h in box_links(site, relative) if h.endswith(".ipynb")))
        folder = _reader_folder(tmp_path_factory, f"alone-{page.stem}")
        shutil.copyfile(notebook, folder / notebook.name)
        jobs[page.stem] = folder
    return run_side_by_side(jobs)


@pytest.fixture(scope="session")
def chapters_with_box_files(site, tmp_path_factory) -> dict[str, NotebookRun]:
    """{chapter: run} of each chapter's notebook in a folder holding only what its download
    box offers: the notebook, and its data files in data/ (which the package then uses)."""
    jobs = {}
    data_root = (site / "data").resolve()
    for page in sorted((site / "chapters").glob("*.html")):
        relative = page.relative_to(site).as_posix()
        folder = _reader_folder(tmp_path_factory, f"box-{page.stem}")
        for href in box_links(site, relative):
            target = resolve(site, relative, href)
            copy = folder / "data" / target.relative_to(data_root) if data_root in target.parents \
                else folder / target.name
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, copy)
        jobs[page.stem] = folder
    return run_side_by_side(jobs)


# Sphinx's own fixtures (app, make_app, ...) for the unit tests of the book's extension, run
# on the tiny projects in tests/roots/test-*/; what those tests share is in sphinx_fixtures.py.
pytest_plugins = ["sphinx.testing.fixtures", "tests.sphinx_fixtures"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).resolve().parent / "roots"
