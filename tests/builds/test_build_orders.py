"""make book, make pdf, make dist and make test in any order leave no dead link, and the print
edition survives every rebuild that leaves its pages as they were (issue 28, item 3; issue 26,
item 5). One copy of the book goes through the orders; each make target is run as the
Makefile runs it (its prerequisites' commands, then its own), read from the Makefile itself.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

from belarus_book.commands import chromium
from belarus_book.commands.pdf import BOOK_PDF
from belarus_book.web.layout import PDF_DIR, book_version, built_html, site_dir

from ..book_copies import copy_book, run_tool
from ..helpers import IN_CI, ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ALL = {"dependence.pdf", "mobilisation.pdf", "union-state.pdf", "military-capacity.pdf", BOOK_PDF}
EDITED = "union-state"  # its prose changes half-way: its PDF and the whole book's go
ORDER = [("book", set()), ("dist", set()), ("pdf", ALL), ("book", ALL), ("dist", ALL),
         ("edit", None), ("book", ALL - {f"{EDITED}.pdf", BOOK_PDF}), ("dist", ALL - {f"{EDITED}.pdf", BOOK_PDF}),
         ("test", ALL)]


def make_commands(target: str) -> list[list[str]]:
    """The `python -m belarus_book` commands `make <target>` runs, in order."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    rule = re.search(rf"^{re.escape(target)}:([^\n=]*)\n((?:\t[^\n]*\n)*)", text, re.M)
    assert rule, f"no rule for {target} in the Makefile"
    commands = []
    for prerequisite in rule.group(1).split():
        if not prerequisite.startswith("$("):  # the venv and npm stamps: set up already
            commands += make_commands(prerequisite)
    for tool, options in re.findall(r"-m belarus_book ([\w-]+)((?: --[\w-]+)*) \.", rule.group(2)):
        commands.append([tool, *options.split()])
    return commands


def test_the_makefile_targets_run_these_commands():
    assert make_commands("book") == [["build"]]
    assert make_commands("pdf") == [["build"], ["pdf"]]
    assert make_commands("dist") == [["build"], ["dist"]]
    assert make_commands("test")[:2] == [["build"], ["pdf", "--if-chromium"]]


def dead_links(site: Path) -> list[str]:
    """Every link or source in the site's pages that names a file the site does not hold."""
    dead = []
    for page in sorted(site.rglob("*.html")):
        if "_static" in page.relative_to(site).parts:
            continue
        for url in re.findall(r'\s(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8")):
            path = unquote(url.split("#")[0].split("?")[0])
            if not path or re.match(r"^[a-z][a-z0-9+.-]*:|^//", path):
                continue
            if not (page.parent / path).exists():
                dead.append(f"{page.relative_to(site)} -> {url}")
    return dead


def offered(site: Path) -> set[str]:
    return {p.name for p in (site / PDF_DIR).glob("*.pdf")}


def check_site(site: Path, pdfs: set[str], step: str) -> None:
    assert dead_links(site) == [], f"after {step}"
    assert offered(site) == pdfs, f"after {step}"
    for page in (site / "chapters").glob("*.html"):
        linked = "bb-pdf-link" in page.read_text(encoding="utf-8")
        assert linked == (f"{page.stem}.pdf" in pdfs), f"after {step}: {page.name} PDF link"


def check_zip(book: Path, pdfs: set[str], where: Path) -> None:
    top = f"belarus-book-{book_version()}"
    with zipfile.ZipFile(book / "dist" / f"{top}.zip") as archive:
        archive.extractall(where)
    site = where / top / "site"
    check_site(site, pdfs, "dist (the zip)")
    readme = (where / top / "README.txt").read_text(encoding="utf-8")
    missing = ALL - pdfs
    assert ("not in this archive" in readme) == bool(missing)
    if missing:
        note = readme.split("not in this archive:")[1]
        assert {name for name in ALL if name in note} == missing, note


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    if not chromium.chromium_available() and not IN_CI:
        pytest.skip("make pdf needs Debian's Chromium (`sudo apt-get install chromium`)")
    return copy_book(tmp_path_factory.mktemp("orders") / "book")


def test_every_order_of_make_targets_leaves_no_dead_link_and_the_pdfs_that_hold(book, tmp_path):
    site = site_dir(book)
    ledger = built_html(book / "_build" / "staging") / "data" / "claims.csv"
    for number, (target, pdfs) in enumerate(ORDER):
        step = f"step {number + 1}, make {target}"
        if target == "edit":
            chapter = book / "chapters" / f"{EDITED}.md"
            text = chapter.read_text(encoding="utf-8")
            chapter.write_text(text.replace("**The question:**", "**The question (edited):**", 1), encoding="utf-8")
            continue
        written = ledger.stat().st_mtime_ns if ledger.is_file() else None
        for command in make_commands(target):
            result = run_tool(book, *command)
            assert result.returncode == 0, f"{step}: {command}\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
        check_site(site, pdfs, step)
        if target == "dist":
            check_zip(book, pdfs, tmp_path / f"zip{number}")
        if written is not None and ORDER[number - 1][0] != "edit":
            # A rebuild with nothing changed leaves the ledger as it was.
            assert ledger.stat().st_mtime_ns == written, f"{step}: claims.csv written again"
