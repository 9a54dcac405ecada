"""Publishing a built site into ``_build/html`` in one step.

The build writes into ``_build/staging``; a build that passed is copied aside into
``_build/html.new`` (writable, whatever modes the sources had), given the PDFs printed from
these same pages (:mod:`.print_links`), and then exchanged with ``_build/html`` by one
``renameat2(RENAME_EXCHANGE)`` call: at every instant the path ``_build/html`` is either the
whole old site or the whole new one, so a reader's browser or ``make serve`` (which resolves
the path on each request) never gets a partial site, nor none. The old site is kept as
``_build/html.previous`` until the next publish, so a reader who was half-way through
loading one of its pages still gets the rest of its files. Where the system has no such call,
two renames are used instead, leaving ``_build/html`` missing for a moment, never partial.
Leftovers of an interrupted publish are cleared by the next one.
"""

from __future__ import annotations

import ctypes
import errno
import os
from pathlib import Path

from ..i18n import speaking
from ..web.layout import EDITIONS, edition_site
from .folders import copy_writable, remove_tree
from .print_links import offer_pdfs

FRESH, PREVIOUS = ".new", ".previous"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one system call; False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(a))


def _beside(site: Path, suffix: str) -> Path:
    return site.with_name(site.name + suffix)


def recover(site: Path) -> None:
    """Clear what an interrupted publish left beside ``site``; if it stopped between the two
    renames of the fallback, put the old site back."""
    previous = _beside(site, PREVIOUS)
    if not site.exists() and (previous / "index.html").is_file():
        previous.rename(site)
    remove_tree(_beside(site, FRESH))


def swap_in(fresh: Path, site: Path) -> None:
    """Make the complete site ``fresh`` the one at ``site`` in one step; the old one is kept
    beside it until the next publish."""
    previous = _beside(site, PREVIOUS)
    remove_tree(previous)
    if not site.exists():
        fresh.rename(site)
    elif _exchange(fresh, site):
        fresh.rename(previous)
    else:
        site.rename(previous)
        fresh.rename(site)


def publish(built: Path, site: Path, pdf_dir: Path,
            editions: dict[str, tuple[Path, Path]] | None = None) -> list[str]:
    """Publish the built HTML ``built`` at ``site`` with the PDFs of ``pdf_dir`` printed from
    its pages, and each other edition (``{lang: (its built HTML, its PDFs)}``) in its folder
    of the site; the names of the PDFs offered. All in one step."""
    recover(site)
    fresh = _beside(site, FRESH)
    copy_writable(built, fresh)
    offered = offer_pdfs(fresh, pdf_dir)
    for lang, (edition_built, edition_pdfs) in (editions or {}).items():
        copy_writable(edition_built, edition_site(fresh, lang))
        with speaking(lang):
            offered += [f"{EDITIONS[lang]}/{name}" for name in offer_pdfs(edition_site(fresh, lang), edition_pdfs)]
    swap_in(fresh, site)
    return offered
