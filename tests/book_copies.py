"""Copies of the book for the build's fault tests, started with the checkout's execution
cache so that no chapter runs again unless a test changes one (a cold build is minutes)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from belarus_book.commands import exec_cache
from belarus_book.commands.chromium import COPY_IGNORE

from .helpers import DATA, ROOT


def checkout_cache() -> Path:
    """The checkout's execution cache for the data and package as they are (made by `make
    book`, which `make test` runs first)."""
    folder = exec_cache.cache_folder(ROOT, DATA)
    if not (folder / exec_cache.DB_NAME).is_file():
        raise RuntimeError(f"no execution cache in {folder}: run `make book` first")
    return folder


def copy_book(target: Path, with_cache: bool = True) -> Path:
    """A copy of the book's sources at ``target`` (no _build, no venv), with the checkout's
    execution cache if ``with_cache``."""
    shutil.copytree(ROOT, target, ignore=COPY_IGNORE)
    if with_cache:
        source = checkout_cache()
        shutil.copytree(source, target / exec_cache.CACHE_ROOT / source.name)
    return target


def start_build(book: Path, tool: str = "build", **options) -> subprocess.Popen:
    """`python -m belarus_book <tool> <book>` started in a session of its own (so a test can
    send it Ctrl-C as a terminal would, to the whole group), output to a pipe."""
    return subprocess.Popen([sys.executable, "-m", "belarus_book", tool, str(book)], cwd=book,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True, env={**os.environ, **options.get("env", {})})


def run_tool(book: Path, tool: str = "build", *options: str, timeout: int = 900, env: dict | None = None,
             user: str | None = None) -> subprocess.CompletedProcess:
    """`python -m belarus_book <tool> <book> <options>` to its end, as ``user`` if given
    (root only)."""
    command = [sys.executable, "-m", "belarus_book", tool, str(book), *options]
    environment = {**os.environ, **(env or {})}
    if user:
        # The user's own home for Jupyter's and IPython's files, not root's.
        environment = {k: v for k, v in environment.items() if not k.startswith(("XDG_", "JUPYTER", "IPYTHON"))}
        environment.update(HOME=str(Path("~" + user).expanduser()), USER=user, LOGNAME=user)
        command = ["runuser", "-u", user, "--", *command]
    return subprocess.run(command, cwd=book, capture_output=True, text=True, timeout=timeout,
                          env=environment)
