"""Valid data before any chapter runs, and an execution cache that knows the data.

Every table in ``data/`` is validated when the configuration is read, so bad data stops the
build with a message naming file, row and column instead of failing inside a chapter.
jupyter-cache keys a page on its code cells only and would serve stale pages after a change
to the data or to this package: the cache folder is therefore keyed on both as well.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ..data import DataError, find_data_dir, validate_package

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def fingerprint(*roots: Path) -> str:
    """A short hash of every file under ``roots`` (names and contents)."""
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def check_data_and_key_cache(app: Sphinx, config) -> None:
    data_dir = find_data_dir(Path(app.srcdir))
    try:
        validate_package(data_dir)
    except DataError as error:
        raise ExtensionError(f"invalid data, no chapter was run:\n{error}") from None

    # One cache folder per state of data + package: a change to either makes every
    # chapter run afresh. Folders of earlier states are removed so they do not pile up.
    cache_root = Path(app.srcdir) / "_build" / ".jupyter_cache"
    key = fingerprint(data_dir, PACKAGE_DIR)
    config.nb_execution_cache_path = str(cache_root / key)
    if cache_root.is_dir():
        for stale in cache_root.iterdir():
            if stale.name != key:
                shutil.rmtree(stale, ignore_errors=True)
