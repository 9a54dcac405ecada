"""The German edition on its own: ``python -m belarus_book german [BOOK_DIR]`` makes its
sources from ``de/`` and the English code (:mod:`belarus_book.i18n.edition_tree`) and builds
them strictly into ``_build/de/_build/html``, for whoever writes or checks the German pages.
``make book`` builds both editions together (:mod:`.build`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..data import find_data_dir
from ..i18n.edition_tree import write_german_tree
from ..i18n.german_source import EditionError
from ..web.layout import built_html

STRICT = ["-W", "-n", "--keep-going"]
SOURCE_DIR = Path("_build") / "de-src"
OUTPUT_DIR = Path("_build") / "de"


def build_german(book: Path) -> tuple[int, Path]:
    """(exit status, the German site's folder): the German sources written, then built."""
    source = book / SOURCE_DIR
    try:
        write_german_tree(book, source, find_data_dir(book))
    except EditionError as error:
        print(f"\nGERMAN EDITION STOPPED: the editions do not match.\n{error}", file=sys.stderr, flush=True)
        return 1, source
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(source),
               "--path-output", str(book / OUTPUT_DIR), "--builder", "html", *STRICT]
    result = subprocess.run(command, cwd=source, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    if result.returncode != 0:
        print(f"\nGERMAN EDITION FAILED (exit {result.returncode}); see the messages above.",
              file=sys.stderr, flush=True)
    return result.returncode, built_html(book / OUTPUT_DIR)


def run(book: Path) -> int:
    status, site = build_german(book)
    if status == 0:
        print(f"\nBuilt the German edition: {site.relative_to(book)}/index.html")
    return status
