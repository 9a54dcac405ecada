"""The package's tools, one command for all:

    python -m belarus_book build [BOOK_DIR]   the HTML book, strictly, into _build/html
    python -m belarus_book pdf   [BOOK_DIR]   the print edition, after build
    python -m belarus_book dist  [BOOK_DIR]   the offline zip, after build (and pdf)
    python -m belarus_book bench [BOOK_DIR]   build times, page sizes, chart drawing times,
                                              Lighthouse on a phone
    python -m belarus_book lighthouse [BOOK_DIR] [--slow-cpu]   Lighthouse on the site already built
    python -m belarus_book german [BOOK_DIR]  the German edition alone, into _build/de
    python -m belarus_book clean [BOOK_DIR]   remove _build/ (the site last, or nothing)
    python -m belarus_book clean-cache [BOOK_DIR]   remove the execution cache only

(``belarus-book <tool>`` once the package is installed.) Each tool is the ``run(book)``
of the module of the same name, imported only when asked for: the build does not pay
for Playwright or pypdf.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

TOOLS = {
    "build": "build the HTML book strictly into _build/html, keeping the last good site on failure",
    "pdf": "print one PDF per chapter and the whole book into _build/pdf (after build)",
    "dist": "write dist/belarus-book-<version>.zip, the book for offline use (after build)",
    "bench": "measure build times, page sizes, chart drawing times and Lighthouse scores on a copy of the book",
    "lighthouse": "Lighthouse (mobile) on the landing page and every chapter of the site already built",
    "german": "build the German edition alone (from de/ and the English code) into _build/de, to check it",
    "clean": "remove _build/, the site last; if any of it cannot be removed, remove nothing",
    "clean-cache": "remove the execution cache (_build/.jupyter_cache) only, keeping the site",
}
# Options of single tools: (flag, help), each passed to the tool's run() as a keyword.
OPTIONS = {
    "pdf": [("--if-chromium", "without Chromium, say so and stop without error (not in CI): "
                              "make test, so a machine without a browser runs the other tests")],
    "lighthouse": [("--slow-cpu", "slow the CPU 10 times instead of Lighthouse's 4, as on the "
                                  "slowest machine of this kind on record")],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m belarus_book",
                                     description="Build, print, package and measure the book.")
    tools = parser.add_subparsers(dest="tool", required=True, metavar="TOOL")
    for name, summary in TOOLS.items():
        tool = tools.add_parser(name, help=summary, description=summary)
        tool.add_argument("book", nargs="?", default=".", type=Path,
                          help="the book's folder, holding _config.yml (default: the current one)")
        for flag, text in OPTIONS.get(name, []):
            tool.add_argument(flag, action="store_true", help=text)
    args = parser.parse_args(argv)
    options = {k: v for k, v in vars(args).items() if k not in ("tool", "book")}
    module = importlib.import_module(f"belarus_book.commands.{args.tool.replace('-', '_')}")
    return module.run(args.book.resolve(), **options)


if __name__ == "__main__":
    sys.exit(main())
