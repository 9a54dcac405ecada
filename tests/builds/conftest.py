"""What the whole-book builds share: one cold build of a copy of the book for the session.

A cold build takes most of a minute, so the tests that need one (test_build: each notebook
runs once, then changes to the copy; test_reproducible: its first build) share it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from belarus_book.commands.chromium import COPY_IGNORE
from belarus_book.web.layout import site_dir

from ..helpers import ROOT, run_build


@dataclass
class ColdBuild:
    book: Path  # the copy, built from scratch; tests may change it and build it again
    output: str  # what the cold build printed
    site: Path  # a copy of the site the cold build made, which later builds of ``book`` leave alone


@pytest.fixture(scope="session")
def cold_build(tmp_path_factory) -> ColdBuild:
    book = tmp_path_factory.mktemp("build") / "book"
    shutil.copytree(ROOT, book, ignore=COPY_IGNORE)
    result = run_build(book)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    site = tmp_path_factory.mktemp("cold-site") / "html"
    shutil.copytree(site_dir(book), site)
    return ColdBuild(book, result.stdout + result.stderr, site)
