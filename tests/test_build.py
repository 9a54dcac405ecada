"""The build on a copy of the book: no stale pages, loud failures, and a site that survives them.

These run real builds (about half a minute each, cold) in a temporary copy, so the
project's own _build is never touched.
"""

from __future__ import annotations

import csv
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from belarus_book.testing import COPY_IGNORE

from .conftest import ROOT

pytestmark = pytest.mark.slow



def run_build(book: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "belarus_book.build", str(book)],
        capture_output=True, text=True, cwd=book, timeout=600,
    )


def site_digest(book: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted((book / "_build" / "html").rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(book).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def edit_csv_cell(path: Path, key_column: str, key: str, column: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    matches = [r for r in rows if r[key_column] == key]
    assert matches, f"no row {key_column}={key!r} in {path.name}"
    matches[0][column] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> tuple[Path, str]:
    """A copy of the book, built once from scratch, and what that build printed."""
    book = tmp_path_factory.mktemp("build") / "book"
    shutil.copytree(ROOT, book, ignore=COPY_IGNORE)
    result = run_build(book)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return book, result.stdout + result.stderr


@pytest.fixture(scope="module")
def book(first_build) -> Path:
    return first_build[0]


def test_cold_build_runs_the_notebooks_side_by_side(first_build):
    # belarus_book.sphinx.prerun executes every notebook page before Sphinx reads it, one per
    # core; myst-nb then finds each in the cache instead of running them one by one.
    _, output = first_build
    executed = re.findall(r"prerun: (\S+) executed in", output)
    assert len(executed) >= 2 and len(set(executed)) == len(executed), output[-3000:]
    assert "Executing notebook using" not in output, "myst-nb ran a notebook itself"
    assert output.count("Using cached notebook") == len(executed)


# A number the military chapter prints from data/figures.csv: changing it in the table
# must change the page even though no code cell changed (jupyter-cache alone would not).
PROBE = {"table": "figures.csv", "key_column": "figure_id", "key": "fig-army-lukashenko",
         "column": "value_low", "page": "chapters/military-capacity.html"}


def test_changed_data_value_reaches_the_page(book):
    page = book / "_build" / "html" / PROBE["page"]
    assert "35,000" in page.read_text(encoding="utf-8")
    edit_csv_cell(book / "data" / PROBE["table"], PROBE["key_column"], PROBE["key"], PROBE["column"], "35123")
    result = run_build(book)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    html = page.read_text(encoding="utf-8")
    assert "35,123" in html and "35,000" not in html


def test_changed_stylesheet_alone_reaches_the_site(book):
    # No page is out of date, yet the site must carry the new print rules.
    css = book / "_static" / "print.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* probe: changed alone */\n", encoding="utf-8")
    result = run_build(book)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "probe: changed alone" in (book / "_build" / "html" / "_static" / "print.css").read_text(encoding="utf-8")


def test_failing_cell_fails_the_build_and_keeps_the_last_site(book):
    before = site_digest(book)
    chapter = book / "chapters" / "dependence.md"
    original = chapter.read_text(encoding="utf-8")
    chapter.write_text(
        original + '\n```{code-cell} ipython3\nraise RuntimeError("deliberately broken cell")\n```\n',
        encoding="utf-8",
    )
    try:
        result = run_build(book)
    finally:
        chapter.write_text(original, encoding="utf-8")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "chapters/dependence" in output
    assert "deliberately broken cell" in output
    assert "last good site" in output
    assert site_digest(book) == before, "a failed build changed _build/html"



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
