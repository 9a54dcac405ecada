"""The build on a copy of the book: no stale pages, loud failures, and a site that survives them.

These run real builds (about half a minute each, cold) in a temporary copy, so the
project's own _build is never touched.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from belarus_book.web.layout import GERMAN_DIR, site_dir

from ..helpers import ROOT, edit_csv_cell, run_build, site_digest

pytestmark = pytest.mark.slow


# What the build prints between the English edition and the German one.
GERMAN_EDITION_STARTS = "Building the German edition"
# The pages with code cells: the ones myst-nb executes (in each edition).
NOTEBOOK_PAGES = [p for p in (ROOT / "index.md", *ROOT.glob("chapters/*.md"), *ROOT.glob("appendix/*.md"))
                  if "```{code-cell}" in p.read_text(encoding="utf-8")]


@pytest.fixture(scope="module")
def book(cold_build) -> Path:
    """The session's cold-built copy of the book (builds/conftest.py), which these tests change."""
    return cold_build.book


def test_cold_build_runs_each_notebook_once(cold_build):
    # belarus_book.sphinx.prerun executes the notebook pages before Sphinx reads them, side by side
    # where there is more than one core; myst-nb then finds each in the cache. On one core it
    # leaves them to myst-nb. Either way each notebook runs exactly once.
    # Both editions are built, the German one after the English: each runs its notebooks.
    english, marker, german = cold_build.output.partition(GERMAN_EDITION_STARTS)
    assert marker, "the build made no German edition"
    for output in (english, german):
        prerun = re.findall(r"prerun: (\S+) executed in", output)
        by_mystnb = output.count("Executing notebook using")
        assert len(set(prerun)) == len(prerun), output[-3000:]
        assert output.count("Using cached notebook") == len(prerun)
        assert len(prerun) + by_mystnb == len(NOTEBOOK_PAGES), output[-3000:]
        side_by_side = re.search(r"prerun: executing \d+ notebooks, (\d+) at a time", output)
        assert (side_by_side is not None) == ((os.cpu_count() or 1) >= 2)


# A number the military chapter prints from data/figures.csv: changing it in the table
# must change the page even though no code cell changed (jupyter-cache alone would not).
PROBE = {"table": "figures.csv", "key_column": "figure_id", "key": "fig-army-lukashenko",
         "column": "value_low", "page": "chapters/military-capacity.html"}


def test_changed_data_value_reaches_the_page_in_both_editions(book):
    page, german = site_dir(book) / PROBE["page"], site_dir(book) / GERMAN_DIR / PROBE["page"]
    assert "35,000" in page.read_text(encoding="utf-8")
    assert "35.000" in german.read_text(encoding="utf-8")
    edit_csv_cell(book / "data" / PROBE["table"], PROBE["key_column"], PROBE["key"], PROBE["column"], "35123")
    result = run_build(book)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    html = page.read_text(encoding="utf-8")
    assert "35,123" in html and "35,000" not in html
    html = german.read_text(encoding="utf-8")
    assert "35.123" in html and "35.000" not in html


def failed_build_with(book: Path, page: Path, change) -> str:
    """The output of a build of ``book`` with ``page`` changed by ``change`` (its text to
    the new text), which must fail and leave the last good site as it was; ``page`` is
    restored after."""
    before = site_digest(book)
    original = page.read_text(encoding="utf-8")
    page.write_text(change(original), encoding="utf-8")
    try:
        result = run_build(book)
    finally:
        page.write_text(original, encoding="utf-8")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "last good site" in output
    assert site_digest(book) == before, "a failed build changed _build/html"
    return output


def test_a_one_sided_change_to_the_german_edition_fails_the_build(book):
    """A figure label in the German chapter only: the build compares what the editions hold
    (labels, glued numbers, what the charts draw) and stops, naming the page."""

    def label_first_section(text: str) -> str:
        heading = next(line for line in text.splitlines() if line.startswith("## "))
        return text.replace(heading, f"(only-in-german)=\n{heading}", 1)

    output = failed_build_with(book, book / GERMAN_DIR / "chapters" / "dependence.md", label_first_section)
    assert "the editions drift apart: chapters/dependence: its labels differ" in output, output[-3000:]


def test_changed_stylesheet_alone_reaches_the_site(book):
    # No page is out of date, yet the site must carry the new print rules.
    css = book / "_static" / "print.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* probe: changed alone */\n", encoding="utf-8")
    result = run_build(book)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "probe: changed alone" in (site_dir(book) / "_static" / "print.css").read_text(encoding="utf-8")


def test_failing_cell_fails_the_build_and_keeps_the_last_site(book):
    broken = '\n```{code-cell} ipython3\nraise RuntimeError("deliberately broken cell")\n```\n'
    output = failed_build_with(book, book / "chapters" / "dependence.md", lambda text: text + broken)
    assert "chapters/dependence" in output
    assert "deliberately broken cell" in output



@pytest.mark.parametrize("path", [".tox/py311/lib/python3.11/site-packages/numpy/LICENSE.md",
                                  ".nox/docs/README.md", "chapters/.ipynb_checkpoints/x.md",
                                  "build/lib/notes.md"])
def test_hidden_and_build_folders_are_not_book_sources(path, tmp_path):
    import yaml
    from sphinx.util.matching import get_matching_files

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    for page in ("index.md", path):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("# A page\n", encoding="utf-8")
    # The same discovery Sphinx runs over the book's folder, with the book's exclusions.
    found = set(get_matching_files(tmp_path, ["**"], config["exclude_patterns"]))
    assert found == {"index.md"}, f"{path} would be read as a page"
