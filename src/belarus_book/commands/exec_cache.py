"""The execution cache: where a checkout keeps it, and whether it is whole.

jupyter-cache keys a page on its code cells only, so the cache folder is keyed on the data
and this package as well (:func:`cache_folder`; :mod:`belarus_book.sphinx.data_check` uses
it). A damaged cache (a truncated database, a cached notebook deleted or overwritten, files
this user may not read or write, a missing folder) would otherwise break the build with a
raw sqlite, nbformat or Sphinx traceback. :func:`damage` finds such damage before any page
is read, so the build can stop with one sentence and the remedy, ``make clean-cache``, which
removes the cache and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
CACHE_ROOT = Path("_build") / ".jupyter_cache"
DB_NAME = "global.db"


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


def cache_folder(book: Path, data_dir: Path) -> Path:
    """The execution cache of ``book`` for the present state of its data and this package."""
    return book / CACHE_ROOT / fingerprint(data_dir, PACKAGE_DIR)


def damage(folder: Path) -> str | None:
    """What is wrong with the execution cache ``folder``, or None if it is whole (or absent:
    a first build makes it)."""
    for path in (folder.parent, folder):
        if path.exists() and not path.is_dir():
            return f"{path.name} is a file, not a folder"
    if not folder.exists():
        return None
    for where, folders, files in os.walk(folder):
        for name in [*folders, *files]:
            path = Path(where, name)
            if not os.access(path, os.R_OK | os.W_OK | (os.X_OK if path.is_dir() else 0)):
                return f"this user may not read or write {path.relative_to(folder)}"
    if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
        return "this user may not read or write the cache folder"
    database = folder / DB_NAME
    if not database.is_file():
        return f"{DB_NAME} is missing" if any(folder.iterdir()) else None
    try:
        hashkeys = _hashkeys(database)
    except sqlite3.Error as error:
        return f"{DB_NAME} is not a whole database ({error})"
    for hashkey in hashkeys:
        notebook = Path("executed", hashkey, "base.ipynb")
        try:
            problem = _not_a_notebook(json.loads((folder / notebook).read_text(encoding="utf-8")))
        except FileNotFoundError:
            return f"the cached notebook {notebook} is missing"
        except (ValueError, UnicodeDecodeError) as error:
            problem = f"{type(error).__name__}: {error}"
        if problem:
            return f"the cached notebook {notebook} is not a notebook ({problem})"
    return None


def _not_a_notebook(notebook) -> str | None:
    """What keeps parsed JSON from being a notebook (the shape nbformat needs), or None."""
    if not isinstance(notebook, dict) or not isinstance(notebook.get("nbformat"), int):
        return "no nbformat version"
    cells = notebook.get("cells")
    if not isinstance(cells, list):
        return "no list of cells"
    if not all(isinstance(c, dict) and "cell_type" in c and "source" in c for c in cells):
        return "a cell without its type or source"
    return None


def _hashkeys(database: Path) -> list[str]:
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        check = connection.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise sqlite3.DatabaseError(f"quick_check says {check}")
        return [row[0] for row in connection.execute("SELECT hashkey FROM nbcache")]
    finally:
        connection.close()
