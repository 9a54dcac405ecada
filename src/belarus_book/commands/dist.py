"""The release archive: the whole book in one zip that works offline, from file://.

    python -m belarus_book dist [BOOK_DIR]      (what `make dist` runs, after `make book`)

Writes ``dist/belarus-book-<version>.zip`` (the version is pyproject.toml's, read from the
installed package) holding one folder ``belarus-book-<version>/`` with:

- ``site/``: the built HTML book (open ``site/index.html``; no server needed), its German
  edition in ``site/de/``, with each edition's print edition in its ``_pdf/`` when
  ``make pdf`` has printed these pages (chapter pages link it there; the README names any
  PDF missing);
- ``data/``: the data package (CSV tables and ``datapackage.json``);
- ``README.txt``: how to open it.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from ..data import find_data_dir
from ..web.layout import CHAPTER_PREFIX, EDITIONS, PDF_DIR, book_version, edition_site, pdf_name, site_dir
from .lock import Busy, build_lock
from .pdf import BOOK_PDF

# Build bookkeeping that readers do not need.
SKIP = {".buildinfo", ".doctrees"}

README = """Belarus in Russia's war, 2022 -- edition {version}

An open, data-driven explainer book. Everything here works offline, without a server.

  site/index.html   the book: open it in any web browser (double-click it).
                    Navigation, search and every chart work from the file itself;
                    nothing is loaded from the internet.
  site/de/index.html  the German edition (Deutsche Ausgabe), the same book from the
                    same data; every page links to the same page in the other edition.
  site/_pdf/        the print edition: one PDF per chapter and belarus-book.pdf
  site/de/_pdf/     the German print edition{pdf_note}
  data/             the data package: every table as CSV, described in datapackage.json
                    (each row names its source and quotes the passage behind it)

Licences: text, figures and data CC BY 4.0; code MIT. How to cite: see the book's
front page or CITATION.cff in the source repository.
"""


def missing_pdfs(site: Path) -> list[str]:
    """The print editions' PDFs the site does not offer: never printed, or printed from pages
    that have changed since (see :mod:`.print_links`); a German one as ``de/<name>``."""
    missing = []
    for lang, folder in EDITIONS.items():
        edition = edition_site(site, lang)
        if not (edition / "index.html").is_file():
            continue
        expected = [pdf_name(p.stem) for p in sorted((edition / CHAPTER_PREFIX).glob("*.html"))] + [BOOK_PDF]
        missing += [f"{folder}/{name}" if folder else name for name in expected
                    if not (edition / PDF_DIR / name).is_file()]
    return missing


def make_dist(book: Path, dest: Path | None = None) -> Path:
    site = site_dir(book)
    if not (site / "index.html").exists():
        raise SystemExit("no built site in _build/html: run `make book` first")
    version = book_version()
    top = f"belarus-book-{version}"
    dest = dest or book / "dist"
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / f"{top}.zip"
    missing = missing_pdfs(site)
    note = "" if not missing else (
        f"\n                    (not in this archive: {', '.join(missing)}; run `make pdf`, then"
        "\n                    `make dist`, to have them)")
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
    try:
        with build_lock(book, "dist"):  # no build may swap the site while it is being zipped
            target = make_dist(book)
    except Busy as busy:
        print(f"DIST NOT STARTED: {busy}", file=sys.stderr)
        return 1
    missing = missing_pdfs(site_dir(book))
    pdfs = f"without the PDFs {', '.join(missing)} (run `make pdf` first)" if missing else "with every PDF"
    print(f"Wrote {target.relative_to(book)} ({target.stat().st_size // 1024} KB), {pdfs}")
    return 0
