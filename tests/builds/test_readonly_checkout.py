"""A read-only checkout, built by a normal user (issue 28, item 5): nothing is written outside
_build/, the copies the build makes are writable, a read-only staging folder or site left
behind never blocks a later build, and make clean never deletes the site and then fails.

Runs as a user made for it (``bbtest``), which needs root: outside CI a developer who is not
root skips it and is told why; CI (.ci/run) runs as root and so always runs it.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from belarus_book.commands import exec_cache
from belarus_book.web.layout import site_dir

from ..book_copies import copy_book, run_tool
from ..helpers import IN_CI, ROOT

pytestmark = pytest.mark.slow

USER = "bbtest"


@pytest.fixture(scope="module")
def user():
    if os.getuid() != 0:
        if IN_CI:
            pytest.fail("CI runs as root (.ci/run), which this test needs to create a user")
        pytest.skip(f"needs root, to create the user {USER!r} and run the build as that user")
    try:
        pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(["useradd", "--create-home", USER], check=True)
    # The interpreter and its standard library (pyenv), the venv and the checkout the package
    # is installed from may sit under root's home, which others may not enter: let the user
    # pass through (not list) those folders meanwhile.
    closed = {}
    for path in {Path(sys.executable).resolve(), Path(sys.base_prefix).resolve(),
                 Path(sys.prefix).resolve() / "bin", ROOT.resolve() / "src"}:
        for folder in reversed(path.parents):
            if subprocess.run(["runuser", "-u", USER, "--", "test", "-x", str(folder)]).returncode:
                closed[folder] = folder.stat().st_mode
                folder.chmod(folder.stat().st_mode | 0o001)
    try:
        yield USER
    finally:
        for folder, mode in closed.items():
            folder.chmod(mode)


@pytest.fixture(scope="module")
def book(user):
    """A copy of the book owned by ``user``, with every file and folder of it read-only but
    _build/ (where the builds write)."""
    top = Path(tempfile.mkdtemp(prefix="belarus-book-readonly-"))
    try:
        top.chmod(0o755)
        book = copy_book(top / "book")
        subprocess.run(["chown", "-R", f"{user}:{user}", str(book)], check=True)
        for path in [book, *book.rglob("*")]:
            if "_build" not in path.relative_to(book).parts:
                path.chmod(path.stat().st_mode & ~0o222)
        yield book
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(top)], check=False)
        shutil.rmtree(top, ignore_errors=True)


def sources(book: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime) of every file and folder outside _build/."""
    return {p.relative_to(book).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in [book, *book.rglob("*")] if "_build" not in p.relative_to(book).parts}


def as_user(book: Path, user: str, tool: str = "build") -> subprocess.CompletedProcess:
    return run_tool(book, tool, user=user)


def test_a_read_only_checkout_builds_and_nothing_is_written_outside_build(book, user):
    before = sources(book)
    result = as_user(book, user)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert sources(book) == before, "the build wrote into the checkout"
    published = site_dir(book) / "data"
    assert (published / "claims.csv").is_file()
    for path in [published, *published.rglob("*")]:
        assert path.stat().st_mode & 0o200, f"{path} was copied read-only"


def test_a_read_only_staging_folder_and_site_left_behind_do_not_block_the_next_build(book, user):
    build_dir = book / "_build"
    (build_dir / "staging" / ".complete").unlink(missing_ok=True)  # as a build that did not finish
    for folder in ("staging", "html"):
        subprocess.run(["chmod", "-R", "a-w", str(build_dir / folder)], check=True)
    result = as_user(book, user)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Discarding _build/staging" in result.stdout
    result = as_user(book, user)  # the read-only site, now html.previous, goes too
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_a_cache_this_user_may_not_read_stops_the_build_naming_it(book, user):
    folder = exec_cache.cache_folder(book, book / "data")
    notebook = next(folder.glob("executed/*/base.ipynb"))
    owner = notebook.stat()
    os.chown(notebook, 0, 0)
    notebook.chmod(0o600)
    try:
        result = as_user(book, user)
    finally:
        os.chown(notebook, owner.st_uid, owner.st_gid)
    assert result.returncode == 1
    assert "the execution cache in _build/.jupyter_cache is damaged (this user may not read or write " \
           f"{notebook.relative_to(folder)})" in result.stderr


def test_clean_removes_nothing_if_it_cannot_remove_everything_then_everything(book, user):
    build_dir = book / "_build"
    site = site_dir(book)
    theirs = build_dir / "staging" / "root-owned"
    subprocess.run(["chmod", "-R", "u+w", str(build_dir / "staging")], check=True)
    theirs.mkdir()
    (theirs / "file").write_text("root's", encoding="utf-8")
    os.chown(theirs, 0, 0)
    theirs.chmod(0o755)
    subprocess.run(["chmod", "-R", "a-w", str(site)], check=True)
    result = as_user(book, user, "clean")
    assert result.returncode == 1
    assert "nothing was removed" in result.stderr and "_build/staging/root-owned" in result.stderr
    assert (site / "index.html").is_file(), "clean deleted the site and then stopped"
    shutil.rmtree(theirs)
    result = as_user(book, user, "clean")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in build_dir.iterdir()) == [".lock"]
