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

from belarus_book.data import find_data_dir, read_package
from belarus_book.layout import NOTEBOOK_DIR
from belarus_book.sphinx.downloads import files_used

from .conftest import ROOT, SITE

CHAPTERS = sorted(p.relative_to(SITE).as_posix() for p in (SITE / "chapters").glob("*.html")) \
    if (SITE / "chapters").is_dir() else []
BOX = re.compile(r'<div class="admonition note bb-downloads"[^>]*>(.*?)</div>', re.S)
# The box's own links (other extensions may add items to the box, e.g. the print PDF,
# which `make pdf` makes after the HTML build; those are theirs to test).
HREF = re.compile(r'<a class="reference download" href="([^"]+)"')


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
    for href, target in zip(links, targets, strict=True):
        assert target.is_file(), f"{page}: {href} -> {target} does not exist"
        assert site.resolve() in target.parents, f"{page}: {href} leaves the site"

    names = {t.name for t in targets}
    chapter = Path(page).stem
    assert f"{chapter}.ipynb" in names, f"{page}: no notebook link"
    assert "datapackage.json" in names, f"{page}: no data package link"
    # The box lists exactly the data files the chapter's code needs.
    source = (ROOT / "chapters" / f"{chapter}.md").read_text(encoding="utf-8")
    data_root = (site / "data").resolve()
    listed = {t.relative_to(data_root).as_posix() for t in targets
              if data_root in t.parents and t.name != "datapackage.json"}
    data_dir = find_data_dir(ROOT)
    assert listed == set(files_used(source, read_package(data_dir), data_dir))


@pytest.mark.parametrize("page", CHAPTERS)
def test_published_notebook_is_the_executed_chapter(site, page):
    import nbformat

    notebook = site / NOTEBOOK_DIR / Path(page).with_suffix(".ipynb")
    nb = nbformat.read(notebook, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code), f"{notebook.name}: not executed"


def run_notebook(folder: Path, name: str) -> subprocess.CompletedProcess:
    """Execute ``folder/name`` in a fresh kernel, in that folder, without BELARUS_BOOK_DATA."""
    env = {k: v for k, v in os.environ.items() if k != "BELARUS_BOOK_DATA"}
    # nbclient (what myst-nb runs chapters with) in a separate process, so the kernel
    # starts fresh in that folder with that environment.
    run = (
        "import sys, nbformat, nbclient\n"
        "nb = nbformat.read(sys.argv[1], as_version=4)\n"
        "nbclient.NotebookClient(nb, timeout=300, kernel_name='python3').execute()\n"
        "nbformat.write(nb, 'ran.ipynb')\n"
    )
    return subprocess.run(
        [sys.executable, "-c", run, name],
        cwd=folder, env=env, capture_output=True, text=True, timeout=600,
    )


def reader_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("reader")
    assert ROOT.resolve() not in folder.resolve().parents, "must run outside the repository"
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("page", CHAPTERS)
def test_downloaded_notebook_runs_alone(site, page, tmp_path_factory):
    """Take the notebook from the built site into an empty folder outside the repository
    and run it in a fresh kernel, as a reader with the package installed would."""
    folder = reader_folder(tmp_path_factory)
    notebook = resolve(site, page, next(h for h in box_links(site, page) if h.endswith(".ipynb")))
    shutil.copyfile(notebook, folder / notebook.name)
    result = run_notebook(folder, notebook.name)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (folder / "ran.ipynb").is_file()


@pytest.mark.slow
@pytest.mark.parametrize("page", CHAPTERS)
def test_notebook_runs_with_only_the_files_in_its_box(site, page, tmp_path_factory):
    """The box is complete: notebook plus its data files in data/ is all a reader needs
    (the data found there is used, not the checkout the package came from)."""
    folder = reader_folder(tmp_path_factory)
    data_root = (site / "data").resolve()
    for href in box_links(site, page):
        target = resolve(site, page, href)
        if data_root in target.parents:
            copy = folder / "data" / target.relative_to(data_root)
        else:
            copy = folder / target.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, copy)
    notebook = next(folder.glob("*.ipynb"))
    result = run_notebook(folder, notebook.name)
    assert result.returncode == 0, result.stderr[-3000:]
