"""``python -m belarus_book clean-cache [BOOK_DIR]`` (``make clean-cache``): remove the
execution cache and nothing else (see :mod:`.clean`); the next build runs every chapter again."""

from __future__ import annotations

from pathlib import Path

from .clean import remove
from .exec_cache import CACHE_ROOT


def run(book: Path) -> int:
    return remove(book, [book / CACHE_ROOT], "clean-cache")
