"""Copying and removing folders whatever modes their files came with.

A checkout can be read-only (a shared machine, a mounted volume): a plain ``shutil.copytree``
carries that mode into the copy, so the build can neither add to the copy (``claims.csv``
beside the published data) nor remove it later, and every next build then fails on what
the last one left. Copies made here are owned and writable by whoever builds; removal makes
each folder writable first, and says which one it could not remove instead of ignoring it.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path


def copy_writable(source: Path, target: Path, ignore=None) -> None:
    """Copy the tree ``source`` to ``target`` (which must not exist) with the builder's own
    default modes: file contents and times, never read-only bits."""
    shutil.copytree(source, target, ignore=ignore, copy_function=_copy_file)
    # copytree copies each folder's mode too (a read-only folder stays read-only).
    for folder, _, _ in os.walk(target):
        os.chmod(folder, stat.S_IRWXU | (os.stat(folder).st_mode & 0o777))


def _copy_file(source: str, target: str) -> None:
    shutil.copyfile(source, target)
    shutil.copystat(source, target)
    os.chmod(target, os.stat(target).st_mode | stat.S_IWUSR | stat.S_IRUSR)


def remove_tree(path: Path) -> None:
    """Remove ``path`` (a folder, a file or nothing). A folder without write permission is
    made writable first; a folder that still cannot be removed (another user's) raises
    :class:`PermissionError` naming it."""
    if not os.path.lexists(path):
        return
    if path.is_symlink() or not path.is_dir():
        path.unlink()
        return

    _open_up(path)
    for folder, folders, _ in os.walk(path):
        for name in folders:
            _open_up(Path(folder, name))

    def stop(function, name, info):
        raise PermissionError(f"cannot remove {name}: {info[1]}") from info[1]

    # onerror, not onexc: the book supports Python 3.11.
    shutil.rmtree(path, onerror=stop)


def _open_up(folder: Path) -> None:
    """Give the owner full rights on ``folder`` (not followed if it is a link); someone
    else's folder is left as it is (removing it then fails, naming it)."""
    if folder.is_symlink():
        return
    mode = folder.stat().st_mode
    if mode & stat.S_IRWXU != stat.S_IRWXU:
        try:
            folder.chmod(mode | stat.S_IRWXU)
        except PermissionError:
            pass


def unremovable(path: Path) -> list[Path]:
    """The folders under ``path`` (itself included) that this user could not empty: not
    writable and not theirs to make writable. Checked before removing anything, so a
    removal that would stop half-way is never started."""
    if not path.is_dir() or path.is_symlink():
        return []
    uid = os.getuid()
    stuck = []
    for folder, folders, _ in os.walk(path):
        if not os.access(folder, os.R_OK | os.W_OK | os.X_OK) and os.stat(folder).st_uid != uid:
            stuck.append(Path(folder))
        folders[:] = [f for f in folders if not os.path.islink(os.path.join(folder, f))]
    return stuck
