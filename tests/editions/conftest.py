"""What the tests of the editions share: each chapter's notebook run alone, and with the
files of its download box. Running a chapter takes most of a minute, so each way of running
the chapters happens once per session, all chapters side by side, and every test that needs
the result shares it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..helpers import ROOT, NotebookRun, box_links, resolve, run_side_by_side


def _reader_folder(tmp_path_factory, name: str) -> Path:
    folder = tmp_path_factory.mktemp(name)
    assert ROOT.resolve() not in folder.resolve().parents, "must run outside the repository"
    return folder


@pytest.fixture(scope="session")
def chapters_alone(site, tmp_path_factory) -> dict[str, NotebookRun]:
    """{chapter: run} of each chapter's notebook as its download box links it, alone in an
    empty folder outside the repository, with no data folder in sight and no override: the
    package must find its data on its own, as it does for a teacher who installed it."""
    jobs = {}
    for page in sorted((site / "chapters").glob("*.html")):
        relative = page.relative_to(site).as_posix()
        notebook = resolve(site, relative, next(h for h in box_links(site, relative) if h.endswith(".ipynb")))
        folder = _reader_folder(tmp_path_factory, f"alone-{page.stem}")
        shutil.copyfile(notebook, folder / notebook.name)
        jobs[page.stem] = folder
    return run_side_by_side(jobs)


@pytest.fixture(scope="session")
def chapters_with_box_files(site, tmp_path_factory) -> dict[str, NotebookRun]:
    """{chapter: run} of each chapter's notebook in a folder holding only what its download
    box offers: the notebook, and its data files in data/ (which the package then uses)."""
    jobs = {}
    data_root = (site / "data").resolve()
    for page in sorted((site / "chapters").glob("*.html")):
        relative = page.relative_to(site).as_posix()
        folder = _reader_folder(tmp_path_factory, f"box-{page.stem}")
        for href in box_links(site, relative):
            target = resolve(site, relative, href)
            copy = folder / "data" / target.relative_to(data_root) if data_root in target.parents \
                else folder / target.name
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, copy)
        jobs[page.stem] = folder
    return run_side_by_side(jobs)
