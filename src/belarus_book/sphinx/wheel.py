"""The book's package as a wheel, offered beside the chapter notebooks.

A teacher who downloads a chapter's notebook needs the package to run it again; the wheel
carries the code and the data package, so ``%pip install belarus_book-….whl`` is the whole
set-up on a school JupyterHub, in Colab or on a laptop. It is published at
``<site>/_downloads/``.

It is built from a copy of exactly what it is made of (``pyproject.toml``, the readme and
licences, ``src/`` without caches, ``data/``) in a fresh temporary folder: setuptools' own
``build/`` folder would otherwise sit in the checkout and carry into every later wheel a
module or table since deleted, and a read-only checkout could not be built at all. The
wheel is kept in ``_build/`` under a key of that copy, so a warm rebuild does not pay for it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ..commands.exec_cache import fingerprint
from ..commands.folders import copy_writable, remove_tree
from ..data import find_data_dir
from ..web.layout import WHEEL_DIR, wheel_name

# What the wheel is made of, besides src/ and the data package (see pyproject.toml).
PROJECT_FILES = ("pyproject.toml", "README.md", "LICENSE", "LICENSE-TEXT")
NOT_SOURCES = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".*")


def copy_project(project: Path, into: Path) -> None:
    """The files the wheel is built from, copied into the empty folder ``into``."""
    for name in PROJECT_FILES:
        if (project / name).is_file():
            shutil.copyfile(project / name, into / name)
    copy_writable(project / "src", into / "src", ignore=NOT_SOURCES)
    copy_writable(find_data_dir(project), into / "data", ignore=NOT_SOURCES)


def build_wheel(project: Path, cache_root: Path) -> Path:
    """The project's wheel, built with pip (in an isolated build environment) in a fresh
    temporary folder, unless the same sources made the one kept in ``cache_root``."""
    with tempfile.TemporaryDirectory(prefix="belarus-book-wheel-") as tmp:
        sources = Path(tmp) / "project"
        sources.mkdir()
        copy_project(project, sources)
        folder = cache_root / f".wheel-{fingerprint(sources)}"
        wheel = folder / wheel_name()
        if wheel.is_file():
            return wheel
        for stale in cache_root.glob(".wheel-*"):
            remove_tree(stale)
        out = Path(tmp) / "wheel"
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(sources)],
            capture_output=True, text=True, cwd=tmp)
        if result.returncode != 0 or not (out / wheel.name).is_file():
            raise ExtensionError(f"could not build the package's wheel {wheel.name}:\n{result.stderr[-2000:]}")
        folder.mkdir(parents=True)
        shutil.copyfile(out / wheel.name, wheel)
    return wheel


def publish_wheel(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    # The German edition's sources are made in _build/de-src; its wheel is the book's.
    project = (Path(app.srcdir) / app.config.bb_project_root).resolve()
    wheel = build_wheel(project, project / "_build")
    target = Path(app.outdir) / WHEEL_DIR
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("belarus_book-*.whl"):
        old.unlink()
    shutil.copyfile(wheel, target / wheel.name)
