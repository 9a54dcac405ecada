"""The release archive: the whole book in one zip that works offline, from file://.

    python -m belarus_book dist [BOOK_DIR]      (what `make dist` runs, after `make book`)

Writes ``dist/belarus-book-<version>.zip`` (the version is pyproject.toml's, read from the
installed package) holding one folder ``belarus-book-<version>/`` with:

- ``site/``: the built HTML book (open ``site/index.html``; no server needed), with the
  print edition in ``site/_pdf/`` when ``make pdf`` has run (chapter pages link it there);
- ``data/``: the data package (CSV tables and ``datapackage.json``);
- ``README.txt``: how to open it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..data import find_data_dir
from ..web.layout import PDF_DIR, book_version, site_dir

# Build bookkeeping that readers do not need.
SKIP = {".buildinfo", ".doctrees"}

README = """Belarus in Russia's war, 2022 -- edition {version}

An open, data-driven explainer book. Everything here works offline, without a server.

  site/index.html   the book: open it in any web browser (double-click it).
                    Navigation, search and every chart work from the file itself;
                    nothing is loaded from the internet.
  site/_pdf/        the print edition: one PDF per chapter and belarus-book.pdf{pdf_note}
  data/             the data package: every table as CSV, described in datapackage.json
                    (each row names its source and quotes the passage behind it)

Licences: text, figures and data CC BY 4.0; code MIT. How to cite: see the book's
front page or CITATION.cff in the source repository.
"""


def make_dist(book: Path, dest: Path | None = None) -> Path:
    site = site_dir(book)
    if not (site / "index.html").exists():
        raise SystemExit("no built site in _build/html: run `make book` first")
    version = book_version()
    top = f"belarus-book-{version}"
    dest = dest or book / "dist"
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / f"{top}.zip"
    pdfs = sorted((site / PDF_DIR).glob("*.pdf"))
    note = "" if pdfs else "\n                    (not in this archive: it was made without `make pdf`)"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{top}/README.txt", README.format(version=version, pdf_note=note))
        for path in sorted(site.rglob("*")):
            relative = path.relative_to(site)
            if path.is_file() and not SKIP.intersection(relative.parts):
                archive.write(path, f"{top}/site/{relative.as_posix()}")
        data = find_data_dir(book)
        for path in sorted(data.rglob("*")):
            if path.is_file():
                archive.write(path, f"{top}/data/{path.relative_to(data).as_posix()}")
    return target


def run(book: Path) -> int:
    target = make_dist(book)
    print(f"Wrote {target.relative_to(book)} ({target.stat().st_size // 1024} KB)")
    return 0
