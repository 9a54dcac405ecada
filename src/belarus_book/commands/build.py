"""Build the HTML book strictly, without ever destroying the last good site.

    python -m belarus_book build [BOOK_DIR]      (what `make book` runs)

One build at a time per checkout (:mod:`.lock`). Before any page is read, ``_config.yml``,
``data/`` and the execution cache are checked (:mod:`.book_config`, :mod:`belarus_book.data`,
:mod:`.exec_cache`), each fault reported in one message that names where it is. Jupyter
Book then builds into ``_build/staging``; only a build that passed (no warning, no failing
cell) is published into ``_build/html``, in one step (:mod:`.publish`), with the PDFs of
``make pdf`` that are still true to its pages (:mod:`.print_links`).

Strict mode must hold on every build, and Sphinx only repeats the warnings of pages it reads
again: so a failed build throws the staging folder away, and so does the next build if the
last one never finished (interrupted, killed, the machine stopped): ``_build/staging`` is
marked complete only after a build that passed, and a folder without that mark is discarded,
so every page is read again.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from ..data import DataError, find_data_dir, validate_package
from ..web.layout import GERMAN_DIR, built_html, edition_pdf_dir, site_dir
from . import book_config, exec_cache
from . import german as german_edition
from .folders import remove_tree
from .lock import Busy, build_lock
from .publish import publish

STRICT = ["-W", "-n", "--keep-going"]
# In _build/staging, written only after a build that passed.
COMPLETE = ".complete"


KEPT = "The last good site in _build/html was left as it was."


def _say(message: str, error: bool = False) -> None:
    print(message, file=sys.stderr if error else sys.stdout, flush=True)


def run(book: Path) -> int:
    """Build ``book`` into ``_build/html``; the exit status (0: built)."""
    try:
        with build_lock(book, "build"):
            return _build(book)
    except Busy as busy:
        _say(f"\nBUILD NOT STARTED: {busy}", error=True)
        return 1
    except PermissionError as error:
        _say(f"\nBUILD STOPPED: {error}. It belongs to another user: remove it as that user.\n"
             f"{KEPT}", error=True)
        return 1
    except KeyboardInterrupt:
        _say(f"\nBUILD INTERRUPTED. {KEPT} The next build reads every page again.", error=True)
        return 130


def stop_reason(book: Path) -> str | None:
    """Why the build must not start (bad configuration, data or execution cache), or None."""
    try:
        book_config.check(book)
    except book_config.ConfigError as error:
        return f"the book's configuration is not valid, no chapter was run.\n{error}"
    # Checked here as well as in the Sphinx extension, to report bad data in one clean
    # message (file, row, column, rule) rather than at the end of a Sphinx traceback.
    try:
        data_dir = find_data_dir(book)
        validate_package(data_dir)
    except (DataError, FileNotFoundError) as error:
        return f"invalid data, no chapter was run.\n{error}"
    damage = exec_cache.damage(exec_cache.cache_folder(book, data_dir))
    if damage:
        return (f"the execution cache in {exec_cache.CACHE_ROOT} is damaged ({damage}); "
                f"run `make clean-cache` (it keeps the site), then build again.")
    return None


def _build(book: Path) -> int:
    build_dir = book / "_build"
    staging = build_dir / "staging"
    reason = stop_reason(book)
    if reason:
        _say(f"\nBUILD STOPPED: {reason}\n{KEPT}", error=True)
        return 1
    if staging.exists() and not (staging / COMPLETE).is_file():
        _say("Discarding _build/staging, left by a build that did not finish: every page is read again.")
        remove_tree(staging)
    (staging / COMPLETE).unlink(missing_ok=True)

    command = [
        str(Path(sys.executable).parent / "jupyter-book"), "build", str(book),
        "--path-output", str(staging), "--builder", "html", *STRICT,
    ]
    # Unbuffered, so progress shows as it happens when the output goes to a file or CI log.
    returncode = _run(command, book, {**os.environ, "PYTHONUNBUFFERED": "1"})
    if returncode != 0:
        remove_tree(staging)
        _say(f"\nBUILD FAILED (exit {returncode}); see the messages above.\n{KEPT}", error=True)
        return returncode

    editions = {}
    if (book / GERMAN_DIR / "_toc.yml").is_file():
        german = book / german_edition.OUTPUT_DIR
        if german.exists() and not (german / COMPLETE).is_file():
            remove_tree(german)  # left by a build that did not finish: read every page again
        (german / COMPLETE).unlink(missing_ok=True)
        _say("\nBuilding the German edition (from de/ and the English code) ...")
        returncode, german_site = german_edition.build_german(book)
        if returncode != 0:
            remove_tree(german)
            _say(f"\nBUILD FAILED in the German edition (exit {returncode}); see the messages "
                 f"above.\n{KEPT}", error=True)
            return returncode
        editions["de"] = (german_site, edition_pdf_dir(book, "de"))
    offered = publish(built_html(staging), site_dir(book), build_dir / "pdf", editions)
    (staging / COMPLETE).touch()
    if editions:
        (book / german_edition.OUTPUT_DIR / COMPLETE).touch()
    pdfs = f"; with the PDFs {', '.join(offered)}" if offered else ""
    _say(f"\nBuilt _build/html/index.html{pdfs}")
    return 0


def _run(command: list[str], cwd: Path, env: dict) -> int:
    """Run the build, and on Ctrl-C give it time to stop its kernels before it is killed."""
    process = subprocess.Popen(command, cwd=cwd, env=env)
    try:
        return process.wait()
    except KeyboardInterrupt:
        # A terminal's Ctrl-C reaches it too; a `kill -INT` of this process alone does not.
        for step in (lambda: None, lambda: process.send_signal(signal.SIGINT), process.kill):
            step()
            try:
                process.wait(timeout=10)
                break
            except subprocess.TimeoutExpired:
                continue
        raise
