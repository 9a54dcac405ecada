"""Every chapter page offers its notebook and tables, and a downloaded notebook runs alone."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

from belarus_book.sphinx_ext import NOTEBOOK_DIR, tables_used
from belarus_book.data import resource_names

from .conftest import ROOT, SITE

CHAPTERS = sorted(p.relative_to(SITE).as_posix() for p in (SITE / "chapters").glob("*.html")) \
    if (SITE / "chapters").is_dir() else []
BOX = re.compile(r'<div class="admonition note bb-downloads"[^>]*>(.*?)</div>', re.S)
HREF = re.compile(r'href="([^"]+)"')


def box_links(site: Path, page: str) -> list[str]:
    body = (site / page).read_text(encoding="utf-8")
    boxes = BOX.findall(body)
    assert len(boxes) == 1, f"{page}: expected one 'Download this chapter' box, found {len(boxes)}"
    assert "Download this chapter" in boxes[0]
    return HREF.findall(boxes[0])


def resolve(site: Path, page: str, href: str) -> Path:
    """The file a relative link on ``page`` points to, as a browser on file:// would find it."""
    assert not re.match(r"^[a-z]+:|^/", href), f"{page}: link {href!r} is not relative"
    return (site / urljoin(page, unquote(href))).resolve()


def test_there_are_chapter_pages(site):
    assert CHAPTERS, "no chapter pages in the built site"


@pytest.mark.parametrize("page", CHAPTERS)
def test_download_box_links_resolve(site, page):
    links = box_links(site, page)
    targets = [resolve(site, page, href) for href in links]
    for href, target in zip(links, targets):
        assert target.is_file(), f"{page}: {href} -> {target} does not exist"
        assert site.resolve() in target.parents, f"{page}: {href} leaves the site"

    names = {t.name for t in targets}
    chapter = Path(page).stem
    assert f"{chapter}.ipynb" in names, f"{page}: no notebook link"
    assert "datapackage.json" in names, f"{page}: no data package link"
    # The box lists exactly the tables the chapter's code loads.
    source = (ROOT / "chapters" / f"{chapter}.md").read_text(encoding="utf-8")
    wanted = {f"{t}.csv" for t in tables_used(source, resource_names())}
    assert {n for n in names if n.endswith(".csv")} == wanted


@pytest.mark.parametrize("page", CHAPTERS)
def test_published_notebook_is_the_executed_chapter(site, page):
    import nbformat

    notebook = site / NOTEBOOK_DIR / Path(page).with_suffix(".ipynb")
    nb = nbformat.read(notebook, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code), f"{notebook.name}: not executed"


@pytest.mark.slow
@pytest.mark.parametrize("page", CHAPTERS)
def test_downloaded_notebook_runs_alone(site, page, tmp_path_factory):
    """Take the notebook from the built site into an empty folder outside the repository
    and run it in a fresh kernel, as a reader with the package installed would."""
    folder = tmp_path_factory.mktemp("reader")
    assert ROOT.resolve() not in folder.resolve().parents
    notebook = resolve(site, page, next(h for h in box_links(site, page) if h.endswith(".ipynb")))
    copy = folder / notebook.name
    shutil.copyfile(notebook, copy)
    env = {k: v for k, v in os.environ.items() if k != "BELARUS_BOOK_DATA"}
    # nbclient (what myst-nb runs chapters with) in a separate process, so the kernel
    # starts fresh in that folder with that environment.
    run = (
        "import sys, nbformat, nbclient\n"
        "nb = nbformat.read(sys.argv[1], as_version=4)\n"
        "nbclient.NotebookClient(nb, timeout=300, kernel_name='python3').execute()\n"
        "nbformat.write(nb, 'ran.ipynb')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", run, copy.name],
        cwd=folder, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (folder / "ran.ipynb").is_file()
