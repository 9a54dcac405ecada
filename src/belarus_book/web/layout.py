"""Where the site is, where the build puts things in it, and the names of what it publishes.

The Sphinx extension (:mod:`belarus_book.sphinx`) writes these paths; the print edition,
the offline zip, the benchmark and the tests read them. One definition for all of them.
"""

from __future__ import annotations

import html
from importlib import metadata
from pathlib import Path

from ..i18n import tr

DISTRIBUTION = "belarus-book"
# Pages under this folder are chapters: they get the download box, a notebook and a PDF.
CHAPTER_PREFIX = "chapters/"
# Relative to the site's _static/ folder, as Sphinx's add_js_file expects: the charts' script
# (tab bars; draws a live chart when a reader reaches for it), the Vega bundle it then loads,
# each chart page's specs (<CHART_SPECS_DIR>/<pagename>.js), the claims ledger's filters and
# what loads the theme's scripts on first use.
CHARTS_SCRIPT = "_vega/charts.js"
BUNDLE_PATH = "_vega/vega-charts.js"
CHART_SPECS_DIR = "_charts"
CLAIMS_SCRIPT = "_claims/claims-filter.js"
THEME_LOADER = "_theme/theme-loader.js"
# The copy of a theme's stylesheet without the rules no page uses, beside the full one, which
# the pages link instead (belarus_book.sphinx.unused_css): name.css -> name.slim.css.
SLIM_CSS_SUFFIX = ".slim.css"
# Relative to the site root: chapter notebooks, the package's wheel, the PDFs `make pdf` adds.
NOTEBOOK_DIR = "_downloads/notebooks"
WHEEL_DIR = "_downloads"
PDF_DIR = "_pdf"
# Where a chapter's download box gets its PDF link. The HTML build cannot link a PDF that
# only `make pdf` makes afterwards (a fresh `make book` would offer a dead link), so the build
# leaves this mark, replaced wherever the PDF is in the site (commands/print_links.py).
PDF_LINK_MARK = "<!-- the PDF link: added by make pdf -->"
# The editions: English at the site's root, German in this folder of it (and of _build/).
GERMAN_DIR = "de"
EDITIONS = {"en": "", "de": GERMAN_DIR}


def built_html(output: Path) -> Path:
    """Where Jupyter Book writes the HTML of a build whose ``--path-output`` is ``output``."""
    return output / "_build" / "html"


def site_dir(book: Path) -> Path:
    """The built site of the book in the folder ``book``: what `make book` writes and
    `make serve`, `make pdf`, `make dist` and the tests read."""
    return built_html(book)


def book_version() -> str:
    """The book's version: ``version`` in pyproject.toml, from the installed package."""
    return metadata.version(DISTRIBUTION)


def wheel_name(version: str | None = None) -> str:
    """The file name of the package's wheel."""
    return f"belarus_book-{version or book_version()}-py3-none-any.whl"


def pdf_name(pagename: str) -> str:
    """The PDF file of a page: ``chapters/mobilisation`` -> ``mobilisation.pdf``."""
    return pagename.rsplit("/", 1)[-1] + ".pdf"


def pdf_link_html(pagename: str) -> str:
    """A chapter page's list item linking its PDF (relative, so it works from file://)."""
    depth = pagename.count("/")
    href = html.escape("../" * depth + f"{PDF_DIR}/{pdf_name(pagename)}", quote=True)
    label = tr("this chapter as a PDF, for print")
    return (f'<li><a class="reference external bb-pdf-link" href="{href}">'
            f"{html.escape(pdf_name(pagename))} ({html.escape(label)})</a></li>")


def edition_site(site, lang: str):
    """The folder of the ``lang`` edition in the site ``site``."""
    return site / EDITIONS[lang] if EDITIONS[lang] else site


def edition_pdf_dir(book, lang: str):
    """Where ``make pdf`` keeps the ``lang`` edition's PDFs: ``_build/pdf``, ``_build/pdf-de``."""
    return book / "_build" / ("pdf" if lang == "en" else f"pdf-{lang}")
