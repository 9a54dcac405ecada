"""The book's package as a wheel, offered beside the chapter notebooks.

A teacher who downloads a chapter's notebook needs the package to run it again; the wheel
carries the code and the data package, so ``%pip install belarus_book-….whl`` is the whole
set-up on a school JupyterHub, in Colab or on a laptop. It is built once per state of the
package and the data (kept in ``_build/``, so a warm rebuild does not pay for it) and
published at ``<site>/_downloads/``.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ..data import find_data_dir
from ..web.layout import WHEEL_DIR, wheel_name
from .data_check import PACKAGE_DIR, fingerprint


def build_wheel(project: Path, cache_root: Path) -> Path:
    """The project's wheel, built with pip (in an isolated build environment) unless the
    package, the data and pyproject.toml are unchanged since the last one."""
    pyproject = project / "pyproject.toml"
    key = fingerprint(find_data_dir(project), PACKAGE_DIR)
    key += hashlib.sha256(pyproject.read_bytes()).hexdigest()[:8] if pyproject.is_file() else ""
    folder = cache_root / f".wheel-{key}"
    wheel = folder / wheel_name()
    if wheel.is_file():
        return wheel
    for stale in cache_root.glob(".wheel-*"):
        shutil.rmtree(stale, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(folder), str(project)],
        capture_output=True, text=True)
    if result.returncode != 0 or not wheel.is_file():
        raise ExtensionError(f"could not build the package's wheel {wheel.name}:\n{result.stderr[-2000:]}")
    return wheel


def publish_wheel(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    project = Path(app.srcdir)
    wheel = build_wheel(project, project / "_build")
    target = Path(app.outdir) / WHEEL_DIR
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("belarus_book-*.whl"):
        old.unlink()
    shutil.copyfile(wheel, target / wheel.name)
