"""One build at a time per checkout.

Every command that writes ``_build/`` (build, pdf, dist, clean, clean-cache) holds this lock
while it runs. Two builds at once (an editor's save hook and a terminal) would otherwise
share one staging folder and publish whatever mix of pages they left. The lock is an
``flock`` on ``_build/.lock``, so the system releases it when its process ends however it
ends (Ctrl-C, a crash, ``kill -9``): a lock is never left behind for someone to delete.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = ".lock"


class Busy(RuntimeError):
    """Another command holds the checkout's build lock."""


@contextlib.contextmanager
def build_lock(book: Path, what: str) -> Iterator[None]:
    """Hold the build lock of ``book`` while the block runs (``what`` names the command, for
    the message another process gets); :class:`Busy` if another process holds it."""
    build_dir = book / "_build"
    build_dir.mkdir(exist_ok=True)
    path = build_dir / LOCK_NAME
    handle = open(path, "a+", encoding="utf-8")  # held open while the lock lasts
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            handle.seek(0)
            holder = handle.read().strip() or "a process that has not yet written its pid"
            raise Busy(f"another build is running ({holder}) in {book}: wait for it to finish, "
                       f"or stop it, then run this again. Nothing was changed.") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, {what}")
        handle.flush()
        yield
    finally:
        handle.close()
