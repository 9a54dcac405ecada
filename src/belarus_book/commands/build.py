"""Build the HTML book strictly, without ever destroying the last good site.

    python -m belarus_book build [BOOK_DIR]      (what `make book` runs)

Jupyter Book builds into ``_build/staging``; only a build that passed (no warning, no
failing cell, valid data) is copied over ``_build/html``. A failed build leaves the
previous site exactly as it was and throws away the staging environment, so the next
build reads every page again and repeats every warning instead of hiding it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ..data import DataError, find_data_dir, validate_package
from ..web.layout import site_dir

STRICT = ["-W", "-n", "--keep-going"]


def _kept(site: Path, book: Path) -> str:
    return f"The last good site in {site.relative_to(book)} was left as it was."


def run(book: Path) -> int:
    """Build ``book`` into ``_build/html``; the exit status (0: built)."""
    build_dir = book / "_build"
    staging = build_dir / "staging"
    site = site_dir(book)
    # Checked here as well as in the Sphinx extension, to report bad data in one clean
    # message (file, row, column, rule) rather than at the end of a Sphinx traceback.
    try:
        validate_package(find_data_dir(book))
    except DataError as error:
        print(f"\nBUILD STOPPED: invalid data, no chapter was run.\n{error}\n{_kept(site, book)}",
              file=sys.stderr)
        return 1
    command = [
        str(Path(sys.executable).parent / "jupyter-book"), "build", str(book),
        "--path-output", str(staging), "--builder", "html", *STRICT,
    ]
    result = subprocess.run(command, cwd=book)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(
            f"\nBUILD FAILED (exit {result.returncode}); see the messages above.\n{_kept(site, book)}",
            file=sys.stderr,
        )
        return result.returncode or 1

    # Copy first, then swap two renames: a reader (or `make serve`) never sees half a site.
    fresh = build_dir / "html.new"
    old = build_dir / "html.old"
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(site_dir(staging), fresh)
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    print(f"\nBuilt {site.relative_to(book)}/index.html")
    return 0
