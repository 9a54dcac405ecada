"""Removing build output without losing the site half-way.

    python -m belarus_book clean [BOOK_DIR]         (make clean: all of _build/)
    python -m belarus_book clean-cache [BOOK_DIR]   (make clean-cache: the execution cache only)

Both hold the build lock, and look before they remove: if any folder in what they would
remove cannot be removed by this user (another user's, read-only), they name it and remove
nothing, so ``make clean`` never deletes the site and then stops on "Permission denied".
``clean`` removes the site last; ``clean-cache`` keeps the site, the staging folder and the
PDFs: the next build runs every chapter again and publishes only if it passes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..web.layout import site_dir
from .folders import remove_tree, unremovable
from .lock import LOCK_NAME, Busy, build_lock


def remove(book: Path, paths: list[Path], what: str) -> int:
    """Remove ``paths`` (in that order) under the build lock; the exit status."""
    try:
        with build_lock(book, what):
            paths = [p for p in paths if os.path.lexists(p)]
            if not paths:
                print("Nothing to remove.")
                return 0
            stuck = [folder for path in paths for folder in unremovable(path)]
            if stuck:
                print(f"{what.upper()} STOPPED, nothing was removed: this user cannot remove "
                      f"{', '.join(str(s.relative_to(book)) for s in stuck)} (another user's); "
                      f"remove it as that user, then run this again.", file=sys.stderr)
                return 1
            for path in paths:
                remove_tree(path)
    except Busy as busy:
        print(f"{what.upper()} NOT STARTED: {busy}", file=sys.stderr)
        return 1
    print(f"Removed {', '.join(str(p.relative_to(book)) for p in paths)}")
    return 0


def run(book: Path) -> int:
    build_dir = book / "_build"
    if not build_dir.is_dir():
        print("Nothing to remove: there is no _build/")
        return 0
    site = site_dir(book)
    others = sorted(p for p in build_dir.iterdir() if p.name not in (LOCK_NAME, site.name))
    return remove(book, [*others, site], "clean")
